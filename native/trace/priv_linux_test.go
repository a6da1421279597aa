//go:build linux

package trace

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"icmplab/native/internal/netns"
	"icmplab/native/priv"
)

// TestCapabilitiesDropped starts a privileged TCP trace (raw sockets) as
// root towards a target that never answers, and once the banner is out
// (the sockets exist) reads the capabilities of every thread of the
// process: all must be gone while the trace is still waiting.
func TestCapabilitiesDropped(t *testing.T) {
	netns.RequireTool(t, "nft", "nftables")
	c := netns.NewChain(t, 1)
	blackhole(t, c.Dst())
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := c.Src().Command(ctx, icmplabBin(t), "trace", "-n", "-T", "-e", "-q", "1", "-m", "4", "-w", "3", c.Dst4())
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	rd := bufio.NewReader(out)
	banner, err := rd.ReadString('\n')
	if err != nil || !strings.HasPrefix(banner, "traceroute to") {
		t.Fatalf("banner %q: %v", banner, err)
	}
	// ip netns exec execs the program, so the pid is icmplab's own.
	if comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", cmd.Process.Pid)); err != nil || strings.TrimSpace(string(comm)) != "icmplab" {
		t.Fatalf("pid %d is %q (%v), not icmplab", cmd.Process.Pid, comm, err)
	}
	caps, err := priv.ThreadCapEffs(cmd.Process.Pid)
	if err != nil {
		t.Fatal(err)
	}
	if len(caps) == 0 {
		t.Fatal("no threads read")
	}
	for tid, v := range caps {
		if v != 0 {
			t.Errorf("thread %d still has capabilities %#x during the trace", tid, v)
		}
	}
	rest, _ := rd.ReadString(0)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("trace: %v\n%s%s", err, banner, rest)
	}
	if h := hops(banner + rest); len(h) != 4 || len(h[1]) != 1 {
		t.Fatalf("want the router then three silent hops:\n%s%s", banner, rest)
	}
}
