// The field tree of the shown frame, and selection: choosing a node lights
// its bytes, draws its header's layout and explains it.

import { $, el, afterPaint } from './dom.js';
import { state } from './state.js';
import { t } from './strings.js';
import { isICMPField, isICMPHeader, sevName, worstNote } from './vocab.js';
import { renderHex, paintHex } from './hex.js';
import { renderBits } from './bits.js';
import { renderTeach } from './teach.js';

/** MARK is how a node's worst note is drawn, by severity name. */
const MARK = { note: 'i', warning: '!', error: '✕' };

/** showFrame draws frame i of the current result. */
export function showFrame(i) {
  const f = state.result.frames[i];
  state.frameIndex = i;
  state.frame = f;
  state.source = 0;
  state.sel = -1;
  state.hover = -1;
  state.cursor = -1;
  $('intro').hidden = true;
  $('work').hidden = false;
  $('share').disabled = false;
  $('summary').textContent = f.summary;
  state.flat = [];
  flatten(f.tree, 0, -1);
  renderTree();
  renderHex();
  // Start on the ICMP header when there is one: that is what people came for.
  let start = state.flat.findIndex((x) => isICMPHeader(x.n.field || '') && x.n.children);
  if (start < 0) start = 0;
  // The same frame drawn again (in another language) keeps its selection.
  const keep = state.keepSel;
  state.keepSel = -1;
  if (keep >= 0 && keep < state.flat.length) start = keep;
  // The scroll that keeps the selection in view waits for the next frame: asked
  // now, it would lay the whole new page out in the middle of drawing it, and
  // again after each later change (README, "Start-up").
  selectNode(start, { expand: true, deferScroll: true });
}

/** hideFrame clears the details, when what they showed is gone. */
export function hideFrame() {
  state.frame = null;
  state.flat = [];
  state.sel = -1;
  $('work').hidden = true;
  $('share').disabled = true;
}

function flatten(nodes, depth, parent) {
  for (const n of nodes || []) {
    const idx = state.flat.length;
    const item = { n, depth, parent, kids: [], open: depth < 1 || isICMPField(n.field), li: null };
    state.flat.push(item);
    if (parent >= 0) state.flat[parent].kids.push(idx);
    flatten(n.children, depth + 1, idx);
  }
}

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
    row.append(el('span', 'twisty', it.kids.length ? '' : ' '));
    row.append(el('span', 'tlabel', it.n.label));
    if (it.n.value) row.append(el('span', 'tvalue', it.n.value));
    const w = worstNote(it.n);
    if (w >= 0) {
      const sev = sevName(w);
      const m = el('span', 'mark ' + sev, MARK[sev] || MARK.note);
      m.title = it.n.notes.map((x) => t('sev')[sevName(x.severity)] + ': ' + x.message).join('\n');
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

export function bindTree() {
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

export function selectNode(i, opt) {
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
  const defer = !!(opt && opt.deferScroll);
  if (row.scrollIntoView && !(opt && opt.noScroll)) {
    if (!defer) row.scrollIntoView({ block: 'nearest' });
    else requestAnimationFrame(() => state.flat[state.sel] === it && row.scrollIntoView({ block: 'nearest' }));
  }
  if ((it.n.source || 0) !== state.source) {
    state.source = it.n.source || 0;
    renderHex();
  }
  paintHex(defer);
  if (!defer) {
    renderBits();
    renderTeach();
    return;
  }
  // A new frame's side panels (its header layout and the explanation, each
  // a call to the worker and a layout of its own) are drawn after the tree
  // and bytes have been painted (README, "Start-up").
  afterPaint().then(() => {
    if (state.flat[state.sel] !== it) return;
    renderBits();
    renderTeach();
  });
}

export function setHover(i) {
  if (state.hover === i) return;
  state.hover = i;
  paintHex();
}

/** innermost returns the smallest field covering byte o of the shown buffer;
 * between equals the deepest wins, so a byte picks "TTL", not "IPv4". */
export function innermost(o) {
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
