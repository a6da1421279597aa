package codec

import "net/netip"

// FlowKey identifies the probe an ICMP error refers to, from the datagram it
// quotes. Traceroute matches errors to probes with it and the capture views
// explain errors with it; both call QuotedFlow, the one place this is decoded.
type FlowKey struct {
	Family   Family // of the quoted datagram
	Proto    uint8  // upper protocol of the quoted datagram
	Src, Dst netip.Addr
	// UDP and TCP.
	SrcPort, DstPort uint16
	// ICMP echo (and extended echo) quoted: identifier and sequence.
	ICMPType Type
	ICMPCode Code
	ID, Seq  uint16
	// UDP checksum as quoted: Paris traceroute encodes the probe number here.
	UDPChecksum uint16
	// TCP sequence number as quoted (first 8 bytes of TCP carry it).
	TCPSeq uint32
	// IPv4 identification, or the low 16 bits of the IPv6 flow label.
	IPID      uint16
	FlowLabel uint32
	// What the quoted header says of the probe on its way: TTL (hop limit)
	// left at the reporting router, and TOS (traffic class), to show rewriting.
	TTL uint8
	TOS uint8
	// Complete is false when the quote ended before the transport fields.
	Complete bool
}
