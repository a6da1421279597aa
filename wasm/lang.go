package main

import (
	"errors"

	"icmplab/codec"
	"icmplab/codec/capture"
	"icmplab/codec/dissect"
	"icmplab/codec/textdump"
)

// Lang is the language the page asks its words in. Every glue call that
// returns words a person reads takes one; the words themselves come from the
// codec (registry names, explanations), the glue only chooses.
type Lang uint8

const (
	EN Lang = iota
	KO
)

func (l Lang) String() string {
	if l == KO {
		return "ko"
	}
	return "en"
}

func parseLang(s string) (Lang, error) {
	switch s {
	case "", "en":
		return EN, nil
	case "ko":
		return KO, nil
	}
	return EN, errors.New("unknown language " + quote(s) + "; the page speaks en and ko")
}

// say is the glue's own sentence in l, from its English and Korean.
func (l Lang) say(en, ko string) string {
	if l == KO {
		return ko
	}
	return en
}

// pick chooses l's text of a codec explanation, English where Korean is
// missing.
func (l Lang) pick(t codec.Text) string {
	if l == KO && t.KO != "" {
		return t.KO
	}
	return t.EN
}

// nameIn is a registry name in l: the registry's Korean textbook term
// (NameKO) where it has one, IANA's English name otherwise.
func nameIn(l Lang, en, ko string) string {
	if l == KO && ko != "" {
		return ko
	}
	return en
}

// typeName is codec.TypeName in l.
func typeName(l Lang, f codec.Family, t codec.Type) string {
	return nameIn(l, codec.TypeName(f, t), codec.TypeNameKO(f, t))
}

// codeName is codec.CodeName in l.
func codeName(l Lang, f codec.Family, t codec.Type, c codec.Code) string {
	return nameIn(l, codec.CodeName(f, t, c), codec.CodeNameKO(f, t, c))
}

// words is l as the dissector's language: the tree's labels, the words in
// values, the notes, the summary and the sentence come from codec/dissect
// in it.
func (l Lang) words() dissect.Lang {
	if l == KO {
		return dissect.LangKO
	}
	return dissect.LangEN
}

// errorIn is err in l: the codec's readers word their errors in Korean
// too (textdump's syntax errors, capture's format errors); any other error
// is its own text.
func errorIn(l Lang, err error) string {
	if l == KO {
		var se *textdump.SyntaxError
		var fe *capture.FormatError
		switch {
		case errors.As(err, &se):
			return se.KO()
		case errors.As(err, &fe):
			return fe.KO()
		}
	}
	return err.Error()
}

// dialectTitle is how the page names a dump dialect in l ("16진 문자열"); its
// ID, the menus' value, is d.String().
func dialectTitle(l Lang, d textdump.Dialect) string {
	if l == KO {
		return d.TitleKO()
	}
	return d.String()
}

// langError is an error worded in the page's language that still answers
// errors.Is for the sentinel it stands for.
type langError struct {
	msg string
	err error
}

func (e *langError) Error() string { return e.msg }
func (e *langError) Unwrap() error { return e.err }
