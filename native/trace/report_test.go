package trace

import (
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reportSnapshot is three rounds over src - 198.18.1.2 - (silent) -
// 198.18.3.2, every answer in 0.1 ms.
func reportSnapshot() Snapshot {
	var h1, h2, h3 HopStats
	for range 3 {
		h1.sent()
		h1.answered(netip.MustParseAddr("198.18.1.2"), 100*time.Microsecond, false)
		h2.sent()
		h2.timedOut()
		h3.sent()
		h3.answered(netip.MustParseAddr("198.18.3.2"), 100*time.Microsecond, false)
	}
	return Snapshot{Round: 3, Hops: []HopRow{{1, h1}, {2, h2}, {3, h3}}, Reached: true, End: "cycles (3)"}
}

// TestReportTableIsMtrs: the table is byte for byte what mtr 0.95 printed
// for the same path (mtr -n -r -c 3, captured on a namespace chain).
func TestReportTableIsMtrs(t *testing.T) {
	var b strings.Builder
	start := time.Date(2026, 12, 6, 15, 58, 57, 0, time.UTC)
	cfg := &Config{Target: netip.MustParseAddr("198.18.3.2")}
	(&Report{W: &b, Cfg: cfg, Host: "vm", Start: start}).Table(reportSnapshot())
	mtr := `Start: 2026-12-06T15:58:57+0000
HOST: vm                          Loss%   Snt   Last   Avg  Best  Wrst StDev
  1.|-- 198.18.1.2                 0.0%     3    0.1   0.1   0.1   0.1   0.0
  2.|-- ???                       100.0     3    0.0   0.0   0.0   0.0   0.0
  3.|-- 198.18.3.2                 0.0%     3    0.1   0.1   0.1   0.1   0.0
`
	assert.Equal(t, mtr, b.String())
	assert.Equal(t, " 33.3%", lossField(100.0/3))

	b.Reset()
	(&Report{W: &b, Cfg: cfg, Host: "vm", Start: start}).CSV(reportSnapshot())
	assert.Equal(t, `Mtr_Version,Start_Time,Status,Host,Hop,Ip,Loss%,Snt, ,Last,Avg,Best,Wrst,StDev,
icmplab,1796572737,OK,198.18.3.2,1,198.18.1.2,0.00,3,0,0.10,0.10,0.10,0.10,0.00
icmplab,1796572737,OK,198.18.3.2,2,???,100.00,3,3,0.00,0.00,0.00,0.00,0.00
icmplab,1796572737,OK,198.18.3.2,3,198.18.3.2,0.00,3,0,0.10,0.10,0.10,0.10,0.00
`, b.String())
}

// TestReportECMPLines: a hop answering from two addresses lists the second
// under it, as mtr does.
func TestReportECMPLines(t *testing.T) {
	var h HopStats
	for _, a := range []string{"198.18.2.2", "198.18.3.2", "198.18.2.2"} {
		h.sent()
		h.answered(netip.MustParseAddr(a), time.Millisecond, false)
	}
	var b strings.Builder
	(&Report{W: &b, Cfg: &Config{}, Host: "vm"}).Table(Snapshot{Hops: []HopRow{{2, h}}})
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	require.Len(t, lines, 4)
	assert.True(t, strings.HasPrefix(lines[2], "  2.|-- 198.18.2.2 "))
	assert.Equal(t, "    |  `|-- 198.18.3.2", lines[3])
}

// TestReportJSONLines: a round line per settled round, then a summary
// holding mtr's report object.
func TestReportJSONLines(t *testing.T) {
	var b strings.Builder
	cfg := &Config{Target: netip.MustParseAddr("198.18.3.2"), Cycles: 3, Interval: time.Second}
	rp := &Report{W: &b, Cfg: cfg, Host: "vm"}
	s := reportSnapshot()
	s.LastRound = []RoundHop{{TTL: 1, Answered: true, From: netip.MustParseAddr("198.18.1.2"), RTT: 100 * time.Microsecond}, {TTL: 2}, {TTL: 3, Answered: true, From: netip.MustParseAddr("198.18.3.2"), RTT: time.Millisecond}}
	require.NoError(t, rp.RoundLine(s))
	require.NoError(t, rp.SummaryLine(s))
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	require.Len(t, lines, 2)
	var round struct {
		Type  string `json:"type"`
		Round int    `json:"round"`
		Hops  []struct {
			TTL       int     `json:"ttl"`
			Sent      int     `json:"sent"`
			LossPct   float64 `json:"loss_pct"`
			ThisRound struct {
				Answered bool    `json:"answered"`
				RTT      float64 `json:"rtt_ms"`
			} `json:"this_round"`
		} `json:"hops"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &round))
	assert.Equal(t, "round", round.Type)
	assert.Equal(t, 3, round.Round)
	require.Len(t, round.Hops, 3)
	assert.Equal(t, 100.0, round.Hops[1].LossPct)
	assert.False(t, round.Hops[1].ThisRound.Answered)
	assert.Equal(t, 1.0, round.Hops[2].ThisRound.RTT)
	var sum struct {
		Type   string `json:"type"`
		End    string `json:"end"`
		Report struct {
			Hubs []struct {
				Host string  `json:"host"`
				Loss float64 `json:"Loss%"`
				Snt  int     `json:"Snt"`
			} `json:"hubs"`
		} `json:"report"`
	}
	require.NoError(t, json.Unmarshal([]byte(lines[1]), &sum))
	assert.Equal(t, "summary", sum.Type)
	assert.Equal(t, "cycles (3)", sum.End)
	require.Len(t, sum.Report.Hubs, 3)
	assert.Equal(t, "???", sum.Report.Hubs[1].Host)
	assert.Equal(t, 100.0, sum.Report.Hubs[1].Loss)
	assert.Equal(t, 3, sum.Report.Hubs[2].Snt)
}
