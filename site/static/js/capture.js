// The capture list: a file read in the worker chunk by chunk, listed in a
// virtual list (only the visible rows are in the DOM), filtered, and the
// selected packet dissected.

import { $, el, afterPaint } from './dom.js';
import { state } from './state.js';
import { t, fmtInt, fmtBytes, lang } from './strings.js';
import { call, callJSON, withProgress, onRestart } from './rpc.js';
import { showMessage } from './message.js';
import { showFrame, hideFrame } from './tree.js';
import { decodeText, showDetected } from './input.js';
import { showStory, hideStory, applyRole } from './story.js';
import { bindFilterBox, filterExpr } from './filterbox.js';
import { bindListTools, resetSort } from './export.js';
import { bindCompare, closeCompare } from './compare.js';
import { bindPanes } from './panes.js';

const ROW_H = 26;
const list = { rows: new Map(), count: 0, sel: -1, scale: 1, fetching: new Set(), filterTimer: 0, also: new Set(), paste: false };

// A dropped file of at most this size that is not a capture is tried as
// text (a saved tcpdump -X or xxd dump).
const MAX_TEXT_FILE = 4 << 20;
/** MAX_PASTE_BOX is the longest text file copied into the paste box. */
const MAX_PASTE_BOX = 256 << 10;

// Browsers cap an element's height (about 16 to 33 million pixels), so past
// MAX_PX the spacer is scaled and scroll positions mapped back to rows.
const MAX_PX = 8e6;

export function bindCapture() {
  const vp = $('vport');
  vp.addEventListener('scroll', () => renderRows());
  window.addEventListener('resize', () => renderRows());
  $('vrows').addEventListener('click', (e) => {
    const r = e.target.closest('.vrow');
    if (r) selectRow(+r.dataset.i);
  });
  $('list').addEventListener('keydown', (e) => {
    if (!list.count) return;
    const page = Math.max(1, Math.floor(vp.clientHeight / ROW_H) - 1);
    const moves = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    if (e.key in moves) {
      e.preventDefault();
      const i = Math.max(0, Math.min(list.count - 1, (list.sel < 0 ? -1 : list.sel) + moves[e.key]));
      selectRow(i, true);
    } else if (e.key === 'Enter' && list.sel >= 0) {
      e.preventDefault();
      $('tree').focus();
    }
  });
  const refilter = () => {
    clearTimeout(list.filterTimer);
    list.filterTimer = setTimeout(applyFilter, 150);
  };
  $('ftype').addEventListener('change', refilter);
  $('fcode').addEventListener('input', refilter);
  $('faddr').addEventListener('input', refilter);
  bindFilterBox(applyFilter);
  bindListTools(selectRow, applyFilter);
  bindCompare(() => list.sel);
  // The list follows its pane's size (panes.js's splitter, the window).
  new ResizeObserver(() => renderRows()).observe(vp);
  bindPanes();
  // A listed paste lived in the worker that was replaced: list it again
  // (a capture file is read again by app.js).
  onRestart(() => {
    const src = state.lastSource;
    if (list.paste && src && src.kind === 'text') decodeText(src.text, src.opts, 0, true);
  });
  $('storyjump').addEventListener('click', () => {
    $('story').scrollIntoView({ block: 'start' });
    $('story').focus({ preventScroll: true });
  });
}

export function closeCaptureView() {
  if (state.capture) {
    call('close', state.capture.handle).catch(() => {});
    state.capture = null;
  }
  closeCompare();
  list.paste = false;
  list.sel = -1;
  $('capture').hidden = true;
  document.body.classList.remove('has-capture');
  hideStory();
}

/** forgetCapture drops the handle of a worker that has been replaced. */
export function forgetCapture() {
  state.capture = null;
}

let openGen = 0; // which openCapture is current: a newer one wins

/** openCapture reads a File, or {name, bytes}, as a capture. */
export async function openCapture(file) {
  const gen = ++openGen;
  closeCaptureView();
  showMessage('');
  $('intro').hidden = true;
  hideFrame();
  $('capture').hidden = false;
  $('detected').replaceChildren();
  document.body.classList.add('has-capture');
  $('capshown').textContent = '';
  // The file's name is the user's, in any language: data-user says so.
  $('capname').textContent = file.name || t('captureCard');
  $('capname').dataset.user = file.name ? 'name' : '';
  $('capcount').textContent = t('reading');
  $('capture').dataset.state = 'reading';
  const prog = $('progress');
  prog.hidden = false;
  prog.value = 0;
  list.rows.clear();
  list.count = 0;
  list.sel = -1;
  resetSort();
  renderRows();
  const src = file instanceof Blob ? { name: file.name, file, lang: lang() } : { ...file, lang: lang() };
  let end;
  try {
    end = JSON.parse(
      await withProgress(
        (m) => {
          if (gen !== openGen) return;
          prog.value = m.total ? m.loaded / m.total : 0;
          $('capcount').textContent = t('progress', fmtInt(m.count), fmtBytes(m.loaded), fmtBytes(m.total));
          if (!state.capture || state.capture.handle !== m.handle) state.capture = { handle: m.handle, name: file.name };
          if (!activeFilter()) setCount(m.count);
        },
        'open',
        src
      )
    );
  } catch (err) {
    if (gen !== openGen) return; // replaced by a newer file: its errors are moot
    prog.hidden = true;
    $('capcount').textContent = '';
    if (!err.restarted) showMessage(err.message, 'error');
    return;
  }
  if (gen !== openGen) {
    call('close', end.handle).catch(() => {});
    return;
  }
  prog.hidden = true;
  if (end.count === 0) {
    state.capture = { handle: end.handle, name: file.name };
    closeCaptureView();
    if (file instanceof Blob && file.size <= MAX_TEXT_FILE && (await looksLikeText(file))) {
      // Not a capture but a text file: a saved hex dump, read like a paste.
      const text = await file.text();
      // A long dump stays out of the paste box: a textarea of a million
      // lines takes the browser seconds to lay out.
      $('paste').value = text.length <= MAX_PASTE_BOX ? text : '';
      await decodeText(text, { dialect: '', layer: '' });
      return;
    }
    // Neither a capture nor text (a picture, a document): say so, and show
    // no empty list under it.
    $('intro').hidden = false;
    showMessage(t('notCapture', file.name || t('captureCard'), end.error), 'error');
    return;
  }
  state.capture = { handle: end.handle, name: file.name, total: end.count };
  state.lastSource = { kind: 'capture', file };
  let text = t('packetsOf', fmtInt(end.count), end.format);
  if (end.linkType) text += ' · ' + end.linkType;
  $('capcount').textContent = text;
  if (end.error) showMessage(end.error, 'warning');
  if (end.limit) showMessage(end.limit, 'warning');
  await applyFilter();
  await showStory({ handle: end.handle });
  $('capture').dataset.state = 'ready';
}

/** showPasteList lists a paste, which the worker holds as a session
 * (decode's list option): the same list, filters, sorting, export and
 * compare as a capture's. A paste of one packet comes dissected already
 * (res.frames): it is drawn at once, and its one-row list after the paint. */
export async function showPasteList(res) {
  const gen = ++openGen; // a capture still being read is replaced
  closeCaptureView();
  // Not ready until this paste's rows are drawn: the list shown before it
  // must not pass for this one's.
  $('capture').dataset.state = 'reading';
  $('intro').hidden = true;
  const one = res.frames && res.frames.length === 1;
  if (one) {
    state.capture = { handle: res.handle, name: 'paste', total: res.count, paste: true };
    state.result = res;
    showDetected(res);
    showFrame(0);
    await afterPaint();
    if (gen !== openGen || !state.capture || state.capture.handle !== res.handle) return;
  } else {
    hideFrame();
  }
  $('capture').hidden = false;
  document.body.classList.add('has-capture');
  $('progress').hidden = true;
  $('capshown').textContent = '';
  $('capname').textContent = t('pastedList');
  $('capname').dataset.user = '';
  $('capcount').textContent = t('pastedCount', fmtInt(res.count));
  list.rows.clear();
  list.count = 0;
  list.sel = -1;
  $('vrows').replaceChildren(); // the list before this one's rows
  resetSort();
  state.capture = { handle: res.handle, name: 'paste', total: res.count, paste: true };
  list.paste = true;
  $('capture').dataset.state = 'reading';
  await applyFilter(one);
  $('capture').dataset.state = 'ready';
}

async function looksLikeText(file) {
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  return head.length > 0 && !head.includes(0);
}

function activeFilter() {
  return $('ftype').value !== '' || $('fcode').value !== '' || $('faddr').value.trim() !== '' || filterExpr() !== '';
}

/** applyFilter lists what the filters let through and shows the first of
 * it; shown says that packet is already drawn (a pasted one): it is only
 * marked in the list. */
async function applyFilter(shown) {
  if (!state.capture) return;
  const spec = {};
  if ($('ftype').value !== '') {
    const [fam, typ] = $('ftype').value.split(':');
    spec.family = +fam;
    spec.type = +typ;
  }
  if ($('fcode').value !== '') spec.code = +$('fcode').value;
  if ($('faddr').value.trim()) spec.addr = $('faddr').value.trim();
  if (filterExpr()) spec.expr = filterExpr();
  let out;
  try {
    out = await callJSON('filter', state.capture.handle, spec, lang());
  } catch (err) {
    if (!err.restarted) showMessage(err.message, 'error');
    return;
  }
  if (out.unchecked) showMessage(t('unchecked', fmtInt(out.unchecked)), 'warning');
  list.rows.clear();
  list.sel = -1;
  setCount(out.count);
  $('capshown').textContent = activeFilter() ? t('shown', fmtInt(out.count)) : '';
  $('vport').scrollTop = 0;
  renderRows();
  // The details follow the list: the first packet still listed, or none
  // (never one the filter has just hidden).
  if (list.count && shown === true && state.frame) {
    list.sel = 0;
    renderRows();
  } else if (list.count) await selectRow(0);
  else hideFrame();
}

/** redrawRows fetches the visible rows again (their words changed language). */
export function redrawRows() {
  list.rows.clear();
  renderRows();
}

function setCount(n) {
  list.count = n;
  const h = n * ROW_H;
  list.scale = h > MAX_PX ? MAX_PX / h : 1;
  $('vspace').style.height = Math.round(h * list.scale) + 'px';
  renderRows();
}

function firstVisible() {
  const vp = $('vport');
  if (list.scale === 1) return Math.floor(vp.scrollTop / ROW_H);
  const max = vp.scrollHeight - vp.clientHeight;
  const frac = max > 0 ? vp.scrollTop / max : 0;
  const visible = Math.floor(vp.clientHeight / ROW_H);
  return Math.floor(frac * Math.max(0, list.count - visible));
}

function renderRows() {
  const vp = $('vport');
  const box = $('vrows');
  if (!list.count) {
    box.replaceChildren();
    return;
  }
  const first = Math.max(0, firstVisible());
  const n = Math.min(list.count - first, Math.ceil(vp.clientHeight / ROW_H) + 2);
  box.style.transform = 'translateY(' + vp.scrollTop + 'px)';
  const missing = [];
  const kids = [];
  for (let i = first; i < first + n; i++) {
    const r = list.rows.get(i);
    if (!r) missing.push(i);
    const row = el('div', 'vrow');
    row.setAttribute('role', 'row');
    row.dataset.i = i;
    if (i === list.sel) row.classList.add('sel');
    if (r && list.also.has(r.no)) row.classList.add('sel', 'partner');
    if (r) {
      if (r.flags & 1) row.classList.add('bad');
      else if (r.flags & 2) row.classList.add('warn');
      for (const c of [r.no, r.time, r.src, r.dst, r.summary, r.len, r.ttl || '']) row.append(el('span', null, c));
    } else {
      row.append(el('span', 'muted', '…'));
    }
    kids.push(row);
  }
  box.replaceChildren(...kids);
  if (missing.length) fetchRows(missing[0], missing[missing.length - 1] - missing[0] + 1);
}

async function fetchRows(start, n) {
  const key = start + ':' + n;
  if (list.fetching.has(key) || !state.capture) return;
  list.fetching.add(key);
  try {
    const rows = await callJSON('rows', state.capture.handle, start, n, lang());
    if (list.rows.size > 4000) list.rows.clear();
    rows.forEach((r, k) => list.rows.set(start + k, r));
  } catch {
    return; // the capture was closed or the worker replaced: nothing to draw
  } finally {
    list.fetching.delete(key);
  }
  renderRows();
}

/** selectFrames selects frames (numbers from 1) together, showing the last
 * (a probe's answer) in the tree; the list is unfiltered first so every row is its frame. */
export async function selectFrames(frames) {
  if (!state.capture || !frames.length) return;
  if (activeFilter()) {
    $('ftype').value = '';
    $('fcode').value = '';
    $('faddr').value = '';
    await applyFilter();
  }
  list.also = new Set(frames);
  await selectRow(frames[frames.length - 1] - 1, true, true);
}

export async function selectRow(i, scroll, keepAlso) {
  if (!state.capture) return;
  if (!keepAlso) list.also = new Set();
  list.sel = i;
  if (scroll) {
    const vp = $('vport');
    const first = firstVisible();
    const vis = Math.floor(vp.clientHeight / ROW_H);
    if (i < first || i >= first + vis) {
      const target = i < first ? i : i - vis + 1;
      vp.scrollTop = list.scale === 1 ? target * ROW_H : (target / Math.max(1, list.count - vis)) * (vp.scrollHeight - vp.clientHeight);
    }
  }
  renderRows();
  let res;
  const prog = $('progress');
  const handle = state.capture.handle;
  try {
    // Past what the worker keeps, the packet is read again from the file.
    const onProgress = (m) => {
      prog.hidden = false;
      prog.value = m.total ? m.loaded / m.total : 0;
    };
    res = JSON.parse(await withProgress(onProgress, 'packet', state.capture.handle, i, lang()));
    prog.hidden = true;
  } catch (err) {
    prog.hidden = true;
    if (!err.restarted && state.capture && state.capture.handle === handle) showMessage(err.message, 'error');
    return;
  }
  // The user moved on, or something else was opened meanwhile.
  if (list.sel !== i || !state.capture || state.capture.handle !== handle) return;
  state.result = res;
  // A pasted packet's own start layer, and why: they differ row to row.
  if (state.capture && state.capture.paste) showDetected(res);
  applyRole(res.frames[0]);
  showFrame(0);
}

/** reselect dissects the selected packet again (its words changed language). */
export function reselect() {
  if (state.capture && list.sel >= 0) selectRow(list.sel);
}
