//go:build linux

package trace

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/native/internal/netns"
)

// reportHop is one hop line of an mtr -r style report.
type reportHop struct {
	addr  string
	loss  float64
	sent  int
	extra []string // the addresses listed under it
}

var (
	reportLineRe  = regexp.MustCompile(`^\s*(\d+)\.\|-- (\S+)\s+([\d.]+)%?\s+(\d+)\s`)
	reportExtraRe = regexp.MustCompile("^\\s+\\|\\s+`\\|-- (\\S+)")
)

// parseReport reads mtr -r's table (mtr's or ours) by hop number.
func parseReport(t *testing.T, out string) map[int]*reportHop {
	t.Helper()
	hops := map[int]*reportHop{}
	var last *reportHop
	for _, l := range strings.Split(out, "\n") {
		if m := reportLineRe.FindStringSubmatch(l); m != nil {
			ttl, _ := strconv.Atoi(m[1])
			loss, _ := strconv.ParseFloat(m[3], 64)
			sent, _ := strconv.Atoi(m[4])
			last = &reportHop{addr: m[2], loss: loss, sent: sent}
			hops[ttl] = last
		} else if m := reportExtraRe.FindStringSubmatch(l); m != nil && last != nil {
			last.extra = append(last.extra, m[1])
		}
	}
	return hops
}

// TestReportAgainstMtr: on a chain whose second router never answers,
// --report --cycles 5 and mtr -n -r -c 5 list the same hops with the same
// addresses, Snt 5 everywhere, all lost at the silent router and none
// elsewhere. Both wall times are logged (the comparison is the TraceWall
// benchmark's job, not a test's).
func TestReportAgainstMtr(t *testing.T) {
	netns.RequireTool(t, "nft", "nftables")
	c := netns.NewChain(t, 3)
	silence(t, c.Hosts[2])
	for _, dst := range []string{c.Dst4(), c.Dst6()} {
		began := time.Now()
		// A fixed wait (-w 5: no adaptive factors), so that a loaded
		// machine's slow answer is never given up on and counted lost.
		out := traceIn(t, c.Src(), "-n", "-w", "5", "--report", "--cycles", "5", dst)
		ours := time.Since(began)
		got := parseReport(t, out)
		require.Len(t, got, 4, out)
		for ttl := 1; ttl <= 4; ttl++ {
			h := got[ttl]
			require.NotNil(t, h, "hop %d\n%s", ttl, out)
			assert.Equal(t, 5, h.sent, "hop %d Snt\n%s", ttl, out)
			if ttl == 2 {
				assert.Equal(t, "???", h.addr, out)
				assert.Equal(t, 100.0, h.loss, out)
				continue
			}
			want := c.Hop4(ttl)
			if dst == c.Dst6() {
				want = c.Hop6(ttl)
			}
			assert.Equal(t, want, h.addr, "hop %d\n%s", ttl, out)
			assert.Equal(t, 0.0, h.loss, "hop %d\n%s", ttl, out)
		}
		if _, err := exec.LookPath("mtr"); err != nil {
			netns.Skip(t, "mtr not installed (apt-get install mtr-tiny): compared with nothing")
			continue
		}
		began = time.Now()
		ref, errs, err := runIn(t, c.Src(), "mtr", "-n", "-r", "-c", "5", dst)
		theirs := time.Since(began)
		require.NoError(t, err, errs)
		t.Logf("icmplab --report --cycles 5: %v\n%s\nmtr -n -r -c 5: %v\n%s", ours, out, theirs, ref)
		want := parseReport(t, ref)
		require.Len(t, want, len(got), ref)
		for ttl, w := range want {
			assert.Equal(t, w.addr, got[ttl].addr, "hop %d", ttl)
			assert.Equal(t, w.sent, got[ttl].sent, "hop %d", ttl)
			assert.Equal(t, w.loss, got[ttl].loss, "hop %d", ttl)
		}
	}
}

// TestReportECMP: on the diamond, rounds of classic probes (a port each)
// find both middle routers at hop 2, listed as mtr lists a second address;
// with --paris every hop answers from one address. 16 probes at hop 2: both
// branches missed with probability 2^-15.
func TestReportECMP(t *testing.T) {
	src, dst4, _ := diamond(t)
	out := traceIn(t, src, "-n", "--report", "--cycles", "8", "-q", "2", "--interval", "0.2", dst4)
	got := parseReport(t, out)
	require.Len(t, got, 4, out)
	both := append([]string{got[2].addr}, got[2].extra...)
	assert.ElementsMatch(t, []string{"198.18.2.2", "198.18.3.2"}, both, out)
	assert.Equal(t, 16, got[2].sent, out)

	out = traceIn(t, src, "-n", "-w", "3", "--report", "--paris", "--cycles", "8", "-q", "2", "--interval", "0.2", dst4)
	got = parseReport(t, out)
	require.Len(t, got, 4, out)
	for ttl, h := range got {
		assert.Empty(t, h.extra, "hop %d: one path with --paris\n%s", ttl, out)
		assert.Equal(t, 0.0, h.loss, "hop %d\n%s", ttl, out)
	}
}

// TestReportJSONAndCSV: --json streams one line per round, then the
// summary; --csv prints mtr's columns.
func TestReportJSONAndCSV(t *testing.T) {
	c := netns.NewChain(t, 1)
	out := traceIn(t, c.Src(), "-n", "--report", "--cycles", "3", "--interval", "0.2", "--json", c.Dst4())
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 4, out)
	for i, l := range lines[:3] {
		assert.Contains(t, l, `"type":"round","round":`+strconv.Itoa(i+1)+`,`)
	}
	assert.Contains(t, lines[3], `"type":"summary"`)
	assert.Contains(t, lines[3], `"end":"cycles (3)"`)

	out = traceIn(t, c.Src(), "-n", "-w", "3", "--csv", "--cycles", "2", "--interval", "0.2", c.Dst4())
	lines = strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3, out)
	assert.Equal(t, csvHeader, lines[0])
	assert.True(t, strings.HasPrefix(lines[1], "icmplab,"), lines[1])
	assert.Contains(t, lines[2], ",OK,"+c.Dst4()+",2,"+c.Dst4()+",0.00,2,0,")
}

// nobodyArgs is setpriv's prefix that runs a command as nobody with no
// capabilities at all.
func nobodyArgs(t *testing.T) (string, []string) {
	setpriv := netns.RequireTool(t, "setpriv", "util-linux")
	args := []string{"--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"}
	if out, err := exec.Command("getent", "group", "nogroup").Output(); err != nil || len(out) == 0 {
		args[1] = "--regid=nobody"
	}
	return setpriv, args
}

// TestUnprivilegedRounds: rounds as nobody, UDP (error queue) and ICMP
// (datagram sockets, allowed by ping_group_range), both families: every hop
// is found and sent every round, nothing is lost.
func TestUnprivilegedRounds(t *testing.T) {
	setpriv, nobody := nobodyArgs(t)
	c := netns.NewChain(t, 2)
	c.Src().Sysctl("net.ipv4.ping_group_range", "0 2147483647")
	bin := icmplabBin(t)
	for _, dst := range []string{c.Dst4(), c.Dst6()} {
		for _, method := range [][]string{nil, {"-I"}} {
			args := append(append(append([]string{}, nobody...), bin, "trace", "-n", "-w", "3", "--report", "--cycles", "3", "--interval", "0.2", "--json"), method...)
			out, errs, err := runIn(t, c.Src(), setpriv, append(args, dst)...)
			require.NoError(t, err, "as nobody %v %s: %s%s", method, dst, out, errs)
			lines := strings.Split(strings.TrimSpace(out), "\n")
			require.Len(t, lines, 4, out)
			var sum struct {
				Reached bool `json:"reached"`
				Hops    []struct {
					Sent    int     `json:"sent"`
					LossPct float64 `json:"loss_pct"`
					Addrs   []struct {
						Addr string `json:"addr"`
					} `json:"addrs"`
				} `json:"hops"`
			}
			require.NoError(t, json.Unmarshal([]byte(lines[3]), &sum))
			assert.True(t, sum.Reached, "as nobody %v %s", method, dst)
			require.Len(t, sum.Hops, 3, out)
			for k, h := range sum.Hops {
				want := c.Hop4(k + 1)
				if strings.Contains(dst, ":") {
					want = c.Hop6(k + 1)
				}
				assert.Equal(t, 3, h.Sent, "as nobody %v hop %d", method, k+1)
				assert.Equal(t, 0.0, h.LossPct, "as nobody %v hop %d", method, k+1)
				require.Len(t, h.Addrs, 1)
				assert.Equal(t, want, h.Addrs[0].Addr)
			}
		}
	}
}

// TestReportInterrupted: Ctrl-C during --report --json ends the rounds,
// as mtr does, with the summary of what was measured: end "interrupted",
// exit 0.
func TestReportInterrupted(t *testing.T) {
	c := netns.NewChain(t, 1)
	bin := icmplabBin(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := c.Src().Command(ctx, bin, "trace", "-n", "--report", "--cycles", "1000", "--interval", "0.2", "--json", c.Dst4())
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	br := bufio.NewReader(stdout)
	first, err := br.ReadString('\n')
	require.NoError(t, err)
	assert.Contains(t, first, `"type":"round","round":1,`)
	// ip netns exec hands the signal on to the trace it runs.
	require.NoError(t, cmd.Process.Signal(os.Interrupt))
	rest, _ := io.ReadAll(br)
	require.NoError(t, cmd.Wait(), "exit status after Ctrl-C")
	lines := strings.Split(strings.TrimSpace(string(rest)), "\n")
	last := lines[len(lines)-1]
	assert.Contains(t, last, `"type":"summary"`)
	assert.Contains(t, last, `"end":"interrupted"`)
}
