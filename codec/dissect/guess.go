package dissect

import (
	"encoding/binary"
	"strconv"

	"icmplab/codec"
)

// Guessing where pasted bytes start. A dump does not say whether it holds a
// whole frame or only the IP datagram (tcpdump -xx and -x print the same
// text), so the bytes themselves are asked: verified checksums and lengths
// that agree with the byte count outrank mere version nibbles, and an IPv4
// header with a good checksum outranks everything.

// Header sizes the guess measures against.
const (
	ethernetHeader = 14
	sllHeader      = 16
	sll2Header     = 20
	sllMaxAddr     = 8 // link-layer address bytes the cooked headers hold
	sllMaxPktType  = 4 // PACKET_HOST .. PACKET_OUTGOING
	vlanTag        = 4
	ipv4MinHeader  = 20
	ipv6Header     = 40
	icmpHeader     = 8
)

// evidence grades what one hypothesis has for it.
type evidence uint8

const (
	none   evidence = iota
	weak            // a field agrees (version nibble and length)
	strong          // a checksum verifies, or every length agrees
)

// Guess picks a start layer for bytes of unknown origin (pasted hex).
func Guess(b []byte) Layer {
	l, _ := GuessWhy(b)
	return l
}

// GuessWhy is Guess with the reason, in words for a person ("starts with
// 0x45 and the IPv4 header checksum verifies"). It never answers LayerAuto:
// when nothing fits it falls back to the version nibble, a Linux cooked
// header's EtherType and at last an ICMPv4 message.
func GuessWhy(b []byte) (Layer, string) {
	if l, why := guess(b); l != LayerAuto {
		return l, why
	}
	if looksIPv4(b) {
		return LayerIPv4, "starts with an IPv4 version nibble and a plausible header length"
	}
	if looksIPv6(b) {
		return LayerIPv6, "starts with an IPv6 version nibble"
	}
	if len(b) >= sllHeader {
		if p := codec.EtherType(binary.BigEndian.Uint16(b[14:])); p == codec.EtherTypeIPv4 || p == codec.EtherTypeIPv6 {
			return LayerSLL, "bytes 14-15 hold an IP EtherType, as in a Linux cooked header"
		}
	}
	return LayerICMPv4, "nothing else fits: read as an ICMPv4 message"
}

// StartsAtNetwork reports whether the bytes read as an IP datagram rather
// than a link-layer frame: what tells tcpdump -x from -xx, whose text is the
// same (textdump.Options.StartsAtNetwork).
func StartsAtNetwork(b []byte) bool {
	l, _ := guess(b)
	return l == LayerIPv4 || l == LayerIPv6
}

// guess weighs the evidence; LayerAuto when no hypothesis has any.
func guess(b []byte) (Layer, string) {
	v4, why4 := guessIPv4(b)
	if v4 == strong {
		return LayerIPv4, why4
	}
	eth, whyEth := guessEthernet(b)
	if eth == strong {
		return LayerEthernet, whyEth
	}
	if l, why := guessCooked(b); l != LayerAuto {
		return l, why
	}
	v6, why6 := guessIPv6(b)
	if v6 == strong {
		return LayerIPv6, why6
	}
	if len(b) >= icmpHeader && codec.Checksum(b) == 0 && !allZero(b) {
		return LayerICMPv4, "the ICMPv4 checksum over all " + strconv.Itoa(len(b)) + " bytes verifies (type " + strconv.Itoa(int(b[0])) + ", " + codec.TypeName(codec.IPv4, codec.Type(b[0])) + ")"
	}
	switch {
	case v4 == weak:
		return LayerIPv4, why4
	case eth == weak:
		return LayerEthernet, whyEth
	case v6 == weak:
		return LayerIPv6, why6
	}
	if len(b) >= icmpHeader {
		if _, ok := codec.LookupType(codec.IPv6, codec.Type(b[0])); ok || b[0] >= 1 && b[0] <= 4 || b[0] >= 128 && b[0] <= 161 {
			return LayerICMPv6, "byte 0 is ICMPv6 type " + strconv.Itoa(int(b[0])) + " (" + codec.TypeName(codec.IPv6, codec.Type(b[0])) + "); an ICMPv6 checksum cannot be checked without the addresses"
		}
	}
	return LayerAuto, "no IPv4 or IPv6 header, EtherType or ICMP checksum fits these " + strconv.Itoa(len(b)) + " bytes"
}

func allZero(b []byte) bool {
	for _, c := range b {
		if c != 0 {
			return false
		}
	}
	return true
}

func hex2(v int) string {
	s := strconv.FormatInt(int64(v), 16)
	if len(s) < 2 {
		s = "0" + s
	}
	return "0x" + s
}

func guessIPv4(b []byte) (evidence, string) {
	if len(b) < ipv4MinHeader || b[0]>>4 != 4 {
		return none, ""
	}
	hl := int(b[0]&0x0f) * 4
	if hl < ipv4MinHeader || hl > len(b) {
		return none, ""
	}
	if codec.Checksum(b[:hl]) == 0 {
		return strong, "starts with " + hex2(int(b[0])) + " and the IPv4 header checksum verifies"
	}
	if tl := int(binary.BigEndian.Uint16(b[2:])); tl == len(b) {
		return weak, "starts with " + hex2(int(b[0])) + " and the IPv4 total length " + strconv.Itoa(tl) + " equals the byte count (the header checksum does not verify)"
	}
	return none, ""
}

func guessIPv6(b []byte) (evidence, string) {
	if len(b) < ipv6Header || b[0]>>4 != 6 {
		return none, ""
	}
	pl := int(binary.BigEndian.Uint16(b[4:]))
	if pl+ipv6Header == len(b) {
		return strong, "version nibble 6 and the payload length " + strconv.Itoa(pl) + " plus the 40-byte header equals the " + strconv.Itoa(len(b)) + " bytes given"
	}
	if pl+ipv6Header > len(b) {
		return weak, "version nibble 6; the payload length " + strconv.Itoa(pl) + " says the packet is cut short"
	}
	return none, ""
}

func guessEthernet(b []byte) (evidence, string) {
	if len(b) < ethernetHeader {
		return none, ""
	}
	at := 12
	et := codec.EtherType(binary.BigEndian.Uint16(b[at:]))
	tagged := ""
	for et.IsVLANTag() && et != codec.EtherTypeQinQOld && at+vlanTag+2 <= len(b) {
		at += vlanTag
		et = codec.EtherType(binary.BigEndian.Uint16(b[at:]))
		tagged = " after a VLAN tag"
	}
	inner := b[at+2:]
	prefix := "EtherType " + et.String() + " at byte " + strconv.Itoa(at) + tagged
	switch et {
	case codec.EtherTypeIPv4:
		e, why := guessIPv4(inner)
		if e != none {
			return e, prefix + ", and the next header " + why
		}
		return weak, prefix
	case codec.EtherTypeIPv6:
		e, why := guessIPv6(inner)
		if e != none {
			return e, prefix + ", and the next header has " + why
		}
		return weak, prefix
	case codec.EtherTypeARP:
		return weak, prefix
	}
	return none, ""
}

// guessCooked recognises the Linux cooked headers, only when the IP header
// after them fits strongly: their own fields are too loose to go on.
func guessCooked(b []byte) (Layer, string) {
	inner := func(proto codec.EtherType, rest []byte) (evidence, string) {
		switch proto {
		case codec.EtherTypeIPv4:
			return guessIPv4(rest)
		case codec.EtherTypeIPv6:
			return guessIPv6(rest)
		}
		return none, ""
	}
	if len(b) >= sllHeader {
		pt, alen := int(binary.BigEndian.Uint16(b)), int(binary.BigEndian.Uint16(b[4:]))
		proto := codec.EtherType(binary.BigEndian.Uint16(b[14:]))
		if pt <= sllMaxPktType && alen <= sllMaxAddr {
			if e, why := inner(proto, b[sllHeader:]); e == strong {
				return LayerSLL, "a Linux cooked header (SLL) with protocol " + proto.String() + " at byte 14, and the next header " + why
			}
		}
	}
	if len(b) >= sll2Header {
		proto := codec.EtherType(binary.BigEndian.Uint16(b))
		if binary.BigEndian.Uint16(b[2:]) == 0 && b[10] <= sllMaxPktType && b[11] <= sllMaxAddr {
			if e, why := inner(proto, b[sll2Header:]); e == strong {
				return LayerSLL2, "a Linux cooked header v2 (SLL2) with protocol " + proto.String() + " at byte 0, and the next header " + why
			}
		}
	}
	return LayerAuto, ""
}

func looksIPv4(b []byte) bool {
	if len(b) < ipv4MinHeader || b[0]>>4 != 4 || b[0]&0x0f < 5 {
		return false
	}
	tl := int(binary.BigEndian.Uint16(b[2:]))
	return tl >= int(b[0]&0x0f)*4
}

func looksIPv6(b []byte) bool {
	return len(b) >= ipv6Header && b[0]>>4 == 6
}
