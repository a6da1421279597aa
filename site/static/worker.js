// icmplab worker: runs the Go codec (main.wasm) off the page's thread, so a
// large capture never freezes the tab. The page talks to it with
// {id, op, args} messages and gets {id, ok, result | error} back; a capture
// being read also posts {event: "progress", ...} messages. If the Go program
// ends, the worker posts {event: "exit", status} (or {event: "exit", failure}
// with the engine's error) and the page, which words it, replaces it.
//
// Files are read here, straight from the File object, in chunks: the page
// never holds a capture's bytes, and this worker keeps only the File handle
// (the Go side keeps an index of the packets and the bytes of the first ones).
'use strict';

// The module's fetch starts first: wasm_exec.js is read while it downloads.
// It asks for high priority: the page's first answer waits for this body
// more than for anything the document loads beside it (README, "Start-up":
// 5-9% sooner cold, three runs).
const scriptStart = performance.now();
const wasmResponse = fetch('main.wasm', { priority: 'high' });
importScripts('wasm_exec.js');
const imported = performance.now();

/** Milliseconds since the worker started, at each step of loading: main.wasm
 * fetched (wasmFetch, wasmFetched, wasmBytes as sent), compiled, Go's main()
 * reached (goMain: the runtime and package init done), running, ready. */
const timing = { start: Math.round(performance.timeOrigin), script: Math.round(scriptStart), imported: Math.round(imported) };

/** exited is set once the Go program has ended: no call can reach it again. */
let exited = false;

function exit(end) {
  if (exited) return;
  exited = true;
  postMessage({ event: 'exit', ...end });
}

const ready = (async () => {
  const go = new Go();
  // wasm_exec.js hands the program's status to go.exit and keeps no
  // record of it (there is no go.exitCode): keep it for the page.
  let status = 0;
  const goExit = go.exit;
  go.exit = (code) => {
    status = code;
    goExit(code);
  };
  const { instance } = await WebAssembly.instantiateStreaming(wasmResponse, go.importObject);
  timing.compiled = Math.round(performance.now());
  // main() installs globalThis.icmplab and keeps running; the promise
  // settles only if the program ends (out of memory, a fatal error).
  go.run(instance).then(
    () => exit({ status }),
    (err) => exit({ failure: err && err.message ? err.message : String(err) })
  );
  timing.running = Math.round(performance.now());
  if (!self.icmplab) throw new Error('main.wasm did not install the icmplab object');
  timing.goMain = Math.round(self.icmplab.mainStart);
  const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/main.wasm'));
  if (wasm) {
    timing.wasmFetch = Math.round(wasm.startTime);
    timing.wasmFetched = Math.round(wasm.responseEnd);
    timing.wasmBytes = wasm.encodedBodySize;
  }
  return self.icmplab;
})();

/** Open captures by handle: the File each index refers to. */
const files = new Map();

/** Bytes read between progress reports: big enough to amortise the call. */
const CHUNK = 1 << 20;

/** The largest capture whose story is told: it is read whole into memory. */
const STORY_MAX = 64 << 20;

/** streamInto feeds a File into a Go capture session chunk by chunk,
 * reporting progress; it stops early when the session says it is done. */
async function streamInto(api, handle, file, report, lang) {
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
  return JSON.parse(await api.captureEnd(handle, lang));
}

async function openCapture(api, id, src) {
  const handle = await api.captureOpen(src.name || 'capture');
  const file = src.file || new Blob([src.bytes]);
  files.set(handle, file);
  const end = await streamInto(
    api,
    handle,
    file,
    (loaded, total, count) => postMessage({ event: 'progress', id, handle, loaded, total, count }),
    src.lang
  );
  postMessage({ event: 'progress', id, handle, loaded: file.size, total: file.size, count: end.count });
  return JSON.stringify(end);
}

/** A packet of an open capture. When the Go side did not keep its bytes (a
 * capture larger than its memory budget), the File is read again up to it. */
async function packet(api, handle, index, lang, id) {
  const first = JSON.parse(await api.capturePacket(handle, index, lang));
  if (!first.need) return JSON.stringify(first);
  const file = files.get(handle);
  if (!file) throw new Error('capture ' + handle + ' is closed');
  const fh = await api.captureOpenFetch(first.need.row);
  try {
    await streamInto(api, fh, file, (loaded, total) =>
      postMessage({ event: 'progress', id, handle, loaded, total, count: -1 })
    );
    return await api.captureDissect(handle, index, fh, lang);
  } finally {
    await api.captureClose(fh);
  }
}

const ops = {
  init: async (api, lang) => {
    const meta = JSON.parse(await api.init(lang));
    timing.ready = Math.round(performance.now());
    meta.timing = timing;
    return JSON.stringify(meta);
  },
  decode: (api, input, opts) => api.decode(input, opts || {}),
  lookup: (api, family, type, code, lang) => api.lookup(family, type, code, lang),
  types: (api, family, lang) => api.types(family, lang),
  explain: (api, key) => api.explain(key),
  build: (api, spec, lang) => api.build(spec, lang),
  format: (api, hex, dialect) => api.format(hex, dialect),
  example: (api, id, lang) => api.example(id, lang),
  // The exchanges of an open capture (its File, read whole up to STORY_MAX) or of a paste.
  story: async (api, src) => {
    if (src.text !== undefined) return api.story(src.text);
    if (src.bytes) return api.story(src.bytes);
    const file = files.get(src.handle);
    if (!file || file.size > STORY_MAX) return JSON.stringify({ exchanges: [], roles: [], untracked: 0, limit: 0 });
    return api.story(new Uint8Array(await file.arrayBuffer()));
  },
  rows: (api, handle, start, n, lang) => api.captureRows(handle, start, n, lang),
  filter: (api, handle, spec, lang) => api.captureFilter(handle, spec, lang),
  filterCheck: (api, expr, lang) => api.filterCheck(expr, lang),
  filterMatch: (api, expr, data, layer, n, len, lang) => api.filterMatch(expr, data, layer, n, len, lang),
  export: (api, handle, format, lang) => api.captureExport(handle, format, lang),
  goto: (api, handle, n) => api.captureGoto(handle, n),
  sort: (api, handle, key, desc) => api.captureSort(handle, key, desc),
  compareRows: (api, handle, a, b, opts, lang) => api.captureCompare(handle, a, b, opts, lang),
  compareBytes: (api, a, b, opts) => api.compare(a, b, opts),
  filterFields: (api, lang) => api.filterFields(lang),
  diagram: (api, tree, path, lang) => api.diagram(tree, path, lang),
  // Ends the Go program, as a crash would (the page's test hook).
  exit: (api) => api.dispose(),
  close: (api, handle) => {
    files.delete(handle);
    return api.captureClose(handle);
  },
};

self.onmessage = async (e) => {
  const { id, op, args } = e.data;
  const recv = performance.now();
  try {
    const api = await ready;
    // took: how long the call ran here, once Go was up (the start-up benchmark reads it).
    const t0 = performance.now();
    let result;
    if (op === 'open') result = await openCapture(api, id, args[0]);
    else if (op === 'packet') result = await packet(api, args[0], args[1], args[2], id);
    else if (ops[op]) result = await ops[op](api, ...(args || []));
    else throw new Error('unknown operation ' + op);
    postMessage({ id, ok: true, result, took: Math.round(performance.now() - t0), recv: Math.round(recv + performance.timeOrigin), sent: Math.round(performance.now() + performance.timeOrigin) });
  } catch (err) {
    const message = err && err.message ? err.message : String(err);
    // A call into a program that has ended throws this (wasm_exec.js).
    if (/Go program has already exited/.test(message)) exit({ failure: message });
    postMessage({ id, ok: false, error: { message, text: err && err.text, field: err && err.field } });
  }
};
