package filter

import (
	"cmp"
	"encoding/binary"
	"net/netip"
)

// value is one occurrence of a field in a frame, or one literal: a number
// (numbers and MAC addresses) or an address. An address is held as its
// bytes, not as a netip.Addr: a frame's occurrences are appended to slices
// on every frame, and a value holding a pointer would cost a write barrier
// and a scan by the collector each time.
type value struct {
	n    uint64
	a    addrBits
	alen uint8 // 0 for a number; 4 or 16 for an address of that many bytes
}

// addrBits are an address's bytes big-endian, right-aligned: an IPv4
// address fills the low 32 bits of lo.
type addrBits struct{ hi, lo uint64 }

// isAddr reports whether v is an address.
func (v value) isAddr() bool { return v.alen != 0 }

// addrValue is the address in b, 4 or 16 bytes.
func addrValue(b []byte) value {
	if len(b) == 4 {
		return value{a: addrBits{lo: uint64(binary.BigEndian.Uint32(b))}, alen: 4}
	}
	return value{a: addrBits{hi: binary.BigEndian.Uint64(b), lo: binary.BigEndian.Uint64(b[8:])}, alen: 16}
}

// netipValue is a as a value: IPv4 as 4 bytes, anything else (an IPv4
// address mapped into IPv6 included) as 16, as netip tells them apart.
func netipValue(a netip.Addr) value {
	if a.Is4() {
		b := a.As4()
		return addrValue(b[:])
	}
	b := a.As16()
	return addrValue(b[:])
}

// networkLiteral is the literal for a network: its first address and the
// mask of its prefix's bits.
func networkLiteral(pf netip.Prefix) literal {
	pf = pf.Masked()
	v := netipValue(pf.Addr())
	bits := pf.Bits()
	var m addrBits
	if v.alen == 4 {
		m.lo = 0xffffffff &^ (1<<(32-bits) - 1)
	} else {
		m.hi = ^uint64(0) &^ (1<<(64-min(bits, 64)) - 1)
		if bits == 0 {
			m.hi = 0
		}
		if bits > 64 {
			m.lo = ^uint64(0) &^ (1<<(128-bits) - 1)
		}
	}
	return literal{v: v, isNet: true, mask: m}
}

// inNetwork reports whether v is an address of l's network (same family).
func (l *literal) inNetwork(v value) bool {
	return v.alen == l.v.alen && (v.a.hi^l.v.a.hi)&l.mask.hi == 0 && (v.a.lo^l.v.a.lo)&l.mask.lo == 0
}

// compareAddr orders two addresses of one family.
func compareAddr(x, y addrBits) int {
	if c := cmp.Compare(x.hi, y.hi); c != 0 {
		return c
	}
	return cmp.Compare(x.lo, y.lo)
}
