// The guided lesson: the textbook's ICMP section (Kurose & Ross 5.6, the
// Korean notes the course reads) in six steps, each on a real packet or
// capture the codec builds (icmplab.example), with the bytes that matter
// lit and one question answered by clicking. Which bytes those are is asked
// of the codec's dissection by field id (its tree), and which packet
// answers which of codec/story: the page knows no ICMP number itself.

import { $, el } from './dom.js';
import { state } from './state.js';
import { t, lang } from './strings.js';
import { callJSON } from './rpc.js';
import { family } from './vocab.js';

/** The lesson's place and what its step was built from. */
const lesson = { step: 0, open: false, gen: 0 };

/** FAMILY is the ICMP family the lesson's packets use (IPv4, as the textbook). */
const FAMILY = 4;

// Each step: the example it shows, the fields lit, and the question: either
// a byte (ask returns the node whose bytes answer) or a choice among
// packets or routers (choices returns them, each {label, right, answer}).
const STEPS = [
  { ex: '8/0', lit: () => ['ip.proto'], ask: (f) => find(f.tree, 'ip.proto') },
  { ex: '3/3', lit: () => [icmp('type'), icmp('code')], ask: (f) => find(f.tree, icmp('code')), table: true },
  { ex: '11/0', lit: () => [icmp('quote')], ask: (f) => quoteTransport(f) },
  { ex: 'ping', capture: pingChoices },
  { ex: '4/0', lit: () => [icmp('type'), icmp('quote')], ask: (f) => find(f.tree, 'ip.src') },
  { ex: 'traceroute', capture: traceChoices },
];

/** icmp names a field of the ICMP header, from the codec's field id of it. */
function icmp(name) {
  return family(FAMILY).field + '.' + name;
}

function find(nodes, field) {
  for (const n of nodes || []) {
    if (n.field === field) return n;
    const m = find(n.children, field);
    if (m) return m;
  }
  return null;
}

/** quoteTransport is the quote's last part: the first bytes of the
 * datagram's payload (its ports), after the quoted IP header. */
function quoteTransport(f) {
  const q = find(f.tree, icmp('quote'));
  if (!q) return null;
  const kids = (q.children || []).filter((c) => c.length > 0);
  return kids.length > 1 ? kids[kids.length - 1] : q;
}

function hexToBytes(hex) {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}

export function bindLesson() {
  $('lessonBtn').addEventListener('click', () => openLesson(0));
}

export function openLesson(step) {
  lesson.open = true;
  document.body.classList.add('in-lesson');
  $('lesson').hidden = false;
  show(step);
}

function closeLesson() {
  lesson.open = false;
  document.body.classList.remove('in-lesson');
  $('lesson').hidden = true;
  $('lesson').replaceChildren();
}

/** redrawLesson draws the step again in the chosen language. */
export function redrawLesson() {
  if (lesson.open) show(lesson.step);
}

async function show(step) {
  const gen = ++lesson.gen;
  lesson.step = step;
  const s = STEPS[step];
  const box = $('lesson');
  box.dataset.step = step + 1;
  box.dataset.state = 'loading';
  delete box.dataset.answered;
  const body = el('div', 'lbody');
  let ex;
  try {
    ex = await callJSON('example', s.ex, lang());
    if (s.capture) await s.capture(ex, body);
    else await packetStep(s, ex, body);
  } catch (err) {
    body.append(el('p', 'message error', err.message));
  }
  if (gen !== lesson.gen) return;
  const head = el('div', 'lhead');
  head.append(el('span', 'lcount', t('lessonStep', step + 1, STEPS.length)), el('h2', null, t('lessonT' + (step + 1))));
  const back = el('button', 'lback', t('lessonBack'));
  back.type = 'button';
  back.addEventListener('click', closeLesson);
  head.append(back);
  const text = el('div', 'ltext');
  for (const para of t('lessonP' + (step + 1))) text.append(el('p', null, para));
  const nav = el('div', 'lnav');
  const prev = el('button', 'lprev', t('lessonPrev'));
  prev.type = 'button';
  prev.disabled = step === 0;
  prev.addEventListener('click', () => show(step - 1));
  const next = el('button', 'lnext primary', step === STEPS.length - 1 ? t('lessonDone') : t('lessonNext'));
  next.type = 'button';
  next.addEventListener('click', () => (step === STEPS.length - 1 ? closeLesson() : show(step + 1)));
  nav.append(prev, next);
  const q = el('div', 'lquestion');
  q.append(el('strong', null, t('lessonQ' + (step + 1))));
  const ans = el('p', 'lanswer');
  ans.hidden = true;
  q.append(ans);
  box.replaceChildren(head, text, q, body, nav);
  box.dataset.state = 'ready';
}

/** answer shows whether a click answered the question, and the answer. */
function answer(right, said) {
  const a = $('lesson').querySelector('.lanswer');
  a.hidden = false;
  a.className = 'lanswer ' + (right ? 'right' : 'wrong');
  a.textContent = (right ? t('lessonRight') : t('lessonWrong')) + ' ' + said;
  $('lesson').dataset.answered = right ? 'right' : 'wrong';
}

// ---------------------------------------------------------------- a packet

async function packetStep(s, ex, body) {
  const res = await callJSON('decode', ex.hex, { dialect: 'plain hex', layer: '', lang: lang() });
  const f = res.frames[0];
  const bytes = hexToBytes(f.hex);
  const lit = s.lit().map((id) => find(f.tree, id)).filter((n) => n);
  const target = s.ask(f);
  body.append(el('p', 'lsummary mono', f.summary));
  const grid = el('div', 'lhex mono');
  grid.setAttribute('role', 'grid');
  bytes.forEach((b, i) => {
    const c = el('span', 'lbyte', b.toString(16).padStart(2, '0'));
    c.dataset.off = i;
    c.tabIndex = 0;
    const n = lit.find((x) => i >= x.offset && i < x.offset + x.length);
    if (n) {
      c.classList.add('lit');
      c.title = n.label + (n.value ? ': ' + n.value : '');
    }
    const pick = () => {
      const hit = target && i >= target.offset && i < target.offset + target.length;
      grid.querySelectorAll('.picked').forEach((x) => x.classList.remove('picked'));
      c.classList.add('picked');
      if (target) for (const x of grid.children) if (+x.dataset.off >= target.offset && +x.dataset.off < target.offset + target.length) x.classList.add('answer');
      answer(hit, t('lessonByteAnswer', target.offset, target.offset + target.length - 1, target.label + (target.value ? ': ' + target.value : '')));
    };
    c.addEventListener('click', pick);
    c.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        pick();
      }
    });
    grid.append(c);
  });
  body.append(grid);
  const legend = el('ul', 'llegend');
  for (const n of lit) legend.append(el('li', null, t('lessonBytes', n.offset, n.offset + n.length - 1) + ' · ' + n.label + (n.value ? ': ' + n.value : '')));
  body.append(legend);
  if (s.table) body.append(typeTable());
}

/** typeTable is the textbook's table: the examples menu's packet rows, as the codec names them. */
function typeTable() {
  const tb = el('table', 'ltable');
  const head = el('tr');
  for (const k of ['type', 'code', 'lessonMeaning']) head.append(el('th', null, t(k)));
  tb.append(head);
  for (const e of state.meta.examples.filter((x) => x.kind === 'packet')) {
    const tr = el('tr');
    tr.append(el('td', null, String(e.type)), el('td', null, String(e.code)), el('td', null, e.title));
    tb.append(tr);
  }
  return tb;
}

// ---------------------------------------------------------------- a capture

async function storyOf(ex) {
  return callJSON('story', { bytes: hexToBytes(ex.hex) });
}

function choices(body, items) {
  const box = el('div', 'lchoices');
  for (const it of items) {
    const b = el('button', 'lchoice', it.label);
    b.type = 'button';
    b.dataset.right = it.right ? '1' : '';
    if (it.addr) b.dataset.addr = it.addr;
    b.addEventListener('click', () => {
      box.querySelectorAll('.picked').forEach((x) => x.classList.remove('picked'));
      b.classList.add('picked');
      box.querySelector('[data-right="1"]').classList.add('answer');
      answer(it.right, it.answer);
    });
    box.append(b);
  }
  body.append(box);
}

/** pingChoices: the ping's packets in capture order; the question asks for
 * the reply to the first request. */
async function pingChoices(ex, body) {
  const v = await storyOf(ex);
  const x = v.exchanges.find((e) => e.kind === 'ping');
  const first = x.replies.find((r) => !r.dup);
  const seqOf = new Map();
  for (const r of x.replies) {
    seqOf.set(r.request_frame, r.seq);
    seqOf.set(r.reply_frame, r.seq);
  }
  const roles = v.roles.filter((r) => v.exchanges[r.exchange] === x).slice(0, 8);
  body.append(el('p', 'lsummary', t('lessonPingStats', x.src, x.dst, x.transmitted, x.received)));
  choices(
    body,
    roles.map((r) => ({
      label: t(r.answer ? 'lessonReply' : 'lessonRequest', r.frame, seqOf.has(r.frame) ? seqOf.get(r.frame) : '?'),
      right: r.frame === first.reply_frame,
      answer: t('lessonPingAnswer', first.reply_frame, first.request_frame, first.rtt_ms),
    }))
  );
}

/** traceChoices: every router that answered; the question asks which answered TTL 3. */
async function traceChoices(ex, body) {
  const v = await storyOf(ex);
  const x = v.exchanges.find((e) => e.kind === 'trace');
  const hop3 = x.hops.find((h) => h.ttl === 3);
  const at3 = hop3.probes.find((p) => p.addr).addr;
  const last = x.hops[x.hops.length - 1];
  const addrs = [...new Set(x.hops.flatMap((h) => h.probes.map((p) => p.addr).filter((a) => a)))].sort();
  const pic = el('ol', 'lprobes');
  for (const h of x.hops) for (const p of h.probes) pic.append(el('li', null, t('lessonProbe', h.ttl, p.rtt_ms)));
  body.append(pic);
  choices(
    body,
    addrs.map((a) => ({ label: a, addr: a, right: a === at3, answer: t('lessonTraceAnswer', at3, last.probes[0].addr, last.ttl) }))
  );
}
