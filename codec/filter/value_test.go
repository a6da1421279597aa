package filter

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The byte-held addresses compare as netip does: a network holds what
// netip.Prefix.Contains says, equality and order are netip's, for IPv4,
// IPv6 and IPv4 mapped into IPv6 (which is not IPv4), every prefix length.
func TestValueAddressesAsNetip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	addr := func() netip.Addr {
		var b [16]byte
		for i := range b {
			b[i] = byte(r.Uint32())
		}
		switch r.IntN(3) {
		case 0:
			return netip.AddrFrom4([4]byte(b[:4]))
		case 1:
			return netip.AddrFrom16([16]byte(b))
		}
		return netipMapped(netip.AddrFrom4([4]byte(b[:4])))
	}
	for range 20000 {
		a, b := addr(), addr()
		if r.IntN(2) == 0 && a.BitLen() == b.BitLen() {
			// Share a random number of leading bits so that both
			// outcomes of Contains come up.
			ab, bb := a.AsSlice(), b.AsSlice()
			copy(bb, ab[:r.IntN(len(ab)+1)])
			b, _ = netip.AddrFromSlice(bb)
		}
		pf := netip.PrefixFrom(a, r.IntN(a.BitLen()+1))
		lit := networkLiteral(pf)
		require.Equal(t, pf.Contains(b), lit.inNetwork(netipValue(b)), "%s contains %s", pf, b)
		va, vb := netipValue(a), netipValue(b)
		assert.Equal(t, a == b, va == vb, "%s == %s", a, b)
		if a.BitLen() == b.BitLen() && a.Is4In6() == b.Is4In6() {
			assert.Equal(t, a.Compare(b), compareAddr(va.a, vb.a), "%s <=> %s", a, b)
		}
	}
}

func netipMapped(a netip.Addr) netip.Addr { return netip.AddrFrom16(a.As16()) }
