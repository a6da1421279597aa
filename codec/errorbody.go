package codec

// RFC 4884 sizes: the original datagram is padded to at least 128 bytes when
// extensions follow, and pre-RFC 4884 routers always put them at that offset.
const (
	extMinQuote   = 128
	extHeaderLen  = 4
	extVersion    = 2
	objHeaderLen  = 4
	maxLengthWord = 255 // the length field is one byte
)

// errForm names the message an ErrorBody belongs to: the meaning of the four
// bytes after the header depends on family, type and code.
type errForm struct {
	fam  Family
	typ  Type
	code Code
}

// lengthField returns the index of the RFC 4884 length byte for the message
// types that carry one (RFC 4884 section 4), and the unit it counts in.
func lengthField(f Family, t Type) (idx, word int, ok bool) {
	if f == IPv4 {
		switch t {
		case ICMPv4DestinationUnreachable, ICMPv4TimeExceeded, ICMPv4ParameterProblem:
			return 5, 4, true
		}
		return 0, 0, false
	}
	switch t {
	case ICMPv6DestinationUnreachable, ICMPv6TimeExceeded:
		return 4, 8, true
	}
	return 0, 0, false
}

// findExtensions looks for an extension structure in an error message, in
// both layouts real routers use, and records the one whose checksum verifies:
//
//  1. RFC 4884: at the offset the length field gives.
//  2. Legacy: at offset 128 of the quote, with a length field of 0 or one that
//     disagrees (routers from before RFC 4884; trippy issue 804). As RFC
//     4884's backwards-compatibility rules and tcpdump do, only a valid
//     version and a verifying checksum tell it from quoted data.
//
// A structure at the RFC 4884 offset whose checksum fails but whose objects
// chain exactly to the end is kept with a bad verdict (the length field
// vouches for it); anything else that fails stays part of the quote.
func findExtensions(m *Message) {
	b := m.raw // m is fresh from parseInto: m.ext is zero
	m.quoteEnd = len(b)
	if len(b) < icmpFixedLen+extHeaderLen+objHeaderLen {
		return // no room for a structure with an object
	}
	idx, word, ok := lengthField(m.Family, m.Type)
	if !ok {
		return
	}
	data := b[icmpFixedLen:]
	l := int(b[idx]) * word
	if len(data) < extMinQuote+extHeaderLen && (l == 0 || len(data) < l+extHeaderLen) {
		return // the usual short quote: neither layout fits
	}
	var fallback extFound
	if l > 0 && len(data) >= l+extHeaderLen && data[l]>>4 == extVersion {
		sum := extChecksum(data[l:])
		if sum.Status == ChecksumGood {
			m.ext = extFound{layout: ExtRFC4884, off: icmpFixedLen + l, sum: sum}
			m.quoteEnd = icmpFixedLen + l
			return
		}
		if objectsChain(data[l+extHeaderLen:]) {
			fallback = extFound{layout: ExtRFC4884, off: icmpFixedLen + l, sum: sum}
		}
	}
	if l != extMinQuote && len(data) >= extMinQuote+extHeaderLen && data[extMinQuote]>>4 == extVersion {
		if sum := extChecksum(data[extMinQuote:]); sum.Status == ChecksumGood {
			m.ext = extFound{layout: ExtLegacy, off: icmpFixedLen + extMinQuote, sum: sum}
			m.quoteEnd = icmpFixedLen + extMinQuote
			return
		}
	}
	if fallback.layout != ExtNone {
		m.ext = fallback
		m.quoteEnd = fallback.off
	}
}

// extChecksum verifies the checksum of an extension structure (header and
// objects to the end of the message; no pseudo-header in either family).
func extChecksum(b []byte) ChecksumCheck { return verifyAt(Sum{}, b, 2) }

// objectsChain reports whether b is a non-empty list of well-formed objects
// ending exactly at its end.
func objectsChain(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for len(b) > 0 {
		if len(b) < objHeaderLen {
			return false
		}
		n := int(be16(b))
		if n < objHeaderLen || n > len(b) {
			return false
		}
		b = b[n:]
	}
	return true
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
	copy(e.Unused[:], b[4:8])
	if idx, _, ok := lengthField(m.Family, m.Type); ok {
		e.Length = b[idx]
	}
	if m.Family == IPv4 {
		switch m.Type {
		case ICMPv4DestinationUnreachable:
			if m.Code == CodeFragmentationNeeded {
				e.MTU = uint32(be16(b[6:]))
			}
		case ICMPv4ParameterProblem:
			e.Pointer = uint32(b[4])
		case ICMPv4Redirect:
			e.Gateway = addr4(b[4:8])
		}
	} else {
		switch m.Type {
		case ICMPv6PacketTooBig:
			e.MTU = be32(b[4:])
		case ICMPv6ParameterProblem:
			e.Pointer = be32(b[4:])
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

// extensionsAt builds the Extensions view of a structure parse found.
func extensionsAt(b []byte, f extFound) Extensions {
	h := b[f.off:]
	if f.end > f.off && f.end <= len(b) {
		h = b[f.off:f.end]
	}
	return Extensions{
		Layout:      f.layout,
		Offset:      f.off,
		Version:     h[0] >> 4,
		Reserved:    be16(h) & 0x0fff,
		Checksum:    be16(h[2:]),
		Sum:         f.sum,
		ObjectBytes: h[extHeaderLen:],
	}
}

// trimPadding drops the zero padding RFC 4884 adds after a short original
// datagram, using the length its own IP header states. A quote whose header
// does not say, or whose tail is not zero, is kept whole.
func trimPadding(q []byte) []byte {
	n := len(q)
	switch {
	case len(q) >= 20 && q[0]>>4 == 4:
		n = int(be16(q[2:]))
	case len(q) >= 40 && q[0]>>4 == 6:
		n = 40 + int(be16(q[4:]))
	}
	if n <= 0 || n >= len(q) {
		return q
	}
	for _, c := range q[n:] {
		if c != 0 {
			return q
		}
	}
	return q[:n]
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
	u := e.Unused
	f := e.form
	switch f.fam {
	case IPv4:
		switch f.typ {
		case ICMPv4DestinationUnreachable:
			u[1] = length
			if f.code == CodeFragmentationNeeded {
				put16(u[2:], uint16(e.MTU))
			}
		case ICMPv4TimeExceeded:
			u[1] = length
		case ICMPv4ParameterProblem:
			u[0] = byte(e.Pointer)
			u[1] = length
		case ICMPv4Redirect:
			if e.Gateway.Is4() {
				u = e.Gateway.As4()
			}
		}
	case IPv6:
		switch f.typ {
		case ICMPv6DestinationUnreachable, ICMPv6TimeExceeded:
			u[0] = length
		case ICMPv6PacketTooBig:
			put32(u[:], e.MTU)
		case ICMPv6ParameterProblem:
			put32(u[:], e.Pointer)
		}
	default:
		if e.Gateway.Is4() {
			u = e.Gateway.As4()
		} else if e.MTU > 0xffff {
			put32(u[:], e.MTU)
		} else if e.MTU != 0 {
			put16(u[2:], uint16(e.MTU))
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
