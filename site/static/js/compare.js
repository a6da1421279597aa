// Compare two packets: Ctrl-click (Cmd-click on a Mac) a list row, or a
// pasted packet's tab, to compare it with the selected one. The worker compares them field by field
// (dissect.Compare); the card lists the differences and shows both packets
// side by side, each with its field tree and its bytes, the differing fields
// marked in both trees and both hex panes, with a box to leave checksums and
// timestamps out.

import { $, el } from './dom.js';
import { state } from './state.js';
import { t, lang } from './strings.js';
import { callJSON } from './rpc.js';
import { showMessage } from './message.js';

/** BYTES_PER_LINE is how many bytes each hex line of the card shows. */
const BYTES_PER_LINE = 16;

// What is compared: two rows of the capture list (kind 'rows'), by index; a
// paste of several packets is listed too, so its packets are rows.
const cmp = { kind: '', a: -1, b: -1 };

/** bindCompare wires the card; selected() is the list index of the selected row. */
export function bindCompare(selected) {
  $('vrows').addEventListener(
    'click',
    (e) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const r = e.target.closest('.vrow');
      const a = selected();
      if (!r || a < 0 || !state.capture) return;
      e.preventDefault();
      e.stopImmediatePropagation(); // the selection stays: b is compared with it
      Object.assign(cmp, { kind: 'rows', a, b: +r.dataset.i });
      run();
    },
    true
  );
  $('cmpignore').addEventListener('change', () => cmp.a >= 0 && run());
  $('cmpclose').addEventListener('click', closeCompare);
}

export function closeCompare() {
  Object.assign(cmp, { kind: '', a: -1, b: -1 });
  markTree([]);
  $('compare').hidden = true;
}

async function run() {
  const ignore = $('cmpignore').checked;
  const opts = { ignoreChecksums: ignore, ignoreTimestamps: ignore };
  let res;
  let trees;
  try {
    res = await callJSON('compareRows', state.capture.handle, cmp.a, cmp.b, opts, lang());
    // Both packets' trees, dissected from the same bytes and layers.
    const [ta, tb] = await Promise.all([
      callJSON('decode', res.hexA, { dialect: 'plain hex', layer: res.layerA, lang: lang() }),
      callJSON('decode', res.hexB, { dialect: 'plain hex', layer: res.layerB, lang: lang() }),
    ]);
    trees = [ta.frames[0], tb.frames[0]];
  } catch (err) {
    if (!err.restarted) showMessage(err.message, 'error');
    return;
  }
  const sidesA = res.diffs.map((d, i) => d.a && { ...d.a, field: d.field, kind: d.kind, i });
  const sidesB = res.diffs.map((d, i) => d.b && { ...d.b, field: d.field, kind: d.kind, i });
  // The trees are in the page's language: each difference is named as its
  // node is there (the comparison itself names fields in English).
  const labels = [];
  drawTree($('cmptreea'), trees[0], sidesA, labels);
  drawTree($('cmptreeb'), trees[1], sidesB, labels);
  const rows = res.diffs.map((d, i) => {
    const tr = el('tr', 'cmp-' + d.kind);
    tr.dataset.field = d.field;
    tr.append(el('td', null, labels[i] || d.label), el('td', 'mono', d.field), el('td', 'mono cmp-a', d.a ? d.a.value : '—'), el('td', 'mono cmp-b', d.b ? d.b.value : '—'));
    return tr;
  });
  const head = el('tr');
  head.append(el('th', null, t('cmpField')), el('th', null, 'id'), el('th', null, 'A'), el('th', null, 'B'));
  $('cmptable').replaceChildren(head, ...rows);
  $('cmpsame').hidden = rows.length > 0;
  $('cmptitle').textContent = t(cmp.kind === 'rows' ? 'cmpPair' : 'cmpPairPaste', cmp.a + 1, cmp.b + 1, res.diffs.length);
  drawHex($('cmphexa'), res.hexA, sidesA);
  drawHex($('cmphexb'), res.hexB, sidesB);
  for (const [ul, box] of [[$('cmptreea'), $('cmphexa')], [$('cmptreeb'), $('cmphexb')]]) bindOutline(ul, box);
  $('cmpsuma').textContent = trees[0].summary || '';
  $('cmpsumb').textContent = trees[1].summary || '';
  markTree(res.diffs.filter((d) => d.a).map((d) => d.field));
  $('compare').dataset.ignored = ignore ? 'yes' : 'no';
  $('compare').hidden = false;
}

/** drawHex shows bytes with the differing fields' bytes marked. */
function drawHex(box, hex, sides) {
  const n = hex.length / 2;
  const mark = new Uint8Array(n);
  for (const s of sides) {
    if (!s || s.source) continue; // a reassembled buffer is not these bytes
    for (let i = s.offset; i < s.offset + s.length && i < n; i++) mark[i] = 1;
  }
  const lines = [];
  for (let off = 0; off < n; off += BYTES_PER_LINE) {
    const line = el('div', 'cmp-line');
    line.append(el('span', 'muted', off.toString(16).padStart(4, '0') + '  '));
    for (let i = off; i < Math.min(n, off + BYTES_PER_LINE); i++) {
      const b = el('span', mark[i] ? 'cmp-diff' : null, hex.slice(2 * i, 2 * i + 2));
      b.dataset.o = i;
      line.append(b, ' ');
    }
    lines.push(line);
  }
  box.replaceChildren(...lines);
}

/** differs reports which difference, if any, is node n of one side: the
 * same place in the packet (offset, length, mask, buffer) and the same
 * field id (a node without one is matched by its place alone, its label
 * being in the page's language). */
function differs(n, sides) {
  for (const s of sides) {
    if (!s || s.length === 0) continue; // the capture time has no bytes
    if (s.offset !== n.offset || s.length !== n.length || (s.mask || 0) !== (n.mask || 0) || (s.source || 0) !== (n.source || 0)) continue;
    if (n.field && n.field !== s.field) continue;
    return s;
  }
  return null;
}

/** drawTree shows one packet's whole field tree, open, with the fields that
 * differ from the other packet marked, and notes each difference's label
 * (labels[i], the tree's word for difference i). */
function drawTree(ul, frame, sides, labels) {
  const build = (nodes) =>
    nodes.map((n) => {
      const li = el('li');
      if (n.field) li.dataset.field = n.field;
      li.dataset.offset = n.offset;
      li.dataset.length = n.length;
      if (n.source) li.dataset.source = n.source;
      const d = differs(n, sides);
      if (d) {
        li.classList.add('cmp-changed', 'cmp-' + d.kind);
        labels[d.i] = labels[d.i] || n.label;
      }
      const row = el('div', 'trow');
      row.append(el('span', 'tlabel', n.label));
      if (n.value) row.append(el('span', 'tvalue', n.value));
      li.append(row);
      if (n.children && n.children.length) {
        const sub = el('ul');
        sub.append(...build(n.children));
        li.append(sub);
      }
      return li;
    });
  ul.replaceChildren(...build(frame.tree || []));
}

/** bindOutline: pointing at a field of a tree outlines its bytes in the hex pane. */
function bindOutline(ul, hexBox) {
  ul.onmouseover = (e) => {
    const li = e.target.closest('li');
    outline(hexBox, li && !li.dataset.source ? +li.dataset.offset : 0, li && !li.dataset.source ? +li.dataset.length : 0);
  };
  ul.onmouseleave = () => outline(hexBox, 0, 0);
}

/** outline marks bytes [off, off+n) of a hex pane as the field pointed at. */
function outline(box, off, n) {
  for (const b of box.querySelectorAll('.cmp-hover')) b.classList.remove('cmp-hover');
  for (let i = off; i < off + n; i++) {
    const b = box.querySelector('span[data-o="' + i + '"]');
    if (b) b.classList.add('cmp-hover');
  }
}

/** markTree marks, in the field tree (which shows packet A, the selected
 * one), the fields that differ from packet B. */
function markTree(fields) {
  const want = new Set(fields);
  for (const li of document.querySelectorAll('#tree li[data-field]')) li.classList.toggle('cmp-changed', want.has(li.dataset.field));
}
