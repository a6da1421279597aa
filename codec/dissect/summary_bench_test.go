//go:build !js

package dissect

import "testing"

// BenchmarkSummaryInfo writes only the info column (appendICMPInfo), the
// part of the summary line the language changes, over the ICMP of the
// benchmark capture's first 1,000 frames, in English and in Korean.
// BenchmarkSummaryLine measures the whole line around it.
func BenchmarkSummaryInfo(b *testing.B) {
	var infos []*ICMPInfo
	for _, f := range benchFrames()[:1000] {
		if fr := Dissect(f, LayerEthernet, Options{}); fr.ICMP != nil {
			infos = append(infos, fr.ICMP)
		}
	}
	for _, l := range []Lang{LangEN, LangKO} {
		b.Run(l.String(), func(b *testing.B) {
			b.ReportAllocs()
			buf := make([]byte, 0, 512)
			i := 0
			for b.Loop() {
				buf = appendICMPInfo(buf[:0], infos[i%len(infos)], l)
				i++
			}
		})
	}
}
