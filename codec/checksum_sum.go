package codec

import (
	"encoding/binary"
	"net/netip"
)

// add is a plain 16-bit-word accumulator: portable (wasm has no SIMD path
// worth the complexity) and exact for any split of the input into pieces.
func (s *Sum) add(b []byte) {
	if len(b) == 0 {
		return
	}
	if s.odd {
		s.acc += uint64(b[0])
		b = b[1:]
		s.odd = false
	}
	for len(b) >= 8 {
		s.acc += uint64(binary.BigEndian.Uint32(b)) + uint64(binary.BigEndian.Uint32(b[4:]))
		b = b[8:]
	}
	for len(b) >= 2 {
		s.acc += uint64(binary.BigEndian.Uint16(b))
		b = b[2:]
	}
	if len(b) == 1 {
		s.acc += uint64(b[0]) << 8
		s.odd = true
	}
}

func (s *Sum) fold() uint16 {
	a := s.acc
	for a>>16 != 0 {
		a = (a & 0xffff) + (a >> 16)
	}
	return ^uint16(a)
}

func (s *Sum) pseudo(src, dst netip.Addr, proto uint8, n int) {
	if src.Is4() || src.Is4In6() && dst.Is4In6() {
		a, b := src.As4(), dst.As4()
		s.add(a[:])
		s.add(b[:])
		s.acc += uint64(proto) + uint64(n)
		return
	}
	a, b := src.As16(), dst.As16()
	s.add(a[:])
	s.add(b[:])
	s.acc += uint64(uint32(n)) + uint64(proto)
}
