//go:build !js

package dissect

import (
	"testing"
	"time"
)

// BenchmarkSummaryLine writes one frame's summary line per operation,
// cycling through the benchmark capture: by the fast path (AppendQuickLine,
// falling back to Dissect for the frames it does not take, as the CLI and
// the page's list do) and by a full dissection, in English and in Korean.
// English must not pay for Korean: compare the en figures with those of the
// commit before Korean (see the report of issue 14).
func BenchmarkSummaryLine(b *testing.B) {
	frames := benchFrames()
	first := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, l := range []Lang{LangEN, LangKO} {
		b.Run("quickline-"+l.String(), func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 512)
			i := 0
			for b.Loop() {
				f := frames[i%len(frames)]
				i++
				opt := Options{Number: i, Time: first, Lang: l}
				line, ok := AppendQuickLine(buf[:0], f, LayerEthernet, opt, first)
				if !ok {
					line = append(buf[:0], Dissect(f, LayerEthernet, opt).Summary...)
				}
				buf = line
			}
		})
		b.Run("dissect-"+l.String(), func(b *testing.B) {
			b.ReportAllocs()
			i := 0
			n := 0
			for b.Loop() {
				f := frames[i%len(frames)]
				i++
				n += len(Dissect(f, LayerEthernet, Options{Number: i, Lang: l}).Summary)
			}
			_ = n
		})
	}
}
