package trace

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"time"

	"icmplab/codec/story"
	"icmplab/native/internal/clock"
)

// Rounds are what --report and --live run: a round sends Queries probes to
// every hop (one by default, as mtr does), a round starts every Interval,
// and each hop keeps HopStats over all of them. It is the one-shot trace's
// machinery run again and again: the same prober (sockets, matcher, privilege
// handling), the same Probe rows, the same adaptive wait and max-unknown
// rule, the same statistics.
//
// Rounds overlap: a round's slow or silent probes are still waited for while
// the next round goes out. The probe table is a ring of Window rounds; a
// probe's identity (UDP port, ICMP sequence, TCP port) is its place in the
// ring, so an answer that comes very late (two waits or more) cannot be
// taken for a newer probe's: its slot is only reused after that long.

// Control is a command to running rounds (the live view's keys).
type Control uint8

const (
	Pause  Control = iota + 1 // start no new round; probes in flight settle
	Resume                    // start rounds again
	Reset                     // forget every statistic; probes in flight are ignored when they settle
)

// HopRow is one hop of a snapshot: its TTL and a copy of its statistics.
type HopRow struct {
	TTL   int
	Stats HopStats
}

// Snapshot is the state of running rounds, handed to the caller after each
// round settles and when rounds start, and returned at the end.
type Snapshot struct {
	Round     int // rounds settled, from 1
	Started   int // rounds started
	Paused    bool
	Hops      []HopRow
	Reached   bool   // the destination answered
	End       string // set on the final snapshot: "cycles (5)", "interrupted"
	Elapsed   time.Duration
	Source    netip.Addr
	Sent      int
	Ignored   int
	Began     time.Time
	Finished  bool
	LastRound []RoundHop // what each hop did in the round that just settled
}

// RoundHop is one hop's outcome in one round: answered (with the round
// trip and address) or not. With several probes per hop per round, the
// first answer.
type RoundHop struct {
	TTL      int
	Answered bool
	From     netip.Addr
	RTT      time.Duration
}

// probeSlot is what the rounds engine keeps beside a Probe.
type probeSlot struct {
	round int // the round the probe belongs to
	gen   int // the statistics generation it was sent in (Reset starts a new one)
	used  bool
}

// rounder is the rounds engine.
type rounder struct {
	clk      clock.Clock
	cfg      *Config
	pr       prober
	hops     int // TTLs in a round: FirstTTL..MaxHops
	perRound int // probes per flow per round: hops * Queries
	window   int // rounds in the ring
	probes   []Probe
	slots    []probeSlot
	// live pairs answers with probes (codec/story's matcher); a probe's
	// frame there is its number in send order, rows maps it to its row.
	live      *story.Matcher
	rows      []int32
	queue     []queued
	inflight  int
	pending   []int // per ring slot: probes of its round not settled
	stats     []HopStats
	endTTL    []int // per flow
	lastAns   []int // per flow
	sentUpTo  []int // per flow: highest TTL queued in the latest round
	unknown   int
	started   int
	settled   int
	gen       int
	paused    bool
	sent      int
	ignored   int
	reached   bool
	maxProbed int
	onRound   func(Snapshot)
	onReply   func(netip.Addr)
	source    netip.Addr
	start     time.Time
}

// queued is a probe waiting for room in the in-flight window.
type queued struct{ i, round int }

// minWindow is the fewest rounds the ring holds.
const minWindow = 4

// ErrRounds wraps settings that cannot make rounds.
var ErrRounds = errors.New("rounds")

func newRounder(cfg *Config, pr prober, clk clock.Clock) (*rounder, error) {
	if cfg.Interval <= 0 {
		return nil, fmt.Errorf("%w: interval %v: want above 0", ErrRounds, cfg.Interval)
	}
	hops := cfg.MaxHops - cfg.FirstTTL + 1
	per := hops * cfg.Queries
	// The ring covers two waits, so a slot is reused only after any
	// answer to its last probe has long been given up on.
	w := max(int((2*cfg.Wait.Max+cfg.Interval-1)/cfg.Interval)+1, minWindow)
	limit := 0xfffe - int(cfg.Port)
	if w*per > limit {
		w = limit / per
	}
	if w < 2 {
		return nil, fmt.Errorf("%w: %d probes per round leave no room for overlapping rounds under port %d", ErrRounds, per, cfg.Port)
	}
	r := &rounder{
		clk: clock.Or(clk), cfg: cfg, pr: pr, hops: hops, perRound: per, window: w,
		probes: make([]Probe, cfg.Flows*w*per), slots: make([]probeSlot, cfg.Flows*w*per),
		pending: make([]int, w), stats: make([]HopStats, hops),
		endTTL: make([]int, cfg.Flows), lastAns: make([]int, cfg.Flows), sentUpTo: make([]int, cfg.Flows),
		unknown: cfg.unknownLimit(), onRound: func(Snapshot) {}, onReply: func(netip.Addr) {},
		source: pr.source(),
	}
	for f := range r.endTTL {
		r.endTTL[f] = cfg.MaxHops + 1
		r.lastAns[f] = cfg.FirstTTL - 1
	}
	// The matcher holds as many probes as the ring: an answer to a probe
	// sent longer ago than that is paired with nothing.
	r.live = story.New(story.Options{Window: len(r.probes)})
	r.rows = make([]int32, len(r.probes))
	return r, nil
}

// RunRounds runs rounds over the trace's sockets until Config.Cycles rounds
// have settled (0: until ctx ends), and closes the sockets. onRound (may be
// nil) receives a snapshot after every round settles and when one starts;
// ctrl (may be nil) pauses, resumes and resets. The final snapshot is
// returned (also after an interruption, with End "interrupted").
func (t *Tracer) RunRounds(ctx context.Context, ctrl <-chan Control, onRound func(Snapshot), onReply func(netip.Addr)) (Snapshot, error) {
	defer t.pr.close()
	return runRounds(ctx, &t.cfg, t.pr, clock.Real{}, ctrl, onRound, onReply)
}

func runRounds(ctx context.Context, cfg *Config, pr prober, clk clock.Clock, ctrl <-chan Control,
	onRound func(Snapshot), onReply func(netip.Addr)) (Snapshot, error) {
	r, err := newRounder(cfg, pr, clk)
	if err != nil {
		return Snapshot{}, err
	}
	if onRound != nil {
		r.onRound = onRound
	}
	if onReply != nil {
		r.onReply = onReply
	}
	replies := make(chan reply, 256)
	pr.start(replies)
	r.start = r.clk.Now()
	end, err := r.loop(ctx, replies, ctrl)
	s := r.snapshot()
	s.End, s.Finished = end, true
	return s, err
}

// loop is the rounds' send/receive/update loop, one goroutine as the
// one-shot trace's.
func (r *rounder) loop(ctx context.Context, replies <-chan reply, ctrl <-chan Control) (string, error) {
	timer := r.clk.NewTimer(time.Hour)
	defer timer.Stop()
	nextRound := r.clk.Now()
	for {
		for more := true; more; {
			select {
			case rp := <-replies:
				r.apply(rp)
			default:
				more = false
			}
		}
		now := r.clk.Now()
		if r.wantRound() && !now.Before(nextRound) {
			r.startRound()
			nextRound = nextRound.Add(r.cfg.Interval)
			if !nextRound.After(now) { // fell behind (a stall): no burst
				nextRound = now.Add(r.cfg.Interval)
			}
		}
		next := r.expire(now)
		if err := r.sendMore(); err != nil {
			return "error", err
		}
		r.settleRounds()
		if r.cfg.Cycles > 0 && r.settled >= r.cfg.Cycles {
			return fmt.Sprintf("cycles (%d)", r.cfg.Cycles), nil
		}
		if r.wantRound() && (next.IsZero() || nextRound.Before(next)) {
			next = nextRound
		}
		wait := time.Hour
		if !next.IsZero() {
			wait = max(next.Sub(r.clk.Now()), 0)
		}
		timer.Reset(wait)
		select {
		case rp := <-replies:
			r.apply(rp)
		case <-timer.C():
		case c := <-ctrl:
			r.control(c, &nextRound)
		case <-ctx.Done():
			return "interrupted", ctx.Err()
		}
		timer.Stop()
	}
}

// wantRound says whether another round may start.
func (r *rounder) wantRound() bool {
	return !r.paused && (r.cfg.Cycles == 0 || r.started < r.cfg.Cycles)
}

func (r *rounder) control(c Control, nextRound *time.Time) {
	switch c {
	case Pause:
		r.paused = true
	case Resume:
		if r.paused {
			r.paused = false
			*nextRound = r.clk.Now()
		}
	case Reset:
		r.gen++
		for i := range r.stats {
			r.stats[i].Reset()
		}
	}
	r.onRound(r.snapshot())
}

// index is the table row of flow f's probe n at ttl in ring slot.
func (r *rounder) index(f, slot, ttl, n int) int {
	return (f*r.window+slot)*r.perRound + (ttl-r.cfg.FirstTTL)*r.cfg.Queries + n
}

// limit is the highest TTL flow f may probe now: not past its destination,
// nor more than max-unknown hops past its last answer.
func (r *rounder) limit(f int) int {
	l := min(r.endTTL[f], r.cfg.MaxHops)
	if r.unknown > 0 {
		l = min(l, r.lastAns[f]+r.unknown)
	}
	return l
}

// startRound clears the round's ring slot and queues its probes.
func (r *rounder) startRound() {
	round := r.started
	r.started++
	slot := round % r.window
	for f := 0; f < r.cfg.Flows; f++ {
		base := r.index(f, slot, r.cfg.FirstTTL, 0)
		for i := base; i < base+r.perRound; i++ {
			r.clear(i)
		}
		r.sentUpTo[f] = r.cfg.FirstTTL - 1
		r.queueUpTo(f, round)
	}
	r.onRound(r.snapshot())
}

// clear empties row i for reuse: a probe still in flight there is given up.
func (r *rounder) clear(i int) {
	p, s := &r.probes[i], &r.slots[i]
	if s.used {
		if p.Outcome == Pending {
			r.settle(i)
			if !p.Sent.IsZero() {
				r.inflight--
				if s.gen == r.gen {
					r.stats[p.TTL-r.cfg.FirstTTL].timedOut()
				}
			}
		}
	}
	*s = probeSlot{}
}

// queueUpTo queues flow f's probes of round (the latest) up to its limit.
func (r *rounder) queueUpTo(f, round int) {
	slot := round % r.window
	for ttl := r.sentUpTo[f] + 1; ttl <= r.limit(f); ttl++ {
		for n := 0; n < r.cfg.Queries; n++ {
			i := r.index(f, slot, ttl, n)
			r.probes[i] = Probe{Flow: f, TTL: ttl, N: n, Index: i - f*r.window*r.perRound}
			r.slots[i] = probeSlot{round: round, gen: r.gen, used: true}
			r.pending[slot]++
			r.queue = append(r.queue, queued{i, round})
		}
		r.sentUpTo[f] = ttl
	}
}

// sendMore sends queued probes while the in-flight window has room.
func (r *rounder) sendMore() error {
	for r.inflight < r.cfg.InFlight && len(r.queue) > 0 {
		q := r.queue[0]
		r.queue = r.queue[1:]
		p, s := &r.probes[q.i], &r.slots[q.i]
		if !s.used || s.round != q.round || p.Outcome != Pending {
			continue
		}
		if p.TTL > r.endTTL[p.Flow] {
			p.Outcome = Skipped
			r.settle(q.i)
			continue
		}
		p.Sent = r.clk.Now()
		ip, err := r.pr.send(p)
		if err != nil {
			return err
		}
		p.num = r.sent + 1 // 0 is a row not sent since it was filled
		r.rows[r.sent%len(r.rows)] = int32(q.i)
		r.live.Sent(story.Packet{Frame: r.sent, Time: p.Sent, IP: ip})
		r.inflight++
		r.sent++
		r.maxProbed = max(r.maxProbed, p.TTL)
		if s.gen == r.gen {
			r.stats[p.TTL-r.cfg.FirstTTL].sent()
		}
	}
	return nil
}

// settle counts probe i's round one probe closer to settled.
func (r *rounder) settle(i int) {
	r.pending[r.slots[i].round%r.window]--
}

// expire gives up the probes in flight whose wait is over and returns the
// earliest wait still running.
func (r *rounder) expire(now time.Time) time.Time {
	var next time.Time
	for f := 0; f < r.cfg.Flows; f++ {
		for slot := 0; slot < r.window; slot++ {
			if r.pending[slot] == 0 {
				continue
			}
			base := r.index(f, slot, r.cfg.FirstTTL, 0)
			end := base + r.perRound
			for i := base; i < end; i++ {
				p := &r.probes[i]
				if !r.slots[i].used || p.Outcome != Pending || p.Sent.IsZero() {
					continue
				}
				dl := p.Sent.Add(adaptiveWait(r.cfg.Wait, r.probes, i, i-p.N, r.cfg.Queries, end))
				if !now.Before(dl) {
					p.Outcome = TimedOut
					r.inflight--
					r.settle(i)
					if r.slots[i].gen == r.gen {
						r.stats[p.TTL-r.cfg.FirstTTL].timedOut()
					}
					continue
				}
				if next.IsZero() || dl.Before(next) {
					next = dl
				}
			}
		}
	}
	return next
}

// apply records an answer on the probe the matcher pairs it with: on time,
// late (after its wait), or ignored (paired with nothing, advisory, or a
// probe whose row has since gone to a newer one).
func (r *rounder) apply(rp reply) {
	mt := r.live.Received(story.Packet{Time: rp.at, IP: rp.ip})
	o := outcomeOf(mt.Outcome)
	if !mt.Answers() || o == Pending {
		r.ignored++
		return
	}
	i := int(r.rows[mt.Frame%len(r.rows)])
	p, s := &r.probes[i], &r.slots[i]
	if !s.used || p.num != mt.Frame+1 {
		r.ignored++
		return
	}
	late := p.Outcome == TimedOut
	if p.Outcome != Pending && !late {
		return // a duplicate
	}
	p.fill(rp, o)
	if !late {
		r.inflight--
		r.settle(i)
	}
	if s.gen == r.gen {
		st := &r.stats[p.TTL-r.cfg.FirstTTL]
		st.answered(p.From, p.RTT(), late)
		if len(p.Ext) > 0 {
			st.Ext = p.Ext
		}
	}
	r.onReply(p.From)
	f := p.Flow
	if p.Outcome.final() {
		r.reached = r.reached || p.Outcome == Reached
		if p.TTL < r.endTTL[f] {
			r.endTTL[f] = p.TTL
		}
	}
	if p.TTL > r.lastAns[f] {
		r.lastAns[f] = p.TTL
		if s.round == r.started-1 {
			r.queueUpTo(f, s.round) // the latest round may now go further
		}
	}
}

// settleRounds reports, in order, every round whose probes have all settled.
func (r *rounder) settleRounds() {
	for r.settled < r.started && r.pending[r.settled%r.window] == 0 {
		round := r.settled
		r.settled++
		s := r.snapshot()
		s.LastRound = r.roundHops(round)
		r.onRound(s)
	}
}

// lastTTL is the highest TTL shown: the destination's hop once known, else
// the highest probed.
func (r *rounder) lastTTL() int {
	last := 0
	for f := range r.endTTL {
		if r.endTTL[f] <= r.cfg.MaxHops {
			last = max(last, r.endTTL[f])
		} else {
			last = max(last, min(r.maxProbed, r.limit(f)))
		}
	}
	return last
}

// snapshot copies the statistics of the hops shown.
func (r *rounder) snapshot() Snapshot {
	s := Snapshot{Round: r.settled, Started: r.started, Paused: r.paused, Reached: r.reached,
		Elapsed: r.clk.Now().Sub(r.start), Source: r.source, Sent: r.sent, Ignored: r.ignored, Began: r.start}
	for ttl := r.cfg.FirstTTL; ttl <= r.lastTTL(); ttl++ {
		st := r.stats[ttl-r.cfg.FirstTTL]
		st.Addrs = append([]AddrCount(nil), st.Addrs...)
		st.History = append([]time.Duration(nil), st.History...)
		s.Hops = append(s.Hops, HopRow{TTL: ttl, Stats: st})
	}
	return s
}

// roundHops is what each shown hop did in one round.
func (r *rounder) roundHops(round int) []RoundHop {
	slot := round % r.window
	var out []RoundHop
	for ttl := r.cfg.FirstTTL; ttl <= r.lastTTL(); ttl++ {
		h := RoundHop{TTL: ttl}
		for f := 0; f < r.cfg.Flows && !h.Answered; f++ {
			for n := 0; n < r.cfg.Queries; n++ {
				i := r.index(f, slot, ttl, n)
				if p := &r.probes[i]; r.slots[i].used && r.slots[i].round == round && p.answered() {
					h.Answered, h.From, h.RTT = true, p.From, p.RTT()
					break
				}
			}
		}
		out = append(out, h)
	}
	return out
}
