//go:build linux

package icmpsock

import (
	"errors"
	"net/netip"
	"slices"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"icmplab/codec"
	"icmplab/native/internal/netns"
)

// echoTo sends an echo request with seq from c.
func echoTo(t *testing.T, c *Conn, dst netip.Addr, id, seq uint16) {
	t.Helper()
	typ := codec.ICMPv4EchoRequest
	if c.Family() == codec.IPv6 {
		typ = codec.ICMPv6EchoRequest
	}
	msg := codec.Append(nil, codec.Header{Family: c.Family(), Type: typ}, codec.Echo{ID: id, Seq: seq, Data: []byte("set-ttl")})
	if _, err := c.WriteTo(msg, dst); err != nil {
		t.Fatalf("%v %v: WriteTo seq %d: %v", c.Family(), c.Kind(), seq, err)
	}
}

// answer is what came back about one echo request.
type answer struct {
	from      netip.Addr
	isError   bool
	synthetic bool
}

// readAbout reads until a message about each (id, seq) arrived: the echo
// reply, or an error quoting the request. It fails after two seconds.
func readAbout(t *testing.T, c *Conn, id uint16, seqs ...uint16) map[uint16]answer {
	t.Helper()
	got := map[uint16]answer{}
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	buf := make([]byte, 1500)
	for len(got) < len(seqs) {
		p, err := c.Read(buf)
		var le *LocalError
		if errors.Is(err, ErrNotICMP) || errors.As(err, &le) {
			continue
		}
		if err != nil {
			t.Fatalf("%v %v: waiting for seq %v, got %v: %v", c.Family(), c.Kind(), seqs, got, err)
		}
		m, err := codec.Parse(c.Family(), p.ICMP, netip.Addr{}, netip.Addr{})
		if err != nil && m.Kind == codec.KindRaw {
			continue
		}
		if _, isErr := m.Error(); isErr {
			if fl, err := m.QuotedFlow(); err == nil && fl.ID == id && slices.Contains(seqs, fl.Seq) {
				got[fl.Seq] = answer{from: p.From, isError: true, synthetic: p.Synthesized}
			}
			continue
		}
		if e, ok := m.Echo(); ok && e.ID == id && slices.Contains(seqs, e.Seq) && (m.Type == codec.ICMPv4EchoReply || m.Type == codec.ICMPv6EchoReply) {
			got[e.Seq] = answer{from: p.From}
		}
	}
	return got
}

// TestSetTTL walks a chain of two routers with one socket of each kind,
// changing the TTL before each probe as a traceroute does: TTL 1 and 2 are
// answered by time exceeded from the first and second router, TTL 3 by the
// target.
func TestSetTTL(t *testing.T) {
	c := netns.NewChain(t, 2)
	src := c.Src()
	src.Sysctl("net.ipv4.ping_group_range", "0 2147483647")
	for _, fam := range []codec.Family{codec.IPv4, codec.IPv6} {
		target := netip.MustParseAddr(c.Dst4())
		hops := []netip.Addr{netip.MustParseAddr(c.Hop4(1)), netip.MustParseAddr(c.Hop4(2))}
		if fam == codec.IPv6 {
			target = netip.MustParseAddr(c.Dst6())
			hops = []netip.Addr{netip.MustParseAddr(c.Hop6(1)), netip.MustParseAddr(c.Hop6(2))}
		}
		for _, want := range []Want{OnlyDatagram, OnlyRaw} {
			err := src.Do(func() error {
				conn, err := Open(Options{Family: fam, Want: want, TOS: NoTOS})
				if err != nil {
					return err
				}
				defer conn.Close()
				for _, bad := range []int{0, -1, 256} {
					if err := conn.SetTTL(bad); err == nil {
						t.Errorf("%v %v: SetTTL(%d) accepted", fam, want, bad)
					}
				}
				id, dgram := conn.EchoID()
				if !dgram {
					id = 0x7e57
					if err := conn.FilterReplies(id); err != nil {
						return err
					}
				}
				for ttl := 1; ttl <= 3; ttl++ {
					if err := conn.SetTTL(ttl); err != nil {
						return err
					}
					seq := uint16(100 + ttl)
					echoTo(t, conn, target, id, seq)
					a := readAbout(t, conn, id, seq)[seq]
					wantFrom, wantErr := target, false
					if ttl <= len(hops) {
						wantFrom, wantErr = hops[ttl-1], true
					}
					if a.from != wantFrom || a.isError != wantErr || a.synthetic != (wantErr && dgram) {
						t.Errorf("%v %v TTL %d: %+v, want from %v, error %v", fam, want, ttl, a, wantFrom, wantErr)
					}
				}
				return nil
			})
			if err != nil {
				t.Fatalf("%v %v: %v", fam, want, err)
			}
		}
	}
}

// TestSendAfterPendingError: an ICMP error about one probe leaves its errno
// pending on a datagram socket, and the next send would return it instead
// of sending. WriteTo sends anyway; the error is still read, and so is the
// next probe's reply.
func TestSendAfterPendingError(t *testing.T) {
	c := netns.NewChain(t, 1)
	src := c.Src()
	src.Sysctl("net.ipv4.ping_group_range", "0 2147483647")
	for _, fam := range []codec.Family{codec.IPv4, codec.IPv6} {
		target, hop := netip.MustParseAddr(c.Dst4()), netip.MustParseAddr(c.Hop4(1))
		if fam == codec.IPv6 {
			target, hop = netip.MustParseAddr(c.Dst6()), netip.MustParseAddr(c.Hop6(1))
		}
		err := src.Do(func() error {
			conn, err := Open(Options{Family: fam, Want: OnlyDatagram, TTL: 1, TOS: NoTOS})
			if err != nil {
				return err
			}
			defer conn.Close()
			id, _ := conn.EchoID()
			echoTo(t, conn, target, id, 1)
			// Wait, without reading, until the time exceeded is queued
			// (POLLERR: socket error or error queue).
			var perr error
			var ready int
			if err := conn.rc.Control(func(fd uintptr) {
				ready, perr = unix.Poll([]unix.PollFd{{Fd: int32(fd), Events: unix.POLLERR}}, 2000)
			}); err != nil {
				return err
			}
			if perr != nil || ready != 1 {
				t.Fatalf("%v: no ICMP error within 2 s (poll: %d, %v)", fam, ready, perr)
			}
			if err := conn.SetTTL(64); err != nil {
				return err
			}
			echoTo(t, conn, target, id, 2)
			got := readAbout(t, conn, id, 1, 2)
			if a := got[2]; a.from != target || a.isError {
				t.Errorf("%v: second probe answered by %+v, want the echo reply from %v", fam, a, target)
			}
			if a := got[1]; a.from != hop || !a.isError || !a.synthetic {
				t.Errorf("%v: first probe answered by %+v, want time exceeded from %v", fam, a, hop)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%v: %v", fam, err)
		}
	}
}
