package story

import (
	"bytes"
	"math"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	cstory "icmplab/codec/story"
	"icmplab/native/decode"
	"icmplab/native/internal/rttcheck"
)

// readStory runs the matcher over a capture, as `icmplab story` does.
func readStory(t *testing.T, capture []byte) *cstory.Result {
	t.Helper()
	src, err := decode.Open(bytes.NewReader(capture), decode.Options{})
	require.NoError(t, err)
	res, _, err := Read(src, cstory.Options{})
	require.NoError(t, err)
	return res
}

// toolProbe is one probe as a tool printed it.
type toolProbe struct {
	addr string // "" for "*"
	rtt  float64
	mark string
}

// toolHop is one hop line.
type toolHop struct {
	ttl    int
	probes []toolProbe
}

var hopLineRE = regexp.MustCompile(`^\s*(\d+)\s+(.*)$`)

// parseTraceroute reads traceroute -n's hop lines.
func parseTraceroute(t *testing.T, out string) []toolHop {
	t.Helper()
	var hops []toolHop
	for _, line := range strings.Split(out, "\n") {
		m := hopLineRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		ttl, _ := strconv.Atoi(m[1])
		h := toolHop{ttl: ttl}
		cur := ""
		f := strings.Fields(m[2])
		for i := 0; i < len(f); i++ {
			switch tok := f[i]; {
			case tok == "*":
				h.probes = append(h.probes, toolProbe{})
			case strings.HasPrefix(tok, "!"):
				require.NotEmpty(t, h.probes, line)
				h.probes[len(h.probes)-1].mark = tok
			case i+1 < len(f) && f[i+1] == "ms":
				v, err := strconv.ParseFloat(tok, 64)
				require.NoError(t, err, line)
				h.probes = append(h.probes, toolProbe{addr: cur, rtt: v})
				i++
			default:
				_, err := netip.ParseAddr(tok)
				require.NoError(t, err, "token %q of %q", tok, line)
				cur = tok
			}
		}
		hops = append(hops, h)
	}
	return hops
}

// onlyTrace returns the one trace of a result.
func onlyTrace(t *testing.T, res *cstory.Result) *cstory.Trace {
	t.Helper()
	var traces []*cstory.Trace
	for _, e := range res.Exchanges {
		if e.Trace != nil {
			traces = append(traces, e.Trace)
		}
	}
	require.Len(t, traces, 1, "traces found")
	return traces[0]
}

// rttCheck compares the tool's round trips with the capture's (rttcheck
// says by how much they may differ).
type rttCheck struct{ rttcheck.Check }

func msOf(d time.Duration) float64 { return rttcheck.Ms(d) }

// add compares one round trip the tool printed with the story's answer.
func (r *rttCheck) add(t *testing.T, want float64, a *cstory.Answer, what string) {
	t.Helper()
	require.True(t, a.HasRTT, what)
	r.Add(t, want, msOf(a.RTT), what)
}

func (r *rttCheck) check(t *testing.T) {
	t.Helper()
	r.Done(t)
}

// compareTraceroute checks a trace against traceroute's own output: the
// same hops, the same probes answered and unanswered, from the same
// addresses, with the same marks, round trips within the tolerance.
func compareTraceroute(t *testing.T, out string, tr *cstory.Trace) {
	t.Helper()
	var rc rttCheck
	defer rc.check(t)
	hops := parseTraceroute(t, out)
	require.Len(t, tr.Hops, len(hops), "hops\ntool:\n%s", out)
	for i, h := range hops {
		got := tr.Hops[i]
		require.Equal(t, h.ttl, int(got.TTL), "hop %d", i)
		require.Len(t, got.Probes, len(h.probes), "probes at TTL %d\ntool: %s\nours: %s", h.ttl, out, cstory.HopLine(got))
		for k, p := range h.probes {
			a := got.Probes[k].Answer
			what := "TTL " + strconv.Itoa(h.ttl) + " probe " + strconv.Itoa(k+1)
			if p.addr == "" {
				assert.Nil(t, a, what+" should be unanswered")
				continue
			}
			require.NotNil(t, a, what+" should be answered")
			assert.Equal(t, p.addr, a.From.String(), what)
			assert.Equal(t, p.mark, a.Mark, what)
			rc.add(t, p.rtt, a, what)
		}
	}
}

// mtrHop is one line of mtr --report.
type mtrHop struct {
	n        int
	addr     string // "???" when silent
	loss     float64
	sent     int
	avg      float64
	best     float64
	answered int
}

var mtrLineRE = regexp.MustCompile(`^\s*(\d+)\.\|--\s+(\S+)\s+([\d.]+)%?\s+(\d+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)`)

func parseMTR(out string) []mtrHop {
	var hops []mtrHop
	for _, line := range strings.Split(out, "\n") {
		m := mtrLineRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		var h mtrHop
		h.n, _ = strconv.Atoi(m[1])
		h.addr = m[2]
		h.loss, _ = strconv.ParseFloat(m[3], 64)
		h.sent, _ = strconv.Atoi(m[4])
		h.avg, _ = strconv.ParseFloat(m[6], 64)
		h.best, _ = strconv.ParseFloat(m[7], 64)
		h.answered = int(math.Round(float64(h.sent) * (100 - h.loss) / 100))
		hops = append(hops, h)
	}
	return hops
}

// compareMTR checks a trace against mtr --report: one trace whose hops hold
// mtr's rounds, the same address per hop, as many probes answered.
func compareMTR(t *testing.T, out string, tr *cstory.Trace) {
	t.Helper()
	var rc rttCheck
	defer rc.check(t)
	hops := parseMTR(out)
	require.NotEmpty(t, hops, out)
	require.Len(t, tr.Hops, len(hops), "hops\ntool:\n%s", out)
	for i, h := range hops {
		got := tr.Hops[i]
		assert.Equal(t, h.n, int(got.TTL))
		answered, addrs := 0, map[string]bool{}
		for _, p := range got.Probes {
			if p.Answer != nil {
				answered++
				addrs[p.Answer.From.String()] = true
			}
		}
		// mtr counts a probe still in flight when it stops as sent; the
		// capture holds every probe it did send.
		assert.GreaterOrEqual(t, len(got.Probes), h.answered, "TTL %d probes", h.n)
		assert.Equal(t, h.answered, answered, "TTL %d answered\ntool:\n%s", h.n, out)
		if h.addr == "???" {
			assert.Empty(t, addrs)
			continue
		}
		assert.True(t, addrs[h.addr], "TTL %d: %s not among %v", h.n, h.addr, addrs)
		// The best round trips, not the averages: mtr times in user space,
		// and one probe it read late on a loaded machine moves its average
		// by milliseconds (a 4.8 ms outlier among 0.1 ms ones was seen),
		// never its best.
		best := time.Duration(-1)
		for _, p := range got.Probes {
			if p.Answer != nil && (best < 0 || p.Answer.RTT < best) {
				best = p.Answer.RTT
			}
		}
		rc.add(t, h.best, &cstory.Answer{RTT: best, HasRTT: true}, "best at TTL "+strconv.Itoa(h.n))
	}
}

// tracepathTimeRE is a round trip as tracepath prints it ("%3d.%03dms "),
// its field's width included.
var tracepathTimeRE = regexp.MustCompile(`([ \d]{3}\.\d{3})ms`)

// compareTracepath checks a trace told in tracepath's form against what
// tracepath printed, line by line: the same lines, hop numbers, addresses,
// pmtu, asymm, reached, no reply and Resume exactly, in tracepath's own
// layout; the round trips within the tolerance. The one thing the capture
// cannot hold is the time tracepath -6 prints on its [LOCALHOST] line (the
// kernel refused that probe; it never left the host): that line is compared
// without it.
func compareTracepath(t *testing.T, out string, res *cstory.Result) {
	t.Helper()
	tr := onlyTrace(t, res)
	require.Equal(t, cstory.ToolTracepath, tr.Tool, "tracepath's probes are told apart from traceroute's")
	var ours bytes.Buffer
	require.NoError(t, cstory.WriteText(&ours, res))
	want, got := strings.Split(strings.TrimRight(out, "\n"), "\n"), strings.Split(strings.TrimRight(ours.String(), "\n"), "\n")
	require.Len(t, got, len(want), "tracepath:\n%s\nours:\n%s", out, ours.String())
	var rc rttCheck
	for i := range want {
		wt, gt := tracepathTimeRE.FindStringSubmatch(want[i]), tracepathTimeRE.FindStringSubmatch(got[i])
		if strings.Contains(want[i], "[LOCALHOST]") {
			w := strings.Fields(tracepathTimeRE.ReplaceAllString(want[i], ""))
			assert.Equal(t, w, strings.Fields(got[i]), "line %d", i+1)
			continue
		}
		if wt == nil {
			assert.Equal(t, want[i], got[i], "line %d", i+1)
			continue
		}
		require.NotNil(t, gt, "line %d: tracepath printed a time, we did not:\n%s\n%s", i+1, want[i], got[i])
		assert.Equal(t, tracepathTimeRE.ReplaceAllString(want[i], "T"), tracepathTimeRE.ReplaceAllString(got[i], "T"), "line %d", i+1)
		w, err := strconv.ParseFloat(strings.TrimSpace(wt[1]), 64)
		require.NoError(t, err)
		g, err := strconv.ParseFloat(strings.TrimSpace(gt[1]), 64)
		require.NoError(t, err)
		rc.add(t, w, &cstory.Answer{RTT: time.Duration(g * float64(time.Millisecond)), HasRTT: true}, want[i])
	}
	rc.check(t)
	assert.Equal(t, strings.Contains(out, "reached"), tr.Reached, out)
}

var (
	pingReplyRE = regexp.MustCompile(`(?m)^\d+ bytes from (\S+?): icmp_seq=(\d+) ttl=(\d+) time=([\d.]+) ms( \(DUP!\))?$`)
	pingErrRE   = regexp.MustCompile(`(?m)^From (\S+) icmp_seq=(\d+) (.+)$`)
	pingStatsRE = regexp.MustCompile(`(?m)^(\d+) packets transmitted, (\d+) received`)
)

// comparePing checks a ping against iputils ping's output: the same
// replies (sequence, TTL, duplicates), round trips within the tolerance, the
// same errors, the same counts, and lost the sequences without a reply.
func comparePing(t *testing.T, out string, p *cstory.Ping) {
	t.Helper()
	var rc rttCheck
	defer rc.check(t)
	replies := pingReplyRE.FindAllStringSubmatch(out, -1)
	// ping -c N exits on its Nth reply: a duplicate of the last request
	// may arrive after it, in the capture and not in the tool's output.
	// Only such trailing duplicates may be extra.
	require.GreaterOrEqual(t, len(p.Replies), len(replies), "replies\n%s", out)
	for _, r := range p.Replies[len(replies):] {
		assert.True(t, r.Dup, "reply to seq %d is not in the tool's output and is not a late duplicate\n%s", r.Seq, out)
	}
	replied := map[uint16]bool{}
	for i, m := range replies {
		r := p.Replies[i]
		seq, _ := strconv.Atoi(m[2])
		ttl, _ := strconv.Atoi(m[3])
		rtt, _ := strconv.ParseFloat(m[4], 64)
		assert.Equal(t, m[1], r.From.String())
		assert.Equal(t, seq, int(r.Seq))
		assert.Equal(t, ttl, int(r.TTL))
		assert.Equal(t, m[5] != "", r.Dup)
		rc.add(t, rtt, &cstory.Answer{RTT: r.RTT, HasRTT: r.HasRTT}, "icmp_seq="+m[2])
		replied[r.Seq] = true
	}
	errs := pingErrRE.FindAllStringSubmatch(out, -1)
	require.Len(t, p.Errors, len(errs), "errors\n%s", out)
	for i, m := range errs {
		seq, _ := strconv.Atoi(m[2])
		assert.Equal(t, m[1], p.Errors[i].From.String())
		assert.Equal(t, seq, int(p.Errors[i].Seq))
	}
	st := pingStatsRE.FindStringSubmatch(out)
	require.NotNil(t, st, out)
	tx, _ := strconv.Atoi(st[1])
	rx, _ := strconv.Atoi(st[2])
	assert.Equal(t, tx, p.Transmitted)
	assert.Equal(t, rx, p.Received)
	for _, q := range p.Requests {
		lost := !replied[q.Seq]
		assert.Equal(t, lost, contains(p.Lost, q.Seq), "seq %d", q.Seq)
	}
	assert.Len(t, p.Lost, tx-rx)
}

func contains(s []uint16, v uint16) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

var fpingSummaryRE = regexp.MustCompile(`(?m)^(\S+)\s+: xmt/rcv/%loss = (\d+)/(\d+)/\d+%(?:, min/avg/max = ([\d.]+)/([\d.]+)/([\d.]+))?`)

// compareFping checks one ping per target, all under one identifier, with
// fping's counts.
func compareFping(t *testing.T, out string, res *cstory.Result) {
	t.Helper()
	var rc rttCheck
	defer rc.check(t)
	sums := fpingSummaryRE.FindAllStringSubmatch(out, -1)
	require.NotEmpty(t, sums, out)
	byDst := map[string]*cstory.Ping{}
	ids := map[uint16]bool{}
	for _, e := range res.Exchanges {
		if e.Ping != nil {
			byDst[e.Ping.Dst.String()] = e.Ping
			ids[e.Ping.ID] = true
		}
	}
	require.Len(t, byDst, len(sums), "one ping per target")
	assert.Len(t, ids, 1, "fping uses one identifier for every target")
	for _, m := range sums {
		p := byDst[m[1]]
		require.NotNil(t, p, m[1])
		tx, _ := strconv.Atoi(m[2])
		rx, _ := strconv.Atoi(m[3])
		assert.Equal(t, tx, p.Transmitted, m[1])
		assert.Equal(t, rx, p.Received, m[1])
		if m[4] == "" {
			continue
		}
		st, ok := p.RTTStats()
		require.True(t, ok, m[1])
		for i, d := range []time.Duration{st.Min, st.Avg, st.Max} {
			want, _ := strconv.ParseFloat(m[4+i], 64)
			rc.add(t, want, &cstory.Answer{RTT: d, HasRTT: true}, m[1]+" "+[]string{"min", "avg", "max"}[i])
		}
	}
}

// recorded is a capture committed under testdata with what the tool printed.
type recorded struct {
	name, tool string
}

var recordedCases = []recorded{
	{"traceroute_udp4", "traceroute"},
	{"ping_drops4", "ping"},
	{"mtr_icmp4", "mtr"},
	{"traceroute_silent4", "traceroute"},
	{"ping_dups4", "ping"},
	{"fping4", "fping"},
	{"tracepath_pmtu4", "tracepath"},
	{"tracepath_pmtu6", "tracepath"},
}

// TestRecorded replays captures made by TestLive (go test -update) so the
// suite stands without root: the same comparisons on the same bytes.
func TestRecorded(t *testing.T) {
	for _, c := range recordedCases {
		t.Run(c.name, func(t *testing.T) {
			capture, err := os.ReadFile(filepath.Join("testdata", c.name+".pcap"))
			require.NoError(t, err)
			out, err := os.ReadFile(filepath.Join("testdata", c.name+".out"))
			require.NoError(t, err)
			check(t, c.tool, string(out), readStory(t, capture))
		})
	}
}

// check runs the comparison of one tool.
func check(t *testing.T, tool, out string, res *cstory.Result) {
	t.Helper()
	switch tool {
	case "traceroute":
		compareTraceroute(t, out, onlyTrace(t, res))
		// traceroute -N 1 sends one probe at a time as tracepath does; its
		// probes still tell it apart.
		assert.NotEqual(t, cstory.ToolTracepath, onlyTrace(t, res).Tool)
		// Told as traceroute prints it: the same hop lines, read back with
		// the same parser, probe for probe.
		var ours bytes.Buffer
		require.NoError(t, cstory.WriteText(&ours, res))
		got, want := parseTraceroute(t, ours.String()), parseTraceroute(t, out)
		require.Len(t, got, len(want), "ours:\n%s", ours.String())
		for i := range want {
			require.Len(t, got[i].probes, len(want[i].probes))
			for k := range want[i].probes {
				assert.Equal(t, want[i].probes[k].addr, got[i].probes[k].addr)
				assert.Equal(t, want[i].probes[k].mark, got[i].probes[k].mark)
			}
		}
	case "mtr":
		tr := onlyTrace(t, res)
		compareMTR(t, out, tr)
		// Told as mtr reports it: the same hops, addresses, probes sent
		// and loss, read back with the same parser.
		require.True(t, tr.Cycles, "mtr's probes go out in cycles")
		assert.Equal(t, cstory.ToolMTR, tr.Tool)
		var ours bytes.Buffer
		require.NoError(t, cstory.WriteText(&ours, res))
		got, want := parseMTR(ours.String()), parseMTR(out)
		require.Len(t, got, len(want), "ours:\n%s", ours.String())
		for i := range want {
			assert.Equal(t, want[i].addr, got[i].addr)
			assert.Equal(t, want[i].answered, got[i].answered)
			assert.Equal(t, want[i].loss, got[i].loss)
		}
	case "tracepath":
		compareTracepath(t, out, res)
	case "ping":
		var pings []*cstory.Ping
		for _, e := range res.Exchanges {
			if e.Ping != nil {
				pings = append(pings, e.Ping)
			}
		}
		require.Len(t, pings, 1)
		comparePing(t, out, pings[0])
		// Told as ping prints it: the statistics line, and every reply and
		// error line the tool printed (ours may add a late duplicate).
		var ours bytes.Buffer
		require.NoError(t, cstory.WriteText(&ours, res))
		wantSt, gotSt := pingStatsRE.FindStringSubmatch(out), pingStatsRE.FindStringSubmatch(ours.String())
		require.NotNil(t, gotSt, ours.String())
		assert.Equal(t, wantSt[1:], gotSt[1:])
		strip := func(m [][]string) [][]string { // everything but the time
			for _, x := range m {
				x[0], x[4] = "", ""
			}
			return m
		}
		wantR := strip(pingReplyRE.FindAllStringSubmatch(out, -1))
		gotR := strip(pingReplyRE.FindAllStringSubmatch(ours.String(), -1))
		require.GreaterOrEqual(t, len(gotR), len(wantR), ours.String())
		assert.Equal(t, wantR, gotR[:len(wantR)])
		wantE, gotE := pingErrRE.FindAllStringSubmatch(out, -1), pingErrRE.FindAllStringSubmatch(ours.String(), -1)
		require.Len(t, gotE, len(wantE), ours.String())
		for i := range wantE {
			assert.Equal(t, wantE[i][1:3], gotE[i][1:3])
		}
	case "fping":
		compareFping(t, out, res)
		// Told as fping -q summarises it: the same lines, counts alike.
		var ours bytes.Buffer
		require.NoError(t, cstory.WriteText(&ours, res))
		got, want := fpingSummaryRE.FindAllStringSubmatch(ours.String(), -1), fpingSummaryRE.FindAllStringSubmatch(out, -1)
		require.Len(t, got, len(want), "ours:\n%s", ours.String())
		for i := range want {
			assert.Equal(t, want[i][1:4], got[i][1:4])
		}
	default:
		t.Fatalf("no comparison for %s", tool)
	}
}
