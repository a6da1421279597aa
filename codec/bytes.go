package codec

import (
	"encoding/binary"
	"net/netip"
	"strconv"
)

// be16 and be32 read big-endian fields; callers have checked the length.
func be16(b []byte) uint16 { return binary.BigEndian.Uint16(b) }
func be32(b []byte) uint32 { return binary.BigEndian.Uint32(b) }

// put16 and put32 overwrite big-endian fields in place.
func put16(b []byte, v uint16) { binary.BigEndian.PutUint16(b, v) }
func put32(b []byte, v uint32) { binary.BigEndian.PutUint32(b, v) }

// malformed builds the "field holds a forbidden value" error.
func malformed(layer string, off int, want, have Phrase) *ParseError {
	return &ParseError{Layer: layer, Offset: off, Want: want, Have: have, Err: ErrMalformed}
}

// badLength builds the "length field disagrees with the bytes present" error.
func badLength(layer string, off int, want, have Phrase) *ParseError {
	return &ParseError{Layer: layer, Offset: off, Want: want, Have: have, Err: ErrBadLength}
}

// shift moves a ParseError's offset by base, so that an error found inside a
// nested structure names its position in the bytes the caller gave.
func shift(err error, base int) error {
	if pe, ok := err.(*ParseError); ok && base != 0 {
		c := *pe
		c.Offset += base
		return &c
	}
	return err
}

// addr4 and addr16 read addresses; callers have checked the length.
func addr4(b []byte) netip.Addr  { return netip.AddrFrom4([4]byte(b[:4])) }
func addr16(b []byte) netip.Addr { return netip.AddrFrom16([16]byte(b[:16])) }

// itoa is strconv.Itoa, short for error texts.
func itoa(n int) string { return strconv.Itoa(n) }
