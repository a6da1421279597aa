package trace

import (
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const ms = time.Millisecond

// TestHopStatsByHand checks every figure against values worked out on
// paper, as mtr defines them.
func TestHopStatsByHand(t *testing.T) {
	a, b := netip.MustParseAddr("198.18.1.2"), netip.MustParseAddr("198.18.2.2")
	var s HopStats
	for range 5 {
		s.sent()
	}
	s.answered(a, 10*ms, false)
	s.answered(a, 20*ms, false)
	s.timedOut()
	s.answered(b, 15*ms, false)
	// One probe is still in flight: not lost, not in the loss ratio.
	assert.Equal(t, 5, s.Sent)
	assert.Equal(t, 3, s.Received)
	assert.Equal(t, 1, s.InFlight)
	assert.Equal(t, 1, s.Lost())
	assert.Equal(t, 25.0, s.LossPercent(), "1 lost of 4 settled")
	assert.Equal(t, 15*ms, s.Last)
	assert.Equal(t, 10*ms, s.Best)
	assert.Equal(t, 20*ms, s.Worst)
	assert.Equal(t, 15*ms, s.Avg(), "(10+20+15)/3")
	assert.Equal(t, 5*ms, s.StdDev(), "sqrt((25+25+0)/(3-1))")
	assert.Equal(t, 5*ms, s.Jitter, "|15-20|")
	assert.Equal(t, 10*ms, s.JitterMax, "|20-10|")
	assert.Equal(t, 5*ms, s.JitterAvg(), "(0+10+5)/3: the first answer's jitter is 0 and counts, as in mtr")
	assert.Equal(t, []AddrCount{{a, 2}, {b, 1}}, s.Addrs)
	assert.Equal(t, 1, s.PathChanges, "a, a, b: the path changed once, and nothing was lost for it")
	assert.Equal(t, []time.Duration{10 * ms, 20 * ms, 0, 15 * ms}, s.History)

	// The probe that timed out is answered late, from a again: received
	// and late, no longer lost.
	s.answered(a, 40*ms, true)
	assert.Equal(t, 4, s.Received)
	assert.Equal(t, 1, s.Late)
	assert.Equal(t, 0, s.Lost())
	assert.Equal(t, 0.0, s.LossPercent())
	assert.Equal(t, 21250*time.Microsecond, s.Avg(), "(10+20+15+40)/4")
	// Deviations -11.25, -1.25, -6.25, 18.75: squares sum to 518.75; over 3
	// is 172.91667; its root is 13.149778 ms.
	assert.InDelta(t, 13.149778, float64(s.StdDev())/float64(ms), 1e-6)
	assert.Equal(t, 25*ms, s.Jitter)
	assert.Equal(t, 25*ms, s.JitterMax)
	assert.Equal(t, 10*ms, s.JitterAvg(), "(0+10+5+25)/4")
	assert.Equal(t, 2, s.PathChanges)
	assert.Equal(t, []AddrCount{{a, 3}, {b, 1}}, s.Addrs)

	s.Reset()
	assert.Equal(t, HopStats{}, s)
}

func TestHopStatsEdges(t *testing.T) {
	var s HopStats
	assert.Equal(t, 0.0, s.LossPercent(), "nothing sent")
	s.sent()
	assert.Equal(t, 0.0, s.LossPercent(), "only in flight: not lost")
	s.timedOut()
	assert.Equal(t, 100.0, s.LossPercent())
	assert.Equal(t, time.Duration(0), s.StdDev())
	s.sent()
	s.answered(netip.MustParseAddr("198.18.1.2"), 3*ms, false)
	assert.Equal(t, time.Duration(0), s.StdDev(), "one answer has no deviation")
	assert.Equal(t, 50.0, s.LossPercent())

	var h HopStats
	for i := range HistoryLen + 5 {
		h.sent()
		h.answered(netip.MustParseAddr("198.18.1.2"), time.Duration(i+1)*ms, false)
	}
	require.Len(t, h.History, HistoryLen)
	assert.Equal(t, 6*ms, h.History[0], "the oldest dropped first")
	assert.Equal(t, time.Duration(HistoryLen+5)*ms, h.History[HistoryLen-1])
}

// TestStatsOfOneShotHop: the one-shot trace's hop goes through the same
// arithmetic.
func TestStatsOfOneShotHop(t *testing.T) {
	a := netip.MustParseAddr("198.18.1.2")
	t0 := time.Unix(100, 0)
	h := HopReport{TTL: 1, Probes: []Probe{
		{Sent: t0, Recv: t0.Add(2 * ms), Outcome: HopAnswered, From: a},
		{Sent: t0, Outcome: TimedOut},
		{Sent: t0, Recv: t0.Add(4 * ms), Outcome: HopAnswered, From: a},
		{Outcome: Skipped},
	}}
	s := StatsOf(h)
	assert.Equal(t, 3, s.Sent)
	assert.Equal(t, 2, s.Received)
	assert.InDelta(t, 100.0/3, s.LossPercent(), 1e-9)
	assert.Equal(t, 3*ms, s.Avg())
	assert.Equal(t, 2*ms, s.JitterMax)
}
