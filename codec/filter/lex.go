package filter

import (
	"strings"
	"unicode/utf8"
)

// tokKind is a lexical class of the expression.
type tokKind uint8

const (
	tokEOF    tokKind = iota
	tokWord           // a field name, keyword or bare value: icmp.type, and, 10.0.0.0/8, 00:11:22:33:44:55
	tokString         // a quoted string, unquoted in text
	tokPunct          // an operator or bracket: == != < <= > >= && || ! ( ) { } ,
)

type token struct {
	kind tokKind
	text string
	off  int // byte offset in the expression
}

// maxExprLen bounds an expression: filters are typed by people, and the
// parser's recursion is bounded by it too.
const maxExprLen = 4096

// isWordByte reports the bytes a bare word holds: enough for field names,
// integers, IPv4 and IPv6 addresses with a prefix length, MAC addresses and
// ranges (1..5).
func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		c == '_' || c == '.' || c == ':' || c == '-' || c == '/'
}

// lex splits expr into tokens.
func lex(expr string) ([]token, error) {
	var toks []token
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case isWordByte(c):
			j := i
			for j < len(expr) && isWordByte(expr[j]) {
				j++
			}
			toks = append(toks, token{tokWord, expr[i:j], i})
			i = j
		case c == '"':
			var sb strings.Builder
			j := i + 1
			for ; j < len(expr) && expr[j] != '"'; j++ {
				if expr[j] == '\\' && j+1 < len(expr) {
					j++
				}
				sb.WriteByte(expr[j])
			}
			if j >= len(expr) {
				return nil, errAt(expr, i, msg(msgUnterminated))
			}
			toks = append(toks, token{tokString, sb.String(), i})
			i = j + 1
		default:
			two := ""
			if i+1 < len(expr) {
				two = expr[i : i+2]
			}
			switch two {
			case "==", "!=", "<=", ">=", "&&", "||":
				toks = append(toks, token{tokPunct, two, i})
				i += 2
				continue
			}
			switch c {
			case '<', '>', '!', '(', ')', '{', '}', ',':
				toks = append(toks, token{tokPunct, string(c), i})
				i++
			case '=':
				return nil, errAt(expr, i, msg(msgUnexpectedEq)).withHint(msg(hintCompareEq))
			case '&', '|':
				return nil, errAt(expr, i, msg(msgUnexpectedHalf, string(c))).withHint(msg(hintDouble, string(c)))
			case '~':
				return nil, errAt(expr, i, msg(msgTildeUnsupported))
			default:
				return nil, errAt(expr, i, msg(msgUnexpectedChar, firstRune(expr[i:])))
			}
		}
	}
	return append(toks, token{tokEOF, "", len(expr)}), nil
}

// firstRune is the character s starts with.
func firstRune(s string) string {
	_, n := utf8.DecodeRuneInString(s)
	return s[:n]
}
