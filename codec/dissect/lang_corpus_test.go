//go:build !js

package dissect

import (
	"testing"
)

// TestKoreanDissectionCorpus is TestKoreanDissection over the shared
// corpus of real captures (tshark's and the project's), when present.
func TestKoreanDissectionCorpus(t *testing.T) {
	paths := corpusCaptures(t)
	if len(paths) == 0 {
		t.Skip("shared corpus not present: testdata is walked by TestKoreanDissection")
	}
	var frames []langFrame
	for _, p := range paths {
		frames = append(frames, readLangCapture(t, p)...)
	}
	checkKorean(t, frames)
}
