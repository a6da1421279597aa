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
// as tshark prints it in a summary or a Next Header field.
var protoNames = map[uint8]string{
	ProtoHopByHop: "IPv6 Hop-by-Hop Option",
	ProtoICMP:     "ICMP",
	ProtoIGMP:     "IGMP",
	ProtoIPv4:     "IPIP",
	ProtoTCP:      "TCP",
	ProtoUDP:      "UDP",
	ProtoIPv6:     "IPv6",
	ProtoRouting:  "IPv6 Routing",
	ProtoFragment: "IPv6 Fragment",
	ProtoGRE:      "GRE",
	ProtoESP:      "ESP",
	ProtoAH:       "AH",
	ProtoICMPv6:   "ICMPv6",
	ProtoNoNext:   "IPv6 No Next Header",
	ProtoDstOpts:  "IPv6 Destination Options",
	ProtoPIM:      "PIM",
	ProtoSCTP:     "SCTP",
}

// ProtoName is the short name of an IP protocol number ("ICMP", "IPv6
// Fragment"), and false with "Unknown" for a number codec does not list.
func ProtoName(p uint8) (string, bool) {
	n, ok := protoNames[p]
	if !ok {
		return "Unknown", false
	}
	return n, true
}

// ProtoString names a protocol with its number, never hiding the number:
// "UDP (17)", "Unknown (253)".
func ProtoString(p uint8) string {
	n, _ := ProtoName(p)
	return n + " (" + strconv.Itoa(int(p)) + ")"
}
