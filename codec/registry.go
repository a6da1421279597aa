package codec

import "strconv"

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
	RFC     string // the defining document, e.g. "RFC 792"
	Status  Status
	Explain Text
}

// TypeInfo describes one ICMP type of one family.
type TypeInfo struct {
	Family  Family
	Type    Type
	Name    string // as IANA writes it, e.g. "Destination Unreachable"
	RFC     string
	Status  Status
	IsError bool // an error message: it quotes the datagram that caused it
	Explain Text
	Codes   []CodeInfo // known codes, ascending; empty when the type has only code 0 unnamed
}

// LookupType returns the registry entry for a type. The bool is false for
// values IANA has not assigned; callers then print the number (see TypeName).
func LookupType(f Family, t Type) (TypeInfo, bool) {
	tab := registryTable(f)
	if tab == nil || tab[t] == nil {
		return TypeInfo{Family: f, Type: t}, false
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
	return "Unassigned (" + strconv.Itoa(int(t)) + ")"
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
		return &registryV4
	case IPv6:
		return &registryV6
	}
	return nil
}
