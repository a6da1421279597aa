//go:build !js

package filter

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/capture"
	"icmplab/codec/dissect"
	"icmplab/internal/testenv"
)

// TestQuickAgreesWithTree: wherever MatchBytes decides a frame of the
// corpus, it decides as Match does on the frame's dissection.
func TestQuickAgreesWithTree(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testenv.RequireShared(t), "*.pcap*"))
	require.NoError(t, err)
	require.NotEmpty(t, files, "the shared corpus holds no capture")
	filters := make([]*Filter, len(quickExprs))
	for i, e := range quickExprs {
		filters[i] = MustCompile(e)
		require.True(t, filters[i].quick, e)
	}
	frames, decided := 0, 0
	for _, name := range files {
		if ext := filepath.Ext(name); ext != ".pcap" && ext != ".pcapng" {
			continue
		}
		b, err := os.ReadFile(name)
		require.NoError(t, err)
		r, err := capture.NewReader(bytes.NewReader(b))
		if err != nil {
			continue // the capture package's own tests cover unreadable files
		}
		for {
			p, err := r.Next()
			if err != nil { // io.EOF, or a damaged capture: the frames so far count
				break
			}
			layer, ok := dissect.LayerForLinkType(uint32(p.LinkType))
			if !ok {
				continue
			}
			frames++
			fr := dissect.Dissect(p.Data, layer, dissect.Options{Number: p.Index, Len: p.OrigLen})
			for i, f := range filters {
				m, ok := f.MatchBytes(p.Data, layer, p.Index, p.OrigLen)
				if !ok {
					continue
				}
				decided++
				assert.Equal(t, f.Match(fr), m, "%s frame %d: %q", filepath.Base(name), p.Index, quickExprs[i])
			}
		}
	}
	t.Logf("%d frames, %d decisions without a tree", frames, decided)
	assert.Positive(t, decided)
}
