package codec

import "net/netip"

// UDP header (RFC 768):
//
//	 0      7 8     15 16    23 24    31
//	+--------+--------+--------+--------+
//	|     Source      |   Destination   |
//	|      Port       |      Port       |
//	+--------+--------+--------+--------+
//	|     Length      |    Checksum     |
//	+--------+--------+--------+--------+
//
// Exported, untyped, for whoever reads the header by hand (the dissector).
const (
	UDPSrcPortOffset  = 0
	UDPDstPortOffset  = 2
	UDPLengthOffset   = 4
	UDPChecksumOffset = 6
	UDPHeaderLen      = 8
)

// TCP header (RFC 9293 3.1):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|          Source Port          |       Destination Port        |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                        Sequence Number                        |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                    Acknowledgment Number                      |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  Data |       |C|E|U|A|P|R|S|F|                               |
//	| Offset| Rsrvd |W|C|R|C|S|S|Y|I|            Window             |
//	|       |       |R|E|G|K|H|T|N|N|                               |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|           Checksum            |         Urgent Pointer        |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                           [Options]                           |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
const (
	TCPSrcPortOffset      = 0
	TCPDstPortOffset      = 2
	TCPSeqOffset          = 4
	TCPAckOffset          = 8
	TCPDataOffFlagsOffset = 12 // 4 bits data offset, 12 bits of flags (the top 3 reserved, AE among them)
	TCPWindowOffset       = 14
	TCPChecksumOffset     = 16
	TCPUrgentOffset       = 18
	TCPMinHeaderLen       = 20
	TCPMaxHeaderLen       = 60
)

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

// ParseUDP parses a UDP header and returns the payload its Length field
// delimits. A Length of 0 (a jumbogram, RFC 2675) means to the end of b; a
// Length past the end returns the bytes present and ErrTruncated.
func ParseUDP(b []byte) (UDPHeader, []byte, error) {
	var h UDPHeader
	if len(b) < UDPHeaderLen {
		return h, nil, truncated("UDP", len(b), phrase(phUDPHeader), len(b))
	}
	h = UDPHeader{SrcPort: be16(b[UDPSrcPortOffset:]), DstPort: be16(b[UDPDstPortOffset:]),
		Length: be16(b[UDPLengthOffset:]), Checksum: be16(b[UDPChecksumOffset:])}
	n := int(h.Length)
	switch {
	case n == 0:
		return h, b[UDPHeaderLen:], nil
	case n < UDPHeaderLen:
		return h, b[UDPHeaderLen:], malformed("UDP", UDPLengthOffset, phrase(phUDPLengthMin), phrase(phNumber, n))
	case n > len(b):
		return h, b[UDPHeaderLen:], truncated("UDP", len(b), phrase(phUDPDatagram, n), len(b))
	}
	return h, b[UDPHeaderLen:n], nil
}

// ParseTCP parses a TCP header with its options and returns the payload.
func ParseTCP(b []byte) (TCPHeader, []byte, error) {
	var h TCPHeader
	if len(b) < TCPMinHeaderLen {
		return h, nil, truncated("TCP", len(b), phrase(phTCPHeader), len(b))
	}
	h = TCPHeader{
		SrcPort: be16(b[TCPSrcPortOffset:]), DstPort: be16(b[TCPDstPortOffset:]),
		Seq: be32(b[TCPSeqOffset:]), Ack: be32(b[TCPAckOffset:]),
		DataOff:  b[TCPDataOffFlagsOffset] >> 4,
		Flags:    uint16(b[TCPDataOffFlagsOffset]&1)<<8 | uint16(b[TCPDataOffFlagsOffset+1]),
		Window:   be16(b[TCPWindowOffset:]),
		Checksum: be16(b[TCPChecksumOffset:]),
		Urgent:   be16(b[TCPUrgentOffset:]),
	}
	hl := int(h.DataOff) * 4
	if hl < TCPMinHeaderLen {
		return h, nil, malformed("TCP", TCPDataOffFlagsOffset, phrase(phDataOffsetMin), phrase(phWords, int(h.DataOff)))
	}
	if len(b) < hl {
		return h, nil, truncated("TCP", len(b), phrase(phHeaderWithOptions, hl), len(b))
	}
	h.Options = b[TCPMinHeaderLen:hl]
	return h, b[hl:], nil
}

// AppendUDP appends a UDP header and payload. Length is computed when h
// leaves it 0. With both addresses valid the checksum is computed over the
// pseudo-header (0 is sent as 0xffff, RFC 768); otherwise h.Checksum is
// written as given.
func AppendUDP(dst []byte, h UDPHeader, payload []byte, src, dstAddr netip.Addr) []byte {
	start := len(dst)
	n := h.Length
	if n == 0 {
		n = uint16(UDPHeaderLen + len(payload))
	}
	dst = append(dst, byte(h.SrcPort>>8), byte(h.SrcPort), byte(h.DstPort>>8), byte(h.DstPort),
		byte(n>>8), byte(n), byte(h.Checksum>>8), byte(h.Checksum))
	dst = append(dst, payload...)
	if src.IsValid() && dstAddr.IsValid() {
		// A computed 0 is sent as 0xffff: 0 means "no checksum" (RFC 768).
		fillChecksum(dst[start:], UDPChecksumOffset, ProtoUDP, src, dstAddr, true)
	}
	return dst
}

// AppendTCP appends a TCP header, its options (padded with zeros to a 32-bit
// boundary) and payload. Data Offset follows from the options. With both
// addresses valid the checksum is computed; otherwise h.Checksum is written.
func AppendTCP(dst []byte, h TCPHeader, payload []byte, src, dstAddr netip.Addr) []byte {
	start := len(dst)
	opts := h.Options
	if len(opts) > TCPMaxHeaderLen-TCPMinHeaderLen {
		opts = opts[:TCPMaxHeaderLen-TCPMinHeaderLen]
	}
	hl := TCPMinHeaderLen + (len(opts)+3)/4*4
	dst = append(dst, byte(h.SrcPort>>8), byte(h.SrcPort), byte(h.DstPort>>8), byte(h.DstPort),
		byte(h.Seq>>24), byte(h.Seq>>16), byte(h.Seq>>8), byte(h.Seq),
		byte(h.Ack>>24), byte(h.Ack>>16), byte(h.Ack>>8), byte(h.Ack),
		byte(hl/4)<<4|byte(h.Flags>>8)&1, byte(h.Flags),
		byte(h.Window>>8), byte(h.Window), byte(h.Checksum>>8), byte(h.Checksum),
		byte(h.Urgent>>8), byte(h.Urgent))
	dst = append(dst, opts...)
	dst = appendZeros(dst, hl-TCPMinHeaderLen-len(opts))
	dst = append(dst, payload...)
	if src.IsValid() && dstAddr.IsValid() {
		fillChecksum(dst[start:], TCPChecksumOffset, ProtoTCP, src, dstAddr, false)
	}
	return dst
}

// fillChecksum writes the checksum of a UDP or TCP segment over the IP
// pseudo-header at ckOff; zeroAsFFFF sends a computed 0 as 0xffff.
func fillChecksum(seg []byte, ckOff int, proto uint8, src, dst netip.Addr, zeroAsFFFF bool) {
	put16(seg[ckOff:], 0)
	s := PseudoHeaderSum(src, dst, proto, len(seg))
	s.Add(seg)
	c := s.Fold()
	if c == 0 && zeroAsFFFF {
		c = 0xffff
	}
	put16(seg[ckOff:], c)
}
