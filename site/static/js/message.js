// The message line under the input: errors, warnings and hints.

import { $ } from './dom.js';

export function showMessage(text, kind) {
  const m = $('message');
  if (!text) {
    m.hidden = true;
    return;
  }
  m.textContent = text;
  m.className = 'message ' + (kind || 'error');
  m.hidden = false;
}
