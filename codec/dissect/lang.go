package dissect

// Lang is the language of the words a dissection writes for a person: the
// field labels, the words inside values, the notes, the summary line and the
// plain-words sentence of an ICMP error. Field ids, numbers, addresses and
// hex stay the same in every language, so a filter, the hex view and a
// program reading Node.Field never see the difference.
type Lang uint8

const (
	LangEN Lang = iota // English, tshark's words (the zero value)
	LangKO             // Korean, with the English term beside it where Korean textbooks keep it
)

func (l Lang) String() string {
	if l == LangKO {
		return "ko"
	}
	return "en"
}

// ParseLang reads a language code as a command line or the page gives it
// ("en", "ko"; "" is English). The bool is false for any other.
func ParseLang(s string) (Lang, bool) {
	switch s {
	case "", "en":
		return LangEN, true
	case "ko":
		return LangKO, true
	}
	return LangEN, false
}

// say is en or ko by l: the one switch every word of the dissector goes
// through when it has both.
func (l Lang) say(en, ko string) string {
	if l == LangKO {
		return ko
	}
	return en
}
