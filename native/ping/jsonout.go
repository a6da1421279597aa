package ping

import (
	"encoding/json"
	"errors"
	"math"
	"time"

	"icmplab/codec"
)

// JSONSink prints one JSON object per line: a "start" object, one per
// reply, error, timeout and PROBE reply, and a final "summary" whose
// end_reason says why the run stopped ("count", "deadline", "interrupted",
// "error"). Times are milliseconds with nanosecond precision, from kernel
// timestamps.
type JSONSink struct {
	out   *Output
	start Start
}

// NewJSONSink prints JSON lines to out.
func NewJSONSink(out *Output) *JSONSink { return &JSONSink{out: out} }

type jsonStart struct {
	Type         string `json:"type"`
	Host         string `json:"host"`
	Addr         string `json:"addr"`
	Source       string `json:"source,omitempty"`
	Device       string `json:"device,omitempty"`
	Socket       string `json:"socket"`
	ID           uint16 `json:"id"`
	PayloadBytes int    `json:"payload_bytes"`
	Probe        string `json:"probe,omitempty"`
}

type jsonEvent struct {
	Type        string   `json:"type"`
	Host        string   `json:"host"`
	Seq         uint16   `json:"seq"`
	From        string   `json:"from,omitempty"`
	Time        string   `json:"time,omitempty"`
	Bytes       int      `json:"bytes,omitempty"`
	TTL         *int     `json:"ttl,omitempty"`
	RTTms       *float64 `json:"rtt_ms,omitempty"`
	KernelTime  bool     `json:"kernel_timestamp,omitempty"`
	Dup         bool     `json:"dup,omitempty"`
	BadChecksum bool     `json:"bad_checksum,omitempty"`
	Late        bool     `json:"late,omitempty"`
	Truncated   bool     `json:"truncated,omitempty"`
	ICMPType    *uint8   `json:"icmp_type,omitempty"`
	ICMPCode    *uint8   `json:"icmp_code,omitempty"`
	TypeName    string   `json:"type_name,omitempty"`
	CodeName    string   `json:"code_name,omitempty"`
	Text        string   `json:"text,omitempty"`
	MTU         uint32   `json:"mtu,omitempty"`
	Interface   string   `json:"interface,omitempty"`
	Active      *bool    `json:"active,omitempty"`
	IPv4        *bool    `json:"ipv4,omitempty"`
	IPv6        *bool    `json:"ipv6,omitempty"`
	Error       string   `json:"error,omitempty"`
}

type jsonSummary struct {
	Type        string   `json:"type"`
	Host        string   `json:"host"`
	Addr        string   `json:"addr,omitempty"`
	Transmitted int      `json:"transmitted"`
	Received    int      `json:"received"`
	Duplicates  int      `json:"duplicates"`
	Corrupted   int      `json:"corrupted"`
	Errors      int      `json:"errors"`
	LossPercent float64  `json:"loss_percent"`
	TimeMS      float64  `json:"time_ms"`
	RTTMinMS    *float64 `json:"rtt_min_ms,omitempty"`
	RTTAvgMS    *float64 `json:"rtt_avg_ms,omitempty"`
	RTTMaxMS    *float64 `json:"rtt_max_ms,omitempty"`
	RTTMdevMS   *float64 `json:"rtt_mdev_ms,omitempty"`
	Pipe        int      `json:"pipe,omitempty"`
	EndReason   string   `json:"end_reason,omitempty"`
	Error       string   `json:"error,omitempty"`
	ExitCode    *int     `json:"exit_code,omitempty"`
}

func (j *JSONSink) emit(v any) {
	b, err := json.Marshal(v)
	if err != nil { // cannot happen with these types; say so rather than lose it
		b = []byte(`{"type":"internal_error","error":` + quote(err.Error()) + `}`)
	}
	j.out.write(string(b) + "\n")
}

func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// Start prints the "start" object.
func (j *JSONSink) Start(s Start) {
	j.start = s
	js := jsonStart{Type: "start", Host: s.Host, Addr: s.Addr.String(), Device: s.Device,
		Socket: s.Socket, ID: s.ID, PayloadBytes: s.Size}
	if s.Source.IsValid() {
		js.Source = s.Source.String()
	}
	if s.Probe != nil {
		js.Probe = s.Probe.Describe()
	}
	j.emit(js)
}

// round6 keeps nanosecond precision in milliseconds without float noise.
func round6(v float64) float64 { return math.Round(v*1e6) / 1e6 }

func ptr[T any](v T) *T { return &v }

// Event prints one outcome. The flood display's "sent" events and -O's
// "no answer yet" are left out: "timeout" objects say it precisely.
func (j *JSONSink) Event(ev Event) {
	if ev.Kind == EventSent || ev.Kind == EventNoAnswerYet {
		return
	}
	je := jsonEvent{Type: ev.Kind.String(), Host: j.start.Host, Seq: ev.Seq,
		Dup: ev.Dup, BadChecksum: ev.BadChecksum, Late: ev.Late, Truncated: ev.Truncated,
		KernelTime: ev.KernelTime, Bytes: ev.Bytes}
	if ev.From.IsValid() {
		je.From = ev.From.String()
	}
	if !ev.At.IsZero() {
		je.Time = ev.At.UTC().Format(time.RFC3339Nano)
	}
	if ev.TTL >= 0 {
		je.TTL = ptr(ev.TTL)
	}
	if ev.HasRTT {
		je.RTTms = ptr(round6(float64(ev.RTT) / float64(time.Millisecond)))
	}
	switch ev.Kind {
	case EventError:
		je.ICMPType, je.ICMPCode = ptr(uint8(ev.Type)), ptr(uint8(ev.Code))
		je.TypeName = codec.TypeName(ev.Family, ev.Type)
		je.CodeName = codec.CodeName(ev.Family, ev.Type, ev.Code)
		je.Text = ErrorText(ev)
		je.MTU = ev.MTU
	case EventProbeReply:
		je.ICMPType, je.ICMPCode = ptr(uint8(ev.Type)), ptr(uint8(ev.Code))
		je.CodeName = ev.Probe.CodeName()
		if j.start.Probe != nil {
			je.Interface = j.start.Probe.Arg
		}
		if ev.Probe.OK() {
			je.Active, je.IPv4, je.IPv6 = ptr(ev.Probe.Active), ptr(ev.Probe.IPv4), ptr(ev.Probe.IPv6)
		}
	case EventLocalError, EventSendError:
		if ev.Err != nil {
			je.Error = ev.Err.Error()
		}
	}
	j.emit(je)
}

func (j *JSONSink) summary(typ string, s Summary) jsonSummary {
	js := jsonSummary{Type: typ, Host: s.Host,
		Transmitted: s.Transmitted, Received: s.Received, Duplicates: s.Duplicates,
		Corrupted: s.Corrupted, Errors: s.Errors, LossPercent: round6(s.LossPercent()),
		TimeMS: round6(float64(s.Elapsed) / float64(time.Millisecond)), EndReason: string(s.EndReason), Pipe: s.Pipe}
	if s.Addr.IsValid() {
		js.Addr = s.Addr.String()
	}
	if s.Stats.N > 0 {
		js.RTTMinMS = ptr(round6(s.Stats.MinMS))
		js.RTTAvgMS = ptr(round6(s.Stats.AvgMS()))
		js.RTTMaxMS = ptr(round6(s.Stats.MaxMS))
		js.RTTMdevMS = ptr(round6(s.Stats.MdevMS()))
	}
	if s.Err != nil {
		js.Error = s.Err.Error()
	}
	return js
}

// Failed prints the "summary" of a host that never started: its name did
// not resolve (end_reason "unresolved") or its socket could not be set up
// ("error"). Nothing was sent; the exit code is 2, as iputils' for it.
func (j *JSONSink) Failed(host string, err error) {
	reason := EndError
	var re interface{ Unresolved() bool }
	if errors.As(err, &re) && re.Unresolved() {
		reason = EndUnresolved
	}
	js := j.summary("summary", Summary{Host: host, EndReason: reason, Err: err})
	js.ExitCode = ptr(2)
	j.emit(js)
}

// EndUnresolved: the host's name could not be resolved; nothing was sent.
// Only the command line reports it (the engine never runs).
const EndUnresolved EndReason = "unresolved"

// Status prints a "status" object (SIGQUIT).
func (j *JSONSink) Status(s Summary) { j.emit(j.summary("status", s)) }

// End prints the "summary" object with its end_reason and exit code.
func (j *JSONSink) End(s Summary) {
	js := j.summary("summary", s)
	js.ExitCode = ptr(s.ExitCode())
	j.emit(js)
}
