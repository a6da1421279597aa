// The filter box: a display-filter expression (codec/filter, the language
// of `icmplab decode -Y`). Each edit is checked in the worker (filterCheck):
// a bad expression is marked at its column and not applied; a good one is
// handed to the list. Field names complete from filterFields.

import { $, el } from './dom.js';
import { t, lang } from './strings.js';
import { callJSON } from './rpc.js';

/** MAX_SUGGEST is how many field names the completion list shows. */
const MAX_SUGGEST = 8;

/** fields are filterFields' answers by language, asked once for every box. */
const fields = new Map();

let capBox = null;

/** filterExpr is the expression the capture list applies: the last good one typed. */
export function filterExpr() {
  return capBox ? capBox.applied : '';
}

/** recheckFilter asks again for the capture box's error after the
 * language changed, so its reason is in the new language. */
export function recheckFilter() {
  if (capBox && !$(capBox.ids.err).hidden) checkBox(capBox);
}

/** bindFilterBox wires the capture list's box (#fexpr, #ferr, #fsuggest). */
export function bindFilterBox(onChange) {
  capBox = filterBox({ input: 'fexpr', err: 'ferr', suggest: 'fsuggest' }, onChange);
}

/** filterBox wires one box given its elements' ids; onChange runs when a
 * new good expression (or none) is in, read from the returned .applied. */
export function filterBox(ids, onChange) {
  const box = { ids, onChange, timer: 0, sugg: [], pick: 0, applied: '' };
  const input = $(ids.input);
  const check = () => checkBox(box);
  const suggest = () => suggestBox(box);
  const accept = (name) => acceptBox(box, name);
  const hideSuggest = () => hideBox(box);
  input.addEventListener('input', () => {
    suggest();
    clearTimeout(box.timer);
    box.timer = setTimeout(check, 200);
  });
  input.addEventListener('keydown', (e) => {
    const open = !$(ids.suggest).hidden && box.sugg.length > 0;
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      box.pick = (box.pick + (e.key === 'ArrowDown' ? 1 : box.sugg.length - 1)) % box.sugg.length;
      drawSuggest(box);
    } else if (open && (e.key === 'Tab' || e.key === 'Enter')) {
      e.preventDefault();
      accept(box.sugg[box.pick].name);
    } else if (e.key === 'Escape') {
      hideSuggest();
    } else if (e.key === 'Enter') {
      clearTimeout(box.timer);
      check();
    }
  });
  input.addEventListener('blur', () => setTimeout(hideSuggest, 150));
  $(ids.suggest).addEventListener('mousedown', (e) => {
    const li = e.target.closest('li');
    if (!li) return;
    e.preventDefault();
    accept(li.dataset.name);
  });
  return box;
}

async function checkBox(box) {
  const raw = $(box.ids.input).value;
  if (!raw.trim()) {
    showError(box, null);
    return apply(box, '');
  }
  let res;
  try {
    res = await callJSON('filterCheck', raw, lang());
  } catch {
    return; // the worker was replaced: the next edit checks again
  }
  if (raw !== $(box.ids.input).value) return; // typed on meanwhile
  if (!res.ok) {
    showError(box, raw, res.error);
    return;
  }
  showError(box, null);
  apply(box, raw.trim());
}

function apply(box, expr) {
  if (expr === box.applied) return;
  box.applied = expr;
  box.onChange();
}

/** showError marks the column where the expression goes wrong, under the box. */
function showError(box, raw, err) {
  const out = $(box.ids.err);
  const input = $(box.ids.input);
  if (!err) {
    out.hidden = true;
    out.replaceChildren();
    delete out.dataset.column;
    input.removeAttribute('aria-invalid');
    return;
  }
  const col = Math.max(1, err.column || 1);
  input.setAttribute('aria-invalid', 'true');
  out.dataset.column = col;
  const chars = Array.from(raw);
  const line = el('code', 'ferr-expr');
  line.append(chars.slice(0, col - 1).join(''), el('mark', 'ferr-at', chars.slice(col - 1, col).join('') || ' '), chars.slice(col).join(''));
  const msg = el('span', 'ferr-msg', t('filterAt', col) + err.message + (err.hint ? ' (' + err.hint + ')' : ''));
  out.replaceChildren(line, msg);
  out.hidden = false;
}

/** token is the field-name prefix before the caret, with where it starts. */
function token(input) {
  const upto = input.value.slice(0, input.selectionStart ?? input.value.length);
  const m = /[A-Za-z_][\w.-]*$/.exec(upto);
  return m ? { text: m[0], start: m.index, end: upto.length } : null;
}

async function suggestBox(box) {
  const tok = token($(box.ids.input));
  if (!tok) return hideBox(box);
  const l = lang();
  if (!fields.has(l)) {
    try {
      fields.set(l, await callJSON('filterFields', l));
    } catch {
      return;
    }
  }
  const p = tok.text.toLowerCase();
  box.sugg = fields.get(l).filter((f) => f.name.toLowerCase().startsWith(p) && f.name !== tok.text).slice(0, MAX_SUGGEST);
  box.pick = 0;
  if (!box.sugg.length) return hideBox(box);
  drawSuggest(box);
}

function drawSuggest(box) {
  const ul = $(box.ids.suggest);
  ul.replaceChildren(
    ...box.sugg.map((f, i) => {
      const li = el('li', i === box.pick ? 'on' : null);
      li.dataset.name = f.name;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', i === box.pick ? 'true' : 'false');
      li.append(el('code', null, f.name), el('span', 'muted', f.desc));
      return li;
    })
  );
  ul.hidden = false;
}

function hideBox(box) {
  box.sugg = [];
  $(box.ids.suggest).hidden = true;
}

function acceptBox(box, name) {
  const input = $(box.ids.input);
  const tok = token(input);
  if (!tok) return;
  input.value = input.value.slice(0, tok.start) + name + input.value.slice(tok.end);
  const caret = tok.start + name.length;
  input.setSelectionRange(caret, caret);
  hideBox(box);
  input.focus();
  clearTimeout(box.timer);
  box.timer = setTimeout(() => checkBox(box), 200);
}
