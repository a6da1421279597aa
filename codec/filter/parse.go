package filter

import (
	"encoding/binary"
	"net/netip"
	"strconv"
	"strings"
)

// parser is a recursive-descent parser over the tokens, building the
// compiled expression directly.
type parser struct {
	src  string
	toks []token
	pos  int
	f    *Filter
}

func (p *parser) peek() token { return p.toks[p.pos] }
func (p *parser) next() token { t := p.toks[p.pos]; p.pos++; return t }

// isOp reports whether t is one of ops: punctuation matches exactly, a
// word matches an op spelled in lower-case letters ("and", "not"),
// case-insensitively, as Wireshark's keywords.
func isOp(t token, ops ...string) bool {
	if t.kind != tokPunct && t.kind != tokWord {
		return false
	}
	for _, o := range ops {
		if t.kind == tokPunct && t.text == o || t.kind == tokWord && strings.EqualFold(t.text, o) && o[0] >= 'a' {
			return true
		}
	}
	return false
}

// column is the 1-based character column of byte offset off.
func (p *parser) column(off int) int { return (&Error{Expr: p.src, Offset: off}).Column() }

func (p *parser) fail(t token, m message) *Error { return errAt(p.src, t.off, m) }

func (p *parser) or(depth int) (*expr, error) {
	l, err := p.and(depth)
	if err != nil {
		return nil, err
	}
	for isOp(p.peek(), "||", "or") {
		p.next()
		r, err := p.and(depth)
		if err != nil {
			return nil, err
		}
		l = &expr{op: opOr, l: l, r: r}
	}
	return l, nil
}

func (p *parser) and(depth int) (*expr, error) {
	l, err := p.unary(depth)
	if err != nil {
		return nil, err
	}
	for isOp(p.peek(), "&&", "and") {
		p.next()
		r, err := p.unary(depth)
		if err != nil {
			return nil, err
		}
		l = &expr{op: opAnd, l: l, r: r}
	}
	return l, nil
}

// maxDepth bounds nesting of parentheses and negations.
const maxDepth = 100

func (p *parser) unary(depth int) (*expr, error) {
	t := p.peek()
	if depth > maxDepth {
		return nil, p.fail(t, msg(msgTooDeep))
	}
	if isOp(t, "!", "not") {
		p.next()
		x, err := p.unary(depth + 1)
		if err != nil {
			return nil, err
		}
		return &expr{op: opNot, l: x}, nil
	}
	if isOp(t, "(") {
		p.next()
		x, err := p.or(depth + 1)
		if err != nil {
			return nil, err
		}
		if c := p.peek(); !isOp(c, ")") {
			return nil, p.fail(c, msg(msgUnclosedParen, p.column(t.off), tokenWord(c)))
		}
		p.next()
		return x, nil
	}
	return p.test()
}

// relations maps operator spellings to relations.
var relations = map[string]relation{
	"==": relEq, "eq": relEq, "!=": relNe, "ne": relNe,
	"<": relLt, "lt": relLt, "<=": relLe, "le": relLe,
	">": relGt, "gt": relGt, ">=": relGe, "ge": relGe,
}

// test is a field alone (presence) or a field compared with a literal or a
// set.
func (p *parser) test() (*expr, error) {
	t := p.next()
	if t.kind != tokWord || isKeyword(t.text) {
		return nil, p.fail(t, msg(msgExpectedField, tokenWord(t)))
	}
	fd, ok := fieldByName()[t.text]
	if !ok {
		e := p.fail(t, msg(msgUnknownField, t.text))
		if s := suggest(t.text); s != "" {
			e.withHint(msg(hintDidYouMean, s))
		}
		return nil, e
	}
	slot := p.f.slotOf(fd)
	o := p.peek()
	rel, isRel := relations[strings.ToLower(o.text)]
	// "==" must be punctuation and "eq" a word: a quoted "eq" is a value.
	isRel = isRel && o.kind != tokString && (o.kind == tokPunct) == (o.text[0] < 'A')
	switch {
	case isRel:
		p.next()
		if fd.kind == kindNone {
			return nil, p.fail(o, msg(msgNoValue, t.text))
		}
		lt := p.next()
		lit, err := p.literal(fd, lt)
		if err != nil {
			return nil, err
		}
		if lit.isRng {
			return nil, p.fail(lt, msg(msgRangeOutsideSet, t.text, lt.text))
		}
		if lit.isNet && rel != relEq && rel != relNe {
			return nil, p.fail(lt, msg(msgNetworkOrder))
		}
		return &expr{op: opCmp, slot: slot, rel: rel, lits: []literal{lit}}, nil
	case isOp(o, "in"):
		p.next()
		if fd.kind == kindNone {
			return nil, p.fail(o, msg(msgNoValue, t.text))
		}
		return p.set(fd, slot)
	case o.kind == tokWord && (strings.EqualFold(o.text, "contains") || strings.EqualFold(o.text, "matches")):
		return nil, p.fail(o, msg(msgOpUnsupported, o.text))
	}
	return &expr{op: opPresent, slot: slot}, nil
}

func isKeyword(s string) bool {
	switch strings.ToLower(s) {
	case "and", "or", "not", "in", "eq", "ne", "lt", "le", "gt", "ge", "contains", "matches":
		return true
	}
	return false
}

// set reads `{a b c}` (commas optional) or, for addresses, a single
// network: `ip.src in 10.0.0.0/8`.
func (p *parser) set(fd *field, slot int) (*expr, error) {
	open := p.next()
	x := &expr{op: opIn, slot: slot}
	if !isOp(open, "{") {
		lit, err := p.literal(fd, open)
		if err != nil {
			return nil, err
		}
		if !lit.isNet {
			return nil, p.fail(open, msg(msgNotSetOrNetwork, tokenWord(open)))
		}
		x.lits = []literal{lit}
		return x, nil
	}
	for {
		t := p.next()
		switch {
		case isOp(t, "}"):
			if len(x.lits) == 0 {
				return nil, p.fail(t, msg(msgEmptySet))
			}
			return x, nil
		case isOp(t, ","):
			continue
		case t.kind == tokEOF:
			return nil, p.fail(t, msg(msgUnclosedSet, p.column(open.off)))
		}
		lit, err := p.literal(fd, t)
		if err != nil {
			return nil, err
		}
		x.lits = append(x.lits, lit)
	}
}

// literal reads one value for field fd: the field's kind decides how.
func (p *parser) literal(fd *field, t token) (literal, error) {
	if t.kind != tokWord && t.kind != tokString || t.kind == tokWord && isKeyword(t.text) {
		return literal{}, p.fail(t, msg(msgExpectedValue, kindWord(fd.kind), fd.name, tokenWord(t)))
	}
	s := t.text
	if t.kind == tokWord {
		if _, isField := fieldByName()[s]; isField {
			return literal{}, p.fail(t, msg(msgTwoFields))
		}
	}
	bad := func(why notA) (literal, error) {
		return literal{}, p.fail(t, msg(msgNotA, s, why, fd.name, kindWord(fd.kind)))
	}
	switch fd.kind {
	case kindNum:
		if lo, hi, ok := strings.Cut(s, ".."); ok && t.kind == tokWord {
			a, okA := parseUint(lo)
			b, okB := parseUint(hi)
			if !okA || !okB || a > b {
				return bad(notRange)
			}
			return literal{v: value{n: a}, hi: b, isRng: true}, nil
		}
		n, ok := parseUint(s)
		if !ok {
			return bad(notInteger)
		}
		return literal{v: value{n: n}}, nil
	case kindMAC:
		n, ok := parseMAC(s)
		if !ok {
			return bad(notMAC)
		}
		return literal{v: value{n: n}}, nil
	case kindAddr:
		if strings.Contains(s, "/") {
			pf, err := netip.ParsePrefix(s)
			if err != nil {
				return bad(notNetwork)
			}
			return networkLiteral(pf), nil
		}
		a, err := netip.ParseAddr(s)
		if err != nil || a.Zone() != "" {
			return bad(notAddress)
		}
		return literal{v: netipValue(a)}, nil
	}
	return bad(notValue)
}

// parseUint reads decimal, 0x hexadecimal, 0 octal (as Wireshark), and
// true/false as 1/0.
func parseUint(s string) (uint64, bool) {
	switch strings.ToLower(s) {
	case "true":
		return 1, true
	case "false":
		return 0, true
	}
	n, err := strconv.ParseUint(s, 0, 64)
	return n, err == nil && !strings.Contains(s, "_")
}

// parseMAC reads six bytes separated by ':', '-' or '.'.
func parseMAC(s string) (uint64, bool) {
	if len(s) != 17 {
		return 0, false
	}
	var b [8]byte
	for i := range 6 {
		if i > 0 && s[3*i-1] != ':' && s[3*i-1] != '-' && s[3*i-1] != '.' {
			return 0, false
		}
		v, err := strconv.ParseUint(s[3*i:3*i+2], 16, 8)
		if err != nil {
			return 0, false
		}
		b[2+i] = byte(v)
	}
	return binary.BigEndian.Uint64(b[:]), true
}
