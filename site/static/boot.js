// icmplab boot: the first script of the page, a classic one, so that it runs
// before the page's ES modules have even been fetched. It starts the codec's
// worker at once, and fetches and compiles main.wasm itself meanwhile (the
// compile runs on the browser's background threads, not this one): a worker
// takes a few hundred milliseconds to start, which its own fetch would wait
// for. The compiled module is posted to the worker, which instantiates it
// (worker.js). When the page was opened at a share link (#hex=...) it asks
// the worker to dissect the packet straight away, before the page is ready
// to draw it. js/rpc.js adopts the worker and hands the answer to the
// page's own identical request (README, "Start-up").
'use strict';

(() => {
  /** BOOT_WORKER names the worker started here (worker.js reads it). */
  const BOOT_WORKER = 'icmplab-boot';
  const boot = { worker: null, adopted: false, error: '', inbox: [], early: null };
  self.icmplabBoot = boot;
  try {
    // The name tells worker.js that its module comes from here.
    boot.worker = new Worker('worker.js', { name: BOOT_WORKER });
  } catch {
    return; // rpc.js starts one itself, and reports what fails
  }
  compileForWorker(boot.worker);
  // Until rpc.js takes over: keep what the worker says.
  boot.worker.onmessage = (e) => boot.inbox.push(e.data);
  boot.worker.onerror = (e) => {
    e.preventDefault();
    boot.error = e.message || 'unknown error';
  };
  const p = new URLSearchParams(location.hash.slice(1));
  const hex = p.get('hex');
  if (!hex) return;
  // The language as js/strings.js chooses it: the link's, the remembered
  // one, English. Should they ever disagree, the page's request simply
  // does not match this one and is sent as usual.
  const known = (l) => l === 'en' || l === 'ko';
  let lang = p.get('lang');
  if (!known(lang)) {
    try {
      lang = localStorage.getItem('icmplab.lang');
    } catch {
      lang = null;
    }
  }
  if (!known(lang)) lang = 'en';
  // The same request js/input.js openFromHash makes, argument for argument.
  boot.early = { id: -1, op: 'decode', args: [hex, { dialect: 'plain hex', layer: p.get('layer') || '', lang, list: true }] };
  boot.worker.postMessage(boot.early);

  /** compileForWorker fetches and compiles main.wasm and posts the module to
   * worker, with when it was fetched and compiled (epoch milliseconds, for
   * the start-up timing) and its bytes as sent. On any failure it posts no
   * module, and the worker fetches main.wasm itself, which reports the error
   * the way it always has. */
  async function compileForWorker(worker) {
    const t0 = performance.now();
    let msg = { event: 'module', module: null };
    try {
      const module = await WebAssembly.compileStreaming(fetch('main.wasm'));
      const t1 = performance.now();
      const res = performance.getEntriesByName(new URL('main.wasm', location.href).href)[0];
      const at = (t) => Math.round(performance.timeOrigin + t);
      msg = { event: 'module', module, fetch: at(res ? res.startTime : t0), fetched: at(res ? res.responseEnd : t1), compiled: at(t1), bytes: res ? res.encodedBodySize : 0 };
    } catch {
      // no module: the worker's own fetch says what is wrong
    }
    try {
      worker.postMessage(msg);
    } catch {
      worker.postMessage({ event: 'module', module: null }); // a module the browser cannot post
    }
  }
})();
