// The JavaScript API that main.wasm installs: ONE global object, icmplab.
//
// Load it the plain way (site/static/worker.js does, inside a Web Worker):
//   importScripts('wasm_exec.js');
//   const go = new Go();
//   const { instance } = await WebAssembly.instantiateStreaming(fetch('main.wasm'), go.importObject);
//   go.run(instance);            // installs globalThis.icmplab
//
// Every method checks its arguments and returns a Promise. Failures reject
// with a real Error whose message starts with "icmplab.<method>: ", and
// whose error.text is the sentence alone, for a person (a build spec's bad
// field is also named in error.field, and left out of error.text). No argument can end the
// Go program: values of any kind (BigInt, Symbol, a Proxy or a getter that
// throws) are checked by type without running page code, under recover.
// Methods that return words a person reads take a Lang; names and sentences
// the codec has no Korean for yet come in English. Results
// that are objects arrive as JSON strings: JSON.parse them (one parse is
// faster than building objects through syscall/js). Byte arguments are
// Uint8Arrays, copied before the call returns, so the caller may reuse them.
// Nothing here knows a protocol fact of its own: names, explanations and
// layouts come from the Go codec (codec/, codec/dissect, codec/textdump,
// codec/capture).

export interface ICMPLab {
  /** The module's version (the -X main.version link flag; "dev" otherwise). */
  readonly version: string;
  /** performance.now() in the worker when Go's main began: the runtime and
   * every package's init were done (worker.js reports it as timing.goMain). */
  readonly mainStart: number;

  /** What the page needs once: dialects, start layers, examples, types. JSON of Meta. */
  init(lang?: Lang): Promise<string>;

  /** Dissect pasted text (any hex dialect or base64; dialect and start layer
   * detected unless given) or raw bytes. JSON of DecodeResult; with
   * options.list, a text's packets are also listed (handle and count set):
   * the capture* methods read them like an open capture; frames then holds
   * the one packet of a single-packet text, dissected at once, else nothing. */
  decode(input: string | Uint8Array, options?: DecodeOptions): Promise<string>;

  /** Registry entry of a type and, when code is given, a code. JSON of Lookup. */
  lookup(family: 4 | 6, type: number, code?: number, lang?: Lang): Promise<string>;
  /** Every registered type of a family, without codes. JSON of TypeInfo[]. */
  types(family: 4 | 6, lang?: Lang): Promise<string>;
  /** Explanation of a field id ("ip.ttl", "icmp.checksum", "checksum.howto"). JSON of Explanation. */
  explain(key: string): Promise<string>;

  /** Render packet bytes (hex) in a dump dialect from Meta.dialects, for
   * "copy as"; decode reads the text back. Resolves to the text itself. */
  format(hex: string, dialect: string): Promise<string>;

  /** Build a message from fields with the codec's encoder. JSON of BuildResult. */
  build(spec: BuildSpec, lang?: Lang): Promise<string>;
  /** One example, built by the codec: a packet (with tcpdump -X text) or a pcap. JSON of Example. */
  example(id: string, lang?: Lang): Promise<string>;
  /** Every ping and trace in a capture or pasted text (codec/story), JSON of StoryView. */
  story(input: Uint8Array | string): Promise<string>;
  /** Compiles a display filter (codec/filter); resolves even when it is bad, JSON of FilterCheck. */
  filterCheck(expr: string, lang?: "en" | "ko"): Promise<string>;
  /** Whether one packet (a pasted frame) matches a display filter; layer
   * as DecodeResult.layer, "" to guess. Rejects a bad expression. */
  filterMatch(expr: string, data: Uint8Array, layer: string, number: number, len: number, lang?: Lang): Promise<boolean>;
  /** The filter's field names for completion, descriptions in lang, JSON of FilterField[]. */
  filterFields(lang?: Lang): Promise<string>;
  /** The bit-layout diagram of the header holding the node at path ("0.3.1",
   * child indices from the roots) of tree, the page's tree one node a line:
   * depth, offset, length, mask, source, worst severity (0-2), field, label,
   * value, tab-separated. JSON of DiagramView: the layout, its SVG (what the
   * page shows and downloads, its tooltips' widths in lang) and its
   * RFC-style ASCII art (ASCII in every language, Korean names listed under
   * it). The labels are the tree's, so send the tree of the same lang. */
  diagram(tree: string, path: string, lang?: Lang): Promise<string>;
  /** Two packets field by field (dissect.Compare), JSON of CompareResult. */
  compare(a: Uint8Array, b: Uint8Array, options?: CompareOptions): Promise<string>;

  // Captures (pcap, pcapng, gzipped either) are read as a stream of chunks:
  // captureOpen, then captureFeed for every chunk of File.stream(), then
  // captureEnd. The Go side keeps one 32-byte row a packet and the bytes of
  // the first 192 MB of packets; a later packet is fetched again by
  // streaming the file into captureOpenFetch's session.

  /** Start reading a capture. Resolves to a handle. */
  captureOpen(name?: string): Promise<number>;
  /** Hand over the next chunk; resolves once it is read. JSON of FeedResult. */
  captureFeed(handle: number, chunk: Uint8Array): Promise<string>;
  /** Signal the end of the file. JSON of EndResult. */
  captureEnd(handle: number, lang?: Lang): Promise<string>;
  /** Select the rows the list shows (all when the filter is empty). JSON of {count: number, unchecked?: number}.
   * Rejects, worded in lang, a bad expression or a closed handle. */
  captureFilter(handle: number, filter: Filter, lang?: Lang): Promise<string>;
  /** The listed packets as a file: "pcapng", "jsonl" or "csv". Refused
   * when a listed packet's bytes were not kept (past the memory budget). */
  captureExport(handle: number, format: "pcapng" | "jsonl" | "csv", lang?: Lang): Promise<Uint8Array>;
  /** Orders the list by a column ("no", "time", "src", "dst", "len",
   * "summary"), descending when descending is 1; kept across filters. */
  captureSort(handle: number, key: string, descending?: 0 | 1): Promise<undefined>;
  /** Two packets of the list (list indices), field by field, from the bytes
   * the session kept: JSON of CompareResult plus hexA and hexB, the two
   * packets' bytes (layers in options are ignored). */
  captureCompare(handle: number, a: number, b: number, options?: CompareOptions, lang?: Lang): Promise<string>;
  /** The list index of frame number `number` (1-based), -1 when it is not listed. */
  captureGoto(handle: number, number: number): Promise<number>;
  /** count (<= 1000) rows of the filtered list from start. JSON of Row[]. */
  captureRows(handle: number, start: number, count: number, lang?: Lang): Promise<string>;
  /** The packet at a list index, dissected. JSON of DecodeResult, or of
   * NeedRow when its bytes must be fetched again (see captureOpenFetch). */
  capturePacket(handle: number, index: number, lang?: Lang): Promise<string>;
  /** A session that reads the file again only to pick row `row`'s bytes;
   * feed it like captureOpen's (FeedResult.done says when to stop), then
   * call captureDissect. Resolves to a handle. */
  captureOpenFetch(row: number): Promise<number>;
  /** The packet at a list index, from the bytes a fetch session found. JSON of DecodeResult. */
  captureDissect(handle: number, index: number, fetchHandle: number, lang?: Lang): Promise<string>;
  /** Forget a capture (or a fetch session). */
  captureClose(handle: number): Promise<void>;

  /** Release every js.Func and let main() return; the object is removed. */
  dispose(): void;
}

declare global {
  // eslint-disable-next-line no-var
  var icmplab: ICMPLab;
}

/** The language of the words in a result; English when absent. */
export type Lang = 'en' | 'ko';

export interface DecodeOptions {
  /** The language of names, sentences and messages. */
  lang?: Lang;
  /** A dialect id from Meta.dialects ("xxd", "tcpdump -X", ...); "" detects. */
  dialect?: string;
  /** A start layer id from Meta.layers ("ethernet", "ipv4", "icmpv6", ...); "" detects. */
  layer?: string;
  /** List a paste of several packets as a capture (handle, count) rather than dissect each. */
  list?: boolean;
}

export interface Meta {
  version: string;
  /** Dump dialects: id is what decode and format take, title is in the language asked. */
  dialects: { id: string; title: string }[];
  layers: { id: string; title: string }[];
  /** Without hex/text: fetch one with example(id). */
  examples: Example[];
  /** ICMPv4 then ICMPv6 types by name, for the capture filter and the builder. */
  types: TypeName[];
  /** The type the builder starts on. */
  buildDefault: TypeName;
  /** Start-up times in ms, added by worker.js (not by main.wasm). */
  timing?: { start: number; compiled: number; running: number; ready: number };
  /** The codec's enumerations the page tests values against. */
  vocab: Vocab;
}

export interface Vocab {
  /** codec/dissect.Severity names by number: ["note", "warning", "error"]. */
  severities: string[];
  families: {
    number: 4 | 6;
    name: string; // "ICMPv4"
    /** Field id of the ICMP header in the tree; its fields are field + ".". */
    field: string;
    /** The builder's default addresses. */
    src: string;
    dst: string;
  }[];
}

export interface TypeName {
  family: 4 | 6;
  type: number;
  name: string;
}

export interface DecodeResult {
  dialect?: string;
  /** dialect in the language asked ("16진 문자열"). */
  dialectTitle?: string;
  dialectDetected: boolean;
  layer: string;
  layerTitle: string;
  layerDetected: boolean;
  /** Why the bytes were taken to start there, in words. */
  layerReason?: string;
  frames: Frame[];
  /** Set when a paste held more packets than are dissected (2,000) or listed (100,000). */
  limit?: string;
  /** decode with options.list and several packets: the session listing them
   * (closed with captureClose) and how many it lists. */
  handle?: number;
  count?: number;
}

export interface Frame {
  number: number;
  time?: string; // RFC 3339
  len: number;
  caplen: number;
  hex: string;
  summary: string;
  src: string;
  dst: string;
  protocol: string;
  info: string;
  layers: string[];
  tree: Node[];
  notes: Note[];
  /** Buffers besides the frame that nodes point into (Node.source, 1-based). */
  sources?: { name: string; hex: string }[];
  icmp?: ICMPSummary;
  checksums: ChecksumWork[];
}

/** codec/dissect.Node as JSON. Offsets are absolute in the frame (or in
 * sources[source-1]); mask selects the bits of a sub-byte field. */
export interface Node {
  label: string;
  value?: string;
  field?: string;
  offset: number;
  length: number;
  mask?: number;
  explain?: string;
  notes?: Note[];
  children?: Node[];
  source?: number;
}

export interface Note {
  /** codec/dissect.Severity: 0 note, 1 warning, 2 error. */
  severity: 0 | 1 | 2;
  /** What the note is about in any language (codec/dissect.NoteKinds), e.g. "ipv4_total_long". */
  kind?: string;
  offset: number;
  /** In the language of the call: labels, values, notes, summary and info are Korean under lang "ko". */
  message: string;
}

export interface ICMPSummary {
  family: 4 | 6;
  type: number;
  code: number;
  name: string;
  codeName?: string;
  isError: boolean;
  checksum: 'good' | 'bad' | 'unverified';
  /** For an error, what it means for the packet it quotes, in a sentence. */
  quote?: string;
  extLayout?: string;
}

/** An Internet checksum worked out as on paper (RFC 1071). */
export interface ChecksumWork {
  field: string; // "ip.checksum", "icmp.checksum", "icmpv6.checksum", "icmp.ext.checksum", "udp.checksum", "tcp.checksum"
  label: string; // English; labelText has both languages
  how: string;
  labelText: Text;
  howText: Text;
  start: number;
  length: number;
  at: number;
  found: number;
  right: number;
  ok: boolean;
  pseudo?: ChecksumStep[]; // the IPv6 pseudo-header, for ICMPv6
  words: ChecksumStep[];
  total: number; // the sum before folding
  folds: { from: number; to: number }[];
  folded: number;
}

export interface ChecksumStep {
  label?: string; // English; labelText has both languages
  labelText?: Text;
  off: number; // -1 for pseudo-header words
  word: number;
  sum: number; // running sum after this word
  zeroed?: boolean; // the checksum field, counted as zero
  pad?: boolean; // an odd last byte padded with zero
}

export interface Text {
  en: string;
  ko: string;
}

export interface TypeInfo {
  family: 4 | 6;
  type: number;
  name: string;
  rfc?: string;
  status: 'current' | 'deprecated' | 'experimental' | 'reserved';
  isError: boolean;
  explain: Text;
  codes?: CodeInfo[];
  /** What build makes of it, so a form shows only the fields that matter:
   * "echo" (id, seq, data), "error" (quote) or "raw" (data). */
  body: 'echo' | 'error' | 'raw';
}

export interface CodeInfo {
  code: number;
  name: string;
  rfc?: string;
  status: string;
  explain: Text;
}

export interface Lookup {
  known: boolean;
  type: TypeInfo;
  code?: CodeInfo;
}

export interface Explanation {
  key: string;
  known: boolean;
  en?: string;
  ko?: string;
}

export interface BuildSpec {
  family: 4 | 6;
  type: number;
  code?: number;
  id?: number;
  seq?: number;
  /** Payload as text (UTF-8) ... */
  data?: string;
  /** ... or as hex, which wins. */
  dataHex?: string;
  /** For error types: hex of the datagram to quote. */
  quote?: string;
  /** With dst: wrap the message in an IPv4/IPv6 header. */
  src?: string;
  dst?: string;
  ttl?: number;
}

export interface BuildResult {
  hex: string;
  /** Where the bytes start, to pass to decode as options.layer. */
  layer: string;
}

export interface Example {
  id: string; // "3/3", "ping", "traceroute"
  title: string;
  note: string;
  kind: 'packet' | 'capture';
  family?: number;
  type: number;
  code: number;
  hex?: string; // packet bytes, or the whole pcap file
  text?: string; // a packet as tcpdump -X prints it
}

export interface FeedResult {
  count: number;
  done: boolean;
  error?: string;
}

export interface EndResult {
  handle: number;
  count: number;
  format: string;
  linkType?: string;
  error?: string;
  limit?: string;
}

export interface Filter {
  family?: 4 | 6;
  type?: number;
  code?: number;
  /** Substring of the source or destination address, or a CIDR prefix. */
  addr?: string;
  /** A display filter (filterCheck); a bad one rejects the call. Evaluated
   * on the bytes the session keeps: CountResult.unchecked counts the rest. */
  expr?: string;
}

export interface Row {
  i: number; // index in the filtered list
  no: number; // frame number in the file
  time: string; // seconds since the first packet
  src: string;
  dst: string;
  summary: string;
  flags: number; // 1: has an error note, 2: has a warning
  len: number; // length on the wire
  ttl?: string; // outer TTL or hop limit, when the session kept the bytes
}

export interface NeedRow {
  need: { row: number };
}

/** story's answer; exchanges are in the `icmplab story --json` schema (README). */
export interface StoryView {
  exchanges: object[];
  /** Per frame: its role in an exchange, the frames to select with it, the sentence naming its probe. */
  roles: {
    frame: number; exchange: number; answer: boolean; hop: number; probe: number;
    beyond: boolean; request: number; partner: number[]; sentence?: string; sentenceKO?: string;
  }[];
  /** Probes past the matcher's limit, counted and not matched. */
  untracked: number;
  limit: number;
}

export interface FilterCheck {
  ok: boolean;
  error?: { offset: number; column: number; message: string; hint?: string; text: string };
  fields?: string[];
}

export interface FilterField {
  name: string;
  desc: string;
  type: string;
}

export interface CompareOptions {
  layerA?: string;
  layerB?: string;
  ignoreChecksums?: boolean;
  ignoreTimestamps?: boolean;
}

export interface CompareResult {
  layerA: string;
  layerB: string;
  diffs: {
    kind: 'changed' | 'only-a' | 'only-b';
    field: string;
    label: string;
    path: string;
    a?: { value: string; offset: number; length: number; mask?: number; source?: number };
    b?: { value: string; offset: number; length: number; mask?: number; source?: number };
  }[];
}

/** dissect.Diagram with its drawings (wasm/diagram.go). */
export interface DiagramView {
  title: string;
  /** The header's node, child indices from the tree's roots. */
  path: number[];
  boxes: DiagramBox[];
  rows: number;
  cut?: boolean;
  /** The abbreviations the SVG uses: [short, whole name]. */
  legend: [string, string][];
  svg: string;
  ascii: string;
}

/** One field of a diagram (dissect.Box); bits counted from the header's first. */
export interface DiagramBox {
  /** The field's node, child indices from the header's; null for a gap. */
  path: number[] | null;
  label: string;
  short?: string;
  field?: string;
  value?: string;
  bit: number;
  bits: number;
  at: number;
  width: number;
  gap?: boolean;
  severity?: string;
}
