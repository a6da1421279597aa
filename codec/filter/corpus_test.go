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
// shared corpus or of the dissector's test captures, every field it reads
// has the occurrences the frame's dissection has, and every expression of
// agreeExprs the verdict Match gives.
// snapLens are the snapshot lengths the corpus frames are also cut at:
// inside the link, IP, ICMP and transport headers, and inside a quote.
var snapLens = []int{10, 17, 30, 36, 40, 44, 50, 54, 58, 62, 68, 70, 78, 96}

func TestQuickAgreesWithTree(t *testing.T) {
	var files []string
	for _, dir := range []string{testenv.RequireShared(t), filepath.Join("..", "dissect", "testdata")} {
		for _, pat := range []string{"*.pcap", "*.pcapng"} {
			m, err := filepath.Glob(filepath.Join(dir, pat))
			require.NoError(t, err)
			files = append(files, m...)
		}
	}
	require.NotEmpty(t, files, "no capture in the shared corpus nor in codec/dissect/testdata")
	a := newAgreement(t)
	for _, name := range files {
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
			a.check(p.Data, layer, p.Index, p.OrigLen, filepath.Base(name)+" frame "+itoa(p.Index))
			// The same frame as a capture with a snapshot length would
			// keep it: cut in each header and inside a quote.
			for _, snap := range snapLens {
				if snap < len(p.Data) {
					a.check(p.Data[:snap], layer, p.Index, max(p.OrigLen, len(p.Data)), filepath.Base(name)+" frame "+itoa(p.Index)+" cut at "+itoa(snap))
				}
			}
		}
		if t.Failed() {
			return
		}
	}
	t.Logf("%d files, %d frames, %d read without a tree; %d verdicts without a tree", len(files), a.frames, a.decided, a.verdict)
	assert.Positive(t, a.decided)
}
