/**
 * The Excel task pane's entry. Order matters: the old-webview check first (nothing else may run there),
 * then Office.onReady. In Excel the pane talks to the Office port; anywhere else (office.js reports no
 * host, or could not load at all) the page becomes the standalone page by itself.
 */
import { langFromTag, type Lang } from '../core/i18n';
import './messages';
import { isOldWebview, showOldWebviewMessage } from './oldWebview';

const root = document.getElementById('root')!;

if (isOldWebview(navigator.userAgent)) {
  showOldWebviewMessage(langFromTag(navigator.language));
} else {
  void start();
}

async function start(): Promise<void> {
  if (typeof Office === 'undefined') return standalone();
  const info = await Office.onReady();
  if (!info.host) return standalone();
  const lang: Lang = langFromTag(Office.context.displayLanguage || navigator.language);
  const { mountExcelPane } = await import(/* webpackMode: "eager" */ './excelPane');
  mountExcelPane(root, lang);
}

/** Not in Office: render the standalone page here (its chunk, and the xlsx library, load only now). */
async function standalone(): Promise<void> {
  const { mountStandalone } = await import(/* webpackChunkName: "standalone-app" */ '../standalone/mount');
  mountStandalone(root);
}
