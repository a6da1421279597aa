package codec

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAppendDatagramSetsLengths(t *testing.T) {
	payload := []byte{8, 0, 0xf7, 0xff, 0, 0, 0, 0}
	src, dst := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2")
	for _, opts := range [][]byte{nil, {1}, {1, 1, 1, 1, 1}} {
		b := IPv4Header{TTL: 9, Protocol: ProtoICMP, Src: src, Dst: dst, Options: opts}.AppendDatagram([]byte{0xee}, payload)
		require.Equal(t, byte(0xee), b[0], "appends to dst")
		h, rest, err := ParseIPv4(b[1:])
		require.NoError(t, err)
		assert.Equal(t, int(h.TotalLength), len(b)-1)
		assert.Equal(t, payload, rest)
		assert.Equal(t, ChecksumGood, h.Sum.Status)
	}
	src6, dst6 := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")
	b := IPv6Header{NextHeader: ProtoICMPv6, HopLimit: 3, Src: src6, Dst: dst6}.AppendDatagram(nil, payload)
	h, rest, err := ParseIPv6(b)
	require.NoError(t, err)
	assert.Equal(t, uint16(len(payload)), h.PayloadLen)
	assert.Equal(t, payload, rest)
}
