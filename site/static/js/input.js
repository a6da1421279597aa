// Input: the paste box, its format and layer choices, the examples, the
// message builder, share links and "Copy as".

import { showStory } from './story.js';
import { $, el, flash } from './dom.js';
import { state } from './state.js';
import { t, lang } from './strings.js';
import { call, callJSON } from './rpc.js';
import { showMessage } from './message.js';
import { families, family } from './vocab.js';
import { showFrame, hideFrame } from './tree.js';
import { closeCaptureView, openCapture, showPasteList } from './capture.js';
import { lookup } from './teach.js';

/** BUILD_FIELDS maps a build spec property to its input and its label. */
const BUILD_FIELDS = {
  family: ['bfamily', 'family'],
  type: ['btype', 'type'],
  code: ['bcode', 'code'],
  id: ['bid', 'ident'],
  seq: ['bseq', 'seq'],
  ttl: ['bttl', 'ttl'],
  src: ['bsrc', 'src'],
  dst: ['bdst', 'dst'],
  data: ['bdata', 'data'],
  dataHex: ['bdata', 'data'],
  quote: ['bquote', 'quote'],
};

export function bindInput() {
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
    const fam = family(+$('bfamily').value);
    if (fam) {
      $('bsrc').value = fam.src;
      $('bdst').value = fam.dst;
    }
    fillBuilderTypes();
  });
  $('btype').addEventListener('change', fillBuilderCodes);
  $('bbuild').addEventListener('click', buildMessage);
  for (const [id] of Object.values(BUILD_FIELDS)) $(id).addEventListener('input', () => $(id).removeAttribute('aria-invalid'));
}

/** fillMeta puts what init() returned into the selects and the cards. */
export function fillMeta() {
  const m = state.meta;
  const keep = (sel) => sel.value;
  const d = keep($('dialect'));
  $('dialect').replaceChildren(new Option(t('detect'), ''));
  $('copyas').replaceChildren(new Option(t('copyAs'), ''));
  // The codec names the dialects in the page's language; the value is
  // the id decode and format take.
  for (const x of m.dialects) {
    $('dialect').append(new Option(x.title, x.id));
    $('copyas').append(new Option(x.title, x.id));
  }
  $('dialect').value = d;
  const l = keep($('layer'));
  $('layer').replaceChildren(new Option(t('detect'), ''));
  for (const x of m.layers) $('layer').append(new Option(x.title, x.id));
  $('layer').value = l;

  const ex = $('examples');
  ex.replaceChildren(new Option(t('examplesMenu'), ''));
  const gp = el('optgroup');
  gp.label = t('textbookGroup');
  const gc = el('optgroup');
  gc.label = t('capturesGroup');
  for (const e of m.examples) {
    const o = new Option((e.kind === 'packet' ? e.id + '  ' : '') + e.title, e.id);
    o.title = e.note;
    (e.kind === 'packet' ? gp : gc).append(o);
  }
  ex.append(gp, gc);
  // The same examples as cards on the landing page: the textbook's table.
  const quick = $('quick');
  // Redrawn in another language: the keyboard stays on the card it was on.
  const focused = quick.contains(document.activeElement) ? document.activeElement.dataset.id : null;
  quick.replaceChildren();
  for (const e of m.examples) {
    const card = el('button', 'qcard' + (e.kind === 'capture' ? ' qcap' : ''));
    card.type = 'button';
    card.dataset.id = e.id;
    card.append(el('span', 'qid', e.kind === 'packet' ? e.id : e.id === 'ping' ? '▶' : '⤳'), el('span', 'qtitle', e.title), el('span', 'qnote', e.note));
    card.addEventListener('click', async () => {
      await openExample(e.id);
      // The cards are hidden once something is shown: keep the keyboard
      // where the result is, not on <body>.
      (e.kind === 'capture' ? $('list') : $('tree')).focus();
    });
    quick.append(card);
    if (e.id === focused) card.focus();
  }

  const ft = keep($('ftype'));
  $('ftype').replaceChildren(new Option(t('any'), ''));
  for (const fam of families()) {
    const g = el('optgroup');
    g.label = fam.name;
    for (const ty of m.types) if (ty.family === fam.number) g.append(new Option(ty.type + ' ' + ty.name, fam.number + ':' + ty.type));
    $('ftype').append(g);
  }
  $('ftype').value = ft;

  const bf = $('bfamily').value;
  $('bfamily').replaceChildren(...families().map((f) => new Option(f.name, f.number)));
  if (bf) {
    const bt = $('btype').value;
    const bc = $('bcode').value;
    $('bfamily').value = bf;
    fillBuilderTypes(bt, bc);
  } else {
    const bd = m.buildDefault;
    $('bfamily').value = String(bd.family);
    const fam = family(bd.family);
    $('bsrc').value = fam.src;
    $('bdst').value = fam.dst;
    fillBuilderTypes(String(bd.type));
  }
}

// The builder's type and code lists come from the registry, like everything.
function fillBuilderTypes(type, code) {
  const fam = +$('bfamily').value;
  const sel = $('btype');
  sel.replaceChildren();
  for (const ty of state.meta.types) {
    if (ty.family === fam) sel.append(new Option(ty.type + ' ' + ty.name, ty.type));
  }
  if (type !== undefined) sel.value = type;
  fillBuilderCodes(code);
}

async function fillBuilderCodes(code) {
  const sel = $('bcode');
  const lk = await lookup(+$('bfamily').value, +$('btype').value, 0);
  sel.replaceChildren();
  const codes = (lk && lk.type.codes) || [];
  if (!codes.length) sel.append(new Option('0', 0));
  for (const c of codes) sel.append(new Option(c.code + ' ' + c.name, c.code));
  if (typeof code === 'string' && code !== '') sel.value = code;
  // Only the fields the type's body uses (the codec says which): an error
  // quotes a datagram and has no identifier, sequence or data.
  const body = (lk && lk.type.body) || 'raw';
  for (const l of document.querySelectorAll('.bform [data-bodies]')) l.hidden = !l.dataset.bodies.split(' ').includes(body);
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
    quote: $('bquote').value.trim(),
  };
  let res;
  try {
    res = await callJSON('build', spec, lang());
  } catch (err) {
    const f = BUILD_FIELDS[err.field];
    if (!f) {
      showMessage(err.field ? err.field + ': ' + err.message : err.message, 'error');
      return;
    }
    // Name the box to fix in the page's words, and put the cursor there.
    const box = $(f[0]);
    box.setAttribute('aria-invalid', 'true');
    box.focus();
    showMessage(t('buildField', t(f[1]), err.message), 'error');
    return;
  }
  $('paste').value = res.hex;
  $('dialect').value = '';
  $('layer').value = res.layer;
  await decodeText(res.hex, { dialect: 'plain hex', layer: res.layer });
}

/** decodeText dissects a paste (the paste box's text when none is given);
 * keepMessage leaves the message shown (a restart's warning). */
export async function decodeText(text, opts, frame, keepMessage) {
  if (text === undefined) text = $('paste').value;
  if (!text.trim()) {
    showMessage(t('pasteFirst'), 'info');
    return;
  }
  const o = opts || { dialect: $('dialect').value, layer: $('layer').value };
  let res;
  try {
    // A paste comes back as a list the worker holds, the same list a
    // capture gets; one packet comes dissected at once besides.
    res = await callJSON('decode', text, { ...o, lang: lang(), list: true });
  } catch (err) {
    showDecodeError(err.restarted ? t('restarted', err.message) : err.message);
    return;
  }
  state.lastSource = { kind: 'text', text, opts: o };
  if (!keepMessage || res.limit) showMessage(res.limit || '', 'warning');
  if (res.handle) {
    await showPasteList(res);
    // The exchanges of several packets; one has no story to tell.
    if (res.count > 1) await showStory({ text });
    return;
  }
  closeCaptureView();
  showResult(res, frame || 0);
}

function showDecodeError(msg) {
  hideFrame();
  $('detected').textContent = '';
  showMessage(msg, 'error');
}

// A decode answer without a list: the frames it holds.
function showResult(res, frame) {
  state.result = res;
  showDetected(res);
  if (res.frames.length) showFrame(Math.min(frame, res.frames.length - 1));
}

/** showDetected says which dump format was read and where the shown
 * packet's dissection starts, and why. */
export function showDetected(res) {
  const det = $('detected');
  det.replaceChildren();
  if (res.dialect) det.append(el('span', 'tag', (res.dialectTitle || res.dialect) + (res.dialectDetected ? t('detected') : '')));
  if (res.layer) {
    const tag = el('span', 'tag', t('startsAtTag', res.layerTitle) + (res.layerDetected ? t('detected') : ''));
    if (res.layerReason) tag.title = res.layerReason;
    det.append(tag);
    if (res.layerReason) det.append(el('span', 'reason', res.layerReason));
  }
}

export async function openExample(id) {
  let ex;
  try {
    ex = await callJSON('example', id, lang());
  } catch (err) {
    showMessage(err.message, 'error');
    return;
  }
  if (ex.kind === 'capture') {
    await openCapture({ name: ex.title + '.pcapng', bytes: hexToBytes(ex.hex) });
    return;
  }
  $('dialect').value = '';
  $('layer').value = '';
  await decodeText(ex.text, {});
  // The box shows the example once it is what the page shows.
  $('paste').value = ex.text;
}

function hexToBytes(hex) {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

// ---------------------------------------------------------------- sharing

/** openFromHash dissects the packet of a share link (#hex=...&layer=...&lang=...). */
export async function openFromHash() {
  const h = location.hash.slice(1);
  if (!h) return;
  const p = new URLSearchParams(h);
  const hex = p.get('hex');
  if (!hex || hex === state.lastHex) return;
  $('paste').value = hex;
  if (p.get('layer')) $('layer').value = p.get('layer');
  await decodeText(hex, { dialect: 'plain hex', layer: p.get('layer') || '' });
}

async function share() {
  if (!state.frame) return;
  const p = new URLSearchParams();
  p.set('hex', state.frame.hex);
  if (state.result && state.result.layer) p.set('layer', state.result.layer);
  p.set('lang', lang());
  state.lastHex = state.frame.hex;
  const url = location.origin + location.pathname + '#' + p.toString();
  history.replaceState(null, '', url);
  try {
    await navigator.clipboard.writeText(url);
    flash($('share'), t('linkCopied'));
  } catch {
    flash($('share'), t('linkInBar'));
  }
}

// "Copy as": the shown packet in another dump dialect, on the clipboard and
// in the paste box (where it dissects back to the same bytes).
async function copyAs() {
  const sel = $('copyas');
  const dialect = sel.value;
  const title = sel.selectedIndex >= 0 ? sel.options[sel.selectedIndex].textContent : dialect; // the codec's name in the page's language
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
    sel.options[0].textContent = t('copiedAs', title);
  } catch {
    sel.options[0].textContent = t('inPasteBox');
  }
  setTimeout(() => (sel.options[0].textContent = t('copyAs')), 1600);
}
