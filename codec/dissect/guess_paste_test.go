package dissect

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/textdump"
)

// A tcpdump -x paste that begins with an IPv6 neighbour solicitation and
// goes on with IPv4 echoes (real tcpdump 4.99 output of a capture on a veth
// pair between two namespaces: NS, NA, ICMPv6 echo request and reply, two
// ICMPv4 echo requests and replies). Each packet is dissected at the layer
// its own bytes start at; taking the first packet's layer for all of them
// turned every IPv4 packet into "IPv6 ... Malformed" (issue 14).
func TestMixedPasteGuessesEachPacket(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("testdata", "tcpdump-x-mixed-ipv6-ipv4.txt"))
	require.NoError(t, err)
	res, err := textdump.Parse(string(text), textdump.Options{StartsAtNetwork: StartsAtNetwork})
	require.NoError(t, err)
	require.Equal(t, textdump.TcpdumpX, res.Dialect)
	require.Len(t, res.Packets, 8)

	want := []struct {
		layer Layer
		typ   codec.Type
	}{
		{LayerIPv6, codec.ICMPv6NeighborSolicitation}, {LayerIPv6, codec.ICMPv6NeighborAdvertisement},
		{LayerIPv6, codec.ICMPv6EchoRequest}, {LayerIPv6, codec.ICMPv6EchoReply},
		{LayerIPv4, codec.ICMPv4EchoRequest}, {LayerIPv4, codec.ICMPv4EchoReply},
		{LayerIPv4, codec.ICMPv4EchoRequest}, {LayerIPv4, codec.ICMPv4EchoReply},
	}
	for i, p := range res.Packets {
		l, why := GuessWhy(p.Data)
		assert.Equal(t, want[i].layer, l, "packet %d: %s", i+1, why)
		f := Dissect(p.Data, l, Options{Number: i + 1})
		assert.Empty(t, f.Errors, "packet %d read as %s", i+1, l)
		if assert.NotNil(t, f.ICMP, "packet %d has no ICMP", i+1) {
			assert.Equal(t, want[i].typ, f.ICMP.Type, "packet %d", i+1)
			assert.Equal(t, codec.ChecksumGood, f.ICMP.Checksum.Status, "packet %d", i+1)
		}
	}

	// The bug the test guards against: the first packet's layer for all.
	first := Guess(res.Packets[0].Data)
	f := Dissect(res.Packets[4].Data, first, Options{})
	assert.NotEmpty(t, f.Errors, "an IPv4 packet read as IPv6 should be malformed, or this test checks nothing")
}
