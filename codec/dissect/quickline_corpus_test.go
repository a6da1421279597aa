//go:build !js

package dissect

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/internal/testenv"
)

// checkQuick compares the quick line with the full one for every frame of
// a capture; it returns how many frames the quick path took.
func checkQuick(t *testing.T, name string, frames []capFrame) int {
	t.Helper()
	ra := NewReassembler()
	var first time.Time
	taken := 0
	for i, c := range frames {
		l, _ := LayerForLinkType(c.linkType)
		opt := Options{Number: i + 1, Time: c.time, Len: c.origLen, Reassembler: ra}
		if first.IsZero() {
			first = c.time
		}
		quick, ok := AppendQuickLine(nil, c.data, l, opt, first)
		full := fullLine(t, c.data, l, opt, first) // after: the Reassembler sees every frame once
		if ok {
			taken++
			require.Equal(t, full, string(quick), "%s frame %d", name, i+1)
		}
	}
	return taken
}

// The quick line is the full line over the repository's captures and the
// shared corpus, read by pcapgo, with reassembly as decode does it.
func TestQuickLineMatchesDissect(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.pcap*")
	corpus, _ := filepath.Glob(filepath.Join(testenv.RequireShared(t), "*.pcap*"))
	files = append(files, corpus...)
	total, taken := 0, 0
	for _, f := range files {
		if strings.HasSuffix(f, ".json") || strings.HasSuffix(f, ".txt") {
			continue
		}
		frames, err := readCaptureFile(f)
		if err != nil {
			continue // not a capture pcapgo reads (the corpus has a few on purpose)
		}
		total += len(frames)
		taken += checkQuick(t, filepath.Base(f), frames)
	}
	t.Logf("%d files, %d frames, %d on the quick path", len(files), total, taken)
	assert.Positive(t, taken)
}
