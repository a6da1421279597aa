package codec

import "net/netip"

// The ICMP errors: destination unreachable, time exceeded, parameter
// problem, source quench, ICMPv4 redirect and ICMPv6 packet too big. They
// share one body, ErrorBody: a 32-bit word whose fields depend on the type
// (each type's file draws its layout), the quoted original datagram, and an
// RFC 4884 extension structure (extension_layout.go finds it).
//
// The RFC 4884 length field sits in the word after the header of the types
// that carry one: at byte 5 in ICMPv4 (32-bit words), byte 4 in ICMPv6
// (64-bit words).
const (
	error4LengthOff = 5
	error6LengthOff = 4
)

// ErrorBody is the body of an ICMP error: destination unreachable, time
// exceeded, parameter problem, source quench, ICMPv4 redirect and ICMPv6
// packet too big. The four bytes after the header mean different things per
// type; the named fields below hold them decoded, and Unused keeps the bits no
// field claims so that a round trip is exact.
type ErrorBody struct {
	// MTU is the next-hop MTU of ICMPv4 3/4 (RFC 1191, 16 bits) or ICMPv6 2 (32 bits).
	MTU uint32
	// Pointer is the parameter problem pointer (8 bits in ICMPv4, 32 in ICMPv6).
	Pointer uint32
	// Gateway is the ICMPv4 redirect's gateway address.
	Gateway netip.Addr
	// Length is the RFC 4884 length of the original datagram in 32-bit words
	// (ICMPv4) or 64-bit words (ICMPv6); 0 when the sender set none. Building
	// with RFC 4884 extensions, 0 means "compute it"; with the legacy layout
	// it is written as given.
	Length uint8
	// Unused holds the four bytes after the header as found, for the fields
	// above to be re-encoded over; builders may leave it zero.
	Unused [4]byte
	// Quote is the original datagram as carried, without the extension
	// structure. When extensions follow, the zero padding RFC 4884 adds is
	// left out as far as the quoted IP header's own length shows it to be
	// padding; zeros within that length stay (they cannot be told from data).
	// Building, a quote shorter than 128 bytes is padded to 128 again.
	Quote []byte
	// Ext is the RFC 4884 extension structure, if any.
	Ext Extensions

	form errForm // which message the four bytes after the header belong to
}

// errForm names the message an ErrorBody belongs to: the meaning of the four
// bytes after the header depends on family, type and code.
type errForm struct {
	fam  Family
	typ  Type
	code Code
}

// validateError checks an error message's fixed part and finds where its
// quote ends and any extension structure starts.
func validateError(m *Message) error {
	b := m.raw
	if len(b) < icmpFixedLen {
		return truncated(m.Family.String(), len(b), phrase(phErrorHeader), len(b))
	}
	if mayHoldExtensions(b) {
		findExtensions(m)
	}
	return nil
}

// lengthField returns the index of the RFC 4884 length byte for the message
// types that carry one (RFC 4884 section 4), and the unit it counts in.
func lengthField(f Family, t Type) (idx, word int, ok bool) {
	if f == IPv4 {
		switch t {
		case ICMPv4DestinationUnreachable, ICMPv4TimeExceeded, ICMPv4ParameterProblem:
			return error4LengthOff, 4, true
		}
		return 0, 0, false
	}
	switch t {
	case ICMPv6DestinationUnreachable, ICMPv6TimeExceeded:
		return error6LengthOff, 8, true
	}
	return 0, 0, false
}

// Error returns the body of an ICMP error message: the fields of the word
// after the header decoded for the message's type, the quoted datagram and
// any extension structure.
func (m Message) Error() (ErrorBody, bool) {
	if m.Kind != KindError || len(m.raw) < icmpFixedLen {
		return ErrorBody{}, false
	}
	b := m.raw
	e := ErrorBody{form: errForm{m.Family, m.Type, m.Code}}
	copy(e.Unused[:], b[icmpHeaderLen:icmpFixedLen])
	if idx, _, ok := lengthField(m.Family, m.Type); ok {
		e.Length = b[idx]
	}
	if m.Family == IPv4 {
		switch m.Type {
		case ICMPv4DestinationUnreachable:
			if ReportsMTU(m.Family, m.Type, m.Code) {
				e.MTU = uint32(be16(b[unreach4MTUOff:]))
			}
		case ICMPv4ParameterProblem:
			e.Pointer = uint32(b[paramProblem4PointerOff])
		case ICMPv4Redirect:
			e.Gateway = addr4(b[redirect4GatewayOff:])
		}
	} else {
		switch m.Type {
		case ICMPv6PacketTooBig:
			e.MTU = be32(b[tooBig6MTUOff:])
		case ICMPv6ParameterProblem:
			e.Pointer = be32(b[paramProblem6PointerOff:])
		}
	}
	end := m.quoteEnd
	if end < icmpFixedLen || end > len(b) {
		end = len(b)
	}
	e.Quote = b[icmpFixedLen:end]
	if m.ext.layout != ExtNone {
		e.Quote = trimPadding(e.Quote)
		e.Ext = extensionsAt(b, m.ext)
	}
	return e, true
}

// word is the unit of the RFC 4884 length field: 4 bytes in ICMPv4, 8 in ICMPv6.
func (e ErrorBody) word() int {
	if e.form.fam == IPv6 {
		return 8
	}
	return 4
}

// region is the size of the original-datagram field on the wire and the
// length field value to write for it.
func (e ErrorBody) region() (n int, length uint8) {
	if !e.Ext.Present() {
		return len(e.Quote), e.Length
	}
	if e.Ext.Layout == ExtLegacy {
		return extMinQuote, e.Length
	}
	w := e.word()
	if e.Length != 0 && int(e.Length)*w >= len(e.Quote) {
		return int(e.Length) * w, e.Length
	}
	n = (len(e.Quote) + w - 1) / w * w
	if n < extMinQuote {
		n = extMinQuote
	}
	if n > maxLengthWord*w {
		n = maxLengthWord * w
	}
	return n, uint8(n / w)
}

// Len is the number of body bytes AppendBody writes.
func (e ErrorBody) Len() int {
	n, _ := e.region()
	if e.Ext.Present() {
		n += extHeaderLen + len(e.Ext.ObjectBytes)
	}
	return 4 + n
}

// AppendBody appends the word after the header (Unused with the decoded
// fields written over it), the quote padded as RFC 4884 asks when extensions
// follow, and the extension structure. The meaning of that word depends on
// the message type: a body from Message.Error or one passed to Append knows
// it; a body built by hand and appended alone gets Gateway and MTU only.
func (e ErrorBody) AppendBody(b []byte) []byte {
	n, length := e.region()
	// u is the word after the header: a field at message offset off sits
	// at u[off-icmpHeaderLen].
	const w = icmpHeaderLen
	u := e.Unused
	f := e.form
	switch f.fam {
	case IPv4:
		switch f.typ {
		case ICMPv4DestinationUnreachable:
			u[error4LengthOff-w] = length
			if ReportsMTU(f.fam, f.typ, f.code) {
				put16(u[unreach4MTUOff-w:], uint16(e.MTU))
			}
		case ICMPv4TimeExceeded:
			u[error4LengthOff-w] = length
		case ICMPv4ParameterProblem:
			u[paramProblem4PointerOff-w] = byte(e.Pointer)
			u[error4LengthOff-w] = length
		case ICMPv4Redirect:
			if e.Gateway.Is4() {
				u = e.Gateway.As4()
			}
		}
	case IPv6:
		switch f.typ {
		case ICMPv6DestinationUnreachable, ICMPv6TimeExceeded:
			u[error6LengthOff-w] = length
		case ICMPv6PacketTooBig:
			put32(u[tooBig6MTUOff-w:], e.MTU)
		case ICMPv6ParameterProblem:
			put32(u[paramProblem6PointerOff-w:], e.Pointer)
		}
	default:
		if e.Gateway.Is4() {
			u = e.Gateway.As4()
		} else if e.MTU > 0xffff {
			put32(u[tooBig6MTUOff-w:], e.MTU)
		} else if e.MTU != 0 {
			put16(u[unreach4MTUOff-w:], uint16(e.MTU))
		}
	}
	b = append(b, u[:]...)
	q := e.Quote
	if len(q) > n {
		q = q[:n]
	}
	b = append(b, q...)
	b = appendZeros(b, n-len(q))
	if e.Ext.Present() {
		b = e.Ext.appendTo(b)
	}
	return b
}
