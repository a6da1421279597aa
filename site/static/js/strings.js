// Every word the page itself says, in English and Korean, and the language
// chosen. Protocol words (type and code names, field labels, explanations,
// notes) are not here: they come from the codec, in the language asked.
//
// Static text in index.html names its key: data-t (text), data-t-ph
// (placeholder), data-t-aria (aria-label), data-t-title (title).

import { STORY } from './storystrings.js';
import { LIST_EN, LIST_KO } from './listwords.js';

const KEY = 'icmplab.lang';

const S = {
  en: {
    ...LIST_EN,
    title: 'icmplab · ICMP workbench',
    brand: 'ICMP workbench',
    navMain: 'Main',
    examples: 'Examples',
    examplesMenu: 'Examples…',
    openCapture: 'Open capture…',
    share: 'Copy share link',
    langGroup: 'Language',
    inputCard: 'Input',
    pasteLabel: 'Packet bytes',
    pastePh:
      'Paste packet bytes in any form: tcpdump -x / -xx / -X, Wireshark hex dump, xxd, xxd -p, hexdump -C, od, plain hex, a C array, Python bytes or base64. Or drop a pcap, pcapng or .gz capture, or a saved dump, anywhere on the page.',
    format: 'Format',
    startsAt: 'Starts at',
    detect: 'detect',
    dissect: 'Dissect',
    builder: 'Build a message from its fields',
    family: 'Family',
    type: 'Type',
    code: 'Code',
    ident: 'Identifier',
    seq: 'Sequence',
    ttl: 'TTL',
    src: 'Source',
    dst: 'Destination',
    data: 'Data',
    quote: 'Quoted datagram (hex)',
    quotePh: 'empty: a UDP probe from the destination to the source, as traceroute sends',
    build: 'Build and dissect',
    captureCard: 'Capture',
    any: 'any',
    address: 'Address',
    addressPh: 'e.g. 192.0.2.1',
    packets: 'Packets',
    colNo: 'No.',
    colTime: 'Time',
    colSrc: 'Source',
    colDst: 'Destination',
    colSummary: 'Summary',
    fields: 'Fields',
    headerLayout: 'Header layout',
    bytesTitle: 'Bytes',
    copyAsLabel: 'Copy the packet as',
    copyAs: 'Copy as…',
    buffers: 'Byte buffers',
    explainTitle: 'Explain',
    introTitle: 'What is this?',
    intro:
      'Paste the bytes of a packet, or open a capture, and icmplab shows every field with its exact bytes and bits, checks every checksum and works it out step by step, and explains what each ICMP type, code and field means, in English and Korean. Try an example from the menu above: one packet for each row of the textbook\'s ICMP table, a ping and a traceroute.',
    privacy:
      'Everything runs in this tab, in WebAssembly. Nothing you paste or open is uploaded anywhere; a share link keeps the packet after the #, which browsers never send to a server.',
    drop: 'Drop a pcap, pcapng or gzipped capture, or a text dump',
    foot: 'icmplab · one Go codec, native and in your browser',
    version: (v) => 'codec ' + v + ' · main.wasm in a worker',
    textbookGroup: 'Textbook table (Kurose & Ross 5.6)',
    capturesGroup: 'Captures',
    // messages
    pasteFirst: 'Paste some bytes first: any hex dump, hex string or base64.',
    startFailed: (m) => 'Could not start the codec: ' + m,
    workerFailed: (m) => 'The WebAssembly worker failed to start: ' + m,
    restarted: (what) =>
      'The WebAssembly module stopped (' + what + ') and was started again; nothing was reloaded.',
    restartedCapture: (name) => ' The capture ' + name + ' is being read again.',
    notCapture: (name, why) =>
      name + ' is not a capture icmplab can read (pcap, pcapng, or either gzipped), nor a text dump' + (why ? ': ' + why : '.'),
    buildField: (label, msg) => label + ': ' + msg,
    // detected line
    detected: ' (detected)',
    goExited: (n) => 'the Go program exited with status ' + n,
    goFailed: (why) => 'the Go program failed: ' + why,
    startsAtTag: (t) => 'starts at ' + t,
    frameTab: 'Frame',
    // share and copy
    linkCopied: 'Link copied',
    linkInBar: 'Link in the address bar',
    copiedAs: (d) => 'Copied as ' + d,
    inPasteBox: 'In the paste box',
    // capture list
    reading: 'reading…',
    progress: (n, a, b) => n + ' packets · ' + a + ' of ' + b,
    packetsOf: (n, fmt) => n + ' packets · ' + fmt,
    // a paste's count: its format is the input's tag (#detected), in the codec's words
    pastedCount: (n) => (n === '1' ? '1 packet' : n + ' packets'),
    shown: (n) => n + ' shown',
    // pasted packets listed, panes (js/panes.js)
    pastedList: 'Pasted text',
    splitList: 'Height of the packet list',
    splitCols: 'Width of the fields and bytes panes',
    storyJump: 'Story ↓',
    // hex pane
    nBytes: (n) => n + ' bytes',
    capturedOf: (n) => ' captured of ' + n,
    maskOver: (label, mask, range) => label + ' = mask ' + mask + ' over ' + range + ':  ',
    byteRange: (a, b) => (b === undefined ? 'byte ' + a : 'bytes ' + a + '–' + b),
    // header layout
    notDrawn: 'The rest of the header is not drawn; the tree lists every field.',
    bytesN: (n) => n + ' bytes',
    legend: 'Short names:',
    diagramSVG: 'Download SVG',
    diagramASCII: 'Copy as ASCII art',
    diagramCopied: 'Copied',
    diagramSelected: 'Selected: press Ctrl+C',
    diagramBad: 'The diagram could not be drawn.',
    // teaching panel
    bytes: 'bytes',
    mask: 'bits of mask',
    typeCode: (t, c) => 'Type ' + t + ', code ' + c,
    errorMsg: 'error message',
    informational: 'informational',
    unassigned: 'This type is not assigned by IANA.',
    quotes: 'The packet it quotes: ',
    notes: 'Notes',
    noteAt: (o) => ' byte ' + o + ': ',
    sev: { note: 'note', warning: 'warning', error: 'error' },
    status: { current: 'current', deprecated: 'deprecated', experimental: 'experimental', reserved: 'reserved' },
    ok: (f) => 'Found ' + f + ': correct.',
    bad: (f, r) =>
      'Found ' + f + ', but the checksum of these bytes is ' + r + ': the packet was damaged on the way or built wrong.',
    cols: ['bytes', 'word', 'running sum'],
    more: (n) => '… ' + n + ' more words …',
    pad: ' (+pad)',
    asZero: ' checksum as 0',
    noCarry: 'no carry: ',
    right: 'right',
    found: 'found',
    ...STORY.en,
  },
  ko: {
    ...LIST_KO,
    title: 'icmplab · ICMP 작업대',
    brand: 'ICMP 작업대',
    navMain: '주 메뉴',
    examples: '예제',
    examplesMenu: '예제…',
    openCapture: '캡처 열기…',
    share: '공유 링크 복사',
    langGroup: '언어',
    inputCard: '입력',
    pasteLabel: '패킷 바이트',
    pastePh:
      '패킷 바이트를 형식 목록의 어떤 형식으로든 붙여 넣으세요: tcpdump -x / -xx / -X, xxd, hexdump -C, od의 출력, Wireshark의 덤프, 16진 숫자, 코드 속 바이트 배열, base64. pcap, pcapng, .gz 캡처나 저장한 덤프 파일을 페이지 어디에든 끌어다 놓아도 됩니다.',
    format: '형식',
    startsAt: '시작 계층',
    detect: '자동 감지',
    dissect: '분석',
    builder: '필드를 채워 메시지 만들기',
    family: '계열',
    type: '타입',
    code: '코드',
    ident: '식별자',
    seq: '순서 번호',
    ttl: 'TTL',
    src: '출발지',
    dst: '목적지',
    data: '데이터',
    quote: '인용할 데이터그램 (16진)',
    quotePh: '비우면: traceroute처럼 목적지에서 출발지로 보낸 UDP 프로브',
    build: '만들고 분석',
    captureCard: '캡처',
    any: '전체',
    address: '주소',
    addressPh: '예: 192.0.2.1',
    packets: '패킷 목록',
    colNo: '번호',
    colTime: '시간',
    colSrc: '출발지',
    colDst: '목적지',
    colSummary: '요약',
    fields: '필드',
    headerLayout: '헤더 구조',
    bytesTitle: '바이트',
    copyAsLabel: '패킷을 다른 형식으로 복사',
    copyAs: '다른 형식으로 복사…',
    buffers: '바이트 버퍼',
    explainTitle: '설명',
    introTitle: '무엇을 하는 곳인가요?',
    intro:
      '패킷의 바이트를 붙여 넣거나 캡처 파일을 열면, icmplab이 모든 필드를 정확한 바이트와 비트로 보여 주고, 모든 체크섬을 검사해 단계별로 계산해 보이며, ICMP 타입과 코드와 필드가 무엇을 뜻하는지 영어와 한국어로 설명합니다. 위 메뉴의 예제를 골라 보세요: 교과서 ICMP 표의 각 행마다 패킷 하나, 그리고 ping과 traceroute.',
    privacy:
      '모든 것이 이 탭 안의 WebAssembly에서 실행됩니다. 붙여 넣거나 연 것은 어디에도 올라가지 않습니다. 공유 링크는 패킷을 # 뒤에 담는데, 브라우저는 이 부분을 서버에 보내지 않습니다.',
    drop: 'pcap, pcapng, gzip 압축 캡처나 텍스트 덤프를 여기에 놓으세요',
    foot: 'icmplab · 하나의 Go 코덱, 네이티브와 브라우저에서',
    version: (v) => '코덱 ' + v + ' · 워커 안의 main.wasm',
    textbookGroup: '교과서 표 (Kurose & Ross 5.6)',
    capturesGroup: '캡처',
    pasteFirst: '먼저 바이트를 붙여 넣으세요: 16진 덤프, 16진 문자열, base64 무엇이든 됩니다.',
    startFailed: (m) => '코덱을 시작하지 못했습니다: ' + m,
    workerFailed: (m) => 'WebAssembly 워커를 시작하지 못했습니다: ' + m,
    restarted: (what) => 'WebAssembly 모듈이 멈춰서 (' + what + ') 다시 시작했습니다. 페이지는 새로 고치지 않았습니다.',
    restartedCapture: (name) => ' 캡처 ' + name + '을(를) 다시 읽고 있습니다.',
    notCapture: (name, why) =>
      name + '은(는) icmplab이 읽을 수 있는 캡처(pcap, pcapng 또는 그 gzip 압축)도 텍스트 덤프도 아닙니다' + (why ? ': ' + why : '.'),
    buildField: (label, msg) => label + ': ' + msg,
    detected: ' (자동 감지)',
    goExited: (n) => 'Go 프로그램이 상태 ' + n + '(으)로 끝났습니다',
    goFailed: () => 'Go 프로그램이 오류로 끝났습니다',
    startsAtTag: (t) => '시작 계층 ' + t,
    frameTab: '프레임',
    linkCopied: '링크를 복사했습니다',
    linkInBar: '주소 표시줄에 링크가 있습니다',
    copiedAs: (d) => d + ' 형식으로 복사했습니다',
    inPasteBox: '입력 칸에 넣었습니다',
    reading: '읽는 중…',
    progress: (n, a, b) => '패킷 ' + n + '개 · ' + b + ' 중 ' + a,
    packetsOf: (n, fmt) => '패킷 ' + n + '개 · ' + fmt,
    pastedCount: (n) => '패킷 ' + n + '개',
    shown: (n) => n + '개 표시',
    // 붙여 넣은 패킷 목록, 창 크기 (js/panes.js)
    pastedList: '붙여 넣은 텍스트',
    splitList: '패킷 목록 높이',
    splitCols: '필드 창과 바이트 창 너비',
    storyJump: '이야기 ↓',
    nBytes: (n) => n + '바이트',
    capturedOf: (n) => ' (원래 ' + n + '바이트 중 캡처된 부분)',
    maskOver: (label, mask, range) => label + ' = ' + range + '에 마스크 ' + mask + ':  ',
    byteRange: (a, b) => (b === undefined ? a + '번 바이트' : a + '–' + b + '번 바이트'),
    notDrawn: '헤더의 나머지는 그리지 않았습니다. 모든 필드는 트리에 있습니다.',
    bytesN: (n) => n + '바이트',
    legend: '줄임말:',
    diagramSVG: 'SVG 내려받기',
    diagramASCII: 'ASCII 아트로 복사',
    diagramCopied: '복사했습니다',
    diagramSelected: '선택했습니다: Ctrl+C를 누르세요',
    diagramBad: '다이어그램을 그릴 수 없습니다.',
    bytes: '바이트',
    mask: '마스크 비트',
    typeCode: (t, c) => '타입 ' + t + ', 코드 ' + c,
    errorMsg: '오류 메시지',
    informational: '정보 메시지',
    unassigned: 'IANA가 할당하지 않은 타입입니다.',
    quotes: '인용된 패킷: ',
    notes: '참고',
    noteAt: (o) => ' ' + o + '번 바이트: ',
    sev: { note: '참고', warning: '경고', error: '오류' },
    status: { current: '현행', deprecated: '폐기됨', experimental: '실험용', reserved: '예약됨' },
    ok: (f) => '패킷의 값 ' + f + ': 올바릅니다.',
    bad: (f, r) =>
      '패킷의 값은 ' + f + '이지만 이 바이트들의 체크섬은 ' + r + '입니다: 패킷이 오는 길에 손상되었거나 잘못 만들어졌습니다.',
    cols: ['바이트', '워드', '누적 합'],
    more: (n) => '… 워드 ' + n + '개 생략 …',
    pad: ' (+채움)',
    asZero: ' 체크섬은 0으로',
    noCarry: '올림 없음: ',
    right: '올바른 값',
    found: '패킷의 값',
    ...STORY.ko,
  },
};

export const LANGS = Object.keys(S);

let current = initialLang();

function initialLang() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get('lang');
  if (fromLink && S[fromLink]) {
    remember(fromLink); // a link's language is the reader's from then on
    return fromLink;
  }
  try {
    const saved = localStorage.getItem(KEY);
    if (saved && S[saved]) return saved;
  } catch {
    // storage may be off (private windows): English, not an error
  }
  return 'en';
}

/** lang is the chosen language: "en" or "ko". */
export function lang() {
  return current;
}

/** setLang chooses a language, remembers it and redraws the static text. */
export function setLang(l) {
  if (!S[l]) return false;
  current = l;
  remember(l);
  applyStatic();
  return true;
}

function remember(l) {
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // not remembered, still shown
  }
}

/** t is the page's word for key in the chosen language. */
export function t(key, ...args) {
  const v = S[current][key] ?? S.en[key];
  return typeof v === 'function' ? v(...args) : v;
}

/** pick chooses the language's text of a codec {en, ko} pair. */
export function pick(text) {
  if (!text) return '';
  return (current === 'ko' ? text.ko || text.en : text.en || text.ko) || '';
}

/** numberFormats keeps one formatter per locale: each new one looks the
 * locale's data up again. */
const numberFormats = {};

/** fmtInt formats a count as the language writes it. A count under 1,000
 * is written alike in every language the page has, and skips Intl: its
 * first use loads the locale's data, 20-60 ms on a small machine, which a
 * share link's first draw (a list of one packet) would otherwise wait for. */
export function fmtInt(n) {
  if (Number.isInteger(n) && n > -1000 && n < 1000) return String(n);
  const locale = current === 'ko' ? 'ko-KR' : 'en-US';
  return (numberFormats[locale] ||= new Intl.NumberFormat(locale)).format(n);
}

export function fmtBytes(n) {
  if (n < 1024) return n + ' B';
  if (n < 1 << 20) return (n / 1024).toFixed(1) + ' KB';
  if (n < 1 << 30) return (n / 1048576).toFixed(1) + ' MB';
  return (n / 1073741824).toFixed(2) + ' GB';
}

/** applyStatic writes the chosen language into index.html's marked text. */
export function applyStatic(root = document) {
  document.documentElement.lang = current;
  document.title = t('title');
  for (const e of root.querySelectorAll('[data-t]')) e.textContent = t(e.dataset.t);
  for (const e of root.querySelectorAll('[data-t-ph]')) e.placeholder = t(e.dataset.tPh);
  for (const e of root.querySelectorAll('[data-t-aria]')) e.setAttribute('aria-label', t(e.dataset.tAria));
  for (const e of root.querySelectorAll('[data-t-title]')) e.title = t(e.dataset.tTitle);
  for (const b of root.querySelectorAll('.lang button')) b.setAttribute('aria-pressed', String(b.dataset.lang === current));
}
