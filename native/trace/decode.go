package trace

import (
	"net/netip"

	"icmplab/codec"
)

// The engine pairs answers with probes through codec/story's matcher (see
// engine.go), which reads whole IP datagrams. The sockets give less: a raw
// IPv6 socket and the ICMP datagram sockets read the ICMP message without
// its IP header; a UDP socket's error queue (IP_RECVERR) hands over the
// ICMP type and code, the sender, the destination the probe went to and
// the probe's payload, digested by the kernel; a raw IPv6 TCP socket reads
// the segment alone. The functions here rebuild the datagram the network
// carried from those parts, with the real addresses (the sender, our
// source, the probe's destination), the ports and payload the probe went
// with, and the TTL when the socket reported one (0 when not: nothing
// matches on it). A rebuilt quote says nothing of what the router saw of
// the probe (reply.rebuilt).

// answerType reports whether an ICMP message of type t and code c can
// answer a probe at all (codec's rule, via classify), and for an echo
// reply whether the method sends echo requests: a reader posts nothing
// else, so that other ICMP traffic on the host never reaches the engine.
func answerType(fam codec.Family, icmp []byte, wantEcho bool) bool {
	if len(icmp) < 2 {
		return false
	}
	t, c := codec.Type(icmp[0]), codec.Code(icmp[1])
	if _, _, ok := classify(fam, t, c, 0); !ok {
		return false
	}
	return wantEcho || codec.KindOf(fam, t) != codec.KindEcho
}

// icmpDatagram is an ICMP message as the IP datagram that carried it from
// `from` to `to` (a fresh slice).
func icmpDatagram(fam codec.Family, from, to netip.Addr, ttl int, icmp []byte) []byte {
	return ipWrap(make([]byte, 0, ipv6HeaderLen+len(icmp)), fam, fam.Protocol(), from, to, max(min(ttl, 255), 0), icmp)
}

// rawAnswer turns what a raw ICMP socket read into the datagram the
// matcher reads: an IPv4 socket gives it whole (copied: the reader reuses
// its buffer), an IPv6 one gives the message alone, from `from` to local.
// ok is false for messages that answer no probe.
func rawAnswer(fam codec.Family, data []byte, from, local netip.Addr, ttl int, wantEcho bool) ([]byte, bool) {
	if fam == codec.IPv4 {
		pk, _ := codec.DecodeIP(data)
		if !pk.HasICMP || !answerType(fam, pk.Payload, wantEcho) {
			return nil, false
		}
		return append([]byte(nil), data...), true
	}
	if !answerType(fam, data, wantEcho) {
		return nil, false
	}
	return icmpDatagram(fam, from, local, ttl, data), true
}

// errQueueAnswer rebuilds the ICMP error a UDP socket's error queue
// digested: from offender to local, of type t and code c (info is the
// kernel's ee_info: the next-hop MTU, or the pointer, as the type has it),
// quoting the probe as it left: our source and port to origDst and dport,
// with its payload, the checksum computed as the kernel did. The quoted
// TTL is unknown (0).
func errQueueAnswer(fam codec.Family, offender, local, origDst netip.Addr, sport, dport uint16,
	t codec.Type, c codec.Code, info uint32, payload []byte) []byte {
	seg := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: sport, DstPort: dport}, payload, local, origDst)
	quote := ipWrap(nil, fam, codec.ProtoUDP, local, origDst, 0, seg)
	msg := codec.Append(nil, codec.Header{Family: fam, Type: t, Code: c, Src: offender, Dst: local},
		codec.ErrorBody{MTU: info, Pointer: info, Quote: quote})
	return icmpDatagram(fam, offender, local, 0, msg)
}

// udpAnswer is a datagram from an open port of the target back to a probe
// socket, as the network carried it.
func udpAnswer(fam codec.Family, from, local netip.Addr, sport, dport uint16, payload []byte) []byte {
	seg := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: sport, DstPort: dport}, payload, from, local)
	return ipWrap(nil, fam, codec.ProtoUDP, from, local, 0, seg)
}
