package filter

// opKind is a node of the compiled expression.
type opKind uint8

const (
	opAnd opKind = iota
	opOr
	opNot
	opPresent // bare field: present at least once
	opCmp     // field relation literal
	opIn      // field in {set}
)

// relation is a comparison operator.
type relation uint8

const (
	relEq relation = iota
	relNe
	relLt
	relLe
	relGt
	relGe
)

// literal is one element a field is compared with: a value, a network
// (addresses: in 10.0.0.0/8, or == 10.0.0.0/8 as Wireshark allows), or an
// inclusive range of numbers (in {33434..33534}).
type literal struct {
	v     value
	hi    uint64 // for a range: n..hi
	isRng bool
	// isNet: v is a network's first address and mask its prefix's bits.
	isNet bool
	mask  addrBits
}

// expr is a compiled expression node.
type expr struct {
	op   opKind
	l, r *expr // opAnd, opOr; opNot uses l
	slot int   // opPresent, opCmp, opIn: index into the filter's fields
	rel  relation
	lits []literal // opCmp: one; opIn: the set
}
