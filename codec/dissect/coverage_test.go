//go:build !js

package dissect

import (
	"fmt"
	"path/filepath"
	"testing"
)

// leafGaps lists the byte ranges of the frame that no leaf node covers: the
// hex view highlights leaves, so every byte should belong to one.
func leafGaps(f *Frame) []string {
	cov := make([]bool, len(f.Data))
	var walk func(ns []*Node)
	walk = func(ns []*Node) {
		for _, n := range ns {
			if len(n.Kids) == 0 && n.Source == 0 {
				for i := n.Offset; i < n.Offset+n.Length && i < len(cov); i++ {
					cov[i] = true
				}
			}
			walk(n.Kids)
		}
	}
	walk(f.Root)
	var gaps []string
	for i := 0; i < len(cov); {
		if cov[i] {
			i++
			continue
		}
		j := i
		for j < len(cov) && !cov[j] {
			j++
		}
		gaps = append(gaps, fmt.Sprintf("%d-%d", i, j-1))
		i = j
	}
	return gaps
}

// TestLeavesCoverEveryByte checks that in every testdata capture each byte
// of each frame belongs to a leaf field, and reports how many corpus frames
// still have bytes no leaf claims (AYIYA and PPPoE payloads, fuzzed frames).
func TestLeavesCoverEveryByte(t *testing.T) {
	own, _ := filepath.Glob(filepath.Join("testdata", "*.pcap"))
	for _, p := range own {
		caps, err := readCaptureFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range dissectCapture(caps) {
			if g := leafGaps(f); len(g) > 0 {
				t.Errorf("%s frame %d: bytes %v belong to no leaf (layers %v)", filepath.Base(p), f.Number, g, f.Layers)
			}
		}
	}
	var frames, gappy int
	for _, p := range corpusCaptures(t) {
		caps, _ := readCaptureFile(p)
		for _, f := range dissectCapture(caps) {
			frames++
			if len(leafGaps(f)) > 0 {
				gappy++
			}
		}
	}
	if frames > 0 {
		t.Logf("corpus: %d of %d frames have bytes no leaf covers", gappy, frames)
	}
}
