//go:build !js

package dissect

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// Every checksum worked out agrees with the verdict the dissector wrote on
// the field ("[correct]", or "[incorrect, should be 0x....]" with the same
// right value), over the repository's captures and the shared corpus.
func TestWorkedChecksumsAgreeWithTheTree(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("testdata", "*.pcap"))
	paths = append(paths, corpusCaptures(t)...)
	kinds := map[codec.ChecksumKind]int{}
	for _, p := range paths {
		caps, err := readCaptureFile(p)
		if err != nil && len(caps) == 0 {
			continue
		}
		for _, f := range dissectCapture(caps) {
			for _, w := range WorkedChecksums(f) {
				kinds[w.Kind]++
				where := fmt.Sprintf("%s frame %d %s", filepath.Base(p), f.Number, w.Node.Field)
				v := w.Node.Value
				switch w.Status {
				case codec.ChecksumGood:
					assert.True(t, strings.HasSuffix(v, "[correct]"), "%s: worked out good, tree says %q", where, v)
				case codec.ChecksumBad:
					assert.Contains(t, v, fmt.Sprintf("[incorrect, should be 0x%04x]", w.Right), where)
				}
				assert.Equal(t, w.Node.Offset, w.At, where)
			}
		}
	}
	t.Logf("worked checksums by kind: %v", kinds)
	for _, k := range []codec.ChecksumKind{codec.ChecksumKindIPv4Header, codec.ChecksumKindICMPv4, codec.ChecksumKindICMPv6, codec.ChecksumKindExtension} {
		require.NotZero(t, kinds[k], "no %v checksum worked out in the testdata", k)
	}
}
