// The page's shared state: what is shown, selected and open. Modules read and
// write it; each module owns the fields it draws.

export const state = {
  meta: null, // init(): dialects, layers, examples, types, vocab, version
  result: null, // last decode result (DecodeResult of api.d.ts)
  frameIndex: 0, // which frame of result is shown
  frame: null, // the frame shown
  flat: [], // the frame's nodes in document order: {n, depth, parent, kids, open, li}
  sel: -1, // selected node index in flat
  keepSel: -1, // the selection to restore when the same frame is drawn again
  hover: -1,
  cursor: -1, // hex cursor byte
  source: 0, // which byte buffer the hex pane shows (0 = frame)
  capture: null, // {handle, name, total}
  lastSource: null, // what was last opened or pasted, to read again after a restart
  lastHex: '', // hex of the shown frame, for sharing
};
