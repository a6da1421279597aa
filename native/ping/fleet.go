package ping

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"sync/atomic"
	"time"

	"icmplab/codec"
	"icmplab/codec/story"
	"icmplab/native/icmpsock"
	"icmplab/native/internal/clock"
)

// DefaultGap is the shortest time between any two probes of a fleet, to
// any targets: fping's -i. One millisecond (1,000 probes a second) is a
// rate any path and any receive buffer takes; -i per target still applies.
const DefaultGap = time.Millisecond

// Target is one host a fleet pings.
type Target struct {
	Host string // as the user gave it
	Addr netip.Addr
}

// fleetTarget is what a fleet keeps per target: a few dozen bytes and its
// Stats, so that thousands of targets cost kilobytes, not a goroutine and
// a socket each.
type fleetTarget struct {
	addr                         netip.Addr
	next                         time.Time // when its next probe is due
	first, last                  time.Time // its first and last probes
	sent, received, dups, errors int32
	corrupted                    int32
	stats                        Stats
}

// fleetSlot is what a fleet remembers of one sequence number. Sequence
// numbers are the fleet's, counted across all its targets as fping counts
// them, so one identifier and one socket serve every target: a reply is
// ours when its identifier is the fleet's, its sequence number was sent,
// its source is the target that sequence number went to, and its payload
// carries the cookie.
type fleetSlot struct {
	sent   time.Duration // since the fleet's start
	num    int           // the probe's number (the matcher's frame): several share a slot
	target int32
	flags  uint8
}

// Fleet pings many targets of one family through one connection, on one
// send schedule and one receive loop, as fping does: each target's probes
// are -i apart, and any two probes at least Gap apart.
type Fleet struct {
	cfg     Config
	gap     time.Duration
	conn    Conn
	clk     clock.Clock
	epoch   time.Time // the start: slots' times count from it
	targets []fleetTarget
	hosts   []Target

	id      uint16
	cookie  [CookieLen]byte
	payload []byte
	msg     []byte
	reqType codec.Type
	live    *liveMatch // pairs answers with probes; its window is the slots'

	// slots are indexed by sequence number modulo their count, a power of
	// two: as many as may wait for an answer at once (slotCount).
	slots []fleetSlot
	// sent counts every probe sent; expired those settled or given up
	// on, in send order (the slots double as the queue, as in Pinger).
	sent, expired, inflight int
	// cursor is the next target to send to: targets take turns in
	// argument order, so the one due next is always the one after the last.
	cursor int
	rounds int // completed turns through every target
}

// NewFleet prepares a fleet. cfg holds the settings every target shares
// (its Dst is ignored); gap is the least time between two probes (0: none).
func NewFleet(cfg Config, gap time.Duration, targets []Target, conn Conn) (*Fleet, error) {
	if len(targets) == 0 {
		return nil, errors.New("ping: no targets")
	}
	if cfg.Probe != nil || cfg.Flood {
		return nil, errors.New("ping: several targets ping with echo requests at an interval, not --probe or -f")
	}
	if gap < 0 {
		return nil, fmt.Errorf("ping: negative gap %v", gap)
	}
	cfg.Dst = targets[0].Addr
	if err := cfg.normalize(); err != nil {
		return nil, err
	}
	if cfg.Interval == 0 {
		cfg.Interval = floodInterval // -i 0 with many targets: the gap paces them
	}
	f := &Fleet{cfg: cfg, gap: gap, conn: conn, clk: clock.Real{}, hosts: targets,
		targets: make([]fleetTarget, len(targets)), slots: make([]fleetSlot, slotCount(cfg.Count, len(targets), gap, cfg.Timeout))}
	if c, ok := conn.(Clocked); ok {
		f.clk = clock.Or(c.Clock())
	}
	for i, t := range targets {
		if t.Addr.Is6() != (cfg.Family == codec.IPv6) {
			return nil, fmt.Errorf("ping: %s is not an %v address", t.Addr, cfg.Family)
		}
		f.targets[i].addr = t.Addr.Unmap()
	}
	var err error
	if f.id, f.cookie, err = echoIdentity(conn); err != nil {
		return nil, err
	}
	f.payload = buildPayload(cfg.Size, f.cookie, cfg.Pattern)
	f.reqType = echoRequest(cfg.Family, false)
	f.live = newLiveMatch(cfg.Family, cfg.Src, conn, len(f.slots))
	return f, nil
}

// Run pings every target until each has sent -c probes and had them
// answered or timed out, or the -w deadline, or ctx's cancellation, and
// returns one summary per target, in the order given.
func (f *Fleet) Run(ctx context.Context) []Summary {
	var interrupted atomic.Bool
	stopAfter := context.AfterFunc(ctx, func() { interrupted.Store(true); f.conn.SetReadDeadline(aLongTimeAgo) })
	defer stopAfter()

	buf := make([]byte, max(f.cfg.Size+8+60+64, 1500))
	start := f.clk.Now()
	f.epoch = start
	var deadline time.Time
	if f.cfg.Deadline > 0 {
		deadline = start.Add(f.cfg.Deadline)
	}
	for i := range f.targets {
		f.targets[i].next = start
	}
	nextSend := start // the gap's constraint
	var armed time.Time
	reason := EndCount
	var fatal error
	for {
		if interrupted.Load() {
			reason = EndInterrupted
			break
		}
		now := f.clk.Now()
		f.expire(now)
		if !deadline.IsZero() && !now.Before(deadline) {
			reason = EndDeadline
			break
		}
		if !f.wantSend() && f.inflight == 0 {
			break
		}
		if f.wantSend() {
			due := nextSend
			if t := f.targets[f.cursor].next; t.After(due) {
				due = t
			}
			if !now.Before(due) {
				at := f.send()
				nextSend = at.Add(f.gap)
				continue
			}
		}
		wake := f.wakeAt(now, nextSend, deadline)
		if armed.IsZero() || wake.Before(armed) || !now.Before(armed) {
			if err := f.conn.SetReadDeadline(wake); err != nil {
				reason, fatal = EndError, err
				break
			}
			armed = wake
		}
		if interrupted.Load() {
			continue
		}
		pk, err := f.conn.Recv(buf)
		switch {
		case err == nil:
			f.handle(pk)
		case errors.Is(err, os.ErrDeadlineExceeded):
			armed = time.Time{}
		case errors.Is(err, ErrSkip):
		default:
			var le *icmpsock.LocalError
			if !errors.As(err, &le) { // a local error names no target: it is lost
				reason, fatal = EndError, err
			}
		}
		if fatal != nil {
			break
		}
	}
	return f.summaries(reason, fatal)
}

// fleetWindow is the most slots a fleet keeps, one per sequence number.
const fleetWindow = 1 << 16

// slotCount is how many slots a run needs, and its matcher's window: one
// for every probe that may still be waiting for its answer, no more. When
// the gap paces the sends, no more than timeout/gap+1 probes go out within
// one reply timeout, so a slot comes round again only once its probe has
// timed out (4,094 targets at 1 ms with -W 2: 2,048 slots, not one per
// probe sent); without a gap, or without a timeout, one per probe the run
// sends. Rounded up to a power of two, at most fleetWindow. A slot that
// comes round to a probe still waiting (a run past what the slots cover)
// gives that probe up (Fleet.send).
func slotCount(count, targets int, gap, timeout time.Duration) int {
	need := 0 // no bound: as many as there are sequence numbers
	if count > 0 {
		need = count * targets
	}
	if gap > 0 && timeout != Forever {
		if inFlight := int(min(timeout/gap, fleetWindow)) + 2; need == 0 || inFlight < need {
			need = inFlight
		}
	}
	n := 1
	for n < fleetWindow && (need == 0 || n < need) {
		n <<= 1
	}
	return n
}

// slot is seq's slot.
func (f *Fleet) slot(seq uint16) *fleetSlot { return &f.slots[int(seq)&(len(f.slots)-1)] }

// wantSend reports whether probes remain to be sent.
func (f *Fleet) wantSend() bool {
	return f.cfg.Count == 0 || f.rounds < f.cfg.Count
}

// wakeAt is the next moment something is due without a packet arriving.
func (f *Fleet) wakeAt(now, nextSend, deadline time.Time) time.Time {
	wake := now.Add(time.Hour)
	if f.wantSend() {
		wake = nextSend
		if t := f.targets[f.cursor].next; t.After(wake) {
			wake = t
		}
	}
	if !deadline.IsZero() && deadline.Before(wake) {
		wake = deadline
	}
	if f.expired < f.sent && f.cfg.Timeout != Forever {
		if at := f.epoch.Add(f.slot(uint16(f.expired)).sent).Add(f.cfg.Timeout); at.Before(wake) {
			wake = at
		}
	}
	return wake
}

// send sends the cursor's target its next probe and moves the cursor on.
func (f *Fleet) send() time.Time {
	ti := f.cursor
	t := &f.targets[ti]
	seq := uint16(f.sent)
	h := codec.Header{Family: f.cfg.Family, Type: f.reqType}
	f.msg = codec.Append(f.msg[:0], h, codec.Echo{ID: f.id, Seq: seq, Data: f.payload})
	at, err := f.conn.Send(f.msg, t.addr)
	f.live.sent(f.sent, at, f.msg, t.addr)
	if f.sent-f.expired == len(f.slots) {
		f.giveUp() // the slot (and the matcher's place) goes to this probe
	}
	sl := f.slot(seq)
	*sl = fleetSlot{sent: at.Sub(f.epoch), num: f.sent, target: int32(ti), flags: fSent}
	f.sent++
	t.sent++
	if t.first.IsZero() {
		t.first = at
	}
	t.last = at
	t.next = t.next.Add(f.cfg.Interval)
	if t.next.Before(at) { // fell behind (a stall): no burst
		t.next = at.Add(f.cfg.Interval)
	}
	if err != nil && !errors.Is(err, ErrDeferred) {
		sl.flags |= fErrored
		t.errors++
	} else {
		f.inflight++
	}
	if f.cursor++; f.cursor == len(f.targets) {
		f.cursor = 0
		f.rounds++
	}
	return at
}

// expire gives up on probes whose reply timeout has passed.
func (f *Fleet) expire(now time.Time) {
	for f.expired < f.sent {
		sl := f.slot(uint16(f.expired))
		if sl.flags&(fAnswered|fErrored|fTimedOut) == 0 {
			if f.cfg.Timeout == Forever || now.Sub(f.epoch) < sl.sent+f.cfg.Timeout {
				break
			}
			sl.flags |= fTimedOut
			f.inflight--
		}
		f.expired++
	}
}

// giveUp gives up the oldest probe not yet expired, whatever its timeout:
// its slot is wanted for a new probe, and the matcher has forgotten it.
func (f *Fleet) giveUp() {
	sl := f.slot(uint16(f.expired))
	if sl.flags&(fAnswered|fErrored|fTimedOut) == 0 {
		sl.flags |= fTimedOut
		f.inflight--
	}
	f.expired++
}

// settle records the first answer (reply or error) to a probe.
func (f *Fleet) settle(sl *fleetSlot, flag uint8) {
	if sl.flags&(fAnswered|fErrored|fTimedOut) == 0 {
		f.inflight--
	}
	sl.flags |= flag
}

// handle asks the matcher which probe a received message answers (one
// definition for the pinger and the fleet: the identifier, the sequence
// number and the target it went to), and counts it for that probe's
// target once the cookie checks out.
func (f *Fleet) handle(pk icmpsock.Packet) {
	mt := f.live.received(pk)
	if !mt.Answers() || mt.Outcome == story.OutcomeAdvisory {
		return
	}
	sl := f.slot(uint16(mt.Frame))
	if sl.num != mt.Frame { // the slot went to a newer probe
		return
	}
	m, err := codec.Parse(f.cfg.Family, pk.ICMP, netip.Addr{}, netip.Addr{})
	if err != nil && m.Kind == codec.KindRaw {
		return
	}
	t := &f.targets[sl.target]
	if mt.Kind == story.MatchError {
		body, _ := m.Error()
		if data, ok := quotedEchoData(f.cfg.Family, body.Quote); ok && !quoteCookieOK(data, f.cookie, f.cfg.Size) {
			return
		}
		if sl.flags&(fAnswered|fErrored) == 0 {
			f.settle(sl, fErrored)
			t.errors++
		}
		return
	}
	e, ok := m.Echo()
	if !ok || !replyCookieOK(e.Data, f.cookie, f.cfg.Size) {
		return
	}
	rtt := max(pk.At.Sub(f.epoch)-sl.sent, 0)
	switch {
	case m.Sum.Status == codec.ChecksumBad:
		t.corrupted++
	case sl.flags&fAnswered != 0:
		t.dups++ // a copy of an answer in time, however late: fping's "duplicate for [n]"
	case f.late(rtt):
		// Discarded, as fping discards it: the probe stays lost (expire
		// times it out, if it has not already), and so do its copies.
	default:
		f.settle(sl, fAnswered)
		t.received++
		t.stats.Add(rtt)
	}
}

// late reports whether a reply that took rtt came after the reply timeout.
// fping discards such a reply (wait_for_reply: "discard reply if delay is
// larger than timeout", fping issue #32): not received, not in the round
// trip statistics, not printed, its probe lost; a copy of it is not a
// duplicate either, for the probe was never answered. A reply on the
// timeout itself still counts, as fping's comparison is strict. The fleet
// follows fping here; the single-target Pinger follows iputils, which
// counts any reply that comes before it exits.
func (f *Fleet) late(rtt time.Duration) bool {
	return f.cfg.Timeout != Forever && rtt > f.cfg.Timeout
}

// summaries are the targets' summaries, in the order given.
func (f *Fleet) summaries(reason EndReason, err error) []Summary {
	out := make([]Summary, len(f.targets))
	for i := range f.targets {
		t := &f.targets[i]
		s := Summary{Host: f.hosts[i].Host, Addr: t.addr,
			Transmitted: int(t.sent), Received: int(t.received), Duplicates: int(t.dups),
			Corrupted: int(t.corrupted), Errors: int(t.errors), Stats: t.stats,
			EndReason: reason, Err: err, Count: f.cfg.Count, Deadline: f.cfg.Deadline}
		if !t.first.IsZero() {
			s.Elapsed = t.last.Sub(t.first)
		}
		out[i] = s
	}
	return out
}
