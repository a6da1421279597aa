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
func GuessWhy(b []byte) (Layer, string) { return GuessWhyIn(b, LangEN) }

// GuessWhyIn is GuessWhy with the reason in l, the same numbers in every
// language.
func GuessWhyIn(b []byte, l Lang) (Layer, string) {
	if lr, why := guess(b, l); lr != LayerAuto {
		return lr, why
	}
	if looksIPv4(b) {
		return LayerIPv4, l.say("starts with an IPv4 version nibble and a plausible header length",
			"IPv4 버전 니블(version nibble)로 시작하고 헤더 길이가 그럴듯함")
	}
	if looksIPv6(b) {
		return LayerIPv6, l.say("starts with an IPv6 version nibble", "IPv6 버전 니블(version nibble)로 시작함")
	}
	if len(b) >= sllHeader {
		if p := codec.EtherType(binary.BigEndian.Uint16(b[14:])); p == codec.EtherTypeIPv4 || p == codec.EtherTypeIPv6 {
			return LayerSLL, l.say("bytes 14-15 hold an IP EtherType, as in a Linux cooked header",
				"바이트 14-15에 IP 이더타입(EtherType)이 있음: 리눅스 쿠킹 헤더(Linux cooked header)와 같은 배치")
		}
	}
	return LayerICMPv4, l.say("nothing else fits: read as an ICMPv4 message", "맞는 것이 없어 ICMPv4 메시지로 읽음")
}

// StartsAtNetwork reports whether the bytes read as an IP datagram rather
// than a link-layer frame: what tells tcpdump -x from -xx, whose text is the
// same (textdump.Options.StartsAtNetwork).
func StartsAtNetwork(b []byte) bool {
	l, _ := guess(b, LangEN)
	return l == LayerIPv4 || l == LayerIPv6
}

// guess weighs the evidence; LayerAuto when no hypothesis has any.
func guess(b []byte, l Lang) (Layer, string) {
	v4, why4 := guessIPv4(b, l)
	if v4 == strong {
		return LayerIPv4, why4
	}
	eth, whyEth := guessEthernet(b, l)
	if eth == strong {
		return LayerEthernet, whyEth
	}
	if lc, why := guessCooked(b, l); lc != LayerAuto {
		return lc, why
	}
	v6, why6 := guessIPv6(b, l)
	if v6 == strong {
		return LayerIPv6, why6
	}
	if len(b) >= icmpHeader && codec.Checksum(b) == 0 && !allZero(b) {
		if l == LangKO {
			return LayerICMPv4, strconv.Itoa(len(b)) + "바이트 전체에 대한 ICMPv4 체크섬(Checksum)이 맞음 (유형 " + strconv.Itoa(int(b[0])) + ", " + codec.TypeNameKO(codec.IPv4, codec.Type(b[0])) + ")"
		}
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
			if l == LangKO {
				return LayerICMPv6, "바이트 0은 ICMPv6 유형 " + strconv.Itoa(int(b[0])) + " (" + codec.TypeNameKO(codec.IPv6, codec.Type(b[0])) + "): ICMPv6 체크섬(Checksum)은 주소 없이 검증할 수 없음"
			}
			return LayerICMPv6, "byte 0 is ICMPv6 type " + strconv.Itoa(int(b[0])) + " (" + codec.TypeName(codec.IPv6, codec.Type(b[0])) + "); an ICMPv6 checksum cannot be checked without the addresses"
		}
	}
	return LayerAuto, l.say("no IPv4 or IPv6 header, EtherType or ICMP checksum fits these "+strconv.Itoa(len(b))+" bytes",
		"이 "+strconv.Itoa(len(b))+"바이트에 맞는 IPv4나 IPv6 헤더, 이더타입(EtherType), ICMP 체크섬이 없음")
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

func guessIPv4(b []byte, l Lang) (evidence, string) {
	if len(b) < codec.IPv4MinHeaderLen || b[0]>>4 != 4 {
		return none, ""
	}
	hl := int(b[0]&0x0f) * 4
	if hl < codec.IPv4MinHeaderLen || hl > len(b) {
		return none, ""
	}
	if codec.Checksum(b[:hl]) == 0 {
		return strong, l.say("starts with "+hex2(int(b[0]))+" and the IPv4 header checksum verifies",
			"첫 바이트 "+hex2(int(b[0]))+", IPv4 헤더 체크섬(Header Checksum)이 맞음")
	}
	if tl := int(binary.BigEndian.Uint16(b[codec.IPv4TotalLengthOffset:])); tl == len(b) {
		return weak, l.say("starts with "+hex2(int(b[0]))+" and the IPv4 total length "+strconv.Itoa(tl)+" equals the byte count (the header checksum does not verify)",
			"첫 바이트 "+hex2(int(b[0]))+", IPv4 전체 길이(Total Length) "+strconv.Itoa(tl)+": 바이트 수와 같음 (헤더 체크섬은 틀림)")
	}
	return none, ""
}

func guessIPv6(b []byte, l Lang) (evidence, string) {
	if len(b) < codec.IPv6HeaderLen || b[0]>>4 != 6 {
		return none, ""
	}
	pl := int(binary.BigEndian.Uint16(b[codec.IPv6PayloadLengthOffset:]))
	if pl+codec.IPv6HeaderLen == len(b) {
		return strong, l.say("version nibble 6 and the payload length "+strconv.Itoa(pl)+" plus the 40-byte header equals the "+strconv.Itoa(len(b))+" bytes given",
			"버전 니블 6, 페이로드 길이(Payload Length) "+strconv.Itoa(pl)+"에 40바이트 헤더를 더하면 주어진 "+strconv.Itoa(len(b))+"바이트와 같음")
	}
	if pl+codec.IPv6HeaderLen > len(b) {
		return weak, l.say("version nibble 6; the payload length "+strconv.Itoa(pl)+" says the packet is cut short",
			"버전 니블 6, 페이로드 길이(Payload Length) "+strconv.Itoa(pl)+": 패킷이 잘렸음")
	}
	return none, ""
}

func guessEthernet(b []byte, l Lang) (evidence, string) {
	if len(b) < ethernetHeader {
		return none, ""
	}
	at := 12
	et := codec.EtherType(binary.BigEndian.Uint16(b[at:]))
	tagged := ""
	for et.IsVLANTag() && et != codec.EtherTypeQinQOld && at+vlanTag+2 <= len(b) {
		at += vlanTag
		et = codec.EtherType(binary.BigEndian.Uint16(b[at:]))
		tagged = l.say(" after a VLAN tag", " (VLAN 태그 뒤)")
	}
	inner := b[at+2:]
	prefix := l.say("EtherType "+et.String()+" at byte "+strconv.Itoa(at)+tagged, "바이트 "+strconv.Itoa(at)+"의 이더타입(EtherType) "+et.String()+tagged)
	switch et {
	case codec.EtherTypeIPv4:
		e, why := guessIPv4(inner, l)
		if e != none {
			return e, prefix + l.say(", and the next header ", ", 다음 헤더: ") + why
		}
		return weak, prefix
	case codec.EtherTypeIPv6:
		e, why := guessIPv6(inner, l)
		if e != none {
			return e, prefix + l.say(", and the next header has ", ", 다음 헤더: ") + why
		}
		return weak, prefix
	case codec.EtherTypeARP:
		return weak, prefix
	}
	return none, ""
}

// guessCooked recognises the Linux cooked headers, only when the IP header
// after them fits strongly: their own fields are too loose to go on.
func guessCooked(b []byte, l Lang) (Layer, string) {
	inner := func(proto codec.EtherType, rest []byte) (evidence, string) {
		switch proto {
		case codec.EtherTypeIPv4:
			return guessIPv4(rest, l)
		case codec.EtherTypeIPv6:
			return guessIPv6(rest, l)
		}
		return none, ""
	}
	if len(b) >= sllHeader {
		pt, alen := int(binary.BigEndian.Uint16(b)), int(binary.BigEndian.Uint16(b[4:]))
		proto := codec.EtherType(binary.BigEndian.Uint16(b[14:]))
		if pt <= sllMaxPktType && alen <= sllMaxAddr {
			if e, why := inner(proto, b[sllHeader:]); e == strong {
				return LayerSLL, l.say("a Linux cooked header (SLL) with protocol "+proto.String()+" at byte 14, and the next header ",
					"리눅스 쿠킹 헤더(SLL), 바이트 14의 프로토콜 "+proto.String()+", 다음 헤더: ") + why
			}
		}
	}
	if len(b) >= sll2Header {
		proto := codec.EtherType(binary.BigEndian.Uint16(b))
		if binary.BigEndian.Uint16(b[2:]) == 0 && b[10] <= sllMaxPktType && b[11] <= sllMaxAddr {
			if e, why := inner(proto, b[sll2Header:]); e == strong {
				return LayerSLL2, l.say("a Linux cooked header v2 (SLL2) with protocol "+proto.String()+" at byte 0, and the next header ",
					"리눅스 쿠킹 헤더 v2(SLL2), 바이트 0의 프로토콜 "+proto.String()+", 다음 헤더: ") + why
			}
		}
	}
	return LayerAuto, ""
}

func looksIPv4(b []byte) bool {
	if len(b) < codec.IPv4MinHeaderLen || b[0]>>4 != 4 || b[0]&0x0f < 5 {
		return false
	}
	tl := int(binary.BigEndian.Uint16(b[codec.IPv4TotalLengthOffset:]))
	return tl >= int(b[0]&0x0f)*4
}

func looksIPv6(b []byte) bool {
	return len(b) >= codec.IPv6HeaderLen && b[0]>>4 == 6
}
