package main

import (
	"errors"

	"icmplab/codec"
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

// pick chooses l's text of a codec explanation, English where Korean is
// missing.
func (l Lang) pick(t codec.Text) string {
	if l == KO && t.KO != "" {
		return t.KO
	}
	return t.EN
}

// koNamer is what a registry entry offers once the codec carries Korean
// names beside IANA's English ones (issue 14: "the registry gets Korean
// names"). Until then no entry has it and names stay English: asking here
// is the one place that lights up when it lands.
type koNamer interface{ NameKO() string }

// localName is a registry entry's name in l, IANA's English one where the
// codec has no Korean.
func localName(l Lang, entry any, en string) string {
	if l == KO {
		if n, ok := entry.(koNamer); ok && n.NameKO() != "" {
			return n.NameKO()
		}
	}
	return en
}

// typeName is codec.TypeName in l.
func typeName(l Lang, f codec.Family, t codec.Type) string {
	ti, _ := codec.LookupType(f, t)
	return localName(l, ti, codec.TypeName(f, t))
}

// codeName is codec.CodeName in l ("" where the registry names no code).
func codeName(l Lang, f codec.Family, t codec.Type, c codec.Code) string {
	ci, ok := codec.LookupCode(f, t, c)
	if !ok {
		return codec.CodeName(f, t, c)
	}
	return localName(l, ci, ci.Name)
}

func typeInfo(f codec.Family, t codec.Type) any {
	ti, _ := codec.LookupType(f, t)
	return ti
}

func codeInfo(f codec.Family, t codec.Type, c codec.Code) any {
	ci, _ := codec.LookupCode(f, t, c)
	return ci
}
