//go:build linux

package trace

import (
	"encoding/json"
	"os/exec"
	"regexp"
	"strconv"
	"testing"
	"time"

	"icmplab/native/internal/netns"
)

// BenchmarkTraceWall compares whole traces, process start to exit, of
// icmplab trace, traceroute and mtr --report -c 1 run in the same namespace
// on the same topology, and counts the probes each sends with an nft
// counter on the source's output hook. Run with
//
//	go test -run '^$' -bench TraceWall -benchtime 5x ./native/trace/
//
// silent-routers: 6 routers and the target (7 hops), routers 2 and 5 never
// answer. silent-target: 2 routers and a target that drops everything,
// traced to 10 hops (-m 10 for every tool, so the silent tail is bounded).
// silent-target-default: the same path with every tool's defaults, where
// traceroute waits out 28 silent hops and icmplab stops after five (mtr's
// --max-unknown); one run of it takes traceroute about 25 s, so measure it
// alone with
//
//	go test -run '^$' -bench TraceWall/silent-target-default -benchtime 1x ./native/trace/
func BenchmarkTraceWall(b *testing.B) {
	netns.RequireTool(b, "nft", "nftables")
	type topo struct {
		name  string
		c     *netns.Chain
		extra []string
	}
	chain := netns.NewChain(b, 6)
	for _, k := range []int{2, 5} {
		silence(b, chain.Hosts[k])
	}
	short := netns.NewChain(b, 2)
	blackhole(b, short.Dst())
	topos := []topo{{"silent-routers", chain, nil}, {"silent-target", short, []string{"-m", "10"}}, {"silent-target-default", short, nil}}
	bin := icmplabBin(b)
	for _, tp := range topos {
		src, dst := tp.c.Src(), tp.c.Dst4()
		if _, err := src.Run("nft", "list", "table", "inet", "probes"); err != nil {
			src.MustRun("nft", "add", "table", "inet", "probes")
			src.MustRun("nft", "add", "chain", "inet", "probes", "out", "{ type filter hook output priority 0 ; policy accept ; }")
			src.MustRun("nft", "add", "rule", "inet", "probes", "out", "ip", "daddr", dst, "counter")
		}
		tools := []struct {
			name string
			cmd  []string
		}{
			{"icmplab", append(append([]string{bin, "trace", "-n"}, tp.extra...), dst)},
			{"traceroute", append(append([]string{"traceroute", "-n"}, tp.extra...), dst)},
			{"mtr", append(append([]string{"mtr", "--report", "-c", "1", "-n"}, tp.extra...), dst)},
		}
		for _, tool := range tools {
			if _, err := exec.LookPath(tool.cmd[0]); err != nil && tool.name != "icmplab" {
				continue
			}
			b.Run(tp.name+"/"+tool.name, func(b *testing.B) {
				probes := 0
				for i := 0; i < b.N; i++ {
					before := nftPackets(b, src.MustRun("nft", "list", "table", "inet", "probes"))
					if out, err := src.Run(tool.cmd...); err != nil {
						b.Fatalf("%v: %v\n%s", tool.cmd, err, out)
					}
					probes += nftPackets(b, src.MustRun("nft", "list", "table", "inet", "probes")) - before
				}
				b.ReportMetric(float64(probes)/float64(b.N), "probes/op")
			})
		}
		// The engine's own time (socket setup to last hop), without process
		// start-up: what --json reports as elapsed_ms.
		b.Run(tp.name+"/icmplab-engine", func(b *testing.B) {
			var total time.Duration
			for i := 0; i < b.N; i++ {
				out, err := src.Run(append(append([]string{bin, "trace", "-n", "--json"}, tp.extra...), dst)...)
				if err != nil {
					b.Fatal(err, out)
				}
				var r struct {
					Elapsed float64 `json:"elapsed_ms"`
				}
				if err := json.Unmarshal([]byte(summaryLine(out)), &r); err != nil {
					b.Fatal(err, out)
				}
				total += time.Duration(r.Elapsed * float64(time.Millisecond))
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "engine-ms/op")
		})
	}
}

var nftPacketsRe = regexp.MustCompile(`counter packets (\d+)`)

func nftPackets(b *testing.B, listing string) int {
	m := nftPacketsRe.FindStringSubmatch(listing)
	if m == nil {
		b.Fatalf("no counter in:\n%s", listing)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// BenchmarkReportWall compares five rounds, process start to exit, of
// icmplab trace --report and mtr -r on the silent-routers chain (7 hops,
// routers 2 and 5 silent), same interval (1 s) and cycles (5). Run with
//
//	go test -run '^$' -bench ReportWall -benchtime 1x ./native/trace/
func BenchmarkReportWall(b *testing.B) {
	netns.RequireTool(b, "nft", "nftables")
	netns.RequireTool(b, "mtr", "mtr-tiny")
	chain := netns.NewChain(b, 6)
	for _, k := range []int{2, 5} {
		silence(b, chain.Hosts[k])
	}
	bin := icmplabBin(b)
	for _, tool := range []struct {
		name string
		cmd  []string
	}{
		{"icmplab", []string{bin, "trace", "-n", "--report", "--cycles", "5", chain.Dst4()}},
		{"mtr", []string{"mtr", "-n", "-r", "-c", "5", chain.Dst4()}},
	} {
		b.Run(tool.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if out, err := chain.Src().Run(tool.cmd...); err != nil {
					b.Fatalf("%v: %v\n%s", tool.cmd, err, out)
				}
			}
		})
	}
}
