// Package story rebuilds what happened in a capture: which packets were
// probes, which ICMP messages (or TCP segments) answered them, and the
// exchanges they made, a ping or a traceroute, told hop by hop.
//
// One Matcher holds the definition of "this message answers that probe" for
// icmplab: the capture views, `icmplab story` and the page ask it. It
// identifies a probe as codec does for the datagram an error quotes
// (codec.FlowKey): the ICMP echo identifier and sequence, or the UDP and TCP
// ports, with the IPv4 identification, the UDP checksum and the TCP sequence
// number to choose between probes that share ports.
//
// The live engines (native/ping, native/trace) ask the same Matcher: they
// tell it each probe they send (Sent) and each packet they read (Received),
// as IP datagrams, and get back the probe an answer pairs with (Match).
//
// It is pure Go (no os, net or syscall) so the same code runs natively and in
// the browser. Memory is bounded: at most Options.MaxProbes probes are kept,
// and the Result says how many were seen past that limit; a live matcher
// keeps a ring of Options.Window probes, allocated once.
package story
