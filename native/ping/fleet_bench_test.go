package ping

import (
	"context"
	"net/netip"
	"testing"
	"time"

	"icmplab/codec"
)

// fleetTargets are n addresses of 198.18.16.0/20 onwards, as
// BenchmarkManyVsFping pings them.
func fleetTargets(n int) []Target {
	out := make([]Target, n)
	a := netip.MustParseAddr("198.18.16.0")
	for i := range out {
		a = a.Next()
		out[i] = Target{Host: a.String(), Addr: a}
	}
	return out
}

// BenchmarkFleetEngine is a fleet's cost per probe and reply without
// system calls: 4,094 targets pinged twice, as in BenchmarkManyVsFping,
// with no gap and no interval, so that only the engine's own work (the
// schedule, the matcher, the cookie, the counts) is timed.
func BenchmarkFleetEngine(b *testing.B) {
	const targets, count = 4094, 2
	tl := fleetTargets(targets)
	b.ReportAllocs()
	for b.Loop() {
		conn := newLoopConn(codec.IPv4, targets*count) // every reply queued, as a socket buffer large enough would
		f, err := NewFleet(Config{Family: codec.IPv4, Count: count, Interval: time.Nanosecond, Size: DefaultSize}, 0, tl, conn)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range f.Run(context.Background()) {
			if s.Received != count {
				b.Fatalf("%s: %d of %d replies", s.Host, s.Received, count)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(targets*count), "ns/probe")
}
