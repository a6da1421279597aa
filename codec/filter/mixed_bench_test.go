package filter

import (
	"testing"

	"icmplab/codec/dissect"
	"icmplab/codec/filter/filtertest"
)

// mixedExprs are the expressions the filter is measured with: the issue's
// examples, one naming fields only a quoted datagram holds, and one only
// the frame's length.
var mixedExprs = []string{
	"icmp.type == 11 && ip.src in 198.18.0.0/16",
	"icmp.code != 0",
	"udp.dstport >= 33434",
	"icmp.checksum_bad",
	"!icmpv6",
	"frame.len > 100",
	"ip.dst == 198.19.1.9 && icmp.type == 11", // the quoted probe's destination
	"tcp.dstport == 443 || icmpv6.type == 3",
}

// mixedFrames is the first n frames of filtertest's mix.
func mixedFrames(n int) []filtertest.Frame {
	out := make([]filtertest.Frame, n)
	for i := range out {
		out[i] = filtertest.Mixed(i)
	}
	return out
}

// BenchmarkFilterMixed filters the mix one frame per op, as `icmplab decode
// -Y` and the page's capture session do: MatchBytes, and the dissection
// tree when it cannot decide. ns/op is per frame, so it reads as
// milliseconds per million frames; quick% is the share of frames decided
// without a tree. It uses only the package's exported API, so the same file
// builds against an older commit for a side-by-side run
// (bench_compare.sh).
func BenchmarkFilterMixed(b *testing.B) {
	frames := mixedFrames(10_000)
	// One untimed pass over both paths first: under WebAssembly, Node
	// compiles the hot functions again while they run, which would be
	// charged to the first expression.
	warm := MustCompile("ip.ttl > 0")
	for i := range frames {
		fr := &frames[i]
		warm.MatchBytes(fr.Data, fr.Start, i, fr.Len)
		warm.Match(dissect.Dissect(fr.Data, fr.Start, dissect.Options{Number: i, Len: fr.Len}))
	}
	for _, expr := range mixedExprs {
		f := MustCompile(expr)
		b.Run(expr, func(b *testing.B) {
			quick, matched := 0, 0
			i := 0
			for b.Loop() {
				fr := &frames[i%len(frames)]
				i++
				m, ok := f.MatchBytes(fr.Data, fr.Start, i, fr.Len)
				if ok {
					quick++
				} else {
					m = f.Match(dissect.Dissect(fr.Data, fr.Start, dissect.Options{Number: i, Len: fr.Len}))
				}
				if m {
					matched++
				}
			}
			b.ReportMetric(100*float64(quick)/float64(i), "quick%")
			b.ReportMetric(100*float64(matched)/float64(i), "match%")
		})
	}
}
