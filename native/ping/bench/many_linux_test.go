//go:build linux

package bench

import (
	"bytes"
	"context"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"icmplab/native/internal/netns"
)

// manyPrefix is the /20 one namespace answers for: 4,094 targets.
const manyPrefix = "198.18.16.0/20"

// manyGap is the least time between any two probes, for both pingers
// (fping's -i, icmplab's --gap).
const manyGap = time.Millisecond

// manyRun is one many-target run's figures.
type manyRun struct {
	wall, cpu time.Duration
	maxRSSKB  int64
	received  int
}

var reManyLine = regexp.MustCompile(`(?m)^\S+ +: xmt/rcv/%loss = \d+/(\d+)/`)

func runMany(b *testing.B, h *netns.Host, argv []string) manyRun {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out bytes.Buffer
	cmd := h.Command(ctx, argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%v: %v\n%s", argv, err, out.String())
	}
	r := manyRun{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		r.maxRSSKB = ru.Maxrss
	}
	for _, m := range reManyLine.FindAllStringSubmatch(out.String(), -1) {
		n, _ := strconv.Atoi(m[1])
		r.received += n
	}
	return r
}

// BenchmarkManyVsFping pings 4,094 targets (a /20 answered by one
// namespace) twice each, a second apart, any two probes at least 1 ms
// apart, with icmplab and with fping in turn on the same path, and reports
// each one's CPU time (user + system, from the child's rusage), wall time,
// replies received and maximum resident set. ip netns exec execs the
// pinger, so the rusage is the pinger's (plus ip's few milliseconds, the
// same for both).
func BenchmarkManyVsFping(b *testing.B) {
	netns.Require(b)
	fping := netns.RequireTool(b, "fping", "fping")
	bin := buildIcmplab(b)
	c := netns.NewChain(b, 0)
	c.Dst().MustRun("ip", "route", "add", "local", manyPrefix, "dev", "lo")
	c.Src().MustRun("ip", "route", "add", manyPrefix, "via", c.Dst4())
	p := netip.MustParsePrefix(manyPrefix)
	var targets []string
	for a := p.Addr().Next(); p.Contains(a.Next()); a = a.Next() {
		targets = append(targets, a.String())
	}
	list := filepath.Join(b.TempDir(), "targets")
	if err := os.WriteFile(list, []byte(strings.Join(targets, "\n")+"\n"), 0o644); err != nil {
		b.Fatal(err)
	}
	gapMS := strconv.FormatFloat(float64(manyGap)/float64(time.Millisecond), 'f', -1, 64)
	tools := []struct {
		name string
		argv []string
	}{
		{"icmplab", []string{bin, "ping", "-n", "-q", "-c", "2", "-i", "1", "-W", "2",
			"--gap", strconv.FormatFloat(manyGap.Seconds(), 'f', -1, 64), "--targets", list}},
		{"fping", []string{fping, "-q", "-c", "2", "-p", "1000", "-i", gapMS, "-f", list}},
	}
	for i := 0; i < b.N; i++ {
		var rows []string
		for _, t := range tools {
			r := runMany(b, c.Src(), t.argv)
			b.ReportMetric(r.cpu.Seconds(), t.name+"-cpu-s")
			b.ReportMetric(r.wall.Seconds(), t.name+"-wall-s")
			b.ReportMetric(float64(r.received), t.name+"-replies")
			b.ReportMetric(float64(r.maxRSSKB), t.name+"-maxrss-KB")
			rows = append(rows, fmt.Sprintf("%-8s %8.3f %8.3f %8d/%d %10d",
				t.name, r.cpu.Seconds(), r.wall.Seconds(), r.received, 2*len(targets), r.maxRSSKB))
		}
		b.Logf("\n%d targets, 2 probes each 1 s apart, probes at least %v apart\n%-8s %8s %8s %13s %10s\n%s",
			len(targets), manyGap, "pinger", "cpu s", "wall s", "replies", "maxrss KB", strings.Join(rows, "\n"))
	}
}
