package codec

import "net/netip"

// Fixed sizes of ICMP structures, in bytes.
const (
	icmpHeaderLen = 4 // type, code, checksum
	icmpFixedLen  = 8 // header plus the first 32-bit word every message has
)

// parse is Parse with the checksum verified.
func parse(f Family, b []byte, src, dst netip.Addr) (Message, error) {
	return parseMessage(f, b, src, dst, true)
}

// parseMessage reads the header, gives the checksum verdict (when verify is
// set; a fragment or a truncated capture cannot be verified), then validates
// the body for the kind its type selects. It stops at the first fault and
// returns what it read, with Kind left KindRaw.
func parseMessage(f Family, b []byte, src, dst netip.Addr, verify bool) (Message, error) {
	m := Message{Family: f, raw: b}
	if f != IPv4 && f != IPv6 {
		return m, &ParseError{Layer: "ICMP", Offset: 0, Want: "family ICMPv4 or ICMPv6", Have: f.String(), Err: ErrUnsupported}
	}
	if len(b) < icmpHeaderLen {
		return m, truncated(f.String(), 0, "4-byte ICMP header", len(b))
	}
	m.Type, m.Code, m.Checksum = Type(b[0]), Code(b[1]), be16(b[2:])
	if verify {
		m.Sum = messageChecksum(f, b, src, dst)
	}
	k := kindOf(f, m.Type)
	if k == KindRaw {
		return m, nil
	}
	if err := validateBody(&m, k); err != nil {
		return m, err
	}
	m.Kind = k
	return m, nil
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
	s.Add(b[:2])
	s.Add(b[4:])
	return verdict(s, be16(b[2:]))
}

// verdict compares a checksum field with the sum of everything but the field.
// Both one's-complement zeros (0x0000 and 0xffff) verify, as receivers accept.
func verdict(s Sum, field uint16) ChecksumCheck {
	want := s.Fold()
	s.acc += uint64(field)
	if s.Fold() == 0 {
		return ChecksumCheck{Status: ChecksumGood, Want: field}
	}
	return ChecksumCheck{Status: ChecksumBad, Want: want}
}

// kindOf selects the typed view for a family and type.
func kindOf(f Family, t Type) Kind {
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
	layer := m.Family.String()
	switch k {
	case KindEcho:
		return atLeast(layer, b, icmpFixedLen, "8-byte echo header (identifier, sequence)")
	case KindError:
		if err := atLeast(layer, b, icmpFixedLen, "8-byte error header"); err != nil {
			return err
		}
		findExtensions(m)
		return nil
	}
	return validateMore(m, k, layer)
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
