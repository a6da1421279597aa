package main

import (
	"errors"
	"net/netip"
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
	// Body is what build makes of the type: "echo", "error" or "raw".
	Body string `json:"body"`
}

// LookupView answers lookup(family, type, code).
type LookupView struct {
	Known bool      `json:"known"`
	Type  TypeView  `json:"type"`
	Code  *CodeView `json:"code,omitempty"`
}

func text(t codec.Text) TextView { return TextView{EN: t.EN, KO: t.KO} }

func viewType(ti codec.TypeInfo, withCodes bool, l Lang) TypeView {
	v := TypeView{
		Family:  int(ti.Family),
		Type:    int(ti.Type),
		Name:    nameIn(l, ti.Name, ti.NameKO),
		RFC:     ti.RFC,
		Status:  ti.Status.String(),
		IsError: ti.IsError || codec.IsError(ti.Family, ti.Type),
		Explain: text(ti.Explain),
		Body:    bodyOf(ti.Family, ti.Type),
	}
	if withCodes {
		for _, c := range ti.Codes {
			v.Codes = append(v.Codes, viewCode(c, l))
		}
	}
	return v
}

func viewCode(c codec.CodeInfo, l Lang) CodeView {
	return CodeView{Code: int(c.Code), Name: nameIn(l, c.Name, c.NameKO), RFC: c.RFC, Status: c.Status.String(), Explain: text(c.Explain)}
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
func lookup(fam, typ, code int, l Lang) (LookupView, error) {
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
	v := LookupView{Known: ok, Type: viewType(ti, true, l)}
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
		cv := viewCode(ci, l)
		v.Code = &cv
	}
	return v, nil
}

// types lists a family's registered types, without their codes.
func types(fam int, l Lang) ([]TypeView, error) {
	f, err := family(fam)
	if err != nil {
		return nil, err
	}
	var out []TypeView
	for _, ti := range codec.Types(f) {
		out = append(out, viewType(ti, false, l))
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

// Option is one entry of a select of the page (the start layer, the dump
// dialect): the ID is what decode and format take, the Title is in the
// page's language.
type Option struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

// Meta is what the page needs once at start.
type Meta struct {
	Version  string     `json:"version"`
	Dialects []Option   `json:"dialects"` // textdump names the dialects in both languages
	Layers   []Option   `json:"layers"`
	Examples []Example  `json:"examples"`
	Types    []TypeName `json:"types"` // both families, for the capture filter and the builder
	// BuildDefault is the type the builder starts on: ping's echo request.
	BuildDefault TypeName `json:"buildDefault"`
	// Vocab is what the page tests values against, so that it knows no
	// protocol number of its own.
	Vocab Vocab `json:"vocab"`
}

// Vocab carries the codec's enumerations the page draws by.
type Vocab struct {
	// Severities names dissect.Severity values by number ("note", ...).
	Severities []string `json:"severities"`
	// Families are the ICMP families with their numbers, names and the
	// field id of their header in the dissection tree.
	Families []FamilyView `json:"families"`
}

// FamilyView is one ICMP family as the page shows and tests it.
type FamilyView struct {
	Number int    `json:"number"` // as lookup, types and build take it
	Name   string `json:"name"`   // "ICMPv4"
	Field  string `json:"field"`  // the ICMP header's field id; its fields are Field + "."
	// Src and Dst are the builder's default addresses (documentation ranges).
	Src string `json:"src"`
	Dst string `json:"dst"`
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

func meta(l Lang) Meta {
	m := Meta{Version: version, Vocab: vocab()}
	for _, d := range textdump.Dialects() {
		m.Dialects = append(m.Dialects, Option{ID: d.String(), Title: dialectTitle(l, d)})
	}
	for _, name := range dissect.Layers() {
		layer, ok := dissect.ParseLayer(name)
		if !ok || layer == dissect.LayerAuto {
			continue
		}
		m.Layers = append(m.Layers, Option{ID: name, Title: layerTitle(layer, l)})
	}
	m.Examples = exampleList(l)
	for _, f := range []codec.Family{codec.IPv4, codec.IPv6} {
		for _, ti := range codec.Types(f) {
			m.Types = append(m.Types, TypeName{Family: int(f), Type: int(ti.Type), Name: nameIn(l, ti.Name, ti.NameKO)})
		}
	}
	m.BuildDefault = TypeName{Family: int(codec.IPv4), Type: int(codec.ICMPv4EchoRequest), Name: typeName(l, codec.IPv4, codec.ICMPv4EchoRequest)}
	return m
}

// vocab asks the codec for its enumerations. The ICMP header's field id is
// read off a dissection of a bare message of each family, so it is the
// dissector's own.
func vocab() Vocab {
	var v Vocab
	for s := dissect.SevNote; s <= dissect.SevError; s++ {
		v.Severities = append(v.Severities, s.String())
	}
	for _, f := range []struct {
		fam      codec.Family
		echo     codec.Type
		at       dissect.Layer
		src, dst netip.Addr
	}{
		{codec.IPv4, codec.ICMPv4EchoRequest, dissect.LayerICMPv4, exHost, exTarget},
		{codec.IPv6, codec.ICMPv6EchoRequest, dissect.LayerICMPv6, exHost6, exTarget6},
	} {
		msg := codec.Append(nil, codec.Header{Family: f.fam, Type: f.echo}, codec.Echo{})
		fv := FamilyView{Number: int(f.fam), Name: f.fam.String(), Src: f.src.String(), Dst: f.dst.String()}
		if root := dissect.Dissect(msg, f.at, dissect.Options{}).Root; len(root) > 0 {
			fv.Field = root[0].Field
		}
		v.Families = append(v.Families, fv)
	}
	return v
}
