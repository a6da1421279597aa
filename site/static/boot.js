// icmplab boot: the first script of the page, a classic one, so that it runs
// before the page's ES modules have even been fetched. It starts the codec's
// worker at once (main.wasm is fetched, compiled and started while the
// modules load and the page is laid out), and when the page was opened at a
// share link (#hex=...) it asks the worker to dissect the packet straight
// away, before the page is ready to draw it. js/rpc.js adopts the worker
// and hands the answer to the page's own identical request (README,
// "Start-up").
'use strict';

(() => {
  const boot = { worker: null, adopted: false, error: '', inbox: [], early: null };
  self.icmplabBoot = boot;
  try {
    boot.worker = new Worker('worker.js');
  } catch {
    return; // rpc.js starts one itself, and reports what fails
  }
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
})();
