package filter

import (
	"sort"
	"strings"
	"sync"

	"icmplab/codec/dissect"
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
	name   string
	desc   string // one line for completion, in English
	descKO string // and in Korean
	kind   kind
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
	{name: "frame", desc: "every frame", descKO: "모든 프레임", spec: frameProto},
	{name: "frame.len", desc: "frame length on the wire", descKO: "선로 위 프레임 길이", kind: kindNum, spec: frameLen},
	{name: "frame.cap_len", desc: "bytes captured of the frame", descKO: "프레임 중 캡처된 바이트 수", kind: kindNum, spec: frameCapLen},
	{name: "frame.number", desc: "frame number in the capture (1-based)", descKO: "캡처 안의 프레임 번호(1부터)", kind: kindNum, spec: frameNumber},

	{name: "eth", desc: "Ethernet II", descKO: "이더넷 II(Ethernet II)"},
	{name: "eth.src", desc: "Ethernet source", descKO: "이더넷 출발지", kind: kindMAC},
	{name: "eth.dst", desc: "Ethernet destination", descKO: "이더넷 목적지", kind: kindMAC},
	{name: "eth.addr", desc: "Ethernet source or destination", descKO: "이더넷 출발지 또는 목적지", kind: kindMAC, tree: []string{"eth.src", "eth.dst"}},
	{name: "eth.type", desc: "EtherType", descKO: "이더타입(EtherType)", kind: kindNum},
	{name: "vlan", desc: "802.1Q VLAN tag", descKO: "802.1Q VLAN 태그"},
	{name: "sll", desc: "Linux cooked capture", descKO: "리눅스 cooked 캡처(SLL)"},

	{name: "ip", desc: "IPv4", descKO: "IPv4"},
	{name: "ip.version", desc: "IPv4 version", descKO: "IPv4 버전", kind: kindNum},
	{name: "ip.hdr_len", desc: "IPv4 header length (bytes)", descKO: "IPv4 헤더 길이(바이트)", kind: kindNum, scale: 4},
	{name: "ip.dsfield", desc: "IPv4 DS field (TOS)", descKO: "IPv4 DS 필드(TOS)", kind: kindNum},
	{name: "ip.dsfield.dscp", desc: "IPv4 DSCP", descKO: "IPv4 DSCP(차등 서비스 코드 포인트)", kind: kindNum},
	{name: "ip.dsfield.ecn", desc: "IPv4 ECN", descKO: "IPv4 ECN(명시적 혼잡 알림)", kind: kindNum},
	{name: "ip.len", desc: "IPv4 total length", descKO: "IPv4 전체 길이(total length)", kind: kindNum},
	{name: "ip.id", desc: "IPv4 identification", descKO: "IPv4 식별자(identification)", kind: kindNum},
	{name: "ip.flags.df", desc: "IPv4 don't fragment", descKO: "IPv4 단편화 금지(DF)", kind: kindNum},
	{name: "ip.flags.mf", desc: "IPv4 more fragments", descKO: "IPv4 추가 단편 있음(MF)", kind: kindNum},
	{name: "ip.frag_offset", desc: "IPv4 fragment offset (bytes)", descKO: "IPv4 단편 오프셋(바이트)", kind: kindNum, scale: 8},
	{name: "ip.ttl", desc: "IPv4 time to live", descKO: "IPv4 생존 시간(TTL)", kind: kindNum},
	{name: "ip.proto", desc: "IPv4 protocol", descKO: "IPv4 프로토콜", kind: kindNum},
	{name: "ip.checksum", desc: "IPv4 header checksum", descKO: "IPv4 헤더 체크섬", kind: kindNum},
	{name: "ip.src", desc: "IPv4 source", descKO: "IPv4 출발지", kind: kindAddr},
	{name: "ip.dst", desc: "IPv4 destination", descKO: "IPv4 목적지", kind: kindAddr},
	{name: "ip.addr", desc: "IPv4 source or destination", descKO: "IPv4 출발지 또는 목적지", kind: kindAddr, tree: []string{"ip.src", "ip.dst"}},

	{name: "ipv6", desc: "IPv6", descKO: "IPv6"},
	{name: "ipv6.flow", desc: "IPv6 flow label", descKO: "IPv6 흐름 레이블(flow label)", kind: kindNum},
	{name: "ipv6.plen", desc: "IPv6 payload length", descKO: "IPv6 페이로드 길이", kind: kindNum},
	{name: "ipv6.nxt", desc: "IPv6 next header", descKO: "IPv6 다음 헤더(next header)", kind: kindNum},
	{name: "ipv6.hlim", desc: "IPv6 hop limit", descKO: "IPv6 홉 제한(hop limit)", kind: kindNum},
	{name: "ipv6.src", desc: "IPv6 source", descKO: "IPv6 출발지", kind: kindAddr},
	{name: "ipv6.dst", desc: "IPv6 destination", descKO: "IPv6 목적지", kind: kindAddr},
	{name: "ipv6.addr", desc: "IPv6 source or destination", descKO: "IPv6 출발지 또는 목적지", kind: kindAddr, tree: []string{"ipv6.src", "ipv6.dst"}},

	{name: "icmp", desc: "ICMP (IPv4)", descKO: "ICMP(IPv4용)"},
	{name: "icmp.type", desc: "ICMP type", descKO: "ICMP 타입", kind: kindNum},
	{name: "icmp.code", desc: "ICMP code", descKO: "ICMP 코드", kind: kindNum},
	{name: "icmp.checksum", desc: "ICMP checksum", descKO: "ICMP 체크섬", kind: kindNum},
	{name: "icmp.checksum.status", desc: "ICMP checksum verdict: 0 bad, 1 good, 2 unverified", descKO: "ICMP 체크섬 판정: 0 틀림, 1 맞음, 2 확인 안 함", kind: kindNum, spec: checksumStatus4, tree: []string{"icmp"}},
	{name: "icmp.checksum_bad", desc: "ICMP checksum is wrong", descKO: "ICMP 체크섬이 틀림", spec: checksumBad4},
	{name: "icmp.ident", desc: "ICMP identifier", descKO: "ICMP 식별자(identifier)", kind: kindNum, tree: []string{"icmp.ident", "icmp.ext.echo.id"}}, // Wireshark names the RFC 8335 one icmp.ident too
	{name: "icmp.seq", desc: "ICMP sequence number", descKO: "ICMP 순서 번호(sequence number)", kind: kindNum},
	{name: "icmp.mtu", desc: "ICMP next-hop MTU", descKO: "ICMP 다음 홉 MTU", kind: kindNum},
	{name: "icmp.pointer", desc: "ICMP parameter problem pointer", descKO: "ICMP 매개변수 문제 포인터", kind: kindNum},
	{name: "icmp.redir_gw", desc: "ICMP redirect gateway", descKO: "ICMP 리다이렉트 게이트웨이", kind: kindAddr},
	{name: "icmp.ext", desc: "ICMP extension structure (RFC 4884)", descKO: "ICMP 확장 구조(RFC 4884)"},
	{name: "icmp.mpls.label", desc: "MPLS label in an ICMP extension", descKO: "ICMP 확장의 MPLS 레이블", kind: kindNum},

	{name: "icmpv6", desc: "ICMPv6", descKO: "ICMPv6"},
	{name: "icmpv6.type", desc: "ICMPv6 type", descKO: "ICMPv6 타입", kind: kindNum},
	{name: "icmpv6.code", desc: "ICMPv6 code", descKO: "ICMPv6 코드", kind: kindNum},
	{name: "icmpv6.checksum", desc: "ICMPv6 checksum", descKO: "ICMPv6 체크섬", kind: kindNum},
	{name: "icmpv6.checksum.status", desc: "ICMPv6 checksum verdict: 0 bad, 1 good, 2 unverified", descKO: "ICMPv6 체크섬 판정: 0 틀림, 1 맞음, 2 확인 안 함", kind: kindNum, spec: checksumStatus6, tree: []string{"icmpv6"}},
	{name: "icmpv6.checksum_bad", desc: "ICMPv6 checksum is wrong", descKO: "ICMPv6 체크섬이 틀림", spec: checksumBad6},
	{name: "icmpv6.echo.identifier", desc: "ICMPv6 echo identifier", descKO: "ICMPv6 에코 식별자(identifier)", kind: kindNum},
	{name: "icmpv6.echo.sequence_number", desc: "ICMPv6 echo sequence number", descKO: "ICMPv6 에코 순서 번호(sequence number)", kind: kindNum},
	{name: "icmpv6.mtu", desc: "ICMPv6 packet too big MTU", descKO: "ICMPv6 패킷 너무 큼(packet too big)의 MTU", kind: kindNum},
	{name: "icmpv6.pointer", desc: "ICMPv6 parameter problem pointer", descKO: "ICMPv6 매개변수 문제 포인터", kind: kindNum},
	{name: "icmpv6.nd.ns.target_address", desc: "neighbour solicitation target", descKO: "이웃 요청(neighbor solicitation) 대상 주소", kind: kindAddr},
	{name: "icmpv6.nd.na.target_address", desc: "neighbour advertisement target", descKO: "이웃 광고(neighbor advertisement) 대상 주소", kind: kindAddr},

	{name: "udp", desc: "UDP", descKO: "UDP"},
	{name: "udp.srcport", desc: "UDP source port", descKO: "UDP 출발지 포트", kind: kindNum},
	{name: "udp.dstport", desc: "UDP destination port", descKO: "UDP 목적지 포트", kind: kindNum},
	{name: "udp.port", desc: "UDP source or destination port", descKO: "UDP 출발지 또는 목적지 포트", kind: kindNum, tree: []string{"udp.srcport", "udp.dstport"}},
	{name: "udp.length", desc: "UDP length", descKO: "UDP 길이", kind: kindNum},
	{name: "udp.checksum", desc: "UDP checksum", descKO: "UDP 체크섬", kind: kindNum},

	{name: "tcp", desc: "TCP", descKO: "TCP"},
	{name: "tcp.srcport", desc: "TCP source port", descKO: "TCP 출발지 포트", kind: kindNum},
	{name: "tcp.dstport", desc: "TCP destination port", descKO: "TCP 목적지 포트", kind: kindNum},
	{name: "tcp.port", desc: "TCP source or destination port", descKO: "TCP 출발지 또는 목적지 포트", kind: kindNum, tree: []string{"tcp.srcport", "tcp.dstport"}},
	{name: "tcp.seq_raw", desc: "TCP sequence number", descKO: "TCP 순서 번호(sequence number)", kind: kindNum},
	{name: "tcp.ack_raw", desc: "TCP acknowledgement number", descKO: "TCP 확인 응답 번호(acknowledgement number)", kind: kindNum},
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
	Desc string `json:"desc"` // in the language asked
	// Type is "protocol" (present or not), "number", "address" or
	// "MAC address".
	Type string `json:"type"`
}

// Fields lists every field name in name order, with a one-line
// description in English.
func Fields() []Field { return FieldsIn(dissect.LangEN) }

// FieldsIn is Fields with the descriptions in l.
func FieldsIn(l dissect.Lang) []Field {
	out := make([]Field, 0, len(fieldTable))
	for _, f := range fieldTable {
		d := f.desc
		if l == dissect.LangKO {
			d = f.descKO
		}
		out = append(out, Field{Name: f.name, Desc: d, Type: f.kind.String()})
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
