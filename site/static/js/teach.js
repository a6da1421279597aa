// The teaching panel: the selected field explained, the ICMP type and code,
// the checksum worked out step by step, and the frame's notes. The words of
// the protocol come from the codec in the chosen language; the panel's own
// words from strings.js.

import { $, el } from './dom.js';
import { state } from './state.js';
import { t, pick, lang } from './strings.js';
import { callJSON } from './rpc.js';
import { family, isICMPField, sevName } from './vocab.js';
import { innermost, selectNode } from './tree.js';

const explainCache = new Map();
const lookupCache = new Map();

/** forget drops what was asked of a worker that has been replaced. */
export function forget() {
  explainCache.clear();
  lookupCache.clear();
}

export function explainKey(key) {
  if (!key) return null;
  if (!explainCache.has(key)) explainCache.set(key, callJSON('explain', key).catch(() => null));
  return explainCache.get(key);
}

/** lookup asks the registry about a type and code, in the chosen language. */
export function lookup(fam, type, code) {
  const k = fam + '/' + type + '/' + code + '/' + lang();
  if (!lookupCache.has(k)) lookupCache.set(k, callJSON('lookup', fam, type, code, lang()).catch(() => null));
  return lookupCache.get(k);
}

let teachSeq = 0;

export async function renderTeach() {
  const seq = ++teachSeq;
  const f = state.frame;
  if (!f) return;
  const box = el('div');
  const it = state.sel >= 0 ? state.flat[state.sel] : null;

  // 1. The selected field.
  if (it) {
    const sec = el('section', 'tsec');
    sec.append(el('h3', null, it.n.label));
    if (it.n.value) sec.append(el('p', 'tval', it.n.value));
    const range = it.n.offset + (it.n.length > 1 ? '–' + (it.n.offset + it.n.length - 1) : '');
    const where = t('bytes') + ' ' + range + (it.n.mask ? ', ' + t('mask') + ' 0x' + it.n.mask.toString(16) : '') + (it.n.field ? ' · ' + it.n.field : '');
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
    sec.append(el('h3', null, t('typeCode', f.icmp.type, f.icmp.code)));
    if (lk && lk.type) {
      const ty = lk.type;
      const line = el('p', 'tname');
      line.append(el('strong', null, ty.name));
      if (lk.code && lk.code.name) line.append(document.createTextNode(' · ' + lk.code.name));
      sec.append(line);
      const tags = el('p', 'tags');
      const fam = family(ty.family);
      if (fam) tags.append(el('span', 'tag', fam.name));
      if (ty.rfc) tags.append(el('span', 'tag', ty.rfc));
      tags.append(el('span', 'tag ' + ty.status, t('status')[ty.status] || ty.status));
      tags.append(el('span', 'tag', ty.isError ? t('errorMsg') : t('informational')));
      sec.append(tags);
      if (pick(ty.explain)) sec.append(el('p', 'explain', pick(ty.explain)));
      if (lk.code && pick(lk.code.explain)) sec.append(el('p', 'explain', pick(lk.code.explain)));
    } else {
      sec.append(el('p', 'explain', t('unassigned')));
    }
    if (f.icmp.quote) {
      const q = el('p', 'quote');
      q.append(el('strong', null, t('quotes')));
      q.append(document.createTextNode(f.icmp.quote));
      sec.append(q);
    }
    box.append(sec);
  }

  // 3. The checksum worked out: the selected one, or the ICMP one.
  const sums = f.checksums || [];
  let cs = null;
  if (it) cs = sums.find((c) => c.at === it.n.offset && (it.n.source || 0) === 0);
  if (!cs) cs = sums.find((c) => isICMPField(c.field)) || sums[0];
  if (cs) box.append(await checksumSection(cs));
  if (seq !== teachSeq) return;

  // 4. Every note of the frame, clickable.
  if (f.notes && f.notes.length) {
    const sec = el('section', 'tsec');
    sec.append(el('h3', null, t('notes')));
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
  p.append(el('span', 'sev', t('sev')[sev] || sev), document.createTextNode(t('noteAt', note.offset) + note.message));
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
  sec.append(el('h3', null, pick(cs.labelText) || cs.label));
  const verdict = el('p', cs.ok ? 'verdict ok' : 'verdict bad');
  verdict.textContent = cs.ok ? t('ok', hex4(cs.found)) : t('bad', hex4(cs.found), hex4(cs.right));
  sec.append(verdict);
  sec.append(el('p', 'muted small', pick(cs.howText) || cs.how));
  if (ex['checksum.howto']) sec.append(el('p', 'explain small', ex['checksum.howto']));

  const step = (text, body) => {
    const d = el('div', 'cstep');
    if (text) d.append(el('p', 'small', text));
    if (body) d.append(body);
    sec.append(d);
  };
  const table = el('table', 'cstable');
  const head = el('tr');
  for (const c of t('cols')) head.append(el('th', null, c));
  table.append(head);
  const addRow = (label, w, sum, cls) => {
    const tr = el('tr', cls);
    tr.append(el('td', null, label), el('td', 'mono', hex4(w)), el('td', 'mono', '0x' + sum.toString(16)));
    table.append(tr);
  };
  for (const p of cs.pseudo || []) addRow(pick(p.labelText) || p.label, p.word, p.sum, 'pseudo');
  const words = cs.words || [];
  const SHOW = 12;
  let padded = false;
  words.forEach((w, k) => {
    padded = padded || !!w.pad;
    if (words.length > 2 * SHOW + 1 && k === SHOW) {
      const tr = el('tr', 'skip');
      const td = el('td', 'muted', t('more', words.length - 2 * SHOW));
      td.colSpan = 3;
      tr.append(td);
      table.append(tr);
    }
    if (words.length > 2 * SHOW + 1 && k >= SHOW && k < words.length - SHOW) return;
    const label = w.off + (w.pad ? t('pad') : '–' + (w.off + 1)) + (w.zeroed ? t('asZero') : '');
    addRow(label, w.word, w.sum, w.zeroed ? 'zeroed' : '');
  });
  step(ex['checksum.words'] + (padded && ex['checksum.odd'] ? ' ' + ex['checksum.odd'] : ''), table);
  step(ex['checksum.sum'], el('p', 'mono', 'sum = 0x' + cs.total.toString(16)));
  const folds = el('p', 'mono');
  folds.textContent = (cs.folds || []).length
    ? cs.folds.map((fo) => '0x' + fo.from.toString(16) + ' → 0x' + fo.to.toString(16)).join(',  ')
    : t('noCarry') + '0x' + cs.total.toString(16);
  step(ex['checksum.fold'], folds);
  step(ex['checksum.complement'], el('p', 'mono', '~' + hex4(cs.folded) + ' = ' + hex4(cs.right)));
  step(ex['checksum.verify'], el('p', 'mono ' + (cs.ok ? 'ok' : 'bad'), t('right') + ' ' + hex4(cs.right) + ', ' + t('found') + ' ' + hex4(cs.found) + (cs.ok ? '  ✓' : '  ✗')));
  return sec;
}
