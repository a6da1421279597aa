package filter

import "icmplab/codec"

// Filter is a compiled expression. Compile it once and call Match or
// MatchBytes per frame. A Filter keeps per-frame scratch space, so one
// Filter serves one goroutine; Clone gives another.
type Filter struct {
	text   string
	root   *expr
	fields []*field // the fields the expression names, by slot
	// vals[slot] holds the occurrences of fields[slot] in the current frame.
	vals [][]value
	// treeIDs lists, for the tree walk, each dissection field id read and
	// the slot it feeds.
	treeIDs []treeID
	// plan is how the quick path reads the fields (quick.go), and pkt
	// its decoder's scratch.
	plan quickPlan
	pkt  codec.Packet
}

type treeID struct {
	id   string
	slot int
}

// Compile parses a display-filter expression. The error, a *Error, says at
// which column the expression goes wrong. An empty (blank) expression is an
// error too: callers show every frame without compiling one.
func Compile(text string) (*Filter, error) {
	if len(text) > maxExprLen {
		return nil, errAt(text, maxExprLen, msg(msgTooLong, maxExprLen))
	}
	toks, err := lex(text)
	if err != nil {
		return nil, err
	}
	f := &Filter{text: text}
	p := &parser{src: text, toks: toks, f: f}
	if toks[0].kind == tokEOF {
		return nil, errAt(text, 0, msg(msgEmpty))
	}
	root, err := p.or(0)
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tokEOF {
		if isOp(t, ")") {
			return nil, p.fail(t, msg(msgUnmatchedParen))
		}
		e := p.fail(t, msg(msgUnexpected, tokenWord(t)))
		if t.kind == tokWord || t.kind == tokString {
			e.withHint(msg(hintJoin))
		}
		return nil, e
	}
	f.root = root
	f.vals = make([][]value, len(f.fields))
	for slot, fd := range f.fields {
		for _, id := range fd.tree {
			f.treeIDs = append(f.treeIDs, treeID{id, slot})
		}
	}
	f.plan = newQuickPlan(f.fields)
	return f, nil
}

// MustCompile is Compile for expressions known to be right; it panics on
// an error.
func MustCompile(text string) *Filter {
	f, err := Compile(text)
	if err != nil {
		panic(err)
	}
	return f
}

// String is the expression as given.
func (f *Filter) String() string { return f.text }

// Fields names the fields the expression reads, in the order first named.
func (f *Filter) Fields() []string {
	out := make([]string, len(f.fields))
	for i, fd := range f.fields {
		out[i] = fd.name
	}
	return out
}

// Clone returns a Filter with the same expression and its own scratch
// space, for another goroutine.
func (f *Filter) Clone() *Filter {
	g := *f
	g.vals = make([][]value, len(f.fields))
	return &g
}

// slotOf returns fd's slot, adding it the first time it is named.
func (f *Filter) slotOf(fd *field) int {
	for i, g := range f.fields {
		if g == fd {
			return i
		}
	}
	f.fields = append(f.fields, fd)
	return len(f.fields) - 1
}

// reset empties the occurrences before a frame is read.
func (f *Filter) reset() {
	for i := range f.vals {
		f.vals[i] = f.vals[i][:0]
	}
}

func (f *Filter) add(slot int, v value) {
	if len(f.vals[slot]) < maxOccurrences {
		f.vals[slot] = append(f.vals[slot], v)
	}
}

// maxOccurrences bounds the occurrences kept per field and frame: a crafted
// frame may repeat an option hundreds of times.
const maxOccurrences = 64

// eval is the expression's value on the occurrences gathered.
func (f *Filter) eval(x *expr) bool {
	switch x.op {
	case opAnd:
		return f.eval(x.l) && f.eval(x.r)
	case opOr:
		return f.eval(x.l) || f.eval(x.r)
	case opNot:
		return !f.eval(x.l)
	case opPresent:
		return len(f.vals[x.slot]) > 0
	case opIn:
		for _, v := range f.vals[x.slot] {
			for i := range x.lits {
				if x.lits[i].equal(v) {
					return true
				}
			}
		}
		return false
	}
	// opCmp. As Wireshark: != is "not any equal", and any comparison
	// with an absent field is false.
	vs := f.vals[x.slot]
	if len(vs) == 0 {
		return false
	}
	lit := &x.lits[0]
	if x.rel == relNe {
		for _, v := range vs {
			if lit.equal(v) {
				return false
			}
		}
		return true
	}
	for _, v := range vs {
		if lit.holds(x.rel, v) {
			return true
		}
	}
	return false
}

// equal reports whether v is the literal, lies in its network or range.
func (l *literal) equal(v value) bool {
	switch {
	case l.isNet:
		return l.inNetwork(v)
	case l.isRng:
		return v.n >= l.v.n && v.n <= l.hi
	}
	return v == l.v
}

// holds reports whether v rel literal.
func (l *literal) holds(rel relation, v value) bool {
	if rel == relEq {
		return l.equal(v)
	}
	var c int
	if l.v.isAddr() {
		if v.alen != l.v.alen {
			return false
		}
		c = compareAddr(v.a, l.v.a)
	} else {
		switch {
		case v.n < l.v.n:
			c = -1
		case v.n > l.v.n:
			c = 1
		}
	}
	switch rel {
	case relLt:
		return c < 0
	case relLe:
		return c <= 0
	case relGt:
		return c > 0
	}
	return c >= 0
}
