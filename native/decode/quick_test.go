package decode

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/internal/hostile"
	"icmplab/internal/testenv"
)

// decodeText runs a text decode of a capture, with or without the summary
// fast path.
func decodeText(t *testing.T, capture []byte, full bool) (string, Stats) {
	t.Helper()
	src, err := Open(bytes.NewReader(capture), Options{})
	require.NoError(t, err)
	var out bytes.Buffer
	st, _ := Run(src, &out, Options{Format: FormatText, fullLines: full})
	return out.String(), st
}

// decode --format text prints the same lines, and counts the same, with
// the fast path as without it: on a generated capture of everyday ICMP and
// on every capture of the shared corpus.
func TestFastAndFullLinesIdentical(t *testing.T) {
	var everyday bytes.Buffer
	_, err := everyday.ReadFrom(hostile.Pcap(20_000, hostile.Everyday))
	require.NoError(t, err)
	inputs := map[string][]byte{"everyday": everyday.Bytes()}
	corpus, err := filepath.Glob(filepath.Join(testenv.RequireShared(t), "*.pcap*"))
	require.NoError(t, err)
	for _, f := range corpus {
		if strings.HasSuffix(f, ".json") || strings.HasSuffix(f, ".txt") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		inputs[filepath.Base(f)] = b
	}
	t.Logf("%d inputs", len(inputs))
	for name, b := range inputs {
		fast, stFast := decodeText(t, b, false)
		full, stFull := decodeText(t, b, true)
		require.Equal(t, full, fast, name)
		assert.Equal(t, stFull.Frames, stFast.Frames, name)
		assert.Equal(t, stFull.ICMP, stFast.ICMP, name)
		assert.Equal(t, stFull.WithErrors, stFast.WithErrors, name)
	}
}
