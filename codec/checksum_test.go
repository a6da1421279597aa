package codec

import (
	"math/bits"
	"math/rand/v2"
	"net/netip"
	"testing"
)

// slowChecksum is RFC 1071 done the obvious way, a byte at a time: the
// reference the fast Sum is held to.
func slowChecksum(b []byte) uint16 {
	var acc uint32
	for i, c := range b {
		if i%2 == 0 {
			acc += uint32(c) << 8
		} else {
			acc += uint32(c)
		}
		for acc > 0xffff {
			acc = acc&0xffff + acc>>16
		}
	}
	return ^uint16(acc)
}

func TestChecksumAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	buf, ones := referenceInputs(r)
	for _, data := range [][]byte{buf, ones} {
		for n := 0; n <= len(data); n++ {
			b := data[:n]
			want := slowChecksum(b)
			if got := Checksum(b); got != want {
				t.Fatalf("length %d: Checksum 0x%04x, reference 0x%04x", n, got, want)
			}
			// The same bytes fed in random pieces, odd splits included.
			var s Sum
			for rest := b; len(rest) > 0; {
				k := r.IntN(len(rest) + 1)
				s.Add(rest[:k])
				rest = rest[k:]
			}
			if got := s.Fold(); got != want {
				t.Fatalf("length %d in pieces: 0x%04x, reference 0x%04x", n, got, want)
			}
		}
	}
}

// TestSumVerifyAgainstReference holds the little-endian verdict sum to the
// reference over every length 0..2048, on random bytes, all-ones bytes,
// all-zero bytes and messages whose checksum field makes them good: its
// fold is the reference's byte-swapped, so it is zero exactly when the
// reference's is.
func TestSumVerifyAgainstReference(t *testing.T) {
	buf, ones := referenceInputs(rand.New(rand.NewPCG(5, 6)))
	zeros := make([]byte, 2048)
	good := make([]byte, 2048)
	for _, data := range [][]byte{buf, ones, zeros, good} {
		for n := 0; n <= len(data); n++ {
			b := data[:n]
			if &data[0] == &good[0] && n >= 4 {
				copy(b, buf[:n])
				put16(b[2:], 0)
				put16(b[2:], slowChecksum(b))
			}
			want := slowChecksum(b)
			got := fold64(sumVerify(0, b))
			if got != bits.ReverseBytes16(want) {
				t.Fatalf("length %d: sumVerify folds to 0x%04x, reference 0x%04x byte-swapped is 0x%04x", n, got, want, bits.ReverseBytes16(want))
			}
			if (got == 0) != (want == 0) {
				t.Fatalf("length %d: sumVerify verdict %v, reference %v", n, got == 0, want == 0)
			}
		}
	}
}

func TestChecksumSplitPoints(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		b := make([]byte, r.IntN(300))
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		want := slowChecksum(b)
		i := r.IntN(len(b) + 1)
		j := i + r.IntN(len(b)-i+1)
		var s Sum
		s.Add(b[:i])
		s.Add(b[i:j])
		s.Add(nil)
		s.Add(b[j:])
		if got := s.Fold(); got != want {
			t.Fatalf("%d bytes split at %d, %d: 0x%04x, want 0x%04x", len(b), i, j, got, want)
		}
	}
}

func TestPseudoHeaderSum(t *testing.T) {
	// The pseudo-header is a byte string (RFC 8200 8.1): sum it as bytes.
	src, dst := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")
	for _, n := range []int{0, 8, 1280, 70000} {
		s := PseudoHeaderSum(src, dst, ProtoICMPv6, n)
		a, b := src.As16(), dst.As16()
		ph := append(append(a[:], b[:]...), byte(n>>24), byte(n>>16), byte(n>>8), byte(n), 0, 0, 0, ProtoICMPv6)
		if got, want := s.Fold(), slowChecksum(ph); got != want {
			t.Errorf("IPv6 pseudo-header for %d: 0x%04x, want 0x%04x", n, got, want)
		}
	}
	s4, d4 := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2")
	s := PseudoHeaderSum(s4, d4, ProtoUDP, 36)
	a, b := s4.As4(), d4.As4()
	ph := append(append(a[:], b[:]...), 0, ProtoUDP, 0, 36)
	if got, want := s.Fold(), slowChecksum(ph); got != want {
		t.Errorf("IPv4 pseudo-header: 0x%04x, want 0x%04x", got, want)
	}
}

// referenceInputs are the 2048 bytes the checksums are held to the
// reference over: random ones from r, and all-ones, which exercise the
// carries hardest.
func referenceInputs(r *rand.Rand) (random, ones []byte) {
	random, ones = make([]byte, 2048), make([]byte, 2048)
	for i := range random {
		random[i] = byte(r.Uint32())
		ones[i] = 0xff
	}
	return random, ones
}
