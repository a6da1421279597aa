// Package filter is icmplab's display-filter language: a subset of
// Wireshark's display-filter syntax with Wireshark's field names, compiled
// once and evaluated per frame, so that `icmplab decode -Y` and the page's
// filter box select the same packets as `tshark -Y` for the expressions both
// accept.
//
//	icmp.type == 11 && ip.src in 198.18.0.0/16
//	icmp.type in {0 8} || !icmpv6
//	udp.dstport >= 33434 and frame.len > 100
//
// As in Wireshark, a field matches when ANY of its occurrences does (the
// ip.src of the datagram an ICMP error quotes counts as much as the outer
// one), `a != b` is `!(a == b)`, and a comparison with a field the frame
// lacks is false.
//
// A Filter reads only the fields its expression names. Match evaluates a
// dissected frame; MatchBytes reads the named fields straight from the raw
// bytes (codec.Packet, then codec's offsets; no tree) and so decides nearly
// every frame of an ICMP capture without dissecting it: echoes, errors and
// the datagrams they quote, UDP and TCP probes (quick.go says which).
//
// Pure Go: no os, net or syscall, so the same code runs in the browser.
package filter
