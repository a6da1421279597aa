package dissect

import (
	"strings"
)

// Layer names where dissection starts: a link type of a capture file, or a
// network or ICMP layer for bytes pasted without their link header.
type Layer uint8

const (
	LayerAuto       Layer = iota // guess from the bytes (see Guess)
	LayerEthernet                // Ethernet II / 802.3, with 802.1Q and 802.1ad tags
	LayerSLL                     // Linux cooked capture v1 (LINKTYPE_LINUX_SLL)
	LayerSLL2                    // Linux cooked capture v2 (LINKTYPE_LINUX_SLL2)
	LayerNull                    // BSD loopback, address family in either byte order
	LayerLoop                    // OpenBSD loopback, address family in network byte order
	LayerPPP                     // PPP, optionally in HDLC-like framing (LINKTYPE_PPP)
	LayerCHDLC                   // Cisco HDLC
	LayerFrameRelay              // Frame Relay with RFC 2427 encapsulation
	LayerIPoIB                   // IP over InfiniBand (4-byte header)
	LayerIPNet                   // Solaris ipnet
	LayerIP                      // raw IP, version from the first nibble
	LayerIPv4                    // raw IPv4
	LayerIPv6                    // raw IPv6
	LayerICMPv4                  // an ICMPv4 message without IP header
	LayerICMPv6                  // an ICMPv6 message without IP header (checksum unverifiable)
	LayerARCNET                  // Linux ARCNET (LINKTYPE_ARCNET_LINUX)
	LayerData                    // bytes of a link type the dissector does not read
)

var layerNames = [...]string{
	LayerAuto: "auto", LayerEthernet: "ethernet", LayerSLL: "sll", LayerSLL2: "sll2",
	LayerNull: "null", LayerLoop: "loop", LayerPPP: "ppp", LayerCHDLC: "chdlc",
	LayerFrameRelay: "fr", LayerIPoIB: "ipoib", LayerIPNet: "ipnet", LayerIP: "ip",
	LayerIPv4: "ipv4", LayerIPv6: "ipv6", LayerICMPv4: "icmpv4", LayerICMPv6: "icmpv6",
	LayerARCNET: "arcnet", LayerData: "data",
}

// layerTitles are how a person names the layers: "Linux SLL" where the id
// is "sll".
var layerTitles = [...]string{
	LayerAuto: "auto", LayerEthernet: "Ethernet", LayerSLL: "Linux SLL", LayerSLL2: "Linux SLL2",
	LayerNull: "BSD loopback", LayerLoop: "OpenBSD loopback", LayerPPP: "PPP", LayerCHDLC: "Cisco HDLC",
	LayerFrameRelay: "Frame Relay", LayerIPoIB: "IP over InfiniBand", LayerIPNet: "Solaris ipnet", LayerIP: "IP",
	LayerIPv4: "IPv4", LayerIPv6: "IPv6", LayerICMPv4: "ICMPv4", LayerICMPv6: "ICMPv6",
	LayerARCNET: "ARCNET", LayerData: "data",
}

// Title is the layer's name for a person ("IPv4", "Linux SLL"); String is
// its id for a command line or a select ("ipv4", "sll").
func (l Layer) Title() string {
	if int(l) < len(layerTitles) {
		return layerTitles[l]
	}
	return l.String()
}

// layerTitlesKO are the titles in Korean where Korean writes them
// otherwise; the rest (acronyms, product names) are the same in both.
var layerTitlesKO = [...]string{
	LayerAuto: "자동", LayerEthernet: "이더넷", LayerNull: "BSD 루프백", LayerLoop: "OpenBSD 루프백",
	LayerFrameRelay: "프레임 릴레이", LayerIPoIB: "InfiniBand 위의 IP", LayerData: "데이터",
}

// TitleKO is Title in Korean.
func (l Layer) TitleKO() string {
	if int(l) < len(layerTitlesKO) && layerTitlesKO[l] != "" {
		return layerTitlesKO[l]
	}
	return l.Title()
}

// MarshalText writes the layer's id for JSON.
func (l Layer) MarshalText() ([]byte, error) { return []byte(l.String()), nil }

func (l Layer) String() string {
	if int(l) < len(layerNames) {
		return layerNames[l]
	}
	return "layer(" + itoa(int(l)) + ")"
}

// Layers lists the accepted layer names, for a usage message.
func Layers() []string { return append([]string(nil), layerNames[:]...) }

// ParseLayer reads a layer name as a user types it ("eth", "ipv4", "icmp6",
// "raw", ...). The bool is false for an unknown name.
func ParseLayer(s string) (Layer, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, n := range layerNames {
		if n == s {
			return Layer(i), true
		}
	}
	switch s {
	case "", "guess":
		return LayerAuto, true
	case "eth", "ether", "en10mb":
		return LayerEthernet, true
	case "linux_sll", "cooked":
		return LayerSLL, true
	case "linux_sll2":
		return LayerSLL2, true
	case "raw", "rawip":
		return LayerIP, true
	case "ip4", "inet":
		return LayerIPv4, true
	case "ip6", "inet6":
		return LayerIPv6, true
	case "icmp", "icmp4":
		return LayerICMPv4, true
	case "icmp6":
		return LayerICMPv6, true
	case "framerelay", "frelay":
		return LayerFrameRelay, true
	case "c_hdlc", "hdlc":
		return LayerCHDLC, true
	}
	return LayerAuto, false
}

// pcap LINKTYPE_ values (tcpdump.org/linktypes.html) that Dissect reads.
const (
	linkNull       uint32 = 0
	linkEthernet   uint32 = 1
	linkPPP        uint32 = 9
	linkRawOpenBSD uint32 = 12
	linkRawBSD     uint32 = 14
	linkPPPHDLC    uint32 = 50
	linkRaw        uint32 = 101
	linkCHDLC      uint32 = 104
	linkFrameRelay uint32 = 107
	linkLoop       uint32 = 108
	linkSLL        uint32 = 113
	linkIPNet      uint32 = 226
	linkIPv4       uint32 = 228
	linkIPv6       uint32 = 229
	linkIPoIB      uint32 = 242
	linkSLL2       uint32 = 276
	linkARCNET     uint32 = 129
)

// LayerForLinkType maps a pcap/pcapng link type to the layer Dissect starts
// at. The bool is false for a link type it cannot read; the layer is then
// LayerData, which shows the frame as bytes.
func LayerForLinkType(lt uint32) (Layer, bool) {
	switch lt {
	case linkNull:
		return LayerNull, true
	case linkEthernet:
		return LayerEthernet, true
	case linkPPP, linkPPPHDLC:
		return LayerPPP, true
	case linkRaw, linkRawOpenBSD, linkRawBSD:
		return LayerIP, true
	case linkCHDLC:
		return LayerCHDLC, true
	case linkFrameRelay:
		return LayerFrameRelay, true
	case linkLoop:
		return LayerLoop, true
	case linkSLL:
		return LayerSLL, true
	case linkSLL2:
		return LayerSLL2, true
	case linkIPNet:
		return LayerIPNet, true
	case linkIPv4:
		return LayerIPv4, true
	case linkIPv6:
		return LayerIPv6, true
	case linkIPoIB:
		return LayerIPoIB, true
	case linkARCNET:
		return LayerARCNET, true
	}
	return LayerData, false
}

// LinkTypeForLayer is the pcap link type a packet starting at l is written
// with (the page's export of pasted packets). Raw IP of either version is
// LINKTYPE_RAW, so a paste mixing IPv4 and IPv6 is one interface. The bool
// is false where no link type exists: an ICMP message without its IP header.
func LinkTypeForLayer(l Layer) (uint32, bool) {
	switch l {
	case LayerEthernet:
		return linkEthernet, true
	case LayerSLL:
		return linkSLL, true
	case LayerSLL2:
		return linkSLL2, true
	case LayerNull:
		return linkNull, true
	case LayerLoop:
		return linkLoop, true
	case LayerPPP:
		return linkPPP, true
	case LayerCHDLC:
		return linkCHDLC, true
	case LayerFrameRelay:
		return linkFrameRelay, true
	case LayerIPoIB:
		return linkIPoIB, true
	case LayerIPNet:
		return linkIPNet, true
	case LayerIP, LayerIPv4, LayerIPv6:
		return linkRaw, true
	case LayerARCNET:
		return linkARCNET, true
	}
	return 0, false
}
