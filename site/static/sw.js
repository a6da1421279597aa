// icmplab service worker: keeps the page's few files so the workbench opens
// offline once it has been loaded.
//
// It stays out of the way when the server answers (README, "Start-up"): only
// the page's own navigation goes through it, network first (with navigation
// preload, so that starting this worker does not delay it). When the
// network answers, every other file of that page (and of its Web Worker) is
// fetched by the browser as if there were no service worker: through the
// HTTP cache, and main.wasm with the compiled code the browser keeps for it.
// When the network fails, the cached index.html is served and that page,
// and the Web Worker it starts, get every file from the cache. The cache is
// filled a few seconds after the first visit (the install waits, so that
// copying main.wasm does not compete with a reload at once) and brought up to
// date a few seconds after each page opened online: a HEAD request for each
// file, and a copy of those whose ETag changed.
'use strict';

const CACHE = 'icmplab-v1';
const ASSETS = ['./', 'index.html', 'boot.js', 'bundle.js', 'style.css', 'worker.js', 'wasm_exec.js', 'main.wasm', 'favicon.svg'];

/** REFRESH_DELAY is how long after a page opened online the cache is filled
 * (install) or refreshed: after its start-up, which the copy would compete
 * with, and after a reload at once, which would otherwise find this worker
 * installing and then taking control of it halfway (README, "Start-up"). */
const REFRESH_DELAY = 5000;

/** offline holds the clients (pages, and their Web Workers) opened from the cache. */
const offline = new Set();

self.addEventListener('install', (e) => {
  // The page that registered this worker has just fetched these very files:
  // they are copied from the HTTP cache (force-cache), not fetched again, and
  // only after REFRESH_DELAY, while nothing starts. refresh() later replaces
  // any whose ETag has changed since.
  const reqs = ASSETS.map((a) => new Request(a, { cache: 'force-cache' }));
  e.waitUntil(
    delay(REFRESH_DELAY)
      .then(() => caches.open(CACHE))
      .then((c) => c.addAll(reqs))
      .then(() => self.skipWaiting())
  );
});

/** delay resolves after ms milliseconds. */
function delay(ms) {
  return new Promise((ok) => setTimeout(ok, ms));
}

self.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      if (self.registration.navigationPreload) await self.registration.navigationPreload.enable();
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k)));
      await self.clients.claim();
    })()
  );
});

self.addEventListener('fetch', (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(navigate(e));
    return;
  }
  if (!offline.has(e.clientId)) return; // online: the browser fetches it itself
  if (req.destination === 'worker' && e.resultingClientId) offline.add(e.resultingClientId);
  e.respondWith(caches.match(req, { ignoreSearch: true }).then((r) => r || fetch(req)));
});

async function navigate(e) {
  try {
    const resp = (await e.preloadResponse) || (await fetch(e.request));
    e.waitUntil(delay(REFRESH_DELAY).then(refresh));
    return resp;
  } catch (err) {
    const cached = await caches.match('index.html');
    if (!cached) throw err;
    if (e.resultingClientId) offline.add(e.resultingClientId);
    return cached;
  }
}

/** refresh copies into the cache the files that changed on the server: a
 * HEAD request each tells by its ETag, and only a changed file is fetched. */
async function refresh() {
  const c = await caches.open(CACHE);
  await Promise.all(
    ASSETS.map(async (a) => {
      try {
        const old = await c.match(a);
        const head = await fetch(a, { method: 'HEAD', cache: 'no-store' });
        const tag = head.headers.get('ETag');
        if (!head.ok || (old && tag && old.headers.get('ETag') === tag)) return;
        const resp = await fetch(a, { cache: 'no-cache' });
        if (resp.ok) await c.put(a, resp);
      } catch {
        // the server went away meanwhile: the cached copy stays
      }
    })
  );
}
