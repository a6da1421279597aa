//go:build !js

package dissect

import (
	"path/filepath"
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
			}
			assert.NoError(t, checkWorked(f), "%s frame %d", filepath.Base(p), f.Number)
		}
	}
	t.Logf("worked checksums by kind: %v", kinds)
	for _, k := range []codec.ChecksumKind{codec.ChecksumKindIPv4Header, codec.ChecksumKindICMPv4, codec.ChecksumKindICMPv6, codec.ChecksumKindExtension} {
		require.NotZero(t, kinds[k], "no %v checksum worked out in the testdata", k)
	}
}
