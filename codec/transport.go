package codec

import "net/netip"

// UDP and TCP header sizes.
const (
	udpHeaderLen    = 8
	tcpMinHeaderLen = 20
	tcpMaxHeaderLen = 60
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
	if len(b) < udpHeaderLen {
		return h, nil, truncated("UDP", len(b), "8-byte UDP header", len(b))
	}
	h = UDPHeader{SrcPort: be16(b), DstPort: be16(b[2:]), Length: be16(b[4:]), Checksum: be16(b[6:])}
	n := int(h.Length)
	switch {
	case n == 0:
		return h, b[udpHeaderLen:], nil
	case n < udpHeaderLen:
		return h, b[udpHeaderLen:], malformed("UDP", 4, "length of at least 8", itoa(n))
	case n > len(b):
		return h, b[udpHeaderLen:], truncated("UDP", len(b), "datagram of "+nbytes(n)+" (length)", len(b))
	}
	return h, b[udpHeaderLen:n], nil
}

// ParseTCP parses a TCP header with its options and returns the payload.
func ParseTCP(b []byte) (TCPHeader, []byte, error) {
	var h TCPHeader
	if len(b) < tcpMinHeaderLen {
		return h, nil, truncated("TCP", len(b), "20-byte TCP header", len(b))
	}
	h = TCPHeader{
		SrcPort: be16(b), DstPort: be16(b[2:]),
		Seq: be32(b[4:]), Ack: be32(b[8:]),
		DataOff:  b[12] >> 4,
		Flags:    uint16(b[12]&1)<<8 | uint16(b[13]),
		Window:   be16(b[14:]),
		Checksum: be16(b[16:]),
		Urgent:   be16(b[18:]),
	}
	hl := int(h.DataOff) * 4
	if hl < tcpMinHeaderLen {
		return h, nil, malformed("TCP", 12, "data offset of at least 5 words", itoa(int(h.DataOff))+" words")
	}
	if len(b) < hl {
		return h, nil, truncated("TCP", len(b), nbytes(hl)+" header with options", len(b))
	}
	h.Options = b[tcpMinHeaderLen:hl]
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
		n = uint16(udpHeaderLen + len(payload))
	}
	dst = append(dst, byte(h.SrcPort>>8), byte(h.SrcPort), byte(h.DstPort>>8), byte(h.DstPort),
		byte(n>>8), byte(n), byte(h.Checksum>>8), byte(h.Checksum))
	dst = append(dst, payload...)
	if src.IsValid() && dstAddr.IsValid() {
		seg := dst[start:]
		put16(seg[6:], 0)
		s := PseudoHeaderSum(src, dstAddr, ProtoUDP, len(seg))
		s.Add(seg)
		c := s.Fold()
		if c == 0 {
			c = 0xffff
		}
		put16(seg[6:], c)
	}
	return dst
}

// AppendTCP appends a TCP header, its options (padded with zeros to a 32-bit
// boundary) and payload. Data Offset follows from the options. With both
// addresses valid the checksum is computed; otherwise h.Checksum is written.
func AppendTCP(dst []byte, h TCPHeader, payload []byte, src, dstAddr netip.Addr) []byte {
	start := len(dst)
	opts := h.Options
	if len(opts) > tcpMaxHeaderLen-tcpMinHeaderLen {
		opts = opts[:tcpMaxHeaderLen-tcpMinHeaderLen]
	}
	hl := tcpMinHeaderLen + (len(opts)+3)/4*4
	dst = append(dst, byte(h.SrcPort>>8), byte(h.SrcPort), byte(h.DstPort>>8), byte(h.DstPort),
		byte(h.Seq>>24), byte(h.Seq>>16), byte(h.Seq>>8), byte(h.Seq),
		byte(h.Ack>>24), byte(h.Ack>>16), byte(h.Ack>>8), byte(h.Ack),
		byte(hl/4)<<4|byte(h.Flags>>8)&1, byte(h.Flags),
		byte(h.Window>>8), byte(h.Window), byte(h.Checksum>>8), byte(h.Checksum),
		byte(h.Urgent>>8), byte(h.Urgent))
	dst = append(dst, opts...)
	dst = appendZeros(dst, hl-tcpMinHeaderLen-len(opts))
	dst = append(dst, payload...)
	if src.IsValid() && dstAddr.IsValid() {
		seg := dst[start:]
		put16(seg[16:], 0)
		s := PseudoHeaderSum(src, dstAddr, ProtoTCP, len(seg))
		s.Add(seg)
		put16(seg[16:], s.Fold())
	}
	return dst
}
