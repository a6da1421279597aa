package filter

import (
	"fmt"

	"icmplab/codec/dissect"
)

// msgKind names what a compile error or its hint says, whatever the
// language: the one place the filter language's complaints are worded, in
// English and in Korean, with the same arguments (field names, tokens,
// columns) in both.
type msgKind uint8

const (
	msgNone             msgKind = iota
	msgTooLong                  // the expression is longer than maxExprLen
	msgEmpty                    // nothing but blanks
	msgUnterminated             // a string without its closing quote
	msgUnexpectedEq             // a single "="
	msgUnexpectedHalf           // a single "&" or "|": the character
	msgTildeUnsupported         // ~=
	msgUnexpectedChar           // a character no token starts with
	msgTooDeep                  // nesting beyond maxDepth
	msgUnclosedParen            // "(" not closed: its column, what came instead
	msgExpectedField            // a test that does not start with a field: what came
	msgUnknownField             // a name not in the field table
	msgNoValue                  // a protocol or flag compared: its name
	msgRangeOutsideSet          // 1..5 after ==: the field, the range
	msgNetworkOrder             // a network with < or >
	msgOpUnsupported            // contains, matches: the operator
	msgNotSetOrNetwork          // "in" followed by a single non-network: what came
	msgEmptySet                 // {}
	msgUnclosedSet              // "{" not closed: its column
	msgExpectedValue            // no literal: the field's kind, the field, what came
	msgTwoFields                // a field compared with a field
	msgNotA                     // a literal of the wrong form: the text, what it is not, the field, its kind
	msgUnexpected               // a token after a complete expression
	msgUnmatchedParen           // a ")" without its "("
	hintCompareEq               // "=" instead of "=="
	hintDouble                  // "&" instead of "&&": the character
	hintDidYouMean              // the nearest field name
	hintJoin                    // two tests side by side
	msgKinds                    // how many there are
)

// msgText is a kind's sentence in each language: fmt formats taking the
// same arguments, the Korean one with explicit indexes where Korean word
// order differs.
type msgText struct{ en, ko string }

var msgTexts = [msgKinds]msgText{
	msgTooLong:          {"expression longer than %d bytes", "식이 %d바이트보다 김"},
	msgEmpty:            {"empty expression", "식이 비어 있음"},
	msgUnterminated:     {"unterminated string", "문자열의 닫는 따옴표(\")가 없음"},
	msgUnexpectedEq:     {"unexpected \"=\"", "여기에 올 수 없는 \"=\""},
	msgUnexpectedHalf:   {"unexpected \"%s\"", "여기에 올 수 없는 \"%s\""},
	msgTildeUnsupported: {"operator ~= is not supported", "~= 연산자는 지원하지 않음"},
	msgUnexpectedChar:   {"unexpected character \"%s\"", "식에 쓸 수 없는 문자 \"%s\""},
	msgTooDeep:          {"expression nested too deeply", "괄호나 부정(!)이 너무 깊게 중첩됨"},
	msgUnclosedParen:    {"expected \")\" to close the \"(\" at column %d, found %s", "%[1]d번째 글자의 \"(\"를 닫는 \")\"가 필요함 (찾은 것: %[2]s)"},
	msgExpectedField:    {"expected a field name, found %s", "필드 이름이 필요함 (찾은 것: %s)"},
	msgUnknownField:     {"unknown field \"%s\"", "알 수 없는 필드 \"%s\""},
	msgNoValue:          {"%s has no value to compare; use it alone to test that it is present", "%s에는 비교할 값이 없음: 있는지만 보려면 이름만 쓰세요"},
	msgRangeOutsideSet:  {"a range belongs in a set: %s in {%s}", "범위는 집합 안에 써야 함: %s in {%s}"},
	msgNetworkOrder:     {"a network can only be tested with ==, != or in", "네트워크는 ==, !=, in으로만 비교할 수 있음"},
	msgOpUnsupported:    {"operator %s is not supported", "%s 연산자는 지원하지 않음"},
	msgNotSetOrNetwork:  {"expected a set {...} or a network after \"in\", found %s", "\"in\" 뒤에는 집합 {...}이나 네트워크가 필요함 (찾은 것: %s)"},
	msgEmptySet:         {"empty set", "집합이 비어 있음"},
	msgUnclosedSet:      {"expected \"}\" to close the set at column %d", "%d번째 글자의 집합을 닫는 \"}\"가 없음"},
	msgExpectedValue:    {"expected %s to compare %s with, found %s", "%[2]s 필드와 비교할 %[1]s 값이 필요함 (찾은 것: %[3]s)"},
	msgTwoFields:        {"comparing two fields is not supported", "두 필드끼리 비교하는 것은 지원하지 않음"},
	msgNotA:             {"\"%s\" is not %s (%s holds %s)", "\"%[1]s\": %[2]s 형식이 아님 (%[3]s 필드의 값은 %[4]s)"},
	msgUnexpected:       {"unexpected %s", "여기에 올 수 없는 %s"},
	msgUnmatchedParen:   {"unmatched \")\"", "짝이 되는 \"(\"가 없는 \")\""},
	hintCompareEq:       {"compare with ==", "같은지 비교하려면 =="},
	hintDouble:          {"use %[1]s%[1]s", "%[1]s%[1]s 연산자를 쓰세요"},
	hintDidYouMean:      {"did you mean %s?", "혹시 %s?"},
	hintJoin:            {"join tests with && or ||", "검사는 &&나 ||로 이으세요"},
}

// worded is a message argument with its own words in each language: a
// token described, a field's kind, what a literal is not.
type worded interface{ in(dissect.Lang) string }

// message is one entry of the catalogue with its arguments, worded when
// asked in a language.
type message struct {
	kind msgKind
	args []any
}

func msg(k msgKind, args ...any) message { return message{k, args} }

// in writes m in l.
func (m message) in(l dissect.Lang) string {
	if m.kind == msgNone || m.kind >= msgKinds {
		return ""
	}
	args := make([]any, len(m.args))
	for i, a := range m.args {
		if w, ok := a.(worded); ok {
			a = w.in(l)
		}
		args[i] = a
	}
	f := msgTexts[m.kind].en
	if l == dissect.LangKO {
		f = msgTexts[m.kind].ko
	}
	return fmt.Sprintf(f, args...)
}

// tokenWord describes a token in a message: "end of expression",
// `string "x"`, or the token quoted.
type tokenWord token

func (t tokenWord) in(l dissect.Lang) string {
	ko := l == dissect.LangKO
	switch t.kind {
	case tokEOF:
		if ko {
			return "식의 끝"
		}
		return "end of expression"
	case tokString:
		if ko {
			return "문자열 \"" + t.text + "\""
		}
		return "string \"" + t.text + "\""
	}
	return "\"" + t.text + "\""
}

// kindWord is a field's kind with its article ("a number", "an address").
type kindWord kind

func (k kindWord) in(l dissect.Lang) string {
	if l == dissect.LangKO {
		switch kind(k) {
		case kindNum:
			return "숫자"
		case kindAddr:
			return "주소"
		case kindMAC:
			return "MAC 주소"
		}
		return "프로토콜"
	}
	if kind(k) == kindAddr {
		return "an address"
	}
	return "a " + kind(k).String()
}

// notA is what a literal failed to be, for msgNotA.
type notA uint8

const (
	notInteger notA = iota
	notRange
	notMAC
	notNetwork
	notAddress
	notValue
)

func (n notA) in(l dissect.Lang) string {
	ko := l == dissect.LangKO
	switch n {
	case notInteger:
		if ko {
			return "정수"
		}
		return "an integer"
	case notRange:
		if ko {
			return "1..5 같은 정수 범위"
		}
		return "a range of integers like 1..5"
	case notMAC:
		if ko {
			return "00:11:22:33:44:55 같은 MAC 주소"
		}
		return "a MAC address like 00:11:22:33:44:55"
	case notNetwork:
		if ko {
			return "198.18.0.0/15 같은 네트워크"
		}
		return "a network like 198.18.0.0/15"
	case notAddress:
		if ko {
			return "IPv4나 IPv6 주소"
		}
		return "an IPv4 or IPv6 address"
	}
	if ko {
		return "값"
	}
	return "a value"
}
