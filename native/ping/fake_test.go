package ping

import (
	"net"
	"net/netip"
	"os"
	"sync"
	"time"

	"icmplab/codec"
	"icmplab/native/icmpsock"
	"icmplab/native/internal/clock"
)

// fakeConn is a function-backed Conn (in the manner of mdlayher/netlink's
// nltest): each test says, per request sent, what comes back. Nothing
// touches the network, and nothing waits on the wall clock: the connection
// runs on a fake clock (Clocked), and a Recv with nothing queued moves that
// clock on to the next scheduled delivery or the read deadline, whichever
// comes first. A run is a discrete event simulation: the same every time,
// however loaded the machine.
type fakeConn struct {
	fam    codec.Family
	id     uint16
	dgram  bool // the kernel chooses the identifier, as on a datagram socket
	onSend func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time)
	clk    *clock.Fake

	in        chan fakeRead
	closeOnce sync.Once
	closed    chan struct{}
	kick      chan struct{} // SetReadDeadline wakes a Recv blocked with nothing scheduled

	dmu      sync.Mutex
	deadline time.Time

	mu   sync.Mutex
	sent int
}

type fakeRead struct {
	pk  icmpsock.Packet
	err error
}

// fakeEpoch is where every fake clock starts.
var fakeEpoch = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)

func newFake(fam codec.Family, onSend func(f *fakeConn, req codec.Message, dst netip.Addr, at time.Time)) *fakeConn {
	return &fakeConn{fam: fam, onSend: onSend, clk: clock.NewFake(fakeEpoch),
		in: make(chan fakeRead, 1024), closed: make(chan struct{}), kick: make(chan struct{}, 1)}
}

// Clock makes the engine run on the fake clock.
func (f *fakeConn) Clock() clock.Clock { return f.clk }

func (f *fakeConn) Send(msg []byte, dst netip.Addr) (time.Time, error) {
	at := f.clk.Now()
	f.mu.Lock()
	f.sent++
	f.mu.Unlock()
	m, err := codec.Parse(f.fam, append([]byte(nil), msg...), netip.Addr{}, netip.Addr{})
	if err != nil {
		panic("engine sent a message codec cannot parse: " + err.Error())
	}
	if f.onSend != nil {
		f.onSend(f, m, dst, at)
	}
	return at, nil
}

func (f *fakeConn) Recv(buf []byte) (icmpsock.Packet, error) {
	for {
		select {
		case r := <-f.in:
			if r.err != nil {
				return icmpsock.Packet{}, r.err
			}
			n := copy(buf, r.pk.ICMP)
			r.pk.ICMP = buf[:n]
			return r.pk, nil
		case <-f.closed:
			return icmpsock.Packet{}, net.ErrClosed
		default:
		}
		f.dmu.Lock()
		dl := f.deadline
		f.dmu.Unlock()
		now := f.clk.Now()
		if !dl.IsZero() && !now.Before(dl) {
			return icmpsock.Packet{}, os.ErrDeadlineExceeded
		}
		// Nothing queued: time moves to the next thing that happens.
		if next, ok := f.clk.Next(); ok && (dl.IsZero() || next.Before(dl)) {
			f.clk.AdvanceTo(next)
			continue
		}
		if !dl.IsZero() {
			f.clk.AdvanceTo(dl)
			continue
		}
		// No deadline and nothing scheduled: only another goroutine (a
		// cancellation, a status request) can change that.
		select {
		case r := <-f.in:
			f.in <- r
		case <-f.closed:
		case <-f.kick:
		}
	}
}

func (f *fakeConn) SetReadDeadline(t time.Time) error {
	f.dmu.Lock()
	f.deadline = t
	f.dmu.Unlock()
	select {
	case f.kick <- struct{}{}:
	default:
	}
	return nil
}

func (f *fakeConn) EchoID() (uint16, bool) { return f.id, f.dgram }

func (f *fakeConn) Close() error {
	f.closeOnce.Do(func() { close(f.closed) })
	return nil
}

// deliver queues a message as if the kernel received it from `from` now.
func (f *fakeConn) deliver(from netip.Addr, icmp []byte, ttl int) {
	f.in <- fakeRead{pk: icmpsock.Packet{ICMP: icmp, From: from, TTL: ttl, TOS: -1, At: f.clk.Now(), KernelTime: true}}
}

// later delivers after d on the fake clock.
func (f *fakeConn) later(d time.Duration, from netip.Addr, icmp []byte, ttl int) {
	f.clk.AfterFunc(d, func() {
		select {
		case <-f.closed:
		default:
			f.deliver(from, icmp, ttl)
		}
	})
}

func (f *fakeConn) fail(err error) { f.in <- fakeRead{err: err} }

// reply builds the echo reply to req, after edit has had its way with it.
func reply(fam codec.Family, req codec.Message, edit func(e *codec.Echo)) []byte {
	e, ok := req.Echo()
	if !ok {
		panic("not an echo request")
	}
	e.Data = append([]byte(nil), e.Data...)
	if edit != nil {
		edit(&e)
	}
	t := codec.ICMPv4EchoReply
	if fam == codec.IPv6 {
		t = codec.ICMPv6EchoReply
	}
	return codec.Append(nil, codec.Header{Family: fam, Type: t}, e)
}

// timeExceeded builds the error a router sends about req (sent from src to
// dst), quoting the whole request behind its IP header.
func timeExceeded(fam codec.Family, req codec.Message, src, dst netip.Addr) []byte {
	raw := req.Bytes()
	var quote []byte
	if fam == codec.IPv6 {
		quote = codec.IPv6Header{PayloadLen: uint16(len(raw)), NextHeader: codec.ProtoICMPv6, HopLimit: 1, Src: src, Dst: dst}.AppendHeader(nil)
		quote = append(quote, raw...)
		return codec.Append(nil, codec.Header{Family: fam, Type: codec.ICMPv6TimeExceeded}, codec.ErrorBody{Quote: quote})
	}
	quote = codec.IPv4Header{TotalLength: uint16(20 + len(raw)), TTL: 1, Protocol: codec.ProtoICMP, Src: src, Dst: dst}.AppendHeader(nil)
	quote = append(quote, raw...)
	return codec.Append(nil, codec.Header{Family: fam, Type: codec.ICMPv4TimeExceeded}, codec.ErrorBody{Quote: quote})
}

// recordSink keeps everything the engine reports.
type recordSink struct {
	mu      sync.Mutex
	start   Start
	events  []Event
	summary Summary
	status  []Summary
}

func (r *recordSink) Start(s Start) { r.mu.Lock(); r.start = s; r.mu.Unlock() }
func (r *recordSink) Event(e Event) { r.mu.Lock(); r.events = append(r.events, e); r.mu.Unlock() }
func (r *recordSink) Status(s Summary) {
	r.mu.Lock()
	r.status = append(r.status, s)
	r.mu.Unlock()
}
func (r *recordSink) End(s Summary) { r.mu.Lock(); r.summary = s; r.mu.Unlock() }

func (r *recordSink) of(k EventKind) []Event {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []Event
	for _, e := range r.events {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}
