package trace

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"icmplab/codec"
)

// TestUDPParisChecksum checks the compensation against codec's own UDP
// checksum for random addresses, ports and wanted values.
func TestUDPParisChecksum(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		var src, dst netip.Addr
		if i%2 == 0 {
			src = netip.AddrFrom4([4]byte{198, 18, byte(r.IntN(256)), byte(r.IntN(256))})
			dst = netip.AddrFrom4([4]byte{198, 19, byte(r.IntN(256)), byte(r.IntN(256))})
		} else {
			var a, b [16]byte
			for j := range a {
				a[j], b[j] = byte(r.IntN(256)), byte(r.IntN(256))
			}
			src, dst = netip.AddrFrom16(a), netip.AddrFrom16(b)
		}
		want := uint16(1 + r.IntN(0xfffe))
		p := make([]byte, 4+r.IntN(60))
		sport, dport := uint16(r.IntN(65536)), uint16(r.IntN(65536))
		udpParisPayload(p, uint16(i), want, src, dst, sport, dport)
		if got := udpChecksum(p, src, dst, sport, dport); got != want {
			t.Fatalf("case %d: checksum %#04x, want %#04x (payload % x)", i, got, want, p)
		}
	}
}

// TestICMPParisChecksum checks that echo requests of one flow share their
// checksum whatever the sequence number.
func TestICMPParisChecksum(t *testing.T) {
	var first uint16
	for seq := 0; seq < 70000; seq += 7 {
		p := make([]byte, 32)
		icmpParisPayload(p, uint16(seq), uint16(seq))
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 0x1234, Seq: uint16(seq), Data: p})
		sum := uint16(msg[2])<<8 | uint16(msg[3])
		if seq == 0 {
			first = sum
		} else if sum != first {
			t.Fatalf("seq %d: checksum %#04x, first probe had %#04x", seq, sum, first)
		}
	}
}
