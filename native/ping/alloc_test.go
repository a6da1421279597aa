package ping

import (
	"context"
	"io"
	"net/netip"
	"os"
	"testing"
	"time"

	"icmplab/codec"
	"icmplab/native/icmpsock"
)

// loopConn answers every echo request at once, from the address it was
// sent to, from buffers it owns, and allocates nothing itself: what an
// allocation count over a run sees is the engine's and the sink's own. It
// queues up to depth replies, as a socket buffer does: a flood whose
// goroutine stalls past the flood interval sends its next probe before
// reading the last reply, and that reply must still be there; a fleet
// sends to every target before it reads.
type loopConn struct {
	fam        codec.Family
	replies    [][]byte
	from       []netip.Addr
	head, tail int
	deadline   time.Time
}

// loopDepth is a single target's queue.
const loopDepth = 8

func newLoopConn(fam codec.Family, depth int) *loopConn {
	c := &loopConn{fam: fam, replies: make([][]byte, depth), from: make([]netip.Addr, depth)}
	for i := range c.replies {
		c.replies[i] = make([]byte, 0, 128)
	}
	return c
}

func (c *loopConn) Send(msg []byte, dst netip.Addr) (time.Time, error) {
	m, err := codec.Parse(c.fam, msg, netip.Addr{}, netip.Addr{})
	e, ok := m.Echo()
	if err != nil || !ok {
		return time.Now(), os.ErrInvalid
	}
	t := codec.ICMPv4EchoReply
	if c.fam == codec.IPv6 {
		t = codec.ICMPv6EchoReply
	}
	if c.tail-c.head < len(c.replies) { // a full buffer drops, as a socket's does
		i := c.tail % len(c.replies)
		c.replies[i] = codec.Append(c.replies[i][:0], codec.Header{Family: c.fam, Type: t}, e)
		c.from[i] = dst
		c.tail++
	}
	return time.Now(), nil
}

func (c *loopConn) Recv(buf []byte) (icmpsock.Packet, error) {
	if c.head == c.tail {
		return icmpsock.Packet{}, os.ErrDeadlineExceeded
	}
	i := c.head % len(c.replies)
	n := copy(buf, c.replies[i])
	c.head++
	return icmpsock.Packet{ICMP: buf[:n], From: c.from[i], TTL: 64, TOS: -1, At: time.Now(), KernelTime: true}, nil
}

func (c *loopConn) SetReadDeadline(t time.Time) error { c.deadline = t; return nil }
func (c *loopConn) EchoID() (uint16, bool)            { return 0x4242, true }
func (c *loopConn) Close() error                      { return nil }

func testDst(f codec.Family) netip.Addr {
	if f == codec.IPv6 {
		return netip.MustParseAddr("2001:2::2")
	}
	return netip.MustParseAddr("198.18.0.2")
}

// floodRun runs one flood of n probes through a loopConn into sink.
func floodRun(tb testing.TB, fam codec.Family, n int, sink Sink) Summary {
	cfg := Config{Family: fam, Dst: testDst(fam), Count: n, Flood: true, Size: DefaultSize, Start: Start{Host: "target"}}
	p, err := New(cfg, newLoopConn(fam, loopDepth), sink)
	if err != nil {
		tb.Fatal(err)
	}
	return p.Run(context.Background(), nil)
}

// floodSinks are the sinks a flood can print through.
func floodSinks() map[string]func() *TextSink {
	return map[string]func() *TextSink{
		"text-flood": func() *TextSink {
			return NewTextSink(NewOutput(io.Discard, io.Discard), TextOptions{Flood: true, Numeric: true})
		},
		"text-flood-quiet": func() *TextSink {
			return NewTextSink(NewOutput(io.Discard, io.Discard), TextOptions{Flood: true, Quiet: true, Numeric: true})
		},
	}
}

// eventsOnly passes a TextSink the per-probe calls only: the header and
// the summary, whose length grows with the counts they print, stay out of
// a per-probe allocation count.
type eventsOnly struct{ t *TextSink }

func (e eventsOnly) Start(Start)    {}
func (e eventsOnly) Event(ev Event) { e.t.Event(ev) }
func (e eventsOnly) Status(Summary) {}
func (e eventsOnly) End(Summary)    {}
func (e eventsOnly) Flush()         { e.t.Flush() }

// TestFloodAllocatesNothingPerPacket counts the allocations of whole runs
// of two lengths: their difference, over the extra probes, is what one
// probe and its reply cost in steady state, start-up and summary aside.
func TestFloodAllocatesNothingPerPacket(t *testing.T) {
	const short, long = 200, 1200
	for _, fam := range []codec.Family{codec.IPv4, codec.IPv6} {
		for name, mk := range floodSinks() {
			var got [2]Summary
			allocs := func(n, i int) float64 {
				return testing.AllocsPerRun(3, func() { got[i] = floodRun(t, fam, n, eventsOnly{mk()}) })
			}
			a, b := allocs(short, 0), allocs(long, 1)
			if got[0].Received != short || got[1].Received != long {
				t.Fatalf("%v %s: received %d/%d and %d/%d", fam, name, got[0].Received, short, got[1].Received, long)
			}
			if per := (b - a) / (long - short); per > 0 {
				t.Errorf("%v %s: %.3f allocations per probe and reply (%.0f for %d probes, %.0f for %d)", fam, name, per, a, short, b, long)
			}
		}
	}
}

// BenchmarkFloodEngine is the engine's cost per probe and reply, without
// system calls: the part of a flood's CPU that is ours.
func BenchmarkFloodEngine(b *testing.B) {
	for name, mk := range floodSinks() {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			s := floodRun(b, codec.IPv4, b.N, mk())
			if s.Received != b.N {
				b.Fatalf("received %d of %d", s.Received, b.N)
			}
		})
	}
}
