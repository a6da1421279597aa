package dissect

import (
	"slices"
	"strconv"
	"strings"
)

// The SVG drawing: the same boxes and lines as the ASCII art, at a fixed
// scale (SVGBitWidth pixels a bit), in a monospace font so a label's width
// is known before any browser lays it out (SVGCharWidth of the font size
// per column; a wide rune takes two). It is standalone: presentation
// attributes, no stylesheet, so the file a teacher downloads looks as the
// page does. The page's on-screen diagram is this SVG, made interactive by
// the data-box index on each field's group.

// SVG geometry, in pixels.
const (
	SVGBitWidth  = 24   // one bit: a one-bit flag holds three letters at the small size
	SVGCharWidth = 0.6  // a monospace glyph's advance, in ems (DejaVu Sans Mono: 0.602)
	SVGNameSize  = 12.0 // a field's name
	SVGSmallSize = 10.0 // a name that does not fit at SVGNameSize, and values
	SVGPad       = 2.0  // space kept on each side of a label
	svgMargin    = 8
	svgTitleH    = 24
	svgRulerH    = 16
	svgRowH      = 40
	svgLegendH   = 16
	svgFont      = "ui-monospace, 'DejaVu Sans Mono', 'Noto Sans Mono CJK KR', monospace"
)

// TextWidth estimates how wide s is at size px in the diagram's font.
func TextWidth(s string, size float64) float64 {
	return float64(textCols(s)) * SVGCharWidth * size
}

// SVGLabel is a box's name as the SVG shows it, and its font size.
func (d *Diagram) SVGLabel(i int) (string, float64) {
	b := &d.Boxes[i]
	if b.Gap {
		return "", 0
	}
	segs := b.Segments()
	room := float64(segs[b.MainSegment()].Width*SVGBitWidth) - 2*SVGPad
	more := ""
	if b.Collapsed() {
		more = " …"
	}
	cands := []string{b.Label + more, b.Label, b.Short, abbreviate(b.Label)}
	for _, size := range []float64{SVGNameSize, SVGSmallSize} {
		for _, s := range cands {
			if s != "" && s != more && TextWidth(s, size) <= room {
				return s, size
			}
		}
	}
	// The first letter of the abbreviation: a one-bit box holds three
	// narrow or one wide letter at the small size, so this always fits.
	if r := []rune(cands[2] + cands[3]); len(r) > 0 {
		return string(r[0]), SVGSmallSize
	}
	return "", 0
}

// svgValue is the value a box shows under its name, when it fits.
func (d *Diagram) svgValue(i int) string {
	b := &d.Boxes[i]
	v := b.Value
	if b.Collapsed() {
		v = diagramBytes(b.Bits/8, d.Lang)
	}
	if b.Gap || v == "" {
		return ""
	}
	segs := b.Segments()
	room := float64(segs[b.MainSegment()].Width*SVGBitWidth) - 2*SVGPad
	if TextWidth(v, SVGSmallSize) <= room {
		return v
	}
	return ""
}

// Legend lists the abbreviations the SVG uses: "DF" for "Don't fragment".
func (d *Diagram) Legend() [][2]string {
	var out [][2]string
	for i := range d.Boxes {
		b := &d.Boxes[i]
		s, _ := d.SVGLabel(i)
		if e := [2]string{s, b.Label}; !b.Gap && s != b.Label && s != b.Label+" …" && !slices.Contains(out, e) {
			out = append(out, [2]string{s, b.Label})
		}
	}
	return out
}

// SVG draws the diagram: title, bit ruler, the fields (each a <g
// data-box="i"> holding its rectangles, a <title> with the whole name, value
// and width, its name and value), the lines between them, and the legend.
func (d *Diagram) SVG() string {
	width := 2*svgMargin + RowBits*SVGBitWidth
	top := svgMargin + svgTitleH + svgRulerH
	legend := d.Legend()
	legendLines := legendLayout(legend, float64(RowBits*SVGBitWidth))
	height := top + d.Rows*svgRowH + svgMargin
	if len(legendLines) > 0 {
		height += 6 + len(legendLines)*svgLegendH
	}
	if d.Cut {
		height += svgLegendH
	}
	var sb strings.Builder
	w := func(s ...string) {
		for _, x := range s {
			sb.WriteString(x)
		}
	}
	num := func(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
	itoa := strconv.Itoa
	w(`<svg xmlns="http://www.w3.org/2000/svg" class="hdrdiagram" width="`, itoa(width), `" height="`, itoa(height),
		`" viewBox="0 0 `, itoa(width), " ", itoa(height), `" font-family="`, svgFont, `" role="img" aria-label="`, xmlEscape(d.Title), `">`)
	w(`<title>`, xmlEscape(d.Title), `</title>`)
	w(`<rect class="bg" width="100%" height="100%" fill="#ffffff"/>`)
	w(`<text class="title" x="`, itoa(svgMargin), `" y="`, itoa(svgMargin+16), `" font-size="15" font-weight="bold" fill="#111111">`, xmlEscape(d.Title), `</text>`)
	// The ruler: every bit numbered, bytes marked.
	w(`<g class="ruler" font-size="9" fill="#666666" text-anchor="middle">`)
	for c := 0; c < RowBits; c++ {
		x := svgMargin + c*SVGBitWidth + SVGBitWidth/2
		w(`<text x="`, itoa(x), `" y="`, itoa(top-4), `">`, itoa(c), `</text>`)
	}
	w(`</g>`)
	g := newGrid(d)
	for i := range d.Boxes {
		b := &d.Boxes[i]
		cls, fill := "field", "#ffffff"
		switch {
		case b.Gap:
			cls, fill = "field gap", "#eeeeee"
		case b.Severity == "error":
			cls, fill = "field bad", "#fde2e1"
		case b.Severity == "warning":
			cls, fill = "field warn", "#fff4d6"
		}
		w(`<g class="`, cls, `" data-box="`, itoa(i), `"`)
		if b.Field != "" {
			w(` data-field="`, xmlEscape(b.Field), `"`)
		}
		w(`><title>`, xmlEscape(boxTitle(b, d.Lang)), `</title>`)
		segs := b.Segments()
		for _, s := range segs {
			w(`<rect x="`, itoa(svgMargin+s.Col*SVGBitWidth), `" y="`, itoa(top+s.Row*svgRowH), `" width="`,
				itoa(s.Width*SVGBitWidth), `" height="`, itoa(svgRowH), `" fill="`, fill, `"/>`)
		}
		if name, size := d.SVGLabel(i); name != "" {
			m := segs[b.MainSegment()]
			cx := float64(svgMargin) + (float64(m.Col)+float64(m.Width)/2)*SVGBitWidth
			y := top + m.Row*svgRowH
			val := d.svgValue(i)
			ny := float64(y) + svgRowH/2 + size/3
			if val != "" {
				ny = float64(y) + 17
			}
			w(`<text class="name" x="`, num(cx), `" y="`, num(ny), `" font-size="`, num(size), `" text-anchor="middle" fill="#111111">`, xmlEscape(name), `</text>`)
			if val != "" {
				w(`<text class="value" x="`, num(cx), `" y="`, itoa(y+32), `" font-size="`, num(SVGSmallSize), `" text-anchor="middle" fill="#555555">`, xmlEscape(val), `</text>`)
			}
		}
		w(`</g>`)
	}
	// The lines, from the grid the ASCII art uses: a path of every wall
	// and floor, and a tick at each bit along the floors ("+-+-+").
	var p strings.Builder
	for r := -1; r < d.Rows; r++ {
		y := top + (r+1)*svgRowH
		for c := 0; c < RowBits; c++ {
			if g.floor(r, c) {
				x := svgMargin + c*SVGBitWidth
				p.WriteString("M" + itoa(x) + " " + itoa(y) + "h" + itoa(SVGBitWidth))
				p.WriteString("M" + itoa(x) + " " + itoa(y-3) + "v6")
				if !g.floor(r, c+1) {
					p.WriteString("M" + itoa(x+SVGBitWidth) + " " + itoa(y-3) + "v6")
				}
			}
		}
		if r >= 0 {
			for c := 0; c <= RowBits; c++ {
				if g.wall(r, c) {
					p.WriteString("M" + itoa(svgMargin+c*SVGBitWidth) + " " + itoa(top+r*svgRowH) + "v" + itoa(svgRowH))
				}
			}
		}
	}
	w(`<path class="lines" d="`, p.String(), `" stroke="#333333" stroke-width="1.5" fill="none" pointer-events="none"/>`)
	y := top + d.Rows*svgRowH + 6
	if len(legendLines) > 0 {
		w(`<g class="legend" font-size="11" fill="#333333">`)
		for k, line := range legendLines {
			ly := y + (k+1)*svgLegendH - 4
			for _, e := range line {
				w(`<text x="`, num(float64(svgMargin)+e.x), `" y="`, itoa(ly), `"><tspan font-weight="bold">`, xmlEscape(e.short),
					`</tspan> `, xmlEscape(e.full), `</text>`)
			}
		}
		w(`</g>`)
		y += len(legendLines) * svgLegendH
	}
	if d.Cut {
		// Words would need a language: the page says it under the SVG.
		w(`<text class="cut" x="`, itoa(svgMargin), `" y="`, itoa(y+svgLegendH-4), `" font-size="11" fill="#666666">⋮</text>`)
	}
	w(`</svg>`)
	return sb.String()
}

// boxTitle is a field's tooltip in l: whole name, value, width.
func boxTitle(b *Box, l Lang) string {
	if b.Gap {
		return bitCount(b.Bits, l)
	}
	t := b.Label
	if b.Value != "" {
		t += " = " + b.Value
	}
	return t + " · " + bitCount(b.Bits, l)
}

// bitCount is a width in l: "1 bit", "16 bits"; "16비트".
func bitCount(n int, l Lang) string {
	switch {
	case l == LangKO:
		return strconv.Itoa(n) + "비트"
	case n == 1:
		return "1 bit"
	}
	return strconv.Itoa(n) + " bits"
}

// diagramBytes is a size in l: "1 byte", "32 bytes"; "32바이트".
func diagramBytes(n int, l Lang) string {
	if l == LangKO {
		return strconv.Itoa(n) + "바이트"
	}
	return byteCount(n)
}

// legendEntry is one abbreviation placed on a legend line.
type legendEntry struct {
	x           float64
	short, full string
}

// legendLayout flows the legend's entries into lines of the given width.
func legendLayout(legend [][2]string, width float64) [][]legendEntry {
	var lines [][]legendEntry
	var line []legendEntry
	x := 0.0
	for _, e := range legend {
		ew := TextWidth(e[0]+" "+e[1], 11) + 16
		if x > 0 && x+ew > width {
			lines = append(lines, line)
			line, x = nil, 0
		}
		line = append(line, legendEntry{x: x, short: e[0], full: e[1]})
		x += ew
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}

// xmlEscape escapes text for an XML text node or attribute.
func xmlEscape(s string) string {
	var sb strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			sb.WriteString("&lt;")
		case '>':
			sb.WriteString("&gt;")
		case '&':
			sb.WriteString("&amp;")
		case '"':
			sb.WriteString("&quot;")
		case '\'':
			sb.WriteString("&apos;")
		default:
			if r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF {
				sb.WriteRune('\uFFFD') // not allowed in XML
				continue
			}
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
