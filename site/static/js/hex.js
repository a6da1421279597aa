// The hex pane: the shown buffer's bytes and their ASCII, linked to the tree
// (hover and selection light the bytes; a byte selects its innermost field),
// and the bit strip of a field narrower than its bytes.

import { $, el } from './dom.js';
import { state } from './state.js';
import { t } from './strings.js';
import { sevName } from './vocab.js';
import { innermost, selectNode, setHover } from './tree.js';

let hexSpans = []; // [byte] -> {h, a}
let painted = [];

/** NOTE_CLASS marks a byte a note names, by severity name. */
const NOTE_CLASS = { error: 'nerr', warning: 'nwarn' };

export function frameBytesHex() {
  const f = state.frame;
  if (state.source === 0 || !f.sources || !f.sources[state.source - 1]) return f.hex;
  return f.sources[state.source - 1].hex;
}

// Tabs over the byte buffers when a frame has more than its own bytes (a
// datagram reassembled from fragments).
function renderSources() {
  const nav = $('sources');
  const srcs = state.frame.sources || [];
  nav.hidden = srcs.length === 0;
  nav.replaceChildren();
  [t('frameTab'), ...srcs.map((x) => x.name)].forEach((name, i) => {
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

export function renderHex() {
  renderSources();
  const hex = frameBytesHex();
  const n = hex.length >> 1;
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
      // A space is drawn as a no-break space: an inline block holding only
      // collapsible white space has no height, and its highlight a hole.
      const ch = byte === 0x20 ? '\u00a0' : byte > 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '·';
      const a = el('span', 'c', ch);
      a.dataset.o = k;
      hx.append(h);
      as.append(a);
      hexSpans[k] = { h, a };
    }
    line.append(hx, as);
    frag.append(line);
  }
  $('hex').replaceChildren(frag);
  const f = state.frame;
  let info = t('nBytes', n);
  if (state.source > 0) info += ' · ' + f.sources[state.source - 1].name;
  else if (f.len > f.caplen) info += t('capturedOf', f.len);
  $('hexinfo').textContent = info;
  markNotes();
}

// Notes are marked on the byte they name: red for errors, yellow for warnings.
function markNotes() {
  for (const it of state.flat) {
    if ((it.n.source || 0) !== state.source) continue;
    for (const note of it.n.notes || []) {
      const s = hexSpans[note.offset];
      const cls = NOTE_CLASS[sevName(note.severity)];
      if (!s || !cls) continue;
      s.h.classList.add(cls);
      s.h.title = (s.h.title ? s.h.title + '\n' : '') + note.message;
    }
  }
}

/** paintHex marks the selected and hovered bytes. With defer, the check that
 * the selection is in view (which needs the layout) waits for the next frame. */
export function paintHex(defer) {
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
  const sel = state.sel;
  const first = sel >= 0 ? hexSpans[state.flat[sel].n.offset] : null;
  const inView = () => {
    if (state.sel !== sel || !first.h.isConnected) return;
    const r = first.h.getBoundingClientRect();
    const b = $('hex').getBoundingClientRect();
    if (r.top < b.top || r.bottom > b.bottom) first.h.scrollIntoView({ block: 'nearest' });
  };
  if (first && first.h.scrollIntoView && (state.flat[sel].n.source || 0) === state.source) {
    if (defer) requestAnimationFrame(inView);
    else inView();
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
  const range = n.length === 1 ? t('byteRange', n.offset) : t('byteRange', n.offset, n.offset + n.length - 1);
  strip.append(el('span', 'muted', t('maskOver', n.label, '0x' + n.mask.toString(16).padStart(n.length * 2, '0'), range)));
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
}

export function bindHex() {
  const box = $('hex');
  const byteAt = (e) => {
    const tg = e.target.closest('[data-o]');
    return tg ? +tg.dataset.o : -1;
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
