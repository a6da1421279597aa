//go:build !js

package dissect

import (
	"testing"

	"icmplab/internal/testenv"
)

// TestKoreanDissectionCorpus is TestKoreanDissection over the shared
// corpus of real captures (tshark's and the project's): the Korean of
// every frame, labels, values, notes, summary and sentence, with no
// English word outside koreanKeeps. Without the corpus it skips saying
// so, and fails under CI=true (testenv).
func TestKoreanDissectionCorpus(t *testing.T) {
	paths := corpusCaptures(t)
	if len(paths) == 0 {
		testenv.Skip(t, "the shared corpus (../shared/corpus beside the repository) is not present: only testdata is walked, by TestKoreanDissection")
	}
	var frames []langFrame
	for _, p := range paths {
		frames = append(frames, readLangCapture(t, p)...)
	}
	checkKorean(t, frames)
}
