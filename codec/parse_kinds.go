package codec

// Sizes of the fixed parts of the messages validateMore checks, header included.
const (
	timestampLen      = 20
	informationLen    = 8
	addressMaskLen    = 12
	routerSolicit4Len = 8
	routerAdvert4Min  = 8
	extEchoLen        = 8
	ndpRSLen          = 8
	ndpRALen          = 16
	ndpNSLen          = 24
	ndpNALen          = 24
	ndpRedirectLen    = 40
	mldv1Len          = 24
	mldv2QueryMin     = 28
	mldv2ReportMin    = 8
	mldRecordMin      = 20
	nodeInfoMin       = 16
	ipv6AddrLen       = 16
)

// validateMore checks the body of the kinds other than echo and error.
func validateMore(m *Message, k Kind, layer string) error {
	b := m.raw
	switch k {
	case KindTimestamp:
		return exactly(layer, b, timestampLen, "20-byte timestamp message")
	case KindInformation:
		return exactly(layer, b, informationLen, "8-byte information message")
	case KindAddressMask:
		return exactly(layer, b, addressMaskLen, "12-byte address mask message")
	case KindRouterSolicit4:
		return exactly(layer, b, routerSolicit4Len, "8-byte router solicitation")
	case KindRouterAdvert4:
		if err := atLeast(layer, b, routerAdvert4Min, "8-byte router advertisement header"); err != nil {
			return err
		}
		n, size := int(b[4]), int(b[5])
		if n > 0 && size < 2 {
			return malformed(layer, 5, "address entry size of at least 2 words", itoa(size)+" words")
		}
		if need := routerAdvert4Min + n*size*4; len(b) < need {
			return truncated(layer, len(b), itoa(n)+" address entries of "+itoa(size)+" words", len(b))
		}
		return nil
	case KindExtendedEchoRequest:
		if err := atLeast(layer, b, extEchoLen, "8-byte extended echo header"); err != nil {
			return err
		}
		if len(b) == extEchoLen {
			return nil
		}
		return validateEchoExt(m, layer)
	case KindExtendedEchoReply:
		return atLeast(layer, b, extEchoLen, "8-byte extended echo reply")
	case KindRouterSolicit6, KindRouterAdvert6, KindNeighborSolicit, KindNeighborAdvert, KindRedirect6:
		fixed := ndpFixedLen(k)
		if len(b) < fixed {
			return truncated(layer, len(b), nbytes(fixed)+" "+m.Name()+" header", len(b))
		}
		it := NDPOptionIter{b: b[fixed:], base: fixed}
		for it.Next() {
		}
		return it.Err()
	case KindMLDQuery:
		if len(b) == mldv1Len {
			return nil
		}
		if len(b) < mldv1Len {
			return truncated(layer, len(b), "24-byte MLD query", len(b))
		}
		if err := atLeast(layer, b, mldv2QueryMin, "28-byte MLDv2 query"); err != nil {
			return err
		}
		n := int(be16(b[26:]))
		if len(b) == mldv2QueryMin+n*ipv6AddrLen {
			return nil
		}
		return exactly(layer, b, mldv2QueryMin+n*ipv6AddrLen, "MLDv2 query with "+itoa(n)+" sources")
	case KindMLDReport:
		return exactly(layer, b, mldv1Len, "24-byte MLDv1 message")
	case KindMLDv2Report:
		if err := atLeast(layer, b, mldv2ReportMin, "8-byte MLDv2 report header"); err != nil {
			return err
		}
		it := MLDRecordIter{b: b[mldv2ReportMin:], base: mldv2ReportMin, n: int(be16(b[6:]))}
		for it.Next() {
		}
		if err := it.Err(); err != nil {
			return err
		}
		if end := mldv2ReportMin + it.off; end != len(b) {
			return badLength(layer, end, itoa(it.n)+" records ending the message", nbytes(len(b)-end)+" more")
		}
		return nil
	case KindNodeInfo:
		return atLeast(layer, b, nodeInfoMin, "16-byte node information header")
	}
	return nil
}

// validateEchoExt finds the extension structure that follows an extended
// echo request's header (RFC 8335 2.1) and records it. The structure runs to
// the end of the message, unless its checksum verifies only over a prefix of
// whole objects: then the rest is data some senders append (a timestamp).
// A structure whose checksum verifies nowhere is kept, with a bad verdict,
// when its objects chain to the end.
func validateEchoExt(m *Message, layer string) error {
	b := m.raw
	if err := atLeast("extension", b, extEchoLen+extHeaderLen, "4-byte extension header"); err != nil {
		return err
	}
	if v := b[extEchoLen] >> 4; v != extVersion {
		return malformed("extension", extEchoLen, "extension version 2", "version "+itoa(int(v)))
	}
	whole := extFound{layout: ExtRFC4884, off: extEchoLen, sum: extChecksum(b[extEchoLen:])}
	it := extensionsAt(b, whole).Objects()
	for it.Next() {
		end := extEchoLen + extHeaderLen + it.off
		if whole.sum.Status == ChecksumGood || end == len(b) {
			continue
		}
		if sum := extChecksum(b[extEchoLen:end]); sum.Status == ChecksumGood {
			m.ext = extFound{layout: ExtRFC4884, off: extEchoLen, end: end, sum: sum}
			return nil
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	m.ext = whole
	return nil
}

// ndpFixedLen is where the options of an NDP message start.
func ndpFixedLen(k Kind) int {
	switch k {
	case KindRouterSolicit6:
		return ndpRSLen
	case KindRouterAdvert6:
		return ndpRALen
	case KindNeighborSolicit:
		return ndpNSLen
	case KindNeighborAdvert:
		return ndpNALen
	case KindRedirect6:
		return ndpRedirectLen
	}
	return ndpRSLen
}

// isNDPKind reports whether k is one of the neighbour-discovery kinds.
func isNDPKind(k Kind) bool { return k >= KindRouterSolicit6 && k <= KindRedirect6 }
