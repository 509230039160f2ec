/* ES5 on purpose: inlined into the HTML pages so that it runs in Internet Explorer's engine, where the
 * bundles cannot even parse. Shows the message naming the Office versions that work. */
(function () {
  var ua = window.navigator.userAgent;
  if (ua.indexOf('Trident') === -1 && ua.indexOf('MSIE') === -1) return;
  window.__oldWebview = true;
  var box = document.getElementById('old-webview');
  if (box) box.style.display = 'block';
  var root = document.getElementById('root');
  if (root) root.style.display = 'none';
})();
