package trace

import (
	"context"
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// runRoundsFake runs rounds over f on its fake clock, stepping it as
// runSimulated does, and returns every snapshot and the final one. Whatever
// wakes the engine (answers, control commands) must be an event on the fake
// clock, so that the engine and the driver move in step.
func runRoundsFake(t *testing.T, cfg Config, f *fakeProber, ctrl <-chan Control) ([]Snapshot, Snapshot) {
	t.Helper()
	cfg.Target = fakeTarget
	require.NoError(t, cfg.Normalize())
	clk := f.clock()
	var snaps []Snapshot
	var final Snapshot
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		final, err = runRounds(context.Background(), &cfg, f, clk, ctrl, func(s Snapshot) { snaps = append(snaps, s) }, nil)
	}()
	for {
		select {
		case <-clk.Armed():
			clk.Step()
			continue
		case <-done:
		}
		break
	}
	f.close()
	require.NoError(t, err)
	return snaps, final
}

// chainAnswer is a path of routers at hops 1-3, hop 2 silent, and the
// target at hop 4; every answer takes rtt(ttl).
func chainAnswer(rtt func(p Probe) time.Duration) func(p Probe) (fakeAnswer, time.Duration, bool) {
	return func(p Probe) (fakeAnswer, time.Duration, bool) {
		switch {
		case p.TTL == 2:
			return fakeAnswer{}, 0, false
		case p.TTL >= 4:
			return destReply(codec.CodePortUnreachable), rtt(p), true
		}
		return hopReply(p.TTL), rtt(p), true
	}
}

// TestRoundsReport: five rounds a second apart over a path with a silent
// router: every hop is sent five probes, the silent one loses all, the
// others none, and the last round settles 40 ms after it starts (hop 2's
// wait is NEAR, 10, times hop 3's round trip and the 1 ms precision), at
// 4.04 s.
func TestRoundsReport(t *testing.T) {
	f := &fakeProber{answer: chainAnswer(func(p Probe) time.Duration { return time.Duration(p.TTL) * ms })}
	snaps, final := runRoundsFake(t, Config{Queries: 1, Cycles: 5, Interval: time.Second}, f, nil)
	require.Len(t, final.Hops, 4)
	assert.Equal(t, "cycles (5)", final.End)
	assert.Equal(t, 5, final.Round)
	assert.True(t, final.Reached)
	assert.Equal(t, 4*time.Second+40*ms, final.Elapsed)
	for _, h := range final.Hops {
		s := h.Stats
		assert.Equal(t, 5, s.Sent, "hop %d", h.TTL)
		assert.Equal(t, 0, s.InFlight, "hop %d", h.TTL)
		if h.TTL == 2 {
			assert.Equal(t, 100.0, s.LossPercent())
			assert.Empty(t, s.Addrs)
			continue
		}
		assert.Equal(t, 0.0, s.LossPercent(), "hop %d", h.TTL)
		assert.Equal(t, time.Duration(h.TTL)*ms, s.Avg())
		assert.Equal(t, time.Duration(0), s.StdDev())
	}
	// Rounds settle in order, each reported once with what it saw.
	var rounds []int
	for _, s := range snaps {
		if s.LastRound != nil {
			rounds = append(rounds, s.Round)
			require.Len(t, s.LastRound, 4)
			assert.False(t, s.LastRound[1].Answered)
			assert.True(t, s.LastRound[3].Answered)
		}
	}
	assert.Equal(t, []int{1, 2, 3, 4, 5}, rounds)
	// Round 1 probed hops 1-8 (up to five past the last answer known as
	// each probe left); once it found the target at hop 4, no round went
	// past it.
	assert.Equal(t, 8+4*4, len(f.sent))
}

// TestRoundsHonestLoss: hop 1 answers round 2 only after 7 s (its wait is
// 5 s: counted lost, then late), answers round 3 from another address (a
// path change, not a loss), and round 4 is still in flight when the report
// is taken mid-way.
func TestRoundsHonestLoss(t *testing.T) {
	other := netip.MustParseAddr("198.18.1.3")
	var round int
	answer := func(p Probe) (fakeAnswer, time.Duration, bool) {
		if p.TTL != 1 {
			return destReply(codec.CodePortUnreachable), ms, true
		}
		round++
		r := hopReply(1)
		switch round {
		case 2:
			return r, 7 * time.Second, true
		case 3:
			r.from = other
		}
		return r, 2 * ms, true
	}
	f := &fakeProber{answer: answer}
	snaps, final := runRoundsFake(t, Config{Queries: 1, Cycles: 10, Interval: time.Second, Wait: Wait{Max: 5 * time.Second}}, f, nil)
	hop1 := final.Hops[0].Stats
	assert.Equal(t, 10, hop1.Sent)
	assert.Equal(t, 10, hop1.Received)
	assert.Equal(t, 1, hop1.Late)
	assert.Equal(t, 0.0, hop1.LossPercent())
	assert.Equal(t, 7*time.Second, hop1.Worst)
	assert.Equal(t, []AddrCount{{hopReply(1).from, 9}, {other, 1}}, hop1.Addrs)
	assert.Equal(t, 2, hop1.PathChanges, "to the other address and back")

	// Between 5 s and 7 s after round 2 left, its probe was lost; before
	// that, in flight, never lost.
	var sawInFlight, sawLost bool
	for _, s := range snaps {
		if len(s.Hops) == 0 {
			continue // the first round's start: nothing probed yet
		}
		h := s.Hops[0].Stats
		assert.LessOrEqual(t, h.Lost(), 1)
		if s.Elapsed > time.Second && s.Elapsed < 6*time.Second && h.InFlight > 0 && h.Lost() == 0 {
			sawInFlight = true
		}
		if s.Elapsed >= 6*time.Second && s.Elapsed < 8*time.Second && h.Lost() == 1 {
			sawLost = true
			assert.Greater(t, h.LossPercent(), 0.0)
		}
	}
	assert.True(t, sawInFlight, "round 2's probe was in flight, not lost, within its wait")
	assert.True(t, sawLost, "round 2's probe was counted lost after its wait, until it came")
}

// TestRoundsPauseAndReset: the target is hop 1. As round 2 leaves (1 s)
// the rounds are paused, and resumed 3 s later: round 3 starts at 4 s, not
// 2 s. As round 3 leaves, the statistics are reset: rounds 4 and 5 remain
// (round 3's answer, whichever comes first, belongs to before the reset).
func TestRoundsPauseAndReset(t *testing.T) {
	ctrl := make(chan Control, 4)
	var n int
	f := &fakeProber{}
	f.answer = func(p Probe) (fakeAnswer, time.Duration, bool) {
		if p.TTL == 1 {
			n++
			switch n {
			case 2:
				// Keys come as events on the fake clock, like answers, so
				// the engine wakes for nothing the driver did not step.
				f.clk.AfterFunc(0, func() { ctrl <- Pause })
				f.clk.AfterFunc(3*time.Second, func() { ctrl <- Resume })
			case 3:
				assert.Equal(t, fakeEpoch.Add(4*time.Second), f.clk.Now(), "round 3 starts on resume")
				f.clk.AfterFunc(0, func() { ctrl <- Reset })
			}
		}
		return destReply(codec.CodePortUnreachable), ms, true
	}
	_, final := runRoundsFake(t, Config{Queries: 1, Cycles: 5, Interval: time.Second}, f, ctrl)
	require.Len(t, final.Hops, 1)
	s := final.Hops[0].Stats
	assert.Equal(t, 5, final.Round)
	assert.Equal(t, 6*time.Second+ms, final.Elapsed)
	assert.Equal(t, 2, s.Sent)
	assert.Equal(t, 2, s.Received)
}
