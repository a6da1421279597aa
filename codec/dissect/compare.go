package dissect

import (
	"strings"
	"time"
)

// Comparing two frames field by field (issue 14, "compare two packets"): the
// two dissection trees are walked together, fields matched by their id and
// occurrence among their siblings (the second "ip.opt.time_stamp" of a layer
// is matched with the other frame's second one), and every field whose value
// or bytes differ is reported with its place in each frame, so that both hex
// panes can highlight it. A field one frame has and the other lacks is
// reported once, at the outermost node missing, not once per descendant.

// DiffKind says how a field differs between the two frames.
type DiffKind uint8

const (
	DiffChanged DiffKind = iota // in both, with different values or bytes
	DiffOnlyA                   // only in the first frame
	DiffOnlyB                   // only in the second frame
)

func (k DiffKind) String() string {
	switch k {
	case DiffOnlyA:
		return "only-a"
	case DiffOnlyB:
		return "only-b"
	}
	return "changed"
}

// MarshalText writes the kind as its name, the JSON the page reads.
func (k DiffKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// DiffSide is where a field sits in one of the frames and what it shows
// there. Offset, Length, Mask and Source mean what they mean in a Node.
type DiffSide struct {
	Value  string `json:"value,omitempty"`
	Offset int    `json:"offset"`
	Length int    `json:"length"`
	Mask   uint32 `json:"mask,omitempty"`
	Source int    `json:"source,omitempty"`
}

// FieldDiff is one difference between two frames. A and B are nil on the
// side that lacks the field.
type FieldDiff struct {
	Kind  DiffKind `json:"kind"`
	Field string   `json:"field"` // field id, "icmp.seq"; the label when the node has none
	Label string   `json:"label"` // "Sequence Number (BE)"
	// Path is the field ids of the node's ancestors and its own, joined by
	// "/", with "#n" after an id that occurs more than once among its
	// siblings ("eth/ip/icmp/ip/ip.ttl"): which field it is when the same id
	// appears at several depths, as in the datagram an ICMP error quotes.
	Path string    `json:"path"`
	A    *DiffSide `json:"a,omitempty"`
	B    *DiffSide `json:"b,omitempty"`
}

// CompareOptions choose what a comparison leaves out.
type CompareOptions struct {
	// IgnoreChecksums leaves out every checksum field and its verdict
	// (ip.checksum, icmp.checksum, udp.checksum.status, ...): two packets
	// that differ in one field always differ in the checksum over it too.
	IgnoreChecksums bool
	// IgnoreTimestamps leaves out the timestamp fields (the ICMP timestamp
	// message's three, the IPv4 timestamp option's) and the capture times.
	IgnoreTimestamps bool
}

// frameTimeField is the pseudo field id of a frame's capture time, after
// tshark's frame.time; it has no bytes in the frame.
const frameTimeField = "frame.time"

// Compare reports how frame b differs from frame a, field by field, in tree
// order (a's order; fields only in b come after the a field they follow).
// Nil frames compare as empty ones. Equal frames give nil.
func Compare(a, b *Frame, opts CompareOptions) []FieldDiff {
	var ra, rb []*Node
	var ta, tb time.Time
	if a != nil {
		ra, ta = a.Root, a.Time
	}
	if b != nil {
		rb, tb = b.Root, b.Time
	}
	c := comparer{opts: opts}
	if a != nil && b != nil {
		c.da, c.db = a.Data, b.Data
		c.sa, c.sb = a.Sources, b.Sources
	}
	if !opts.IgnoreTimestamps && !ta.IsZero() && !tb.IsZero() && !ta.Equal(tb) {
		c.out = append(c.out, FieldDiff{Kind: DiffChanged, Field: frameTimeField, Label: a.Lang.say("Arrival Time", "도착 시각 (Arrival Time)"), Path: frameTimeField,
			A: &DiffSide{Value: ta.UTC().Format(time.RFC3339Nano)}, B: &DiffSide{Value: tb.UTC().Format(time.RFC3339Nano)}})
	}
	c.level("", ra, rb)
	return c.out
}

// comparer holds one comparison's options, bytes and findings.
type comparer struct {
	opts   CompareOptions
	da, db []byte
	sa, sb []Source
	out    []FieldDiff
}

// key is what matches a node with its counterpart among its siblings.
func key(n *Node) string {
	if n.Field != "" {
		return n.Field
	}
	return n.Label
}

// level compares two lists of sibling nodes under the path prefix.
func (c *comparer) level(prefix string, as, bs []*Node) {
	count := func(ns []*Node) map[string]int {
		m := make(map[string]int, len(ns))
		for _, n := range ns {
			m[key(n)]++
		}
		return m
	}
	na, nb := count(as), count(bs)
	// bAt finds b's node by key and occurrence.
	type slot struct {
		k   string
		occ int
	}
	bAt := make(map[slot]int, len(bs))
	occB := make([]int, len(bs))
	seen := make(map[string]int, len(bs))
	for i, n := range bs {
		k := key(n)
		occB[i] = seen[k]
		bAt[slot{k, occB[i]}] = i
		seen[k]++
	}
	matched := make([]bool, len(bs))
	clear(seen)
	next := 0 // first b node not yet reported
	for _, n := range as {
		k := key(n)
		occ := seen[k]
		seen[k]++
		if c.ignored(n) {
			if j, ok := bAt[slot{k, occ}]; ok {
				matched[j] = true
			}
			continue
		}
		path := pathOf(prefix, k, occ, max(na[k], nb[k]))
		j, ok := bAt[slot{k, occ}]
		if !ok {
			c.out = append(c.out, FieldDiff{Kind: DiffOnlyA, Field: k, Label: n.Label, Path: path, A: side(n)})
			continue
		}
		// b's unmatched nodes before j are reported where they stand.
		for ; next < j; next++ {
			c.onlyB(prefix, bs[next], occB[next], &matched[next], max(na[key(bs[next])], nb[key(bs[next])]))
		}
		matched[j] = true
		c.pair(path, n, bs[j])
	}
	for ; next < len(bs); next++ {
		c.onlyB(prefix, bs[next], occB[next], &matched[next], max(na[key(bs[next])], nb[key(bs[next])]))
	}
}

// onlyB reports n, b's occ-th node of its key, as missing from a unless it
// was matched; total is how often the key occurs on the busier side.
func (c *comparer) onlyB(prefix string, n *Node, occ int, matched *bool, total int) {
	if *matched || c.ignored(n) {
		*matched = true
		return
	}
	*matched = true
	k := key(n)
	c.out = append(c.out, FieldDiff{Kind: DiffOnlyB, Field: k, Label: n.Label, Path: pathOf(prefix, k, occ, total), B: side(n)})
}

// pair compares two matched nodes: a leaf by its value and its bytes, a node
// with children by its children (and by its own value when they agree, as
// a flags word whose bits are not all shown).
func (c *comparer) pair(path string, a, b *Node) {
	if len(a.Kids) > 0 || len(b.Kids) > 0 {
		before := len(c.out)
		c.level(path, a.Kids, b.Kids)
		if len(c.out) > before || a.Value == b.Value {
			return
		}
	} else if a.Value == b.Value && c.sameBytes(a, b) {
		return
	}
	c.out = append(c.out, FieldDiff{Kind: DiffChanged, Field: key(a), Label: a.Label, Path: path, A: side(a), B: side(b)})
}

// sameBytes reports whether two leaves cover equal bytes (under their masks).
func (c *comparer) sameBytes(a, b *Node) bool {
	x, okx := bytesOf(c.da, c.sa, a)
	y, oky := bytesOf(c.db, c.sb, b)
	if !okx || !oky {
		return okx == oky
	}
	if a.Mask != b.Mask || len(x) != len(y) {
		return false
	}
	if a.Mask == 0 || len(x) > 4 {
		return string(x) == string(y)
	}
	var vx, vy uint32
	for i := range x {
		vx, vy = vx<<8|uint32(x[i]), vy<<8|uint32(y[i])
	}
	return vx&a.Mask == vy&a.Mask
}

// bytesOf returns the bytes a node covers, false when they are out of range.
func bytesOf(data []byte, src []Source, n *Node) ([]byte, bool) {
	buf := data
	if n.Source > 0 {
		if n.Source > len(src) {
			return nil, false
		}
		buf = src[n.Source-1].Data
	}
	if n.Offset < 0 || n.Length < 0 || n.Offset > len(buf) || n.Length > len(buf)-n.Offset {
		return nil, false
	}
	return buf[n.Offset : n.Offset+n.Length], true
}

func side(n *Node) *DiffSide {
	return &DiffSide{Value: n.Value, Offset: n.Offset, Length: n.Length, Mask: n.Mask, Source: n.Source}
}

// pathOf extends prefix with k, numbering it when it occurs more than once.
func pathOf(prefix, k string, occ, total int) string {
	p := k
	if total > 1 {
		p += "#" + itoa(occ+1)
	}
	if prefix == "" {
		return p
	}
	return prefix + "/" + p
}

// ignored reports whether the options leave n (and all below it) out.
func (c *comparer) ignored(n *Node) bool {
	return c.opts.IgnoreChecksums && IsChecksumField(n.Field) ||
		c.opts.IgnoreTimestamps && IsTimestampField(n.Field)
}

// IsChecksumField reports whether a field id names a checksum or its
// verdict: an id whose last part is "checksum" ("ip.checksum",
// "icmpv6.ext.checksum") or that goes on below one ("icmp.checksum.status"),
// but not a flag saying a checksum is present ("gre.flags.checksum").
func IsChecksumField(id string) bool {
	if strings.Contains(id, ".flags.") {
		return false
	}
	return strings.HasSuffix(id, ".checksum") || strings.Contains(id, ".checksum.")
}

// timestampFields are the field ids that hold a clock reading.
var timestampFields = map[string]bool{
	"icmp.originate_timestamp": true,
	"icmp.receive_timestamp":   true,
	"icmp.transmit_timestamp":  true,
	"ip.opt.time_stamp":        true,
	"icmp.data_time":           true, // ping's send time in an echo's data (echo_time.go)
	"icmpv6.data_time":         true,
	frameTimeField:             true,
}

// IsTimestampField reports whether a field id holds a clock reading, which
// differs between any two packets sent at different times.
func IsTimestampField(id string) bool { return timestampFields[id] }
