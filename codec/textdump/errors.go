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
	Msg     string  // what was expected, e.g. "odd number of hex digits": Why in English
	Why     Why     // the same reason as a kind and its numbers, worded in English and Korean
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

// KO is the error in Korean, for a Korean reader of the paste box: where,
// why (worded from the same catalogue as Error's English, whyTexts), and the
// dialect in its Korean title. An error built by hand without a Why keeps
// its Msg.
func (e *SyntaxError) KO() string {
	s := strconv.Itoa(e.Line) + "번째 줄"
	if e.Column > 0 {
		s += " " + strconv.Itoa(e.Column) + "번째 열"
	}
	msg := e.Why.KO()
	if msg == "" {
		msg = e.Msg
	}
	s += ": " + msg
	if e.Dialect != Auto {
		s += " (" + e.Dialect.TitleKO() + " 형식으로 읽는 중)"
	}
	return s
}

func (e *SyntaxError) Unwrap() error { return e.Err }

func syntaxErr(d Dialect, line, col int, why Why) *SyntaxError {
	return &SyntaxError{Line: line, Column: col, Dialect: d, Msg: why.String(), Why: why, Err: ErrSyntax}
}

// tooLarge is a SyntaxError for bytes past Options.MaxBytes.
func tooLarge(d Dialect, line, col int, why Why) *SyntaxError {
	e := syntaxErr(d, line, col, why)
	e.Err = ErrTooLarge
	return e
}

// quoteChar shows one byte of the input in an error message.
func quoteChar(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return strconv.QuoteRune(rune(c))
	}
	return "byte 0x" + strconv.FormatUint(uint64(c), 16)
}
