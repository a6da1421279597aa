package codec

import "net/netip"

// IPv4Header is a parsed IPv4 header (RFC 791).
type IPv4Header struct {
	IHL         uint8 // header length in 32-bit words
	TOS         uint8 // DSCP (6 bits) and ECN (2 bits)
	TotalLength uint16
	ID          uint16
	Flags       uint8  // 3 bits: reserved, DF, MF
	FragOff     uint16 // in 8-byte units
	TTL         uint8
	Protocol    uint8
	Checksum    uint16
	Sum         ChecksumCheck
	Src, Dst    netip.Addr
	Options     []byte
}

// IPv4 flag bits as they sit in IPv4Header.Flags.
const (
	IPv4FlagEvil uint8 = 4 // reserved bit (RFC 3514, in jest)
	IPv4FlagDF   uint8 = 2
	IPv4FlagMF   uint8 = 1
)

// IPv6Header is a parsed IPv6 fixed header (RFC 8200) plus what walking its
// extension headers found.
type IPv6Header struct {
	TrafficClass uint8
	FlowLabel    uint32
	PayloadLen   uint16
	NextHeader   uint8
	HopLimit     uint8
	Src, Dst     netip.Addr
	// Upper is the protocol after the extension headers, and UpperOff its
	// offset from the start of the IPv6 header.
	Upper    uint8
	UpperOff int
	// FinalDst is the last address of a routing header with segments left
	// (type 0, type 2, or the first of a segment routing header's list):
	// the destination the ICMPv6 pseudo-header uses (RFC 8200 8.1). Zero
	// when there is no such header; see PseudoDst.
	FinalDst netip.Addr
	// Fragment header, if any.
	Fragmented bool
	FragOff    uint16 // in 8-byte units
	MoreFrags  bool
	FragID     uint32
}

// UDPHeader is a UDP header (RFC 768).
type UDPHeader struct {
	SrcPort, DstPort uint16
	Length           uint16
	Checksum         uint16
}

// TCPHeader holds the first 20 bytes of a TCP header (RFC 9293); options are
// kept raw.
type TCPHeader struct {
	SrcPort, DstPort uint16
	Seq, Ack         uint32
	DataOff          uint8  // in 32-bit words
	Flags            uint16 // 9 bits: NS CWR ECE URG ACK PSH RST SYN FIN (RFC 3540 layout)
	Window           uint16
	Checksum         uint16
	Urgent           uint16
	Options          []byte
}

// TCP flag bits in TCPHeader.Flags.
const (
	TCPFlagFIN uint16 = 1 << iota
	TCPFlagSYN
	TCPFlagRST
	TCPFlagPSH
	TCPFlagACK
	TCPFlagURG
	TCPFlagECE
	TCPFlagCWR
	TCPFlagAE // formerly NS
)

// PseudoDst is the destination address for upper-layer checksums: the final
// destination of a routing header, else Dst.
func (h IPv6Header) PseudoDst() netip.Addr {
	if h.FinalDst.IsValid() {
		return h.FinalDst
	}
	return h.Dst
}
