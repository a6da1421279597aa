package trace

import (
	"math"
	"net/netip"
	"time"
)

// HopStats is one hop's account over rounds, kept as mtr keeps it (its
// net.c: Loss%, Snt, Last, Avg, Best, Wrst, StDev, jitter), with loss made
// honest:
//
//   - a probe still within its wait is in flight, neither lost nor received,
//     and is left out of Loss% (mtr leaves its one in-transit probe out too);
//   - a probe answered after its wait was first counted lost, then, when the
//     answer comes, received and Late: the round trip is real, only slow;
//   - an answer from an address the hop has not answered from before is a
//     path change (ECMP, a reroute), recorded in Addrs and PathChanges, never
//     a loss of the first address.
//
// Times are kept as durations; the mean and the sum of squared deviations
// are updated one sample at a time (Welford, as mtr does), so a live view
// can run for days in constant memory.
type HopStats struct {
	Sent     int // probes sent (Snt)
	Received int // probes answered, late ones included
	Late     int // answers that came after their probe's wait
	InFlight int // sent, not answered, wait not over
	// Last, Best and Worst are round trips; zero before the first answer.
	Last, Best, Worst time.Duration
	// Jitter is the last absolute difference between consecutive round
	// trips, JitterMax the largest; the mean is JitterAvg.
	Jitter, JitterMax time.Duration
	// Addrs lists every address the hop answered from, in order of first
	// answer, with how many answers each gave.
	Addrs []AddrCount
	// PathChanges counts answers from an address other than the previous
	// answer's.
	PathChanges int
	// Ext is the ICMP extensions (MPLS, RFC 5837) of the hop's latest
	// answer that carried any, as read on a raw socket.
	Ext []ExtObject
	// History holds the last round trips (0 for a lost probe), oldest
	// first, for a sparkline; at most HistoryLen.
	History []time.Duration

	mean, ssd  float64 // of round trips, in nanoseconds
	jitterMean float64 // in nanoseconds
	lastFrom   netip.Addr
}

// AddrCount is one address a hop answered from.
type AddrCount struct {
	Addr  netip.Addr
	Count int
}

// HistoryLen is how many round trips a hop's History keeps.
const HistoryLen = 60

// Lost is the number of probes given up: sent, not answered, wait over.
func (s *HopStats) Lost() int { return s.Sent - s.Received - s.InFlight }

// LossPercent is Lost over the probes whose fate is known (Sent less
// InFlight), in percent; 0 when none is known.
func (s *HopStats) LossPercent() float64 {
	settled := s.Sent - s.InFlight
	if settled <= 0 {
		return 0
	}
	return float64(s.Lost()) * 100 / float64(settled)
}

// Avg is the mean round trip.
func (s *HopStats) Avg() time.Duration { return time.Duration(math.Round(s.mean)) }

// StdDev is the sample standard deviation of the round trips (divided by
// n-1, as mtr's net_stdev); 0 below two answers.
func (s *HopStats) StdDev() time.Duration {
	if s.Received < 2 {
		return 0
	}
	return time.Duration(math.Round(math.Sqrt(s.ssd / float64(s.Received-1))))
}

// JitterAvg is the mean jitter as mtr keeps it: the sum of the absolute
// differences between consecutive round trips, over the number of answers
// (the first answer's jitter is 0 and counts).
func (s *HopStats) JitterAvg() time.Duration { return time.Duration(math.Round(s.jitterMean)) }

// sent counts a probe leaving.
func (s *HopStats) sent() {
	s.Sent++
	s.InFlight++
}

// timedOut counts a probe whose wait is over without an answer.
func (s *HopStats) timedOut() {
	s.InFlight--
	s.push(0)
}

// answered counts an answer from `from` after rtt; late says its probe had
// already been counted lost.
func (s *HopStats) answered(from netip.Addr, rtt time.Duration, late bool) {
	if late {
		s.Late++
	} else {
		s.InFlight--
		s.push(rtt)
	}
	s.Received++
	n := float64(s.Received)
	if s.Received == 1 {
		s.Best, s.Worst, s.Jitter = rtt, rtt, 0
	} else {
		s.Jitter = (rtt - s.Last).Abs()
		s.Best, s.Worst = min(s.Best, rtt), max(s.Worst, rtt)
	}
	s.JitterMax = max(s.JitterMax, s.Jitter)
	s.Last = rtt
	old := s.mean
	s.mean += (float64(rtt) - old) / n
	s.ssd += (float64(rtt) - old) * (float64(rtt) - s.mean)
	s.jitterMean += (float64(s.Jitter) - s.jitterMean) / n
	s.seen(from)
}

// seen records the answering address and whether the path changed.
func (s *HopStats) seen(from netip.Addr) {
	if s.lastFrom.IsValid() && s.lastFrom != from {
		s.PathChanges++
	}
	s.lastFrom = from
	for i := range s.Addrs {
		if s.Addrs[i].Addr == from {
			s.Addrs[i].Count++
			return
		}
	}
	s.Addrs = append(s.Addrs, AddrCount{Addr: from, Count: 1})
}

// push appends to History, dropping the oldest past HistoryLen.
func (s *HopStats) push(rtt time.Duration) {
	if len(s.History) == HistoryLen {
		copy(s.History, s.History[1:])
		s.History = s.History[:HistoryLen-1]
	}
	s.History = append(s.History, rtt)
}

// Reset forgets everything (the live view's "reset statistics"); the
// engine ignores what later becomes of probes sent before it.
func (s *HopStats) Reset() { *s = HopStats{} }

// StatsOf is the statistics of one settled hop of a one-shot trace: the
// same arithmetic over its probes, so --json reports a hop the way the
// rounds of --report and --live do.
func StatsOf(h HopReport) HopStats {
	var s HopStats
	for i := range h.Probes {
		p := &h.Probes[i]
		if p.Outcome == Skipped || p.Sent.IsZero() {
			continue
		}
		s.sent()
		switch {
		case p.answered():
			s.answered(p.From, p.RTT(), false)
		case p.Outcome == TimedOut:
			s.timedOut()
		}
	}
	return s
}
