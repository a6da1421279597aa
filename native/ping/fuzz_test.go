package ping

import (
	"net/netip"
	"testing"
	"time"

	"icmplab/codec"
	"icmplab/native/icmpsock"
)

// FuzzHandle feeds arbitrary bytes, as from any sender, to the matcher of a
// pinger with probes in flight: it must never panic, and nothing that is
// not a well-formed reply from the target may count as received.
func FuzzHandle(f *testing.F) {
	req := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 7, Seq: 1, Data: make([]byte, 56)})
	rm, _ := codec.Parse(codec.IPv4, req, netip.Addr{}, netip.Addr{})
	f.Add(uint8(4), reply(codec.IPv4, rm, nil))
	f.Add(uint8(4), timeExceeded(codec.IPv4, rm, self4, target4))
	f.Add(uint8(6), []byte{129, 0, 0, 0, 0, 7, 0, 1})
	f.Add(uint8(4), []byte{43, 2, 0, 0, 0, 7, 1, 0})
	f.Fuzz(func(t *testing.T, fam uint8, b []byte) {
		family := codec.IPv4
		if fam%2 == 1 {
			family = codec.IPv6
		}
		for _, probe := range []bool{false, true} {
			cfg := baseConfig(family)
			if probe {
				cfg.Probe, _ = ParseProbeQuery("eth0")
			}
			sink := &recordSink{}
			p, err := New(cfg, newFake(family, nil), sink)
			if err != nil {
				t.Fatal(err)
			}
			for range 3 {
				p.send()
			}
			p.handle(icmpsock.Packet{ICMP: b, From: router4, At: time.Now(), TTL: 1})
			if p.received != 0 {
				t.Fatalf("a message from a router counted as a reply: %x", b)
			}
			p.handle(icmpsock.Packet{ICMP: b, From: cfg.Dst, At: time.Now(), TTL: 1})
			if p.received > 1 || p.errors > 1 {
				t.Fatalf("one message counted %d replies, %d errors", p.received, p.errors)
			}
		}
	})
}
