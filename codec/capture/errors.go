package capture

import (
	"errors"
	"strconv"
)

// Sentinel errors, wrapped by *FormatError, for errors.Is.
var (
	ErrUnknownFormat = errors.New("not a pcap, pcapng or gzip file")
	ErrTruncated     = errors.New("truncated")
	ErrMalformed     = errors.New("malformed")
	ErrUnsupported   = errors.New("not supported")
	ErrTooLarge      = errors.New("too large")
)

// FormatError says where in the file reading stopped and why. Offset counts
// bytes from the start of the file, or of the decompressed stream for a
// gzipped file.
type FormatError struct {
	Format string // "pcap", "pcapng" or "gzip"
	What   string // "file header", "record", "block", ...
	Offset int64  // offset of the record or block at fault
	Msg    string // what was expected, e.g. "total length 7 is not a multiple of 4"
	Err    error  // one of the sentinels, or the underlying read error
}

func (e *FormatError) Error() string {
	s := e.Format + ": "
	if e.What != "" {
		s += e.What + " at offset " + strconv.FormatInt(e.Offset, 10) + ": "
	}
	return s + e.Msg
}

func (e *FormatError) Unwrap() error { return e.Err }
