package dissect

import (
	"math/bits"
	"sort"
	"strings"
)

// A header diagram is a protocol header drawn as RFCs draw it: rows of 32
// bits, every field a box of its exact bit width, fields longer than a row
// continued on the next rows. Layout computes the boxes once from the
// dissection tree; ASCII and SVG only draw them, and the page's on-screen
// diagram is the SVG, so the three can never disagree.

// Diagram limits: what is drawn whole and how much is drawn at all.
const (
	// RowBits is the width of a row, as in every RFC diagram.
	RowBits = 32
	// maxWholeBits: fields up to four rows (an IPv6 address) are drawn
	// whole; longer ones (data, a quoted datagram) are collapsed to one or
	// two rows, as RFC 792 draws "Data ...", keeping their end column so
	// the fields after them stay in place.
	maxWholeBits = 4 * RowBits
	// MaxDiagramRows bounds a drawing; a header longer than that is cut
	// and says so (Diagram.Cut).
	MaxDiagramRows = 48
	// maxExpandDepth bounds how deep containers (options, flags, an
	// extension object) are opened into their fields.
	maxExpandDepth = 4
)

// Diagram is the layout of one header: its boxes in bit order.
type Diagram struct {
	Title string `json:"title"`           // the header's label, "Internet Protocol Version 4"
	Field string `json:"field,omitempty"` // its field id, "ip"
	// Path leads from the frame's roots to the header node (child indices),
	// so a page can find the nodes the boxes stand for.
	Path  []int `json:"path"`
	Bytes int   `json:"bytes"` // the header's length in bytes
	Rows  int   `json:"rows"`  // rows of 32 bits drawn
	Boxes []Box `json:"boxes"`
	// Cut is true when the header had more than MaxDiagramRows rows of
	// fields: the drawing stops there.
	Cut bool `json:"cut,omitempty"`
	// Lang is the language of the words the drawings add to the tree's
	// labels and values: the widths in the SVG's tooltips ("16 bits",
	// "16비트") and a collapsed field's size. The labels themselves come
	// from the tree, dissected in the reader's language. English is the
	// zero value.
	Lang Lang `json:"-"`
}

// Box is one field of a diagram (or a gap of bits no field accounts for).
type Box struct {
	// Path leads from the header node to the field's node; nil for a gap.
	Path  []int  `json:"path"`
	Label string `json:"label"`           // the whole name, "Don't fragment"
	Short string `json:"short,omitempty"` // the abbreviation from the list ("DF"), or one made of the initials
	Field string `json:"field,omitempty"`
	Value string `json:"value,omitempty"`
	// Bit and Bits place the field in the header as it is: first bit
	// counted from the header's first bit, and width.
	Bit  int `json:"bit"`
	Bits int `json:"bits"`
	// At and Width place it in the drawing: equal to Bit and Bits unless
	// a collapsed field above moved it up, or it is collapsed itself
	// (Width < Bits).
	At    int  `json:"at"`
	Width int  `json:"width"`
	Gap   bool `json:"gap,omitempty"`
	// Severity is the worst note on the field ("warning", "error"), "" for
	// none or notes only.
	Severity string `json:"severity,omitempty"`
}

// Collapsed reports whether the box is drawn shorter than the field.
func (b *Box) Collapsed() bool { return b.Width < b.Bits }

// Segment is the part of a box on one row.
type Segment struct {
	Row, Col, Width int
}

// Segments splits the box into its rows.
func (b *Box) Segments() []Segment {
	var out []Segment
	for s, end := b.At, b.At+b.Width; s < end; {
		e := min(end, s-s%RowBits+RowBits)
		out = append(out, Segment{Row: s / RowBits, Col: s % RowBits, Width: e - s})
		s = e
	}
	return out
}

// MainSegment is the index of the segment that carries the label: the
// widest, the middle one of equals (an IPv6 address, four whole rows, is
// named on its second row, about where RFC 8200 names it).
func (b *Box) MainSegment() int {
	segs := b.Segments()
	bw := 0
	for _, s := range segs {
		bw = max(bw, s.Width)
	}
	first, last := -1, -1
	for i, s := range segs {
		if s.Width == bw {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return 0
	}
	// The widest segments of a field are consecutive: at most a partial
	// row before and after them.
	return (first + last) / 2
}

// DiagramAt lays out the header that holds the node at path (child indices
// from roots): the nearest node on the path that is a header (a root, or a
// node with fields of its own inside something that is not a field
// container, such as a quoted datagram's IP header). ok is false when the
// path leads nowhere.
func DiagramAt(roots []*Node, path []int) (d Diagram, ok bool) {
	if len(path) == 0 || path[0] < 0 || path[0] >= len(roots) {
		return Diagram{}, false
	}
	n := roots[path[0]]
	head, headLen := n, 1
	for i := 1; i < len(path); i++ {
		if path[i] < 0 || path[i] >= len(n.Kids) {
			return Diagram{}, false
		}
		parent := n
		n = n.Kids[path[i]]
		if isHeader(parent, n) {
			head, headLen = n, i+1
		}
	}
	d = Layout(head)
	d.Path = append([]int(nil), path[:headLen]...)
	return d, true
}

// HeaderPaths lists the paths of every header of a tree in document order
// (the roots, and the headers inside them such as a quoted datagram's IP and
// UDP headers): the nodes DiagramAt draws.
func HeaderPaths(roots []*Node) [][]int {
	var out [][]int
	var walk func(parent *Node, ns []*Node, path []int)
	walk = func(parent *Node, ns []*Node, path []int) {
		for i, n := range ns {
			p := append(append(make([]int, 0, len(path)+1), path...), i)
			if isHeader(parent, n) {
				out = append(out, p)
			}
			walk(n, n.Kids, p)
		}
	}
	walk(nil, roots, nil)
	return out
}

// isHeader reports whether n (a child of parent, nil for a root) is drawn
// as a header of its own: a root, or a node with fields that is a protocol
// (an undotted id, "ip", "udp") or sits in something that is not a field
// container (a quoted datagram's IPv6 extension header).
func isHeader(parent, n *Node) bool {
	return parent == nil || len(n.Kids) > 0 && (!strings.Contains(n.Field, ".") || !isContainer(parent))
}

// isContainer reports whether a node's children are fields of its own
// protocol (dotted ids: "ip.flags.df", "icmp.ext.class") that a diagram
// opens, rather than headers of their own ("ip", "udp" inside a quote).
func isContainer(n *Node) bool {
	if len(n.Kids) == 0 {
		return false
	}
	for _, k := range n.Kids {
		if !strings.Contains(k.Field, ".") {
			return false
		}
	}
	return true
}

// leaf is a field found under the header, before placing.
type leaf struct {
	n         *Node
	path      []int
	bit, bits int
}

// Layout places the fields of header h in rows of 32 bits. It never panics
// on any tree: fields outside the header, in another byte buffer, or
// overlapping one already placed are left out; bits no field covers are
// drawn as gaps, so a truncated header shows what is there.
func Layout(h *Node) Diagram {
	d := Diagram{Title: h.Label, Field: h.Field, Bytes: h.Length}
	var leaves []leaf
	if len(h.Kids) == 0 {
		leaves = append(leaves, leaf{n: h, bit: 0, bits: h.Length * 8})
	} else {
		collect(h, h, nil, 0, &leaves)
	}
	sort.SliceStable(leaves, func(i, j int) bool { return leaves[i].bit < leaves[j].bit })

	limit := MaxDiagramRows * RowBits
	placed, shift := 0, 0 // bits of the header accounted for; bits saved by collapsing
	add := func(b Box) bool {
		b.At = b.Bit - shift
		b.Width = b.Bits
		if b.Bits > maxWholeBits {
			// Collapse, keeping the end column: the drawn end is the
			// real end moved up by whole rows, at least a row after the
			// start.
			rows := (b.Bits - RowBits) / RowBits
			b.Width = b.Bits - rows*RowBits
			shift += rows * RowBits
		}
		if b.At+b.Width > limit {
			if b.At >= limit {
				d.Cut = true
				return false
			}
			b.Width = limit - b.At
			d.Cut = true
		}
		d.Boxes = append(d.Boxes, b)
		return !d.Cut
	}
	gap := func(from, to int) bool {
		return add(Box{Label: "", Gap: true, Bit: from, Bits: to - from})
	}
	for _, l := range leaves {
		if l.bits <= 0 || l.bit < placed {
			continue // empty, or overlapping a field already drawn
		}
		if l.bit > placed && !gap(placed, l.bit) {
			break
		}
		b := Box{Path: l.path, Label: l.n.Label, Short: shortName(l.n.Field, l.n.Label), Field: l.n.Field,
			Value: l.n.Value, Bit: l.bit, Bits: l.bits, Severity: worstSeverity(l.n)}
		placed = l.bit + l.bits
		if !add(b) {
			break
		}
	}
	if all := h.Length * 8; !d.Cut && placed < all && len(leaves) > 0 {
		gap(placed, all)
	}
	for _, b := range d.Boxes {
		d.Rows = max(d.Rows, (b.At+b.Width+RowBits-1)/RowBits)
	}
	return d
}

// collect gathers the fields of n (a header or a container being opened)
// with their bit positions relative to the header h.
func collect(h, n *Node, path []int, depth int, out *[]leaf) {
	for i, k := range n.Kids {
		if k.Source != h.Source || k.Offset < h.Offset {
			continue
		}
		p := append(append(make([]int, 0, len(path)+1), path...), i)
		if depth < maxExpandDepth && isContainer(k) {
			collect(h, k, p, depth+1, out)
			continue
		}
		bit, width := bitRange(k)
		*out = append(*out, leaf{n: k, path: p, bit: (k.Offset-h.Offset)*8 + bit, bits: width})
	}
}

// bitRange is where a node's bits are within its bytes: all of them, or
// those its mask selects (from the highest set bit to the lowest).
func bitRange(n *Node) (first, width int) {
	all := n.Length * 8
	if n.Mask == 0 || n.Length <= 0 || n.Length > 4 {
		return 0, max(all, 0)
	}
	m := uint64(n.Mask) & (1<<all - 1)
	if m == 0 {
		return 0, all
	}
	hi := 63 - bits.LeadingZeros64(m)
	lo := bits.TrailingZeros64(m)
	return all - 1 - hi, hi - lo + 1
}

// worstSeverity names the worst warning or error on a node.
func worstSeverity(n *Node) string {
	w := SevNote
	for _, nt := range n.Notes {
		w = max(w, nt.Severity)
	}
	if w == SevNote {
		return ""
	}
	return w.String()
}
