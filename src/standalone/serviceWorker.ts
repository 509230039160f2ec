/**
 * The standalone page's service worker (dist/sw.js, scope standalone.html): once the page has been
 * visited, it opens without a network — a village school with a bad line still has it. It caches the
 * app's own files only, listed at build time (webpack.config.js PrecacheList fills FILES and VERSION):
 * the page, its scripts and the bundled sample. It never sees a teacher's workbook, which is read from
 * disk and kept in the page's memory; it answers only GET requests for those files, and lets every
 * other request (there are none) go to the network untouched. Hand-written, no Workbox: ~60 lines that
 * do one thing, and no build-time plugin that would have to learn our webpack set-up.
 */

interface ExtendableEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  readonly location: Location;
  readonly registration: { readonly scope: string };
  readonly clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (e: FetchEvent) => void): void;
}

const scope = self as unknown as WorkerScope;
// Replaced in the built file; a space-separated list of paths relative to the worker, and a hash of them.
const FILES = '__PRECACHE_FILES__'.split(' ').filter(Boolean);
const VERSION = '__PRECACHE_VERSION__';
const PREFIX = 'liushou-standalone-';
const CACHE = `${PREFIX}${VERSION}`;
const PAGE = 'standalone.html';

const urlOf = (path: string) => new URL(path, scope.location.href).href;
const cached = new Set(FILES.map(urlOf));

scope.addEventListener('install', (e) => {
  // cache: 'reload' skips the HTTP cache, so the copy kept is the one this build made.
  e.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(urlOf(f), { cache: 'reload' }))))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (e) => {
  // Drop the files of earlier builds; take over open pages at once.
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('fetch', (e) => {
  const request = e.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.location.origin) return;
  if (request.mode === 'navigate' && url.pathname.endsWith(`/${PAGE}`)) {
    // The page itself: the network's copy when there is one (a new build), else the kept one (?sample=1 and all).
    e.respondWith(fetch(request).catch(() => caches.match(urlOf(PAGE)).then((r) => r ?? Response.error())));
    return;
  }
  url.search = '';
  if (!cached.has(url.href)) return;
  // Scripts and the sample: their names change with their content, so the kept copy is the right one.
  e.respondWith(caches.match(url.href).then((r) => r ?? fetch(request)));
});
