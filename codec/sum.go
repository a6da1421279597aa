package codec

import (
	"encoding/binary"
	"math/bits"
	"net/netip"
)

// Sum accumulates the Internet checksum (RFC 1071) over several pieces, as
// the ICMPv6 pseudo-header needs. The zero value is ready to use.
type Sum struct {
	acc uint64
	odd bool // an odd byte is pending from the previous piece
}

// Add folds b into the running sum.
func (s *Sum) Add(b []byte) { s.add(b) }

// Fold returns the one's complement of the folded sum: the checksum field value.
func (s *Sum) Fold() uint16 { return s.fold() }

// Checksum is the Internet checksum of b (the value to store in a zeroed field).
func Checksum(b []byte) uint16 {
	var s Sum
	s.Add(b)
	return s.Fold()
}

// OnesAdd is the one's-complement sum of two 16-bit words (RFC 1071): the
// arithmetic by which a word written into a payload steers a checksum to a
// chosen value, as Paris traceroute's probes do.
func OnesAdd(a, b uint16) uint16 {
	s := uint32(a) + uint32(b)
	return uint16(s&0xffff + s>>16)
}

// PseudoHeaderSum starts a Sum with the IPv6 pseudo-header (RFC 8200 8.1) for
// an upper-layer packet of length n and protocol proto. It also serves UDP and
// TCP over IPv4 when src and dst are IPv4 addresses (RFC 768).
func PseudoHeaderSum(src, dst netip.Addr, proto uint8, n int) Sum {
	var s Sum
	s.pseudo(src, dst, proto, n)
	return s
}

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
	if s.odd {
		var c uint64
		acc, c = bits.Add64(acc, uint64(b[0]), 0)
		acc += c
		b = b[1:]
	}
	s.acc = sum64(acc, b)
	s.odd = len(b)&1 == 1
}

// sum64 adds b, starting at a 16-bit word boundary, to the one's-complement
// accumulator acc; a last odd byte counts as the high byte of a word. One
// carry chain runs through all the 64-bit additions and is folded back once
// at the end: on x86 that is one ADC per eight bytes, and splitting the sum
// over independent accumulators would not help, as they would share the one
// carry flag. The loads are unrolled by 64, 32, 16 and 8 bytes so that a
// message of a few dozen bytes takes no loop at all.
func sum64(acc uint64, b []byte) uint64 {
	var c uint64
	for len(b) >= 64 {
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[8:]), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[16:]), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[24:]), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[32:]), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[40:]), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[48:]), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[56:]), c)
		b = b[64:]
	}
	if len(b) >= 32 {
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[8:]), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[16:]), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[24:]), c)
		b = b[32:]
	}
	if len(b) >= 16 {
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b), c)
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b[8:]), c)
		b = b[16:]
	}
	if len(b) >= 8 {
		acc, c = bits.Add64(acc, binary.BigEndian.Uint64(b), c)
		b = b[8:]
	}
	// The tail, under 8 bytes, as one word placed where its bytes sit.
	var t uint64
	if len(b) >= 4 {
		t = uint64(binary.BigEndian.Uint32(b)) << 32
		b = b[4:]
	}
	if len(b) >= 2 {
		t |= uint64(binary.BigEndian.Uint16(b)) << 16
		b = b[2:]
	}
	if len(b) == 1 {
		t |= uint64(b[0]) << 8
	}
	acc, c = bits.Add64(acc, t, c)
	return acc + c
}

// sumVerify is sum64 with little-endian loads, for a verdict only: the
// one's-complement sum of byte-swapped words is the byte-swapped sum (RFC
// 1071 2(B)), and a swapped zero is zero, so fold(sumVerify(0, b)) == 0
// exactly when fold(sum64(0, b)) == 0, without a byte swap per load on the
// machines (x86, arm64, wasm) that load little-endian natively. Its
// accumulator must not be mixed with sum64's. The tail, under 8 bytes,
// goes into a little-endian word at the same byte positions.
func sumVerify(acc uint64, b []byte) uint64 {
	var c uint64
	for len(b) >= 64 {
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[8:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[16:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[24:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[32:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[40:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[48:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[56:]), c)
		b = b[64:]
	}
	if len(b) >= 32 {
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[8:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[16:]), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[24:]), c)
		b = b[32:]
	}
	if len(b) >= 16 {
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b), c)
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b[8:]), c)
		b = b[16:]
	}
	if len(b) >= 8 {
		acc, c = bits.Add64(acc, binary.LittleEndian.Uint64(b), c)
		b = b[8:]
	}
	var t uint64
	if len(b) >= 4 {
		t = uint64(binary.LittleEndian.Uint32(b))
		b = b[4:]
	}
	if len(b) >= 2 {
		t |= uint64(binary.LittleEndian.Uint16(b)) << 32
		b = b[2:]
	}
	if len(b) == 1 {
		t |= uint64(b[0]) << 48
	}
	acc, c = bits.Add64(acc, t, c)
	return acc + c
}

// addWord adds a value already placed at a 16-bit word boundary.
func (s *Sum) addWord(v uint64) {
	var c uint64
	s.acc, c = bits.Add64(s.acc, v, 0)
	s.acc += c
}

// fold reduces the accumulator to 16 bits and complements it. Each halving
// adds the value to itself rotated by half its width: the upper half of
// that sum is the two halves added with the carry out of the lower half
// brought back around, which is one's-complement addition (Linux's
// csum_fold does the same). Two short steps instead of a chain of masks
// and shifts: a datagram's two verdicts wait on it.
func (s *Sum) fold() uint16 {
	a := s.acc
	a += bits.RotateLeft64(a, 32)
	w := uint32(a >> 32)
	w += bits.RotateLeft32(w, 16)
	return ^uint16(w >> 16)
}

// fold64 folds a 64-bit one's-complement accumulator to the checksum field
// value, as Sum.fold does.
func fold64(a uint64) uint16 {
	s := Sum{acc: a}
	return s.fold()
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
