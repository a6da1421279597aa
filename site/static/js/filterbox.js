// The filter box: a display-filter expression (codec/filter, the language
// of `icmplab decode -Y`). Each edit is checked in the worker (filterCheck):
// a bad expression is marked at its column and not applied; a good one is
// handed to the list. Field names complete from filterFields.

import { $, el } from './dom.js';
import { t } from './strings.js';
import { callJSON } from './rpc.js';

/** MAX_SUGGEST is how many field names the completion list shows. */
const MAX_SUGGEST = 8;

const box = { onChange: () => {}, timer: 0, fields: null, sugg: [], pick: 0, applied: '' };

/** filterExpr is the expression the list applies: the last good one typed. */
export function filterExpr() {
  return box.applied;
}

/** bindFilterBox wires the box; onChange runs when a new good expression (or none) is in. */
export function bindFilterBox(onChange) {
  box.onChange = onChange;
  const input = $('fexpr');
  input.addEventListener('input', () => {
    suggest();
    clearTimeout(box.timer);
    box.timer = setTimeout(check, 200);
  });
  input.addEventListener('keydown', (e) => {
    const open = !$('fsuggest').hidden && box.sugg.length > 0;
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      box.pick = (box.pick + (e.key === 'ArrowDown' ? 1 : box.sugg.length - 1)) % box.sugg.length;
      drawSuggest();
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
  $('fsuggest').addEventListener('mousedown', (e) => {
    const li = e.target.closest('li');
    if (!li) return;
    e.preventDefault();
    accept(li.dataset.name);
  });
}

async function check() {
  const raw = $('fexpr').value;
  if (!raw.trim()) {
    showError(null);
    return apply('');
  }
  let res;
  try {
    res = await callJSON('filterCheck', raw);
  } catch {
    return; // the worker was replaced: the next edit checks again
  }
  if (raw !== $('fexpr').value) return; // typed on meanwhile
  if (!res.ok) {
    showError(raw, res.error);
    return;
  }
  showError(null);
  apply(raw.trim());
}

function apply(expr) {
  if (expr === box.applied) return;
  box.applied = expr;
  box.onChange();
}

/** showError marks the column where the expression goes wrong, under the box. */
function showError(raw, err) {
  const out = $('ferr');
  const input = $('fexpr');
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
function token() {
  const input = $('fexpr');
  const upto = input.value.slice(0, input.selectionStart ?? input.value.length);
  const m = /[A-Za-z_][\w.-]*$/.exec(upto);
  return m ? { text: m[0], start: m.index, end: upto.length } : null;
}

async function suggest() {
  const tok = token();
  if (!tok) return hideSuggest();
  if (!box.fields) {
    try {
      box.fields = await callJSON('filterFields');
    } catch {
      return;
    }
  }
  const p = tok.text.toLowerCase();
  box.sugg = box.fields.filter((f) => f.name.toLowerCase().startsWith(p) && f.name !== tok.text).slice(0, MAX_SUGGEST);
  box.pick = 0;
  if (!box.sugg.length) return hideSuggest();
  drawSuggest();
}

function drawSuggest() {
  const ul = $('fsuggest');
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

function hideSuggest() {
  box.sugg = [];
  $('fsuggest').hidden = true;
}

function accept(name) {
  const tok = token();
  const input = $('fexpr');
  if (!tok) return;
  input.value = input.value.slice(0, tok.start) + name + input.value.slice(tok.end);
  const caret = tok.start + name.length;
  input.setSelectionRange(caret, caret);
  hideSuggest();
  input.focus();
  clearTimeout(box.timer);
  box.timer = setTimeout(check, 200);
}
