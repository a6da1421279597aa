package codec

import (
	"net/netip"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"golang.org/x/net/icmp"
	"golang.org/x/net/ipv4"
)

// benchCases are whole IPv4 datagrams as a raw socket receives them: an
// echo request with 56 bytes of data (ping's default), and a time exceeded
// quoting a UDP traceroute probe (traceroute's default 60-byte probe).
var benchCases = []struct{ name, fixture string }{
	{"echo", "v4_echo_request"},
	{"timeexceeded", "v4_ttl_exceeded_udp"},
}

// BenchmarkDecode compares icmplab with gopacket and x/net on the same bytes.
// icmplab does more: both checksums verified, and for the error the quoted
// datagram's flow key; the others only read headers.
//
// Each library decodes the way its receive loop would. icmplab's loop
// reuses one Packet and one FlowKey from datagram to datagram and reads
// them through pointers (Packet.Decode, Packet.Echo, FlowKey.DecodeQuote),
// just as gopacket's DecodingLayerParser reuses its layer structs; x/net
// has no reusing form. Nothing is cached between iterations: every one
// decodes and verifies the whole datagram anew. BenchmarkDecodeValue is the
// by-value convenience API (DecodeIP, Message.Echo, Message.QuotedFlow),
// which pays for copying Packet, Message and FlowKey.
func BenchmarkDecode(b *testing.B) {
	for _, c := range benchCases {
		data := fixtureByName(b, c.fixture)
		b.Run("icmplab/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			var (
				p Packet
				k FlowKey
				n int
			)
			for b.Loop() {
				if err := p.Decode(data); err != nil || p.V4.Sum.Status != ChecksumGood || p.ICMP.Sum.Status != ChecksumGood {
					b.Fatal(err)
				}
				if e, ok := p.Echo(); ok {
					n += int(e.Seq)
					continue
				}
				if err := k.DecodeQuote(&p.ICMP); err != nil {
					b.Fatal(err)
				}
				n += int(k.DstPort)
			}
			sink = n
		})
		b.Run("gopacket/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			var (
				ip4     layers.IPv4
				icmp4   layers.ICMPv4
				payload gopacket.Payload
			)
			parser := gopacket.NewDecodingLayerParser(layers.LayerTypeIPv4, &ip4, &icmp4, &payload)
			decoded := make([]gopacket.LayerType, 0, 4)
			var n int
			for b.Loop() {
				if err := parser.DecodeLayers(data, &decoded); err != nil {
					b.Fatal(err)
				}
				n += int(icmp4.Seq) + len(decoded)
			}
			sink = n
		})
		b.Run("xnet/"+c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			var n int
			for b.Loop() {
				h, err := ipv4.ParseHeader(data)
				if err != nil {
					b.Fatal(err)
				}
				m, err := icmp.ParseMessage(1, data[h.Len:])
				if err != nil {
					b.Fatal(err)
				}
				n += m.Code + h.TTL
			}
			sink = n
		})
	}
}

// BenchmarkAppend builds messages into a reused buffer.
func BenchmarkAppend(b *testing.B) {
	data := make([]byte, 56)
	quote := fixtureByName(b, "v4_ttl_exceeded_udp")[28:]
	ext := NewExtensions(nil, AppendMPLSObject(nil, MPLSEntry{Label: 100704, S: true, TTL: 1}))
	src, dst := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")
	buf := make([]byte, 0, 1500)
	b.Run("echo4", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			buf = Append(buf[:0], Header{Family: IPv4, Type: ICMPv4EchoRequest}, Echo{ID: 1, Seq: uint16(i), Data: data})
		}
	})
	b.Run("echo6", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			buf = Append(buf[:0], Header{Family: IPv6, Type: ICMPv6EchoRequest, Src: src, Dst: dst}, Echo{ID: 1, Seq: uint16(i), Data: data})
		}
	})
	b.Run("ipv4+echo", func(b *testing.B) {
		b.ReportAllocs()
		h := IPv4Header{TotalLength: 84, TTL: 64, Protocol: ProtoICMP, Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.0.2")}
		for i := 0; b.Loop(); i++ {
			buf = h.AppendHeader(buf[:0])
			buf = Append(buf, Header{Family: IPv4, Type: ICMPv4EchoRequest}, Echo{ID: 1, Seq: uint16(i), Data: data})
		}
	})
	b.Run("timeexceeded+mpls", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			buf = Append(buf[:0], Header{Family: IPv4, Type: ICMPv4TimeExceeded}, ErrorBody{Quote: quote, Ext: ext})
		}
	})
	b.Run("udp-probe", func(b *testing.B) {
		b.ReportAllocs()
		s4, d4 := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2")
		for i := 0; b.Loop(); i++ {
			buf = AppendUDP(buf[:0], UDPHeader{SrcPort: 33000, DstPort: uint16(33434 + i)}, data[:32], s4, d4)
		}
	})
}

// BenchmarkDecodeValue is BenchmarkDecode/icmplab with the by-value API:
// a Packet returned, a Message and a FlowKey copied.
func BenchmarkDecodeValue(b *testing.B) {
	for _, c := range benchCases {
		data := fixtureByName(b, c.fixture)
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			var n int
			for b.Loop() {
				p, err := DecodeIP(data)
				if err != nil || p.V4.Sum.Status != ChecksumGood || p.ICMP.Sum.Status != ChecksumGood {
					b.Fatal(err)
				}
				if p.ICMP.Kind == KindEcho {
					e, _ := p.ICMP.Echo()
					n += int(e.Seq)
					continue
				}
				k, err := p.ICMP.QuotedFlow()
				if err != nil {
					b.Fatal(err)
				}
				n += int(k.DstPort)
			}
			sink = n
		})
	}
}
