//go:build linux

package icmpsock

import (
	"net/netip"
	"testing"
	"time"

	"icmplab/codec"
	"icmplab/native/internal/netns"
)

// TestRoundTripAllocatesNothing sends echo requests through a namespace
// pair and reads the replies, on both socket kinds and families: a flood
// does this tens of thousands of times a second, and an allocation per
// message would mean a garbage collection every few thousand.
func TestRoundTripAllocatesNothing(t *testing.T) {
	c := netns.NewChain(t, 0)
	c.Src().Sysctl("net.ipv4.ping_group_range", "0 2147483647")
	for _, fam := range []codec.Family{codec.IPv4, codec.IPv6} {
		target, typ := netip.MustParseAddr(c.Dst4()), codec.ICMPv4EchoRequest
		if fam == codec.IPv6 {
			target, typ = netip.MustParseAddr(c.Dst6()), codec.ICMPv6EchoRequest
		}
		for _, want := range []Want{OnlyDatagram, OnlyRaw} {
			err := c.Src().Do(func() error {
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
				msg := make([]byte, 0, 128)
				buf := make([]byte, 1500)
				var seq uint16
				var failed error
				roundTrip := func() {
					seq++
					msg = codec.Append(msg[:0], codec.Header{Family: fam, Type: typ}, codec.Echo{ID: id, Seq: seq, Data: buf[1400:1456]})
					if _, err := conn.WriteTo(msg, target); err != nil && failed == nil {
						failed = err
					}
					if _, err := conn.Read(buf[:1400]); err != nil && failed == nil {
						failed = err
					}
				}
				conn.SetReadDeadline(time.Now().Add(time.Minute))
				roundTrip() // the first send resolves the neighbour
				n := testing.AllocsPerRun(200, roundTrip)
				if failed != nil {
					t.Errorf("%v %v: %v", fam, want, failed)
				} else if n > 0 {
					t.Errorf("%v %v: %.2f allocations per send and read, want 0", fam, want, n)
				}
				return nil
			})
			if err != nil {
				t.Fatalf("%v %v: %v", fam, want, err)
			}
		}
	}
}
