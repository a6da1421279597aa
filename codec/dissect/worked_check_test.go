package dissect

import (
	"fmt"
	"strings"

	"icmplab/codec"
)

// checkWorked holds every worked checksum of a frame to the verdict the
// dissector wrote on its field: "[correct]" for a good one, "[incorrect,
// should be 0x....]" with the same right value for a bad one, and the field
// where the codec says the checksum sits.
func checkWorked(f *Frame) error {
	for _, w := range WorkedChecksums(f) {
		v := w.Node.Value
		switch {
		case w.At != w.Node.Offset:
			return fmt.Errorf("%s at byte %d worked out at byte %d", w.Node.Field, w.Node.Offset, w.At)
		case w.Status == codec.ChecksumGood && !strings.HasSuffix(v, "[correct]"):
			return fmt.Errorf("%s worked out good, the tree says %q", w.Node.Field, v)
		case w.Status == codec.ChecksumBad && !strings.Contains(v, fmt.Sprintf("[incorrect, should be 0x%04x]", w.Right)):
			return fmt.Errorf("%s worked out bad (should be 0x%04x), the tree says %q", w.Node.Field, w.Right, v)
		}
	}
	return nil
}
