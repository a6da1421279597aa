package story

import (
	"bufio"
	"encoding/json"
	"io"
	"math"
	"net/netip"
	"time"
)

// The --json schema (README, "icmplab story"): one object per exchange per line.
// Fields are only ever added. Values unknown or absent are null.

type jsonTrace struct {
	Kind    string     `json:"kind"`
	Family  int        `json:"family"`
	Src     netip.Addr `json:"src"`
	Dst     netip.Addr `json:"dst"`
	Method  string     `json:"method"`
	Hops    []jsonHop  `json:"hops"`
	Beyond  []jsonHop  `json:"beyond"`
	Reached bool       `json:"reached"`
	End     string     `json:"end"`
	Mark    string     `json:"mark"`
	Sent    int        `json:"sent"`
	Rounds  int        `json:"rounds"`
	Cycles  bool       `json:"cycles"`
	// Added with the tool guess and tracepath's facts.
	Tool     string `json:"tool"`
	PMTU     *int   `json:"pmtu"`
	HopsTo   *int   `json:"hops_to"`
	HopsBack *int   `json:"hops_back"`
}

type jsonHop struct {
	TTL    uint8       `json:"ttl"`
	Probes []jsonProbe `json:"probes"`
	PMTU   *int        `json:"pmtu"`
}

type jsonProbe struct {
	N           int         `json:"n"`
	ProbeFrame  int         `json:"probe_frame"`
	AnswerFrame *int        `json:"answer_frame"`
	Addr        *netip.Addr `json:"addr"`
	RTTms       *float64    `json:"rtt_ms"`
	Type        *uint8      `json:"type"`
	Code        *uint8      `json:"code"`
	Mark        string      `json:"mark,omitempty"`
	TCP         string      `json:"tcp,omitempty"` // "syn-ack" or "rst" when a TCP segment answered
	TTL         uint8       `json:"ttl"`
	Size        *int        `json:"size"` // the probe's IP length, from its header
	DF          bool        `json:"df"`
	MTU         *uint32     `json:"mtu"`  // reported by fragmentation needed, packet too big
	Back        *int        `json:"back"` // hops the answer crossed back (Back)
}

// positive is v, or nil when it is 0 (unknown).
func positive(v int) *int {
	if v <= 0 {
		return nil
	}
	return &v
}

type jsonPing struct {
	Kind        string          `json:"kind"`
	Family      int             `json:"family"`
	Src         netip.Addr      `json:"src"`
	Dst         netip.Addr      `json:"dst"`
	ID          uint16          `json:"id"`
	Extended    bool            `json:"extended"`
	Transmitted int             `json:"transmitted"`
	Received    int             `json:"received"`
	Duplicates  int             `json:"duplicates"`
	Replies     []jsonReply     `json:"replies"`
	Errors      []jsonPingError `json:"errors"`
	Lost        []uint16        `json:"lost"`
}

type jsonReply struct {
	Seq          uint16   `json:"seq"`
	RTTms        *float64 `json:"rtt_ms"`
	TTL          uint8    `json:"ttl"`
	Dup          bool     `json:"dup"`
	RequestFrame int      `json:"request_frame"`
	ReplyFrame   int      `json:"reply_frame"`
}

type jsonPingError struct {
	Seq          uint16     `json:"seq"`
	From         netip.Addr `json:"from"`
	Type         uint8      `json:"type"`
	Code         uint8      `json:"code"`
	Frame        int        `json:"frame"`
	RequestFrame int        `json:"request_frame"`
}

// rttMs is a round trip in milliseconds rounded to the microsecond, or nil.
func rttMs(d time.Duration, ok bool) *float64 {
	if !ok {
		return nil
	}
	v := math.Round(float64(d)/float64(time.Microsecond)) / 1000
	return &v
}

// MarshalJSON encodes an exchange in the --json schema.
func (e Exchange) MarshalJSON() ([]byte, error) {
	if e.Ping != nil {
		return json.Marshal(pingJSON(e.Ping))
	}
	if e.Trace != nil {
		return json.Marshal(traceJSON(e.Trace))
	}
	return []byte("null"), nil
}

func hopsJSON(hops []Hop) []jsonHop {
	out := make([]jsonHop, 0, len(hops))
	for _, h := range hops {
		jh := jsonHop{TTL: h.TTL, Probes: make([]jsonProbe, 0, len(h.Probes)), PMTU: positive(h.PMTU)}
		for _, p := range h.Probes {
			jp := jsonProbe{N: p.N, ProbeFrame: p.Frame, TTL: p.TTL, Size: positive(p.IPLen), DF: p.DF}
			if a := p.Answer; a != nil {
				f, addr := a.Frame, a.From
				jp.AnswerFrame, jp.Addr, jp.RTTms, jp.Mark = &f, &addr, rttMs(a.RTT, a.HasRTT), a.Mark
				jp.Back = positive(Back(a.TTL))
				if a.MTU > 0 {
					m := a.MTU
					jp.MTU = &m
				}
				if a.TCP {
					jp.TCP = "syn-ack"
					if a.RST {
						jp.TCP = "rst"
					}
				} else {
					t, c := uint8(a.Type), uint8(a.Code)
					jp.Type, jp.Code = &t, &c
				}
			}
			jh.Probes = append(jh.Probes, jp)
		}
		out = append(out, jh)
	}
	return out
}

func traceJSON(t *Trace) jsonTrace {
	return jsonTrace{Kind: KindTrace.String(), Family: int(t.Family), Src: t.Src, Dst: t.Dst, Method: t.Method.String(),
		Hops: hopsJSON(t.Hops), Beyond: hopsJSON(t.Beyond), Reached: t.Reached, End: t.End.String(), Mark: t.Mark,
		Sent: t.Sent, Rounds: t.Rounds, Cycles: t.Cycles,
		Tool: t.Tool.String(), PMTU: positive(t.PMTU), HopsTo: positive(t.HopsTo), HopsBack: positive(t.HopsBack)}
}

func pingJSON(p *Ping) jsonPing {
	j := jsonPing{Kind: KindPing.String(), Family: int(p.Family), Src: p.Src, Dst: p.Dst, ID: p.ID, Extended: p.Extended,
		Transmitted: p.Transmitted, Received: p.Received, Duplicates: p.Duplicates,
		Replies: make([]jsonReply, 0, len(p.Replies)), Errors: make([]jsonPingError, 0, len(p.Errors)),
		Lost: append(make([]uint16, 0, len(p.Lost)), p.Lost...)}
	for _, r := range p.Replies {
		j.Replies = append(j.Replies, jsonReply{Seq: r.Seq, RTTms: rttMs(r.RTT, r.HasRTT), TTL: r.TTL, Dup: r.Dup,
			RequestFrame: r.RequestFrame, ReplyFrame: r.ReplyFrame})
	}
	for _, e := range p.Errors {
		j.Errors = append(j.Errors, jsonPingError{Seq: e.Seq, From: e.From, Type: uint8(e.Type), Code: uint8(e.Code),
			Frame: e.Frame, RequestFrame: e.RequestFrame})
	}
	return j
}

// WriteJSON writes one JSON object per exchange per line.
func WriteJSON(w io.Writer, r *Result) error {
	bw := bufio.NewWriter(w)
	for _, e := range r.Exchanges {
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		bw.Write(b)
		bw.WriteByte('\n')
	}
	if r.Untracked > 0 || r.Unlisted > 0 {
		b, _ := json.Marshal(jsonLimit{Kind: "limit", Untracked: r.Untracked, Limit: r.Limit, Unlisted: r.Unlisted, PerProbe: MaxAnswersPerProbe})
		bw.Write(b)
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// jsonLimit is the last line when probes came past the matcher's limit.
type jsonLimit struct {
	Kind      string `json:"kind"`
	Untracked int    `json:"untracked"`
	Limit     int    `json:"limit"`
	// Unlisted answers came past PerProbe (MaxAnswersPerProbe) for their
	// probe: counted in the exchange, not listed.
	Unlisted int `json:"unlisted"`
	PerProbe int `json:"answers_per_probe"`
}
