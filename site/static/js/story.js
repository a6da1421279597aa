// The story of a capture: every ping and trace codec/story finds in it,
// drawn beside the packet list. A trace is a hop table and a picture (one
// lane per hop, probes and answers in time order); a ping is a table of
// requests and replies with a small round-trip chart. Every row, probe and
// arrow selects the probe and its answers together. Which packet answers
// which, and the sentence naming the probe, come from the codec
// (icmplab.story, wasm/story.go); the page only draws them.

import { $, el } from './dom.js';
import { state } from './state.js';
import { t, fmtInt, lang } from './strings.js';
import { callJSON } from './rpc.js';
import { selectFrames } from './capture.js';
import { showFrame } from './tree.js';

const SVG = 'http://www.w3.org/2000/svg';

/** story: the StoryView shown, its roles by frame, and what it was read from. */
const story = { view: null, roles: new Map(), src: null, gen: 0 };

/** showStory asks the codec for the exchanges of {handle} (an open capture) or {text} (a paste). */
export async function showStory(src) {
  const gen = ++story.gen;
  hideStory();
  let view;
  try {
    view = await callJSON('story', src);
  } catch {
    return; // no story is no fault: the list and the tree still tell every byte
  }
  if (gen !== story.gen || !view.exchanges.length) return;
  story.view = view;
  story.src = src;
  for (const r of view.roles) story.roles.set(r.frame, r);
  render();
  if (state.result && src.text !== undefined) {
    for (const f of state.result.frames) applyRole(f);
    if (state.frame) showFrame(state.frameIndex);
  }
}

export function hideStory() {
  story.view = null;
  story.roles.clear();
  const box = $('story');
  if (box) {
    box.hidden = true;
    box.replaceChildren();
  }
  document.body.classList.remove('has-story');
}

/** redrawStory draws the story again in the chosen language. */
export function redrawStory() {
  if (story.view) render();
}

/** applyRole puts the sentence naming its probe in place of what the quote
 * alone proves, when the capture holds the probe an answer answers. */
export function applyRole(frame) {
  const r = frame && story.roles.get(frame.number);
  const s = r && ((lang() === 'ko' && r.sentenceKO) || r.sentence);
  if (s && frame.icmp) frame.icmp.quote = s;
}

/** select selects frames together in the list (a capture's, or a paste's of several packets). */
async function select(frames, from) {
  document.querySelectorAll('#story .on').forEach((e) => e.classList.remove('on'));
  if (from) from.classList.add('on');
  $('story').dataset.selected = frames.join(',');
  if (story.src && story.src.text !== undefined && !state.capture) {
    const i = frames[frames.length - 1] - 1;
    if (state.result && i < state.result.frames.length) showFrame(i);
    return;
  }
  await selectFrames(frames);
}

function partnersOf(frame) {
  const r = story.roles.get(frame);
  return r ? r.partner : [frame];
}

function ms(v) {
  return v === null || v === undefined ? '*' : v.toFixed(v < 10 ? 3 : 1) + ' ms';
}

// A capture may hold thousands of exchanges and a ping thousands of
// requests: the panel draws the first ones and says how many it left out,
// so the page stays as light as the virtual list beside it.
const MAX_EXCHANGES = 30;
const MAX_ROWS = 200;

function render() {
  const box = $('story');
  box.replaceChildren(el('h2', null, t('storyTitle')));
  story.view.exchanges.slice(0, MAX_EXCHANGES).forEach((x, i) => {
    if (x.kind === 'trace') box.append(trace(x, i));
    else if (x.kind === 'ping') box.append(ping(x, i));
  });
  const more = story.view.exchanges.length - MAX_EXCHANGES;
  if (more > 0) box.append(el('p', 'muted', t('storyMore', fmtInt(more))));
  if (story.view.untracked) box.append(el('p', 'muted', t('storyUntracked', fmtInt(story.view.untracked), fmtInt(story.view.limit))));
  box.hidden = false;
  document.body.classList.add('has-story');
}

// ---------------------------------------------------------------- trace

function trace(x, i) {
  const sec = el('section', 'exchange trace');
  sec.dataset.exchange = i;
  // x.tool: the tool codec/story guessed from the probes (GuessTool).
  const tool = x.tool && x.tool !== 'unknown' ? x.tool : '';
  sec.append(el('h3', null, t('storyTrace', x.src, x.dst, x.method.toUpperCase(), tool)));
  const tb = el('table', 'hops');
  const head = el('tr');
  for (const k of ['storyTTL', 'storyAddr', 'storyRTT']) head.append(el('th', null, t(k)));
  tb.append(head);
  for (const h of x.hops) {
    const tr = el('tr', 'hop');
    tr.dataset.ttl = h.ttl;
    const addrs = [...new Set(h.probes.map((p) => p.addr).filter((a) => a))];
    tr.append(el('td', 'ttl', String(h.ttl)), el('td', 'addr mono', addrs.length ? addrs.join(', ') : '*'));
    const rtts = el('td', 'rtts');
    for (const p of h.probes) {
      const b = el('button', 'probe' + (p.answer_frame ? '' : ' silent'), ms(p.rtt_ms) + (p.mark ? ' ' + p.mark : ''));
      b.type = 'button';
      b.dataset.probe = p.probe_frame;
      b.title = t('storyFrames', p.probe_frame, p.answer_frame || '—');
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        select(partnersOf(p.probe_frame), b);
      });
      rtts.append(b);
    }
    tr.append(rtts);
    if (!addrs.length) tr.classList.add('silent');
    tr.addEventListener('click', () => {
      const p = h.probes.find((q) => q.answer_frame) || h.probes[0];
      select(partnersOf(p.probe_frame), tr);
    });
    tb.append(tr);
  }
  sec.append(tb);
  sec.append(el('p', 'end', t('storyEnd_' + x.end, x.dst, x.mark || '')));
  sec.append(picture(x));
  return sec;
}

/** picture draws the trace: lane 0 the source, one lane per hop, probes
 * going right and answers coming back, in the order they were sent. */
function picture(x) {
  const hops = x.hops;
  const probes = [];
  for (const h of hops) for (const p of h.probes) probes.push({ h, p });
  probes.sort((a, b) => a.p.n - b.p.n);
  const laneW = 110;
  const rowH = 16;
  const top = 34;
  const w = laneW * (hops.length + 1) + 20;
  const hgt = top + rowH * probes.length + 10;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'tracepic');
  svg.setAttribute('viewBox', `0 0 ${w} ${hgt}`);
  svg.setAttribute('width', w);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('storyPicture'));
  const laneX = (k) => 10 + laneW * k + laneW / 2;
  const mk = (tag, attrs, text) => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const names = [x.src, ...hops.map((h) => [...new Set(h.probes.map((p) => p.addr).filter((a) => a))][0] || '*')];
  names.forEach((n, k) => {
    svg.append(mk('text', { x: laneX(k), y: 12, class: 'lane-name', 'text-anchor': 'middle' }, n));
    svg.append(mk('text', { x: laneX(k), y: 25, class: 'lane-ttl', 'text-anchor': 'middle' }, k ? t('storyHop', hops[k - 1].ttl) : t('storySource')));
    svg.append(mk('line', { x1: laneX(k), y1: 29, x2: laneX(k), y2: hgt - 4, class: 'lane' }));
  });
  probes.forEach(({ h, p }, r) => {
    const k = hops.indexOf(h) + 1;
    const y = top + rowH * r + rowH / 2;
    const g = mk('g', { class: 'arrow' + (p.answer_frame ? '' : ' silent'), tabindex: 0, 'data-probe': p.probe_frame });
    g.append(mk('title', {}, t('storyFrames', p.probe_frame, p.answer_frame || '—')));
    // The probe goes out to the hop where its TTL runs out ...
    g.append(mk('line', { x1: laneX(0), y1: y - 3, x2: laneX(k) - 4, y2: y - 3, class: 'out' }));
    g.append(mk('circle', { cx: laneX(k), cy: y - 3, r: 3, class: p.answer_frame ? 'dies' : 'lost' }));
    // ... and the answer comes back from there, or nothing does.
    if (p.answer_frame) g.append(mk('line', { x1: laneX(k) - 4, y1: y + 3, x2: laneX(0) + 4, y2: y + 3, class: 'back' }));
    g.append(mk('rect', { x: laneX(0), y: y - rowH / 2, width: laneX(k) - laneX(0), height: rowH, class: 'hit' }));
    const go = () => select(partnersOf(p.probe_frame), g);
    g.addEventListener('click', go);
    g.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        go();
      }
    });
    svg.append(g);
  });
  const wrap = el('div', 'picwrap');
  wrap.append(svg);
  return wrap;
}

// ---------------------------------------------------------------- ping

function ping(x, i) {
  const sec = el('section', 'exchange ping');
  sec.dataset.exchange = i;
  sec.append(el('h3', null, t('storyPing', x.src, x.dst, x.id)));
  sec.append(el('p', 'muted', t('storyPingStats', x.transmitted, x.received, x.duplicates || 0)));
  const tb = el('table', 'pings');
  const head = el('tr');
  for (const k of ['storySeq', 'storyRTT', 'storyTTLRecv', 'storyState']) head.append(el('th', null, t(k)));
  tb.append(head);
  const rows = x.replies.map((r) => ({ seq: r.seq, rtt: r.rtt_ms, ttl: r.ttl, state: r.dup ? 'dup' : 'ok', frame: r.request_frame }));
  // A request answered only by an error is in the codec's lost list (as
  // iputils counts it) and in its errors: one row, the error's.
  const errored = new Set((x.errors || []).map((e) => e.seq));
  // Lost requests: the codec's roles of requests without a partner, in the order sent.
  const lostFrames = story.view.roles.filter((r) => r.exchange === i && !r.answer && r.partner.length === 1).map((r) => r.frame);
  (x.lost || []).filter((seq) => !errored.has(seq)).forEach((seq, k) => rows.push({ seq, rtt: null, ttl: null, state: 'lost', frame: lostFrames[k] }));
  for (const e of x.errors || []) rows.push({ seq: e.seq, rtt: null, ttl: null, state: 'error', frame: e.request_frame, from: e.from });
  rows.sort((a, b) => a.seq - b.seq);
  for (const r of rows.slice(0, MAX_ROWS)) {
    const tr = el('tr', 'req ' + r.state);
    tr.append(el('td', null, String(r.seq)), el('td', null, r.rtt === null ? '—' : ms(r.rtt)), el('td', null, r.ttl === null ? '—' : String(r.ttl)));
    tr.append(el('td', 'state', t('storyState_' + r.state, r.from || '')));
    if (r.frame) tr.addEventListener('click', () => select(partnersOf(r.frame), tr));
    tb.append(tr);
  }
  sec.append(tb);
  if (rows.length > MAX_ROWS) sec.append(el('p', 'muted', t('storyMoreRows', fmtInt(rows.length - MAX_ROWS))));
  sec.append(chart(x));
  return sec;
}

/** chart draws each reply's round trip as a bar, by sequence; lost ones as a cross. */
function chart(x) {
  // The first MAX_ROWS sequence numbers, as the table above.
  let first = Infinity;
  for (const r of x.replies) first = Math.min(first, r.seq);
  for (const s of x.lost || []) first = Math.min(first, s);
  const inView = (s) => s < first + MAX_ROWS;
  const pts = x.replies.filter((r) => !r.dup && inView(r.seq));
  const lost = (x.lost || []).filter(inView);
  const seqs = [...pts.map((r) => r.seq), ...lost];
  if (!seqs.length) return el('span');
  const lo = Math.min(...seqs);
  const hi = Math.max(...seqs);
  const max = Math.max(0.001, ...pts.map((r) => r.rtt_ms || 0));
  const bw = 12;
  const h = 60;
  const w = (hi - lo + 1) * bw + 40;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'rttchart');
  svg.setAttribute('viewBox', `0 0 ${w} ${h + 16}`);
  svg.setAttribute('width', w);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', t('storyChart', ms(max)));
  const add = (tag, attrs, text) => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    svg.append(e);
  };
  add('text', { x: 2, y: 10, class: 'axis' }, ms(max));
  add('line', { x1: 36, y1: h, x2: w, y2: h, class: 'axisline' });
  for (const r of pts) {
    const bh = Math.max(1, ((r.rtt_ms || 0) / max) * (h - 14));
    add('rect', { x: 38 + (r.seq - lo) * bw, y: h - bh, width: bw - 3, height: bh, class: 'bar' });
  }
  for (const s of lost) add('text', { x: 38 + (s - lo) * bw, y: h - 2, class: 'lostmark' }, '✕');
  add('text', { x: 38, y: h + 13, class: 'axis' }, String(lo));
  add('text', { x: w - 20, y: h + 13, class: 'axis' }, String(hi));
  return svg;
}
