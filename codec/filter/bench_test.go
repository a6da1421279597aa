package filter

import (
	"encoding/hex"
	"testing"

	"icmplab/codec/dissect"
)

// benchPackets is a mix as a ping or traceroute capture holds it: echo
// requests behind Ethernet (decided without a tree) and time exceeded
// messages quoting a UDP probe (which need the tree).
func benchPackets(b *testing.B) [][]byte {
	var out [][]byte
	for _, h := range []string{ethEchoHex, ethEchoHex, ethEchoHex, "02000000000b02000000000a0800" + teHex} {
		p, err := hex.DecodeString(h)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// BenchmarkFilter measures one frame per op (ns/op is per packet; times
// 1,000,000 for a million): "bytes" is MatchBytes with the tree as fallback,
// what `icmplab decode -Y` does before printing; "dissect" is the
// alternative of dissecting every frame and matching its tree.
func BenchmarkFilter(b *testing.B) {
	pkts := benchPackets(b)
	for _, expr := range []string{"icmp.type == 8", "icmp.type == 11 && ip.src in 198.18.0.0/16", "icmp.code != 0 || !icmpv6"} {
		f := MustCompile(expr)
		b.Run("bytes/"+expr, func(b *testing.B) {
			n := 0
			for i := 0; b.Loop(); i++ {
				p := pkts[i&3]
				m, ok := f.MatchBytes(p, dissect.LayerEthernet, i, 0)
				if !ok {
					m = f.Match(dissect.Dissect(p, dissect.LayerEthernet, dissect.Options{Number: i}))
				}
				if m {
					n++
				}
			}
			_ = n
		})
		b.Run("dissect/"+expr, func(b *testing.B) {
			n := 0
			for i := 0; b.Loop(); i++ {
				if f.Match(dissect.Dissect(pkts[i&3], dissect.LayerEthernet, dissect.Options{Number: i})) {
					n++
				}
			}
			_ = n
		})
	}
	// Echo only: every frame decided without a tree.
	f := MustCompile("icmp.type == 8 && ip.src in 198.18.0.0/16")
	b.Run("bytes-echo-only", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			f.MatchBytes(pkts[0], dissect.LayerEthernet, i, 0)
		}
	})
	fr := dissect.Dissect(pkts[3], dissect.LayerEthernet, dissect.Options{})
	b.Run("tree-only-predissected", func(b *testing.B) {
		for b.Loop() {
			f.Match(fr)
		}
	})
}
