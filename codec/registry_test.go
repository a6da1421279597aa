package codec

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// IANA's ranges, stated here independently of the tables so that a table line
// put at the wrong number, or forgotten, fails.
var (
	v4Unassigned = numbers([2]int{1, 2}, [2]int{7, 7}, [2]int{44, 252})
	v6Unassigned = numbers([2]int{5, 99}, [2]int{102, 126}, [2]int{162, 199}, [2]int{202, 254})

	v4Errors     = numbers([2]int{3, 5}, [2]int{11, 12}) // RFC 1122 3.2.2
	v4Deprecated = numbers([2]int{4, 4}, [2]int{6, 6}, [2]int{15, 18}, [2]int{30, 39})
	v4Reserved   = numbers([2]int{19, 29}, [2]int{255, 255})
	v4Experiment = numbers([2]int{41, 41}, [2]int{253, 254})
	v6Reserved   = numbers([2]int{0, 0}, [2]int{127, 127}, [2]int{255, 255})
	v6Experiment = numbers([2]int{100, 101}, [2]int{150, 150}, [2]int{200, 201})
)

func numbers(ranges ...[2]int) map[Type]bool {
	m := map[Type]bool{}
	for _, r := range ranges {
		for n := r[0]; n <= r[1]; n++ {
			m[Type(n)] = true
		}
	}
	return m
}

// rfcRef is what an RFC field may hold: one or more RFCs, an Internet-Draft
// IANA already cites, or IANA itself where it cites a person.
var rfcRef = regexp.MustCompile(`^(RFC [1-9][0-9]*|draft-[a-z0-9-]+|IANA)(, (RFC [1-9][0-9]*|draft-[a-z0-9-]+))*$`)

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

func checkText(t *testing.T, where string, x Text) {
	t.Helper()
	if strings.TrimSpace(x.EN) == "" {
		t.Errorf("%s: no English explanation", where)
	}
	if !hasHangul(x.KO) {
		t.Errorf("%s: Korean explanation %q has no Hangul", where, x.KO)
	}
	if hasHangul(x.EN) {
		t.Errorf("%s: English explanation contains Hangul: %q", where, x.EN)
	}
	for _, s := range []string{x.EN, x.KO} {
		if s != strings.TrimSpace(s) || strings.Contains(s, "  ") {
			t.Errorf("%s: stray whitespace in %q", where, s)
		}
	}
}

func registryEntries(f Family) []TypeInfo {
	if f == IPv6 {
		return registryV6Entries()
	}
	return registryV4Entries()
}

func TestRegistryEntriesComplete(t *testing.T) {
	for _, f := range []Family{IPv4, IPv6} {
		entries := registryEntries(f)
		tab := registryTable(f)
		filled := 0
		for n := range tab {
			if tab[n] != nil {
				filled++
			}
		}
		if filled != len(entries) {
			t.Errorf("%v: %d entries fill only %d numbers: a type is listed twice", f, len(entries), filled)
		}
		for i := range entries {
			e := &entries[i]
			where := f.String() + " type " + strconv.Itoa(int(e.Type))
			if tab[e.Type] != e {
				t.Errorf("%s: table slot does not hold this entry (duplicate?)", where)
			}
			if e.Family != f {
				t.Errorf("%s: Family %v", where, e.Family)
			}
			if e.Name == "" {
				t.Errorf("%s: no name", where)
			}
			if !rfcRef.MatchString(e.RFC) {
				t.Errorf("%s: RFC %q is not a reference", where, e.RFC)
			}
			checkText(t, where, e.Explain)
			for j, c := range e.Codes {
				cw := where + " code " + strconv.Itoa(int(c.Code))
				if j > 0 && c.Code <= e.Codes[j-1].Code {
					t.Errorf("%s: codes not strictly ascending (after %d)", cw, e.Codes[j-1].Code)
				}
				if c.Name == "" {
					t.Errorf("%s: no name", cw)
				}
				if !rfcRef.MatchString(c.RFC) {
					t.Errorf("%s: RFC %q is not a reference", cw, c.RFC)
				}
				if e.Status != StatusCurrent && c.Status != e.Status {
					t.Errorf("%s: status %v under a %v type", cw, c.Status, e.Status)
				}
				checkText(t, cw, c.Explain)
			}
		}
	}
}

func TestRegistryUnassignedHaveNoEntry(t *testing.T) {
	for _, tc := range []struct {
		f          Family
		unassigned map[Type]bool
	}{{IPv4, v4Unassigned}, {IPv6, v6Unassigned}} {
		for n := 0; n < 256; n++ {
			typ := Type(n)
			ti, ok := LookupType(tc.f, typ)
			if ok == tc.unassigned[typ] {
				t.Errorf("%v type %d: LookupType ok=%v, but IANA unassigned=%v", tc.f, n, ok, tc.unassigned[typ])
			}
			if ok {
				continue
			}
			want := "Unassigned (" + strconv.Itoa(n) + ")"
			if got := TypeName(tc.f, typ); got != want {
				t.Errorf("TypeName(%v, %d) = %q, want %q", tc.f, n, got, want)
			}
			if ti.Name != want || ti.Type != typ || ti.Family != tc.f || ti.Status != StatusReserved {
				t.Errorf("LookupType(%v, %d) miss = %+v", tc.f, n, ti)
			}
			if ti.IsError != IsError(tc.f, typ) {
				t.Errorf("LookupType(%v, %d) miss: IsError %v, IsError() %v", tc.f, n, ti.IsError, IsError(tc.f, typ))
			}
			checkText(t, want, ti.Explain)
			if _, ok := LookupCode(tc.f, typ, 0); ok {
				t.Errorf("LookupCode(%v, %d, 0) found a code of an unassigned type", tc.f, n)
			}
		}
	}
}

func TestRegistryIsError(t *testing.T) {
	for n := 0; n < 256; n++ {
		typ := Type(n)
		if ti, ok := LookupType(IPv4, typ); ok && ti.IsError != v4Errors[typ] {
			t.Errorf("ICMPv4 %d (%s): IsError %v, want %v", n, ti.Name, ti.IsError, v4Errors[typ])
		}
		if got := IsError(IPv4, typ); got != v4Errors[typ] {
			t.Errorf("IsError(IPv4, %d) = %v", n, got)
		}
		want6 := n < 128 // RFC 4443 2.1: the top bit of the type
		if ti, ok := LookupType(IPv6, typ); ok && ti.IsError != want6 {
			t.Errorf("ICMPv6 %d (%s): IsError %v, want %v", n, ti.Name, ti.IsError, want6)
		}
		if got := IsError(IPv6, typ); got != want6 {
			t.Errorf("IsError(IPv6, %d) = %v", n, got)
		}
	}
}

func TestRegistryStatus(t *testing.T) {
	for _, tc := range []struct {
		f                                 Family
		deprecated, reserved, experiments map[Type]bool
	}{
		{IPv4, v4Deprecated, v4Reserved, v4Experiment},
		{IPv6, map[Type]bool{}, v6Reserved, v6Experiment},
	} {
		for _, ti := range Types(tc.f) {
			want := StatusCurrent
			switch {
			case tc.deprecated[ti.Type]:
				want = StatusDeprecated
			case tc.reserved[ti.Type]:
				want = StatusReserved
			case tc.experiments[ti.Type]:
				want = StatusExperimental
			}
			if ti.Status != want {
				t.Errorf("%v %d (%s): status %v, want %v", tc.f, ti.Type, ti.Name, ti.Status, want)
			}
			if want == StatusDeprecated && !strings.Contains(ti.RFC, "RFC 6633") && !strings.Contains(ti.RFC, "RFC 6918") {
				t.Errorf("%v %d: deprecated but RFC %q names no deprecating document", tc.f, ti.Type, ti.RFC)
			}
		}
	}
	// Source quench: deprecated by RFC 6633 (TCP does its own congestion control).
	if ti, _ := LookupType(IPv4, ICMPv4SourceQuench); ti.Status != StatusDeprecated || !strings.Contains(ti.RFC, "RFC 6633") {
		t.Errorf("source quench: %v %q", ti.Status, ti.RFC)
	}
}

func TestRegistryTypesAscending(t *testing.T) {
	for _, f := range []Family{IPv4, IPv6} {
		ts := Types(f)
		if len(ts) != len(registryEntries(f)) {
			t.Errorf("Types(%v) has %d entries, table %d", f, len(ts), len(registryEntries(f)))
		}
		for i := 1; i < len(ts); i++ {
			if ts[i].Type <= ts[i-1].Type {
				t.Errorf("Types(%v): %d after %d", f, ts[i].Type, ts[i-1].Type)
			}
		}
	}
	if ts := Types(Family(5)); len(ts) != 0 {
		t.Errorf("Types(family 5) = %d entries", len(ts))
	}
	if _, ok := LookupType(Family(0), 8); ok {
		t.Error("LookupType found a type in family 0")
	}
}

func TestRegistryLookupNames(t *testing.T) {
	for _, tc := range []struct {
		f        Family
		t        Type
		c        Code
		typeName string
		codeName string
		codeOK   bool
	}{
		{IPv4, ICMPv4EchoRequest, 0, "Echo", "Code 0", false}, // IANA: "No Code"
		{IPv4, ICMPv4EchoReply, 0, "Echo Reply", "Code 0", false},
		{IPv4, ICMPv4DestinationUnreachable, CodePortUnreachable, "Destination Unreachable", "Port Unreachable", true},
		{IPv4, ICMPv4DestinationUnreachable, CodeFragmentationNeeded, "Destination Unreachable", "Fragmentation Needed and Don't Fragment was Set", true},
		{IPv4, ICMPv4DestinationUnreachable, 16, "Destination Unreachable", "Code 16", false},
		{IPv4, ICMPv4TimeExceeded, CodeTTLExceeded, "Time Exceeded", "Time to Live exceeded in Transit", true},
		{IPv4, ICMPv4RouterAdvertisement, 16, "Router Advertisement", "Does not route common traffic", true},
		{IPv4, ICMPv4SourceQuench, 0, "Source Quench", "Code 0", false},
		{IPv4, ICMPv4ExtendedEchoReply, 4, "Extended Echo Reply", "Multiple Interfaces Satisfy Query", true},
		{IPv4, 7, 0, "Unassigned (7)", "Code 0", false},
		{IPv4, 200, 3, "Unassigned (200)", "Code 3", false},
		{IPv6, ICMPv6DestinationUnreachable, Code6PortUnreachable, "Destination Unreachable", "port unreachable", true},
		{IPv6, ICMPv6TimeExceeded, CodeTTLExceeded, "Time Exceeded", "hop limit exceeded in transit", true},
		{IPv6, ICMPv6RouterRenumbering, 255, "Router Renumbering", "Sequence Number Reset", true},
		{IPv6, ICMPv6RPLControl, 0x8A, "RPL Control Message", "Consistency Check", true},
		{IPv6, ICMPv6RPLControl, 0x89, "RPL Control Message", "Code 137", false},
		{IPv6, ICMPv6DuplicateAddressRequest, 4, "Duplicate Address Request", "EDAR message with 256-bit ROVR field", true},
		{IPv6, 99, 0, "Unassigned (99)", "Code 0", false},
	} {
		if got := TypeName(tc.f, tc.t); got != tc.typeName {
			t.Errorf("TypeName(%v, %d) = %q, want %q", tc.f, tc.t, got, tc.typeName)
		}
		if got := CodeName(tc.f, tc.t, tc.c); got != tc.codeName {
			t.Errorf("CodeName(%v, %d, %d) = %q, want %q", tc.f, tc.t, tc.c, got, tc.codeName)
		}
		ci, ok := LookupCode(tc.f, tc.t, tc.c)
		if ok != tc.codeOK || ci.Code != tc.c {
			t.Errorf("LookupCode(%v, %d, %d) = %+v, %v", tc.f, tc.t, tc.c, ci, ok)
		}
	}
	// A code of a deprecated type is deprecated too.
	if ci, _ := LookupCode(IPv4, ICMPv4AlternateHostAddress, 0); ci.Status != StatusDeprecated {
		t.Errorf("6/0 status %v", ci.Status)
	}
	// Codes without their own reference take the type's first one.
	if ci, _ := LookupCode(IPv4, ICMPv4DestinationUnreachable, CodeNetUnreachable); ci.RFC != "RFC 792" {
		t.Errorf("3/0 RFC %q", ci.RFC)
	}
}

// The messages a student meets first (the textbook's table, traceroute, NDP,
// PROBE) get a real explanation, not a one-liner.
func TestRegistryKeyExplanationsAreFull(t *testing.T) {
	type tc struct {
		f Family
		t Type
		c int // -1: the type itself
	}
	key := []tc{
		{IPv4, 0, -1}, {IPv4, 8, -1}, {IPv4, 3, -1}, {IPv4, 4, -1}, {IPv4, 5, -1}, {IPv4, 9, -1}, {IPv4, 10, -1},
		{IPv4, 11, -1}, {IPv4, 12, -1}, {IPv4, 42, -1}, {IPv4, 43, -1},
		{IPv4, 3, 0}, {IPv4, 3, 1}, {IPv4, 3, 2}, {IPv4, 3, 3}, {IPv4, 3, 4}, {IPv4, 3, 6}, {IPv4, 3, 7}, {IPv4, 3, 13},
		{IPv4, 11, 0}, {IPv4, 11, 1},
		{IPv6, 1, -1}, {IPv6, 2, -1}, {IPv6, 3, -1}, {IPv6, 4, -1}, {IPv6, 128, -1}, {IPv6, 129, -1},
		{IPv6, 133, -1}, {IPv6, 134, -1}, {IPv6, 135, -1}, {IPv6, 136, -1}, {IPv6, 137, -1},
		{IPv6, 130, -1}, {IPv6, 143, -1}, {IPv6, 160, -1}, {IPv6, 161, -1}, {IPv6, 3, 0},
	}
	sentences := func(s string) int {
		n := strings.Count(s, ". ") + strings.Count(s, ": ")
		if strings.HasSuffix(s, ".") {
			n++
		}
		return n
	}
	for _, k := range key {
		ti, ok := LookupType(k.f, k.t)
		if !ok {
			t.Fatalf("%v %d missing", k.f, k.t)
		}
		x := ti.Explain
		if k.c >= 0 {
			ci, ok := LookupCode(k.f, k.t, Code(k.c))
			if !ok {
				t.Fatalf("%v %d/%d missing", k.f, k.t, k.c)
			}
			x = ci.Explain
		}
		if sentences(x.EN) < 2 || len(x.EN) < 120 || len([]rune(x.KO)) < 60 {
			t.Errorf("%v %d/%d: explanation too thin for a key message: %q", k.f, k.t, k.c, x.EN)
		}
	}
	// The textbook's vocabulary, so the page speaks the notes' language.
	for _, w := range []struct {
		f    Family
		t    Type
		c    int
		word string
	}{
		{IPv4, ICMPv4SourceQuench, -1, "출발지 억제"},
		{IPv4, ICMPv4DestinationUnreachable, int(CodePortUnreachable), "포트 도달 불가능"},
		{IPv4, ICMPv4TimeExceeded, int(CodeTTLExceeded), "TTL 만료"},
		{IPv4, ICMPv4DestinationUnreachable, -1, "첫 8바이트"},
	} {
		ti, _ := LookupType(w.f, w.t)
		ko := ti.Explain.KO
		if w.c >= 0 {
			ci, _ := LookupCode(w.f, w.t, Code(w.c))
			ko = ci.Explain.KO
		}
		if !strings.Contains(ko, w.word) {
			t.Errorf("%v %d/%d: Korean text lacks %q", w.f, w.t, w.c, w.word)
		}
	}
}
