package codec

import "net/netip"

// Body is a typed message body that can be appended to a buffer: everything
// after the 4-byte type/code/checksum header. Every view type below is also a
// Body, so a parsed message can be marshalled back byte for byte and a new one
// built from fields.
type Body interface {
	// Len is the number of bytes AppendBody writes.
	Len() int
	// AppendBody appends the body bytes to b and returns the extended slice.
	AppendBody(b []byte) []byte
}

// Header is what Append needs besides the body. For ICMPv6, Src and Dst feed
// the pseudo-header checksum; when they are zero the checksum is left 0 for
// the kernel to fill (raw and datagram ICMPv6 sockets always do).
type Header struct {
	Family   Family
	Type     Type
	Code     Code
	Src, Dst netip.Addr
	// Checksum is written as given instead of computed when KeepChecksum is
	// set: Message.Header sets both, so that a captured message, bad
	// checksum included, marshals back byte for byte.
	Checksum     uint16
	KeepChecksum bool
}

// Append appends a whole ICMP message (header, body, checksum) to dst without
// allocating when dst has room. Bodies whose layout depends on the type (an
// ErrorBody's word after the header, NDP's fixed part) take it from h.
func Append[B Body](dst []byte, h Header, body B) []byte {
	start := len(dst)
	dst = append(dst, byte(h.Type), byte(h.Code), 0, 0)
	switch v := any(body).(type) {
	case ErrorBody:
		v.form = errForm{h.Family, h.Type, h.Code}
		dst = v.AppendBody(dst)
	case NDP:
		if k := kindOf(h.Family, h.Type); isNDPKind(k) {
			v.kind = k
		}
		dst = v.AppendBody(dst)
	default:
		dst = body.AppendBody(dst)
	}
	msg := dst[start:]
	switch {
	case h.KeepChecksum:
		put16(msg[2:], h.Checksum)
	case h.Family == IPv6:
		if h.Src.Is6() && h.Dst.Is6() {
			s := PseudoHeaderSum(h.Src, h.Dst, ProtoICMPv6, len(msg))
			s.Add(msg)
			put16(msg[2:], s.Fold())
		}
	default:
		put16(msg[2:], Checksum(msg))
	}
	return dst
}

// RawBody is the body of a message of unknown or undecoded type.
type RawBody []byte

// Len is the number of body bytes AppendBody writes.
func (r RawBody) Len() int { return len(r) }

// AppendBody appends the bytes as they are.
func (r RawBody) AppendBody(b []byte) []byte { return append(b, r...) }
