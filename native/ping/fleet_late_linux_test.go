//go:build linux

package ping

import (
	"net/netip"
	"os"
	"regexp"
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

// lateDelay is how long the slow target of TestFleetLateRepliesLikeFping
// takes to answer: later than the timeout both tools are given
// (lateTimeout), and sooner than the next probe, so the late reply still
// finds its probe's sequence number waiting in either.
const (
	lateDelay   = 800 * time.Millisecond
	lateTimeout = "0.5" // seconds: -W for icmplab, -t 500 for fping
)

// lateTargets answers echo requests from a TUN device: slow answers each
// twice, lateDelay and lateDelay+20ms after, fast at once, and copy at
// once and again lateDelay after.
func lateTargets(t *testing.T, tun *tunhop.Tun, slow, fast, copyLate netip.Addr) tunhop.Responder {
	var closed atomic.Bool
	t.Cleanup(func() { closed.Store(true) })
	return func(pkt []byte) [][]byte {
		p, err := tunhop.ParseProbe(pkt)
		if err != nil || p.Proto != codec.ProtoICMP {
			return nil
		}
		m, err := codec.Parse(codec.IPv4, p.Payload, netip.Addr{}, netip.Addr{})
		if err != nil || m.Type != codec.ICMPv4EchoRequest {
			return nil
		}
		e, ok := m.Echo()
		if !ok {
			return nil
		}
		e.Data = append([]byte(nil), e.Data...)
		answer := tunhop.Reply(p, p.Dst, codec.ICMPv4EchoReply, 0, e)
		after := func(d time.Duration) {
			time.AfterFunc(d, func() {
				if !closed.Load() {
					tun.Write(answer)
				}
			})
		}
		switch p.Dst {
		case slow:
			after(lateDelay)
			after(lateDelay + 20*time.Millisecond)
		case copyLate:
			after(lateDelay)
			return [][]byte{answer}
		case fast:
			return [][]byte{answer}
		}
		return nil
	}
}

var reFpingDup = regexp.MustCompile(`(?m)^(\S+) : duplicate for \[\d+\]`)

// TestFleetLateRepliesLikeFping pings three simulated targets (a TUN
// device in a namespace) with fping 5.1 and with icmplab's fleet, 3 probes
// a second apart, a 500 ms timeout: one target answers every probe twice,
// 800 and 820 ms late, one at once, one at once and again 800 ms late.
// fping discards a reply later than its timeout (wait_for_reply, fping
// issue #32): the slow target is 3/0/100% with no min/avg/max, and its
// second copies are no "duplicate for [n]", while the late copies of
// replies in time are. The fleet's lines must be fping's, target by
// target, its exit status fping's, and its duplicates where fping's are.
func TestFleetLateRepliesLikeFping(t *testing.T) {
	if _, err := os.Stat("/dev/net/tun"); err != nil {
		netns.Skip(t, "needs /dev/net/tun (modprobe tun; in a container, pass --device /dev/net/tun)")
	}
	n := netns.New(t)
	fping := netns.RequireTool(t, "fping", "fping")
	bin := icmplabBinary(t)
	h := n.Host("src")
	tun, err := tunhop.Open(h, "tun0", []string{"198.18.100.1/24"}, []string{"198.18.101.0/24"})
	require.NoError(t, err)
	t.Cleanup(tun.Close)
	slow, fast, copyLate := netip.MustParseAddr("198.18.101.9"), netip.MustParseAddr("198.18.101.8"), netip.MustParseAddr("198.18.101.7")
	tun.Serve(lateTargets(t, tun, slow, fast, copyLate))
	hosts := []string{slow.String(), fast.String(), copyLate.String()}

	type line struct {
		xmt, rcv, loss string
		rtts           bool
	}
	lines := func(t *testing.T, who, stderr string) map[string]line {
		out := map[string]line{}
		var order []string
		for _, l := range strings.Split(stderr, "\n") {
			if m := reFleetLine.FindStringSubmatch(l); m != nil {
				out[m[1]] = line{m[2], m[3], m[4], m[5] != ""}
				order = append(order, m[1])
			}
		}
		require.Equal(t, hosts, order, "%s: one summary per target, in argument order:\n%s", who, stderr)
		return out
	}

	ref := runIn(t, h, false, append([]string{fping, "-q", "-c", "3", "-p", "1000", "-t", "500"}, hosts...)...)
	t.Logf("fping:\n%s", ref.err)
	want := lines(t, "fping", ref.err)
	require.Equal(t, line{"3", "0", "100", false}, want[slow.String()], "fping counts no late reply")
	assert.Equal(t, 1, ref.code, "fping: a target did not answer")
	fpingDups := map[string]int{}
	for _, m := range reFpingDup.FindAllStringSubmatch(ref.err, -1) {
		fpingDups[m[1]]++
	}

	got := runIn(t, h, false, append([]string{bin, "ping", "-q", "-n", "-c", "3", "-i", "1", "-W", lateTimeout}, hosts...)...)
	t.Logf("icmplab:\n%s", got.err)
	assert.Equal(t, want, lines(t, "icmplab", got.err), "fping's counts, target by target")
	assert.Equal(t, ref.code, got.code, "exit status")

	// Duplicates: fping prints "duplicate for [n]" for the late copies
	// of replies in time, and none for the copies of late replies.
	js := runIn(t, h, false, append([]string{bin, "ping", "--json", "-q", "-n", "-c", "3", "-i", "1", "-W", lateTimeout}, hosts...)...)
	dups := map[string]int{}
	for _, o := range jsonLines(t, js.out) {
		if o["type"] == "summary" {
			dups[o["addr"].(string)] = int(o["duplicates"].(float64))
			if o["addr"] == slow.String() {
				assert.Zero(t, o["received"], "--json: the slow target's replies")
				assert.NotContains(t, o, "rtt_min_ms", "--json: no round trip for the slow target")
			}
		}
	}
	require.Len(t, dups, len(hosts), "--json: one summary per target:\n%s%s", js.out, js.err)
	assert.Zero(t, fpingDups[slow.String()], "fping: copies of late replies are no duplicates")
	assert.Zero(t, dups[slow.String()], "icmplab: copies of late replies are no duplicates")
	assert.Positive(t, fpingDups[copyLate.String()], "fping: late copies of replies in time are duplicates")
	assert.Positive(t, dups[copyLate.String()], "icmplab: late copies of replies in time are duplicates")
	assert.Zero(t, dups[fast.String()])
}
