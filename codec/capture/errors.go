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
	Msg    string // what was expected, e.g. "total length 7 is not a multiple of 4": Why in English
	Why    Why    // the same reason as a kind and its numbers; zero when Msg is an underlying error's text
	Err    error  // one of the sentinels, or the underlying read error
}

func (e *FormatError) Error() string {
	s := e.Format + ": "
	if e.What != "" {
		s += e.What + " at offset " + strconv.FormatInt(e.Offset, 10) + ": "
	}
	return s + e.Msg
}

// KO is the error in Korean, for a Korean reader of the page: the format,
// the part of the file and its offset, and why, worded from the same
// catalogue as Error's English (whyTexts); an error from below the reader
// (gzip, the file) is worded by what it is, keeping its numbers.
func (e *FormatError) KO() string {
	s := formatKO(e.Format) + ": "
	if e.What != "" {
		s += whatKO(e.What) + "(오프셋 " + strconv.FormatInt(e.Offset, 10) + "): "
	}
	if !e.Why.IsZero() {
		return s + e.Why.KO()
	}
	return s + errKO(e.Err)
}

func (e *FormatError) Unwrap() error { return e.Err }
