package trace

import (
	"context"
	"errors"
	"net/netip"
	"strconv"
	"time"

	"icmplab/codec/story"
	"icmplab/native/internal/clock"
)

// prober sends probes of one method and posts the replies its sockets read.
type prober interface {
	// send transmits p and returns it as the IP datagram that left (the
	// header the kernel writes, built alike), for the matcher.
	send(p *Probe) ([]byte, error)
	// start launches the socket readers; they post to out until close.
	start(out chan<- reply)
	close()
	// source is the address probes leave from; packetSize the IP datagram
	// size of one probe; privileged whether answers are read whole (raw).
	source() netip.Addr
	packetSize() int
	privileged() bool
}

// HopReport is one settled hop of one flow, handed to the output as soon as
// every probe of it is answered or given up, in TTL order.
type HopReport struct {
	Flow    int
	TTL     int
	Probes  []Probe
	Settled time.Time
	Final   bool // the trace of this flow ends here
}

// FlowResult is one flow's whole trace.
type FlowResult struct {
	Flow     int
	SrcPort  uint16
	DstPort  uint16
	Hops     []HopReport
	End      string // "destination reached", "max hops (30)", "max unknown (5)", "unreachable (!H)", "interrupted"
	Reached  bool
	Finished bool
	// LastAnswered is the highest TTL any probe of the flow was answered
	// at (0: none); with an End of "max unknown (N)", the flow stopped N
	// hops past it.
	LastAnswered int
	// StoppedSilent says the flow ended after the max-unknown run of
	// silent hops, not at the destination or the hop limit.
	StoppedSilent bool
}

// Result is a finished trace.
type Result struct {
	Config     Config
	Source     netip.Addr
	PacketSize int
	Privileged bool
	Flows      []FlowResult
	Sent       int // probes sent
	Ignored    int // replies that matched no probe or quoted a different packet
	Started    time.Time
	Elapsed    time.Duration
}

// engine is the probe table and the loop that drives it.
type engine struct {
	clk      clock.Clock // the engine's time: timeouts, deadlines, settle times
	cfg      *Config
	pr       prober
	ppf      int     // probes per flow
	probes   []Probe // flow-major: flow*ppf + index
	order    []int   // send order: by TTL, then flow, then probe number
	sendPos  int
	lowPos   int // every probe before this position in order is done
	inflight int
	endTTL   []int // per flow: TTL of the final hop, or MaxHops+1 while unknown
	lastAns  []int // per flow: highest TTL answered, FirstTTL-1 while none
	unknown  int   // silent hops in a row that end a flow (0: none)
	nextHop  []int // per flow: next TTL to report
	finished []bool
	// live pairs answers with probes (codec/story's matcher, the one
	// icmplab story asks of captures); a probe's frame there is its row.
	live    *story.Matcher
	onHop   func(HopReport)
	onReply func(netip.Addr)
	res     *Result
}

// errNoSocket wraps socket setup failures.
var errNoSocket = errors.New("cannot open probe sockets")

// Tracer is a trace whose sockets are open (and privileges dropped).
type Tracer struct {
	cfg Config
	pr  prober
}

// Open normalizes cfg and opens the probe sockets.
func Open(cfg Config) (*Tracer, error) {
	if err := cfg.Normalize(); err != nil {
		return nil, err
	}
	pr, err := newProber(&cfg)
	if err != nil {
		return nil, err
	}
	return &Tracer{cfg: cfg, pr: pr}, nil
}

// PacketSize is the IP datagram size of one probe, for the banner.
func (t *Tracer) PacketSize() int { return t.pr.packetSize() }

// Privileged reports whether answers are read whole from a raw socket.
func (t *Tracer) Privileged() bool { return t.pr.privileged() }

// Run traces and closes the sockets. onHop (may be nil) receives each
// settled hop in order, per flow; onReply (may be nil) is told of every
// address that answers, so names can be looked up while the trace goes on.
func (t *Tracer) Run(ctx context.Context, onHop func(HopReport), onReply func(netip.Addr)) (*Result, error) {
	defer t.pr.close()
	return runWith(ctx, &t.cfg, t.pr, clock.Real{}, onHop, onReply)
}

// Close releases the sockets of a Tracer that will not Run.
func (t *Tracer) Close() { t.pr.close() }

// Run opens and runs a trace in one call.
func Run(ctx context.Context, cfg Config, onHop func(HopReport), onReply func(netip.Addr)) (*Result, error) {
	t, err := Open(cfg)
	if err != nil {
		return nil, err
	}
	return t.Run(ctx, onHop, onReply)
}

// runWith runs the loop over an opened prober on clk (tests pass a fake
// prober and a fake clock; the sockets' probers stamp with the wall clock).
func runWith(ctx context.Context, cfg *Config, pr prober, clk clock.Clock, onHop func(HopReport), onReply func(netip.Addr)) (*Result, error) {
	e := newEngine(cfg, pr)
	e.clk = clock.Or(clk)
	if onHop != nil {
		e.onHop = onHop
	}
	if onReply != nil {
		e.onReply = onReply
	}
	replies := make(chan reply, 256)
	pr.start(replies)
	e.res.Started = e.clk.Now()
	err := e.loop(ctx, replies)
	e.res.Elapsed = e.clk.Now().Sub(e.res.Started)
	for f := range e.res.Flows {
		if e.lastAns[f] >= cfg.FirstTTL {
			e.res.Flows[f].LastAnswered = e.lastAns[f]
		}
	}
	return e.res, err
}

func newEngine(cfg *Config, pr prober) *engine {
	ppf := cfg.probesPerFlow()
	e := &engine{
		clk: clock.Real{}, cfg: cfg, pr: pr, ppf: ppf,
		probes:   make([]Probe, cfg.Flows*ppf),
		endTTL:   make([]int, cfg.Flows),
		lastAns:  make([]int, cfg.Flows),
		unknown:  cfg.unknownLimit(),
		nextHop:  make([]int, cfg.Flows),
		finished: make([]bool, cfg.Flows),
		live:     story.New(story.Options{Window: cfg.Flows * ppf}),
		onHop:    func(HopReport) {},
		onReply:  func(netip.Addr) {},
		res: &Result{Config: *cfg, Source: pr.source(), PacketSize: pr.packetSize(), Privileged: pr.privileged(),
			Flows: make([]FlowResult, cfg.Flows)},
	}
	for f := 0; f < cfg.Flows; f++ {
		e.endTTL[f] = cfg.MaxHops + 1
		e.lastAns[f] = cfg.FirstTTL - 1
		e.nextHop[f] = cfg.FirstTTL
		e.res.Flows[f].Flow = f
		for i := 0; i < ppf; i++ {
			e.probes[f*ppf+i] = Probe{Flow: f, TTL: cfg.FirstTTL + i/cfg.Queries, N: i % cfg.Queries, Index: i}
		}
	}
	for ttl := cfg.FirstTTL; ttl <= cfg.MaxHops; ttl++ {
		for f := 0; f < cfg.Flows; f++ {
			for n := 0; n < cfg.Queries; n++ {
				e.order = append(e.order, f*ppf+(ttl-cfg.FirstTTL)*cfg.Queries+n)
			}
		}
	}
	return e
}

// loop is the single send/receive/update loop.
func (e *engine) loop(ctx context.Context, replies <-chan reply) error {
	timer := e.clk.NewTimer(time.Hour)
	defer timer.Stop()
	for {
		// Replies the kernel already queued are taken before any probe is
		// given up, so that a stall of this goroutine never turns an answered
		// probe into a timeout.
		for more := true; more; {
			select {
			case r := <-replies:
				e.apply(r)
			default:
				more = false
			}
		}
		now := e.clk.Now()
		next := e.expire(now)
		if err := e.sendMore(); err != nil {
			return err
		}
		e.emit()
		if e.allFinished() {
			return nil
		}
		if n := e.expire(e.clk.Now()); next.IsZero() || (!n.IsZero() && n.Before(next)) {
			next = n
		}
		wait := time.Hour
		if !next.IsZero() {
			wait = max(next.Sub(e.clk.Now()), 0)
		}
		timer.Reset(wait)
		select {
		case r := <-replies:
			e.apply(r)
			for more := true; more; { // take what else is queued before deciding
				select {
				case r := <-replies:
					e.apply(r)
				default:
					more = false
				}
			}
		case <-timer.C():
		case <-ctx.Done():
			for f := range e.finished {
				if !e.finished[f] {
					e.finished[f] = true
					e.res.Flows[f].End = "interrupted"
				}
			}
			return ctx.Err()
		}
		if !timer.Stop() {
			select {
			case <-timer.C():
			default:
			}
		}
	}
}

// waitPrecision is added to a measured round trip before scaling it, as
// traceroute's DEF_WAIT_PREC, so sub-millisecond hops are not cut too short.
const waitPrecision = time.Millisecond

// timeout is how long probe i may stay unanswered: traceroute's -w MAX,HERE,NEAR.
func (e *engine) timeout(i int) time.Duration {
	p := &e.probes[i]
	return adaptiveWait(e.cfg.Wait, e.probes, i, i-p.N, e.cfg.Queries, (p.Flow+1)*e.ppf)
}

// adaptiveWait is traceroute's -w MAX,HERE,NEAR for probe i of tbl: the
// hop's probes are tbl[first:first+q], and the probes of later hops sent
// along with it (the same flow, the same round) run from there to end.
func adaptiveWait(w Wait, tbl []Probe, i, first, q, end int) time.Duration {
	if w.Here > 0 {
		for j := first; j < first+q; j++ {
			if p := &tbl[j]; p.answered() {
				if rtt := p.RTT(); rtt > 0 {
					return min(time.Duration(float64(rtt+waitPrecision)*w.Here), w.Max)
				}
			}
		}
	}
	if w.Near > 0 {
		for j := i + 1; j < end && !tbl[j].Sent.IsZero(); j++ {
			if p := &tbl[j]; p.answered() {
				if rtt := p.RTT(); rtt > 0 {
					return min(time.Duration(float64(rtt+waitPrecision)*w.Near), w.Max)
				}
			}
		}
	}
	return w.Max
}

// expire gives up the probes whose wait is over and returns the earliest
// deadline still ahead (zero when nothing is in flight).
func (e *engine) expire(now time.Time) time.Time {
	var next time.Time
	for e.lowPos < e.sendPos && e.probes[e.order[e.lowPos]].done() {
		e.lowPos++
	}
	for pos := e.lowPos; pos < e.sendPos; pos++ {
		i := e.order[pos]
		p := &e.probes[i]
		if p.Outcome != Pending || p.Sent.IsZero() {
			continue
		}
		dl := p.Sent.Add(e.timeout(i))
		if !now.Before(dl) {
			p.Outcome = TimedOut
			e.inflight--
			continue
		}
		if next.IsZero() || dl.Before(next) {
			next = dl
		}
	}
	return next
}

// sendMore fills the in-flight window in table order, skipping hops past a
// flow's known end, and waiting (sending nothing further) while the next
// probe would go more than the max-unknown hops past the flow's last answer.
func (e *engine) sendMore() error {
	for e.inflight < e.cfg.InFlight && e.sendPos < len(e.order) {
		i := e.order[e.sendPos]
		p := &e.probes[i]
		if p.TTL > e.endTTL[p.Flow] || e.finished[p.Flow] {
			e.sendPos++
			p.Outcome = Skipped
			continue
		}
		if e.unknown > 0 && p.TTL > e.lastAns[p.Flow]+e.unknown {
			return nil // an answer may yet move the limit on
		}
		e.sendPos++
		p.Sent = e.clk.Now() // the prober refines it to just before the send
		ip, err := e.pr.send(p)
		if err != nil {
			return err
		}
		e.live.Sent(story.Packet{Frame: i, Time: p.Sent, IP: ip})
		e.inflight++
		e.res.Sent++
		if fr := &e.res.Flows[p.Flow]; fr.DstPort == 0 {
			fr.SrcPort, fr.DstPort = p.SrcPort, p.DstPort
		}
	}
	return nil
}

// apply asks the matcher which probe a reply answers and records it
// there; a reply it pairs with no probe (other traffic, a quote of another
// datagram) is counted and ignored, as is an advisory one.
func (e *engine) apply(r reply) {
	mt := e.live.Received(story.Packet{Time: r.at, IP: r.ip})
	o := outcomeOf(mt.Outcome)
	if !mt.Answers() || o == Pending {
		e.res.Ignored++
		return
	}
	p := &e.probes[mt.Frame]
	if p.Outcome != Pending {
		// Late or duplicate: the probe was settled already. A late answer
		// still proves the hop answers, so the silent run is not counted
		// from below it.
		if p.Outcome == TimedOut {
			e.answeredAt(p.Flow, p.TTL)
		}
		return
	}
	p.fill(r, o)
	e.inflight--
	e.answeredAt(p.Flow, p.TTL)
	e.onReply(p.From)
	if p.Outcome.final() && p.TTL < e.endTTL[p.Flow] {
		e.endTTL[p.Flow] = p.TTL
		for j := p.Flow * e.ppf; j < (p.Flow+1)*e.ppf; j++ {
			q := &e.probes[j]
			if q.TTL > p.TTL && q.Outcome == Pending {
				if !q.Sent.IsZero() {
					e.inflight--
				}
				q.Outcome = Skipped
			}
		}
	}
}

// answeredAt notes an answer from hop ttl of flow f.
func (e *engine) answeredAt(f, ttl int) {
	if ttl > e.lastAns[f] {
		e.lastAns[f] = ttl
	}
}

// emit reports every hop that is settled, in order, and ends flows.
func (e *engine) emit() {
	for f := range e.finished {
		for !e.finished[f] {
			ttl := e.nextHop[f]
			last := min(e.endTTL[f], e.cfg.MaxHops)
			if ttl > last {
				e.finish(f, nil)
				break
			}
			start := f*e.ppf + (ttl-e.cfg.FirstTTL)*e.cfg.Queries
			hop := e.probes[start : start+e.cfg.Queries]
			settled := true
			for k := range hop {
				if !hop[k].done() {
					settled = false
					break
				}
			}
			if !settled {
				break
			}
			// Every hop up to this one is settled, and none past it was
			// probed unless an answer allowed it: a silent run this long
			// past the last answer is the end.
			silent := e.unknown > 0 && ttl < last && ttl-e.lastAns[f] >= e.unknown
			h := HopReport{Flow: f, TTL: ttl, Probes: append([]Probe(nil), hop...), Settled: e.clk.Now(), Final: ttl == last || silent}
			e.res.Flows[f].Hops = append(e.res.Flows[f].Hops, h)
			e.nextHop[f]++
			e.onHop(h)
			if silent {
				e.finishUnknown(f)
				break
			}
			if ttl == last {
				var fin *Probe
				for k := range h.Probes {
					if h.Probes[k].Outcome.final() {
						fin = &h.Probes[k]
						break
					}
				}
				e.finish(f, fin)
			}
		}
	}
}

// finish ends flow f; fin is the probe that ended it, if any.
func (e *engine) finish(f int, fin *Probe) {
	e.finished[f] = true
	fr := &e.res.Flows[f]
	fr.Finished = true
	fr.Reached = fin != nil && fin.Outcome == Reached
	fr.End = endReason(fin, e.cfg.MaxHops, fin == nil)
}

// finishUnknown ends flow f after the max-unknown run of silent hops.
func (e *engine) finishUnknown(f int) {
	e.finished[f] = true
	fr := &e.res.Flows[f]
	fr.Finished, fr.StoppedSilent = true, true
	fr.End = EndMaxUnknown(e.unknown)
}

// EndMaxUnknown is the end reason of a flow stopped after n silent hops.
func EndMaxUnknown(n int) string { return "max unknown (" + strconv.Itoa(n) + ")" }

func (e *engine) allFinished() bool {
	for _, f := range e.finished {
		if !f {
			return false
		}
	}
	return true
}
