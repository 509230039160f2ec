import { t, type Lang } from '../core/i18n';

/** Internet Explorer's engine (Office 2016/2019 volume licences) cannot run the pane. */
export function isOldWebview(userAgent: string): boolean {
  return userAgent.indexOf('Trident') !== -1 || userAgent.indexOf('MSIE') !== -1;
}

/**
 * Show the plain message instead of the pane. The HTML template's ES5 guard normally did so already
 * (this bundle cannot even parse in IE); this covers a page whose guard was stripped.
 */
export function showOldWebviewMessage(lang: Lang): void {
  const box = document.getElementById('old-webview');
  if (box) {
    box.style.display = 'block';
    return;
  }
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = t(lang, 'ui.oldWebview');
  document.body.appendChild(p);
}
