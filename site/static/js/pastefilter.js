// The filter box over pasted packets: when a paste holds several packets,
// a display filter hides the packet tabs that do not match, each packet
// judged in the worker (filterMatch) from its bytes.

import { $ } from './dom.js';
import { state } from './state.js';
import { t, fmtInt } from './strings.js';
import { call } from './rpc.js';
import { filterBox } from './filterbox.js';
import { fromHex } from './compare.js';

let box = null;
let gen = 0; // a newer filtering wins over one still running

export function bindPasteFilter() {
  box = filterBox({ input: 'pfexpr', err: 'pferr', suggest: 'pfsuggest' }, apply);
  // input.js rebuilds the tabs for each paste: filter the new ones.
  new MutationObserver(() => {
    $('pastefilter').hidden = $('frames').hidden;
    apply();
  }).observe($('frames'), { childList: true, attributes: true, attributeFilter: ['hidden'] });
}

async function apply() {
  const my = ++gen;
  const tabs = [...$('frames').children];
  const frames = (state.result && state.result.frames) || [];
  const expr = box.applied;
  let shown = 0;
  for (let i = 0; i < tabs.length && i < frames.length; i++) {
    let ok = true;
    if (expr) {
      const f = frames[i];
      const bytes = fromHex(f.hex);
      try {
        ok = await call('filterMatch', expr, bytes, state.result.layer || '', f.number || i + 1, f.len || bytes.length);
      } catch {
        return; // the worker was replaced, or the paste changed
      }
      if (my !== gen) return;
    }
    tabs[i].hidden = !ok;
    if (ok) shown++;
  }
  $('pfcount').textContent = expr ? t('shown', fmtInt(shown)) : '';
}
