package live

import (
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/native/trace"
)

// screenText reads a simulation screen back as lines.
func screenText(s tcell.SimulationScreen) []string {
	cells, w, h := s.GetContents()
	lines := make([]string, h)
	for y := 0; y < h; y++ {
		var b strings.Builder
		for x := 0; x < w; x++ {
			c := cells[y*w+x]
			if len(c.Runes) == 0 {
				b.WriteByte(' ')
				continue
			}
			b.WriteString(string(c.Runes))
		}
		lines[y] = strings.TrimRight(b.String(), " ")
	}
	return lines
}

func sampleSnapshot(t *testing.T) trace.Snapshot {
	t.Helper()
	// A one-shot hop's statistics, built through the package's own API.
	at := time.Unix(100, 0)
	a, b := netip.MustParseAddr("198.18.1.2"), netip.MustParseAddr("198.18.3.2")
	hop := func(ttl int, from ...netip.Addr) trace.HopRow {
		var probes []trace.Probe
		for i, f := range from {
			p := trace.Probe{TTL: ttl, N: i, Sent: at, Outcome: trace.TimedOut}
			if f.IsValid() {
				p.Outcome, p.From, p.Recv = trace.HopAnswered, f, at.Add(time.Duration(i+1)*time.Millisecond)
			}
			probes = append(probes, p)
		}
		return trace.HopRow{TTL: ttl, Stats: trace.StatsOf(trace.HopReport{TTL: ttl, Probes: probes})}
	}
	return trace.Snapshot{Round: 3, Hops: []trace.HopRow{
		hop(1, a, a, a),
		hop(2, netip.Addr{}, netip.Addr{}),
		hop(3, b, a, b),
	}}
}

// TestViewDraws: the title, the column header, one row per hop with ???
// for a silent one, a second address under its hop with the path-change
// mark, and the help line on the last row.
func TestViewDraws(t *testing.T) {
	s := tcell.NewSimulationScreen("UTF-8")
	require.NoError(t, s.Init())
	defer s.Fini()
	s.SetSize(120, 32)
	cfg := &trace.Config{Target: netip.MustParseAddr("198.18.9.9"), Interval: time.Second}
	v := &View{Cfg: cfg, Snap: sampleSnapshot(t)}
	v.Draw(s)
	lines := screenText(s)
	assert.Equal(t, "icmplab trace to 198.18.9.9 (198.18.9.9), udp, round 3, every 1s", lines[0])
	assert.Contains(t, lines[1], "Loss%   Snt   Last")
	assert.Contains(t, lines[1], "History")
	assert.Regexp(t, `^\s+1\. 198\.18\.1\.2\s+0\.0%\s+3\s+3\.0\s+2\.0\s+1\.0\s+3\.0\s+1\.0`, lines[2])
	assert.Regexp(t, `^\s+2\. \?\?\?\s+100\.0%\s+2\s`, lines[3])
	assert.Regexp(t, `^\s+3\. 198\.18\.3\.2 ~\s+0\.0%\s+3\s`, lines[4])
	assert.Equal(t, "198.18.1.2 (1)", strings.TrimSpace(lines[5]))
	assert.True(t, strings.HasPrefix(lines[31], helpLine))

	v.Paused = true
	v.Draw(s)
	assert.True(t, strings.HasSuffix(screenText(s)[0], "[paused]"))
}

// TestViewAnySize: drawing never panics, however small the terminal.
func TestViewAnySize(t *testing.T) {
	s := tcell.NewSimulationScreen("UTF-8")
	require.NoError(t, s.Init())
	defer s.Fini()
	v := &View{Cfg: &trace.Config{Target: netip.MustParseAddr("198.18.9.9")}, Snap: sampleSnapshot(t), Ext: true}
	for _, sz := range [][2]int{{1, 1}, {10, 3}, {40, 5}, {80, 24}, {300, 100}} {
		s.SetSize(sz[0], sz[1])
		v.Draw(s)
	}
}

func TestSparkline(t *testing.T) {
	ms := time.Millisecond
	assert.Equal(t, "▁.█▄", sparkline([]time.Duration{ms / 10, 0, 8 * ms, 4 * ms}, 10))
	assert.Equal(t, "█▄", sparkline([]time.Duration{ms / 10, 0, 8 * ms, 4 * ms}, 2), "the newest that fit")
	assert.Equal(t, "", sparkline([]time.Duration{ms}, 0))
	assert.Equal(t, "..", sparkline([]time.Duration{0, 0}, 5))
}
