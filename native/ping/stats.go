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

// IputilsAvgMdevUS returns average and mean deviation as iputils
// (20221126, ping_common.c) computes them in whole microseconds: the
// average by integer division; the variance as (Σx² - (Σx)²/n) / n in
// integer division, that order "to avoid integer rounding errors for small
// ping times" (a sum past INT_MAX falls back to Σx²/n - avg²), and mdev its
// integer square root. So 86, 88 and 92 µs give avg 88 and mdev 2 (the
// exact figure is 2.49), where mean(x²) - avg² would give 11.
func (s Stats) IputilsAvgMdevUS() (avg, mdev int64) {
	if s.N == 0 {
		return 0, 0
	}
	n := int64(s.N)
	avg = s.SumUS / n
	var v int64
	if s.SumUS < math.MaxInt32 {
		v = (s.Sum2US - s.SumUS*s.SumUS/n) / n
	} else {
		v = s.Sum2US/n - avg*avg
	}
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

// isqrt is iputils' llsqrt: Newton's iteration from v, stopped when an
// estimate no longer falls, returning that last estimate. It is the floor
// of the square root except just below a perfect square, where the
// iteration swings and it returns one more (llsqrt(3) = 2, llsqrt(8) = 3):
// iputils prints that, so the text output does too. 0 for v <= 0.
func isqrt(v int64) int64 {
	if v <= 0 {
		return 0
	}
	prev, x := int64(math.MaxInt64), v
	for x < prev {
		prev = x
		x = (x + v/x) / 2
	}
	return x
}
