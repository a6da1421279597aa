package capture

import "strconv"

// LinkType is a link-layer header type from the tcpdump.org registry
// (LINKTYPE_*), as pcap file headers and pcapng interface blocks carry it.
type LinkType uint16

// The link types an ICMP workbench meets; others keep their number.
const (
	LinkNull       LinkType = 0   // BSD loopback: 4-byte address family, host order
	LinkEthernet   LinkType = 1   // IEEE 802.3
	LinkPPP        LinkType = 9   // PPP (RFC 1661) with an optional HDLC-like frame
	LinkPPPHDLC    LinkType = 50  // PPP in HDLC-like framing (RFC 1662)
	LinkRaw        LinkType = 101 // raw IP, version from the first nibble
	LinkCiscoHDLC  LinkType = 104 // Cisco HDLC
	LinkIEEE80211  LinkType = 105 // 802.11 without radio header
	LinkFrameRelay LinkType = 107 // Frame Relay (Q.922)
	LinkLoop       LinkType = 108 // OpenBSD loopback: 4-byte address family, network order
	LinkLinuxSLL   LinkType = 113 // Linux "cooked" capture v1 (tcpdump -i any before libpcap 1.10)
	LinkRadiotap   LinkType = 127 // 802.11 with radiotap header
	LinkIPv4       LinkType = 228 // raw IPv4
	LinkIPv6       LinkType = 229 // raw IPv6
	LinkLinuxSLL2  LinkType = 276 // Linux "cooked" capture v2 (tcpdump -i any)
)

var linkNames = map[LinkType]string{
	LinkNull:       "Null",
	LinkEthernet:   "Ethernet",
	LinkPPP:        "PPP",
	LinkPPPHDLC:    "PPP HDLC",
	LinkRaw:        "Raw IP",
	LinkCiscoHDLC:  "Cisco HDLC",
	LinkIEEE80211:  "IEEE 802.11",
	LinkFrameRelay: "Frame Relay",
	LinkLoop:       "Loop",
	LinkLinuxSLL:   "Linux SLL",
	LinkRadiotap:   "Radiotap",
	LinkIPv4:       "IPv4",
	LinkIPv6:       "IPv6",
	LinkLinuxSLL2:  "Linux SLL2",
}

// String gives the name and the number, "Ethernet (1)", so an unknown type
// still prints its number: "LinkType(147)".
func (l LinkType) String() string {
	if n, ok := linkNames[l]; ok {
		return n + " (" + strconv.Itoa(int(l)) + ")"
	}
	return "LinkType(" + strconv.Itoa(int(l)) + ")"
}

// Name is the bare name ("Ethernet"), or "" for a type this package does
// not name.
func (l LinkType) Name() string { return linkNames[l] }
