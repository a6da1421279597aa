package codec

import "strconv"

// IP protocol numbers that codec does not parse but that a dissection of a
// whole capture meets and names (IANA "Assigned Internet Protocol Numbers").
// The ones codec parses (ICMP, TCP, UDP, the IPv6 extension headers, ...)
// are declared with Family, beside the ICMP they carry.
const (
	ProtoIGMP uint8 = 2
	ProtoGRE  uint8 = 47  // RFC 2784
	ProtoPIM  uint8 = 103 // RFC 7761
	ProtoSCTP uint8 = 132
)

// PIMRegister is the PIM message type (RFC 7761 4.9) whose body is a whole
// multicast datagram: the one PIM message a dissection follows inside.
const PIMRegister uint8 = 1

// protoNames holds the short name of every protocol number codec declares,
// as tshark prints it in a summary or a Next Header field, with its Korean
// beside it: acronyms stay as they are in Korean too, the IPv6 extension
// headers' names are translated with the English term kept in parentheses.
var protoNames = map[uint8]names{
	ProtoHopByHop: nm("IPv6 Hop-by-Hop Option", "IPv6 홉별 옵션 (Hop-by-Hop Option)"),
	ProtoICMP:     nm("ICMP", "ICMP"),
	ProtoIGMP:     nm("IGMP", "IGMP"),
	ProtoIPv4:     nm("IPIP", "IPIP"),
	ProtoTCP:      nm("TCP", "TCP"),
	ProtoUDP:      nm("UDP", "UDP"),
	ProtoIPv6:     nm("IPv6", "IPv6"),
	ProtoRouting:  nm("IPv6 Routing", "IPv6 라우팅 (Routing)"),
	ProtoFragment: nm("IPv6 Fragment", "IPv6 조각 (Fragment)"),
	ProtoGRE:      nm("GRE", "GRE"),
	ProtoESP:      nm("ESP", "ESP"),
	ProtoAH:       nm("AH", "AH"),
	ProtoICMPv6:   nm("ICMPv6", "ICMPv6"),
	ProtoNoNext:   nm("IPv6 No Next Header", "IPv6 다음 헤더 없음 (No Next Header)"),
	ProtoDstOpts:  nm("IPv6 Destination Options", "IPv6 목적지 옵션 (Destination Options)"),
	ProtoPIM:      nm("PIM", "PIM"),
	ProtoSCTP:     nm("SCTP", "SCTP"),
}

// ProtoName is the short name of an IP protocol number ("ICMP", "IPv6
// Fragment"), and false with "Unknown" for a number codec does not list.
func ProtoName(p uint8) (string, bool) {
	n, ok := protoNames[p]
	if !ok {
		return "Unknown", false
	}
	return n.en, true
}

// ProtoNameKO is ProtoName in Korean ("IPv6 조각 (Fragment)"), and false
// with "알 수 없음" for a number codec does not list.
func ProtoNameKO(p uint8) (string, bool) {
	n, ok := protoNames[p]
	if !ok {
		return "알 수 없음", false
	}
	return n.ko, true
}

// ProtoString names a protocol with its number, never hiding the number:
// "UDP (17)", "Unknown (253)".
func ProtoString(p uint8) string {
	n, _ := ProtoName(p)
	return n + " (" + strconv.Itoa(int(p)) + ")"
}
