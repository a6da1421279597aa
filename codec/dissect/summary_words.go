package dissect

import "icmplab/codec"

// summaryWords are the words of an ICMP summary's info column in one
// language. Everything between them is the same in every language: the
// numbers, the addresses, and the field names id=, seq=, ttl=, hlim=, mtu=
// and ifindex, which are what a student types in a filter and reads in
// tshark's output. appendICMPInfo writes the column once, over this table.
type summaryWords struct {
	// registryKO takes the type and code names from the registry's
	// Korean column instead of the English names ICMPInfo holds. A flag,
	// not a func field: an indirect call would make the ICMPInfo the fast
	// path keeps on its stack escape to the heap.
	registryKO bool

	code         string // before the number of a code the registry does not name
	target       string // before a neighbor discovery target
	gateway      string // before a redirect's gateway
	quotes       string // opens what an error quotes
	mplsLabel    string // opens an RFC 4950 label stack entry
	iface        string // opens an RFC 5837 interface, before its role (codec's InterfaceRole names)
	probingName  string // opens an RFC 8335 interface asked about by name or address
	probingIndex string // opens an RFC 8335 interface asked about by index
	badChecksum  string // the whole verdict on a bad ICMP checksum
}

// summaryWordsOf is indexed by Lang. English is tshark's words; Korean
// keeps the English term beside the Korean one where textbooks do.
var summaryWordsOf = [...]summaryWords{
	LangEN: {
		code:         " (code ",
		target:       " for ",
		gateway:      " gateway=",
		quotes:       " [quotes ",
		mplsLabel:    " [MPLS label ",
		iface:        " [",
		probingName:  " [probing interface ",
		probingIndex: " [probing ifindex ",
		badChecksum:  " [BAD CHECKSUM]",
	},
	LangKO: {
		registryKO:   true,
		code:         " (코드 ",
		target:       " 대상 ",
		gateway:      " 게이트웨이=",
		quotes:       " [인용: ",
		mplsLabel:    " [MPLS 레이블 ",
		iface:        " [", // the role says 인터페이스 itself
		probingName:  " [조사할 인터페이스 ",
		probingIndex: " [조사할 ifindex ",
		badChecksum:  " [체크섬 오류 (BAD CHECKSUM)]",
	},
}

// summaryWords is the table of l, English for a Lang it does not know.
func (l Lang) summaryWords() *summaryWords {
	if int(l) < len(summaryWordsOf) {
		return &summaryWordsOf[l]
	}
	return &summaryWordsOf[LangEN]
}

// lang is the language of w's words.
func (w *summaryWords) lang() Lang {
	if w.registryKO {
		return LangKO
	}
	return LangEN
}

// typeName and codeName are the registry's names of i's type and code in
// w's language.
func (w *summaryWords) typeName(i *ICMPInfo) string {
	if w.registryKO {
		return codec.TypeNameKO(i.Family, i.Type)
	}
	return i.TypeName
}

func (w *summaryWords) codeName(i *ICMPInfo) string {
	if w.registryKO {
		return codec.CodeNameKO(i.Family, i.Type, i.Code)
	}
	return i.CodeName
}
