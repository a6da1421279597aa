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
	peakKB    int64 // the pinger's own peak resident set (VmHWM)
	received  int
}

// hwmEvery is how often the pinger's peak resident set is read while it
// runs.
const hwmEvery = 2 * time.Millisecond

// reHWM reads VmHWM from /proc/PID/status.
var reHWM = regexp.MustCompile(`(?m)^VmHWM:\s+(\d+) kB`)

// watchHWM reads pid's peak resident set (VmHWM) every hwmEvery until done
// is closed, and returns the largest. The rusage of a child cannot give it:
// Go starts children with vfork, and exec keeps the parent's peak as the
// child's ru_maxrss (the benchmark's own ~8 MB, which is what fping showed
// before). ip netns exec execs the pinger in place, so pid is the pinger's
// once ip is done; ip's own peak (about 2.5 MB) is below either pinger's.
func watchHWM(pid int, done <-chan struct{}) <-chan int64 {
	out := make(chan int64, 1)
	go func() {
		var peak int64
		tick := time.NewTicker(hwmEvery)
		defer tick.Stop()
		for {
			if b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status"); err == nil {
				if m := reHWM.FindSubmatch(b); m != nil {
					if kb, _ := strconv.ParseInt(string(m[1]), 10, 64); kb > peak {
						peak = kb
					}
				}
			}
			select {
			case <-done:
				out <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return out
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
	if err := cmd.Start(); err != nil {
		b.Fatalf("%v: %v", argv, err)
	}
	done := make(chan struct{})
	peak := watchHWM(cmd.Process.Pid, done)
	err := cmd.Wait()
	close(done)
	if err != nil {
		b.Fatalf("%v: %v\n%s", argv, err, out.String())
	}
	r := manyRun{wall: time.Since(start), peakKB: <-peak}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
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
			b.ReportMetric(float64(r.peakKB), t.name+"-peak-rss-KB")
			rows = append(rows, fmt.Sprintf("%-8s %8.3f %8.3f %8d/%d %12d",
				t.name, r.cpu.Seconds(), r.wall.Seconds(), r.received, 2*len(targets), r.peakKB))
		}
		b.Logf("\n%d targets, 2 probes each 1 s apart, probes at least %v apart\n%-8s %8s %8s %13s %12s\n%s",
			len(targets), manyGap, "pinger", "cpu s", "wall s", "replies", "peak rss KB", strings.Join(rows, "\n"))
	}
}
