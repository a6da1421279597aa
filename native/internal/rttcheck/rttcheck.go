// Package rttcheck compares the round trips a capture tells (codec/story
// over tcpdump's file) with the ones a program printed for the same run:
// iputils ping, traceroute, mtr, fping or icmplab's own engines.
//
// The program takes its send time in user space before the probe reaches
// the wire and its receive time when the answer reaches it (or the
// kernel's receive stamp): its round trip brackets the capture's. So the
// capture's may exceed the program's by rounding only (Ahead: mtr prints
// 0.1 ms at the coarsest). It falls short by the time the send took to
// reach the wire: microseconds usually, a stall of tens of milliseconds now
// and then on a loaded machine (Stall), and a whole burst can lag together
// (traceroute's nine probes all 2.6-2.8 ms behind on a CI machine, a ping
// fleet's 1.6 ms at a load of 20 on two cores), so the median shortfall
// may reach Median. A probe paired with the wrong answer is off by a
// probe interval or more, or lands above the program's: both fail.
package rttcheck

import (
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

const (
	Ahead  = 250 * time.Microsecond
	Median = 5 * time.Millisecond
	Stall  = 100 * time.Millisecond
)

// Ms is d in milliseconds, as the programs print round trips.
func Ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// Check collects how far the capture's round trips fall short of the
// program's; Done checks their median.
type Check struct{ behind []float64 }

// Add compares one round trip in milliseconds: program's, capture's.
func (c *Check) Add(t testing.TB, program, capture float64, what string) {
	t.Helper()
	assert.LessOrEqual(t, capture-program, Ms(Ahead), "%s: the capture's round trip %.3f ms is above the program's %.3f", what, capture, program)
	assert.LessOrEqual(t, program-capture, Ms(Stall), "%s: the capture's round trip %.3f ms is far below the program's %.3f", what, capture, program)
	c.behind = append(c.behind, program-capture)
}

// Done asserts the median shortfall is within Median. With an even count
// it takes the lower of the two middle ones: of tracepath's four round trips
// on a loaded machine two stalled (5.8 and 27.8 ms behind) while the others
// were 0.01 and 0.05 ms behind, and a pairing fault moves them all.
func (c *Check) Done(t testing.TB) {
	t.Helper()
	if len(c.behind) == 0 {
		return
	}
	d := append([]float64(nil), c.behind...)
	sort.Float64s(d)
	assert.LessOrEqual(t, d[(len(d)-1)/2], Ms(Median), "median shortfall of the capture's round trips against the program's: %v", d)
}
