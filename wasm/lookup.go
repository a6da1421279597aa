package main

import (
	"errors"
	"strconv"

	"icmplab/codec"
	"icmplab/codec/dissect"
	catalogue "icmplab/codec/dissect/explain"
	"icmplab/codec/textdump"
)

// TextView is an explanation in both languages.
type TextView struct {
	EN string `json:"en"`
	KO string `json:"ko"`
}

// CodeView is one registry code.
type CodeView struct {
	Code    int      `json:"code"`
	Name    string   `json:"name"`
	RFC     string   `json:"rfc,omitempty"`
	Status  string   `json:"status"`
	Explain TextView `json:"explain"`
}

// TypeView is one registry type, with its codes when asked.
type TypeView struct {
	Family  int        `json:"family"`
	Type    int        `json:"type"`
	Name    string     `json:"name"`
	RFC     string     `json:"rfc,omitempty"`
	Status  string     `json:"status"`
	IsError bool       `json:"isError"`
	Explain TextView   `json:"explain"`
	Codes   []CodeView `json:"codes,omitempty"`
}

// LookupView answers lookup(family, type, code).
type LookupView struct {
	Known bool      `json:"known"`
	Type  TypeView  `json:"type"`
	Code  *CodeView `json:"code,omitempty"`
}

func text(t codec.Text) TextView { return TextView{EN: t.EN, KO: t.KO} }

func viewType(ti codec.TypeInfo, withCodes bool) TypeView {
	v := TypeView{
		Family:  int(ti.Family),
		Type:    int(ti.Type),
		Name:    ti.Name,
		RFC:     ti.RFC,
		Status:  ti.Status.String(),
		IsError: ti.IsError || codec.IsError(ti.Family, ti.Type),
		Explain: text(ti.Explain),
	}
	if withCodes {
		for _, c := range ti.Codes {
			v.Codes = append(v.Codes, viewCode(c))
		}
	}
	return v
}

func viewCode(c codec.CodeInfo) CodeView {
	return CodeView{Code: int(c.Code), Name: c.Name, RFC: c.RFC, Status: c.Status.String(), Explain: text(c.Explain)}
}

// family checks a family number from JavaScript.
func family(n int) (codec.Family, error) {
	switch codec.Family(n) {
	case codec.IPv4, codec.IPv6:
		return codec.Family(n), nil
	}
	return 0, errors.New("family must be 4 or 6, not " + strconv.Itoa(n))
}

func byteArg(name string, n int) (uint8, error) {
	if n < 0 || n > 255 {
		return 0, errors.New(name + " must be 0 to 255, not " + strconv.Itoa(n))
	}
	return uint8(n), nil
}

// lookup answers what a type and code are. code < 0 asks for the type only.
func lookup(fam, typ, code int) (LookupView, error) {
	f, err := family(fam)
	if err != nil {
		return LookupView{}, err
	}
	t, err := byteArg("type", typ)
	if err != nil {
		return LookupView{}, err
	}
	ti, ok := codec.LookupType(f, codec.Type(t))
	if !ok {
		ti.Name = codec.TypeName(f, codec.Type(t))
		ti.Status = codec.StatusReserved
	}
	v := LookupView{Known: ok, Type: viewType(ti, true)}
	if code >= 0 {
		c, err := byteArg("code", code)
		if err != nil {
			return LookupView{}, err
		}
		ci, ok := codec.LookupCode(f, codec.Type(t), codec.Code(c))
		if !ok {
			ci.Name = codec.CodeName(f, codec.Type(t), codec.Code(c))
			ci.Status = codec.StatusReserved
			if len(ti.Codes) == 0 && c == 0 {
				ci.Status = ti.Status // a type with only code 0 unnamed
				ci.Name = ""
			}
		}
		cv := viewCode(ci)
		v.Code = &cv
	}
	return v, nil
}

// types lists a family's registered types, without their codes.
func types(fam int) ([]TypeView, error) {
	f, err := family(fam)
	if err != nil {
		return nil, err
	}
	var out []TypeView
	for _, ti := range codec.Types(f) {
		out = append(out, viewType(ti, false))
	}
	return out, nil
}

// ExplainView answers explain(key).
type ExplainView struct {
	Key   string `json:"key"`
	Known bool   `json:"known"`
	EN    string `json:"en,omitempty"`
	KO    string `json:"ko,omitempty"`
}

func explain(key string) ExplainView {
	t, ok := catalogue.Lookup(key)
	return ExplainView{Key: key, Known: ok, EN: t.EN, KO: t.KO}
}

// LayerOption is one entry of the page's start-layer select.
type LayerOption struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Meta is what the page needs once at start.
type Meta struct {
	Version  string        `json:"version"`
	Dialects []string      `json:"dialects"`
	Layers   []LayerOption `json:"layers"`
	Examples []Example     `json:"examples"`
	Types    []TypeName    `json:"types"` // both families, for the capture filter and the builder
	// BuildDefault is the type the builder starts on: ping's echo request.
	BuildDefault TypeName `json:"buildDefault"`
}

// TypeName names a type, without the explanations lookup gives: the page
// loads the list at start and asks for the rest when it shows a type.
type TypeName struct {
	Family int    `json:"family"`
	Type   int    `json:"type"`
	Name   string `json:"name"`
}

// version is set with -ldflags "-X main.version=..." like the native binary.
var version = "dev"

func meta() Meta {
	m := Meta{Version: version}
	for _, d := range textdump.Dialects() {
		m.Dialects = append(m.Dialects, d.String())
	}
	for _, name := range dissect.Layers() {
		l, ok := dissect.ParseLayer(name)
		if !ok || l == dissect.LayerAuto {
			continue
		}
		m.Layers = append(m.Layers, LayerOption{ID: name, Title: layerTitle(l)})
	}
	m.Examples = exampleList()
	for _, f := range []codec.Family{codec.IPv4, codec.IPv6} {
		for _, ti := range codec.Types(f) {
			m.Types = append(m.Types, TypeName{Family: int(f), Type: int(ti.Type), Name: ti.Name})
		}
	}
	m.BuildDefault = TypeName{Family: int(codec.IPv4), Type: int(codec.ICMPv4EchoRequest), Name: codec.TypeName(codec.IPv4, codec.ICMPv4EchoRequest)}
	return m
}
