package main

import (
	"errors"
	"reflect"

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

// localName is a registry entry's name in l, IANA's English one where the
// codec has no Korean. The registry's Korean names (issue 14) are the field
// NameKO of codec.TypeInfo and codec.CodeInfo, added on another branch at
// the same time as this one; it is read by name so that this compiles
// before and after that branch is merged, and lights up with it. Once both
// are in, this is ti.NameKO.
func localName(l Lang, entry any, en string) string {
	if l != KO {
		return en
	}
	v := reflect.ValueOf(entry)
	if v.Kind() != reflect.Struct {
		return en
	}
	if f := v.FieldByName("NameKO"); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
		return f.String()
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
