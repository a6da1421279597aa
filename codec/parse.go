package codec

import "net/netip"

// parseInto reads the header into a zero m, gives the checksum verdict,
// then validates the body for the kind its type selects. It stops at the
// first fault and leaves what it read, with Kind KindRaw. It fills m in
// place: a Message is large enough that copies show in the benchmarks.
func parseInto(m *Message, f Family, b []byte, src, dst netip.Addr, verify bool) error {
	m.Family, m.raw = f, b
	if f != IPv4 && f != IPv6 {
		return &ParseError{Layer: "ICMP", Offset: 0, Want: phrase(phFamilyV4V6), Have: words(f.String()), Err: ErrUnsupported}
	}
	if len(b) < icmpHeaderLen {
		return truncated(f.String(), 0, phrase(phICMPHeader), len(b))
	}
	m.Type, m.Code, m.Checksum = Type(b[ICMPTypeOffset]), Code(b[ICMPCodeOffset]), be16(b[ICMPChecksumOffset:])
	if verify {
		if f == IPv4 { // the common case without a pseudo-header, inline
			var s Sum
			s.add(b)
			if s.fold() == 0 {
				m.Sum = ChecksumCheck{Status: ChecksumGood, Want: m.Checksum}
			} else {
				m.Sum = badChecksum(Sum{}, b, ICMPChecksumOffset)
			}
		} else {
			m.Sum = messageChecksum(f, b, src, dst)
		}
	}
	k := kindOf(f, m.Type)
	switch {
	case k == KindRaw:
		return nil
	case k == KindEcho && len(b) >= icmpFixedLen:
		// The most common message: nothing more to check.
	default:
		if err := validateBody(m, k); err != nil {
			return err
		}
	}
	m.Kind = k
	return nil
}

// validateBody checks the body layout of kind k, recording in m what the
// views need (the quote and extension boundaries of an error). Each kind's
// own checks sit in the file of that kind.
func validateBody(m *Message, k Kind) error {
	b, layer := m.raw, m.Family.String()
	switch k {
	case KindEcho:
		return atLeast(layer, b, icmpFixedLen, phrase(phEchoHeader))
	case KindError:
		return validateError(m)
	case KindTimestamp:
		return exactly(layer, b, timestampLen, phrase(phTimestampMessage))
	case KindInformation:
		return exactly(layer, b, informationLen, phrase(phInformationMessage))
	case KindAddressMask:
		return exactly(layer, b, addressMaskLen, phrase(phAddressMaskMessage))
	case KindRouterSolicit4:
		return exactly(layer, b, routerSolicit4Len, phrase(phRouterSolicitation))
	case KindRouterAdvert4:
		return validateRouterAdvert4(layer, b)
	case KindExtendedEchoRequest:
		return validateExtEchoRequest(m, layer)
	case KindExtendedEchoReply:
		return atLeast(layer, b, extEchoLen, phrase(phExtEchoReply))
	case KindRouterSolicit6, KindRouterAdvert6, KindNeighborSolicit, KindNeighborAdvert, KindRedirect6:
		return validateNDP(m, k, layer)
	case KindMLDQuery:
		return validateMLDQuery(layer, b)
	case KindMLDReport:
		return exactly(layer, b, mldv1Len, phrase(phMLDv1Message))
	case KindMLDv2Report:
		return validateMLDv2Report(layer, b)
	case KindNodeInfo:
		return atLeast(layer, b, nodeInfoMin, phrase(phNodeInfoHeader))
	}
	return nil
}

// atLeast fails with ErrTruncated when b is shorter than n.
func atLeast(layer string, b []byte, n int, want Phrase) error {
	if len(b) < n {
		return truncated(layer, len(b), want, len(b))
	}
	return nil
}

// exactly fails when b is not n bytes long: shorter is truncation, longer is
// data the structure has no room for.
func exactly(layer string, b []byte, n int, want Phrase) error {
	if len(b) < n {
		return truncated(layer, len(b), want, len(b))
	}
	if len(b) > n {
		return badLength(layer, n, want, bytesFound(len(b)))
	}
	return nil
}
