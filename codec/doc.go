// Package codec parses and builds ICMPv4 and ICMPv6 messages, the IP headers
// around them and the datagrams they quote.
//
// Every piece of protocol knowledge in icmplab lives here once: numbers,
// names, explanations, layouts, checksums, and what a message means to a
// prober. Other packages ask; they never repeat.
//
// # What it holds
//
//   - The message model: Message, Kind and Parse (message.go, kind.go,
//     parse.go), and Append with the Body interface (build.go).
//   - One file per message kind, its type and methods together, with the
//     RFC's bit diagram above its offsets: echo.go, error.go (the shared error
//     body) with unreachable.go, time_exceeded.go, param_problem.go and
//     redirect.go (redirect and source quench), timestamp.go,
//     information.go (information and address mask), router_discovery.go,
//     extended_echo.go, ndp.go with ndp_option.go and ndp_option_fields.go,
//     mld.go, node_info.go.
//   - RFC 4884 extensions: extension.go (the model), extension_layout.go
//     (finding the structure in either layout), extension_objects.go and
//     extension_iface.go (MPLS, interface information and identification).
//   - IP and transport headers: ipv4.go, ipv6.go, transport.go; a whole
//     datagram in one call: packet.go (DecodeIP, and Packet.Decode, the
//     receive loop's one fast path).
//   - The flow key of a quoted datagram: quoted_flow.go (one general decoder,
//     one fast path for the common IPv4 probe).
//   - What a message means to a prober and which types its socket filter
//     passes: probe.go (AnswerTo, IsAdvisory, ProberTypes).
//   - Checksums: checksum.go (verdicts), sum.go (RFC 1071 arithmetic),
//     checksum_worked.go (the same sum written out step by step for teaching).
//   - The IANA registry of types and codes with EN/KO names and explanations:
//     registry*.go, icmp_types.go, family.go; IP protocol numbers, EtherTypes
//     and extension classes: ipproto.go, ethertype.go, extclass.go. The
//     field-explanation catalogue lives beside the field ids it explains, in
//     codec/dissect/explain.
//   - Errors as values: errors.go (ParseError and its sentinels), phrase.go
//     (what was expected and found, worded in English and Korean) and
//     errors_ko.go (a ParseError in Korean).
//
// Parsing is a validated view over the caller's bytes: Parse checks lengths and
// structure once, and the typed accessors (Echo, Error, ...) then slice without
// copying or allocating. Building appends into a caller's buffer. A malformed
// or truncated message is parsed as far as it goes and the error names the byte
// offset and what was expected (see ParseError).
//
// # What it may not import
//
// Only the standard library's pure packages (encoding/binary, errors,
// math/bits, net/netip, strconv, strings, sync, unicode/utf8 and the like):
// nothing bound to an operating system (no os, syscall, net, x/sys), so the
// same code runs in the native prober (native/) and in the browser (wasm/),
// and its tests run under GOOS=js GOARCH=wasm. It imports no other icmplab
// package but its own helpers under codec/internal (held to the same list):
// codec/dissect, codec/capture, codec/textdump, native/ and wasm/ import
// codec, never the reverse. Its tests may import testify and, as
// second implementations to agree with, x/net and gopacket.
package codec
