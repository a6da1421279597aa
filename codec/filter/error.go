package filter

import (
	"strconv"
	"unicode/utf8"
)

// Error is an expression that does not compile: where (Offset, a byte
// offset into the expression; Column, 1-based in characters) and why, with
// a hint when one helps ("did you mean icmp.type?").
type Error struct {
	Expr   string
	Offset int
	Msg    string
	Hint   string
}

// Column is the 1-based character column of Offset, what an editor shows.
func (e *Error) Column() int {
	off := min(max(e.Offset, 0), len(e.Expr))
	return utf8.RuneCountInString(e.Expr[:off]) + 1
}

func (e *Error) Error() string {
	s := e.Msg + " at column " + strconv.Itoa(e.Column())
	if e.Hint != "" {
		s += "; " + e.Hint
	}
	return s
}

func errAt(expr string, off int, msg string) *Error {
	return &Error{Expr: expr, Offset: off, Msg: msg}
}
