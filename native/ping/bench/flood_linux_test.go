//go:build linux

package bench

import (
	"bytes"
	"context"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"icmplab/native/internal/netns"
)

const floodCount = 10000

// tool is one pinger under test: argv before the ping flags.
type tool struct {
	name string
	argv []string
}

// measurement is one run's figures.
type measurement struct {
	wall     time.Duration
	cpu      time.Duration // user + system
	received int
	rtts     []float64 // ms, from per-reply lines
}

var (
	reReceived = regexp.MustCompile(`(\d+) received`)
	reTime     = regexp.MustCompile(` time=([0-9.]+) ms`)
)

func runTool(b *testing.B, h *netns.Host, t tool, args ...string) measurement {
	b.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	argv := append(append([]string(nil), t.argv...), args...)
	var out bytes.Buffer
	cmd := h.Command(ctx, argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b.Fatalf("%s %v: %v\n%s", t.name, args, err, out.String())
	}
	m := measurement{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	if s := reReceived.FindStringSubmatch(out.String()); s != nil {
		m.received, _ = strconv.Atoi(s[1])
	}
	for _, s := range reTime.FindAllStringSubmatch(out.String(), -1) {
		if v, err := strconv.ParseFloat(s[1], 64); err == nil {
			m.rtts = append(m.rtts, v)
		}
	}
	return m
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// buildIcmplab is the command, built once (netns.Binary).
func buildIcmplab(b *testing.B) string { return netns.Binary(b) }

// rounds is how many times each pinger runs, alternating, per benchmark
// iteration: the medians are reported, so that a burst of load from other
// processes on a shared machine skews neither side alone.
const rounds = 3

// BenchmarkFloodVsIputils floods 10,000 packets through a namespace pair
// (source and target joined by a veth pair) with each pinger, then pings
// 200 times at 10 ms intervals for the median RTT. Both run as root in the
// same namespace, alternately, on the same path.
func BenchmarkFloodVsIputils(b *testing.B) {
	netns.Require(b)
	iputils := netns.RequireTool(b, "ping", "iputils-ping")
	bin := buildIcmplab(b)
	c := netns.NewChain(b, 0)
	src, dst := c.Src(), c.Dst4()
	tools := []tool{{"icmplab", []string{bin, "ping"}}, {"iputils", []string{iputils}}}
	for i := 0; i < b.N; i++ {
		pps := map[string][]float64{}
		cpu := map[string][]float64{}
		rtts := map[string][]float64{}
		recv := map[string]int{}
		for r := 0; r < rounds; r++ {
			for _, t := range tools {
				flood := runTool(b, src, t, "-f", "-c", strconv.Itoa(floodCount), dst)
				pps[t.name] = append(pps[t.name], float64(floodCount)/flood.wall.Seconds())
				cpu[t.name] = append(cpu[t.name], float64(flood.cpu.Microseconds())/floodCount)
				recv[t.name] += flood.received
				rtt := runTool(b, src, t, "-c", "200", "-i", "0.01", dst)
				rtts[t.name] = append(rtts[t.name], rtt.rtts...)
			}
		}
		var rows []string
		for _, t := range tools {
			p, c, m := median(pps[t.name]), median(cpu[t.name]), median(rtts[t.name])
			b.ReportMetric(p, t.name+"-pps")
			b.ReportMetric(c, t.name+"-cpu-us/pkt")
			b.ReportMetric(m*1000, t.name+"-median-rtt-us")
			rows = append(rows, fmt.Sprintf("%-8s %9.0f %12.2f %10d/%d %14.3f (%d samples)   pps per round %.0f",
				t.name, p, c, recv[t.name], rounds*floodCount, m, len(rtts[t.name]), pps[t.name]))
		}
		b.Logf("\n%-8s %9s %12s %16s %14s\n%s", "pinger", "pkts/s", "cpu us/pkt", "flood received", "median rtt ms",
			strings.Join(rows, "\n"))
	}
}
