package trace

import (
	"encoding/binary"
	"net/netip"

	"icmplab/codec"
)

// Probe payloads carry the probe's table index in their first two bytes, so
// that the error-queue path (which returns the probe's payload, not its
// headers) can tell probes of one Paris flow apart. The next two bytes are
// the Paris compensation word.
const (
	payIndex = 0
	payComp  = 2
)

// udpParisPayload fills payload so that the UDP checksum of the datagram
// (src:sport -> dst:dport) comes out as want: the Paris traceroute trick
// that keeps the five-tuple constant, so ECMP routers hash every probe the
// same way, while the checksum, which routers quote, names the probe. want
// must not be 0 or 0xffff (both mean "zero" in one's complement).
func udpParisPayload(payload []byte, index uint16, want uint16, src, dst netip.Addr, sport, dport uint16) {
	clear(payload)
	binary.BigEndian.PutUint16(payload[payIndex:], index)
	seg := codec.AppendUDP(make([]byte, 0, 8+len(payload)), codec.UDPHeader{SrcPort: sport, DstPort: dport}, payload, netip.Addr{}, netip.Addr{})
	s := codec.PseudoHeaderSum(src, dst, codec.ProtoUDP, len(seg))
	s.Add(seg)
	// Fold gives ~sum; the word c makes ~(sum+c) == want.
	c := codec.OnesAdd(^want, s.Fold())
	binary.BigEndian.PutUint16(payload[payComp:], c)
}

// udpChecksum is the checksum the kernel will compute for the datagram.
func udpChecksum(payload []byte, src, dst netip.Addr, sport, dport uint16) uint16 {
	seg := codec.AppendUDP(make([]byte, 0, 8+len(payload)), codec.UDPHeader{SrcPort: sport, DstPort: dport}, payload, src, dst)
	return binary.BigEndian.Uint16(seg[codec.UDPChecksumOffset:])
}

// parisICMPConst is the constant that sequence number plus compensation
// word add up to in Paris ICMP mode, so the echo request's checksum is the
// same for every probe of a flow.
const parisICMPConst = 0x5a5a

// icmpParisPayload fills payload so that sequence, index and compensation
// add up to a constant: the ICMP checksum, which some load balancers hash,
// then never changes.
func icmpParisPayload(payload []byte, index, seq uint16) {
	clear(payload)
	binary.BigEndian.PutUint16(payload[payIndex:], index)
	binary.BigEndian.PutUint16(payload[payComp:], codec.OnesAdd(parisICMPConst, codec.OnesAdd(^seq, ^index)))
}

// plainPayload carries only the index.
func plainPayload(payload []byte, index uint16) {
	clear(payload)
	binary.BigEndian.PutUint16(payload[payIndex:], index)
}
