// Compare two packets: Ctrl-click (Cmd-click on a Mac) a list row, or a
// pasted packet's tab, to compare it with the selected one. The worker compares them field by field
// (dissect.Compare); the card lists the differences and marks their bytes
// in both packets' hex, with a box to leave checksums and timestamps out.

import { $, el } from './dom.js';
import { state } from './state.js';
import { t, lang } from './strings.js';
import { callJSON } from './rpc.js';
import { showMessage } from './message.js';

/** BYTES_PER_LINE is how many bytes each hex line of the card shows. */
const BYTES_PER_LINE = 16;

// What is compared: two rows of the capture list (kind 'rows') or two
// packets of a paste (kind 'frames'), by index.
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
  // Pasted packets: Ctrl-click a packet tab to compare it with the one shown.
  $('frames').addEventListener(
    'click',
    (e) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const tab = e.target.closest('.frametab');
      const tabs = [...$('frames').children];
      const a = tabs.findIndex((x) => x.classList.contains('on'));
      if (!tab || a < 0 || !state.result) return;
      e.preventDefault();
      e.stopImmediatePropagation();
      Object.assign(cmp, { kind: 'frames', a, b: tabs.indexOf(tab) });
      run();
    },
    true
  );
  $('cmpignore').addEventListener('change', () => cmp.a >= 0 && run());
  // A new paste replaces the packets compared.
  new MutationObserver(() => cmp.kind === 'frames' && closeCompare()).observe($('frames'), { childList: true });
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
  try {
    if (cmp.kind === 'rows') {
      res = await callJSON('compareRows', state.capture.handle, cmp.a, cmp.b, opts, lang());
    } else {
      const fa = state.result.frames[cmp.a];
      const fb = state.result.frames[cmp.b];
      const layer = state.result.layer || '';
      res = await callJSON('compareBytes', fromHex(fa.hex), fromHex(fb.hex), { ...opts, layerA: layer, layerB: layer, lang: lang() });
      res.hexA = fa.hex;
      res.hexB = fb.hex;
    }
  } catch (err) {
    if (!err.restarted) showMessage(err.message, 'error');
    return;
  }
  const rows = res.diffs.map((d) => {
    const tr = el('tr', 'cmp-' + d.kind);
    tr.dataset.field = d.field;
    tr.append(el('td', null, d.label), el('td', 'mono', d.field), el('td', 'mono cmp-a', d.a ? d.a.value : '—'), el('td', 'mono cmp-b', d.b ? d.b.value : '—'));
    return tr;
  });
  const head = el('tr');
  head.append(el('th', null, t('cmpField')), el('th', null, 'id'), el('th', null, 'A'), el('th', null, 'B'));
  $('cmptable').replaceChildren(head, ...rows);
  $('cmpsame').hidden = rows.length > 0;
  $('cmptitle').textContent = t(cmp.kind === 'rows' ? 'cmpPair' : 'cmpPairPaste', cmp.a + 1, cmp.b + 1, res.diffs.length);
  drawHex($('cmphexa'), res.hexA, res.diffs.map((d) => d.a));
  drawHex($('cmphexb'), res.hexB, res.diffs.map((d) => d.b));
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

/** markTree marks, in the field tree (which shows packet A, the selected
 * one), the fields that differ from packet B. */
function markTree(fields) {
  const want = new Set(fields);
  for (const li of document.querySelectorAll('#tree li[data-field]')) li.classList.toggle('cmp-changed', want.has(li.dataset.field));
}

/** fromHex is a packet's hex (FrameView.hex) as bytes. */
export function fromHex(hex) {
  const b = new Uint8Array(hex.length / 2);
  for (let i = 0; i < b.length; i++) b[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return b;
}
