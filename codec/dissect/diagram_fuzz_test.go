package dissect

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// eachPath calls fn with the path of every node of the tree; with
// headersOnly, of the roots and the nodes with children (a leaf draws its
// parent's header again).
func eachPath(ns []*Node, path []int, headersOnly bool, fn func([]int)) {
	for i, n := range ns {
		p := append(append([]int{}, path...), i)
		if !headersOnly || len(path) == 0 || len(n.Kids) > 0 {
			fn(p)
		}
		eachPath(n.Kids, p, headersOnly, fn)
	}
}

// checkDiagram holds any diagram to what every drawing needs: boxes in bit
// order without overlap, drawn within the row limit, a well-formed SVG
// with a group per box, ASCII art with a row of lines per drawn row.
func checkDiagram(d *Diagram) error {
	next := -1
	for i, b := range d.Boxes {
		if b.Bits <= 0 || b.Width <= 0 || b.Width > b.Bits {
			return fmt.Errorf("box %d %q: %d bits drawn as %d", i, b.Label, b.Bits, b.Width)
		}
		if b.Bit < next {
			return fmt.Errorf("box %d %q at bit %d overlaps the one before (ends at %d)", i, b.Label, b.Bit, next)
		}
		next = b.Bit + b.Bits
		if b.At+b.Width > d.Rows*RowBits || d.Rows > MaxDiagramRows {
			return fmt.Errorf("box %d %q drawn past %d rows (limit %d)", i, b.Label, d.Rows, MaxDiagramRows)
		}
	}
	dec := xml.NewDecoder(strings.NewReader(d.SVG()))
	groups := 0
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			return fmt.Errorf("SVG: %v", err)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "g" {
			for _, a := range se.Attr {
				if a.Name.Local == "data-box" {
					groups++
				}
			}
		}
	}
	if groups != len(d.Boxes) {
		return fmt.Errorf("SVG has %d field groups for %d boxes", groups, len(d.Boxes))
	}
	if rows := len(asciiRowsAll(d.ASCII())); rows != d.Rows {
		return fmt.Errorf("ASCII has %d rows, the layout %d", rows, d.Rows)
	}
	return nil
}

// asciiRowsAll counts rows as the border lines between them (without the
// test helpers of diagram_test.go, which is native only).
func asciiRowsAll(art string) []int {
	var rows []int
	borders := 0
	for _, l := range strings.Split(art, "\n") {
		if strings.Contains(l, "+") && !strings.Contains(l, "|") && !strings.Contains(l, ":") {
			if borders > 0 {
				rows = append(rows, borders)
			}
			borders++
		}
	}
	return rows
}

// FuzzDiagram draws every header of arbitrary bytes at every start layer:
// no panic, and every drawing holds together.
func FuzzDiagram(f *testing.F) {
	for _, s := range fuzzSeeds {
		for l := range layerNames {
			f.Add(seedBytes(s), uint8(l))
		}
	}
	f.Fuzz(func(t *testing.T, b []byte, layer uint8) {
		l := Layer(layer % uint8(len(layerNames)))
		fr := Dissect(b, l, Options{})
		eachPath(fr.Root, nil, false, func(p []int) {
			d, ok := DiagramAt(fr.Root, p)
			if !ok {
				t.Fatalf("no diagram at %v", p)
			}
			if err := checkDiagram(&d); err != nil {
				t.Fatalf("layer %s, path %v: %v", l, p, err)
			}
		})
	})
}

// TestDiagramTruncated draws every header of every prefix of the seeds:
// a cut header is drawn as far as its bytes go.
func TestDiagramTruncated(t *testing.T) {
	for _, s := range fuzzSeeds {
		b := seedBytes(s)
		for n := 0; n <= len(b); n++ {
			fr := Dissect(b[:n], LayerAuto, Options{})
			eachPath(fr.Root, nil, true, func(p []int) {
				d, ok := DiagramAt(fr.Root, p)
				require.True(t, ok)
				require.NoError(t, checkDiagram(&d), "%x at %v", b[:n], p)
			})
		}
	}
	// A time exceeded cut 4 bytes into its ICMP header: Type, Code and
	// Checksum are drawn, nothing after them.
	fr := Dissect(seedBytes(fuzzSeeds[1])[:24], LayerIPv4, Options{})
	d, ok := DiagramAt(fr.Root, []int{1})
	require.True(t, ok)
	var fields []string
	for _, b := range d.Boxes {
		fields = append(fields, b.Field)
	}
	assert.Equal(t, []string{"icmp.type", "icmp.code", "icmp.checksum"}, fields)
	assert.Equal(t, 1, d.Rows)
}

// TestDiagramHostileTrees: trees no dissector makes (negative and huge
// lengths, masks wider than their bytes, overlapping and out-of-order
// fields, other byte buffers, deep nesting, markup in names) draw without
// panic, within bounds, and with the markup escaped.
func TestDiagramHostileTrees(t *testing.T) {
	deep := &Node{Label: "deep", Field: "d.x", Length: 1}
	for i := 0; i < 100; i++ {
		deep = &Node{Label: "deep", Field: "d.x", Length: 1, Kids: []*Node{deep}}
	}
	trees := []*Node{
		{Label: "empty", Field: "e"},
		{Label: "negative", Field: "n", Length: -5, Kids: []*Node{{Label: "a", Field: "n.a", Offset: -3, Length: -1}}},
		{Label: "huge", Field: "h", Length: 1 << 30, Kids: []*Node{{Label: "a", Field: "h.a", Length: 1 << 30}, {Label: "b", Field: "h.b", Offset: 1 << 29, Length: 8}}},
		{Label: "mask", Field: "m", Length: 2, Kids: []*Node{{Label: "a", Field: "m.a", Length: 1, Mask: 0xffff00}, {Label: "b", Field: "m.b", Length: 9, Mask: 1}}},
		{Label: "overlap", Field: "o", Length: 4, Kids: []*Node{{Label: "b", Field: "o.b", Offset: 2, Length: 2}, {Label: "a", Field: "o.a", Length: 4}, {Label: "c", Field: "o.c", Offset: 1, Length: 1}}},
		{Label: "source", Field: "s", Length: 4, Kids: []*Node{{Label: "elsewhere", Field: "s.a", Length: 4, Source: 1}}},
		{Label: `<script>&"'`, Field: "x<", Length: 2, Kids: []*Node{{Label: "</text><a>", Field: "x.a", Value: "\x00\x01<", Length: 2}}},
		{Label: "nest", Field: "n", Length: 1, Kids: []*Node{deep}},
	}
	for _, h := range trees {
		d := Layout(h)
		require.NoError(t, checkDiagram(&d), "%s", h.Label)
		assert.LessOrEqual(t, d.Rows, MaxDiagramRows)
	}
	d := Layout(trees[6])
	assert.NotContains(t, d.SVG(), "<script>")
	assert.NotContains(t, d.SVG(), "</text><a>")
	huge := Layout(trees[2])
	require.NotEmpty(t, huge.Boxes)
	assert.True(t, huge.Boxes[0].Collapsed(), "a gigabyte field is collapsed")
}
