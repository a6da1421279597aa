// icmplab page: input, packet list, field tree, hex pane, bit layout and the
// teaching panel, one ES module each under js/ (no build step). All protocol
// knowledge (names, layouts, explanations, checksums, even the numbers the
// page tests values against) comes from the Go codec through the worker;
// the page only draws what it is given. The JSON shapes are in wasm/api.d.ts.

import { $ } from './js/dom.js';
import { state } from './js/state.js';
import { t, lang, setLang, applyStatic } from './js/strings.js';
import { startWorker, callJSON, onRestart, onFail } from './js/rpc.js';
import { showMessage } from './js/message.js';
import { setVocab } from './js/vocab.js';
import { bindInput, fillMeta, decodeText, openFromHash } from './js/input.js';
import { bindCapture, openCapture, forgetCapture, redrawRows, reselect } from './js/capture.js';
import { bindTree, showFrame } from './js/tree.js';
import { bindHex } from './js/hex.js';
import { renderTeach, forget } from './js/teach.js';
import { redrawStory } from './js/story.js';
import { bindLesson, redrawLesson } from './js/lesson.js';
import { recheckFilter } from './js/filterbox.js';

// The page's own words, state and worker calls, for the console and the
// browser tests: the page runs as one bundled script (site/bundle), so
// importing js/strings.js again would give a second copy of the module,
// not the page's.
globalThis.icmplabPage = Object.freeze({ t, state, callJSON });

async function init() {
  applyStatic();
  startWorker();
  onFail((why) => showMessage(t('workerFailed', why), 'error'));
  onRestart(restarted);
  bindInput();
  bindCapture();
  bindTree();
  bindHex();
  bindLang();
  bindDrop();
  bindLesson();
  if (!(await loadMeta())) return;
  document.body.dataset.lang = lang();
  const tm = state.meta.timing;
  if (tm) {
    // For the curious and for the browser test's log: where start-up time goes.
    const { start, ...steps } = tm;
    document.body.dataset.timing = JSON.stringify({ workerStart: Math.round(start - performance.timeOrigin), ...steps });
  }
  document.body.classList.add('ready');
  await openFromHash();
  // The offline copy is made once the page has shown what it was opened
  // for: its install fetches every file again, which would compete with
  // the first start-up on a small machine.
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
  window.addEventListener('hashchange', async () => {
    const l = new URLSearchParams(location.hash.slice(1)).get('lang');
    if (l && l !== lang()) await switchLang(l);
    await openFromHash();
  });
}

/** loadMeta asks the codec what the page needs once, in the chosen language. */
async function loadMeta() {
  const l = lang();
  let meta;
  try {
    meta = await callJSON('init', l);
  } catch (err) {
    showMessage(t('startFailed', err.message), 'error');
    return false;
  }
  // A second click on the other language while this one was asked: the
  // later answer is the one to keep.
  if (lang() !== l) return false;
  state.meta = meta;
  setVocab(state.meta.vocab);
  $('version').textContent = t('version', state.meta.version);
  fillMeta();
  return true;
}

// ---------------------------------------------------------------- language

function bindLang() {
  document.querySelectorAll('.lang button').forEach((b) => b.addEventListener('click', () => switchLang(b.dataset.lang)));
}

/** switchLang redraws every word: the page's, then the codec's, asked again. */
async function switchLang(l) {
  if (!setLang(l)) return;
  if (state.meta) $('version').textContent = t('version', state.meta.version);
  forget();
  if (!(await loadMeta())) return;
  redrawStory();
  redrawLesson();
  recheckFilter();
  state.keepSel = state.frame ? state.sel : -1;
  if (state.capture) {
    redrawRows();
    reselect();
  } else if (state.frame && state.lastSource && state.lastSource.kind === 'text') {
    await decodeText(state.lastSource.text, state.lastSource.opts, state.frameIndex);
  } else if (state.frame) {
    renderTeach();
  }
  // Every word is now in l, the codec's too: what a script (or a test)
  // waits for before it uses what was redrawn.
  if (lang() === l) document.body.dataset.lang = l;
}

// ---------------------------------------------------------------- a new worker

/** restarted runs after the Go program ended and a new worker took its
 * place: say so, ask for the page's data again, and read the capture again
 * if one had been read whole (one that killed the module is not retried). */
async function restarted(reason) {
  forget();
  const cap = state.capture && state.capture.total !== undefined && state.lastSource && state.lastSource.kind === 'capture' ? state.lastSource.file : null;
  forgetCapture();
  let msg = t('restarted', reason);
  if (cap) msg += t('restartedCapture', cap.name || t('captureCard'));
  if (!(await loadMeta())) return;
  showMessage(msg, 'warning');
  if (cap) {
    await openCapture(cap);
    showMessage(msg, 'warning');
  } else if (state.frame) {
    showFrame(state.frameIndex);
  }
}

// ---------------------------------------------------------------- drop

function bindDrop() {
  const drop = $('drop');
  let depth = 0;
  document.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer || ![...e.dataTransfer.types].includes('Files')) return;
    depth++;
    drop.hidden = false;
  });
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) drop.hidden = true;
  });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('drop', (e) => {
    e.preventDefault();
    depth = 0;
    drop.hidden = true;
    const f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) openCapture(f);
  });
}

init();
