// Package codec parses and builds ICMPv4 and ICMPv6 messages, the IP headers
// around them and the datagrams they quote.
//
// It is pure Go: it imports nothing bound to an operating system, so the same
// code runs in the native prober (native/) and in the browser (wasm/). Every
// piece of protocol knowledge in icmplab lives here once: numbers, names,
// explanations, layouts and checksums. Other packages ask; they never repeat.
//
// Parsing is a validated view over the caller's bytes: Parse checks lengths and
// structure once, and the typed accessors (Echo, Error, ...) then slice without
// copying or allocating. Building appends into a caller's buffer. A malformed
// or truncated message is parsed as far as it goes and the error names the byte
// offset and what was expected (see ParseError).
package codec
