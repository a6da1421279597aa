package dissect

import (
	"encoding/binary"
	"net/netip"

	"icmplab/codec"
)

// The frame builders of the tests, in a file without a build constraint so
// that the tests running under GOOS=js (lang_test.go) build frames too.
// Some of them serve only the tests that read files (!js), hence:
//
//lint:file-ignore U1000 used by the !js tests (bench, golden, fixtures) as well

// Addresses of the built fixtures (RFC 2544 benchmarking ranges).
var (
	hostA  = netip.MustParseAddr("198.18.0.1")
	hostB  = netip.MustParseAddr("198.18.0.2")
	router = netip.MustParseAddr("198.18.1.1")
	target = netip.MustParseAddr("198.18.1.9")
	hostA6 = netip.MustParseAddr("2001:2::1")
	hostB6 = netip.MustParseAddr("2001:2::2")
	macA   = []byte{0x02, 0, 0, 0, 0, 0x0a}
	macB   = []byte{0x02, 0, 0, 0, 0, 0x0b}
)

// builtFrame is one frame of a built capture.
type builtFrame struct {
	data []byte
}

// ether wraps a payload in an Ethernet II header (optionally VLAN tagged).
func ether(etype codec.EtherType, payload []byte, tags ...uint32) []byte {
	b := append(append([]byte{}, macB...), macA...)
	for _, t := range tags {
		b = binary.BigEndian.AppendUint32(b, t)
	}
	b = binary.BigEndian.AppendUint16(b, uint16(etype))
	return append(b, payload...)
}

// ipv4 builds an IPv4 datagram with the codec's header encoder.
func ipv4(src, dst netip.Addr, proto, ttl uint8, id uint16, payload []byte, opts ...byte) []byte {
	h := codec.IPv4Header{TotalLength: uint16(20 + (len(opts)+3)/4*4 + len(payload)), ID: id, TTL: ttl,
		Protocol: proto, Src: src, Dst: dst, Options: opts}
	return append(h.AppendHeader(nil), payload...)
}

// ipv6 builds an IPv6 header and payload by hand (next header given).
func ipv6(src, dst netip.Addr, nh, hlim uint8, payload []byte) []byte {
	b := []byte{0x60, 0, 0, 0}
	b = binary.BigEndian.AppendUint16(b, uint16(len(payload)))
	b = append(b, nh, hlim)
	s, d := src.As16(), dst.As16()
	b = append(b, s[:]...)
	b = append(b, d[:]...)
	return append(b, payload...)
}

func udp(src, dst netip.Addr, sp, dp uint16, payload []byte) []byte {
	return codec.AppendUDP(nil, codec.UDPHeader{SrcPort: sp, DstPort: dp}, payload, src, dst)
}

func echo4(t codec.Type, id, seq uint16, n int) []byte {
	data := make([]byte, n)
	for i := range data {
		data[i] = byte(i)
	}
	return codec.Append(nil, codec.Header{Family: codec.IPv4, Type: t}, codec.Echo{ID: id, Seq: seq, Data: data})
}
