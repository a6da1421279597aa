// The list as a tool: go to a packet by its number (a box, or Ctrl-G), and
// export the listed packets (the filter's result, in the list's order) as
// pcapng, JSON Lines or CSV. The file is built in the worker by the codec
// and downloaded from a Blob.

import { $ } from './dom.js';
import { state } from './state.js';
import { t, lang } from './strings.js';
import { call } from './rpc.js';
import { showMessage } from './message.js';

/** EXPORTS are the formats by name: the file's suffix and media type. */
const EXPORTS = {
  pcapng: { ext: 'pcapng', type: 'application/octet-stream' },
  jsonl: { ext: 'jsonl', type: 'application/x-ndjson' },
  csv: { ext: 'csv', type: 'text/csv' },
};

/** bindListTools wires export, go-to and sorting; select(i, scroll) shows
 * list index i, relist() asks the worker for the list again. */
export function bindListTools(select, relist) {
  for (const h of document.querySelectorAll('#list .vhead [data-sort]')) {
    h.tabIndex = 0;
    const sort = async () => {
      if (!state.capture) return;
      const desc = h.getAttribute('aria-sort') === 'ascending';
      const order = h.dataset.sort + ':' + (desc ? 'descending' : 'ascending');
      delete $('list').dataset.sorted;
      await call('sort', state.capture.handle, h.dataset.sort, desc ? 1 : 0);
      for (const o of document.querySelectorAll('#list .vhead [data-sort]')) o.removeAttribute('aria-sort');
      h.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
      await relist();
      // The list's rows are now asked for in the new order (the header's
      // aria-sort is set before, while the old rows are still drawn).
      $('list').dataset.sorted = order;
    };
    h.addEventListener('click', sort);
    h.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        sort();
      }
    });
  }
  $('export').addEventListener('change', async (e) => {
    const format = e.target.value;
    e.target.value = '';
    if (!format || !state.capture) return;
    try {
      const bytes = await call('export', state.capture.handle, format, lang());
      download(bytes, fileName(state.capture.name, EXPORTS[format].ext), EXPORTS[format].type);
    } catch (err) {
      if (!err.restarted) showMessage(err.message, 'error');
    }
  });
  const go = async () => {
    const n = parseInt($('goto').value, 10);
    if (!state.capture || !(n > 0)) return;
    const k = await call('goto', state.capture.handle, n);
    if (k < 0) {
      showMessage(t('notListed', n), 'warning');
      return;
    }
    showMessage('');
    await select(k, true);
    $('list').focus();
  };
  $('goto').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      go();
    }
  });
  document.addEventListener('keydown', (e) => {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'g' || e.key === 'G') && state.capture && !$('capture').hidden) {
      e.preventDefault();
      $('goto').focus();
      $('goto').select();
    }
  });
}

/** fileName is the capture's name with its suffix replaced: "x.pcap" → "x-listed.csv". */
function fileName(name, ext) {
  const base = (name || 'capture').replace(/(\.gz)?$/i, '').replace(/\.(pcapng|pcap|cap)$/i, '');
  return base + '-listed.' + ext;
}

function download(bytes, name, type) {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** resetSort forgets the header's order: a new capture opens in file order. */
export function resetSort() {
  for (const o of document.querySelectorAll('#list .vhead [data-sort]')) o.removeAttribute('aria-sort');
}
