package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A pasted tcpdump -x dump that starts with an IPv6 neighbour solicitation
// and goes on with IPv4 echoes (real tcpdump output, kept with dissect's
// test data): every frame is dissected at its own layer, none is malformed
// (issue 14; tshark names both layers "ipv6" and "ip"). The result names the first packet's layer, as detected.
func TestDecodeTextMixedIPv6IPv4(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "codec", "dissect", "testdata", "tcpdump-x-mixed-ipv6-ipv4.txt"))
	require.NoError(t, err)
	res, err := decodeText(string(text), DecodeOptions{})
	require.NoError(t, err)
	assert.Equal(t, "tcpdump -x", res.Dialect)
	assert.Equal(t, "ipv6", res.Layer)
	assert.True(t, res.LayerDetected)
	require.Len(t, res.Frames, 8)
	for i, f := range res.Frames {
		want := "ipv6"
		if i >= 4 {
			want = "ip"
		}
		require.NotEmpty(t, f.Layers, "frame %d", i+1)
		assert.Equal(t, want, f.Layers[0], "frame %d: %s", i+1, f.Summary)
		for _, n := range f.Notes {
			assert.Less(t, int(n.Severity), 2, "frame %d: %s at byte %d", i+1, n.Message, n.Offset)
		}
		assert.Equal(t, "good", f.ICMP.Checksum, "frame %d", i+1)
	}
}
