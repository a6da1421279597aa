// The header layout: the fields of the selected node's header drawn on a
// 32-bit ruler, as RFCs draw them. Every field keeps its bit width; a label
// too long for its box is abbreviated, with the whole name on hover and in a
// legend under the drawing, so a one-bit flag stays readable.

import { $, el } from './dom.js';
import { state } from './state.js';
import { t } from './strings.js';
import { worstNote, sevName } from './vocab.js';
import { selectNode, setHover } from './tree.js';

const MAX_BIT_ROWS = 16;
/** CHARS_PER_BIT: about how many label characters a bit column holds (the
 * grid's columns are at least 17 px at its minimum width of 560 px). */
const CHARS_PER_BIT = 2;
/** NARROW boxes (in bits) are drawn with a smaller font and no padding. */
const NARROW = 3;

// The header a selection belongs to: the nearest node whose children are
// fields (the selection itself when it has children).
function headerOf(i) {
  let h = i;
  if (!state.flat[h].kids.length) h = state.flat[h].parent;
  return h;
}

/** abbrev shortens a label to fit chars: its words' initials ("Don't
 * fragment" → "DF"), or its first letters when it is one word. */
export function abbrev(label, chars) {
  if (label.length <= chars) return label;
  const words = label.split(/[\s\-_/]+/).filter((w) => /^[\p{L}\p{N}]/u.test(w));
  let a = words.length > 1 ? words.map((w) => w[0].toUpperCase()).join('') : label;
  if (a.length > Math.max(chars, 2)) a = a.slice(0, Math.max(chars - 1, 2)) + (chars > 3 ? '.' : '');
  return a;
}

export function renderBits() {
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
    ruler.append(el('span', b % 8 === 0 ? 'tick major' : 'tick', b % 8 === 0 || b === 31 ? String(b) : ''));
  }
  box.append(ruler);
  const grid = el('div', 'bitgrid');
  const legend = [];
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
    const from = start - shift;
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
    const short = addBox(grid, k, from, to, n, big ? width : 0);
    if (short !== n.label) legend.push([short, n.label]);
    placed = to;
    if (cut) break;
  }
  box.append(grid);
  if (legend.length) {
    const lg = el('p', 'bitlegend small');
    lg.append(el('span', 'muted', t('legend') + ' '));
    legend.forEach(([s, full], i) => {
      if (i) lg.append(document.createTextNode(' · '));
      lg.append(el('strong', null, s), document.createTextNode(' ' + full));
    });
    box.append(lg);
  }
  if (cut) box.append(el('p', 'muted small', t('notDrawn')));
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

/** addBox draws a field over one or more rows and returns the label shown. */
function addBox(grid, idx, from, to, n, fullBits) {
  const segs = splitRows(from, to);
  const widest = Math.max(...segs.map(([s, e]) => e - s));
  const shown = abbrev(n.label, Math.floor(widest * CHARS_PER_BIT) - 1);
  const bitsTotal = fullBits || to - from;
  const w = worstNote(n);
  segs.forEach(([s, e], k) => {
    const b = el('button', 'bitbox');
    b.type = 'button';
    b.style.gridColumn = (s % 32) + 1 + ' / span ' + (e - s);
    if (e - s <= NARROW) b.classList.add('narrow');
    if (idx === state.sel) b.classList.add('sel');
    if (w >= 0 && sevName(w) !== 'note') b.classList.add(sevName(w) === 'error' ? 'bad' : 'warn');
    // The widest segment carries the name and value; the others say they
    // continue it, as RFC diagrams do.
    const main = e - s === widest && segs.findIndex(([s2, e2]) => e2 - s2 === widest) === k;
    const name = el('span', main ? 'bname' : 'bname cont', main ? shown : '… ' + shown);
    const val = el('span', 'bval', main ? shortValue(n) : '');
    if (main && bitsTotal > 64) val.textContent = t('bytesN', bitsTotal / 8);
    b.append(name, val);
    b.title = n.label + (n.value ? ' = ' + n.value : '') + ' · ' + t('bits', bitsTotal);
    b.setAttribute('aria-label', b.title);
    b.addEventListener('click', () => selectNode(idx));
    b.addEventListener('mouseenter', () => setHover(idx));
    b.addEventListener('mouseleave', () => setHover(-1));
    grid.append(b);
  });
  return shown;
}

function shortValue(n) {
  const v = n.value || '';
  return v.length > 28 ? v.slice(0, 27) + '…' : v;
}
