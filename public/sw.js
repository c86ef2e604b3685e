/*
 * Leverage Lab's service worker: a classroom that loaded the site once can use it with the network off.
 *
 * - Scope: its own folder (the default), so the site works the same at the root or under any sub-path.
 * - Install: fetches precache-manifest.json (written at build time by the precache plugin in vite.config.ts)
 *   and caches every file it lists, relative to this script's URL.
 * - Cache name: the build's version (a hash of the built files) and the scope, so a new build is a new cache
 *   and two copies of the site on one origin do not touch each other's caches.
 * - Activate: deletes this scope's caches of older builds.
 * - Fetch: cache first for same-origin GETs in scope; what is not cached comes from the network and is kept.
 *   No request to another origin is ever made or cached.
 *
 * There is no skipWaiting: a new build takes over once every tab of the old one is closed, so an open page never
 * mixes files of two builds.
 */
const BUILD = '__LEVERAGE_LAB_BUILD__';
const CACHE_PREFIX = `leverage-lab|${self.registration.scope}|`;
const CACHE = CACHE_PREFIX + BUILD;

function isManifest(value) {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.version === 'string' &&
    Array.isArray(value.files) &&
    value.files.every((file) => typeof file === 'string' && !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(file))
  );
}

async function precache() {
  const response = await fetch('precache-manifest.json', { cache: 'no-cache' });
  if (!response.ok) throw new Error(`precache-manifest.json: HTTP ${response.status}`);
  const manifest = await response.json();
  if (!isManifest(manifest)) throw new Error('precache-manifest.json is not a list of relative paths');
  if (manifest.version !== BUILD)
    throw new Error(`precache-manifest.json is for build ${manifest.version}, this worker for ${BUILD}`);
  const cache = await caches.open(CACHE);
  await cache.addAll(manifest.files.map((file) => new Request(file, { cache: 'reload' })));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
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

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  // A page's query (index.html?scenario=…) is state for the page, not a different file.
  const cached = await cache.match(request, { ignoreSearch: request.mode === 'navigate' });
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (response.status === 200 && response.type === 'basic') await cache.put(request, response.clone());
    return response;
  } catch (error) {
    // Offline and not cached: a page in scope gets the app rather than the browser's error page.
    if (request.mode === 'navigate') {
      const app = await cache.match('./');
      if (app) return app;
    }
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(self.registration.scope)) return;
  event.respondWith(cacheFirst(request));
});
