package dissect

import (
	"encoding/binary"
	"strings"

	"icmplab/codec"
	"icmplab/codec/textdump"
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

// Guess picks a start layer for bytes of unknown origin (pasted hex). It
// asks textdump.GuessLayer, which weighs verified checksums and agreeing
// lengths, and falls back to the version nibble, a Linux cooked header and
// the ICMP type byte.
func Guess(b []byte) Layer {
	l, _ := GuessWhy(b)
	return l
}

// GuessWhy is Guess with the reason, in words for a person.
func GuessWhy(b []byte) (Layer, string) {
	switch l, why := textdump.GuessLayer(b); l {
	case textdump.LayerEthernet:
		return LayerEthernet, why
	case textdump.LayerIPv4:
		return LayerIPv4, why
	case textdump.LayerIPv6:
		return LayerIPv6, why
	case textdump.LayerICMPv4:
		return LayerICMPv4, why
	case textdump.LayerICMPv6:
		return LayerICMPv6, why
	}
	if looksIPv4(b) {
		return LayerIPv4, "starts with an IPv4 version nibble and a plausible header length"
	}
	if looksIPv6(b) {
		return LayerIPv6, "starts with an IPv6 version nibble"
	}
	if len(b) >= 16 {
		if p := codec.EtherType(binary.BigEndian.Uint16(b[14:])); p == codec.EtherTypeIPv4 || p == codec.EtherTypeIPv6 {
			return LayerSLL, "bytes 14-15 hold an IP EtherType, as in a Linux cooked header"
		}
	}
	return LayerICMPv4, "nothing else fits: read as an ICMPv4 message"
}

func looksIPv4(b []byte) bool {
	if len(b) < 20 || b[0]>>4 != 4 || b[0]&0x0f < 5 {
		return false
	}
	tl := int(binary.BigEndian.Uint16(b[2:]))
	return tl >= int(b[0]&0x0f)*4
}

func looksIPv6(b []byte) bool {
	return len(b) >= 40 && b[0]>>4 == 6
}
