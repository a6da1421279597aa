package ping

import (
	"fmt"
	"strings"
	"time"
)

// WriteFpingSummaries writes one line per summary in fping's -q -c form
// (fping 5), names padded to the longest:
//
//	198.18.16.1 : xmt/rcv/%loss = 2/2/0%, min/avg/max = 0.051/0.059/0.068
//
// A target that received nothing has no min/avg/max, and one that received
// more replies than it sent (duplicates are not counted here, so never)
// would say %return, as fping does.
func WriteFpingSummaries(out *Output, sums []Summary) {
	width := 0
	for _, s := range sums {
		width = max(width, len(s.Host))
	}
	var b strings.Builder
	for _, s := range sums {
		loss := 0
		if s.Transmitted > 0 {
			loss = (s.Transmitted - s.Received) * 100 / s.Transmitted
		}
		fmt.Fprintf(&b, "%-*s : xmt/rcv/%%loss = %d/%d/%d%%", width, s.Host, s.Transmitted, s.Received, loss)
		if s.Stats.N > 0 {
			avg := time.Duration(s.Stats.SumMS / float64(s.Stats.N) * float64(time.Millisecond))
			fmt.Fprintf(&b, ", min/avg/max = %s/%s/%s", fpingTime(ms(s.Stats.MinMS)), fpingTime(avg), fpingTime(ms(s.Stats.MaxMS)))
		}
		b.WriteByte('\n')
	}
	out.writeErr(b.String())
}

func ms(v float64) time.Duration { return time.Duration(v * float64(time.Millisecond)) }

// fpingTime prints a time in milliseconds as fping's sprint_tm does: three
// significant figures or so, more decimals for shorter times.
func fpingTime(d time.Duration) string {
	t := float64(d) / float64(time.Millisecond)
	switch {
	case t < 0:
		return fmt.Sprintf("%.2g", t)
	case t < 1:
		return fmt.Sprintf("%.3f", t)
	case t < 10:
		return fmt.Sprintf("%.2f", t)
	case t < 100:
		return fmt.Sprintf("%.1f", t)
	case t < 1e6:
		return fmt.Sprintf("%.0f", t)
	}
	return fmt.Sprintf("%.3e", t)
}
