package filter

import (
	"sort"
	"strings"
	"sync"
)

// kind is what values a field holds, and so how its literals are read.
type kind uint8

const (
	kindNone kind = iota // a protocol or a flag: present or not, no value
	kindNum              // an unsigned integer (also 1-bit flags)
	kindAddr             // an IPv4 or IPv6 address
	kindMAC              // a 48-bit Ethernet address, held as a number
)

func (k kind) String() string {
	switch k {
	case kindNum:
		return "number"
	case kindAddr:
		return "address"
	case kindMAC:
		return "MAC address"
	}
	return "protocol"
}

// special marks fields that are not read from tree nodes' bytes.
type special uint8

const (
	fromTree special = iota
	frameLen
	frameCapLen
	frameNumber
	frameProto
	checksumBad4
	checksumBad6
	checksumStatus4
	checksumStatus6
)

// field is one name the language knows.
type field struct {
	name string
	desc string
	kind kind
	// tree lists the dissection field ids whose nodes give its values
	// (aliases such as udp.port list several); nil means its own name.
	tree []string
	spec special
	// scale multiplies the raw bits into Wireshark's unit: the IHL nibble
	// counts 4-byte words, the fragment offset 8-byte blocks (0 means 1).
	scale uint64
}

// fieldTable is every field the language accepts, with Wireshark's name.
// The dissection's field ids (codec/dissect) are Wireshark's too, so most
// names read nodes of the same id.
var fieldTable = []field{
	{name: "frame", desc: "every frame", spec: frameProto},
	{name: "frame.len", desc: "frame length on the wire", kind: kindNum, spec: frameLen},
	{name: "frame.cap_len", desc: "bytes captured of the frame", kind: kindNum, spec: frameCapLen},
	{name: "frame.number", desc: "frame number in the capture (1-based)", kind: kindNum, spec: frameNumber},

	{name: "eth", desc: "Ethernet II"},
	{name: "eth.src", desc: "Ethernet source", kind: kindMAC},
	{name: "eth.dst", desc: "Ethernet destination", kind: kindMAC},
	{name: "eth.addr", desc: "Ethernet source or destination", kind: kindMAC, tree: []string{"eth.src", "eth.dst"}},
	{name: "eth.type", desc: "EtherType", kind: kindNum},
	{name: "vlan", desc: "802.1Q VLAN tag"},
	{name: "sll", desc: "Linux cooked capture"},

	{name: "ip", desc: "IPv4"},
	{name: "ip.version", desc: "IPv4 version", kind: kindNum},
	{name: "ip.hdr_len", desc: "IPv4 header length (bytes)", kind: kindNum, scale: 4},
	{name: "ip.dsfield", desc: "IPv4 DS field (TOS)", kind: kindNum},
	{name: "ip.dsfield.dscp", desc: "IPv4 DSCP", kind: kindNum},
	{name: "ip.dsfield.ecn", desc: "IPv4 ECN", kind: kindNum},
	{name: "ip.len", desc: "IPv4 total length", kind: kindNum},
	{name: "ip.id", desc: "IPv4 identification", kind: kindNum},
	{name: "ip.flags.df", desc: "IPv4 don't fragment", kind: kindNum},
	{name: "ip.flags.mf", desc: "IPv4 more fragments", kind: kindNum},
	{name: "ip.frag_offset", desc: "IPv4 fragment offset (bytes)", kind: kindNum, scale: 8},
	{name: "ip.ttl", desc: "IPv4 time to live", kind: kindNum},
	{name: "ip.proto", desc: "IPv4 protocol", kind: kindNum},
	{name: "ip.checksum", desc: "IPv4 header checksum", kind: kindNum},
	{name: "ip.src", desc: "IPv4 source", kind: kindAddr},
	{name: "ip.dst", desc: "IPv4 destination", kind: kindAddr},
	{name: "ip.addr", desc: "IPv4 source or destination", kind: kindAddr, tree: []string{"ip.src", "ip.dst"}},

	{name: "ipv6", desc: "IPv6"},
	{name: "ipv6.flow", desc: "IPv6 flow label", kind: kindNum},
	{name: "ipv6.plen", desc: "IPv6 payload length", kind: kindNum},
	{name: "ipv6.nxt", desc: "IPv6 next header", kind: kindNum},
	{name: "ipv6.hlim", desc: "IPv6 hop limit", kind: kindNum},
	{name: "ipv6.src", desc: "IPv6 source", kind: kindAddr},
	{name: "ipv6.dst", desc: "IPv6 destination", kind: kindAddr},
	{name: "ipv6.addr", desc: "IPv6 source or destination", kind: kindAddr, tree: []string{"ipv6.src", "ipv6.dst"}},

	{name: "icmp", desc: "ICMP (IPv4)"},
	{name: "icmp.type", desc: "ICMP type", kind: kindNum},
	{name: "icmp.code", desc: "ICMP code", kind: kindNum},
	{name: "icmp.checksum", desc: "ICMP checksum", kind: kindNum},
	{name: "icmp.checksum.status", desc: "ICMP checksum verdict: 0 bad, 1 good, 2 unverified", kind: kindNum, spec: checksumStatus4, tree: []string{"icmp"}},
	{name: "icmp.checksum_bad", desc: "ICMP checksum is wrong", spec: checksumBad4},
	{name: "icmp.ident", desc: "ICMP identifier", kind: kindNum, tree: []string{"icmp.ident", "icmp.ext.echo.id"}}, // Wireshark names the RFC 8335 one icmp.ident too
	{name: "icmp.seq", desc: "ICMP sequence number", kind: kindNum},
	{name: "icmp.mtu", desc: "ICMP next-hop MTU", kind: kindNum},
	{name: "icmp.pointer", desc: "ICMP parameter problem pointer", kind: kindNum},
	{name: "icmp.redir_gw", desc: "ICMP redirect gateway", kind: kindAddr},
	{name: "icmp.ext", desc: "ICMP extension structure (RFC 4884)"},
	{name: "icmp.mpls.label", desc: "MPLS label in an ICMP extension", kind: kindNum},

	{name: "icmpv6", desc: "ICMPv6"},
	{name: "icmpv6.type", desc: "ICMPv6 type", kind: kindNum},
	{name: "icmpv6.code", desc: "ICMPv6 code", kind: kindNum},
	{name: "icmpv6.checksum", desc: "ICMPv6 checksum", kind: kindNum},
	{name: "icmpv6.checksum.status", desc: "ICMPv6 checksum verdict: 0 bad, 1 good, 2 unverified", kind: kindNum, spec: checksumStatus6, tree: []string{"icmpv6"}},
	{name: "icmpv6.checksum_bad", desc: "ICMPv6 checksum is wrong", spec: checksumBad6},
	{name: "icmpv6.echo.identifier", desc: "ICMPv6 echo identifier", kind: kindNum},
	{name: "icmpv6.echo.sequence_number", desc: "ICMPv6 echo sequence number", kind: kindNum},
	{name: "icmpv6.mtu", desc: "ICMPv6 packet too big MTU", kind: kindNum},
	{name: "icmpv6.pointer", desc: "ICMPv6 parameter problem pointer", kind: kindNum},
	{name: "icmpv6.nd.ns.target_address", desc: "neighbour solicitation target", kind: kindAddr},
	{name: "icmpv6.nd.na.target_address", desc: "neighbour advertisement target", kind: kindAddr},

	{name: "udp", desc: "UDP"},
	{name: "udp.srcport", desc: "UDP source port", kind: kindNum},
	{name: "udp.dstport", desc: "UDP destination port", kind: kindNum},
	{name: "udp.port", desc: "UDP source or destination port", kind: kindNum, tree: []string{"udp.srcport", "udp.dstport"}},
	{name: "udp.length", desc: "UDP length", kind: kindNum},
	{name: "udp.checksum", desc: "UDP checksum", kind: kindNum},

	{name: "tcp", desc: "TCP"},
	{name: "tcp.srcport", desc: "TCP source port", kind: kindNum},
	{name: "tcp.dstport", desc: "TCP destination port", kind: kindNum},
	{name: "tcp.port", desc: "TCP source or destination port", kind: kindNum, tree: []string{"tcp.srcport", "tcp.dstport"}},
	{name: "tcp.seq_raw", desc: "TCP sequence number", kind: kindNum},
	{name: "tcp.ack_raw", desc: "TCP acknowledgement number", kind: kindNum},
}

// fieldByName indexes fieldTable, on the first filter compiled: a program
// that filters nothing (the page until its first filter, README
// "Start-up") never builds it.
var fieldByName = sync.OnceValue(func() map[string]*field {
	m := make(map[string]*field, len(fieldTable))
	for i := range fieldTable {
		f := &fieldTable[i]
		if f.tree == nil && f.spec == fromTree {
			f.tree = []string{f.name}
		}
		m[f.name] = f
	}
	return m
})

// Field is a name the language knows, for completion in the page.
type Field struct {
	Name string `json:"name"`
	Desc string `json:"desc"`
	// Type is "protocol" (present or not), "number", "address" or
	// "MAC address".
	Type string `json:"type"`
}

// Fields lists every field name in name order, with a one-line
// description.
func Fields() []Field {
	out := make([]Field, 0, len(fieldTable))
	for _, f := range fieldTable {
		out = append(out, Field{Name: f.name, Desc: f.desc, Type: f.kind.String()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// suggest is the known name closest to a mistyped one, "" when none is
// close: a prefix of it, or within two edits.
func suggest(name string) string {
	best, bestD := "", 3
	for _, f := range fieldTable {
		d := editDistance(name, f.name)
		if d < bestD || d == bestD && best != "" && f.name < best {
			best, bestD = f.name, d
		}
	}
	if best == "" {
		for _, f := range fieldTable {
			if strings.HasPrefix(f.name, name+".") {
				return f.name
			}
		}
	}
	return best
}

// editDistance is the Levenshtein distance, bounded work for short names.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return 99
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
