// Resizable panes: the packet list above, the fields (tree) and the bytes
// side by side below, as a packet analyser lays them out. Each splitter is a
// focusable separator (WAI-ARIA "window splitter"): drag it, or move it with
// the arrow keys, Page Up/Down, Home and End; its value is remembered in
// localStorage. On a narrow screen the panes stack and only the list's
// height is adjustable.

import { $ } from './dom.js';

/** STEP and PAGE are how far an arrow key and Page Up/Down move a splitter, in percent. */
const STEP = 2;
const PAGE = 10;

/** LIST_RESERVE is what the page keeps besides the list on a desktop screen
 * by default (px): the header, the paste box, the list's head and filters,
 * and the first lines of the fields and bytes below it. */
const LIST_RESERVE = 440;

/**
 * PANES are the splitters: the CSS variable each sets, its range in percent
 * and default, and the key it is remembered under. The list's height is a
 * percentage of the window's height; the fields' width of the work area's.
 */
const PANES = {
  splitlist: {
    key: 'icmplab.pane.list',
    min: 15,
    max: 85,
    fallback: () => Math.round(Math.min(70, Math.max(25, ((innerHeight - LIST_RESERVE) / innerHeight) * 100))),
    apply: (v) => document.documentElement.style.setProperty('--list-h', v + 'vh'),
    fromPointer: (e) => ((e.clientY - $('vport').getBoundingClientRect().top) / innerHeight) * 100,
    less: ['ArrowUp'],
    more: ['ArrowDown'],
  },
  splitcols: {
    key: 'icmplab.pane.tree',
    min: 20,
    max: 80,
    fallback: () => 52,
    apply: (v) => {
      document.documentElement.style.setProperty('--tree-fr', v + 'fr');
      document.documentElement.style.setProperty('--hex-fr', 100 - v + 'fr');
    },
    fromPointer: (e) => {
      const r = $('work').getBoundingClientRect();
      return ((e.clientX - r.left) / r.width) * 100;
    },
    less: ['ArrowLeft'],
    more: ['ArrowRight'],
  },
};

export function bindPanes() {
  for (const [id, p] of Object.entries(PANES)) bindSplitter($(id), p);
}

function bindSplitter(sep, p) {
  sep.setAttribute('aria-valuemin', String(p.min));
  sep.setAttribute('aria-valuemax', String(p.max));
  const set = (v, save) => {
    v = Math.round(Math.min(p.max, Math.max(p.min, v)));
    sep.setAttribute('aria-valuenow', String(v));
    p.apply(v);
    if (save) remember(p.key, v);
  };
  set(recall(p.key) ?? p.fallback(), false);
  const now = () => +sep.getAttribute('aria-valuenow');

  sep.addEventListener('keydown', (e) => {
    let v;
    if (p.less.includes(e.key)) v = now() - STEP;
    else if (p.more.includes(e.key)) v = now() + STEP;
    else if (e.key === 'PageUp') v = now() - PAGE;
    else if (e.key === 'PageDown') v = now() + PAGE;
    else if (e.key === 'Home') v = p.min;
    else if (e.key === 'End') v = p.max;
    else return;
    e.preventDefault();
    set(v, true);
  });

  sep.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    e.preventDefault();
    sep.setPointerCapture(e.pointerId);
    sep.classList.add('dragging');
    const move = (m) => set(p.fromPointer(m), false);
    const up = () => {
      sep.classList.remove('dragging');
      sep.removeEventListener('pointermove', move);
      sep.removeEventListener('pointerup', up);
      sep.removeEventListener('pointercancel', up);
      remember(p.key, now());
    };
    sep.addEventListener('pointermove', move);
    sep.addEventListener('pointerup', up);
    sep.addEventListener('pointercancel', up);
  });
}

function recall(key) {
  try {
    const v = parseFloat(localStorage.getItem(key));
    return Number.isFinite(v) ? v : null;
  } catch {
    return null; // storage may be off (private windows): the default
  }
}

function remember(key, v) {
  try {
    localStorage.setItem(key, String(v));
  } catch {
    // not remembered, still applied
  }
}
