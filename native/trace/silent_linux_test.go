//go:build linux

package trace

import (
	"net/netip"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/native/internal/netns"
	"icmplab/native/internal/tunhop"
)

// TestSilentDestinationStopsEarly: with default flags, a trace to a target
// that drops everything, behind two routers, shows both routers, stops after
// five silent hops (one 5 s wait, where traceroute waits through hop 30), and
// says so on its last line and in the JSON end reason; --max-unknown 0 goes
// on to -m.
func TestSilentDestinationStopsEarly(t *testing.T) {
	netns.RequireTool(t, "nft", "nftables")
	c := netns.NewChain(t, 2)
	blackhole(t, c.Dst())
	dst := c.Dst4()

	out := traceIn(t, c.Src(), "-n", dst)
	got := hops(out)
	require.Len(t, got, 7, out)
	assert.Equal(t, []string{c.Hop4(1)}, got[1], out)
	assert.Equal(t, []string{c.Hop4(2)}, got[2], out)
	for k := 3; k <= 7; k++ {
		assert.Empty(t, got[k], "hop %d\n%s", k, out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	assert.Equal(t, "no answer from hops 3-7, 5 in a row past the last answer: stopped (--max-unknown 5; 0 probes on to hop 30)",
		lines[len(lines)-1])

	r := decodeJSON(t, traceIn(t, c.Src(), "-n", "-w", "1", "--json", c.Dst6()))
	assert.Equal(t, "max unknown (5)", r.End)
	assert.Equal(t, "max_unknown", r.EndReason)
	assert.Len(t, r.Flows[0].Hops, 7)

	r = decodeJSON(t, traceIn(t, c.Src(), "-n", "-w", "0.5", "-m", "9", "--max-unknown", "0", "--json", dst))
	assert.Equal(t, "max hops (9)", r.End)
	assert.Len(t, r.Flows[0].Hops, 9)
}

// TestFlakyHopAndSilentRunReachTarget: router 1 answers only every other
// probe (nft numgen), routers 2-5 never answer: four silent hops, one short
// of the limit, and the target behind them is reached with default flags, as
// traceroute reaches it.
func TestFlakyHopAndSilentRunReachTarget(t *testing.T) {
	netns.RequireTool(t, "nft", "nftables")
	c := netns.NewChain(t, 5)
	r1 := c.Hosts[1]
	r1.MustRun("nft", "add", "table", "inet", "flaky")
	r1.MustRun("nft", "add", "chain", "inet", "flaky", "out", "{ type filter hook output priority 0 ; policy accept ; }")
	r1.MustRun("nft", "add", "rule", "inet", "flaky", "out", "icmp", "type", "time-exceeded", "numgen", "inc", "mod", "2", "==", "0", "drop")
	for k := 2; k <= 5; k++ {
		silence(t, c.Hosts[k])
	}
	r := decodeJSON(t, traceIn(t, c.Src(), "-n", "--json", c.Dst4()))
	require.Equal(t, "destination reached", r.End)
	require.Len(t, r.Flows[0].Hops, 6)
	answered, silent := 0, 0
	for _, p := range r.Flows[0].Hops[0].Probes {
		switch p.Outcome {
		case "hop":
			answered++
		case "timeout":
			silent++
		}
	}
	assert.Equal(t, 3, answered+silent)
	assert.GreaterOrEqual(t, answered, 1, "router 1 answers every other probe")
	assert.GreaterOrEqual(t, silent, 1, "router 1 answers every other probe")
}

// TestSlowTargetAfterSilentRun: a simulated path (TUN) whose first hop
// answers, hops 2-5 are silent and whose target answers only after 2 s, as a
// host that generates ICMP slowly: the trace waits for it and reaches it.
func TestSlowTargetAfterSilentRun(t *testing.T) {
	if _, err := os.Stat("/dev/net/tun"); err != nil {
		netns.Skip(t, "needs /dev/net/tun (modprobe tun; in a container, pass --device /dev/net/tun)")
	}
	const slow = 2 * time.Second
	n := netns.New(t)
	h := n.Host("src")
	tun, err := tunhop.Open(h, "tun0", []string{"198.18.100.1/24"}, []string{"198.18.101.0/24"})
	require.NoError(t, err)
	t.Cleanup(tun.Close)
	target, hop1 := netip.MustParseAddr("198.18.101.9"), netip.MustParseAddr("198.18.101.1")
	var closed atomic.Bool
	t.Cleanup(func() { closed.Store(true) })
	tun.Serve(func(pkt []byte) [][]byte {
		p, err := tunhop.ParseProbe(pkt)
		if err != nil || p.Proto != codec.ProtoUDP || p.Dst != target {
			return nil
		}
		switch {
		case p.TTL == 1:
			return [][]byte{tunhop.Error(p, hop1, tunhop.TimeExceeded(p.Family), 0, pkt, codec.Extensions{})}
		case p.TTL <= 5:
			return nil
		}
		ut, uc := tunhop.PortUnreachable(p.Family)
		answer := tunhop.Error(p, target, ut, uc, append([]byte(nil), pkt...), codec.Extensions{})
		time.AfterFunc(slow, func() {
			if !closed.Load() {
				tun.Write(answer)
			}
		})
		return nil
	})
	r := decodeJSON(t, traceIn(t, h, "-n", "--json", target.String()))
	require.Equal(t, "destination reached", r.End)
	require.Len(t, r.Flows[0].Hops, 6)
	for _, p := range r.Flows[0].Hops[5].Probes {
		assert.Equal(t, "reached", p.Outcome)
		assert.GreaterOrEqual(t, p.RTT, float64(slow/time.Millisecond))
	}
}
