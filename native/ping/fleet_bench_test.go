package ping

import (
	"context"
	"net/netip"
	"os"
	"testing"
	"time"

	"icmplab/codec"
	"icmplab/native/icmpsock"
)

// fleetLoopConn answers every echo request at once from the address it
// went to, queueing every reply (as a socket buffer large enough would),
// from buffers it owns: what a run costs beyond it is the fleet's own,
// without a system call.
type fleetLoopConn struct {
	fam        codec.Family
	replies    [][]byte
	from       []netip.Addr
	head, tail int
}

func newFleetLoopConn(fam codec.Family, depth int) *fleetLoopConn {
	c := &fleetLoopConn{fam: fam, replies: make([][]byte, depth), from: make([]netip.Addr, depth)}
	for i := range c.replies {
		c.replies[i] = make([]byte, 0, 128)
	}
	return c
}

func (c *fleetLoopConn) Send(msg []byte, dst netip.Addr) (time.Time, error) {
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

func (c *fleetLoopConn) Recv(buf []byte) (icmpsock.Packet, error) {
	if c.head == c.tail {
		return icmpsock.Packet{}, os.ErrDeadlineExceeded
	}
	i := c.head % len(c.replies)
	n := copy(buf, c.replies[i])
	c.head++
	return icmpsock.Packet{ICMP: buf[:n], From: c.from[i], TTL: 64, TOS: -1, At: time.Now(), KernelTime: true}, nil
}

func (c *fleetLoopConn) SetReadDeadline(time.Time) error { return nil }
func (c *fleetLoopConn) EchoID() (uint16, bool)          { return 0x4242, true }
func (c *fleetLoopConn) Close() error                    { return nil }

// fleetTargets are n addresses of 198.18.16.0/20 onwards, as
// BenchmarkManyVsFping pings them.
func fleetTargets(n int) []Target {
	out := make([]Target, n)
	a := netip.MustParseAddr("198.18.16.0")
	for i := range out {
		a = a.Next()
		out[i] = Target{Host: a.String(), Addr: a}
	}
	return out
}

// BenchmarkFleetEngine is a fleet's cost per probe and reply without
// system calls: 4,094 targets pinged twice, as in BenchmarkManyVsFping,
// with no gap and no interval, so that only the engine's own work (the
// schedule, the matcher, the cookie, the counts) is timed.
func BenchmarkFleetEngine(b *testing.B) {
	const targets, count = 4094, 2
	tl := fleetTargets(targets)
	b.ReportAllocs()
	for b.Loop() {
		conn := newFleetLoopConn(codec.IPv4, targets*count)
		f, err := NewFleet(Config{Family: codec.IPv4, Count: count, Interval: time.Nanosecond, Size: DefaultSize}, 0, tl, conn)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range f.Run(context.Background()) {
			if s.Received != count {
				b.Fatalf("%s: %d of %d replies", s.Host, s.Received, count)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/(targets*count), "ns/probe")
}
