/** The standalone page's entry: the old-webview check first, then the page. No office.js here. */
import { langFromTag } from '../core/i18n';
import '../core/i18n/all';
import { isOldWebview, showOldWebviewMessage } from '../taskpane/oldWebview';
import { mountStandalone } from './mount';

if (isOldWebview(navigator.userAgent)) showOldWebviewMessage(langFromTag(navigator.language));
else {
  mountStandalone(document.getElementById('root')!);
  keepForOffline();
}

/**
 * Keep the page's own files for offline use (src/standalone/serviceWorker.ts). Registered here only, by
 * standalone.html, with a scope of that page: the Excel pane (taskpane.html, also when it finds itself
 * outside Office) is never controlled by it. Built only in production (webpack.config.js); a browser
 * without service workers, or a page opened from disk, simply works online.
 */
function keepForOffline(): void {
  if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator) || location.protocol === 'file:') return;
  addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './standalone.html' }).catch(() => undefined);
  });
}
