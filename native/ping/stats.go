package ping

import (
	"math"
	"time"
)

// Stats accumulates round-trip times two ways: in whole microseconds with
// iputils' integer arithmetic, so that the text summary prints the very
// figures iputils would, and in float64 milliseconds from nanosecond
// samples, for JSON.
//
// As in iputils, duplicates contribute samples (their RTT is real) and
// replies with a bad checksum do not.
type Stats struct {
	N int // samples

	// iputils arithmetic (ping_common.c, iputils 20221126): microseconds.
	MinUS, MaxUS, SumUS, Sum2US int64
	// EWMA8US is iputils' smoothed RTT, scaled by 8, in microseconds.
	EWMA8US int64

	// Exact arithmetic: milliseconds from nanosecond samples.
	MinMS, MaxMS, SumMS, Sum2MS float64
}

// Add records one round-trip time.
func (s *Stats) Add(rtt time.Duration) {
	if rtt < 0 {
		rtt = 0
	}
	us := int64(rtt / time.Microsecond)
	ms := float64(rtt) / float64(time.Millisecond)
	if s.N == 0 || us < s.MinUS {
		s.MinUS = us
	}
	if us > s.MaxUS {
		s.MaxUS = us
	}
	if s.N == 0 || ms < s.MinMS {
		s.MinMS = ms
	}
	if ms > s.MaxMS {
		s.MaxMS = ms
	}
	s.SumUS += us
	s.Sum2US += us * us
	s.SumMS += ms
	s.Sum2MS += ms * ms
	if s.EWMA8US == 0 {
		s.EWMA8US = us * 8
	} else {
		s.EWMA8US += us - s.EWMA8US/8
	}
	s.N++
}

// IputilsAvgMdevUS returns average and mean deviation as iputils computes
// them: integer division of the sums, then the integer square root of
// mean(x²) - mean(x)² (its "mdev" is the population standard deviation).
func (s Stats) IputilsAvgMdevUS() (avg, mdev int64) {
	if s.N == 0 {
		return 0, 0
	}
	n := int64(s.N)
	avg = s.SumUS / n
	v := s.Sum2US/n - avg*avg
	return avg, isqrt(v)
}

// AvgMS and MdevMS are the exact mean and population standard deviation.
func (s Stats) AvgMS() float64 {
	if s.N == 0 {
		return 0
	}
	return s.SumMS / float64(s.N)
}

func (s Stats) MdevMS() float64 {
	if s.N == 0 {
		return 0
	}
	a := s.AvgMS()
	v := s.Sum2MS/float64(s.N) - a*a
	if v < 0 { // rounding, when every sample is equal
		return 0
	}
	return math.Sqrt(v)
}

// isqrt is the integer square root (floor), iputils' llsqrt; 0 for v <= 0.
func isqrt(v int64) int64 {
	if v <= 0 {
		return 0
	}
	r := int64(math.Sqrt(float64(v)))
	for r*r > v {
		r--
	}
	for (r+1)*(r+1) <= v {
		r++
	}
	return r
}
