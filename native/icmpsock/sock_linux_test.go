//go:build linux

package icmpsock

import (
	"bytes"
	"errors"
	"net/netip"
	"os"
	"testing"
	"time"

	"icmplab/codec"
	"icmplab/native/internal/netns"
)

// roundTrip sends one echo request with the given identifier and returns
// the first message read back (or fails after a second).
func roundTrip(t *testing.T, c *Conn, dst netip.Addr, id uint16, data []byte) Packet {
	t.Helper()
	fam := c.Family()
	typ := codec.ICMPv4EchoRequest
	if fam == codec.IPv6 {
		typ = codec.ICMPv6EchoRequest
	}
	msg := codec.Append(nil, codec.Header{Family: fam, Type: typ}, codec.Echo{ID: id, Seq: 7, Data: data})
	sent, err := c.WriteTo(msg, dst)
	if err != nil {
		t.Fatalf("WriteTo %v: %v", dst, err)
	}
	c.SetReadDeadline(time.Now().Add(2 * time.Second))
	buf := make([]byte, 1500)
	p, err := c.Read(buf)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if p.At.Before(sent) {
		t.Errorf("received at %v, before it was sent at %v", p.At, sent)
	}
	return p
}

func TestDatagramAndRawInNamespace(t *testing.T) {
	c := netns.NewChain(t, 1)
	src, dst := c.Src(), c.Dst()
	src.Sysctl("net.ipv4.ping_group_range", "0 2147483647")
	data := []byte("icmplab-sock-test")
	for _, fam := range []codec.Family{codec.IPv4, codec.IPv6} {
		target := netip.MustParseAddr(c.Dst4())
		if fam == codec.IPv6 {
			target = netip.MustParseAddr(c.Dst6())
		}
		for _, want := range []Want{OnlyDatagram, OnlyRaw} {
			err := src.Do(func() error {
				conn, err := Open(Options{Family: fam, Want: want, TOS: NoTOS})
				if err != nil {
					return err
				}
				defer conn.Close()
				id, dgram := conn.EchoID()
				if !dgram {
					id = 0xbeef
					if err := conn.FilterReplies(id); err != nil {
						return err
					}
				}
				p := roundTrip(t, conn, target, id, data)
				m, err := codec.Parse(fam, p.ICMP, netip.Addr{}, netip.Addr{})
				if err != nil {
					t.Errorf("%v %v: parse reply: %v", fam, want, err)
					return nil
				}
				e, ok := m.Echo()
				if !ok || e.ID != id || e.Seq != 7 || !bytes.Equal(e.Data, data) {
					t.Errorf("%v %v: reply %+v ok=%v, want id %#x seq 7", fam, want, e, ok, id)
				}
				if p.From != target {
					t.Errorf("%v %v: reply from %v, want %v", fam, want, p.From, target)
				}
				if p.TTL != 63 {
					t.Errorf("%v %v: TTL %d, want 63 (64 minus one router)", fam, want, p.TTL)
				}
				if !p.KernelTime {
					t.Errorf("%v %v: no kernel timestamp", fam, want)
				}
				if want == OnlyRaw && fam == codec.IPv4 && len(p.IP) < 20 {
					t.Errorf("raw IPv4: IP header not kept")
				}
				return nil
			})
			if err != nil {
				t.Fatalf("%v %v: %v", fam, want, err)
			}
		}
	}
	_ = dst
}

// TestErrorQueueSynthesis sends with TTL 1 through a router from a datagram
// socket and checks the time exceeded the kernel digested comes back as a
// codec-parsable error quoting our echo.
func TestErrorQueueSynthesis(t *testing.T) {
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
			p := roundTrip(t, conn, target, id, []byte("ttl-one"))
			if !p.Synthesized || p.From != hop || p.OrigDst != target {
				t.Errorf("%v: got synthesized=%v from %v origdst %v, want from %v about %v", fam, p.Synthesized, p.From, p.OrigDst, hop, target)
			}
			m, err := codec.Parse(fam, p.ICMP, p.From, netip.Addr{})
			if err != nil {
				t.Errorf("%v: parse synthesized error: %v", fam, err)
				return nil
			}
			if _, ok := m.Error(); !ok {
				t.Errorf("%v: %s is not an error", fam, m.Name())
			}
			fk, err := m.QuotedFlow()
			if err != nil || fk.ID != id || fk.Seq != 7 || fk.Dst != target {
				t.Errorf("%v: quoted flow %+v (%v), want id %#x seq 7 to %v", fam, fk, err, id, target)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("%v: %v", fam, err)
		}
	}
}

// TestOpenErrorExplains checks the refusal message when neither kind is
// allowed: run as nobody with ping_group_range closed.
func TestOpenErrorExplains(t *testing.T) {
	if os.Geteuid() != 0 {
		netns.Skip(t, "needs root to create a namespace")
	}
	n := netns.New(t)
	h := n.Host("closed")
	h.Sysctl("net.ipv4.ping_group_range", "1 0")
	err := h.Do(func() error {
		_, err := Open(Options{Family: codec.IPv4, Want: OnlyDatagram, TOS: NoTOS})
		return err
	})
	// As root the datagram socket is still refused: the range is closed.
	var oe *OpenError
	if !errors.As(err, &oe) || len(oe.Attempts) != 1 || oe.Attempts[0].Kind != Datagram {
		t.Fatalf("Open with ping_group_range closed: %v", err)
	}
	if !bytes.Contains([]byte(oe.Error()), []byte("ping_group_range")) || !bytes.Contains([]byte(oe.Hint()), []byte("setcap cap_net_raw+ep")) {
		t.Errorf("message does not say how to allow sockets:\n%s\n%s", oe.Error(), oe.Hint())
	}
}
