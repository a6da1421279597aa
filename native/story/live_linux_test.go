//go:build linux

package story

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cstory "icmplab/codec/story"
	"icmplab/native/internal/netns"
)

var update = flag.Bool("update", false, "rewrite the recorded captures in testdata")

// capture runs tcpdump on the source's link while fn runs the tool
// (netns.Host.Capture), and returns the capture and what fn returned (the
// tool's output).
func capture(t *testing.T, h *netns.Host, fn func() string) ([]byte, string) {
	t.Helper()
	var out string
	file := h.Capture(t, "eth0", func() { out = fn() })
	b, err := os.ReadFile(file)
	require.NoError(t, err, "tcpdump wrote nothing")
	return b, out
}

// lab is a chain src - r1 - r2 - dst, warmed up so neighbour discovery is
// over before a capture starts.
func lab(t *testing.T) *netns.Chain {
	t.Helper()
	netns.Require(t)
	netns.RequireTool(t, "tcpdump", "tcpdump")
	c := netns.NewChain(t, 2)
	c.Src().Run("ping", "-c", "1", "-W", "2", c.Dst4())
	c.Src().Run("ping", "-6", "-c", "1", "-W", "2", c.Dst6())
	return c
}

// run runs a tool in h and returns its output; a non-zero exit is kept in
// the output, as ping exits 1 when a request is lost.
func run(t *testing.T, h *netns.Host, args ...string) string {
	t.Helper()
	out, err := h.Run(args...)
	if err != nil {
		if _, ok := err.(interface{ ExitCode() int }); !ok {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	return out
}

// live runs one tool under capture and compares; with -update and a name
// it also records the case under testdata.
func live(t *testing.T, c *netns.Chain, name, tool string, args ...string) {
	t.Helper()
	b, out := capture(t, c.Src(), func() string { return run(t, c.Src(), args...) })
	t.Logf("%s:\n%s", strings.Join(args, " "), out)
	res := readStory(t, b)
	check(t, tool, out, res)
	if *update && name != "" && !t.Failed() {
		require.NoError(t, os.WriteFile(filepath.Join("testdata", name+".pcap"), b, 0o644))
		require.NoError(t, os.WriteFile(filepath.Join("testdata", name+".out"), []byte(out), 0o644))
	}
}

// TestLiveTraceroute runs Debian's traceroute with each probe method over
// both families and compares the story told from the capture with what
// traceroute printed.
func TestLiveTraceroute(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "traceroute", "traceroute")
	for _, tc := range []struct {
		name, record string
		args         []string
	}{
		{"udp4", "traceroute_udp4", []string{"-4"}},
		{"icmp4", "", []string{"-4", "-I"}},
		{"tcp4", "", []string{"-4", "-T", "-p", "22"}},
		{"udp4_one_at_a_time", "", []string{"-4", "-N", "1"}},
		{"udp6", "", []string{"-6"}},
		{"icmp6", "", []string{"-6", "-I"}},
		{"tcp6", "", []string{"-6", "-T", "-p", "22"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dst := c.Dst4()
			if tc.args[0] == "-6" {
				dst = c.Dst6()
			}
			args := append([]string{"traceroute", "-n", "-w", "1,0,0", "-m", "6"}, tc.args...)
			live(t, c, tc.record, "traceroute", append(args, dst)...)
		})
	}
}

// TestLiveTraceUnreachable: the last router rejects the destination with
// host unreachable; traceroute prints !H and stops, and so do we.
func TestLiveTraceUnreachable(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "traceroute", "traceroute")
	netns.RequireTool(t, "nft", "nftables")
	c.Hosts[2].MustRun("nft", "add table inet story; add chain inet story storyfwd { type filter hook forward priority 0; }; "+
		"add rule inet story storyfwd ip daddr "+c.Dst4()+" reject with icmp type host-unreachable")
	b, out := capture(t, c.Src(), func() string { return run(t, c.Src(), "traceroute", "-n", "-w", "1,0,0", "-m", "6", c.Dst4()) })
	res := readStory(t, b)
	tr := onlyTrace(t, res)
	compareTraceroute(t, out, tr)
	assert.Equal(t, cstory.EndUnreachable, tr.End)
	assert.Equal(t, "!H", tr.Mark)
}

// silence makes router h drop the time exceeded messages it sends.
func silence(t *testing.T, h *netns.Host) {
	t.Helper()
	netns.RequireTool(t, "nft", "nftables")
	h.MustRun("nft", "add table inet quiet; add chain inet quiet storyout { type filter hook output priority 0; }; "+
		"add rule inet quiet storyout icmp type time-exceeded drop; add rule inet quiet storyout icmpv6 type time-exceeded drop")
}

// TestLiveSilentHop: the first router never answers; traceroute prints
// "* * *" and mtr "???", and the story marks the hop silent.
func TestLiveSilentHop(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "traceroute", "traceroute")
	netns.RequireTool(t, "mtr", "mtr-tiny")
	silence(t, c.Hosts[1])
	live(t, c, "traceroute_silent4", "traceroute", "traceroute", "-n", "-w", "1,0,0", "-m", "6", c.Dst4())
	live(t, c, "", "traceroute", "traceroute", "-6", "-I", "-n", "-w", "1,0,0", "-m", "6", c.Dst6())
	live(t, c, "", "mtr", "mtr", "-r", "-n", "-c", "3", "-i", "0.2", c.Dst4())
}

// TestLiveMTR runs mtr --report over ICMP, three cycles: one trace, three
// probes per hop.
func TestLiveMTR(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "mtr", "mtr-tiny")
	live(t, c, "mtr_icmp4", "mtr", "mtr", "-r", "-n", "-c", "3", "-i", "0.2", c.Dst4())
	live(t, c, "", "mtr", "mtr", "-6", "-r", "-n", "-c", "3", "-i", "0.2", c.Dst6())
}

// narrow sets the MTU of the link between the first and second routers
// (link 2) to mtu: tracepath then meets a fragmentation needed (IPv4) or a
// packet too big (IPv6) from the first router at TTL 2.
func narrow(t *testing.T, c *netns.Chain, mtu int) {
	t.Helper()
	c.Hosts[1].MustRun("ip", "link", "set", "eth1", "mtu", fmt.Sprint(mtu))
	c.Hosts[2].MustRun("ip", "link", "set", "eth0", "mtu", fmt.Sprint(mtu))
}

// TestLiveTracepath runs iputils tracepath (UDP, one probe at a time, DF,
// sized to the path MTU) over a chain whose middle link has an MTU of 1400,
// over both families, with -p and -l, and compares the story, told in
// tracepath's form, line by line with what tracepath printed. The first
// run of each family meets the narrow link ("pmtu 1400" at TTL 2); later
// runs start at 1400, the kernel having kept the path MTU learnt.
func TestLiveTracepath(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "tracepath", "iputils-tracepath")
	narrow(t, c, 1400)
	live(t, c, "tracepath_pmtu4", "tracepath", "tracepath", "-n", "-m", "6", c.Dst4())
	live(t, c, "tracepath_pmtu6", "tracepath", "tracepath", "-6", "-n", "-m", "6", c.Dst6())
	live(t, c, "", "tracepath", "tracepath", "-n", "-m", "6", "-p", "50000", c.Dst4())
	live(t, c, "", "tracepath", "tracepath", "-n", "-m", "6", "-l", "1000", c.Dst4())
	live(t, c, "", "tracepath", "tracepath", "-6", "-n", "-m", "6", "-l", "1300", "-p", "40000", c.Dst6())
}

// TestLiveTracerouteDontFragment: traceroute -F with 1,500-byte probes
// over the narrow link sends what tracepath sends, large DF probes one
// TTL after another, yet is told as traceroute (its payload and its source
// ports), and ends at !F-1400 as traceroute does.
func TestLiveTracerouteDontFragment(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "traceroute", "traceroute")
	narrow(t, c, 1400)
	b, out := capture(t, c.Src(), func() string {
		return run(t, c.Src(), "traceroute", "-n", "-F", "-N", "1", "-w", "1,0,0", "-m", "6", c.Dst4(), "1500")
	})
	t.Logf("%s", out)
	res := readStory(t, b)
	check(t, "traceroute", out, res)
	tr := onlyTrace(t, res)
	assert.Equal(t, cstory.ToolTraceroute, tr.Tool)
	assert.Equal(t, cstory.EndUnreachable, tr.End)
	assert.Equal(t, "!F-1400", tr.Mark)
	assert.Equal(t, 1400, tr.PMTU)
	assert.True(t, tr.Hops[0].Probes[0].DF)
}

// TestLiveTracepathAsymmetricAndSilent: the second router sends its time
// exceeded with TTL 60, so it arrives as if from 6 hops away and tracepath
// prints "asymm  6"; then the first router falls silent ("no reply", after
// the [LOCALHOST] line and four probes) and the destination drops the
// probes ("Too many hops").
func TestLiveTracepathAsymmetricAndSilent(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "tracepath", "iputils-tracepath")
	netns.RequireTool(t, "nft", "nftables")
	c.Hosts[2].MustRun("nft", "add table inet asym; add chain inet asym storyout { type filter hook output priority 0; }; "+
		"add rule inet asym storyout icmp type time-exceeded ip ttl set 60; "+
		"add rule inet asym storyout icmpv6 type time-exceeded ip6 hoplimit set 60")
	live(t, c, "", "tracepath", "tracepath", "-n", "-m", "6", c.Dst4())
	live(t, c, "", "tracepath", "tracepath", "-6", "-n", "-m", "6", c.Dst6())
	silence(t, c.Hosts[1])
	c.Dst().MustRun("nft", "add table inet deaf; add chain inet deaf storyin { type filter hook input priority 0; }; "+
		"add rule inet deaf storyin udp dport 44444-44544 drop")
	live(t, c, "", "tracepath", "tracepath", "-n", "-m", "3", c.Dst4())
}

// dropEveryThird makes the destination drop every third echo request.
func dropEveryThird(t *testing.T, h *netns.Host) {
	t.Helper()
	netns.RequireTool(t, "nft", "nftables")
	h.MustRun("nft", "add table inet story; add chain inet story storyin { type filter hook input priority 0; }; "+
		"add rule inet story storyin icmp type echo-request numgen inc mod 3 == 1 drop; "+
		"add rule inet story storyin icmpv6 type echo-request numgen inc mod 3 == 1 drop")
}

// TestLivePing runs iputils ping at a destination that drops some requests,
// and with -t 2 so that the second router answers time exceeded.
func TestLivePing(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "ping", "iputils-ping")
	dropEveryThird(t, c.Dst())
	live(t, c, "ping_drops4", "ping", "ping", "-4", "-c", "6", "-i", "0.2", "-W", "1", c.Dst4())
	live(t, c, "", "ping", "ping", "-6", "-c", "6", "-i", "0.2", "-W", "1", c.Dst6())
	live(t, c, "", "ping", "ping", "-4", "-c", "3", "-i", "0.2", "-W", "1", "-t", "2", c.Dst4())
	live(t, c, "", "ping", "ping", "-6", "-c", "3", "-i", "0.2", "-W", "1", "-t", "2", c.Dst6())
}

// TestLivePingDuplicates: the destination sends every reply twice (nft
// dup); iputils prints (DUP!) and so does the story, on the same sequences.
func TestLivePingDuplicates(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "ping", "iputils-ping")
	netns.RequireTool(t, "nft", "nftables")
	c.Dst().MustRun("nft", "add table ip twice; add chain ip twice storyout { type filter hook output priority 0; }; "+
		"add rule ip twice storyout icmp type echo-reply dup to "+netns.Left4(3))
	live(t, c, "ping_dups4", "ping", "ping", "-4", "-c", "3", "-i", "0.2", "-W", "1", c.Dst4())
}

// TestLiveFping runs fping to every host of the chain under one identifier.
func TestLiveFping(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "fping", "fping")
	dropEveryThird(t, c.Dst())
	live(t, c, "fping4", "fping", "fping", "-c", "4", "-p", "100", "-q", c.Hop4(1), c.Hop4(2), c.Dst4())
	live(t, c, "", "fping", "fping", "-6", "-c", "4", "-p", "100", "-q", c.Hop6(1), c.Hop6(2), c.Dst6())
}

// TestLivePingAndTraceTogether: a ping and a traceroute at the same time
// are two stories.
func TestLivePingAndTraceTogether(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "traceroute", "traceroute")
	var pingOut string
	b, trOut := capture(t, c.Src(), func() string {
		done := make(chan struct{})
		go func() {
			defer close(done)
			pingOut, _ = c.Src().Run("ping", "-c", "4", "-i", "0.2", c.Dst4())
		}()
		out := run(t, c.Src(), "traceroute", "-n", "-I", "-w", "1,0,0", "-m", "6", c.Dst4())
		<-done
		return out
	})
	res := readStory(t, b)
	require.Len(t, res.Exchanges, 2, "%v", res.Exchanges)
	compareTraceroute(t, trOut, onlyTrace(t, res))
	for _, e := range res.Exchanges {
		if e.Ping != nil {
			comparePing(t, pingOut, e.Ping)
		}
	}
}

// TestLiveSentences: for every hop of a captured traceroute, the sentence
// under the answer names the TTL its probe was sent with.
func TestLiveSentences(t *testing.T) {
	c := lab(t)
	netns.RequireTool(t, "traceroute", "traceroute")
	b, _ := capture(t, c.Src(), func() string { return run(t, c.Src(), "traceroute", "-n", "-m", "6", c.Dst4()) })
	res := readStory(t, b)
	tr := onlyTrace(t, res)
	require.Len(t, tr.Hops, 3)
	for _, h := range tr.Hops {
		for _, p := range h.Probes {
			require.NotNil(t, p.Answer)
			s, ok := res.Sentence(p.Answer.Frame)
			require.True(t, ok)
			assert.Contains(t, s, fmt.Sprintf("probe, sent with TTL %d to %s port %d, ", h.TTL, c.Dst4(), p.DstPort))
		}
	}
}

// TestLiveECMP: a diamond src - r1 - {r2a, r2b} - r3 - dst where r1 spreads
// flows over both middle routers by their ports. traceroute's probes (one
// port each) find both, printed on one hop line; the story shows the same
// two addresses at TTL 2, probe by probe.
//
//	link 1 src-r1 198.18.1.0/24   link 3 r1-r2b 198.18.3.0/24   link 5 r2b-r3 198.18.5.0/24
//	link 2 r1-r2a 198.18.2.0/24   link 4 r2a-r3 198.18.4.0/24   link 6 r3-dst 198.18.6.0/24
func TestLiveECMP(t *testing.T) {
	netns.Require(t)
	netns.RequireTool(t, "tcpdump", "tcpdump")
	netns.RequireTool(t, "traceroute", "traceroute")
	n := netns.New(t)
	h := map[string]*netns.Host{}
	for _, s := range []string{"src", "r1", "r2a", "r2b", "r3", "dst"} {
		h[s] = n.Host(s)
		h[s].Sysctl("net.ipv4.conf.all.rp_filter", "0")
		h[s].Sysctl("net.ipv4.conf.default.rp_filter", "0")
	}
	for i, l := range [][2]string{{"src", "r1"}, {"r1", "r2a"}, {"r1", "r2b"}, {"r2a", "r3"}, {"r2b", "r3"}, {"r3", "dst"}} {
		n.Link(h[l[0]], []string{netns.Left4(i+1) + "/24"}, h[l[1]], []string{netns.Right4(i+1) + "/24"})
	}
	for _, r := range []string{"r1", "r2a", "r2b", "r3"} {
		h[r].Forward()
	}
	for _, rt := range [][]string{
		{"src", "default", "via", "198.18.1.2"},
		{"r1", "198.18.6.0/24", "nexthop", "via", "198.18.2.2", "nexthop", "via", "198.18.3.2"},
		{"r1", "198.18.4.0/24", "via", "198.18.2.2"},
		{"r1", "198.18.5.0/24", "via", "198.18.3.2"},
		{"r2a", "default", "via", "198.18.4.2"},
		{"r2a", "198.18.1.0/24", "via", "198.18.2.1"},
		{"r2b", "default", "via", "198.18.5.2"},
		{"r2b", "198.18.1.0/24", "via", "198.18.3.1"},
		{"r3", "default", "via", "198.18.4.1"},
		{"dst", "default", "via", "198.18.6.1"},
	} {
		h[rt[0]].MustRun(append([]string{"ip", "route", "add"}, rt[1:]...)...)
	}
	h["r1"].Sysctl("net.ipv4.fib_multipath_hash_policy", "1")
	src := h["src"]
	src.Run("ping", "-c", "1", "-W", "2", "198.18.6.2")
	// r1 hashes each probe's ports (with a key of the namespace's own)
	// onto one of the two paths: six probes all take one path once in 32
	// runs. Such a run is still compared with the story, and traceroute
	// runs again (from another source port) until one crosses both, five
	// runs at most.
	var seen map[string]bool
	for try := 1; try <= 5 && len(seen) < 2; try++ {
		b, out := capture(t, src, func() string {
			return run(t, src, "traceroute", "-n", "-q", "6", "-w", "1,0,0", "-m", "6", "198.18.6.2")
		})
		t.Logf("run %d:\n%s", try, out)
		res := readStory(t, b)
		tr := onlyTrace(t, res)
		compareTraceroute(t, out, tr)
		require.GreaterOrEqual(t, len(tr.Hops), 2)
		seen = map[string]bool{}
		for _, p := range tr.Hops[1].Probes {
			if p.Answer != nil {
				seen[p.Answer.From.String()] = true
			}
		}
	}
	assert.Len(t, seen, 2, "both middle routers answer at TTL 2: %v", seen)
}
