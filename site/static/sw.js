// icmplab service worker: keeps the page's few files so the workbench opens
// offline once it has been loaded. Network first (a rebuilt main.wasm is
// picked up at once), the cached copy when the network is gone.
'use strict';

const CACHE = 'icmplab-v1';
const MODULES = ['dom', 'state', 'strings', 'rpc', 'message', 'vocab', 'input', 'capture', 'tree', 'hex', 'bits', 'teach', 'story', 'storystrings', 'lesson', 'listwords', 'filterbox', 'export', 'compare', 'panes'];
const ASSETS = ['./', 'index.html', 'app.js', 'style.css', 'worker.js', 'wasm_exec.js', 'main.wasm', 'favicon.svg', ...MODULES.map((m) => 'js/' + m + '.js')];

self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (e) => {
  e.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('fetch', (e) => {
  const url = new URL(e.request.url);
  if (e.request.method !== 'GET' || url.origin !== self.location.origin) return;
  e.respondWith(
    fetch(e.request)
      .then((resp) => {
        if (resp.ok) {
          const copy = resp.clone();
          caches.open(CACHE).then((c) => c.put(e.request, copy));
        }
        return resp;
      })
      .catch(() => caches.match(e.request, { ignoreSearch: true }))
  );
});
