package codec

import (
	"encoding/binary"
	"math/bits"
	"net/netip"
)

// add folds b into a 64-bit one's-complement accumulator, eight bytes at a
// time with the carry brought back around (a sum of big-endian 64-bit words
// equals the sum of their 16-bit words modulo 0xffff). Portable: no unsafe,
// no assembly, the same on wasm; exact for any split of the input into
// pieces, odd lengths included.
func (s *Sum) add(b []byte) {
	if len(b) == 0 {
		return
	}
	acc := s.acc
	var c uint64
	if s.odd {
		acc, c = bits.Add64(acc, uint64(b[0]), 0)
		acc += c
		b = b[1:]
		s.odd = false
	}
	for len(b) >= 32 {
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b), 0)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[8:]), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[16:]), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[24:]), c)
		acc += c
		b = b[32:]
	}
	for len(b) >= 8 {
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b), 0)
		acc += c
		b = b[8:]
	}
	if len(b) >= 4 {
		acc, c = bits.Add64(acc, uint64(binary.BigEndian.Uint32(b)), 0)
		acc += c
		b = b[4:]
	}
	if len(b) >= 2 {
		acc, c = bits.Add64(acc, uint64(binary.BigEndian.Uint16(b)), 0)
		acc += c
		b = b[2:]
	}
	if len(b) == 1 {
		acc, c = bits.Add64(acc, uint64(b[0])<<8, 0)
		acc += c
		s.odd = true
	}
	s.acc = acc
}

// addWord adds a value already placed at a 16-bit word boundary.
func (s *Sum) addWord(v uint64) {
	var c uint64
	s.acc, c = bits.Add64(s.acc, v, 0)
	s.acc += c
}

func (s *Sum) fold() uint16 {
	a := s.acc
	a = a&0xffffffff + a>>32 // at most 33 bits
	a = a&0xffff + a>>16     // at most 18 bits
	a = a&0xffff + a>>16     // at most 17 bits
	a = a&0xffff + a>>16
	return ^uint16(a)
}

func (s *Sum) pseudo(src, dst netip.Addr, proto uint8, n int) {
	if src.Is4() || src.Is4In6() && dst.Is4In6() {
		a, b := src.As4(), dst.As4()
		s.addWord(uint64(binary.BigEndian.Uint32(a[:])) + uint64(binary.BigEndian.Uint32(b[:])))
		s.addWord(uint64(proto) + uint64(uint16(n)))
		return
	}
	a, b := src.As16(), dst.As16()
	s.add(a[:])
	s.add(b[:])
	s.addWord(uint64(uint32(n)) + uint64(proto))
}
