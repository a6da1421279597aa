package textdump

import (
	"errors"
	"strconv"
)

var (
	// ErrSyntax is wrapped by every *SyntaxError, for errors.Is.
	ErrSyntax = errors.New("syntax error")
	// ErrNoBytes is returned for text that holds no packet bytes at all.
	ErrNoBytes = errors.New("textdump: no packet bytes found in the text")
	// ErrTooLarge is wrapped when the decoded bytes would pass Options.MaxBytes.
	ErrTooLarge = errors.New("too many bytes")
)

// SyntaxError says where in the text reading stopped and why. Line and
// Column count from 1; Column counts bytes of the line.
type SyntaxError struct {
	Line    int
	Column  int
	Dialect Dialect // the dialect the text was being read as
	Msg     string  // what was expected, e.g. "odd number of hex digits"
	Err     error   // ErrSyntax or ErrTooLarge
}

func (e *SyntaxError) Error() string {
	s := "line " + strconv.Itoa(e.Line)
	if e.Column > 0 {
		s += ", column " + strconv.Itoa(e.Column)
	}
	s += ": " + e.Msg
	if e.Dialect != Auto {
		s += " (reading " + e.Dialect.String() + ")"
	}
	return s
}

func (e *SyntaxError) Unwrap() error { return e.Err }

func syntaxErr(d Dialect, line, col int, msg string) *SyntaxError {
	return &SyntaxError{Line: line, Column: col, Dialect: d, Msg: msg, Err: ErrSyntax}
}

// quoteChar shows one byte of the input in an error message.
func quoteChar(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return strconv.QuoteRune(rune(c))
	}
	return "byte 0x" + strconv.FormatUint(uint64(c), 16)
}
