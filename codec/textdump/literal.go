package textdump

import (
	"sort"
	"strconv"
	"strings"
)

// textPos maps byte offsets of the whole text to lines and columns, for the
// readers of source-code literals, which are not line-oriented.
type textPos struct{ starts []int }

func newTextPos(text string) textPos {
	starts := []int{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			starts = append(starts, i+1)
		}
	}
	return textPos{starts}
}

func (p textPos) at(i int) (line, col int) {
	k := sort.Search(len(p.starts), func(k int) bool { return p.starts[k] > i }) - 1
	return k + 1, i - p.starts[k] + 1
}

// skipComment returns the index past a C or Go comment starting at i, or i
// when none starts there. An unterminated block comment runs to the end.
func skipComment(text string, i int) int {
	if i+1 >= len(text) || text[i] != '/' {
		return i
	}
	switch text[i+1] {
	case '/':
		if j := strings.IndexByte(text[i:], '\n'); j >= 0 {
			return i + j
		}
		return len(text)
	case '*':
		if j := strings.Index(text[i+2:], "*/"); j >= 0 {
			return i + 2 + j + 2
		}
		return len(text)
	}
	return i
}

// parseInitializers reads C array initialisers ({0x45, 0x00, ...}) or Go
// []byte composite literals, one packet each. Elements are hex (0x45), octal
// (0105) or decimal (69) numbers of at most 255, separated by commas;
// comments (Wireshark's "Copy as C Arrays" puts the ASCII in them) are
// skipped. The text before each brace, less comments, becomes the header:
// it names the array.
func parseInitializers(text string, d Dialect, max int, pc *packetCap) ([]Packet, error) {
	pos := newTextPos(text)
	fail := func(i int, msg Why) error {
		l, c := pos.at(i)
		return syntaxErr(d, l, c, msg)
	}
	var out []Packet
	total := 0
	declStart := 0
	var decl strings.Builder
	for i := 0; i < len(text); {
		if j := skipComment(text, i); j != i {
			i = j
			continue
		}
		c := text[i]
		if c == ';' || c == '}' {
			decl.Reset()
			declStart = i + 1
			i++
			continue
		}
		open := c == '{'
		if d == GoSlice {
			// Only the braces of []byte{ or []uint8{ open a packet; Go code
			// around them has braces of its own.
			open = open && (strings.HasSuffix(text[declStart:i], "byte") || strings.HasSuffix(text[declStart:i], "uint8"))
		}
		if !open {
			if decl.Len() < 200 && (c != ' ' && c != '\t' && c != '\n' && c != '\r' || decl.Len() > 0) {
				decl.WriteByte(c)
			}
			i++
			continue
		}
		// Inside the braces.
		startLine, _ := pos.at(i)
		i++
		var data []byte
		expectValue := true
		for {
			for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
				i++
			}
			if j := skipComment(text, i); j != i {
				i = j
				continue
			}
			if i >= len(text) {
				return nil, fail(i, why(whyBraceEnd))
			}
			c := text[i]
			if c == '}' {
				i++
				break
			}
			if c == ',' {
				if expectValue {
					return nil, fail(i, why(whyCommaNoValue))
				}
				expectValue = true
				i++
				continue
			}
			if !expectValue {
				return nil, fail(i, whyQuoting(whyCommaOrBrace, quoteChar(c)))
			}
			v, n, err := byteLiteral(text[i:])
			if !err.IsZero() {
				return nil, fail(i, err)
			}
			if total >= max {
				l, col := pos.at(i)
				return nil, tooLarge(d, l, col, why(whyLimitOf, max))
			}
			data = append(data, v)
			total++
			expectValue = false
			i += n
		}
		if len(data) > 0 {
			if pc.full(len(out), startLine) {
				return out, nil
			}
			out = append(out, Packet{Data: data, Line: startLine, Header: strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.Join(strings.Fields(decl.String()), " ")), "="))})
		}
		decl.Reset()
		declStart = i
	}
	return out, nil
}

// byteLiteral reads one integer literal of at most 255 at the start of s and
// returns it with its length, or a message saying what is wrong.
func byteLiteral(s string) (byte, int, Why) {
	n := 0
	for n < len(s) && (isHex(s[n]) || s[n] == 'x' || s[n] == 'X' || s[n] == '_' || s[n] == 'o' || s[n] == 'O' || s[n] == 'b' || s[n] == 'B') {
		n++
	}
	if n == 0 {
		return 0, 0, whyQuoting(whyByteValue, quoteChar(s[0]))
	}
	tok := s[:n]
	v, err := strconv.ParseUint(tok, 0, 64)
	if err != nil {
		if len(tok) > 1 && tok[0] == '0' && tok[1] >= '0' && tok[1] <= '9' {
			// C octal ("0105"), which Go's parser only takes as "0o105".
			v, err = strconv.ParseUint(tok[1:], 8, 64)
		}
		if err != nil {
			return 0, 0, whyQuoting(whyNotNumber, strconv.Quote(tok))
		}
	}
	if v > 255 {
		return 0, 0, whyQuoting(whyNotByte, tok)
	}
	return byte(v), n, Why{}
}

// parsePythonBytes reads Python bytes literals. Adjacent literals join into
// one value as Python joins them (inside parentheses, or on one line);
// anything else between literals, a comma or a new statement, starts the
// next packet.
func parsePythonBytes(text string, max int, pc *packetCap) ([]Packet, error) {
	pos := newTextPos(text)
	fail := func(i int, msg Why) error {
		l, c := pos.at(i)
		return syntaxErr(PythonBytes, l, c, msg)
	}
	var out []Packet
	var cur []byte
	curLine := 0
	open := false
	depth := 0
	total := 0
	flush := func() {
		if open && len(cur) > 0 && !pc.full(len(out), curLine) {
			out = append(out, Packet{Data: cur, Line: curLine})
		}
		cur, open = nil, false
	}
	for i := 0; i < len(text) && !pc.stopped(); {
		c := text[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
			continue
		case c == '\\' && i+1 < len(text) && text[i+1] == '\n':
			i += 2
			continue
		case c == '\n':
			if depth == 0 {
				flush()
			}
			i++
			continue
		case c == '#':
			j := strings.IndexByte(text[i:], '\n')
			if j < 0 {
				j = len(text) - i
			}
			i += j
			continue
		}
		// A string literal, bytes or not, with its prefix.
		p := i
		for p < len(text) && p-i < 2 && strings.IndexByte("bBrRuUfF", text[p]) >= 0 {
			p++
		}
		boundary := i == 0 || !isIdent(text[i-1])
		if boundary && p < len(text) && (text[p] == '\'' || text[p] == '"') {
			prefix := strings.ToLower(text[i:p])
			isBytes := strings.Contains(prefix, "b")
			raw := strings.Contains(prefix, "r")
			b, n, err := pyLiteral(text, p, raw, isBytes, &cur, max-total)
			if err != nil {
				l, col := pos.at(err.at)
				return nil, &SyntaxError{Line: l, Column: col, Dialect: PythonBytes, Err: err.kind, Msg: err.why.String(), Why: err.why}
			}
			if isBytes {
				if !open {
					open = true
					curLine, _ = pos.at(i)
				}
				total += b
			} else {
				flush()
			}
			i = n
			continue
		}
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			if depth > 0 {
				depth--
			}
		}
		if isIdent(c) {
			for i < len(text) && isIdent(text[i]) {
				i++
			}
		} else {
			i++
		}
		if c == '(' && !open {
			continue // b'' may follow inside
		}
		flush()
	}
	flush()
	if len(out) == 0 && total == 0 {
		return nil, fail(0, why(whyNoBytesLiteral))
	}
	return out, nil
}

func isIdent(c byte) bool {
	return c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

type litErr struct {
	at   int
	why  Why
	kind error
}

// pyLiteral reads the string literal whose opening quote is at text[q]. For a
// bytes literal it appends the value to *dst (at most room bytes). It
// returns how many bytes it added and the index past the closing quote.
func pyLiteral(text string, q int, raw, isBytes bool, dst *[]byte, room int) (int, int, *litErr) {
	quote := text[q]
	triple := strings.HasPrefix(text[q:], strings.Repeat(string(quote), 3))
	i := q + 1
	if triple {
		i = q + 3
	}
	added := 0
	put := func(at int, b byte) *litErr {
		if !isBytes {
			return nil
		}
		if added >= room {
			return &litErr{at, why(whyLimit), ErrTooLarge}
		}
		*dst = append(*dst, b)
		added++
		return nil
	}
	for i < len(text) {
		c := text[i]
		if c == quote && (!triple || strings.HasPrefix(text[i:], strings.Repeat(string(quote), 3))) {
			if triple {
				return added, i + 3, nil
			}
			return added, i + 1, nil
		}
		if c == '\n' && !triple {
			return 0, 0, &litErr{i, whyQuoting(whyPyOpenLine, quoteChar(quote)), ErrSyntax}
		}
		if isBytes && c >= 0x80 {
			return 0, 0, &litErr{i, why(whyPyNonASCII), ErrSyntax}
		}
		if c != '\\' || raw {
			if err := put(i, c); err != nil {
				return 0, 0, err
			}
			i++
			if c == '\\' && i < len(text) && (text[i] == quote || text[i] == '\\') {
				// A raw literal still cannot end on an escaped quote.
				if err := put(i, text[i]); err != nil {
					return 0, 0, err
				}
				i++
			}
			continue
		}
		if i+1 >= len(text) {
			break
		}
		e := text[i+1]
		var v byte
		n := 2
		switch e {
		case '\n':
			i += 2
			continue
		case '\\', '\'', '"':
			v = e
		case 'a':
			v = 7
		case 'b':
			v = 8
		case 'f':
			v = 12
		case 'n':
			v = 10
		case 'r':
			v = 13
		case 't':
			v = 9
		case 'v':
			v = 11
		case 'x':
			if i+3 >= len(text) || !isHex(text[i+2]) || !isHex(text[i+3]) {
				return 0, 0, &litErr{i, why(whyPyHexEscape), ErrSyntax}
			}
			v, n = unhex(text[i+2])<<4|unhex(text[i+3]), 4
		case '0', '1', '2', '3', '4', '5', '6', '7':
			o := 0
			k := i + 1
			for k < len(text) && k < i+4 && text[k] >= '0' && text[k] <= '7' {
				o = o*8 + int(text[k]-'0')
				k++
			}
			if o > 255 {
				return 0, 0, &litErr{i, why(whyPyOctal), ErrSyntax}
			}
			v, n = byte(o), k-i
		default:
			// Python keeps an unknown escape as written.
			if err := put(i, '\\'); err != nil {
				return 0, 0, err
			}
			i++
			continue
		}
		if err := put(i, v); err != nil {
			return 0, 0, err
		}
		i += n
	}
	return 0, 0, &litErr{q, whyQuoting(whyPyNeverClosed, quoteChar(quote)), ErrSyntax}
}

// parseFromHex reads bytes.fromhex("...") calls, one packet each.
func parseFromHex(text string, max int, pc *packetCap) ([]Packet, error) {
	pos := newTextPos(text)
	var out []Packet
	total := 0
	for i := 0; ; {
		k := strings.Index(text[i:], "fromhex(")
		if k < 0 {
			break
		}
		i += k + len("fromhex(")
		for i < len(text) && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
			i++
		}
		if i >= len(text) || text[i] != '\'' && text[i] != '"' {
			l, c := pos.at(i)
			return nil, syntaxErr(PythonFromHex, l, c, why(whyFromHexQuote))
		}
		q := text[i]
		end := strings.IndexByte(text[i+1:], q)
		if end < 0 {
			l, c := pos.at(i)
			return nil, syntaxErr(PythonFromHex, l, c, whyQuoting(whyFromHexClosed, quoteChar(q)))
		}
		body := text[i+1 : i+1+end]
		l0, c0 := pos.at(i + 1)
		pk, err := parsePlainHex([]line{{no: l0, text: body}}, PythonFromHex, max-total, noCap())
		if err != nil {
			if se, ok := err.(*SyntaxError); ok && se.Line == l0 {
				se.Column += c0 - 1
			}
			return nil, err
		}
		for _, p := range pk {
			if pc.full(len(out), l0) {
				return out, nil
			}
			total += len(p.Data)
			out = append(out, Packet{Data: p.Data, Line: l0})
		}
		i += 1 + end + 1
	}
	return out, nil
}
