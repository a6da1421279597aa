package codec

// Where an RFC 4884 extension structure sits in a message, found once by
// parse in either layout real routers use.

// RFC 4884 sizes: the original datagram is padded to at least 128 bytes when
// extensions follow, and pre-RFC 4884 routers always put them at that offset.
const (
	extMinQuote   = 128
	extHeaderLen  = 4
	extVersion    = 2
	objHeaderLen  = 4
	maxLengthWord = 255 // the length field is one byte
)

// mayHoldExtensions reports whether an error message of at least 8 bytes
// needs the search for an extension structure: not when its length field
// is zero and there is no room at the legacy offset, the usual short quote
// (quoteEnd 0 then means the end of the message).
func mayHoldExtensions(b []byte) bool {
	return b[4]|b[5] != 0 || len(b) >= icmpFixedLen+extMinQuote+extHeaderLen
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
