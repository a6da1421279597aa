//go:build !js

package dissect

import (
	"path/filepath"
	"sort"
	"testing"

	"icmplab/codec/dissect/explain"
)

// TestTreesHoldInvariantsAndExplainKeysResolve dissects every testdata
// capture and, when present, the shared corpus, checks each tree's
// invariants, and checks that every Explain key the trees use resolves in
// codec's field catalogue: the page shows an explanation for every field.
func TestTreesHoldInvariantsAndExplainKeysResolve(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.pcap"))
	paths = append(paths, corpusCaptures(t)...)
	keys := map[string]bool{}
	frames := 0
	for _, p := range paths {
		caps, err := readCaptureFile(p)
		if err != nil && len(caps) == 0 {
			continue
		}
		for _, f := range dissectCapture(caps) {
			frames++
			if err := checkTree(f); err != nil {
				t.Errorf("%s frame %d: %v", filepath.Base(p), f.Number, err)
			}
			explainKeys(f.Root, keys)
		}
	}
	var missing []string
	for k := range keys {
		if _, ok := explain.Lookup(k); !ok {
			missing = append(missing, k)
		}
	}
	sort.Strings(missing)
	for _, k := range missing {
		t.Errorf("Explain key %q has no entry in codec's catalogue", k)
	}
	t.Logf("%d frames, %d distinct Explain keys, %d unresolved", frames, len(keys), len(missing))
}

// explainKeys collects every Explain key of a tree.
func explainKeys(ns []*Node, into map[string]bool) {
	for _, n := range ns {
		if n.Explain != "" {
			into[n.Explain] = true
		}
		explainKeys(n.Kids, into)
	}
}
