package dissect

import (
	"net/netip"
	"strconv"
)

// valBatch gathers the display values of a frame's nodes in one byte buffer
// and turns them into strings with a single allocation at the end of the
// dissection: a frame has dozens of short values ("64", "0x0800 (2048)",
// an address), and one string each was most of the dissector's allocations.
// Every value is a slice of the frame's one string, so a returned Frame stays
// valid and immutable like any other.
//
// A node whose value is pending has Value "" until flush; code that reads or
// extends a value during dissection must use the batch too (appendTo) or set
// Value directly, which flush keeps.
type valBatch struct {
	buf  []byte
	refs []pendingVal
	// noted is set once any node got a note: a frame without one skips
	// the walk that collects them (frame-wide state shared like the batch).
	noted bool
}

// pendingVal is a string field (a node's Value or Explain) waiting for
// buf[a:b].
type pendingVal struct {
	p    *string
	a, b int
}

// mark is where the next value starts in the buffer.
func (v *valBatch) mark() int { return len(v.buf) }

// set makes buf[start:] (up to the current end) the pending value of nd.
func (v *valBatch) set(nd *Node, start int) { v.setString(&nd.Value, start) }

// setString makes buf[start:] the pending content of *p, which must be ""
// until flush.
func (v *valBatch) setString(p *string, start int) { v.setRange(p, start, len(v.buf)) }

// setRange makes buf[a:b] the pending content of *p.
func (v *valBatch) setRange(p *string, a, b int) {
	v.refs = append(v.refs, pendingVal{p: p, a: a, b: b})
}

// flush assigns every pending value from one string. A value set directly
// on the node (non-empty Value) wins, then the last pending one.
func (v *valBatch) flush() {
	if len(v.refs) == 0 {
		return
	}
	s := string(v.buf)
	// Backwards, so a value set again later (a field shown differently
	// than its helper would) replaces the first.
	for j := len(v.refs) - 1; j >= 0; j-- {
		if r := v.refs[j]; *r.p == "" {
			*r.p = s[r.a:r.b]
		}
	}
	v.buf = v.buf[:0]
	clear(v.refs)
	v.refs = v.refs[:0]
}

// The append forms of the value formats in builder.go.

func appendHexDec(b []byte, v uint32, n int) []byte {
	b = appendHex(b, v, n)
	b = append(b, " ("...)
	b = strconv.AppendUint(b, uint64(v), 10)
	return append(b, ')')
}

func appendDecHex(b []byte, v uint32, n int) []byte {
	b = strconv.AppendUint(b, uint64(v), 10)
	b = append(b, " ("...)
	b = appendHex(b, v, n)
	return append(b, ')')
}

func appendByteCount(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	if n == 1 {
		return append(b, " byte"...)
	}
	return append(b, " bytes"...)
}

// appendAddr appends a as its String method writes it, "invalid IP" for
// the zero Addr (AppendTo writes nothing for it).
func appendAddr(b []byte, a netip.Addr) []byte {
	if !a.IsValid() {
		return append(b, "invalid IP"...)
	}
	return a.AppendTo(b)
}

// appendIncorrect is the verdict on a wrong checksum: " [incorrect, should
// be 0x1234]".
func appendIncorrect(b []byte, want uint16) []byte {
	b = append(b, " [incorrect, should be "...)
	b = appendHex(b, uint32(want), 2)
	return append(b, ']')
}

// appendNameNum is "UDP (17)": a name and the number it stands for.
func appendNameNum(b []byte, name string, v uint64) []byte {
	b = append(b, name...)
	b = append(b, " ("...)
	b = strconv.AppendUint(b, v, 10)
	return append(b, ')')
}
