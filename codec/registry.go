package codec

import (
	"strconv"
	"strings"
)

// Status is where IANA's registry puts a type or code today.
type Status uint8

const (
	StatusCurrent      Status = iota // in use
	StatusDeprecated                 // IANA marks it deprecated (e.g. source quench, RFC 6633)
	StatusExperimental               // experimental or private-use range (RFC 4727)
	StatusReserved                   // reserved or unassigned: a value nobody should send
)

func (s Status) String() string {
	switch s {
	case StatusCurrent:
		return "current"
	case StatusDeprecated:
		return "deprecated"
	case StatusExperimental:
		return "experimental"
	case StatusReserved:
		return "reserved"
	}
	return "status(" + strconv.Itoa(int(s)) + ")"
}

// Text is an explanation for a learner, in English and in Korean.
type Text struct {
	EN string
	KO string
}

// CodeInfo describes one code of a type.
type CodeInfo struct {
	Code    Code
	Name    string // as IANA writes it, e.g. "Port Unreachable"
	NameKO  string // the usual Korean textbook term, e.g. "포트 도달 불가능"
	RFC     string // the defining document, e.g. "RFC 792"
	Status  Status
	Explain Text
}

// TypeInfo describes one ICMP type of one family.
type TypeInfo struct {
	Family Family
	Type   Type
	Name   string // as IANA writes it, e.g. "Destination Unreachable"
	// NameKO is the usual Korean textbook term, e.g. "목적지 도달 불가능",
	// with the English term in parentheses where Korean texts keep it
	// ("경로 재지정 (Redirect)").
	NameKO  string
	RFC     string
	Status  Status
	IsError bool // an error message: it quotes the datagram that caused it
	Explain Text
	Codes   []CodeInfo // known codes, ascending; empty when the type has only code 0 unnamed
}

// LookupType returns the registry entry for a type. The bool is false for
// values IANA has not assigned; callers then print the number (see TypeName).
// Even then the returned TypeInfo is usable: its Name is "Unassigned (N)", its
// Status StatusReserved, its Explain says what an unassigned number means, and
// for ICMPv6 IsError follows the type's range (0-127 are errors).
// The Codes slice is the registry's own: read it, do not modify it.
func LookupType(f Family, t Type) (TypeInfo, bool) {
	tab := registryTable(f)
	if tab == nil || tab[t] == nil {
		return TypeInfo{
			Family:  f,
			Type:    t,
			Name:    unassignedName(t),
			NameKO:  unassignedNameKO(t),
			Status:  StatusReserved,
			IsError: f == IPv6 && t < 128,
			Explain: unassignedText,
		}, false
	}
	return *tab[t], true
}

// LookupCode returns the entry for a code of a type.
func LookupCode(f Family, t Type, c Code) (CodeInfo, bool) {
	ti, ok := LookupType(f, t)
	if !ok {
		return CodeInfo{Code: c}, false
	}
	for _, ci := range ti.Codes {
		if ci.Code == c {
			return ci, true
		}
	}
	return CodeInfo{Code: c}, false
}

// Types lists every registered type of a family, ascending.
func Types(f Family) []TypeInfo {
	tab := registryTable(f)
	if tab == nil {
		return nil
	}
	var out []TypeInfo
	for _, ti := range tab {
		if ti != nil {
			out = append(out, *ti)
		}
	}
	return out
}

// TypeName is the name of a type, or "Unassigned (N)" for a value IANA has not
// assigned: a name never hides the number it stands for.
func TypeName(f Family, t Type) string {
	if ti, ok := LookupType(f, t); ok {
		return ti.Name
	}
	return unassignedName(t)
}

func unassignedName(t Type) string {
	return "Unassigned (" + strconv.Itoa(int(t)) + ")"
}

// TypeNameKO is TypeName in Korean: "목적지 도달 불가능", or "미할당 (N)".
func TypeNameKO(f Family, t Type) string {
	if ti, ok := LookupType(f, t); ok {
		return ti.NameKO
	}
	return unassignedNameKO(t)
}

func unassignedNameKO(t Type) string {
	return "미할당 (" + strconv.Itoa(int(t)) + ")"
}

// CodeNameKO is CodeName in Korean: "포트 도달 불가능", or "코드 N".
func CodeNameKO(f Family, t Type, c Code) string {
	if ci, ok := LookupCode(f, t, c); ok {
		return ci.NameKO
	}
	return "코드 " + strconv.Itoa(int(c))
}

// CodeName is the name of a code, or "Code N" when the registry has none.
func CodeName(f Family, t Type, c Code) string {
	if ci, ok := LookupCode(f, t, c); ok {
		return ci.Name
	}
	return "Code " + strconv.Itoa(int(c))
}

// IsError reports whether messages of this type are errors (they quote the
// offending datagram and must never be sent in answer to another error).
func IsError(f Family, t Type) bool {
	if f == IPv6 {
		return t < 128
	}
	ti, ok := LookupType(f, t)
	return ok && ti.IsError
}

func registryTable(f Family) *[256]*TypeInfo {
	switch f {
	case IPv4:
		return registryV4()
	case IPv6:
		return registryV6()
	}
	return nil
}

// unassignedText explains a type number that IANA has not assigned.
var unassignedText = Text{
	EN: "IANA has not assigned this type number, so no standard says what it means. A conforming host ignores such ICMP messages; seeing one usually means a test tool, a private experiment or a corrupted packet.",
	KO: "IANA가 아직 할당하지 않은 타입 번호라서 어떤 표준도 그 의미를 정하지 않았다. 표준을 따르는 호스트는 이런 ICMP 메시지를 무시하며, 이런 메시지가 보인다면 보통 시험 도구나 사설 실험, 또는 손상된 패킷이다.",
}

// Table builders. The tables in registry_v4.go and registry_v6.go are lists of
// entries made by these helpers, one line per type and per code, so that the
// data reads like IANA's registry and the tests can walk the same lists.

// enko pairs an English and a Korean explanation.
func enko(en, ko string) Text { return Text{EN: en, KO: ko} }

// names pairs a name as IANA writes it with its Korean textbook term.
type names struct{ en, ko string }

// nm pairs an English name and its Korean term, side by side in the tables.
func nm(en, ko string) names { return names{en: en, ko: ko} }

// typeEntry is a message type that is not an error. Codes whose RFC is empty take
// the type's first reference; codes whose Status is current take the type's.
func typeEntry(t Type, name names, rfc string, s Status, x Text, codes ...CodeInfo) TypeInfo {
	return TypeInfo{Type: t, Name: name.en, NameKO: name.ko, RFC: rfc, Status: s, Explain: x, Codes: inheritCodes(rfc, s, codes)}
}

// errorEntry is an error type: it quotes the datagram that caused it.
func errorEntry(t Type, name names, rfc string, s Status, x Text, codes ...CodeInfo) TypeInfo {
	ti := typeEntry(t, name, rfc, s, x, codes...)
	ti.IsError = true
	return ti
}

// typeSpan repeats one entry over a range of types IANA lists as a block
// ("Types 20-29 — Reserved (for Robustness Experiment)").
func typeSpan(lo, hi Type, name names, rfc string, s Status, x Text) []TypeInfo {
	var out []TypeInfo
	for t := int(lo); t <= int(hi); t++ {
		out = append(out, typeEntry(Type(t), name, rfc, s, x))
	}
	return out
}

// codeEntry is one code of a type; an empty rfc means the type's reference.
func codeEntry(c Code, name names, rfc string, x Text) CodeInfo {
	return CodeInfo{Code: c, Name: name.en, NameKO: name.ko, RFC: rfc, Explain: x}
}

func inheritCodes(rfc string, s Status, codes []CodeInfo) []CodeInfo {
	first := rfc
	if i := strings.Index(rfc, ", "); i >= 0 {
		first = rfc[:i]
	}
	for i := range codes {
		if codes[i].RFC == "" {
			codes[i].RFC = first
		}
		if codes[i].Status == StatusCurrent {
			codes[i].Status = s
		}
	}
	return codes
}

// registryIndex indexes a list of entries by type number and stamps the family. A
// duplicate number keeps the later entry; the registry tests reject
// duplicates, so none ships.
func registryIndex(f Family, entries []TypeInfo) [256]*TypeInfo {
	var tab [256]*TypeInfo
	for i := range entries {
		entries[i].Family = f
		tab[entries[i].Type] = &entries[i]
	}
	return tab
}
