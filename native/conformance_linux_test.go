//go:build linux

package main

import (
	"net"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/native/internal/netns"
)

// TestConformanceWithIputils runs iputils ping and traceroute and icmplab
// with the same flags on one namespace chain (source, one router, target)
// and compares what they print, masking only times.
func TestConformanceWithIputils(t *testing.T) {
	netns.Require(t)
	pingBin := netns.RequireTool(t, "ping", "iputils-ping")
	tracerouteBin := netns.RequireTool(t, "traceroute", "traceroute")
	if out, _ := exec_(pingBin, "-V"); !strings.Contains(out, "iputils") {
		netns.Skip(t, "ping is not iputils' ("+strings.TrimSpace(out)+")")
	}
	bin := icmplabBinary(t)
	c := netns.NewChain(t, 1)
	src, dst := c.Src(), c.Dst()
	resolvConf(t, src)
	dnsServer(t, src, map[string]net.IP{"target.h5.test": net.ParseIP(c.Dst4())})

	both := func(t *testing.T, args ...string) (ipu, our result) {
		t.Helper()
		ipu = runIn(t, src, false, append([]string{pingBin}, args...)...)
		our = runIn(t, src, false, append([]string{bin, "ping"}, args...)...)
		return ipu, our
	}
	same := func(t *testing.T, args ...string) (ipu, our result) {
		t.Helper()
		ipu, our = both(t, args...)
		assert.Equal(t, masked(ipu.out), masked(our.out), "stdout of ping %v", args)
		assert.Equal(t, masked(ipu.err), masked(our.err), "stderr of ping %v", args)
		assert.Equal(t, ipu.code, our.code, "exit status of ping %v", args)
		return ipu, our
	}

	t.Run("plain", func(t *testing.T) { same(t, "-c", "3", "-i", "0.2", c.Dst4()) })
	t.Run("names", func(t *testing.T) { same(t, "-c", "2", "-i", "0.2", "target.h5.test") })
	// Below 16 bytes iputils cannot carry its send time: no time=, no rtt line.
	t.Run("size4", func(t *testing.T) { same(t, "-c", "2", "-i", "0.2", "-s", "4", c.Dst4()) })
	t.Run("size15", func(t *testing.T) { same(t, "-c", "2", "-i", "0.2", "-s", "15", c.Dst4()) })
	t.Run("pattern", func(t *testing.T) {
		_, our := same(t, "-c", "2", "-i", "0.2", "-p", "ff00aa", c.Dst4())
		assert.True(t, strings.HasPrefix(our.out, "PATTERN: 0xff00aa\n"), our.out)
	})
	t.Run("pattern-quiet", func(t *testing.T) { same(t, "-q", "-c", "2", "-i", "0.2", "-p", "ff00aa", c.Dst4()) })
	t.Run("interval0", func(t *testing.T) {
		_, our := same(t, "-c", "5", "-i", "0", c.Dst4())
		assert.Contains(t, our.out, "ipg/ewma")
	})
	t.Run("W0", func(t *testing.T) { same(t, "-c", "2", "-i", "0.2", "-W", "0", c.Dst4()) })
	// With -w, a run stops at its first error: here the router's time
	// exceeded for the first probe.
	t.Run("deadline-first-error", func(t *testing.T) {
		_, our := same(t, "-c", "3", "-w", "5", "-t", "1", c.Dst4())
		assert.Contains(t, our.out, "1 packets transmitted, 0 received, +1 errors")
	})
	// With -w, iputils goes on past -c until the deadline: a silent target,
	// -c 2 -w 3 -i 0.5 sends 6.
	t.Run("count-with-deadline", func(t *testing.T) {
		dst.Sysctl("net.ipv4.icmp_echo_ignore_all", "1")
		defer dst.Sysctl("net.ipv4.icmp_echo_ignore_all", "0")
		ipu, our := both(t, "-c", "2", "-w", "3", "-i", "0.5", c.Dst4())
		sent := regexp.MustCompile(`\d+ packets transmitted`)
		assert.Equal(t, sent.ReplaceAllString(masked(ipu.out), "N packets transmitted"), sent.ReplaceAllString(masked(our.out), "N packets transmitted"))
		assert.Equal(t, ipu.code, our.code)
		assert.Contains(t, our.out, "6 packets transmitted, 0 received")
		ipuSent, _ := pingCounts(t, ipu.out)
		assert.InDelta(t, 6, ipuSent, 1, "iputils sends on to the deadline")
		assert.Equal(t, 1, our.code)
	})
	t.Run("unreachable-net", func(t *testing.T) { same(t, "-c", "2", "198.18.200.1") })
	// Flag mistakes: both exit 2 (iputils prints its usage too; icmplab
	// one line naming the flag).
	t.Run("flag-mistakes", func(t *testing.T) {
		for _, args := range [][]string{{"-x", c.Dst4()}, {"-c"}, {"--bogus", c.Dst4()}} {
			ipu, our := both(t, args...)
			assert.Equal(t, 2, ipu.code, "iputils ping %v", args)
			assert.Equal(t, 2, our.code, "icmplab ping %v", args)
			assert.Equal(t, 1, strings.Count(our.err, "\n"), "one line: %q", our.err)
			assert.Empty(t, our.out)
		}
	})
	t.Run("unknown-name", func(t *testing.T) {
		_, our := same(t, "-c", "1", "nosuch.h5.test")
		assert.Equal(t, "icmplab ping: nosuch.h5.test: Name or service not known\n", our.err)
	})

	// mdev: recompute it from each tool's own per-reply times with iputils'
	// integer arithmetic and hold both printed figures to it.
	t.Run("mdev", func(t *testing.T) {
		ipu, our := both(t, "-c", "12", "-i", "0.05", c.Dst4())
		for name, r := range map[string]result{"iputils": ipu, "icmplab": our} {
			require.Equal(t, 0, r.code, "%s: %s%s", name, r.out, r.err)
			checkMdev(t, name, r.out)
		}
	})

	// A bad host among good ones is reported and the others go on.
	t.Run("multi-host", func(t *testing.T) {
		r := runIn(t, src, false, bin, "ping", "-c", "1", "nosuch.h5.test", c.Dst4())
		assert.Equal(t, 2, r.code)
		assert.Equal(t, "icmplab ping: nosuch.h5.test: Name or service not known\n", r.err)
		assert.Contains(t, r.out, "1 packets transmitted, 1 received")
		r = runIn(t, src, false, bin, "ping", "--json", "-c", "1", "nosuch.h5.test", c.Dst4())
		assert.Equal(t, 2, r.code)
		assert.Contains(t, r.out, `{"type":"summary","host":"nosuch.h5.test","transmitted":0,`)
		assert.Contains(t, r.out, `"end_reason":"unresolved","error":"nosuch.h5.test: Name or service not known","exit_code":2}`)
		assert.Contains(t, r.out, `"end_reason":"count"`)
	})

	t.Run("traceroute", func(t *testing.T) {
		for _, args := range [][]string{
			{"-q", "0", c.Dst4()}, {"-m", "0", c.Dst4()}, {"-m", "256", c.Dst4()}, {"-q", "11", c.Dst4()},
			{"-f", "5", "-m", "3", c.Dst4()},
		} {
			tr := runIn(t, src, false, append([]string{tracerouteBin}, args...)...)
			our := runIn(t, src, false, append([]string{bin, "trace"}, args...)...)
			assert.Equal(t, tr.code, our.code, "traceroute %v", args)
			// traceroute's sentence, then the hint.
			assert.Equal(t, "icmplab trace: "+strings.TrimSpace(tr.err)+"; try 'icmplab trace --help'\n", our.err, "traceroute %v", args)
		}
		tr := runIn(t, src, false, tracerouteBin, "nosuch.h5.test")
		our := runIn(t, src, false, bin, "trace", "nosuch.h5.test")
		assert.Equal(t, tr.code, our.code)
		assert.Equal(t, strings.SplitN(tr.err, "\n", 2)[0], strings.TrimPrefix(strings.TrimSpace(our.err), "icmplab trace: "))
		// PACKETLEN: the header says the size as traceroute does.
		tr = runIn(t, src, false, tracerouteBin, "-n", c.Dst4(), "100")
		our = runIn(t, src, false, bin, "trace", "-n", c.Dst4(), "100")
		require.Equal(t, 0, tr.code, tr.err)
		require.Equal(t, 0, our.code, our.err)
		assert.Equal(t, strings.SplitN(tr.out, "\n", 2)[0], strings.SplitN(our.out, "\n", 2)[0])
	})

	// A resolver nobody answers: getaddrinfo's "temporary failure", at once.
	t.Run("resolver-down", func(t *testing.T) {
		mute := c.Hosts[1] // the router has a resolv.conf but no server
		resolvConf(t, mute)
		began := time.Now()
		ipu := runIn(t, mute, false, pingBin, "-c", "1", "some.h5.test")
		ipuTook := time.Since(began)
		began = time.Now()
		our := runIn(t, mute, false, bin, "ping", "-c", "1", "some.h5.test")
		t.Logf("failed after: iputils %v, icmplab %v (whole processes, ip netns exec included)", ipuTook, time.Since(began))
		assert.Equal(t, "ping: some.h5.test: Temporary failure in name resolution\n", masked(ipu.err))
		assert.Equal(t, masked(ipu.err), masked(our.err))
		assert.Equal(t, ipu.code, our.code)
	})
}

var (
	replyTimeRe = regexp.MustCompile(`time=([0-9]+)\.([0-9]{3}) ms`)
	rttLineRe   = regexp.MustCompile(`rtt min/avg/max/mdev = [0-9.]+/([0-9]+)\.([0-9]{3})/[0-9.]+/([0-9]+)\.([0-9]{3}) ms`)
)

// checkMdev recomputes avg and mdev from a ping's per-reply times (exact
// microseconds when printed with three decimals, below 1 ms) with iputils'
// arithmetic and compares them with its rtt line.
func checkMdev(t *testing.T, name, out string) {
	t.Helper()
	var us []int64
	for _, m := range replyTimeRe.FindAllStringSubmatch(out, -1) {
		ms, _ := strconv.ParseInt(m[1], 10, 64)
		frac, _ := strconv.ParseInt(m[2], 10, 64)
		us = append(us, ms*1000+frac)
	}
	lines := strings.Count(out, " bytes from ")
	if len(us) != lines || len(us) < 10 {
		t.Logf("%s: %d of %d times printed to the microsecond; cannot recompute mdev from them", name, len(us), lines)
		return
	}
	var s stats
	for _, u := range us {
		s.add(u)
	}
	avg, mdev := s.iputils()
	m := rttLineRe.FindStringSubmatch(out)
	require.NotNil(t, m, "%s: no rtt line:\n%s", name, out)
	atoi := func(a, b string) int64 {
		x, _ := strconv.ParseInt(a, 10, 64)
		y, _ := strconv.ParseInt(b, 10, 64)
		return x*1000 + y
	}
	assert.Equal(t, avg, atoi(m[1], m[2]), "%s avg from %v", name, us)
	assert.Equal(t, mdev, atoi(m[3], m[4]), "%s mdev from %v", name, us)
}

// stats is iputils 20221126's finish() arithmetic, written out again here
// as the test's reference, independent of native/ping's.
type stats struct{ n, sum, sum2 int64 }

func (s *stats) add(us int64) { s.n++; s.sum += us; s.sum2 += us * us }

func (s stats) iputils() (avg, mdev int64) {
	avg = s.sum / s.n
	v := (s.sum2 - s.sum*s.sum/s.n) / s.n
	prev, x := int64(1<<62), v
	if x > 0 {
		for x < prev {
			prev = x
			x = (x + v/x) / 2
		}
	}
	return avg, x
}
