package ping

import (
	"context"
	"errors"
	"os"
	"sync/atomic"
	"time"

	"icmplab/codec"
	"icmplab/native/icmpsock"
	"icmplab/native/internal/clock"
)

// minLinger is the least a pinger waits for outstanding replies after its
// last probe, once replies have come.
const minLinger = 20 * time.Millisecond

// drainWindow is the read deadline that takes a reply already queued
// when the linger is over but no read has looked since (a stall): a
// deadline in the past would not read at all.
const drainWindow = time.Millisecond

// probe flags.
const (
	fSent uint8 = 1 << iota
	fAnswered
	fErrored
	fTimedOut
)

// probeState is what the engine remembers of one sequence number.
type probeState struct {
	sent  time.Time // local clock, just before the send call
	flags uint8
}

// Pinger pings one target. Create it with New, run it once with Run.
type Pinger struct {
	cfg  Config
	conn Conn
	sink Sink
	clk  clock.Clock // the conn's: its send times, receive times and deadlines are read on it

	id      uint16
	cookie  [CookieLen]byte
	payload []byte
	msg     []byte
	reqType codec.Type
	// live pairs answers with probes (codec/story's matcher); the probe
	// number it gives back is the sequence number modulo 2^16.
	live *liveMatch

	probes []probeState // indexed by sequence number
	// expired counts the probes, in send order, settled or given up on:
	// the next one to time out is probe expired+1 (sequence numbers run
	// 1, 2, ... as probes are sent, so probes doubles as the queue).
	expired int
	// flush, when the sink holds output back, writes it (see TextSink.Flush).
	flush func()

	sent, received, dups, corrupted, errors int
	pipe                                    int // most probes in flight when one was answered
	inflight                                int
	lastSeq                                 uint16
	first, last                             time.Time
	stats                                   Stats
	// quietUntil is the read deadline that last passed with nothing
	// read: no reply was queued before it.
	quietUntil time.Time
}

// New prepares a pinger. The echo identifier is the socket's when the
// kernel chooses it (datagram sockets), a random one otherwise; the payload
// cookie is always random.
func New(cfg Config, conn Conn, sink Sink) (*Pinger, error) {
	if err := cfg.normalize(); err != nil {
		return nil, err
	}
	p := &Pinger{cfg: cfg, conn: conn, sink: sink, clk: clock.Real{}, probes: make([]probeState, 1<<16)}
	if c, ok := conn.(Clocked); ok {
		p.clk = clock.Or(c.Clock())
	}
	var err error
	if p.id, p.cookie, err = echoIdentity(conn); err != nil {
		return nil, err
	}
	if f, ok := sink.(interface{ Flush() }); ok {
		p.flush = f.Flush
	}
	p.payload = buildPayload(cfg.Size, p.cookie, cfg.Pattern)
	p.reqType = echoRequest(cfg.Family, cfg.Probe != nil)
	window := pingWindow
	if cfg.Deadline == 0 {
		window = windowFor(cfg.Count)
	}
	p.live = newLiveMatch(cfg.Family, cfg.Src, conn, window)
	return p, nil
}

// ID is the echo identifier the pinger matches replies on.
func (p *Pinger) ID() uint16 { return p.id }

// Run pings until the count, the deadline, ctx's cancellation (SIGINT) or
// a socket failure ends it, and returns the summary it also gave the sink.
// Each receive on status prints a snapshot (SIGQUIT). Run does not close
// the connection.
//
// One goroutine sends, reads and decides, as iputils' main loop does: it
// reads with a deadline set to the next thing due (a probe, a timeout, the
// end), so a reply already queued when the send call returns (the usual
// case on a fast path) costs one read and no wake-up. Cancellation and
// status requests move the deadline into the past to interrupt the read.
func (p *Pinger) Run(ctx context.Context, status <-chan struct{}) Summary {
	st := p.cfg.Start
	st.ID = p.id
	st.Probe = p.cfg.Probe
	st.Size = p.cfg.Size
	p.sink.Start(st)

	var interrupted, wantStatus atomic.Bool
	poke := func() { p.conn.SetReadDeadline(aLongTimeAgo) }
	stopAfter := context.AfterFunc(ctx, func() { interrupted.Store(true); poke() })
	defer stopAfter()
	quit := make(chan struct{})
	defer close(quit)
	if status != nil {
		go func() {
			for {
				select {
				case <-status:
					wantStatus.Store(true)
					poke()
				case <-quit:
					return
				}
			}
		}()
	}

	buf := make([]byte, max(p.cfg.Size+8+60+64, 1500))
	start := p.clk.Now()
	var deadline time.Time
	if p.cfg.Deadline > 0 {
		deadline = start.Add(p.cfg.Deadline)
	}
	nextSend := start
	// armed is the read deadline last set, zero when unknown (a poke moved
	// it). It is set again only when something is due sooner, or when it
	// has passed: a flood's next-probe time moves on with every reply, and
	// following it would cost a timer update per probe; an early wake-up
	// costs one loop instead, at most once per flood interval.
	var armed time.Time
	for {
		if interrupted.Load() {
			return p.end(EndInterrupted, nil)
		}
		if wantStatus.Swap(false) {
			p.sink.Status(p.summary(""))
		}
		now := p.clk.Now()
		p.expire(now)
		if reason, end := p.finished(now, deadline); end {
			return p.end(reason, nil)
		}
		if p.wantSend() && !now.Before(nextSend) {
			at := p.send()
			switch {
			case p.cfg.Interval == 0:
				nextSend = at.Add(floodInterval)
			default:
				nextSend = nextSend.Add(p.cfg.Interval)
				if nextSend.Before(at) { // fell behind (a stall): no burst
					nextSend = at.Add(p.cfg.Interval)
				}
			}
			continue
		}
		wake := p.wakeAt(now, nextSend, deadline)
		if p.flush != nil && wake.Sub(now) > floodInterval {
			p.flush() // a longer wait: show what the sink holds first
		}
		if armed.IsZero() || wake.Before(armed) || !now.Before(armed) {
			if err := p.conn.SetReadDeadline(wake); err != nil {
				return p.end(EndError, err)
			}
			armed = wake
		}
		// A poke that landed before the deadline above was set is seen here.
		if interrupted.Load() || wantStatus.Load() {
			continue
		}
		pk, err := p.conn.Recv(buf)
		switch {
		case err == nil:
			p.handle(pk)
			if p.cfg.Interval == 0 && p.inflight == 0 && p.wantSend() {
				nextSend = now // the reply is back: send the next at once
			}
		case errors.Is(err, os.ErrDeadlineExceeded):
			if !interrupted.Load() && !wantStatus.Load() {
				p.quietUntil = armed // nothing came before the deadline
			}
			armed = time.Time{} // passed, or moved by a poke
		case errors.Is(err, ErrSkip):
		default:
			if fatal := p.recvError(err); fatal != nil {
				return p.end(EndError, fatal)
			}
		}
	}
}

// aLongTimeAgo is a read deadline that has passed: it interrupts a read.
var aLongTimeAgo = time.Unix(1, 0)

// recvError reports a local error and returns nil, or returns the error
// that ends the run.
func (p *Pinger) recvError(err error) error {
	var le *icmpsock.LocalError
	if errors.As(err, &le) {
		p.errors++
		p.settleLast(fErrored)
		p.sink.Event(Event{Kind: EventLocalError, Seq: p.lastSeq, At: p.clk.Now(), TTL: -1, Err: le})
		return nil
	}
	return err
}

// settleLast marks the last probe as settled by a local error (the error
// queue does not say which probe; the last one sent is the one refused).
func (p *Pinger) settleLast(flag uint8) {
	st := &p.probes[p.lastSeq]
	if st.flags&fSent != 0 && st.flags&(fAnswered|fErrored|fTimedOut) == 0 {
		p.inflight--
	}
	st.flags |= flag
}

// wantSend reports whether more probes are due. With a deadline, iputils
// goes on sending past -c until the deadline or -c answers.
func (p *Pinger) wantSend() bool {
	return p.cfg.Count == 0 || p.cfg.Deadline > 0 || p.sent < p.cfg.Count
}

// finished applies iputils' exit rules: all -c probes answered (by a reply
// or an error); the -w deadline; or, without a deadline, the linger after
// the last of -c probes (twice the longest RTT, at least one interval, when
// replies came; -W when none did).
func (p *Pinger) finished(now, deadline time.Time) (EndReason, bool) {
	if p.cfg.Count > 0 && p.received+p.errors >= p.cfg.Count {
		return EndCount, true
	}
	if !deadline.IsZero() && !now.Before(deadline) {
		return EndDeadline, true
	}
	if !deadline.IsZero() && p.errors > 0 { // iputils: a deadline run stops at its first error
		return EndFirstError, true
	}
	// The linger ends the run only once a read found nothing queued up to
	// its end: a stall of this goroutine past it must not drop a reply
	// that came in time (wakeAt then asks for one short read).
	if at, ok := p.lingerUntil(); ok && !now.Before(at) && !p.quietUntil.Before(at) {
		return EndCount, true
	}
	return "", false
}

func (p *Pinger) lingerUntil() (time.Time, bool) {
	if p.cfg.Count == 0 || p.sent < p.cfg.Count || p.cfg.Deadline > 0 {
		return time.Time{}, false
	}
	wait := p.cfg.Timeout
	if p.received > 0 {
		// iputils waits twice the longest RTT, at least an interval; the
		// floor keeps a busy machine from ending a flood before its last
		// reply is read.
		wait = max(2*time.Duration(p.stats.MaxUS)*time.Microsecond, p.cfg.Interval, minLinger)
	}
	return p.last.Add(wait), true
}

// wakeAt is the next moment something is due without a packet arriving.
func (p *Pinger) wakeAt(now, nextSend, deadline time.Time) time.Time {
	wake := now.Add(time.Hour)
	if p.wantSend() {
		wake = nextSend
	}
	if !deadline.IsZero() && deadline.Before(wake) {
		wake = deadline
	}
	if at, ok := p.lingerUntil(); ok && at.Before(wake) {
		wake = at
		if !now.Before(at) {
			wake = now.Add(drainWindow) // the linger is over: one read to drain
		}
	}
	if p.expired < p.sent {
		if at := p.probes[uint16(p.expired+1)].sent.Add(p.cfg.Timeout); at.Before(wake) {
			wake = at
		}
	}
	return wake
}

// send builds and sends the next probe and returns when it left.
func (p *Pinger) send() time.Time {
	seq := uint16(p.sent + 1)
	if p.sent > 0 && p.probes[p.lastSeq].flags&fAnswered == 0 {
		p.sink.Event(Event{Kind: EventNoAnswerYet, Seq: p.lastSeq, At: p.clk.Now(), TTL: -1})
	}
	h := codec.Header{Family: p.cfg.Family, Type: p.reqType}
	if p.cfg.Family == codec.IPv6 && p.cfg.Src.IsValid() {
		h.Src, h.Dst = p.cfg.Src, p.cfg.Dst
	}
	if p.cfg.Probe != nil {
		p.msg = codec.Append(p.msg[:0], h, p.cfg.Probe.request(p.id, uint8(seq)))
	} else {
		p.msg = codec.Append(p.msg[:0], h, codec.Echo{ID: p.id, Seq: seq, Data: p.payload})
	}
	st := &p.probes[seq]
	*st = probeState{}
	at, err := p.conn.Send(p.msg, p.cfg.Dst)
	p.live.sent(p.sent+1, at, p.msg, p.cfg.Dst)
	p.sent++
	p.lastSeq = seq
	if p.first.IsZero() {
		p.first = at
	}
	p.last = at
	st.sent = at
	st.flags = fSent
	if err != nil && !errors.Is(err, ErrDeferred) {
		st.flags |= fErrored
		p.sink.Event(Event{Kind: EventSendError, Seq: seq, At: at, TTL: -1, Err: err})
		return at
	}
	p.inflight++
	p.sink.Event(Event{Kind: EventSent, Seq: seq, At: at, TTL: -1})
	return at
}

// expire reports probes whose reply timeout has passed.
func (p *Pinger) expire(now time.Time) {
	if p.sent-p.expired > len(p.probes) { // the oldest slots were reused
		p.expired = p.sent - len(p.probes)
	}
	for p.expired < p.sent {
		seq := uint16(p.expired + 1)
		st := &p.probes[seq]
		if st.flags&(fAnswered|fErrored|fTimedOut) == 0 {
			if now.Before(st.sent.Add(p.cfg.Timeout)) {
				break
			}
			st.flags |= fTimedOut
			p.inflight--
			p.sink.Event(Event{Kind: EventTimeout, Seq: seq, At: now, TTL: -1})
		}
		p.expired++
	}
}

// ack notes that seq was answered while later probes were out: iputils'
// "pipe", the most probes ever in flight at once.
func (p *Pinger) ack(seq uint16) {
	if diff := uint16(p.sent) - seq; diff <= 0x7fff && int(diff)+1 > p.pipe {
		p.pipe = int(diff) + 1
	}
}

// settle records the first answer (reply or error) to a probe.
func (p *Pinger) settle(st *probeState, flag uint8) {
	if st.flags&(fAnswered|fErrored|fTimedOut) == 0 {
		p.inflight--
	}
	st.flags |= flag
}

func (p *Pinger) summary(reason EndReason) Summary {
	s := Summary{
		Host: p.cfg.Start.Host, Addr: p.cfg.Dst,
		Transmitted: p.sent, Received: p.received, Duplicates: p.dups,
		Corrupted: p.corrupted, Errors: p.errors,
		Stats: p.stats, Flood: p.cfg.Flood || p.cfg.Interval == 0, EndReason: reason, Pipe: p.pipe,
		Count: p.cfg.Count, Deadline: p.cfg.Deadline,
	}
	if !p.first.IsZero() {
		s.Elapsed = p.last.Sub(p.first)
	}
	return s
}

func (p *Pinger) end(reason EndReason, err error) Summary {
	s := p.summary(reason)
	s.Err = err
	p.sink.End(s)
	return s
}
