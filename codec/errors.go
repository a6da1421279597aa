package codec

import (
	"errors"
	"strconv"
)

// Sentinel errors. A *ParseError wraps one of them, so callers test the kind
// with errors.Is and read the position from the ParseError.
var (
	ErrTruncated   = errors.New("truncated")     // fewer bytes than the structure needs
	ErrMalformed   = errors.New("malformed")     // a field holds a value the structure forbids
	ErrBadLength   = errors.New("bad length")    // a length field disagrees with the bytes present
	ErrBadChecksum = errors.New("bad checksum")  // only from functions asked to enforce checksums
	ErrUnsupported = errors.New("not supported") // a valid construct this codec does not decode
	ErrWrongKind   = errors.New("wrong message kind")
)

// ParseError says where parsing stopped and why. Offset counts from the start
// of the bytes given to the function that returned it.
type ParseError struct {
	Layer  string // "ICMPv4", "IPv4", "extension", "NDP option", ...
	Offset int    // byte offset of the fault
	Want   Phrase // what was expected there, e.g. "8-byte echo header"
	Have   Phrase // what was found, e.g. "6 bytes"
	Err    error  // one of the sentinels above
}

func (e *ParseError) Error() string {
	s := e.Layer + ": " + e.Err.Error() + " at byte " + strconv.Itoa(e.Offset)
	if !e.Want.IsZero() {
		s += ": want " + e.Want.String()
	}
	if !e.Have.IsZero() {
		s += ", have " + e.Have.String()
	}
	return s
}

func (e *ParseError) Unwrap() error { return e.Err }

// truncated builds the common "needs N bytes, have M" error.
func truncated(layer string, off int, want Phrase, have int) *ParseError {
	return &ParseError{Layer: layer, Offset: off, Want: want, Have: bytesFound(have), Err: ErrTruncated}
}
