package filter

import (
	"strconv"
	"unicode/utf8"

	"icmplab/codec/dissect"
)

// Error is an expression that does not compile: where (Offset, a byte
// offset into the expression; Column, 1-based in characters) and why, with
// a hint when one helps ("did you mean icmp.type?"). Msg and Hint are the
// English; Reason and HintIn word the same in any language, from the one
// catalogue in messages.go.
type Error struct {
	Expr   string
	Offset int
	Msg    string // the reason in English
	Hint   string // the hint in English, or ""

	msg, hint message
}

// Column is the 1-based character column of Offset, what an editor shows.
func (e *Error) Column() int {
	off := min(max(e.Offset, 0), len(e.Expr))
	return utf8.RuneCountInString(e.Expr[:off]) + 1
}

// Reason is why the expression does not compile, in l.
func (e *Error) Reason(l dissect.Lang) string {
	if e.msg.kind == msgNone {
		return e.Msg
	}
	return e.msg.in(l)
}

// HintIn is the hint in l, or "".
func (e *Error) HintIn(l dissect.Lang) string {
	if e.hint.kind == msgNone {
		return e.Hint
	}
	return e.hint.in(l)
}

// In is the whole sentence in l: the reason, the column and the hint.
func (e *Error) In(l dissect.Lang) string {
	col := strconv.Itoa(e.Column())
	var s string
	if l == dissect.LangKO {
		s = e.Reason(l) + " (" + col + "번째 글자)"
	} else {
		s = e.Reason(l) + " at column " + col
	}
	if h := e.HintIn(l); h != "" {
		s += "; " + h
	}
	return s
}

func (e *Error) Error() string { return e.In(dissect.LangEN) }

// errAt is the error m at byte offset off of expr.
func errAt(expr string, off int, m message) *Error {
	return &Error{Expr: expr, Offset: off, Msg: m.in(dissect.LangEN), msg: m}
}

// withHint adds hint h to e.
func (e *Error) withHint(h message) *Error {
	e.hint = h
	e.Hint = h.in(dissect.LangEN)
	return e
}
