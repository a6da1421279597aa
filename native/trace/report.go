package trace

import (
	"encoding/json"
	"fmt"
	"io"
	"net/netip"
	"strings"
	"time"
)

// Report writes the results of rounds in mtr's layouts: the --report table
// (mtr -r), --csv (mtr --csv) and, for --json, one line per round and a
// final summary that also carries mtr's own JSON report object, so scripts
// written for mtr read icmplab's output unchanged.
type Report struct {
	W     io.Writer
	Cfg   *Config
	Names *Resolver // nil with -n
	Host  string    // the local host's name, for mtr's HOST: column
	Start time.Time // when the rounds began
}

// Report column widths, as mtr -r lays its table out: the host column is
// 25 characters (longer names are cut, as mtr cuts them without -w), then
// Loss% and Snt in 6, Last in 7, the others in 6.
const (
	reportHostWidth = 25
	reportLossWidth = 6
)

// mtrTimeLayout is how mtr -r writes its Start line.
const mtrTimeLayout = "2006-01-02T15:04:05-0700"

// nameWait bounds how long the report waits for a reverse name.
const nameWait = 2 * time.Second

// unknownHost is what mtr prints for a hop that never answered.
const unknownHost = "???"

// hostOf is the name (or address) a hop's first address shows as.
func (rp *Report) hostOf(a netip.Addr) string {
	if !a.IsValid() {
		return unknownHost
	}
	if rp.Names != nil {
		if n := rp.Names.Name(a, time.Now().Add(nameWait)); n != "" {
			return n
		}
	}
	return a.String()
}

// ms is a duration in milliseconds.
func msOf(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// lossField is mtr's Loss% field: "%4.1f%%" cut to five characters, so
// 100% reads "100.0".
func lossField(p float64) string {
	s := fmt.Sprintf("%4.1f%%", p)
	if len(s) > reportLossWidth-1 {
		s = s[:reportLossWidth-1]
	}
	return fmt.Sprintf("%*s", reportLossWidth, s)
}

// Table writes mtr -r's table for a snapshot.
func (rp *Report) Table(s Snapshot) {
	fmt.Fprintf(rp.W, "Start: %s\n", rp.Start.Format(mtrTimeLayout))
	fmt.Fprintf(rp.W, "%-*s%6s%6s%7s%6s%6s%6s%6s\n", 8+reportHostWidth, "HOST: "+rp.Host,
		"Loss%", "Snt", "Last", "Avg", "Best", "Wrst", "StDev")
	for _, h := range s.Hops {
		st := &h.Stats
		var first netip.Addr
		if len(st.Addrs) > 0 {
			first = st.Addrs[0].Addr
		}
		host := rp.hostOf(first)
		if len(host) > reportHostWidth {
			host = host[:reportHostWidth]
		}
		fmt.Fprintf(rp.W, "%3d.|-- %-*s%s%6d%7.1f%6.1f%6.1f%6.1f%6.1f\n", h.TTL, reportHostWidth, host,
			lossField(st.LossPercent()), st.Sent, msOf(st.Last), msOf(st.Avg()), msOf(st.Best), msOf(st.Worst), msOf(st.StdDev()))
		// Every other address the hop answered from (ECMP, a reroute),
		// as mtr lists them under the hop.
		for _, a := range st.Addrs[min(1, len(st.Addrs)):] {
			fmt.Fprintf(rp.W, "    |  `|-- %s\n", rp.hostOf(a.Addr))
		}
	}
}

// csvHeader is mtr --csv's header line, trailing comma included; its blank
// column is the number of probes lost.
const csvHeader = "Mtr_Version,Start_Time,Status,Host,Hop,Ip,Loss%,Snt, ,Last,Avg,Best,Wrst,StDev,"

// csvVersion stands where mtr writes its version.
const csvVersion = "icmplab"

// CSV writes mtr --csv's lines for a snapshot.
func (rp *Report) CSV(s Snapshot) {
	fmt.Fprintln(rp.W, csvHeader)
	host := rp.Cfg.Name
	if host == "" {
		host = rp.Cfg.Target.String()
	}
	for _, h := range s.Hops {
		st := &h.Stats
		ip := unknownHost
		if len(st.Addrs) > 0 {
			ip = rp.hostOf(st.Addrs[0].Addr)
		}
		fmt.Fprintf(rp.W, "%s,%d,OK,%s,%d,%s,%.2f,%d,%d,%.2f,%.2f,%.2f,%.2f,%.2f\n", csvVersion, rp.Start.Unix(), host, h.TTL, ip,
			st.LossPercent(), st.Sent, st.Lost(), msOf(st.Last), msOf(st.Avg()), msOf(st.Best), msOf(st.Worst), msOf(st.StdDev()))
	}
}

// JSON shapes of --report --json and --live --json.
type jsonRound struct {
	Type      string       `json:"type"` // "round"
	Round     int          `json:"round"`
	ElapsedMS float64      `json:"elapsed_ms"`
	Hops      []jsonHopRow `json:"hops"`
}

type jsonHopRow struct {
	TTL   int        `json:"ttl"`
	Addrs []jsonAddr `json:"addrs"`
	jsonHopStats
	ThisRound *jsonRoundH `json:"this_round,omitempty"`
}

type jsonAddr struct {
	Addr  netip.Addr `json:"addr"`
	Name  string     `json:"name,omitempty"`
	Count int        `json:"count"`
}

type jsonRoundH struct {
	Answered bool        `json:"answered"`
	From     *netip.Addr `json:"from,omitempty"`
	RTTMS    *float64    `json:"rtt_ms,omitempty"`
}

type jsonSummary struct {
	Type       string       `json:"type"` // "summary"
	Target     netip.Addr   `json:"target"`
	Name       string       `json:"name,omitempty"`
	Source     netip.Addr   `json:"source"`
	Method     string       `json:"method"`
	Paris      bool         `json:"paris"`
	Flows      int          `json:"flows"`
	Cycles     int          `json:"cycles"`
	Rounds     int          `json:"rounds"`
	IntervalMS float64      `json:"interval_ms"`
	Reached    bool         `json:"reached"`
	End        string       `json:"end"`
	Sent       int          `json:"probes_sent"`
	Ignored    int          `json:"replies_ignored"`
	ElapsedMS  float64      `json:"elapsed_ms"`
	Hops       []jsonHopRow `json:"hops"`
	MTR        jsonMTR      `json:"report"`
}

// jsonMTR is mtr --json's report object.
type jsonMTR struct {
	MTR struct {
		Src   string `json:"src"`
		Dst   string `json:"dst"`
		Tests int    `json:"tests"`
	} `json:"mtr"`
	Hubs []jsonHub `json:"hubs"`
}

type jsonHub struct {
	Count int     `json:"count"`
	Host  string  `json:"host"`
	Loss  float64 `json:"Loss%"`
	Snt   int     `json:"Snt"`
	Last  float64 `json:"Last"`
	Avg   float64 `json:"Avg"`
	Best  float64 `json:"Best"`
	Wrst  float64 `json:"Wrst"`
	StDev float64 `json:"StDev"`
}

func (rp *Report) hopRows(s Snapshot) []jsonHopRow {
	rows := make([]jsonHopRow, 0, len(s.Hops))
	for _, h := range s.Hops {
		st := &h.Stats
		row := jsonHopRow{TTL: h.TTL, Addrs: []jsonAddr{}, jsonHopStats: statsJSON(st)}
		for _, a := range st.Addrs {
			ja := jsonAddr{Addr: a.Addr, Count: a.Count}
			if rp.Names != nil {
				ja.Name = rp.Names.Name(a.Addr, time.Now().Add(nameWait))
			}
			row.Addrs = append(row.Addrs, ja)
		}
		rows = append(rows, row)
	}
	return rows
}

// RoundLine writes the JSON line of a settled round.
func (rp *Report) RoundLine(s Snapshot) error {
	out := jsonRound{Type: "round", Round: s.Round, ElapsedMS: msOf(s.Elapsed), Hops: rp.hopRows(s)}
	byTTL := map[int]RoundHop{}
	for _, h := range s.LastRound {
		byTTL[h.TTL] = h
	}
	for i := range out.Hops {
		h, ok := byTTL[out.Hops[i].TTL]
		if !ok {
			continue
		}
		jr := &jsonRoundH{Answered: h.Answered}
		if h.Answered {
			from, rtt := h.From, msOf(h.RTT)
			jr.From, jr.RTTMS = &from, &rtt
		}
		out.Hops[i].ThisRound = jr
	}
	return json.NewEncoder(rp.W).Encode(out)
}

// SummaryLine writes the final JSON line.
func (rp *Report) SummaryLine(s Snapshot) error {
	c := rp.Cfg
	out := jsonSummary{Type: "summary", Target: c.Target, Name: c.Name, Source: s.Source, Method: c.Method.String(),
		Paris: c.Paris, Flows: c.Flows, Cycles: c.Cycles, Rounds: s.Round, IntervalMS: msOf(c.Interval),
		Reached: s.Reached, End: s.End, Sent: s.Sent, Ignored: s.Ignored, ElapsedMS: msOf(s.Elapsed), Hops: rp.hopRows(s)}
	out.MTR.MTR.Src, out.MTR.MTR.Dst, out.MTR.MTR.Tests = rp.Host, c.Target.String(), s.Round
	out.MTR.Hubs = []jsonHub{}
	for _, h := range s.Hops {
		st := &h.Stats
		host := unknownHost
		if len(st.Addrs) > 0 {
			host = rp.hostOf(st.Addrs[0].Addr)
		}
		out.MTR.Hubs = append(out.MTR.Hubs, jsonHub{Count: h.TTL, Host: host, Loss: st.LossPercent(), Snt: st.Sent,
			Last: msOf(st.Last), Avg: msOf(st.Avg()), Best: msOf(st.Best), Wrst: msOf(st.Worst), StDev: msOf(st.StdDev())})
	}
	return json.NewEncoder(rp.W).Encode(out)
}

// trimHost cuts a local host name at its first dot, as mtr shows it.
func trimHost(h string) string {
	if i := strings.IndexByte(h, '.'); i > 0 {
		return h[:i]
	}
	return h
}

// LocalHost is the local host's short name, for the HOST: column.
func LocalHost(hostname string) string { return trimHost(hostname) }
