/** The standalone page's entry: the old-webview check first, then the page. No office.js here. */
import { langFromTag } from '../core/i18n';
import '../core/i18n/all';
import { isOldWebview, showOldWebviewMessage } from '../taskpane/oldWebview';
import { mountStandalone } from './mount';

if (isOldWebview(navigator.userAgent)) showOldWebviewMessage(langFromTag(navigator.language));
else mountStandalone(document.getElementById('root')!);
