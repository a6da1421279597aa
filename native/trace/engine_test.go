package trace

import (
	"context"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/native/internal/clock"
)

// fakeProber is a function-backed prober: answer decides, for each probe
// sent, what (if anything) comes back and after how long. Answers are
// scheduled on a fake clock, which runFake moves from one event to the next
// whenever the engine waits: no test depends on the machine's speed.
// Probes are UDP datagrams from fakeSrc port 1000, and answers the ICMP
// errors a router or the target sends about them, built with codec: what
// the engine's matcher reads from the sockets.
type fakeProber struct {
	mu       sync.Mutex
	clk      *clock.Fake
	out      chan<- reply
	answer   func(p Probe) (fakeAnswer, time.Duration, bool)
	sent     []Probe
	inflight int
	peak     int
	timers   []clock.Timer
}

// fakeAnswer is what comes back about a probe: an ICMP error from `from`,
// quoting the probe, or (with qsrc, qdst or dport set) a datagram the
// probe is not.
type fakeAnswer struct {
	from       netip.Addr
	typ        codec.Type
	code       codec.Code
	qsrc, qdst netip.Addr
	dport      uint16
}

var (
	fakeSrc    = netip.MustParseAddr("198.18.0.1")
	fakeTarget = netip.MustParseAddr("198.18.9.9")
	fakeEpoch  = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
)

// fakeSport is the fake probes' source port.
const fakeSport = 1000

func (f *fakeProber) source() netip.Addr { return fakeSrc }
func (f *fakeProber) packetSize() int    { return 60 }
func (f *fakeProber) privileged() bool   { return true }
func (f *fakeProber) start(out chan<- reply) {
	f.out = out
}
func (f *fakeProber) close() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, t := range f.timers {
		t.Stop()
	}
}

// clock is the fake's clock, made on first use.
func (f *fakeProber) clock() *clock.Fake {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.clk == nil {
		f.clk = clock.NewFake(fakeEpoch)
	}
	return f.clk
}

// fakeDatagram is a UDP probe (or what an answer quotes as one).
func fakeDatagram(src, dst netip.Addr, ttl int, dport uint16) []byte {
	seg := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: fakeSport, DstPort: dport}, make([]byte, 32), src, dst)
	return ipWrap(nil, codec.IPv4, codec.ProtoUDP, src, dst, ttl, seg)
}

// datagram is the answer to a probe sent with TTL ttl to dport.
func (a fakeAnswer) datagram(ttl int, dport uint16) []byte {
	qsrc, qdst := fakeSrc, fakeTarget
	if a.qsrc.IsValid() {
		qsrc = a.qsrc
	}
	if a.qdst.IsValid() {
		qdst = a.qdst
	}
	if a.dport != 0 {
		dport = a.dport
	}
	quote := fakeDatagram(qsrc, qdst, 1, dport)
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: a.typ, Code: a.code}, codec.ErrorBody{Quote: quote})
	return ipWrap(nil, codec.IPv4, codec.ProtoICMP, a.from, fakeSrc, 64, msg)
}

func (f *fakeProber) send(p *Probe) ([]byte, error) {
	clk := f.clock()
	p.Sent = clk.Now()
	dport := uint16(33434 + p.Index + 100*p.Flow)
	p.SrcPort, p.DstPort = fakeSport, dport
	ip := fakeDatagram(fakeSrc, fakeTarget, p.TTL, dport)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.sent = append(f.sent, *p)
	f.inflight++
	f.peak = max(f.peak, f.inflight)
	a, d, ok := f.answer(*p)
	if !ok {
		return ip, nil
	}
	answer := a.datagram(p.TTL, dport)
	f.timers = append(f.timers, clk.AfterFunc(d, func() {
		f.mu.Lock()
		f.inflight--
		f.mu.Unlock()
		f.out <- reply{at: clk.Now(), ip: answer}
	}))
	return ip, nil
}

// runSimulated runs the engine over f on f's fake clock: each time the
// engine arms its timer (it has done all it can at the present time), the
// clock moves on to the next event, an answer or the engine's own timer.
func runSimulated(t *testing.T, cfg *Config, f *fakeProber, onHop func(HopReport)) (*Result, error) {
	t.Helper()
	clk := f.clock()
	var res *Result
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		res, err = runWith(context.Background(), cfg, f, clk, onHop, nil)
	}()
	for {
		select {
		case <-clk.Armed():
			clk.Step()
		case <-done:
			return res, err
		}
	}
}

// hopReply is a router's time exceeded from 198.18.ttl.2, quoting the probe.
func hopReply(ttl int) fakeAnswer {
	return fakeAnswer{from: netip.AddrFrom4([4]byte{198, 18, byte(ttl), 2}), typ: codec.ICMPv4TimeExceeded}
}

func destReply(code codec.Code) fakeAnswer {
	return fakeAnswer{from: fakeTarget, typ: codec.ICMPv4DestinationUnreachable, code: code}
}

func runFake(t *testing.T, cfg Config, f *fakeProber) (*Result, []HopReport) {
	t.Helper()
	cfg.Target = fakeTarget
	if err := cfg.Normalize(); err != nil {
		t.Fatal(err)
	}
	var got []HopReport
	res, err := runSimulated(t, &cfg, f, func(h HopReport) { got = append(got, h) })
	f.close()
	if err != nil {
		t.Fatal(err)
	}
	return res, got
}

// TestEngineTrace: routers at hops 1-5 with hop 3 silent, the target at 6.
// Hops are reported in order, the silent one as timeouts, the trace ends at
// the target, and nothing past it waits.
func TestEngineTrace(t *testing.T) {
	f := &fakeProber{answer: func(p Probe) (fakeAnswer, time.Duration, bool) {
		switch {
		case p.TTL == 3:
			return fakeAnswer{}, 0, false
		case p.TTL >= 6:
			return destReply(codec.CodePortUnreachable), time.Millisecond, true
		}
		return hopReply(p.TTL), time.Millisecond, true
	}}
	res, got := runFake(t, Config{Wait: Wait{Max: 3 * time.Second, Here: 3, Near: 10}, InFlight: 8}, f)
	if len(got) != 6 {
		t.Fatalf("%d hops reported, want 6", len(got))
	}
	for i, h := range got {
		if h.TTL != i+1 {
			t.Fatalf("hop %d reported as TTL %d", i+1, h.TTL)
		}
		for _, p := range h.Probes {
			switch {
			case h.TTL == 3 && p.Outcome != TimedOut:
				t.Errorf("silent hop probe %d: %v", p.N, p.Outcome)
			case h.TTL == 6 && p.Outcome != Reached:
				t.Errorf("target probe %d: %v", p.N, p.Outcome)
			case h.TTL != 3 && h.TTL != 6 && (p.Outcome != HopAnswered || p.From != hopReply(h.TTL).from):
				t.Errorf("hop %d probe %d: %v from %s", h.TTL, p.N, p.Outcome, p.From)
			}
		}
	}
	if !got[5].Final || res.Flows[0].End != "destination reached" || !res.Flows[0].Reached {
		t.Fatalf("end %q, final %v", res.Flows[0].End, got[5].Final)
	}
	if f.peak > 8 {
		t.Fatalf("%d probes in flight at once, limit 8", f.peak)
	}
	for _, p := range f.sent {
		if p.TTL > 6+(8/3)+1 {
			t.Fatalf("probe sent at TTL %d, far past the target at 6", p.TTL)
		}
	}
}

// TestEngineTimeout checks traceroute's -w MAX,HERE,NEAR rule on a table.
func TestEngineTimeout(t *testing.T) {
	cfg := Config{Target: fakeTarget, Queries: 3, MaxHops: 5, Wait: Wait{Max: time.Second, Here: 3, Near: 10}}
	if err := cfg.Normalize(); err != nil {
		t.Fatal(err)
	}
	e := newEngine(&cfg, &fakeProber{})
	t0 := time.Unix(1000, 0)
	sent := func(i int) { e.probes[i].Sent = t0 }
	answer := func(i int, rtt time.Duration) {
		e.probes[i].Sent, e.probes[i].Recv, e.probes[i].Outcome = t0, t0.Add(rtt), HopAnswered
	}
	sent(0)
	if got := e.timeout(0); got != time.Second {
		t.Fatalf("nothing answered: %v, want MAX", got)
	}
	// A later hop answered in 1 ms: NEAR * (1 ms + 1 ms precision).
	answer(4, time.Millisecond)
	sent(1)
	sent(2)
	sent(3)
	if got := e.timeout(0); got != 20*time.Millisecond {
		t.Fatalf("later hop answered: %v, want 20ms", got)
	}
	// The same hop answered in 2 ms: HERE * 3 ms wins over NEAR.
	answer(1, 2*time.Millisecond)
	if got := e.timeout(0); got != 9*time.Millisecond {
		t.Fatalf("same hop answered: %v, want 9ms", got)
	}
	// Never more than MAX.
	answer(1, 900*time.Millisecond)
	if got := e.timeout(0); got != time.Second {
		t.Fatalf("slow hop: %v, want MAX", got)
	}
	// NEAR looks only at probes already sent, in order: hop 4's first
	// probe (9) sees no answer before the unsent probe 10, so hop 5's
	// answer (12) does not count.
	sent(9)
	answer(12, time.Millisecond)
	if got := e.timeout(9); got != time.Second {
		t.Fatalf("answer beyond an unsent probe: %v, want MAX", got)
	}
}

// TestEngineIgnoresOtherPackets: answers quoting another destination or
// source, or matching no probe, are counted and ignored; the probes time out.
func TestEngineIgnoresOtherPackets(t *testing.T) {
	f := &fakeProber{answer: func(p Probe) (fakeAnswer, time.Duration, bool) {
		r := hopReply(p.TTL)
		switch p.N {
		case 0:
			r.qdst = netip.MustParseAddr("198.18.7.7")
		case 1:
			r.qsrc = netip.MustParseAddr("198.18.7.8")
		default:
			r.dport = 2
		}
		return r, time.Millisecond, true
	}}
	res, got := runFake(t, Config{MaxHops: 2, Wait: Wait{Max: 100 * time.Millisecond}}, f)
	if res.Ignored != 6 {
		t.Fatalf("%d replies ignored, want 6", res.Ignored)
	}
	for _, h := range got {
		for _, p := range h.Probes {
			if p.Outcome != TimedOut {
				t.Fatalf("hop %d probe %d: %v, want timeout", h.TTL, p.N, p.Outcome)
			}
		}
	}
	if res.Flows[0].End != "max hops (2)" {
		t.Fatalf("end %q", res.Flows[0].End)
	}
}

// TestEngineUnreachable: a host unreachable ends the trace with its mark.
func TestEngineUnreachable(t *testing.T) {
	f := &fakeProber{answer: func(p Probe) (fakeAnswer, time.Duration, bool) {
		if p.TTL >= 2 {
			r := destReply(codec.CodeHostUnreachable)
			r.from = netip.MustParseAddr("198.18.2.2")
			return r, time.Millisecond, true
		}
		return hopReply(p.TTL), time.Millisecond, true
	}}
	res, got := runFake(t, Config{}, f)
	if len(got) != 2 || res.Flows[0].End != "unreachable (!H)" || res.Flows[0].Reached {
		t.Fatalf("%d hops, end %q", len(got), res.Flows[0].End)
	}
	pr := &Printer{Cfg: &res.Config}
	if line := pr.Line(got[1]); !strings.HasPrefix(line, " 2  198.18.2.2  ") || strings.Count(line, "!H") != 3 {
		t.Fatalf("line %q", line)
	}
}

// TestEngineFlows: with several flows each is traced and reported in TTL
// order, and the printer emits flow blocks one after the other.
func TestEngineFlows(t *testing.T) {
	f := &fakeProber{answer: func(p Probe) (fakeAnswer, time.Duration, bool) {
		if p.TTL >= 3 {
			return destReply(codec.CodePortUnreachable), time.Duration(3-p.Flow) * time.Millisecond, true
		}
		r := hopReply(p.TTL)
		if p.TTL == 2 && p.Flow%2 == 1 {
			r.from = netip.MustParseAddr("198.18.22.2")
		}
		return r, time.Duration(3-p.Flow) * time.Millisecond, true
	}}
	var b strings.Builder
	cfg := Config{Target: fakeTarget, Flows: 3, Queries: 1, NoDNS: true}
	if err := cfg.Normalize(); err != nil {
		t.Fatal(err)
	}
	pr := &Printer{W: &b, Cfg: &cfg}
	pr.Header(60)
	res, err := runSimulated(t, &cfg, f, pr.Hop)
	if err != nil {
		t.Fatal(err)
	}
	pr.Flush()
	pr.Summary(res)
	want := `traceroute to 198.18.9.9 (198.18.9.9), 30 hops max, 60 byte packets, 3 Paris flows
flow 1:
 1  198.18.1.2  X
 2  198.18.2.2  X
 3  198.18.9.9  X
flow 2:
 1  198.18.1.2  X
 2  198.18.22.2  X
 3  198.18.9.9  X
flow 3:
 1  198.18.1.2  X
 2  198.18.2.2  X
 3  198.18.9.9  X
2 distinct path(s) across 3 flows:
  path 1 (flows 1,3): 198.18.1.2 198.18.2.2 198.18.9.9
  path 2 (flows 2): 198.18.1.2 198.18.22.2 198.18.9.9
`
	got := rttRe.ReplaceAllString(b.String(), "X")
	if got != want {
		t.Fatalf("got:\n%s\nwant:\n%s", got, want)
	}
}

// TestEngineStopsAfterSilentRun: routers at hops 1 and 2 answer, nothing
// past them does. With the default max-unknown (5) the trace stops after
// hops 3-7, sends nothing past hop 7, and takes one wait (5 s on the fake
// clock) instead of traceroute's five rounds of it; with NoMaxUnknown it
// goes on to -m.
func TestEngineStopsAfterSilentRun(t *testing.T) {
	answer := func(p Probe) (fakeAnswer, time.Duration, bool) {
		if p.TTL <= 2 {
			return hopReply(p.TTL), time.Millisecond, true
		}
		return fakeAnswer{}, 0, false
	}
	f := &fakeProber{answer: answer}
	res, got := runFake(t, Config{}, f)
	require.Len(t, got, 7)
	assert.True(t, got[6].Final)
	fl := res.Flows[0]
	assert.Equal(t, "max unknown (5)", fl.End)
	assert.True(t, fl.StoppedSilent)
	assert.False(t, fl.Reached)
	assert.Equal(t, 2, fl.LastAnswered)
	assert.Len(t, f.sent, 21, "3 probes at each of hops 1-7")
	for _, p := range f.sent {
		assert.LessOrEqual(t, p.TTL, 7)
	}
	// Hops 6 and 7 left when the first answers freed the window (1 ms):
	// every silent probe was in flight at once, and the trace took one wait.
	assert.Equal(t, DefaultWait.Max+time.Millisecond, res.Elapsed)

	var b strings.Builder
	(&Printer{W: &b, Cfg: &res.Config}).Summary(res)
	assert.Equal(t, "no answer from hops 3-7, 5 in a row past the last answer: stopped (--max-unknown 5; 0 probes on to hop 30)\n", b.String())

	f = &fakeProber{answer: answer}
	res, got = runFake(t, Config{MaxUnknown: NoMaxUnknown, MaxHops: 12}, f)
	assert.Len(t, got, 12)
	assert.Equal(t, "max hops (12)", res.Flows[0].End)
}

// TestEngineSilentRunDoesNotCutSlowAnswers: hops 3-6 are silent, hop 7 is
// the destination and answers only after 4.5 s (slow ICMP generation, within
// the 5 s wait), and hop 2 answers only every other probe: the silent run is
// 4, one short of the limit, and the destination is reached.
func TestEngineSilentRunDoesNotCutSlowAnswers(t *testing.T) {
	answer := func(p Probe) (fakeAnswer, time.Duration, bool) {
		switch {
		case p.TTL == 2 && p.N%2 == 1:
			return fakeAnswer{}, 0, false
		case p.TTL <= 2:
			return hopReply(p.TTL), time.Millisecond, true
		case p.TTL >= 7:
			return destReply(codec.CodePortUnreachable), 4500 * time.Millisecond, true
		}
		return fakeAnswer{}, 0, false
	}
	res, got := runFake(t, Config{}, &fakeProber{answer: answer})
	require.Len(t, got, 7)
	assert.Equal(t, "destination reached", res.Flows[0].End)
	assert.True(t, res.Flows[0].Reached)
	for _, p := range got[6].Probes {
		assert.Equal(t, Reached, p.Outcome)
		assert.Equal(t, 4500*time.Millisecond, p.RTT())
	}
}
