/*
 * Leverage Lab's service worker: a classroom that loaded the site once can use it with the network off. It
 * stays in its lane (issue 19): deployed at a site's root beside other pages and APIs, it touches only the
 * build's own files.
 *
 * - Files: the build's own, listed at build time (the precache plugin in vite.config.ts writes the list and
 *   the build's hash into this file), relative to this script's URL. A request for anything else is not
 *   intercepted: it goes to the network as if there were no service worker, and nothing else is ever cached.
 * - Cache name: the build's hash and the scope, so a new build is a new cache and two copies of the site on
 *   one origin do not touch each other's caches. Activate deletes this scope's caches of older builds.
 * - Pages (the app, the explainer): network first, so a deploy is seen at once; the cached copy when offline.
 *   Other files (scripts and styles named by their content hash, icons): from the cache.
 * - Update: a new build waits until the page asks it to take over ("A new version is available: reload", see
 *   src/lib/update-notice.ts), so an open page never mixes files of two builds.
 */
const BUILD = '__LEVERAGE_LAB_BUILD__';
/** Paths relative to this script, './' for the app itself. */
// eslint-disable-next-line no-undef -- replaced by the file list at build time (vite.config.ts)
const FILES = __LEVERAGE_LAB_FILES__;
const CACHE_PREFIX = `leverage-lab|${self.registration.scope}|`;
const CACHE = CACHE_PREFIX + BUILD;
const OWN = new Set(FILES.map((file) => new URL(file, self.location.href).href));
const APP = new URL('./', self.location.href).href;
const PAGES = new Set([APP, new URL('index.html', self.location.href).href]);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES.map((file) => new Request(file, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE)
            .map((name) => caches.delete(name)),
        ),
      ),
  );
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'leverage-lab:take-over') self.skipWaiting();
});

async function networkFirst(request, key) {
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await caches.open(CACHE).then((cache) => cache.match(key));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.open(CACHE).then((cache) => cache.match(request));
  return cached || fetch(request);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  // A page's query (index.html?scenario=…) is state for the page, not another file.
  const page = new URL(url.href);
  page.search = '';
  if (request.mode === 'navigate' && PAGES.has(page.href)) {
    event.respondWith(networkFirst(request, APP));
    return;
  }
  if (request.mode === 'navigate' && OWN.has(page.href)) {
    event.respondWith(networkFirst(request, page.href));
    return;
  }
  if (url.search === '' && OWN.has(url.href)) event.respondWith(cacheFirst(request));
  // Anything else: not ours, not intercepted.
});
