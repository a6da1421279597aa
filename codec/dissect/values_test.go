//go:build !js

package dissect

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"
)

// TestFramesStayValid checks that a Frame is not changed by later Dissect
// calls: the value buffer and scratch memory Dissect recycles must never be
// memory a returned Frame points into.
func TestFramesStayValid(t *testing.T) {
	var frames []capFrame
	paths, _ := filepath.Glob("testdata/*.pcap*")
	for _, p := range paths {
		fs, err := readCaptureFile(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		frames = append(frames, fs...)
	}
	if len(frames) < 2 {
		t.Fatalf("found %d frames in testdata, need at least 2", len(frames))
	}
	dissect := func(c capFrame, n int) *Frame {
		l, _ := LayerForLinkType(c.linkType)
		return Dissect(c.data, l, Options{Number: n, Len: c.origLen, Time: c.time})
	}
	render := func(f *Frame) string {
		var b bytes.Buffer
		if err := WriteTree(&b, f); err != nil {
			t.Fatal(err)
		}
		j, err := json.Marshal(f.Record())
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteString(f.Summary)
		return b.String()
	}
	kept := make([]*Frame, len(frames))
	want := make([]string, len(frames))
	for i, b := range frames {
		kept[i] = dissect(b, i+1)
		want[i] = render(kept[i])
	}
	// Dissect everything again, in reverse, then compare the kept frames.
	for i := len(frames) - 1; i >= 0; i-- {
		dissect(frames[i], 0)
	}
	for i, f := range kept {
		if got := render(f); got != want[i] {
			t.Errorf("frame %d changed after later dissections:\n got %q\nwant %q", i+1, got, want[i])
		}
	}
}
