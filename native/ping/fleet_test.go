package ping

import (
	"context"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// TestFleetDispatch runs a fleet of four targets on the fake connection:
// one answers, one is answered only by forgeries (a reply from another
// target's address, a reply without the cookie), one answers twice, one
// never. Each summary must count what was its own, and nothing else.
func TestFleetDispatch(t *testing.T) {
	a := netip.MustParseAddr("198.18.16.1")
	forged := netip.MustParseAddr("198.18.16.2")
	dup := netip.MustParseAddr("198.18.16.3")
	silent := netip.MustParseAddr("198.18.16.4")
	type sendRec struct {
		dst netip.Addr
		at  time.Time
	}
	var sends []sendRec
	f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
		sends = append(sends, sendRec{dst, at})
		switch dst {
		case a:
			f.later(time.Millisecond, dst, reply(f.fam, req, nil), 64)
		case forged:
			f.later(time.Millisecond, a, reply(f.fam, req, nil), 64) // right probe, wrong source
			f.later(time.Millisecond, dst, reply(f.fam, req, func(e *codec.Echo) { e.Data[0] ^= 0xff }), 64)
		case dup:
			f.later(time.Millisecond, dst, reply(f.fam, req, nil), 64)
			f.later(2*time.Millisecond, dst, reply(f.fam, req, nil), 64)
		}
	})
	targets := []Target{{"a", a}, {"forged", forged}, {"dup", dup}, {"silent", silent}}
	const gap = 5 * time.Millisecond
	fl, err := NewFleet(Config{Family: codec.IPv4, Count: 2, Interval: 100 * time.Millisecond,
		Timeout: time.Second, Size: DefaultSize}, gap, targets, f)
	require.NoError(t, err)
	sums := fl.Run(context.Background())
	require.Len(t, sums, 4)

	got := map[string][3]int{}
	for _, s := range sums {
		got[s.Host] = [3]int{s.Transmitted, s.Received, s.Duplicates}
		assert.Equal(t, EndCount, s.EndReason, s.Host)
	}
	assert.Equal(t, map[string][3]int{"a": {2, 2, 0}, "forged": {2, 0, 0}, "dup": {2, 2, 2}, "silent": {2, 0, 0}}, got)
	assert.Equal(t, []string{"a", "forged", "dup", "silent"}, []string{sums[0].Host, sums[1].Host, sums[2].Host, sums[3].Host})
	assert.Equal(t, time.Millisecond, time.Duration(sums[0].Stats.MinMS*float64(time.Millisecond)))

	// The schedule: targets in turn, any two probes gap apart, each
	// target's probes the interval apart.
	require.Len(t, sends, 8)
	last := map[netip.Addr]time.Time{}
	for i, s := range sends {
		assert.Equal(t, targets[i%4].Addr, s.dst, "probe %d", i)
		if i > 0 {
			assert.GreaterOrEqual(t, s.at.Sub(sends[i-1].at), gap, "probe %d", i)
		}
		if prev, ok := last[s.dst]; ok {
			assert.GreaterOrEqual(t, s.at.Sub(prev), 100*time.Millisecond, "probe %d", i)
		}
		last[s.dst] = s.at
	}
}

// TestFleetRefuses checks what a fleet cannot do.
func TestFleetRefuses(t *testing.T) {
	f := newFake(codec.IPv4, nil)
	_, err := NewFleet(Config{Family: codec.IPv4}, 0, nil, f)
	assert.Error(t, err)
	_, err = NewFleet(Config{Family: codec.IPv4}, 0, []Target{{"v6", netip.MustParseAddr("2001:2::1")}}, f)
	assert.ErrorContains(t, err, "not an")
	_, err = NewFleet(Config{Family: codec.IPv4, Flood: true}, 0, []Target{{"a", netip.MustParseAddr("198.18.16.1")}}, f)
	assert.Error(t, err)
}

// TestSlotCount: one slot per probe that may still wait for its answer
// (timeout/gap+1 when the gap paces the sends), never more than the run
// sends, a power of two up to one per sequence number.
func TestSlotCount(t *testing.T) {
	ms := time.Millisecond
	assert.Equal(t, 2048, slotCount(2, 4094, ms, 2*time.Second), "the benchmark's fleet: 2,002 in flight at most")
	assert.Equal(t, 8192, slotCount(2, 4094, ms, DefaultTimeout), "10,002 in flight, but the run sends 8,188")
	assert.Equal(t, 8192, slotCount(2, 4094, 0, 2*time.Second), "no gap: one per probe sent")
	assert.Equal(t, 8192, slotCount(2, 4094, ms, Forever), "no timeout: one per probe sent")
	assert.Equal(t, 16384, slotCount(0, 3, ms, DefaultTimeout), "no count: as many as wait at most")
	assert.Equal(t, 1<<16, slotCount(0, 3, 0, DefaultTimeout))
	assert.Equal(t, 1<<16, slotCount(0, 3, time.Microsecond, time.Hour), "capped at one per sequence number")
	assert.Equal(t, 1<<16, slotCount(100, 4094, 0, DefaultTimeout))
	assert.Equal(t, 1, slotCount(1, 1, ms, time.Second))
}

// TestFleetSlotsComeRound runs fleets with fewer slots (and matcher
// places) than probes, on the fake clock: 4 targets, 10 probes each, 1 ms
// apart, a 10 ms timeout, so 16 slots for 40 probes. Replies 5 ms late are
// all paired although their slots come round later; replies 30 ms late
// (past the timeout and the slots) are not, and never a wrong probe's; a
// silent run ends once its last probe times out. With no timeout (-W 0)
// the slots are one per probe and every late reply counts.
func TestFleetSlotsComeRound(t *testing.T) {
	targets := fleetTargets(4)
	for _, tc := range []struct {
		name     string
		delay    time.Duration // 0: no reply
		timeout  time.Duration
		slots    int
		received int
	}{
		{"in time", 5 * time.Millisecond, 10 * time.Millisecond, 16, 10},
		{"late", 30 * time.Millisecond, 10 * time.Millisecond, 16, 0},
		{"silent", 0, 10 * time.Millisecond, 16, 0},
		{"no timeout", 30 * time.Millisecond, Forever, 64, 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
				if tc.delay > 0 {
					f.later(tc.delay, dst, reply(f.fam, req, nil), 64)
				}
			})
			fl, err := NewFleet(Config{Family: codec.IPv4, Count: 10, Interval: 4 * time.Millisecond,
				Timeout: tc.timeout, Size: DefaultSize}, time.Millisecond, targets, f)
			require.NoError(t, err)
			require.Len(t, fl.slots, tc.slots)
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			sums := fl.Run(ctx)
			require.Len(t, sums, 4)
			for _, s := range sums {
				assert.Equal(t, EndCount, s.EndReason, s.Host)
				assert.Equal(t, [3]int{10, tc.received, 0}, [3]int{s.Transmitted, s.Received, s.Duplicates}, s.Host)
			}
			assert.Zero(t, fl.inflight, "every probe settled or given up")
		})
	}
}

func TestFpingTime(t *testing.T) {
	for d, want := range map[time.Duration]string{
		51 * time.Microsecond: "0.051", 1234 * time.Microsecond: "1.23",
		12345 * time.Microsecond: "12.3", 123456 * time.Microsecond: "123",
	} {
		assert.Equal(t, want, fpingTime(d), d.String())
	}
}

// TestWriteFpingSummaries compares with fping 5.1's lines: names padded to
// the longest, no min/avg/max without replies, integer loss.
func TestWriteFpingSummaries(t *testing.T) {
	var st Stats
	st.Add(51 * time.Microsecond)
	st.Add(68 * time.Microsecond)
	var stdout, stderr strings.Builder
	WriteFpingSummaries(NewOutput(&stdout, &stderr), []Summary{
		{Host: "127.0.0.1", Transmitted: 2, Received: 2, Stats: st},
		{Host: "::1", Transmitted: 3, Received: 0},
	})
	assert.Empty(t, stdout.String())
	assert.Equal(t, "127.0.0.1 : xmt/rcv/%loss = 2/2/0%, min/avg/max = 0.051/0.059/0.068\n"+
		"::1       : xmt/rcv/%loss = 3/0/100%\n", stderr.String())
}

// TestFleetLateReplies: a reply later than the timeout is discarded, as
// fping discards it, even though its probe's slot is still the probe's
// (16 slots, 12 probes): not received, not in the round trips, its copy
// not a duplicate, and the summary fping's 3/0/100% without min/avg/max.
// A copy of a reply in time is a duplicate however late it comes, and a
// reply on the timeout itself counts (fping's comparison is strict). With
// no timeout (-W 0) nothing is late.
func TestFleetLateReplies(t *testing.T) {
	const timeout = 20 * time.Millisecond
	targets := []Target{
		{"in-time", netip.MustParseAddr("198.18.16.1")},
		{"late", netip.MustParseAddr("198.18.16.2")},
		{"copy-late", netip.MustParseAddr("198.18.16.3")},
		{"on-timeout", netip.MustParseAddr("198.18.16.4")},
	}
	answers := map[netip.Addr][]time.Duration{ // when each probe's replies come back
		targets[0].Addr: {5 * time.Millisecond},
		targets[1].Addr: {30 * time.Millisecond, 35 * time.Millisecond},
		targets[2].Addr: {5 * time.Millisecond, 30 * time.Millisecond},
		targets[3].Addr: {timeout},
	}
	run := func(t *testing.T, timeout time.Duration) []Summary {
		f := newFake(codec.IPv4, func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time) {
			for _, d := range answers[dst] {
				f.later(d, dst, reply(f.fam, req, nil), 64)
			}
		})
		fl, err := NewFleet(Config{Family: codec.IPv4, Count: 3, Interval: 100 * time.Millisecond,
			Timeout: timeout, Size: DefaultSize}, time.Millisecond, targets, f)
		require.NoError(t, err)
		require.Len(t, fl.slots, 16, "every probe keeps its slot: the late replies find theirs")
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		sums := fl.Run(ctx)
		require.Len(t, sums, len(targets))
		assert.Zero(t, fl.inflight, "every probe settled or timed out")
		return sums
	}
	counts := func(sums []Summary) map[string][4]int {
		got := map[string][4]int{} // transmitted, received, duplicates, round trips
		for _, s := range sums {
			got[s.Host] = [4]int{s.Transmitted, s.Received, s.Duplicates, s.Stats.N}
		}
		return got
	}

	t.Run("timeout", func(t *testing.T) {
		sums := run(t, timeout)
		// The run ends 20 ms after its last probe: the third probe's late
		// copy to copy-late (30 ms) comes after it.
		assert.Equal(t, map[string][4]int{"in-time": {3, 3, 0, 3}, "late": {3, 0, 0, 0},
			"copy-late": {3, 3, 2, 3}, "on-timeout": {3, 3, 0, 3}}, counts(sums))
		assert.Equal(t, 5*time.Millisecond, ms(sums[2].Stats.MaxMS), "the late copies are not round trips")
		assert.Equal(t, timeout, ms(sums[3].Stats.MaxMS))
		var stdout, stderr strings.Builder
		WriteFpingSummaries(NewOutput(&stdout, &stderr), sums[1:2])
		assert.Equal(t, "late : xmt/rcv/%loss = 3/0/100%\n", stderr.String(), "fping 5.1's line for a target whose replies all came late")
		assert.Equal(t, 1, sums[1].ExitCode(), "a target without replies")
	})
	t.Run("no timeout", func(t *testing.T) {
		// Slots are one per probe without a timeout; the run ends when the
		// last probe is answered, before the later copies.
		got := counts(run(t, Forever))
		assert.Equal(t, [4]int{3, 3, 0, 3}, got["in-time"])
		assert.Equal(t, [2]int{3, 3}, [2]int{got["late"][0], got["late"][1]}, "nothing is late without a timeout")
		assert.Equal(t, 3, got["late"][3])
	})
}
