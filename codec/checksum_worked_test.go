package codec

import (
	"encoding/binary"
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/require"
)

// RFC 1071 section 3's numerical example: the words 0001 f203 f4f5 f6f7
// sum to 0x2ddf0, fold to 0xddf2, and the checksum is its complement 0x220d.
func TestWorkedChecksumRFC1071Example(t *testing.T) {
	// A 10-byte "extension" whose checksum field (bytes 2-3) is zero and
	// whose other words are the RFC's.
	b := []byte{0x00, 0x01, 0x00, 0x00, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7}
	w, err := WorkExtensionChecksum(b)
	require.NoError(t, err)
	require.Equal(t, uint32(0x2ddf0), w.Total)
	require.Equal(t, []Carry{{From: 0x2ddf0, To: 0xddf2}}, w.Carries)
	require.Equal(t, uint16(0xddf2), w.Folded)
	require.Equal(t, uint16(0x220d), w.Right)
	require.Equal(t, ChecksumBad, w.Status, "the field holds 0, not 0x220d")
	require.Equal(t, WordChecksumField, w.Words[1].Role)
	binary.BigEndian.PutUint16(b[2:], 0x220d)
	w, err = WorkExtensionChecksum(b)
	require.NoError(t, err)
	require.Equal(t, ChecksumGood, w.Status)
	require.Equal(t, uint16(0x220d), w.Found)
}

// checkWorked holds a worked checksum to codec's Sum: the words are the
// bytes, each running sum adds its word, the carries fold the total, the
// right value is the complement of the folded words and what Sum computes
// with the field zeroed, and the verdict is Sum's over the bytes as given.
func checkWorked(t *testing.T, w WorkedChecksum, b []byte, at int, s Sum) {
	t.Helper()
	require.Len(t, w.Words, (len(b)+1)/2)
	var sum uint32
	for _, p := range w.Pseudo {
		sum += uint32(p.Word)
		require.Equal(t, sum, p.Sum)
		require.Equal(t, -1, p.Off)
		require.True(t, p.Role.IsPseudo())
	}
	// Per word, plain comparisons: testify's reflection on a million words
	// would make the test slow; a mismatch still fails with both values.
	for i, x := range w.Words {
		wantRole, wantWord := WordData, uint16(0)
		switch {
		case x.Off == at:
			wantRole = WordChecksumField
		case x.Off+1 == len(b):
			wantRole, wantWord = WordPadded, uint16(b[x.Off])<<8
		default:
			wantWord = binary.BigEndian.Uint16(b[x.Off:])
		}
		sum += uint32(x.Word)
		if x.Off != 2*i || x.Role != wantRole || x.Word != wantWord || x.Sum != sum {
			require.Equal(t, WorkedWord{Off: 2 * i, Role: wantRole, Word: wantWord, Sum: sum}, x, "word %d of %d bytes", i, len(b))
		}
	}
	require.Equal(t, sum, w.Total)
	for _, c := range w.Carries {
		require.Equal(t, sum, c.From)
		sum = sum&0xffff + sum>>16
		require.Equal(t, sum, c.To)
	}
	require.Less(t, sum, uint32(0x10000))
	require.Equal(t, uint16(sum), w.Folded)

	zeroed := append([]byte(nil), b...)
	zeroed[at], zeroed[at+1] = 0, 0
	want := s
	want.Add(zeroed)
	right := want.Fold()
	if w.Kind == ChecksumKindUDP && right == 0 {
		right = 0xffff
	} else {
		require.Equal(t, ^w.Folded, w.Right, "the complement of the folded words")
	}
	require.Equal(t, right, w.Right, "the value Sum computes")
	require.Equal(t, binary.BigEndian.Uint16(b[at:]), w.Found)
	whole := s
	whole.Add(b)
	if whole.Fold() == 0 {
		require.Equal(t, ChecksumGood, w.Status)
	} else if w.Status != ChecksumUnverified {
		require.Equal(t, ChecksumBad, w.Status)
	}
}

// Every length 0..2048 of random bytes, for every kind, with the checksum
// field as random and as the right value.
func TestWorkedChecksumAgreesWithSum(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	src4, dst4 := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.1.9")
	src6, dst6 := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2:0:1::9")
	for n := 0; n <= 2048; n++ {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		type tc struct {
			at   int
			s    Sum
			work func() (WorkedChecksum, error)
		}
		cases := []tc{
			{ICMPChecksumOffset, Sum{}, func() (WorkedChecksum, error) { return WorkICMPChecksum(IPv4, b, src4, dst4) }},
			{ICMPChecksumOffset, PseudoHeaderSum(src6, dst6, ProtoICMPv6, n), func() (WorkedChecksum, error) { return WorkICMPChecksum(IPv6, b, src6, dst6) }},
			{udpChecksumAt, PseudoHeaderSum(src4, dst4, ProtoUDP, n), func() (WorkedChecksum, error) { return WorkTransportChecksum(ProtoUDP, b, src4, dst4) }},
			{udpChecksumAt, PseudoHeaderSum(src6, dst6, ProtoUDP, n), func() (WorkedChecksum, error) { return WorkTransportChecksum(ProtoUDP, b, src6, dst6) }},
			{tcpChecksumAt, PseudoHeaderSum(src4, dst4, ProtoTCP, n), func() (WorkedChecksum, error) { return WorkTransportChecksum(ProtoTCP, b, src4, dst4) }},
			{tcpChecksumAt, PseudoHeaderSum(src6, dst6, ProtoTCP, n), func() (WorkedChecksum, error) { return WorkTransportChecksum(ProtoTCP, b, src6, dst6) }},
			{extChecksumAt, Sum{}, func() (WorkedChecksum, error) { return WorkExtensionChecksum(b) }},
		}
		if n >= 20 && n <= 60 && n%4 == 0 {
			b[0] = 0x40 | byte(n/4)
			cases = append(cases, tc{ipv4ChecksumOff, Sum{}, func() (WorkedChecksum, error) { return WorkIPv4HeaderChecksum(b) }})
		}
		for _, c := range cases {
			w, err := c.work()
			if n < c.at+2 {
				require.Error(t, err, "length %d", n)
				continue
			}
			require.NoError(t, err, "length %d", n)
			checkWorked(t, w, b, c.at, c.s)
			// With the right value written in, the checksum verifies.
			binary.BigEndian.PutUint16(b[c.at:], w.Right)
			w, err = c.work()
			require.NoError(t, err)
			checkWorked(t, w, b, c.at, c.s)
			require.Equal(t, ChecksumGood, w.Status, "kind %v length %d", w.Kind, n)
		}
	}
}

func TestWorkedChecksumRefusals(t *testing.T) {
	_, err := WorkIPv4HeaderChecksum(make([]byte, 19))
	require.ErrorIs(t, err, ErrTruncated)
	h := make([]byte, 24)
	h[0] = 0x46 // 24-byte header: fits
	_, err = WorkIPv4HeaderChecksum(h)
	require.NoError(t, err)
	h[0] = 0x47 // 28 bytes: cut short
	_, err = WorkIPv4HeaderChecksum(h)
	require.ErrorIs(t, err, ErrTruncated)
	h[0] = 0x44
	_, err = WorkIPv4HeaderChecksum(h)
	require.ErrorIs(t, err, ErrMalformed)
	h[0] = 0x65
	_, err = WorkIPv4HeaderChecksum(h)
	require.ErrorIs(t, err, ErrMalformed)
	_, err = WorkICMPChecksum(IPv6, make([]byte, 8), netip.Addr{}, netip.Addr{})
	require.ErrorIs(t, err, ErrMalformed, "ICMPv6 without addresses")
	_, err = WorkTransportChecksum(ProtoICMP, make([]byte, 8), netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2"))
	require.ErrorIs(t, err, ErrUnsupported)
	_, err = WorkTransportChecksum(ProtoUDP, make([]byte, 8), netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("2001:2::1"))
	require.ErrorIs(t, err, ErrMalformed, "mixed address families")
}

// UDP over IPv4 with a zero checksum carries none (RFC 768).
func TestWorkedUDPZero(t *testing.T) {
	src, dst := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2")
	seg := []byte{0x82, 0x9a, 0x82, 0x9b, 0, 12, 0, 0, 'a', 'b', 'c', 'd'}
	w, err := WorkTransportChecksum(ProtoUDP, seg, src, dst)
	require.NoError(t, err)
	require.Equal(t, ChecksumUnverified, w.Status)
	require.Len(t, w.Pseudo, 6, "IPv4 pseudo-header: 2+2 address words, zero and protocol, length")
	require.Equal(t, uint16(ProtoUDP), w.Pseudo[4].Word)
	require.Equal(t, uint16(len(seg)), w.Pseudo[5].Word)
}

func TestWorkedChecksumRebase(t *testing.T) {
	w, err := WorkExtensionChecksum([]byte{0x20, 0, 0, 0, 1, 2, 3})
	require.NoError(t, err)
	w.Rebase(100)
	require.Equal(t, 100, w.Start)
	require.Equal(t, 102, w.At)
	require.Equal(t, []int{100, 102, 104, 106}, []int{w.Words[0].Off, w.Words[1].Off, w.Words[2].Off, w.Words[3].Off})
	require.Equal(t, WordPadded, w.Words[3].Role)
}

func TestChecksumKindNames(t *testing.T) {
	for k := ChecksumKindIPv4Header; k <= ChecksumKindExtension; k++ {
		require.NotContains(t, k.String(), "kind(")
		require.NotEqual(t, "checksum", k.Key())
	}
	require.Equal(t, "checksum.kind.icmpv6", ChecksumKindICMPv6.Key())
	require.Equal(t, "checksum kind(9)", ChecksumKind(9).String())
}

// FuzzWorkedChecksum: any bytes, any kind, never a panic, and whatever is
// worked out agrees with Sum.
func FuzzWorkedChecksum(f *testing.F) {
	f.Add([]byte{0x45, 0, 0, 20, 0, 0, 0, 0, 64, 1, 0, 0, 198, 18, 0, 1, 198, 18, 0, 2}, uint8(0))
	f.Add([]byte{0x80, 0, 0, 0, 0, 1, 0, 1, 'x'}, uint8(1))
	src4, dst4 := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2")
	src6, dst6 := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")
	f.Fuzz(func(t *testing.T, b []byte, kind uint8) {
		var w WorkedChecksum
		var err error
		var at int
		var s Sum
		switch kind % 6 {
		case 0:
			w, err = WorkIPv4HeaderChecksum(b)
			at = ipv4ChecksumOff
			if err == nil {
				b = b[:int(b[0]&0x0f)*4]
			}
		case 1:
			w, err = WorkICMPChecksum(IPv4, b, netip.Addr{}, netip.Addr{})
			at = ICMPChecksumOffset
		case 2:
			w, err = WorkICMPChecksum(IPv6, b, src6, dst6)
			at, s = ICMPChecksumOffset, PseudoHeaderSum(src6, dst6, ProtoICMPv6, len(b))
		case 3:
			w, err = WorkTransportChecksum(ProtoUDP, b, src4, dst4)
			at, s = udpChecksumAt, PseudoHeaderSum(src4, dst4, ProtoUDP, len(b))
		case 4:
			w, err = WorkTransportChecksum(ProtoTCP, b, src6, dst6)
			at, s = tcpChecksumAt, PseudoHeaderSum(src6, dst6, ProtoTCP, len(b))
		case 5:
			w, err = WorkExtensionChecksum(b)
			at = extChecksumAt
		}
		if err != nil {
			var pe *ParseError
			require.ErrorAs(t, err, &pe)
			return
		}
		checkWorked(t, w, b, at, s)
	})
}
