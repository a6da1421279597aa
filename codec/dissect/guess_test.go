package dissect

import (
	"encoding/binary"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"

	"icmplab/codec"
)

// Packets for the guess, built with the codec's encoder (fixtures_test.go is
// native only; these tests run under GOOS=js too).
var (
	guessA  = netip.MustParseAddr("198.18.0.1")
	guessB  = netip.MustParseAddr("198.18.0.2")
	guessA6 = netip.MustParseAddr("2001:2::1")
	guessB6 = netip.MustParseAddr("2001:2::2")
	guessM  = []byte{0x02, 0, 0, 0, 0, 0x0a}
)

func guessEther(et codec.EtherType, payload []byte, tags ...uint32) []byte {
	b := append(append([]byte{}, guessM...), guessM...)
	for _, t := range tags {
		b = binary.BigEndian.AppendUint32(b, t)
	}
	return append(binary.BigEndian.AppendUint16(b, uint16(et)), payload...)
}

func buildIPv6(payload []byte) []byte {
	b := binary.BigEndian.AppendUint16([]byte{0x60, 0, 0, 0}, uint16(len(payload)))
	b = append(b, codec.ProtoICMPv6, 64)
	s, d := guessB6.As16(), guessA6.As16()
	return append(append(append(b, s[:]...), d[:]...), payload...)
}

// Each start layer is recognised from the bytes alone, with the reason.
func TestGuessWhy(t *testing.T) {
	echo := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 0x1234, Seq: 1, Data: make([]byte, 56)})
	h := codec.IPv4Header{TotalLength: uint16(20 + len(echo)), ID: 1, TTL: 64, Protocol: codec.ProtoICMP, Src: guessA, Dst: guessB}
	ip4 := append(h.AppendHeader(nil), echo...)
	m6 := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6EchoReply, Src: guessB6, Dst: guessA6},
		codec.Echo{ID: 0x1234, Seq: 1, Data: make([]byte, 56)})
	ip6 := buildIPv6(m6)
	// Cooked headers as the kernel fills them for tcpdump -i any: packet
	// type 4 (outgoing), ARPHRD_ETHER, 6-byte address, protocol.
	sll := append(append([]byte{0, 4, 0, 1, 0, 6}, guessM...), 0, 0, 0x08, 0x00)
	sll = append(sll, ip4...)
	sll2 := append([]byte{0x08, 0x00, 0, 0, 0, 0, 0, 2, 0, 1, 4, 6}, guessM...)
	sll2 = append(append(sll2, 0, 0), ip4...)
	badSum := append([]byte{}, ip4...)
	badSum[10] ^= 0xff
	cases := []struct {
		name   string
		b      []byte
		want   Layer
		reason string
	}{
		{"ethernet", guessEther(codec.EtherTypeIPv4, ip4), LayerEthernet, "EtherType 0x0800 (IPv4) at byte 12"},
		{"vlan", guessEther(codec.EtherTypeIPv6, ip6, 0x8100000a), LayerEthernet, "at byte 16 after a VLAN tag"},
		{"ipv4", ip4, LayerIPv4, "starts with 0x45 and the IPv4 header checksum verifies"},
		{"ipv4 bad checksum", badSum, LayerIPv4, "total length 84 equals the byte count"},
		{"ipv6", ip6, LayerIPv6, "payload length 64 plus the 40-byte header equals the 104 bytes"},
		{"icmpv4", echo, LayerICMPv4, "checksum over all 64 bytes verifies"},
		{"icmpv6", m6, LayerICMPv6, "ICMPv6 type 129"},
		{"sll", sll, LayerSLL, "protocol 0x0800 (IPv4) at byte 14, and the next header starts with 0x45"},
		{"sll2", sll2, LayerSLL2, "protocol 0x0800 (IPv4) at byte 0, and the next header starts with 0x45"},
		{"nothing fits", []byte{1, 2, 3}, LayerICMPv4, "nothing else fits"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l, why := GuessWhy(c.b)
			assert.Equal(t, c.want, l)
			assert.Contains(t, why, c.reason)
			assert.Equal(t, l, Guess(c.b))
		})
	}
	assert.True(t, StartsAtNetwork(ip4))
	assert.True(t, StartsAtNetwork(ip6))
	assert.False(t, StartsAtNetwork(guessEther(codec.EtherTypeIPv4, ip4)))
	assert.False(t, StartsAtNetwork(echo))
}

// Every layer has an id that ParseLayer reads back and a title.
func TestLayerNames(t *testing.T) {
	for i, name := range Layers() {
		l, ok := ParseLayer(name)
		assert.True(t, ok, name)
		assert.Equal(t, Layer(i), l)
		assert.NotEmpty(t, l.Title())
	}
	assert.Equal(t, "Linux SLL2", LayerSLL2.Title())
	assert.Equal(t, "IPv4", LayerIPv4.Title())
	assert.Equal(t, "layer(200)", Layer(200).Title())
}
