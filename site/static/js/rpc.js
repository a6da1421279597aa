// Calls into the codec, which runs as main.wasm in a Web Worker (worker.js).
// The page sends {id, op, args} and gets {id, ok, result | error} back; a
// capture being read also sends {event: "progress", id, ...}.
//
// If the Go program ends (it should not: every call runs under recover, but
// a future bug could run it out of memory), its worker says so with {event:
// "exit"}; the page then rejects what was in flight, starts a new worker and
// tells whoever listens (onRestart), so no reload is ever needed.

import { t } from './strings.js';

let worker = null;
let ready = false; // the worker answered once: a later death is a crash, not a failed start
let nextId = 1;
const pending = new Map();
const progressHandlers = new Map();
const restartHandlers = [];
const failHandlers = [];
let restarts = [];

/** MAX_RESTARTS in RESTART_WINDOW ms: past that the page stops trying. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW = 60_000;

// A test hook, harmless in use: the event makes the worker end its Go
// program the way a crash would, so the browser tests can check the page
// carries on (native/serve/browser_page_test.go).
document.addEventListener('icmplab-test-exit', () => worker && worker.postMessage({ id: 0, op: 'exit', args: [] }));

export function startWorker() {
  // The first worker is the one boot.js started before the modules loaded.
  const boot = self.icmplabBoot;
  const adopt = boot && boot.worker && !boot.adopted;
  if (adopt) boot.adopted = true;
  worker = adopt ? boot.worker : new Worker('worker.js');
  ready = false;
  worker.onmessage = onMessage;
  worker.onerror = (e) => {
    e.preventDefault();
    const why = e.message || 'unknown error';
    if (ready) died(why);
    else for (const h of failHandlers) h(why);
  };
  if (!adopt) return;
  const inbox = boot.inbox.splice(0);
  for (const m of inbox) onMessage({ data: m });
  if (boot.error) setTimeout(() => worker.onerror({ message: boot.error, preventDefault() {} }));
}

/** EARLY is the id of boot.js's request; earlyAnswer its answer, until claimed. */
const EARLY = -1;
let earlyAnswer = null;

function onMessage(e) {
  const m = e.data;
  if (m.id === EARLY && !pending.has(EARLY)) {
    earlyAnswer = m;
    return;
  }
  if (m.event === 'progress') {
    const h = progressHandlers.get(m.id);
    if (h) h(m);
    return;
  }
  if (m.event === 'exit') {
    died(exitReason(m));
    return;
  }
  ready = true;
  const p = pending.get(m.id);
  if (!p) return;
  pending.delete(m.id);
  progressHandlers.delete(m.id);
  settle(p, m);
}

function settle(p, m) {
  if (m.ok) p.resolve(m.result);
  else {
    // The module's message names the call ("icmplab.decode: ..."), for a
    // program; a person reads its text, the sentence alone (api.d.ts).
    const err = new Error(m.error.text || m.error.message);
    if (m.error.field) err.field = m.error.field;
    p.reject(err);
  }
}

/** early returns boot.js's request when op and args are the same, once. */
function early(op, args) {
  const boot = self.icmplabBoot;
  const e = boot && boot.early;
  if (!e || e.claimed || e.op !== op || worker !== boot.worker || JSON.stringify(e.args) !== JSON.stringify(args)) return null;
  e.claimed = true;
  return e;
}

/** exitReason words the worker's {event: "exit"} in the page's language:
 * the status is a value in the page's sentence; a failure's own text (the
 * engine's, in English) is kept in the English sentence only. */
function exitReason(m) {
  return m.failure !== undefined ? t('goFailed', m.failure) : t('goExited', m.status);
}

/** died replaces a worker whose Go program ended. */
function died(reason) {
  worker.terminate();
  const err = new Error(reason);
  err.restarted = true;
  for (const p of pending.values()) p.reject(err);
  pending.clear();
  progressHandlers.clear();
  const now = Date.now();
  restarts = restarts.filter((t) => now - t < RESTART_WINDOW);
  restarts.push(now);
  if (restarts.length > MAX_RESTARTS) {
    for (const h of failHandlers) h(reason);
    return;
  }
  startWorker();
  document.body.dataset.restarts = String((+document.body.dataset.restarts || 0) + 1);
  for (const h of restartHandlers) h(reason);
}

/** call runs op in the worker; the promise settles with its result. */
export function call(op, ...args) {
  if (early(op, args)) {
    return new Promise((resolve, reject) => {
      if (earlyAnswer) {
        ready = true;
        settle({ resolve, reject }, earlyAnswer);
        earlyAnswer = null;
      } else pending.set(EARLY, { resolve, reject });
    });
  }
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, args });
  });
}

export async function callJSON(op, ...args) {
  return JSON.parse(await call(op, ...args));
}

/** withProgress is call, with fn getting the call's progress messages. */
export function withProgress(fn, op, ...args) {
  progressHandlers.set(nextId, fn);
  return call(op, ...args);
}

/** onRestart(fn): fn(reason) after the worker was replaced. */
export function onRestart(fn) {
  restartHandlers.push(fn);
}

/** onFail(fn): fn(reason) when no worker can be started. */
export function onFail(fn) {
  failHandlers.push(fn);
}
