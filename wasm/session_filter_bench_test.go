package main

import (
	"bytes"
	"os"
	"strconv"
	"testing"
	"time"

	"icmplab/codec/filter"
	"icmplab/codec/filter/filtertest"
)

// sessionBenchExprs are the page benchmark's expressions
// (native/serve/browser_filter_perf_test.go).
var sessionBenchExprs = []string{
	"icmp.type == 11 && ip.src in 198.18.0.0/16",
	"icmp.code != 0",
	"udp.dstport >= 33434",
	"icmp.checksum_bad",
	"!icmpv6",
	"frame.len > 100",
	"ip.dst == 198.19.1.9 && icmp.type == 11",
	"tcp.dstport == 443 || icmpv6.type == 3",
	"icmp.mtu == 1400",
}

// BenchmarkSessionFilter times the capture session's filter (what the
// page's captureFilter runs) over filtertest's mix, ICMPLAB_SESSION_FRAMES
// frames (default 100,000), and reports it as milliseconds per million
// frames; the walk sub-benchmark is the session's loop over the rows and
// their kept bytes alone, the match one MatchBytes on every frame without
// the loop. Under WebAssembly:
//
//	GOOS=js GOARCH=wasm go test -run '^$' -bench SessionFilter -exec $(go env GOROOT)/lib/wasm/go_js_wasm_exec ./wasm/
func BenchmarkSessionFilter(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("ICMPLAB_SESSION_FRAMES")); err == nil && v > 0 {
		n = v
	}
	var buf bytes.Buffer
	if err := filtertest.WriteCapture(&buf, n); err != nil {
		b.Fatal(err)
	}
	h := openSession("bench")
	defer closeSession(h)
	s, err := getSession(h)
	if err != nil {
		b.Fatal(err)
	}
	data := buf.Bytes()
	for off := 0; off < len(data); off += 1 << 20 {
		s.feed(append([]byte(nil), data[off:min(off+1<<20, len(data))]...))
	}
	if got := s.end(h, EN).Count; got != n {
		b.Fatalf("%d rows, want %d", got, n)
	}
	// perMillion reports wall and CPU milliseconds per million frames
	// (the CPU time since cpu0, which the sub-benchmark takes first).
	perMillion := func(b *testing.B, cpu0 time.Duration) {
		per := 1e6 / float64(n) / float64(b.N)
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1e3*per, "ms/1M")
		b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1e3*per, "cpu-ms/1M")
	}
	b.Run("walk", func(b *testing.B) {
		sum := 0
		cpu0 := cpuTime()
		for b.Loop() {
			for i := 0; i < s.rows.Len(); i++ {
				r := s.rows.At(i)
				sum += len(s.kept.Get(r.keep, r.n))
			}
		}
		perMillion(b, cpu0)
		_ = sum
	})
	for _, expr := range sessionBenchExprs {
		b.Run("match/"+expr, func(b *testing.B) {
			f := filter.MustCompile(expr)
			start := s.startOf(0)
			cpu0 := cpuTime()
			for b.Loop() {
				for i := 0; i < s.rows.Len(); i++ {
					r := s.rows.At(i)
					f.MatchBytes(s.kept.Get(r.keep, r.n), start, i+1, int(r.orig))
				}
			}
			perMillion(b, cpu0)
		})
		b.Run("filter/"+expr, func(b *testing.B) {
			cpu0 := cpuTime()
			for b.Loop() {
				if _, err := s.filter(Filter{Expr: expr}); err != nil {
					b.Fatal(err)
				}
			}
			perMillion(b, cpu0)
		})
	}
}
