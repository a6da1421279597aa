//go:build !js

package dissect

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGolden dissects every capture in testdata (built by the codec, or
// recorded from real ping and traceroute in network namespaces) and
// compares the three output formats with testdata/golden. Run with -update
// to rewrite the goldens, then review the diff.
func TestGolden(t *testing.T) {
	caps, _ := filepath.Glob(filepath.Join("testdata", "*.pcap"))
	if len(caps) == 0 {
		t.Fatal("no captures in testdata (run go test -update -run TestBuiltCaptures)")
	}
	for _, path := range caps {
		name := strings.TrimSuffix(filepath.Base(path), ".pcap")
		t.Run(name, func(t *testing.T) {
			frames, err := readCaptureFile(path)
			if err != nil {
				t.Fatal(err)
			}
			fs := dissectCapture(frames)
			var text, tree, jsonl bytes.Buffer
			for _, f := range fs {
				if err := WriteLine(&text, f, fs[0].Time); err != nil {
					t.Fatal(err)
				}
				if err := WriteTree(&tree, f); err != nil {
					t.Fatal(err)
				}
				if err := WriteRecord(&jsonl, f); err != nil {
					t.Fatal(err)
				}
			}
			for ext, got := range map[string][]byte{"text": text.Bytes(), "tree": tree.Bytes(), "jsonl": jsonl.Bytes()} {
				gp := filepath.Join("testdata", "golden", name+"."+ext)
				if *update {
					if err := os.MkdirAll(filepath.Dir(gp), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(gp, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(gp)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s differs from the golden file; got:\n%s", gp, firstDiff(got, want))
				}
			}
		})
	}
}

// firstDiff shows the first differing line of two outputs.
func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n  got:  " + a + "\n  want: " + b
		}
	}
	return "(equal lines, different bytes)"
}
