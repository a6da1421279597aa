package codec

import (
	"encoding/binary"
	"net/netip"
)

// IPv4 header (RFC 791 3.1):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|Version|  IHL  |Type of Service|          Total Length         |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|         Identification        |Flags|      Fragment Offset    |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  Time to Live |    Protocol   |         Header Checksum       |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                       Source Address                          |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                    Destination Address                        |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                    Options                    |    Padding    |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// The offsets are exported so that whoever reads a header by hand (the
// dissector drawing each field's bytes, socket filters loading the header
// length with BPF's "ldx 4*([k]&0xf)") names them from this one diagram.
// They are untyped on purpose: a byte index (int) in Go code and a BPF load
// offset (uint32) both take them without a conversion.
const (
	IPv4VersionIHLOffset  = 0
	IPv4TOSOffset         = 1
	IPv4TotalLengthOffset = 2
	IPv4IDOffset          = 4
	IPv4FlagsFragOffset   = 6 // 3 bits of flags, 13 of fragment offset
	IPv4TTLOffset         = 8
	IPv4ProtocolOffset    = 9
	IPv4ChecksumOffset    = 10
	IPv4SrcOffset         = 12
	IPv4DstOffset         = 16
	IPv4MinHeaderLen      = 20
	IPv4MaxHeaderLen      = 60
)

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

// ParseIPv4 parses an IPv4 header and returns it with the payload it
// delimits (trailing link-layer padding beyond Total Length is dropped; a
// Total Length of 0, as captures taken before segmentation offload show,
// means to the end of b). The
// header checksum verdict is in Sum; a bad one is not an error.
//
// When Total Length promises more bytes than b holds (a short capture, the
// datagram an ICMP error quotes) the header and the bytes present are
// returned with an ErrTruncated *ParseError.
func ParseIPv4(b []byte) (h IPv4Header, payload []byte, err error) {
	payload, err = parseIPv4(&h, b)
	return h, payload, err
}

// parseIPv4 is ParseIPv4 filling h in place.
func parseIPv4(h *IPv4Header, b []byte) ([]byte, error) {
	hl, err := parseIPv4Header(h, b)
	if err != nil {
		return nil, err
	}
	tl := int(h.TotalLength)
	if tl == 0 {
		// Captured before segmentation offload (TSO): the kernel fills the
		// length in later. Wireshark reads to the end of the capture too.
		return b[hl:], nil
	}
	if tl < hl {
		return b[hl:], badLength("IPv4", 2, phrase(phTotalLengthMin, hl), bytesFound(tl))
	}
	if tl > len(b) {
		return b[hl:], truncated("IPv4", len(b), phrase(phIPv4Datagram, tl), len(b))
	}
	return b[hl:tl], nil
}

// parseIPv4Header reads the fixed header and options into h and verifies
// the header checksum; it returns the header length in bytes.
func parseIPv4Header(h *IPv4Header, b []byte) (int, error) {
	if len(b) < IPv4MinHeaderLen {
		return 0, truncated("IPv4", len(b), phrase(phIPv4Header), len(b))
	}
	if v := b[IPv4VersionIHLOffset] >> 4; v != 4 {
		return 0, malformed("IPv4", 0, phrase(phVersion, 4), phrase(phVersion, int(v)))
	}
	h.IHL = b[IPv4VersionIHLOffset] & 0x0f
	hl := int(h.IHL) * 4
	if hl < IPv4MinHeaderLen {
		return 0, malformed("IPv4", 0, phrase(phHeaderWordsMin, 5), phrase(phWords, int(h.IHL)))
	}
	_ = b[19]
	h.TOS = b[IPv4TOSOffset]
	h.TotalLength = be16(b[IPv4TotalLengthOffset:])
	h.ID = be16(b[IPv4IDOffset:])
	h.Flags = b[IPv4FlagsFragOffset] >> 5
	h.FragOff = be16(b[IPv4FlagsFragOffset:]) & 0x1fff
	h.TTL = b[IPv4TTLOffset]
	h.Protocol = b[IPv4ProtocolOffset]
	h.Checksum = be16(b[IPv4ChecksumOffset:])
	h.Src = addr4(b[IPv4SrcOffset:])
	h.Dst = addr4(b[IPv4DstOffset:])
	if len(b) < hl {
		return 0, truncated("IPv4", len(b), phrase(phHeaderWithOptions, hl), len(b))
	}
	h.Options = b[IPv4MinHeaderLen:hl]
	if hl == IPv4MinHeaderLen {
		// The usual header: five 32-bit words summed without a loop.
		var s Sum
		s.acc = uint64(be32(b)) + uint64(be32(b[4:])) + uint64(be32(b[8:])) + uint64(be32(b[12:])) + uint64(be32(b[16:]))
		if s.fold() == 0 {
			h.Sum = ChecksumCheck{Status: ChecksumGood, Want: h.Checksum}
		} else {
			h.Sum = badChecksum(Sum{}, b[:hl], IPv4ChecksumOffset)
		}
		return hl, nil
	}
	h.Sum = verifyAt(Sum{}, b[:hl], IPv4ChecksumOffset)
	return hl, nil
}

// AppendHeader appends the header. IHL follows from Options (padded with
// zeros to a 32-bit boundary, at most 40 bytes); Total Length is written as
// given. The checksum is computed, except that a parsed header keeps the
// value found when it was bad, so that a capture reproduces byte for byte.
func (h IPv4Header) AppendHeader(dst []byte) []byte {
	opts := h.Options
	if len(opts) > IPv4MaxHeaderLen-IPv4MinHeaderLen {
		opts = opts[:IPv4MaxHeaderLen-IPv4MinHeaderLen]
	}
	hl := IPv4MinHeaderLen + (len(opts)+3)/4*4
	// The five words are computed, summed and written as words: reading
	// back bytes just stored costs stalled loads.
	w0 := uint32(0x40|hl/4)<<24 | uint32(h.TOS)<<16 | uint32(h.TotalLength)
	w1 := uint32(h.ID)<<16 | uint32(h.Flags&7)<<13 | uint32(h.FragOff&0x1fff)
	w2 := uint32(h.TTL)<<24 | uint32(h.Protocol)<<16
	w3, w4 := addr4Word(h.Src), addr4Word(h.Dst)
	s := Sum{acc: uint64(w0) + uint64(w1) + uint64(w2) + uint64(w3) + uint64(w4)}
	s.add(opts)
	w2 |= uint32(keepOrCompute(h.Sum, h.Checksum, s.fold()))
	dst = binary.BigEndian.AppendUint32(dst, w0)
	dst = binary.BigEndian.AppendUint32(dst, w1)
	dst = binary.BigEndian.AppendUint32(dst, w2)
	dst = binary.BigEndian.AppendUint32(dst, w3)
	dst = binary.BigEndian.AppendUint32(dst, w4)
	dst = append(dst, opts...)
	return appendZeros(dst, hl-IPv4MinHeaderLen-len(opts))
}

// addr4Word is an IPv4 address as a big-endian word, 0 for anything else.
func addr4Word(a netip.Addr) uint32 {
	if a.Is4() || a.Is4In6() {
		v := a.As4()
		return binary.BigEndian.Uint32(v[:])
	}
	return 0
}

// appendAddr4 appends an IPv4 address, or 0.0.0.0 for anything else.
func appendAddr4(dst []byte, a netip.Addr) []byte {
	if a.Is4() || a.Is4In6() {
		v := a.As4()
		return append(dst, v[:]...)
	}
	return append(dst, 0, 0, 0, 0)
}
