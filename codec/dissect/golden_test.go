//go:build !js

package dissect

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
			// The same capture in Korean: the words change, never the
			// fields, numbers or byte ranges (TestKoreanDissection).
			var textKO, treeKO bytes.Buffer
			for _, f := range dissectCaptureIn(frames, LangKO) {
				if err := WriteLine(&textKO, f, fs[0].Time); err != nil {
					t.Fatal(err)
				}
				if err := WriteTree(&treeKO, f); err != nil {
					t.Fatal(err)
				}
			}
			for ext, got := range map[string][]byte{"text": text.Bytes(), "tree": tree.Bytes(), "jsonl": jsonl.Bytes(), "ko.text": textKO.Bytes(), "ko.tree": treeKO.Bytes()} {
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
				require.NoError(t, err, "run go test -update")
				// A unified diff of the lines, not the first differing one.
				assert.Equal(t, string(want), string(got), "%s differs from the golden file", gp)
			}
		})
	}
}
