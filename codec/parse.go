package codec

import "net/netip"

// Fixed sizes of ICMP structures, in bytes.
const (
	icmpHeaderLen = 4 // type, code, checksum
	icmpFixedLen  = 8 // header plus the first 32-bit word every message has
)

// parse is Parse with the checksum verified.
func parse(f Family, b []byte, src, dst netip.Addr) (m Message, err error) {
	err = parseInto(&m, f, b, src, dst, true)
	return m, err
}

// parseMessage is parse with the checksum verified only when verify is set
// (a fragment or a truncated capture cannot be).
func parseMessage(f Family, b []byte, src, dst netip.Addr, verify bool) (m Message, err error) {
	err = parseInto(&m, f, b, src, dst, verify)
	return m, err
}

// parseInto reads the header into a zero m, gives the checksum verdict,
// then validates the body for the kind its type selects. It stops at the
// first fault and leaves what it read, with Kind KindRaw. It fills m in
// place: a Message is large enough that copies show in the benchmarks.
func parseInto(m *Message, f Family, b []byte, src, dst netip.Addr, verify bool) error {
	m.Family, m.raw = f, b
	if f != IPv4 && f != IPv6 {
		return &ParseError{Layer: "ICMP", Offset: 0, Want: "family ICMPv4 or ICMPv6", Have: f.String(), Err: ErrUnsupported}
	}
	if len(b) < icmpHeaderLen {
		return truncated(f.String(), 0, "4-byte ICMP header", len(b))
	}
	m.Type, m.Code, m.Checksum = Type(b[0]), Code(b[1]), be16(b[2:])
	if verify {
		if f == IPv4 { // the common case without a pseudo-header, inline
			var s Sum
			s.add(b)
			if s.fold() == 0 {
				m.Sum = ChecksumCheck{Status: ChecksumGood, Want: m.Checksum}
			} else {
				m.Sum = badChecksum(Sum{}, b, 2)
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

// messageChecksum verifies an ICMP checksum: plain over the message for
// ICMPv4, over the IPv6 pseudo-header and the message for ICMPv6 (RFC 4443
// 2.3), which needs both addresses. Want is the value the field should hold.
func messageChecksum(f Family, b []byte, src, dst netip.Addr) ChecksumCheck {
	var s Sum
	if f == IPv6 {
		if !src.Is6() || !dst.Is6() {
			return ChecksumCheck{Status: ChecksumUnverified}
		}
		s = PseudoHeaderSum(src, dst, ProtoICMPv6, len(b))
	}
	return verifyAt(s, b, 2)
}

// verifyAt verifies the checksum field at b[at:at+2] over s plus all of b:
// one pass, the field included, sums to zero when it is right. Only a bad
// one pays a second pass, to work out the value it should have held.
func verifyAt(s Sum, b []byte, at int) ChecksumCheck {
	field := be16(b[at:])
	full := s
	full.add(b)
	if full.fold() == 0 {
		return ChecksumCheck{Status: ChecksumGood, Want: field}
	}
	return badChecksum(s, b, at)
}

// badChecksum works out the value a bad checksum field should have held.
func badChecksum(s Sum, b []byte, at int) ChecksumCheck {
	s.add(b[:at])
	s.add(b[at+2:])
	return ChecksumCheck{Status: ChecksumBad, Want: s.fold()}
}

// kindTable caches kindSwitch for both families: one load per message.
var kindTable = func() (tab [2][256]Kind) {
	for t := range 256 {
		tab[0][t] = kindSwitch(IPv4, Type(t))
		tab[1][t] = kindSwitch(IPv6, Type(t))
	}
	return tab
}()

// kindOf selects the typed view for a family and type.
func kindOf(f Family, t Type) Kind {
	if f == IPv6 {
		return kindTable[1][t]
	}
	return kindTable[0][t]
}

// kindSwitch is where the family and type to kind mapping is written down.
func kindSwitch(f Family, t Type) Kind {
	if f == IPv4 {
		switch t {
		case ICMPv4EchoReply, ICMPv4EchoRequest:
			return KindEcho
		case ICMPv4DestinationUnreachable, ICMPv4SourceQuench, ICMPv4Redirect, ICMPv4TimeExceeded, ICMPv4ParameterProblem:
			return KindError
		case ICMPv4Timestamp, ICMPv4TimestampReply:
			return KindTimestamp
		case ICMPv4InformationRequest, ICMPv4InformationReply:
			return KindInformation
		case ICMPv4AddressMaskRequest, ICMPv4AddressMaskReply:
			return KindAddressMask
		case ICMPv4RouterAdvertisement:
			return KindRouterAdvert4
		case ICMPv4RouterSolicitation:
			return KindRouterSolicit4
		case ICMPv4ExtendedEchoRequest:
			return KindExtendedEchoRequest
		case ICMPv4ExtendedEchoReply:
			return KindExtendedEchoReply
		}
		return KindRaw
	}
	switch t {
	case ICMPv6EchoRequest, ICMPv6EchoReply:
		return KindEcho
	case ICMPv6DestinationUnreachable, ICMPv6PacketTooBig, ICMPv6TimeExceeded, ICMPv6ParameterProblem:
		return KindError
	case ICMPv6RouterSolicitation:
		return KindRouterSolicit6
	case ICMPv6RouterAdvertisement:
		return KindRouterAdvert6
	case ICMPv6NeighborSolicitation:
		return KindNeighborSolicit
	case ICMPv6NeighborAdvertisement:
		return KindNeighborAdvert
	case ICMPv6Redirect:
		return KindRedirect6
	case ICMPv6MLDQuery:
		return KindMLDQuery
	case ICMPv6MLDReport, ICMPv6MLDDone:
		return KindMLDReport
	case ICMPv6MLDv2Report:
		return KindMLDv2Report
	case ICMPv6NodeInformationQuery, ICMPv6NodeInformationResponse:
		return KindNodeInfo
	case ICMPv6ExtendedEchoRequest:
		return KindExtendedEchoRequest
	case ICMPv6ExtendedEchoReply:
		return KindExtendedEchoReply
	}
	return KindRaw
}

// validateBody checks the body layout of kind k, recording in m what the
// views need (the quote and extension boundaries of an error).
func validateBody(m *Message, k Kind) error {
	b := m.raw
	switch k {
	case KindEcho:
		if len(b) < icmpFixedLen {
			return truncated(m.Family.String(), len(b), "8-byte echo header (identifier, sequence)", len(b))
		}
		return nil
	case KindError:
		if len(b) < icmpFixedLen {
			return truncated(m.Family.String(), len(b), "8-byte error header", len(b))
		}
		if mayHoldExtensions(b) {
			findExtensions(m)
		}
		return nil
	}
	return validateMore(m, k, m.Family.String())
}

// mayHoldExtensions reports whether an error message of at least 8 bytes
// needs the search for an extension structure: not when its length field
// is zero and there is no room at the legacy offset, the usual short quote
// (quoteEnd 0 then means the end of the message).
func mayHoldExtensions(b []byte) bool {
	return b[4]|b[5] != 0 || len(b) >= icmpFixedLen+extMinQuote+extHeaderLen
}

// atLeast fails with ErrTruncated when b is shorter than n.
func atLeast(layer string, b []byte, n int, want string) error {
	if len(b) < n {
		return truncated(layer, len(b), want, len(b))
	}
	return nil
}

// exactly fails when b is not n bytes long: shorter is truncation, longer is
// data the structure has no room for.
func exactly(layer string, b []byte, n int, want string) error {
	if len(b) < n {
		return truncated(layer, len(b), want, len(b))
	}
	if len(b) > n {
		return badLength(layer, n, want, nbytes(len(b)))
	}
	return nil
}
