// icmplab page: input, packet list, field tree, hex pane, bit layout and the
// teaching panel. All protocol knowledge (names, layouts, explanations,
// checksums) comes from the Go codec through the worker; this file only
// draws what it is given. The JSON shapes are described in wasm/api.d.ts.
'use strict';

const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = text;
  return e;
};

// ---------------------------------------------------------------- worker RPC

const worker = new Worker('worker.js');
let nextId = 1;
const pending = new Map();
const progressHandlers = new Map();

worker.onmessage = (e) => {
  const m = e.data;
  if (m.event === 'progress') {
    const h = progressHandlers.get(m.id);
    if (h) h(m);
    return;
  }
  const p = pending.get(m.id);
  if (!p) return;
  pending.delete(m.id);
  progressHandlers.delete(m.id);
  if (m.ok) p.resolve(m.result);
  else p.reject(new Error(m.error));
};
worker.onerror = (e) => showMessage('The WebAssembly worker failed to start: ' + (e.message || 'unknown error'), 'error');

function call(op, ...args) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker.postMessage({ id, op, args });
  });
}
async function callJSON(op, ...args) {
  return JSON.parse(await call(op, ...args));
}

// ---------------------------------------------------------------- state

const state = {
  lang: 'en',
  meta: null, // init(): dialects, layers, examples, version
  result: null, // last decode result
  frame: null, // the frame shown
  flat: [], // the frame's nodes in document order
  sel: -1, // selected node index in flat
  hover: -1,
  cursor: -1, // hex cursor byte
  source: 0, // which byte buffer the hex pane shows (0 = frame)
  capture: null, // {handle, name, count, total}
  lastHex: '', // hex of the shown frame, for sharing
  explain: new Map(), // explanation cache
  lookups: new Map(),
};

// ---------------------------------------------------------------- messages

function showMessage(text, kind) {
  const m = $('message');
  if (!text) {
    m.hidden = true;
    return;
  }
  m.textContent = text;
  m.className = 'message ' + (kind || 'error');
  m.hidden = false;
}

// ---------------------------------------------------------------- start up

async function init() {
  bindInput();
  bindCapture();
  bindTree();
  bindHex();
  bindLang();
  bindDrop();
  if ('serviceWorker' in navigator && location.protocol !== 'file:') {
    navigator.serviceWorker.register('sw.js').catch(() => {});
  }
  try {
    state.meta = await callJSON('init');
  } catch (err) {
    showMessage('Could not start the codec: ' + err.message, 'error');
    return;
  }
  $('version').textContent = 'codec ' + state.meta.version + ' · main.wasm in a worker';
  const t = state.meta.timing;
  if (t) {
    // For the curious and for the browser test's log: where start-up time goes.
    document.body.dataset.timing = JSON.stringify({
      workerStart: Math.round(t.start - performance.timeOrigin),
      compiled: t.compiled,
      running: t.running,
      ready: t.ready,
    });
  }
  for (const d of state.meta.dialects) {
    $('dialect').append(new Option(d, d));
    $('copyas').append(new Option(d, d));
  }
  for (const l of state.meta.layers) $('layer').append(new Option(l.title, l.id));
  const ex = $('examples');
  const gp = el('optgroup');
  gp.label = 'Textbook table (Kurose & Ross 5.6)';
  const gc = el('optgroup');
  gc.label = 'Captures';
  for (const e of state.meta.examples) {
    const o = new Option((e.kind === 'packet' ? e.id + '  ' : '') + e.title, e.id);
    o.title = e.note;
    (e.kind === 'packet' ? gp : gc).append(o);
  }
  ex.append(gp, gc);
  // The same examples as cards on the landing page: the textbook's table.
  const quick = $('quick');
  for (const e of state.meta.examples) {
    const card = el('button', 'qcard' + (e.kind === 'capture' ? ' qcap' : ''));
    card.type = 'button';
    card.append(el('span', 'qid', e.kind === 'packet' ? e.id : e.id === 'ping' ? '▶' : '⤳'), el('span', 'qtitle', e.title), el('span', 'qnote', e.note));
    card.addEventListener('click', () => openExample(e.id));
    quick.append(card);
  }
  const groups = { 4: el('optgroup'), 6: el('optgroup') };
  groups[4].label = 'ICMPv4';
  groups[6].label = 'ICMPv6';
  for (const t of state.meta.types) groups[t.family].append(new Option(t.type + ' ' + t.name, t.family + ':' + t.type));
  $('ftype').append(groups[4], groups[6]);
  const bd = state.meta.buildDefault;
  $('bfamily').value = String(bd.family);
  fillBuilderTypes();
  $('btype').value = String(bd.type);
  fillBuilderCodes();
  document.body.classList.add('ready');
  await openFromHash();
  window.addEventListener('hashchange', openFromHash);
}

// ---------------------------------------------------------------- input

function bindInput() {
  $('decode').addEventListener('click', () => decodeText());
  $('paste').addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      decodeText();
    }
  });
  $('paste').addEventListener('paste', () => setTimeout(() => decodeText(), 0));
  $('dialect').addEventListener('change', () => decodeText());
  $('layer').addEventListener('change', () => decodeText());
  $('examples').addEventListener('change', async (e) => {
    const id = e.target.value;
    e.target.value = '';
    if (id) await openExample(id);
  });
  $('file').addEventListener('change', (e) => {
    const f = e.target.files && e.target.files[0];
    if (f) openCapture(f);
    e.target.value = '';
  });
  $('share').addEventListener('click', share);
  $('copyas').addEventListener('change', copyAs);
  $('bfamily').addEventListener('change', () => {
    const v6 = $('bfamily').value === '6';
    $('bsrc').value = v6 ? '2001:db8::10' : '192.0.2.10';
    $('bdst').value = v6 ? '2001:db8::7' : '198.51.100.7';
    fillBuilderTypes();
  });
  $('btype').addEventListener('change', fillBuilderCodes);
  $('bbuild').addEventListener('click', buildMessage);
}

// The builder's type and code lists come from the registry, like everything.
function fillBuilderTypes() {
  const fam = +$('bfamily').value;
  const sel = $('btype');
  sel.replaceChildren();
  for (const t of state.meta.types) {
    if (t.family === fam) sel.append(new Option(t.type + ' ' + t.name, t.type));
  }
  fillBuilderCodes();
}

async function fillBuilderCodes() {
  const sel = $('bcode');
  sel.replaceChildren();
  const lk = await lookup(+$('bfamily').value, +$('btype').value, 0);
  const codes = (lk && lk.type.codes) || [];
  if (!codes.length) sel.append(new Option('0', 0));
  for (const c of codes) sel.append(new Option(c.code + ' ' + c.name, c.code));
}

async function buildMessage() {
  const spec = {
    family: +$('bfamily').value,
    type: +$('btype').value,
    code: +$('bcode').value,
    id: +$('bid').value,
    seq: +$('bseq').value,
    ttl: +$('bttl').value,
    data: $('bdata').value,
    src: $('bsrc').value.trim(),
    dst: $('bdst').value.trim(),
  };
  let res;
  try {
    res = await callJSON('build', spec);
  } catch (err) {
    showMessage(err.message, 'error');
    return;
  }
  $('paste').value = res.hex;
  $('dialect').value = '';
  $('layer').value = res.layer;
  await decodeText(res.hex, { dialect: 'plain hex', layer: res.layer });
}

async function decodeText(text, opts) {
  if (text === undefined) text = $('paste').value;
  if (!text.trim()) {
    showMessage('Paste some bytes first: any hex dump, hex string or base64.', 'info');
    return;
  }
  const o = opts || { dialect: $('dialect').value, layer: $('layer').value };
  let res;
  try {
    res = await callJSON('decode', text, o);
  } catch (err) {
    showDecodeError(err.message);
    return;
  }
  showMessage('');
  closeCaptureView();
  showResult(res);
}

function showDecodeError(msg) {
  $('work').hidden = true;
  $('frames').hidden = true;
  $('detected').textContent = '';
  showMessage(msg, 'error');
}

function showResult(res) {
  state.result = res;
  const det = $('detected');
  det.replaceChildren();
  if (res.dialect) {
    det.append(el('span', 'tag', res.dialect + (res.dialectDetected ? ' (detected)' : '')));
  }
  if (res.layer) {
    const t = el('span', 'tag', 'starts at ' + res.layerTitle + (res.layerDetected ? ' (detected)' : ''));
    if (res.layerReason) t.title = res.layerReason;
    det.append(t);
    if (res.layerReason) det.append(el('span', 'reason', res.layerReason));
  }
  const nav = $('frames');
  nav.replaceChildren();
  nav.hidden = res.frames.length < 2;
  res.frames.forEach((f, i) => {
    const b = el('button', 'frametab', 'Packet ' + (i + 1));
    b.type = 'button';
    b.title = f.summary;
    b.addEventListener('click', () => showFrame(i));
    nav.append(b);
  });
  if (res.frames.length) showFrame(0);
}

async function openExample(id) {
  let ex;
  try {
    ex = await callJSON('example', id);
  } catch (err) {
    showMessage(err.message, 'error');
    return;
  }
  if (ex.kind === 'capture') {
    const bytes = hexToBytes(ex.hex);
    openCapture({ name: ex.title + '.pcapng', bytes });
    return;
  }
  $('paste').value = ex.text;
  $('dialect').value = '';
  $('layer').value = '';
  await decodeText(ex.text, {});
}

function hexToBytes(hex) {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

// ---------------------------------------------------------------- sharing

async function openFromHash() {
  const h = location.hash.slice(1);
  if (!h) return;
  const p = new URLSearchParams(h);
  const hex = p.get('hex');
  if (!hex) return;
  if (hex === state.lastHex) return;
  $('paste').value = hex;
  if (p.get('layer')) $('layer').value = p.get('layer');
  await decodeText(hex, { dialect: 'plain hex', layer: p.get('layer') || '' });
}

async function share() {
  if (!state.frame) return;
  const p = new URLSearchParams();
  p.set('hex', state.frame.hex);
  if (state.result && state.result.layer) p.set('layer', state.result.layer);
  state.lastHex = state.frame.hex;
  const url = location.origin + location.pathname + '#' + p.toString();
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    flash($('share'), 'Link copied');
  } catch {
    flash($('share'), 'Link in the address bar');
  }
}

// "Copy as": the shown packet in another dump dialect, on the clipboard and
// in the paste box (where it dissects back to the same bytes).
async function copyAs() {
  const sel = $('copyas');
  const dialect = sel.value;
  sel.value = '';
  if (!dialect || !state.frame) return;
  let text;
  try {
    text = await call('format', state.frame.hex, dialect);
  } catch (err) {
    showMessage(err.message, 'error');
    return;
  }
  $('paste').value = text;
  $('dialect').value = dialect;
  try {
    await navigator.clipboard.writeText(text);
    sel.options[0].textContent = 'Copied as ' + dialect;
  } catch {
    sel.options[0].textContent = 'In the paste box';
  }
  setTimeout(() => (sel.options[0].textContent = 'Copy as…'), 1600);
}

function flash(btn, text) {
  const old = btn.textContent;
  btn.textContent = text;
  setTimeout(() => (btn.textContent = old), 1600);
}

// ---------------------------------------------------------------- captures

const ROW_H = 26;
const list = { rows: new Map(), count: 0, sel: -1, scale: 1, fetching: new Set(), filterTimer: 0 };

function bindCapture() {
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
}

function closeCaptureView() {
  if (state.capture) {
    call('close', state.capture.handle).catch(() => {});
    state.capture = null;
  }
  $('capture').hidden = true;
  document.body.classList.remove('has-capture');
}

let openGen = 0; // which openCapture is current: a newer one wins

async function openCapture(file) {
  const gen = ++openGen;
  closeCaptureView();
  showMessage('');
  $('intro').hidden = true;
  $('work').hidden = true;
  $('frames').hidden = true;
  $('capture').hidden = false;
  $('detected').replaceChildren();
  document.body.classList.add('has-capture');
  $('capshown').textContent = '';
  $('capname').textContent = file.name || 'capture';
  $('capcount').textContent = 'reading…';
  $('capture').dataset.state = 'reading';
  const prog = $('progress');
  prog.hidden = false;
  prog.value = 0;
  list.rows.clear();
  list.count = 0;
  list.sel = -1;
  renderRows();
  const src = file instanceof Blob ? { name: file.name, file } : file;
  const id = nextId; // the id call() is about to use
  progressHandlers.set(id, (m) => {
    if (gen !== openGen) return;
    prog.value = m.total ? m.loaded / m.total : 0;
    $('capcount').textContent = fmtInt(m.count) + ' packets · ' + fmtBytes(m.loaded) + ' of ' + fmtBytes(m.total);
    if (!state.capture || state.capture.handle !== m.handle) state.capture = { handle: m.handle, name: file.name };
    if (!activeFilter()) setCount(m.count);
  });
  let end;
  try {
    end = JSON.parse(await call('open', src));
  } catch (err) {
    if (gen !== openGen) return; // replaced by a newer file: its errors are moot
    prog.hidden = true;
    $('capcount').textContent = '';
    showMessage(err.message, 'error');
    return;
  }
  if (gen !== openGen) {
    call('close', end.handle).catch(() => {});
    return;
  }
  if (end.count === 0 && file instanceof Blob && file.size <= MAX_TEXT_FILE && (await looksLikeText(file))) {
    // Not a capture but a text file: a saved hex dump, read like a paste.
    closeCaptureView();
    prog.hidden = true;
    const text = await file.text();
    $('paste').value = text;
    await decodeText(text, { dialect: '', layer: '' });
    return;
  }
  prog.hidden = true;
  state.capture = { handle: end.handle, name: file.name, total: end.count };
  let text = fmtInt(end.count) + ' packets · ' + end.format;
  if (end.linkType) text += ' · ' + end.linkType;
  $('capcount').textContent = text;
  if (end.error) showMessage(end.error, 'warning');
  if (end.limit) showMessage(end.limit, 'warning');
  await applyFilter();
  if (list.count) selectRow(0);
  $('capture').dataset.state = 'ready';
}

// A dropped file of at most this size that is not a capture is tried as
// text (a saved tcpdump -X or xxd dump).
const MAX_TEXT_FILE = 4 << 20;

async function looksLikeText(file) {
  const head = new Uint8Array(await file.slice(0, 4096).arrayBuffer());
  return head.length > 0 && !head.includes(0);
}

function activeFilter() {
  return $('ftype').value !== '' || $('fcode').value !== '' || $('faddr').value.trim() !== '';
}

async function applyFilter() {
  if (!state.capture) return;
  const spec = {};
  if ($('ftype').value !== '') {
    const [fam, typ] = $('ftype').value.split(':');
    spec.family = +fam;
    spec.type = +typ;
  }
  if ($('fcode').value !== '') spec.code = +$('fcode').value;
  if ($('faddr').value.trim()) spec.addr = $('faddr').value.trim();
  const out = await callJSON('filter', state.capture.handle, spec);
  list.rows.clear();
  list.sel = -1;
  setCount(out.count);
  $('capshown').textContent = activeFilter() ? fmtInt(out.count) + ' shown' : '';
  $('vport').scrollTop = 0;
  renderRows();
}

// Browsers cap an element's height (about 16 to 33 million pixels), so past
// MAX_PX the spacer is scaled and scroll positions mapped back to rows.
const MAX_PX = 8e6;

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
    if (r) {
      if (r.flags & 1) row.classList.add('bad');
      else if (r.flags & 2) row.classList.add('warn');
      for (const c of [r.no, r.time, r.src, r.dst, r.summary]) row.append(el('span', null, c));
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
    const rows = await callJSON('rows', state.capture.handle, start, n);
    if (list.rows.size > 4000) list.rows.clear();
    rows.forEach((r, k) => list.rows.set(start + k, r));
  } finally {
    list.fetching.delete(key);
  }
  renderRows();
}

async function selectRow(i, scroll) {
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
  progressHandlers.set(nextId, (m) => {
    // The packet lies past what the worker keeps: it reads the file again.
    prog.hidden = false;
    prog.value = m.total ? m.loaded / m.total : 0;
  });
  try {
    res = await callJSON('packet', state.capture.handle, i);
    prog.hidden = true;
  } catch (err) {
    prog.hidden = true;
    showMessage(err.message, 'error');
    return;
  }
  if (list.sel !== i) return; // the user moved on
  state.result = res;
  $('frames').hidden = true;
  showFrame(0);
}

function fmtInt(n) {
  return n.toLocaleString('en-US');
}
function fmtBytes(n) {
  if (n < 1024) return n + ' B';
  if (n < 1 << 20) return (n / 1024).toFixed(1) + ' KB';
  if (n < 1 << 30) return (n / 1048576).toFixed(1) + ' MB';
  return (n / 1073741824).toFixed(2) + ' GB';
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

// ---------------------------------------------------------------- one frame

function showFrame(i) {
  const f = state.result.frames[i];
  state.frame = f;
  state.source = 0;
  state.sel = -1;
  state.hover = -1;
  state.cursor = -1;
  [...$('frames').children].forEach((b, k) => b.classList.toggle('on', k === i));
  $('intro').hidden = true;
  $('work').hidden = false;
  $('share').disabled = false;
  $('summary').textContent = f.summary;
  state.flat = [];
  flatten(f.tree, 0, -1);
  renderTree();
  renderHex();
  // Start on the ICMP header when there is one: that is what people came for.
  let start = state.flat.findIndex((x) => /^icmp/.test(x.n.field || '') && x.n.children);
  if (start < 0) start = 0;
  selectNode(start, { expand: true });
}

function flatten(nodes, depth, parent) {
  for (const n of nodes || []) {
    const idx = state.flat.length;
    const item = { n, depth, parent, kids: [], open: depth < 1 || /^icmp/.test(n.field || ''), li: null };
    state.flat.push(item);
    if (parent >= 0) state.flat[parent].kids.push(idx);
    flatten(n.children, depth + 1, idx);
  }
}

// Severities arrive as numbers (codec/dissect.Severity): 0 note, 1 warning, 2 error.
const SEVERITY = ['note', 'warning', 'error'];
function sevName(s) {
  return typeof s === 'number' ? SEVERITY[s] || 'note' : String(s);
}
function worstNote(n) {
  let w = -1;
  for (const x of n.notes || []) w = Math.max(w, sevRank(x.severity));
  return w;
}
function sevRank(s) {
  const i = SEVERITY.indexOf(sevName(s));
  return i < 0 ? 0 : i;
}

// ---------------------------------------------------------------- tree

function renderTree() {
  const root = $('tree');
  const build = (idx) => {
    const it = state.flat[idx];
    const li = el('li');
    li.setAttribute('role', 'treeitem');
    li.dataset.i = idx;
    if (it.n.field) li.dataset.field = it.n.field;
    const row = el('div', 'trow');
    row.style.paddingLeft = 6 + it.depth * 16 + 'px';
    const tw = el('span', 'twisty', it.kids.length ? '' : ' ');
    row.append(tw);
    row.append(el('span', 'tlabel', it.n.label));
    if (it.n.value) row.append(el('span', 'tvalue', it.n.value));
    const w = worstNote(it.n);
    if (w >= 0) {
      const m = el('span', 'mark ' + ['note', 'warning', 'error'][w], ['i', '!', '✕'][w]);
      m.title = it.n.notes.map((x) => x.message).join('\n');
      row.append(m);
    }
    li.append(row);
    it.li = li;
    if (it.kids.length) {
      li.setAttribute('aria-expanded', String(it.open));
      const ul = el('ul');
      ul.setAttribute('role', 'group');
      for (const k of it.kids) ul.append(build(k));
      li.append(ul);
    }
    return li;
  };
  const tops = [];
  state.flat.forEach((it, i) => {
    if (it.parent < 0) tops.push(build(i));
  });
  root.replaceChildren(...tops);
}

function bindTree() {
  const tree = $('tree');
  tree.addEventListener('click', (e) => {
    const li = e.target.closest('li[role=treeitem]');
    if (!li) return;
    const i = +li.dataset.i;
    if (e.target.classList.contains('twisty')) toggle(i);
    else selectNode(i);
  });
  tree.addEventListener('dblclick', (e) => {
    const li = e.target.closest('li[role=treeitem]');
    if (li) toggle(+li.dataset.i);
  });
  tree.addEventListener('mouseover', (e) => {
    const li = e.target.closest('li[role=treeitem]');
    setHover(li ? +li.dataset.i : -1);
  });
  tree.addEventListener('mouseleave', () => setHover(-1));
  tree.addEventListener('keydown', (e) => {
    if (state.sel < 0) return;
    const it = state.flat[state.sel];
    const vis = visibleNodes();
    const pos = vis.indexOf(state.sel);
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        if (pos < vis.length - 1) selectNode(vis[pos + 1]);
        break;
      case 'ArrowUp':
        if (pos > 0) selectNode(vis[pos - 1]);
        break;
      case 'ArrowRight':
        if (it.kids.length && !it.open) toggle(state.sel, true);
        else if (it.kids.length) selectNode(it.kids[0]);
        break;
      case 'ArrowLeft':
        if (it.kids.length && it.open) toggle(state.sel, false);
        else if (it.parent >= 0) selectNode(it.parent);
        break;
      case 'Enter':
      case ' ':
        if (it.kids.length) toggle(state.sel);
        break;
      case 'Home':
        selectNode(vis[0]);
        break;
      case 'End':
        selectNode(vis[vis.length - 1]);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  });
}

function visibleNodes() {
  const out = [];
  const walk = (idx) => {
    out.push(idx);
    const it = state.flat[idx];
    if (it.open) it.kids.forEach(walk);
  };
  state.flat.forEach((it, i) => {
    if (it.parent < 0) walk(i);
  });
  return out;
}

function toggle(i, open) {
  const it = state.flat[i];
  if (!it.kids.length) return;
  it.open = open === undefined ? !it.open : open;
  it.li.setAttribute('aria-expanded', String(it.open));
}

function selectNode(i, opt) {
  if (i < 0 || i >= state.flat.length) return;
  const prev = state.flat[state.sel];
  if (prev && prev.li) {
    prev.li.classList.remove('sel');
    prev.li.removeAttribute('aria-selected');
  }
  state.sel = i;
  const it = state.flat[i];
  // Open every ancestor so the selection is visible.
  for (let p = it.parent; p >= 0; p = state.flat[p].parent) toggle(p, true);
  if (opt && opt.expand) toggle(i, true);
  it.li.classList.add('sel');
  it.li.setAttribute('aria-selected', 'true');
  const row = it.li.firstChild;
  if (row.scrollIntoView && !(opt && opt.noScroll)) row.scrollIntoView({ block: 'nearest' });
  if ((it.n.source || 0) !== state.source) {
    state.source = it.n.source || 0;
    renderHex();
  }
  paintHex();
  renderBits();
  renderTeach();
}

function setHover(i) {
  if (state.hover === i) return;
  state.hover = i;
  paintHex();
}

// ---------------------------------------------------------------- hex pane

function frameBytesHex() {
  const f = state.frame;
  if (state.source === 0 || !f.sources || !f.sources[state.source - 1]) return f.hex;
  return f.sources[state.source - 1].hex;
}

let hexSpans = []; // [byte] -> {h, a}

// Tabs over the byte buffers when a frame has more than its own bytes (a
// datagram reassembled from fragments).
function renderSources() {
  const nav = $('sources');
  const f = state.frame;
  const srcs = f.sources || [];
  nav.hidden = srcs.length === 0;
  nav.replaceChildren();
  ['Frame', ...srcs.map((x) => x.name)].forEach((name, i) => {
    const b = el('button', 'frametab' + (i === state.source ? ' on' : ''), name);
    b.type = 'button';
    b.addEventListener('click', () => {
      state.source = i;
      renderHex();
      paintHex();
    });
    nav.append(b);
  });
}

function renderHex() {
  renderSources();
  const hex = frameBytesHex();
  const n = hex.length >> 1;
  const box = $('hex');
  hexSpans = new Array(n);
  const frag = document.createDocumentFragment();
  for (let row = 0; row < n; row += 16) {
    const line = el('div', 'hline');
    line.append(el('span', 'hoff', row.toString(16).padStart(4, '0')));
    const hx = el('span', 'hbytes');
    const as = el('span', 'hascii');
    for (let k = row; k < Math.min(n, row + 16); k++) {
      const byte = parseInt(hex.substr(k * 2, 2), 16);
      const h = el('span', 'b', hex.substr(k * 2, 2));
      h.dataset.o = k;
      if (k % 16 === 8) h.classList.add('gap');
      const a = el('span', 'c', byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '·');
      a.dataset.o = k;
      hx.append(h);
      as.append(a);
      hexSpans[k] = { h, a };
    }
    line.append(hx, as);
    frag.append(line);
  }
  box.replaceChildren(frag);
  const f = state.frame;
  let info = n + ' bytes';
  if (state.source > 0) info += ' · ' + f.sources[state.source - 1].name;
  else if (f.len > f.caplen) info += ' captured of ' + f.len;
  $('hexinfo').textContent = info;
  markNotes();
}

// Notes are marked on the byte they name: red for errors, yellow for warnings.
function markNotes() {
  for (const it of state.flat) {
    if ((it.n.source || 0) !== state.source) continue;
    for (const note of it.n.notes || []) {
      const s = hexSpans[note.offset];
      if (!s) continue;
      const sev = sevName(note.severity);
      const cls = sev === 'error' ? 'nerr' : sev === 'warning' ? 'nwarn' : null;
      if (!cls) continue;
      s.h.classList.add(cls);
      s.h.title = (s.h.title ? s.h.title + '\n' : '') + note.message;
    }
  }
}

let painted = [];

function paintHex() {
  for (const s of painted) s.classList.remove('hl', 'hv', 'part', 'cur');
  painted = [];
  const mark = (idx, cls) => {
    if (idx < 0) return;
    const n = state.flat[idx].n;
    if ((n.source || 0) !== state.source) return;
    for (let o = n.offset; o < n.offset + n.length; o++) {
      const s = hexSpans[o];
      if (!s) continue;
      s.h.classList.add(cls);
      s.a.classList.add(cls);
      if (n.mask) s.h.classList.add('part');
      painted.push(s.h, s.a);
    }
  };
  mark(state.sel, 'hl');
  if (state.hover !== state.sel) mark(state.hover, 'hv');
  if (state.cursor >= 0 && hexSpans[state.cursor]) {
    hexSpans[state.cursor].h.classList.add('cur');
    painted.push(hexSpans[state.cursor].h);
  }
  const first = state.sel >= 0 ? hexSpans[state.flat[state.sel].n.offset] : null;
  if (first && first.h.scrollIntoView && (state.flat[state.sel].n.source || 0) === state.source) {
    const box = $('hex');
    const r = first.h.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) first.h.scrollIntoView({ block: 'nearest' });
  }
  renderBitStrip();
}

// For a field narrower than its bytes, show those bytes bit by bit with the
// mask's bits lit: IHL is the low four bits of byte 14, not the whole byte.
function renderBitStrip() {
  const strip = $('bitstrip');
  strip.replaceChildren();
  if (state.sel < 0) return;
  const n = state.flat[state.sel].n;
  if (!n.mask || n.length > 4) return;
  const hex = frameBytesHex();
  strip.append(el('span', 'muted', n.label + ' = mask 0x' + n.mask.toString(16).padStart(n.length * 2, '0') + ' over ' + (n.length === 1 ? 'byte ' : 'bytes ') + n.offset + (n.length > 1 ? '–' + (n.offset + n.length - 1) : '') + ':  '));
  const total = n.length * 8;
  for (let k = 0; k < n.length; k++) {
    const byte = parseInt(hex.substr((n.offset + k) * 2, 2), 16);
    const grp = el('span', 'bgrp');
    for (let b = 7; b >= 0; b--) {
      const bitIndex = (n.length - 1 - k) * 8 + b; // from the least significant bit of the field's bytes
      const on = (n.mask >>> bitIndex) & 1;
      grp.append(el('span', on ? 'bit on' : 'bit', String((byte >> b) & 1)));
    }
    strip.append(grp);
  }
  void total;
}

function bindHex() {
  const box = $('hex');
  const byteAt = (e) => {
    const t = e.target.closest('[data-o]');
    return t ? +t.dataset.o : -1;
  };
  box.addEventListener('mouseover', (e) => {
    const o = byteAt(e);
    setHover(o >= 0 ? innermost(o) : -1);
  });
  box.addEventListener('mouseleave', () => setHover(-1));
  box.addEventListener('click', (e) => {
    const o = byteAt(e);
    if (o < 0) return;
    state.cursor = o;
    const i = innermost(o);
    if (i >= 0) selectNode(i);
    else paintHex();
  });
  box.addEventListener('keydown', (e) => {
    const n = hexSpans.length;
    if (!n) return;
    const moves = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 16, ArrowUp: -16, Home: -Infinity, End: Infinity };
    if (e.key in moves) {
      e.preventDefault();
      const from = state.cursor < 0 ? (state.sel >= 0 ? state.flat[state.sel].n.offset : 0) : state.cursor;
      state.cursor = Math.max(0, Math.min(n - 1, from + moves[e.key]));
      const i = innermost(state.cursor);
      if (i >= 0) selectNode(i, { noScroll: false });
      else paintHex();
      hexSpans[state.cursor].h.scrollIntoView({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      e.preventDefault();
      $('tree').focus();
    }
  });
}

// innermost returns the smallest field covering byte o of the shown buffer;
// between equals the deepest wins, so a byte picks "TTL", not "IPv4".
function innermost(o) {
  let best = -1;
  let bestLen = Infinity;
  let bestDepth = -1;
  state.flat.forEach((it, i) => {
    const n = it.n;
    if ((n.source || 0) !== state.source || o < n.offset || o >= n.offset + n.length) return;
    if (n.length < bestLen || (n.length === bestLen && it.depth > bestDepth)) {
      best = i;
      bestLen = n.length;
      bestDepth = it.depth;
    }
  });
  return best;
}

// ---------------------------------------------------------------- bit layout

// The header a selection belongs to: the nearest node whose children are
// fields (the selection itself when it has children).
function headerOf(i) {
  let h = i;
  if (!state.flat[h].kids.length) h = state.flat[h].parent;
  return h;
}

const MAX_BIT_ROWS = 16;

function renderBits() {
  const box = $('bits');
  box.replaceChildren();
  $('bitstitle').textContent = '';
  if (state.sel < 0) return;
  const h = headerOf(state.sel);
  if (h < 0) return;
  const hdr = state.flat[h];
  $('bitstitle').textContent = hdr.n.label;
  const base = hdr.n.offset;
  const ruler = el('div', 'bitgrid ruler');
  for (let b = 0; b < 32; b++) {
    const c = el('span', b % 8 === 0 ? 'tick major' : 'tick', b % 8 === 0 || b === 31 ? String(b) : '');
    ruler.append(c);
  }
  box.append(ruler);
  const grid = el('div', 'bitgrid');
  const limitBits = MAX_BIT_ROWS * 32;
  // Fields wider than two rows (a quoted datagram, data) are drawn one row
  // high with their size written in; `shift` is how many bits that saved, so
  // the fields after them keep their places relative to each other.
  let placed = 0;
  let shift = 0;
  let cut = false;
  for (const k of hdr.kids) {
    const n = state.flat[k].n;
    if ((n.source || 0) !== (hdr.n.source || 0)) continue;
    let start = (n.offset - base) * 8;
    let width = n.length * 8;
    if (n.mask) {
      const bits = n.length * 8;
      let hi = -1;
      let lo = -1;
      for (let b = bits - 1; b >= 0; b--) {
        if ((n.mask >>> b) & 1) {
          if (hi < 0) hi = b;
          lo = b;
        }
      }
      start += bits - 1 - hi;
      width = hi - lo + 1;
    }
    let from = start - shift;
    if (from < placed) continue; // overlapping alternatives: draw the first
    if (from >= limitBits) {
      cut = true;
      break;
    }
    if (from > placed) addGap(grid, placed, from);
    let to = from + width;
    const big = width > 64;
    if (big) {
      to = from - (from % 32) + 32; // to the end of its row
      if (to - from < 16 && from % 32 !== 0) to += 32; // too narrow to read: one more row
      shift += width - (to - from);
    }
    if (to > limitBits) {
      to = limitBits;
      cut = true;
    }
    addBox(grid, k, from, to, n, big ? width : 0);
    placed = to;
    if (cut) break;
  }
  box.append(grid);
  if (cut) box.append(el('p', 'muted small', 'The rest of the header is not drawn; the tree lists every field.'));
}

function addGap(grid, from, to) {
  for (const [s, e] of splitRows(from, to)) {
    const g = el('span', 'bitbox gap');
    g.style.gridColumn = (s % 32) + 1 + ' / span ' + (e - s);
    grid.append(g);
  }
}

function splitRows(from, to) {
  const out = [];
  for (let s = from; s < to; ) {
    const e = Math.min(to, s - (s % 32) + 32);
    out.push([s, e]);
    s = e;
  }
  return out;
}

function addBox(grid, idx, from, to, n, fullBits) {
  const segs = splitRows(from, to);
  segs.forEach(([s, e], k) => {
    const b = el('button', 'bitbox');
    b.type = 'button';
    b.style.gridColumn = (s % 32) + 1 + ' / span ' + (e - s);
    if (idx === state.sel) b.classList.add('sel');
    const w = worstNote(n);
    if (w === 2) b.classList.add('bad');
    else if (w === 1) b.classList.add('warn');
    const name = el('span', 'bname', k === 0 ? n.label : '');
    const bits = fullBits || e - s;
    const val = el('span', 'bval', k === 0 ? shortValue(n) : '');
    b.append(name, val);
    b.title = n.label + (n.value ? ' = ' + n.value : '') + ' · ' + (fullBits || to - from) + ' bits';
    if (bits > 64 && k === 0) val.textContent = (fullBits || to - from) / 8 + ' bytes';
    b.addEventListener('click', () => selectNode(idx));
    b.addEventListener('mouseenter', () => setHover(idx));
    b.addEventListener('mouseleave', () => setHover(-1));
    grid.append(b);
  });
}

function shortValue(n) {
  const v = n.value || '';
  return v.length > 28 ? v.slice(0, 27) + '…' : v;
}

// ---------------------------------------------------------------- teaching

function bindLang() {
  document.querySelectorAll('.lang button').forEach((b) =>
    b.addEventListener('click', () => {
      state.lang = b.dataset.lang;
      document.querySelectorAll('.lang button').forEach((x) => x.setAttribute('aria-pressed', String(x === b)));
      document.documentElement.lang = state.lang;
      if (state.frame) renderTeach();
    })
  );
}

// The teaching panel's own words in both languages. Protocol names and
// explanations are not here: they come from the codec.
const UI = {
  en: {
    bytes: 'bytes',
    mask: 'bits of mask',
    typeCode: (t, c) => 'Type ' + t + ', code ' + c,
    errorMsg: 'error message',
    informational: 'informational',
    unassigned: 'This type is not assigned by IANA.',
    quotes: 'The packet it quotes: ',
    notes: 'Notes',
    ok: (f) => 'Found ' + f + ': correct.',
    bad: (f, r) => 'Found ' + f + ', but the bytes add up to ' + r + '. The packet was corrupted or built wrong.',
    cols: ['bytes', 'word', 'running sum'],
    more: (n) => '… ' + n + ' more words …',
    asZero: ' checksum as 0',
    noCarry: 'no carry: ',
    right: 'right',
    found: 'found',
  },
  ko: {
    bytes: '바이트',
    mask: '마스크 비트',
    typeCode: (t, c) => '타입 ' + t + ', 코드 ' + c,
    errorMsg: '오류 메시지',
    informational: '정보 메시지',
    unassigned: 'IANA가 할당하지 않은 타입입니다.',
    quotes: '인용된 패킷: ',
    notes: '참고',
    ok: (f) => '패킷의 값 ' + f + ': 올바릅니다.',
    bad: (f, r) => '패킷의 값은 ' + f + '이지만 바이트를 더하면 ' + r + '이 나옵니다. 패킷이 손상되었거나 잘못 만들어졌습니다.',
    cols: ['바이트', '워드', '누적 합'],
    more: (n) => '… 워드 ' + n + '개 생략 …',
    asZero: ' 체크섬은 0으로',
    noCarry: '올림 없음: ',
    right: '올바른 값',
    found: '패킷의 값',
  },
};

function say(key, ...args) {
  const v = (UI[state.lang] || UI.en)[key];
  return typeof v === 'function' ? v(...args) : v;
}

function pick(text) {
  if (!text) return '';
  return (state.lang === 'ko' ? text.ko || text.en : text.en || text.ko) || '';
}

async function explainKey(key) {
  if (!key) return null;
  if (!state.explain.has(key)) state.explain.set(key, callJSON('explain', key).catch(() => null));
  return state.explain.get(key);
}

async function lookup(family, type, code) {
  const k = family + '/' + type + '/' + code;
  if (!state.lookups.has(k)) state.lookups.set(k, callJSON('lookup', family, type, code).catch(() => null));
  return state.lookups.get(k);
}

let teachSeq = 0;

async function renderTeach() {
  const seq = ++teachSeq;
  const f = state.frame;
  const box = el('div');
  const it = state.sel >= 0 ? state.flat[state.sel] : null;

  // 1. The selected field.
  if (it) {
    const sec = el('section', 'tsec');
    sec.append(el('h3', null, it.n.label));
    if (it.n.value) sec.append(el('p', 'tval', it.n.value));
    const where = say('bytes') + ' ' + it.n.offset + (it.n.length > 1 ? '–' + (it.n.offset + it.n.length - 1) : '') + (it.n.mask ? ', ' + say('mask') + ' 0x' + it.n.mask.toString(16) : '') + (it.n.field ? ' · ' + it.n.field : '');
    sec.append(el('p', 'muted small', where));
    const ex = await explainKey(it.n.explain || it.n.field);
    if (seq !== teachSeq) return;
    if (ex && (ex.en || ex.ko)) sec.append(el('p', 'explain', pick(ex)));
    for (const note of it.n.notes || []) sec.append(noteLine(note));
    box.append(sec);
  }

  // 2. The ICMP type and code.
  if (f.icmp) {
    const lk = await lookup(f.icmp.family, f.icmp.type, f.icmp.code);
    if (seq !== teachSeq) return;
    const sec = el('section', 'tsec');
    const h = el('h3', null, say('typeCode', f.icmp.type, f.icmp.code));
    sec.append(h);
    if (lk && lk.type) {
      const t = lk.type;
      const line = el('p', 'tname');
      line.append(el('strong', null, t.name));
      if (lk.code && lk.code.name) line.append(document.createTextNode(' · ' + lk.code.name));
      sec.append(line);
      const tags = el('p', 'tags');
      tags.append(el('span', 'tag', t.family === 6 ? 'ICMPv6' : 'ICMPv4'));
      if (t.rfc) tags.append(el('span', 'tag', t.rfc));
      tags.append(el('span', 'tag ' + t.status, t.status));
      tags.append(el('span', 'tag', t.isError ? say('errorMsg') : say('informational')));
      sec.append(tags);
      if (pick(t.explain)) sec.append(el('p', 'explain', pick(t.explain)));
      if (lk.code && pick(lk.code.explain)) sec.append(el('p', 'explain', pick(lk.code.explain)));
    } else {
      sec.append(el('p', 'explain', say('unassigned')));
    }
    if (f.icmp.quote) {
      const q = el('p', 'quote');
      q.append(el('strong', null, say('quotes')));
      q.append(document.createTextNode(f.icmp.quote));
      sec.append(q);
    }
    box.append(sec);
  }

  // 3. The checksum worked out: the selected one, or the ICMP one.
  const sums = f.checksums || [];
  let cs = null;
  if (it) cs = sums.find((c) => c.at === it.n.offset && (it.n.source || 0) === 0);
  if (!cs) cs = sums.find((c) => /^icmp/.test(c.field)) || sums[0];
  if (cs) box.append(await checksumSection(cs));
  if (seq !== teachSeq) return;

  // 4. Every note of the frame, clickable.
  if (f.notes && f.notes.length) {
    const sec = el('section', 'tsec');
    sec.append(el('h3', null, say('notes')));
    for (const note of f.notes) {
      const line = noteLine(note);
      line.classList.add('link');
      line.addEventListener('click', () => {
        const i = innermost(note.offset);
        if (i >= 0) selectNode(i);
      });
      sec.append(line);
    }
    box.append(sec);
  }
  if (seq !== teachSeq) return;
  $('teach').replaceChildren(box);
}

function noteLine(note) {
  const sev = sevName(note.severity);
  const p = el('p', 'note ' + sev);
  p.append(el('span', 'sev', sev), document.createTextNode(' byte ' + note.offset + ': ' + note.message));
  return p;
}

const hex4 = (v) => '0x' + (v >>> 0).toString(16).padStart(4, '0');

// The checksum worked out in the four steps of RFC 1071, each step's words
// from the codec's catalogue (checksum.words, .sum, .fold, .complement).
async function checksumSection(cs) {
  const keys = ['checksum.howto', 'checksum.words', 'checksum.odd', 'checksum.sum', 'checksum.fold', 'checksum.complement', 'checksum.verify'];
  const ex = {};
  for (const [k, v] of await Promise.all(keys.map(async (k) => [k, await explainKey(k)]))) ex[k] = v ? pick(v) : '';
  const sec = el('section', 'tsec checksum');
  sec.append(el('h3', null, cs.label));
  const verdict = el('p', cs.ok ? 'verdict ok' : 'verdict bad');
  verdict.textContent = cs.ok
    ? say('ok', hex4(cs.found))
    : say('bad', hex4(cs.found), hex4(cs.right));
  sec.append(verdict);
  sec.append(el('p', 'muted small', cs.how));
  if (ex['checksum.howto']) sec.append(el('p', 'explain small', ex['checksum.howto']));

  const step = (text, body) => {
    const d = el('div', 'cstep');
    if (text) d.append(el('p', 'small', text));
    if (body) d.append(body);
    sec.append(d);
  };
  const table = el('table', 'cstable');
  const head = el('tr');
  for (const t of say('cols')) head.append(el('th', null, t));
  table.append(head);
  const addRow = (label, w, sum, cls) => {
    const tr = el('tr', cls);
    tr.append(el('td', null, label), el('td', 'mono', hex4(w)), el('td', 'mono', '0x' + sum.toString(16)));
    table.append(tr);
  };
  for (const p of cs.pseudo || []) addRow(p.label, p.word, p.sum, 'pseudo');
  const words = cs.words || [];
  const SHOW = 12;
  let padded = false;
  words.forEach((w, k) => {
    padded = padded || !!w.pad;
    if (words.length > 2 * SHOW + 1 && k === SHOW) {
      const tr = el('tr', 'skip');
      const td = el('td', 'muted', say('more', words.length - 2 * SHOW));
      td.colSpan = 3;
      tr.append(td);
      table.append(tr);
    }
    if (words.length > 2 * SHOW + 1 && k >= SHOW && k < words.length - SHOW) return;
    const label = w.off + (w.pad ? ' (+pad)' : '–' + (w.off + 1)) + (w.zeroed ? say('asZero') : '');
    addRow(label, w.word, w.sum, w.zeroed ? 'zeroed' : '');
  });
  step(ex['checksum.words'] + (padded && ex['checksum.odd'] ? ' ' + ex['checksum.odd'] : ''), table);
  step(ex['checksum.sum'], el('p', 'mono', 'sum = 0x' + cs.total.toString(16)));
  const folds = el('p', 'mono');
  folds.textContent = (cs.folds || []).length
    ? (cs.folds || []).map((fo) => '0x' + fo.from.toString(16) + ' → 0x' + fo.to.toString(16)).join(',  ')
    : say('noCarry') + '0x' + cs.total.toString(16);
  step(ex['checksum.fold'], folds);
  step(ex['checksum.complement'], el('p', 'mono', '~' + hex4(cs.folded) + ' = ' + hex4(cs.right)));
  step(ex['checksum.verify'], el('p', 'mono ' + (cs.ok ? 'ok' : 'bad'), say('right') + ' ' + hex4(cs.right) + ', ' + say('found') + ' ' + hex4(cs.found) + (cs.ok ? '  ✓' : '  ✗')));
  return sec;
}

init();
