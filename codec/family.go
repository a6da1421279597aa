package codec

import "strconv"

// Family says which ICMP a message belongs to. The values are the IP versions,
// so a Family prints as people say it ("ICMPv4", "ICMPv6").
type Family uint8

const (
	IPv4 Family = 4
	IPv6 Family = 6
)

func (f Family) String() string {
	switch f {
	case IPv4:
		return "ICMPv4"
	case IPv6:
		return "ICMPv6"
	}
	return "family(" + strconv.Itoa(int(f)) + ")"
}

// Protocol is the IP protocol number that carries this family's ICMP
// (1 for ICMPv4, 58 for ICMPv6).
func (f Family) Protocol() uint8 {
	if f == IPv6 {
		return ProtoICMPv6
	}
	return ProtoICMP
}

// IP protocol numbers used by the codec (IANA "Assigned Internet Protocol Numbers").
const (
	ProtoHopByHop uint8 = 0
	ProtoICMP     uint8 = 1
	ProtoIPv4     uint8 = 4 // IP in IP
	ProtoTCP      uint8 = 6
	ProtoUDP      uint8 = 17
	ProtoIPv6     uint8 = 41
	ProtoRouting  uint8 = 43
	ProtoFragment uint8 = 44
	ProtoESP      uint8 = 50
	ProtoAH       uint8 = 51
	ProtoICMPv6   uint8 = 58
	ProtoNoNext   uint8 = 59
	ProtoDstOpts  uint8 = 60
)

// Type is an ICMP message type. Its meaning depends on the Family; the registry
// (LookupType) gives names and explanations for both.
type Type uint8

// Code is an ICMP message code, interpreted within its Type.
type Code uint8
