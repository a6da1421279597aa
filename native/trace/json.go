package trace

import (
	"encoding/json"
	"io"
	"net/netip"
	"strings"
	"time"

	"icmplab/codec"
)

// JSON shapes of --json, as JSON lines so that a script can follow a long
// trace: one "hop" line per hop as it settles, then one "summary" line with
// every hop and probe, names, extensions, and an explicit end reason per
// flow (end_reason, one of the EndReason values; end, the sentence).
type jsonResult struct {
	Type       string     `json:"type"` // "summary"
	Target     netip.Addr `json:"target"`
	Name       string     `json:"name,omitempty"`
	Source     netip.Addr `json:"source"`
	Method     string     `json:"method"`
	Family     int        `json:"family"`
	Port       uint16     `json:"port,omitempty"`
	Paris      bool       `json:"paris"`
	MaxHops    int        `json:"max_hops"`
	FirstTTL   int        `json:"first_ttl"`
	Queries    int        `json:"queries"`
	PacketSize int        `json:"packet_size"`
	Privileged bool       `json:"privileged"`
	Flows      []jsonFlow `json:"flows"`
	Paths      []Path     `json:"paths,omitempty"`
	EndReason  EndReason  `json:"end_reason"`
	End        string     `json:"end"`
	Sent       int        `json:"probes_sent"`
	Ignored    int        `json:"replies_ignored"`
	ElapsedMS  float64    `json:"elapsed_ms"`
}

type jsonFlow struct {
	Flow      int       `json:"flow"`
	SrcPort   uint16    `json:"src_port,omitempty"`
	DstPort   uint16    `json:"dst_port,omitempty"`
	EndReason EndReason `json:"end_reason"`
	End       string    `json:"end"`
	Reached   bool      `json:"reached"`
	Hops      []jsonHop `json:"hops"`
}

type jsonHop struct {
	Type   string      `json:"type,omitempty"` // "hop" on a hop line
	Flow   int         `json:"flow,omitempty"` // on a hop line: the flow, from 1
	TTL    int         `json:"ttl"`
	Probes []jsonProbe `json:"probes"`
	// Stats is the hop's statistics over its probes, computed as --report
	// computes them over rounds.
	Stats jsonHopStats `json:"stats"`
}

// jsonHopStats is HopStats in JSON, shared by the one-shot trace's hops and
// the rounds' lines.
type jsonHopStats struct {
	Sent        int     `json:"sent"`
	Received    int     `json:"received"`
	Lost        int     `json:"lost"`
	InFlight    int     `json:"in_flight"`
	Late        int     `json:"late"`
	LossPct     float64 `json:"loss_pct"`
	LastMS      float64 `json:"last_ms"`
	AvgMS       float64 `json:"avg_ms"`
	BestMS      float64 `json:"best_ms"`
	WorstMS     float64 `json:"worst_ms"`
	StdDevMS    float64 `json:"stdev_ms"`
	JitterMS    float64 `json:"jitter_ms"`
	JitterAvgMS float64 `json:"jitter_avg_ms"`
	JitterMaxMS float64 `json:"jitter_max_ms"`
	PathChanges int     `json:"path_changes"`
}

func statsJSON(st *HopStats) jsonHopStats {
	return jsonHopStats{Sent: st.Sent, Received: st.Received, Lost: st.Lost(), InFlight: st.InFlight, Late: st.Late,
		LossPct: st.LossPercent(), LastMS: msOf(st.Last), AvgMS: msOf(st.Avg()), BestMS: msOf(st.Best),
		WorstMS: msOf(st.Worst), StdDevMS: msOf(st.StdDev()), JitterMS: msOf(st.Jitter),
		JitterAvgMS: msOf(st.JitterAvg()), JitterMaxMS: msOf(st.JitterMax), PathChanges: st.PathChanges}
}

type jsonProbe struct {
	N          int         `json:"n"`
	Outcome    string      `json:"outcome"`
	From       *netip.Addr `json:"from,omitempty"`
	Name       string      `json:"name,omitempty"`
	RTTMS      *float64    `json:"rtt_ms,omitempty"`
	ICMPType   *uint8      `json:"icmp_type,omitempty"`
	ICMPCode   *uint8      `json:"icmp_code,omitempty"`
	TypeName   string      `json:"type_name,omitempty"`
	CodeName   string      `json:"code_name,omitempty"`
	TCPFlags   uint16      `json:"tcp_flags,omitempty"`
	Annotation string      `json:"annotation,omitempty"`
	MTU        uint32      `json:"mtu,omitempty"`
	Extensions []ExtObject `json:"extensions,omitempty"`
	ExtLayout  string      `json:"ext_layout,omitempty"`
	QuotedTTL  *uint8      `json:"quoted_ttl,omitempty"`
	QuotedTOS  *uint8      `json:"quoted_tos,omitempty"`
}

// EndReason is the enum of why a flow's trace ended, for scripts (the
// end sentence says the same for people).
type EndReason string

const (
	ReasonReached     EndReason = "reached"     // the target answered
	ReasonUnreachable EndReason = "unreachable" // an unreachable error ended it (end says which mark)
	ReasonMaxHops     EndReason = "max_hops"    // no answer from the target by -m
	ReasonMaxUnknown  EndReason = "max_unknown" // --max-unknown silent hops in a row past the last answer
	ReasonInterrupted EndReason = "interrupted" // SIGINT, SIGTERM or SIGHUP, or the trace could not go on
)

// ReasonOf is the enum value of a flow's end sentence (FlowResult.End).
func ReasonOf(end string) EndReason {
	for _, r := range []struct {
		prefix string
		reason EndReason
	}{{"destination reached", ReasonReached}, {"unreachable", ReasonUnreachable}, {"max hops", ReasonMaxHops}, {"max unknown", ReasonMaxUnknown}} {
		if strings.HasPrefix(end, r.prefix) {
			return r.reason
		}
	}
	return ReasonInterrupted
}

// WriteHopJSON writes one settled hop as a JSON line (type "hop"); names
// are those already known (the summary line waits for the rest).
func WriteHopJSON(w io.Writer, h HopReport, res *Resolver) error {
	jh := hopJSON(h, res, time.Time{})
	jh.Type, jh.Flow = "hop", h.Flow+1
	return json.NewEncoder(w).Encode(jh)
}

func hopJSON(h HopReport, res *Resolver, deadline time.Time) jsonHop {
	st := StatsOf(h)
	jh := jsonHop{TTL: h.TTL, Stats: statsJSON(&st), Probes: []jsonProbe{}}
	for i := range h.Probes {
		jh.Probes = append(jh.Probes, probeJSON(&h.Probes[i], res, deadline))
	}
	return jh
}

// WriteJSON writes r as the summary line; names come from res (nil: none),
// waited for until deadline.
func WriteJSON(w io.Writer, r *Result, res *Resolver, deadline time.Time) error {
	c := r.Config
	out := jsonResult{Type: "summary", Target: c.Target, Name: c.Name, Source: r.Source, Method: c.Method.String(), Family: 4,
		Paris: c.Paris, MaxHops: c.MaxHops, FirstTTL: c.FirstTTL, Queries: c.Queries, PacketSize: r.PacketSize,
		Privileged: r.Privileged, Sent: r.Sent, Ignored: r.Ignored, Port: c.Port,
		ElapsedMS: float64(r.Elapsed) / float64(time.Millisecond)}
	if c.Target.Is6() {
		out.Family = 6
	}
	for _, f := range r.Flows {
		jf := jsonFlow{Flow: f.Flow + 1, SrcPort: f.SrcPort, DstPort: f.DstPort, EndReason: ReasonOf(f.End), End: f.End, Reached: f.Reached, Hops: []jsonHop{}}
		for _, h := range f.Hops {
			jf.Hops = append(jf.Hops, hopJSON(h, res, deadline))
		}
		out.Flows = append(out.Flows, jf)
	}
	if len(r.Flows) > 0 {
		out.End = r.Flows[0].End
	}
	out.EndReason = ReasonOf(out.End)
	if c.Flows > 1 {
		out.Paths = Paths(r)
	}
	return json.NewEncoder(w).Encode(out)
}

func probeJSON(p *Probe, res *Resolver, deadline time.Time) jsonProbe {
	jp := jsonProbe{N: p.N, Outcome: p.Outcome.String()}
	if !p.answered() {
		return jp
	}
	from := p.From
	jp.From = &from
	jp.Name = res.Name(p.From, deadline)
	rtt := float64(p.RTT()) / float64(time.Millisecond)
	jp.RTTMS = &rtt
	if p.ICMP {
		t, c := uint8(p.Type), uint8(p.Code)
		jp.ICMPType, jp.ICMPCode = &t, &c
		jp.TypeName, jp.CodeName = codec.TypeName(p.Family, p.Type), codec.CodeName(p.Family, p.Type, p.Code)
	}
	jp.TCPFlags, jp.Annotation, jp.MTU = p.TCP, p.Annot, p.MTU
	jp.Extensions, jp.ExtLayout = p.Ext, layoutTag(p.Layout)
	if p.HaveQuote {
		ttl, tos := p.QuotedTTL, p.QuotedTOS
		jp.QuotedTTL, jp.QuotedTOS = &ttl, &tos
	}
	return jp
}
