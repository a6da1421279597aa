package codec

import "net/netip"

// Neighbour discovery (RFC 4861): router solicitation (133) and
// advertisement (134), neighbour solicitation (135) and advertisement (136),
// redirect (137). A fixed part per message, then options (ndp_option.go).
// The neighbour advertisement, for one:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|R|S|O|                     Reserved                            |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                       Target Address (128 bits)               |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Options ...
//
// Offsets of the fixed parts, and where the options start, header included:
const (
	ndpWordOff        = 4 // reserved, or flags, after the header
	ndpTargetOff      = 8
	ndpRedirectDstOff = 24
	ra6CurHopLimitOff = 4
	ra6FlagsOff       = 5
	ra6LifetimeOff    = 6
	ra6ReachableOff   = 8
	ra6RetransOff     = 12

	ndpRSLen       = 8
	ndpRALen       = 16
	ndpNSLen       = 24
	ndpNALen       = 24
	ndpRedirectLen = 40
)

// NDP is the body of an ICMPv6 neighbour-discovery message (RFC 4861):
// router solicitation (133) and advertisement (134), neighbour solicitation
// (135) and advertisement (136), redirect (137). Fields that a type lacks are
// zero. Options holds the option list; iterate with NDP.Options.
type NDP struct {
	// Router advertisement.
	CurHopLimit    uint8
	Flags          uint8 // M, O, H, Prf, P ... as the byte holds them
	RouterLifetime uint16
	ReachableTime  uint32
	RetransTimer   uint32
	// Neighbour advertisement flags R, S, O (top three bits of the first word).
	NAFlags uint8
	// Target of a neighbour solicitation, advertisement or redirect.
	Target netip.Addr
	// Destination of a redirect.
	Destination netip.Addr
	// Reserved holds reserved bits as found, so a round trip is exact.
	Reserved uint32
	// OptionBytes is the raw option list.
	OptionBytes []byte
	kind        Kind
}

// validateNDP checks the fixed part of an NDP message and walks its options.
func validateNDP(m *Message, k Kind, layer string) error {
	b := m.raw
	fixed := ndpFixedLen(k)
	if len(b) < fixed {
		return truncated(layer, len(b), Phrase{kind: phNDPMessageHeader, n: [3]int{fixed}, s: [2]string{m.Name(), TypeNameKO(m.Family, m.Type)}}, len(b))
	}
	it := NDPOptionIter{b: b[fixed:], base: fixed}
	for it.Next() {
	}
	return it.Err()
}

// NDP returns the body of a neighbour-discovery message (router
// solicitation and advertisement, neighbour solicitation and advertisement,
// redirect). Parse has checked that its options are well formed.
func (m Message) NDP() (NDP, bool) {
	switch m.Kind {
	case KindRouterSolicit6, KindRouterAdvert6, KindNeighborSolicit, KindNeighborAdvert, KindRedirect6:
	default:
		return NDP{}, false
	}
	fixed := ndpFixedLen(m.Kind)
	b := m.raw
	if len(b) < fixed {
		return NDP{}, false
	}
	n := NDP{kind: m.Kind, OptionBytes: b[fixed:]}
	switch m.Kind {
	case KindRouterAdvert6:
		n.CurHopLimit, n.Flags, n.RouterLifetime = b[ra6CurHopLimitOff], b[ra6FlagsOff], be16(b[ra6LifetimeOff:])
		n.ReachableTime, n.RetransTimer = be32(b[ra6ReachableOff:]), be32(b[ra6RetransOff:])
	case KindNeighborAdvert:
		n.NAFlags = b[ndpWordOff] >> 5
		n.Reserved = be32(b[ndpWordOff:]) & 0x1fffffff
		n.Target = addr16(b[ndpTargetOff:])
	case KindNeighborSolicit:
		n.Reserved = be32(b[ndpWordOff:])
		n.Target = addr16(b[ndpTargetOff:])
	case KindRedirect6:
		n.Reserved = be32(b[ndpWordOff:])
		n.Target, n.Destination = addr16(b[ndpTargetOff:]), addr16(b[ndpRedirectDstOff:])
	default:
		n.Reserved = be32(b[ndpWordOff:])
	}
	return n, true
}

// Router advertisement flag bits as they sit in NDP.Flags (RFC 4861, RFC
// 3775, RFC 4191, RFC 5175).
const (
	NDPFlagManaged     uint8 = 0x80 // M: addresses via DHCPv6
	NDPFlagOther       uint8 = 0x40 // O: other configuration via DHCPv6
	NDPFlagHomeAgent   uint8 = 0x20 // H
	NDPFlagProxy       uint8 = 0x04 // P (RFC 4389)
	NDPPreferenceShift       = 3    // Prf, 2 bits: 01 high, 00 medium, 11 low
)

// Neighbour advertisement flag bits as they sit in NDP.NAFlags.
const (
	NAFlagRouter    uint8 = 4 // R
	NAFlagSolicited uint8 = 2 // S
	NAFlagOverride  uint8 = 1 // O
)

// Kind says which message this body belongs to: set by Message.NDP and by
// Append from the header; for a body built by hand it is guessed from the
// fields (see AppendBody).
func (n NDP) Kind() Kind {
	if isNDPKind(n.kind) {
		return n.kind
	}
	switch {
	case n.Destination.IsValid():
		return KindRedirect6
	case n.Target.IsValid() && n.NAFlags != 0:
		return KindNeighborAdvert
	case n.Target.IsValid():
		return KindNeighborSolicit
	case n.CurHopLimit != 0 || n.Flags != 0 || n.RouterLifetime != 0 || n.ReachableTime != 0 || n.RetransTimer != 0:
		return KindRouterAdvert6
	}
	return KindRouterSolicit6
}

// Options returns an iterator over the option list.
func (n NDP) Options() NDPOptionIter {
	return NDPOptionIter{b: n.OptionBytes, base: ndpFixedLen(n.Kind())}
}

// Len is the number of body bytes AppendBody writes.
func (n NDP) Len() int { return ndpFixedLen(n.Kind()) - icmpHeaderLen + len(n.OptionBytes) }

// AppendBody appends the fixed part for the message's kind and the options.
// Through Append the kind follows from the header's type; appended alone, a
// body built by hand is taken for a redirect when Destination is set, a
// neighbour advertisement when Target and NAFlags are, a solicitation when
// only Target is, a router advertisement when any router field is, and a
// router solicitation otherwise.
func (n NDP) AppendBody(b []byte) []byte {
	switch n.Kind() {
	case KindRouterAdvert6:
		b = append(b, n.CurHopLimit, n.Flags, byte(n.RouterLifetime>>8), byte(n.RouterLifetime))
		b = append32(b, n.ReachableTime)
		b = append32(b, n.RetransTimer)
	case KindNeighborAdvert:
		b = append32(b, uint32(n.NAFlags&7)<<29|n.Reserved&0x1fffffff)
		b = appendAddr16(b, n.Target)
	case KindNeighborSolicit:
		b = append32(b, n.Reserved)
		b = appendAddr16(b, n.Target)
	case KindRedirect6:
		b = append32(b, n.Reserved)
		b = appendAddr16(b, n.Target)
		b = appendAddr16(b, n.Destination)
	default:
		b = append32(b, n.Reserved)
	}
	return append(b, n.OptionBytes...)
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
