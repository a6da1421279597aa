// icmplab worker: runs the Go codec (main.wasm) off the page's thread, so a
// large capture never freezes the tab. The page talks to it with
// {id, op, args} messages and gets {id, ok, result | error} back; a capture
// being read also posts {event: "progress", ...} messages.
//
// Files are read here, straight from the File object, in chunks: the page
// never holds a capture's bytes, and this worker keeps only the File handle
// (the Go side keeps an index of the packets and the bytes of the first ones).
'use strict';

importScripts('wasm_exec.js');

/** Milliseconds since the worker started, at each step of loading. */
const timing = { start: Math.round(performance.timeOrigin) };

const ready = (async () => {
  const go = new Go();
  const { instance } = await WebAssembly.instantiateStreaming(fetch('main.wasm'), go.importObject);
  timing.compiled = Math.round(performance.now());
  go.run(instance); // main() installs globalThis.icmplab and keeps running
  timing.running = Math.round(performance.now());
  if (!self.icmplab) throw new Error('main.wasm did not install the icmplab object');
  return self.icmplab;
})();

/** Open captures by handle: the File each index refers to. */
const files = new Map();

/** Bytes read between progress reports: big enough to amortise the call. */
const CHUNK = 1 << 20;

/** streamInto feeds a File into a Go capture session chunk by chunk,
 * reporting progress; it stops early when the session says it is done. */
async function streamInto(api, handle, file, report) {
  const total = file.size;
  let loaded = 0;
  let last = 0;
  const reader = file.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const out = JSON.parse(await api.captureFeed(handle, value));
      loaded += value.length;
      if (loaded - last >= CHUNK || out.done) {
        last = loaded;
        report(loaded, total, out.count);
      }
      if (out.done) break; // an error, the row limit, or a fetch found its packet
    }
  } finally {
    reader.cancel().catch(() => {});
  }
  return JSON.parse(await api.captureEnd(handle));
}

async function openCapture(api, id, src) {
  const handle = await api.captureOpen(src.name || 'capture');
  const file = src.file || new Blob([src.bytes]);
  files.set(handle, file);
  const end = await streamInto(api, handle, file, (loaded, total, count) =>
    postMessage({ event: 'progress', id, handle, loaded, total, count })
  );
  postMessage({ event: 'progress', id, handle, loaded: file.size, total: file.size, count: end.count });
  return JSON.stringify(end);
}

/** A packet of an open capture. When the Go side did not keep its bytes (a
 * capture larger than its memory budget), the File is read again up to it. */
async function packet(api, handle, index, id) {
  const first = JSON.parse(await api.capturePacket(handle, index));
  if (!first.need) return JSON.stringify(first);
  const file = files.get(handle);
  if (!file) throw new Error('capture ' + handle + ' is closed');
  const fh = await api.captureOpenFetch(first.need.row);
  try {
    await streamInto(api, fh, file, (loaded, total) =>
      postMessage({ event: 'progress', id, handle, loaded, total, count: -1 })
    );
    return await api.captureDissect(handle, index, fh);
  } finally {
    await api.captureClose(fh);
  }
}

const ops = {
  init: async (api) => {
    const meta = JSON.parse(await api.init());
    timing.ready = Math.round(performance.now());
    meta.timing = timing;
    return JSON.stringify(meta);
  },
  decode: (api, input, opts) => api.decode(input, opts || {}),
  lookup: (api, family, type, code) => api.lookup(family, type, code),
  types: (api, family) => api.types(family),
  explain: (api, key) => api.explain(key),
  build: (api, spec) => api.build(spec),
  format: (api, hex, dialect) => api.format(hex, dialect),
  example: (api, id) => api.example(id),
  rows: (api, handle, start, n) => api.captureRows(handle, start, n),
  filter: (api, handle, spec) => api.captureFilter(handle, spec),
  close: (api, handle) => {
    files.delete(handle);
    return api.captureClose(handle);
  },
};

self.onmessage = async (e) => {
  const { id, op, args } = e.data;
  try {
    const api = await ready;
    let result;
    if (op === 'open') result = await openCapture(api, id, args[0]);
    else if (op === 'packet') result = await packet(api, args[0], args[1], id);
    else if (ops[op]) result = await ops[op](api, ...(args || []));
    else throw new Error('unknown operation ' + op);
    postMessage({ id, ok: true, result });
  } catch (err) {
    postMessage({ id, ok: false, error: err && err.message ? err.message : String(err) });
  }
};
