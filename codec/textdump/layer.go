package textdump

import (
	"encoding/binary"
	"strconv"

	"icmplab/codec"
)

// Layer is where a run of packet bytes seems to start. A dump does not say
// whether it holds a whole frame or only the IP datagram (tcpdump -xx and -x
// print the same text), so the bytes themselves are asked.
type Layer uint8

const (
	LayerUnknown Layer = iota
	LayerEthernet
	LayerIPv4
	LayerIPv6
	LayerICMPv4 // an ICMPv4 message without its IP header
	LayerICMPv6 // an ICMPv6 message without its IP header
	// LayerLinuxSLL is Linux's "cooked" header (LINKTYPE_LINUX_SLL), what
	// tcpdump -i any -xx printed before libpcap 1.10.
	LayerLinuxSLL
	// LayerLinuxSLL2 is its second version (LINKTYPE_LINUX_SLL2), what
	// tcpdump -i any -xx prints today.
	LayerLinuxSLL2
)

func (l Layer) String() string {
	switch l {
	case LayerEthernet:
		return "Ethernet"
	case LayerIPv4:
		return "IPv4"
	case LayerIPv6:
		return "IPv6"
	case LayerICMPv4:
		return "ICMPv4"
	case LayerICMPv6:
		return "ICMPv6"
	case LayerLinuxSLL:
		return "Linux SLL"
	case LayerLinuxSLL2:
		return "Linux SLL2"
	case LayerUnknown:
		return "unknown"
	}
	return "layer(" + strconv.Itoa(int(l)) + ")"
}

// EtherTypes that GuessLayer looks for (IEEE registry, as IANA lists them).
const (
	etherTypeIPv4  = 0x0800
	etherTypeARP   = 0x0806
	etherTypeVLAN  = 0x8100
	etherTypeQinQ  = 0x88a8
	etherTypeIPv6  = 0x86dd
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

// GuessLayer says where the bytes most likely start, and why, in words for a
// person ("starts with 0x45 and the IPv4 header checksum verifies"). Verified
// checksums and lengths that agree with the byte count outrank mere version
// nibbles; an IPv4 header with a good checksum outranks everything.
func GuessLayer(b []byte) (Layer, string) {
	v4, why4 := guessIPv4(b)
	if v4 == strong {
		return LayerIPv4, why4
	}
	eth, whyEth := guessEthernet(b)
	if eth == strong {
		return LayerEthernet, whyEth
	}
	if l, why := guessCooked(b); l != LayerUnknown {
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
	return LayerUnknown, "no IPv4 or IPv6 header, EtherType or ICMP checksum fits these " + strconv.Itoa(len(b)) + " bytes"
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
	et := int(binary.BigEndian.Uint16(b[at:]))
	tagged := ""
	for (et == etherTypeVLAN || et == etherTypeQinQ) && at+vlanTag+2 <= len(b) {
		at += vlanTag
		et = int(binary.BigEndian.Uint16(b[at:]))
		tagged = " after a VLAN tag"
	}
	inner := b[at+2:]
	prefix := "EtherType " + hexWord(et) + " at byte " + strconv.Itoa(at) + tagged
	switch et {
	case etherTypeIPv4:
		e, why := guessIPv4(inner)
		if e != none {
			return e, prefix + " (IPv4), and the next header " + why
		}
		return weak, prefix + " (IPv4)"
	case etherTypeIPv6:
		e, why := guessIPv6(inner)
		if e != none {
			return e, prefix + " (IPv6), and the next header has " + why
		}
		return weak, prefix + " (IPv6)"
	case etherTypeARP:
		return weak, prefix + " (ARP)"
	}
	return none, ""
}

// guessCooked recognises the Linux cooked headers, only when the IP header
// after them fits strongly: their own fields are too loose to go on.
func guessCooked(b []byte) (Layer, string) {
	inner := func(proto int, rest []byte) (evidence, string) {
		switch proto {
		case etherTypeIPv4:
			return guessIPv4(rest)
		case etherTypeIPv6:
			return guessIPv6(rest)
		}
		return none, ""
	}
	if len(b) >= sllHeader {
		pt, alen := int(binary.BigEndian.Uint16(b)), int(binary.BigEndian.Uint16(b[4:]))
		proto := int(binary.BigEndian.Uint16(b[14:]))
		if pt <= sllMaxPktType && alen <= sllMaxAddr {
			if e, why := inner(proto, b[sllHeader:]); e == strong {
				return LayerLinuxSLL, "a Linux cooked header (SLL) with protocol " + hexWord(proto) + " at byte 14, and the next header " + why
			}
		}
	}
	if len(b) >= sll2Header {
		proto := int(binary.BigEndian.Uint16(b))
		if binary.BigEndian.Uint16(b[2:]) == 0 && b[10] <= sllMaxPktType && b[11] <= sllMaxAddr {
			if e, why := inner(proto, b[sll2Header:]); e == strong {
				return LayerLinuxSLL2, "a Linux cooked header v2 (SLL2) with protocol " + hexWord(proto) + " at byte 0, and the next header " + why
			}
		}
	}
	return LayerUnknown, ""
}

func hexWord(v int) string {
	s := strconv.FormatInt(int64(v), 16)
	for len(s) < 4 {
		s = "0" + s
	}
	return "0x" + s
}

// MarshalText writes the layer's name for JSON.
func (l Layer) MarshalText() ([]byte, error) { return []byte(l.String()), nil }
