package codec

import "net/netip"

// IPv6 header (RFC 8200 3):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|Version| Traffic Class |           Flow Label                  |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|         Payload Length        |  Next Header  |   Hop Limit   |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                                                               |
//	+                         Source Address                        +
//	|                          (16 bytes)                           |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                                                               |
//	+                      Destination Address                      +
//	|                          (16 bytes)                           |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Exported, untyped, for the same readers as the IPv4 offsets.
const (
	IPv6VersionClassFlowOffset = 0 // 4 bits version, 8 traffic class, 20 flow label
	IPv6PayloadLengthOffset    = 4
	IPv6NextHeaderOffset       = 6
	IPv6HopLimitOffset         = 7
	IPv6SrcOffset              = 8
	IPv6DstOffset              = 24
	IPv6HeaderLen              = 40
)

// IPv6 extension header sizes (RFC 8200 4).
const (
	ipv6FragHdrLen  = 8
	ipv6ExtMinLen   = 8
	ipv6MaxExtChain = 64 // more extension headers than this is an attack, not a packet
)

const ipv6AddrLen = 16

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

// PseudoDst is the destination address for upper-layer checksums: the final
// destination of a routing header, else Dst.
func (h IPv6Header) PseudoDst() netip.Addr {
	if h.FinalDst.IsValid() {
		return h.FinalDst
	}
	return h.Dst
}

// ParseIPv6 parses an IPv6 header, walks its extension headers (hop-by-hop,
// routing, fragment, destination options, AH; it stops at any other) and
// returns the upper-layer payload. A routing header with segments left sets
// FinalDst. A non-first fragment stops the walk at the
// fragment header: what follows is not a header (see FragOff).
//
// When Payload Length promises more bytes than b holds, the header and the
// bytes present are returned with an ErrTruncated *ParseError. A Payload
// Length of 0 (a jumbogram, RFC 2675, or a capture taken before
// segmentation offload) means to the end of b.
func ParseIPv6(b []byte) (h IPv6Header, payload []byte, err error) {
	payload, err = parseIPv6(&h, b)
	return h, payload, err
}

// parseIPv6 is ParseIPv6 filling a zero h in place.
func parseIPv6(h *IPv6Header, b []byte) ([]byte, error) {
	if err := parseIPv6Into(h, b); err != nil {
		if h.UpperOff > 0 && h.UpperOff <= len(b) {
			return b[h.UpperOff:], err
		}
		return nil, err
	}
	end := IPv6HeaderLen + int(h.PayloadLen)
	if h.PayloadLen == 0 {
		end = len(b) // a jumbogram, or a capture taken before segmentation offload
	}
	if end > len(b) {
		return b[h.UpperOff:], truncated("IPv6", len(b), phrase(phIPv6Datagram, end), len(b))
	}
	return b[h.UpperOff:end], nil
}

// parseIPv6Header reads the fixed header and walks the extension headers
// within the bytes present and the payload length.
func parseIPv6Header(b []byte) (h IPv6Header, err error) {
	err = parseIPv6Into(&h, b)
	return h, err
}

// parseIPv6Into is parseIPv6Header filling a zero h in place.
func parseIPv6Into(h *IPv6Header, b []byte) error {
	if len(b) < IPv6HeaderLen {
		return truncated("IPv6", len(b), phrase(phIPv6Header), len(b))
	}
	if v := b[0] >> 4; v != 6 {
		return malformed("IPv6", 0, phrase(phVersion, 6), phrase(phVersion, int(v)))
	}
	vtf := be32(b[IPv6VersionClassFlowOffset:])
	h.TrafficClass = uint8(vtf >> 20)
	h.FlowLabel = vtf & 0xfffff
	h.PayloadLen = be16(b[IPv6PayloadLengthOffset:])
	h.NextHeader = b[IPv6NextHeaderOffset]
	h.HopLimit = b[IPv6HopLimitOffset]
	h.Src = addr16(b[IPv6SrcOffset:IPv6DstOffset])
	h.Dst = addr16(b[IPv6DstOffset:IPv6HeaderLen])
	limit := IPv6HeaderLen + int(h.PayloadLen)
	if limit > len(b) || h.PayloadLen == 0 {
		limit = len(b)
	}
	next, off := h.NextHeader, IPv6HeaderLen
	for range ipv6MaxExtChain {
		h.Upper, h.UpperOff = next, off
		var n int
		switch next {
		case ProtoHopByHop, ProtoRouting, ProtoDstOpts:
			if limit-off < 2 {
				return truncated("IPv6", limit, phrase(phIPv6ExtAt, off), limit-off)
			}
			n = (int(b[off+1]) + 1) * 8
		case ProtoAH:
			if limit-off < 2 {
				return truncated("IPv6", limit, phrase(phIPv6AuthAt, off), limit-off)
			}
			n = (int(b[off+1]) + 2) * 4
		case ProtoFragment:
			n = ipv6FragHdrLen
		default:
			return nil
		}
		if limit-off < n {
			return truncated("IPv6", limit, phrase(phIPv6ExtSizedAt, n, off), limit-off)
		}
		if next == ProtoRouting {
			finalDst(h, b[off:off+n])
		}
		if next == ProtoFragment {
			fo := be16(b[off+2:])
			h.Fragmented = true
			h.FragOff = fo >> 3
			h.MoreFrags = fo&1 != 0
			h.FragID = be32(b[off+4:])
			if h.FragOff != 0 {
				h.Upper, h.UpperOff = b[off], off+n
				return nil
			}
		}
		next = b[off]
		off += n
	}
	return malformed("IPv6", off, phrase(phIPv6ExtMax, 64), phrase(phMore))
}

// AppendHeader appends the 40-byte fixed header; extension headers are the
// caller's to append. Payload Length and Next Header are written as given.
func (h IPv6Header) AppendHeader(dst []byte) []byte {
	vtf := 6<<28 | uint32(h.TrafficClass)<<20 | h.FlowLabel&0xfffff
	dst = append(dst, byte(vtf>>24), byte(vtf>>16), byte(vtf>>8), byte(vtf),
		byte(h.PayloadLen>>8), byte(h.PayloadLen), h.NextHeader, h.HopLimit)
	dst = appendAddr16(dst, h.Src)
	return appendAddr16(dst, h.Dst)
}

// appendAddr16 appends an address as 16 bytes (:: when unset).
func appendAddr16(dst []byte, a netip.Addr) []byte {
	if !a.IsValid() {
		var z [16]byte
		return append(dst, z[:]...)
	}
	v := a.As16()
	return append(dst, v[:]...)
}

// Routing header types whose address list ends at the final destination.
const (
	routingType0   = 0 // RFC 2460, deprecated but still captured
	routingType2   = 2 // Mobile IPv6 (RFC 6275)
	routingTypeSRH = 4 // segment routing (RFC 8754): Segment List[0] is last
)

// finalDst records the final destination a routing header names when it has
// segments left (RFC 8200 8.1).
func finalDst(h *IPv6Header, rh []byte) {
	if len(rh) < 8 || rh[3] == 0 { // no segments left: Dst is final
		return
	}
	addrs := rh[8:]
	switch rh[2] {
	case routingType0, routingType2:
		if n := len(addrs) / ipv6AddrLen; n > 0 {
			h.FinalDst = addr16(addrs[(n-1)*ipv6AddrLen:])
		}
	case routingTypeSRH:
		if len(addrs) >= ipv6AddrLen {
			h.FinalDst = addr16(addrs)
		}
	}
}
