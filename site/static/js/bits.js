// The header layout: the selected node's header drawn on a 32-bit ruler, as
// RFCs draw it. The codec draws it (dissect's diagram, through the module's
// diagram method): this module sends the shown tree and the selection's
// path, shows the SVG it gets back, and makes its fields clickable. The same
// SVG is what "Download SVG" saves and the same layout is what "Copy as
// ASCII art" copies, so screen, file and text cannot disagree. Every field
// keeps its bit width; a name too long for its box is abbreviated from the
// codec's list, with the whole name on hover and in the legend.

import { $, el, flash } from './dom.js';
import { state } from './state.js';
import { t, lang } from './strings.js';
import { call } from './rpc.js';
import { worstNote } from './vocab.js';
import { selectNode, setHover } from './tree.js';

/** What is drawn: the frame, its tree as text, the paths of its nodes, and
 * the last diagram (DiagramView of api.d.ts) with the flat index of each box. */
const drawn = { frame: null, text: '', paths: [], byPath: new Map(), view: null, header: -1, boxIdx: [] };
let seq = 0;

/** clean keeps a text on one line of the tree's line format. */
const clean = (s) => String(s || '').replace(/[\t\n\r]/g, ' ');

/** treeOf writes the frame's nodes one a line (wasm/diagram.go's format)
 * and remembers each node's path of child indices. */
function treeOf(frame) {
  if (drawn.frame === frame) return;
  const lines = [];
  const paths = [];
  const byPath = new Map();
  const rootCount = { n: 0 };
  state.flat.forEach((item, i) => {
    const n = item.n;
    const p = item.parent >= 0 ? paths[item.parent].concat(state.flat[item.parent].kids.indexOf(i)) : [rootCount.n++];
    paths.push(p);
    byPath.set(p.join('.'), i);
    const sev = Math.max(0, worstNote(n));
    lines.push([item.depth, n.offset, n.length, (n.mask || 0) >>> 0, n.source || 0, sev, clean(n.field), clean(n.label), clean(n.value)].join('\t'));
  });
  Object.assign(drawn, { frame, text: lines.join('\n'), paths, byPath, view: null, header: -1, boxIdx: [] });
}

/** toolbar is the row under the drawing: download and copy. */
function toolbar() {
  let bar = $('bitsbar');
  if (bar) return bar;
  bar = el('div', 'bitsbar');
  bar.id = 'bitsbar';
  const svg = el('button', 'small', t('diagramSVG'));
  svg.type = 'button';
  svg.id = 'bitssvg';
  svg.dataset.t = 'diagramSVG';
  svg.addEventListener('click', downloadSVG);
  const ascii = el('button', 'small', t('diagramASCII'));
  ascii.type = 'button';
  ascii.id = 'bitsascii';
  ascii.dataset.t = 'diagramASCII';
  ascii.addEventListener('click', copyASCII);
  bar.append(svg, ascii);
  $('bits').after(bar);
  return bar;
}

export function renderBits() {
  const box = $('bits');
  const bar = toolbar();
  $('bitstitle').textContent = '';
  if (state.sel < 0 || !state.frame) {
    box.replaceChildren();
    bar.hidden = true;
    drawn.view = null;
    return;
  }
  treeOf(state.frame);
  // A field of the header already drawn, or a group of them (Flags): only
  // the highlight moves.
  if (drawn.view && (state.sel === drawn.header || drawn.boxIdx.some((i) => covers(state.sel, i)))) {
    markSelection();
    return;
  }
  const my = ++seq;
  const frame = state.frame;
  const path = drawn.paths[state.sel].join('.');
  // Asked after the explanation the same selection asks for (renderTeach
  // runs next): the words come first, the drawing a moment later.
  setTimeout(() => {
    if (my === seq) draw(my, frame, path);
  }, 0);
}

function draw(my, frame, path) {
  const box = $('bits');
  const bar = $('bitsbar');
  call('diagram', drawn.text, path, lang()).then(
    (json) => {
      if (my !== seq || state.frame !== frame) return;
      show(JSON.parse(json));
    },
    (err) => {
      if (my !== seq) return;
      box.replaceChildren(el('p', 'muted small', err.message));
      bar.hidden = true;
      drawn.view = null;
    }
  );
}

/** show puts a diagram on the page and wires its fields to the tree. */
function show(v) {
  const box = $('bits');
  const doc = new DOMParser().parseFromString(v.svg, 'image/svg+xml');
  const svg = doc.documentElement;
  if (svg.nodeName !== 'svg') {
    box.replaceChildren(el('p', 'muted small', t('diagramBad')));
    return;
  }
  const node = document.importNode(svg, true);
  // On the page its fields are buttons: a group, not one image.
  node.setAttribute('role', 'group');
  drawn.view = v;
  drawn.header = drawn.byPath.get(v.path.join('.')) ?? -1;
  drawn.boxIdx = v.boxes.map((b) => (b.path ? drawn.byPath.get(v.path.concat(b.path).join('.')) ?? -1 : -1));
  for (const g of node.querySelectorAll('g[data-box]')) {
    const idx = drawn.boxIdx[+g.dataset.box];
    if (idx === undefined || idx < 0) continue;
    g.setAttribute('tabindex', '0');
    g.setAttribute('role', 'button');
    // The codec wrote the tooltip in the page's language: it names the button.
    const title = g.querySelector('title');
    if (title) g.setAttribute('aria-label', title.textContent);
    g.addEventListener('click', () => selectNode(idx));
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        selectNode(idx);
      }
    });
    g.addEventListener('mouseenter', () => setHover(idx));
    g.addEventListener('mouseleave', () => setHover(-1));
  }
  $('bitsascii-text')?.remove();
  const parts = [node];
  if (v.cut) parts.push(el('p', 'muted small', t('notDrawn')));
  box.replaceChildren(...parts);
  $('bitsbar').hidden = false;
  markSelection();
}

/** covers reports whether node sel is box node i or holds it (the Flags
 * node holds the three flag bits drawn). */
function covers(sel, i) {
  if (i < 0 || sel < 0 || drawn.header < 0) return false;
  if (i === sel) return true;
  // Only a node inside the header drawn: the ICMP header holds a quoted
  // IPv4 header's fields too, but is drawn itself.
  if (!drawn.paths[sel].join('.').startsWith(drawn.paths[drawn.header].join('.') + '.')) return false;
  const p = drawn.paths[sel].join('.') + '.';
  return drawn.paths[i].join('.').startsWith(p);
}

function markSelection() {
  const whole = state.sel === drawn.header;
  for (const g of $('bits').querySelectorAll('g[data-box]')) {
    g.classList.toggle('sel', !whole && covers(state.sel, drawn.boxIdx[+g.dataset.box]));
  }
}

/** fileName is the header's name as a file name: "internet-protocol-version-4.svg". */
function fileName(v, ext) {
  const base = v.title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return (base || 'header') + ext;
}

function downloadSVG() {
  const v = drawn.view;
  if (!v) return;
  const url = URL.createObjectURL(new Blob([v.svg], { type: 'image/svg+xml' }));
  const a = el('a');
  a.href = url;
  a.download = fileName(v, '.svg');
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function copyASCII() {
  const v = drawn.view;
  if (!v) return;
  const btn = $('bitsascii');
  try {
    await navigator.clipboard.writeText(v.ascii);
    flash(btn, t('diagramCopied'));
  } catch {
    // No clipboard (an insecure origin, a denied permission): show the
    // text selected, for Ctrl+C.
    let pre = $('bitsascii-text');
    if (!pre) {
      pre = el('textarea', 'bitsascii-text');
      pre.id = 'bitsascii-text';
      pre.readOnly = true;
      pre.spellcheck = false;
      $('bitsbar').after(pre);
    }
    pre.value = v.ascii;
    pre.rows = v.ascii.split('\n').length;
    pre.focus();
    pre.select();
    flash(btn, t('diagramSelected'));
  }
}
