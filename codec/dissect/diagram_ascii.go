package dissect

import (
	"slices"
	"strings"
)

// ASCII art in the style of RFC 791: a two-line bit ruler, "+-+-+" borders,
// "|" between fields, names centred. A field continued on the next row has
// no border between its rows; a name too long for its box is wrapped over
// up to maxLabelLines lines (RFC 793 writes "Data Offset" that way), set
// vertically in a one-bit box, or abbreviated from the list in
// diagram_names.go, and then listed under the drawing with its whole name.
//
// The drawing itself is ASCII in every language (asciiBox): a Korean label
// is drawn by its English name and listed under the drawing in Korean.
// Hangul is two columns wide in a terminal, but ASCII art is made to be
// pasted into mail, slides and documents, whose monospace fonts take Latin
// letters from one font and Hangul from another (DejaVu Sans Mono's 0.6 em
// beside Noto Sans CJK's 1 em, not 2 × 0.6): there no count of columns
// keeps the walls in line. The legend lines have no walls to keep.

// maxLabelLines is the most lines a row grows to for a name.
const maxLabelLines = 3

// asciiRuler is RFC 791's ruler, tens over units.
const asciiRuler = " 0                   1                   2                   3\n" +
	" 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1\n"

// ASCIILabel is the text a box shows in the ASCII drawing, one string per
// line.
func (d *Diagram) ASCIILabel(i int) []string {
	b := &d.Boxes[i]
	if b.Gap {
		return nil
	}
	segs := b.Segments()
	w := 2*segs[b.MainSegment()].Width - 1
	return fitLines(asciiBox(b), w)
}

// asciiBox is b as the ASCII drawing names it: b itself when its label is
// ASCII, else a copy named by asciiName, abbreviated from that name.
func asciiBox(b *Box) *Box {
	if isASCII(b.Label) {
		return b
	}
	c := *b
	c.Label = asciiName(b.Label, b.Field)
	c.Short = shortName(c.Field, c.Label)
	return &c
}

// asciiName is the English name of a field whose label is not ASCII: the
// English term a Korean label carries in parentheses ("체크섬 (Checksum)"),
// the listed abbreviation, or the last part of its field id.
func asciiName(label, field string) string {
	if en := englishPart(label); en != "" {
		return en
	}
	if s, ok := shortNames[field]; ok {
		return s
	}
	if tail := field[strings.LastIndexByte(field, '.')+1:]; tail != "" && isASCII(tail) {
		return strings.ReplaceAll(tail, "_", " ")
	}
	return "?"
}

// englishPart is the ASCII text in a label's closing parentheses, "Time
// to Live" of "생존 시간 TTL (Time to Live)", or "".
func englishPart(label string) string {
	i := strings.LastIndexByte(label, '(')
	if i < 0 || !strings.HasSuffix(label, ")") {
		return ""
	}
	if in := strings.TrimSpace(label[i+1 : len(label)-1]); isASCII(in) {
		return in
	}
	return ""
}

// isASCII reports whether s is printable ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// fitLines chooses a box's text for w columns: the name on one line, the
// listed abbreviation, the name wrapped, the abbreviation wrapped, the
// abbreviation set vertically, its first letter.
func fitLines(b *Box, w int) []string {
	more := ""
	if b.Collapsed() {
		more = " ..."
	}
	// A listed abbreviation (the RFC's "IHL") beats the name wrapped; one
	// made of initials does not.
	listed := shortNames[b.Field] == b.Short
	one := []string{b.Label}
	if listed {
		one = append(one, b.Short)
	}
	for _, s := range one {
		if s != "" && textCols(s+more) <= w {
			return []string{s + more}
		}
		if s != "" && textCols(s) <= w {
			return []string{s}
		}
	}
	if ls := wrapWords(b.Label, w); ls != nil && len(ls) <= maxLabelLines {
		return ls
	}
	if b.Short != "" && textCols(b.Short) <= w {
		return []string{b.Short}
	}
	if ls := wrapWords(b.Short, w); ls != nil && len(ls) <= maxLabelLines {
		return ls
	}
	// Set vertically, a letter a line (RFC 793's flags), or the first
	// letter alone. A wide rune would never fit a one-bit box's single
	// column; asciiBox gives this function ASCII names only.
	short := b.Short
	if short == "" {
		short = b.Label
	}
	r := []rune(short)
	fits := len(r) > 0
	for _, x := range r {
		fits = fits && textCols(string(x)) <= w
	}
	if fits && len(r) <= maxLabelLines {
		ls := make([]string, len(r))
		for i := range r {
			ls[i] = string(r[i])
		}
		return ls
	}
	if len(r) > 0 && textCols(string(r[0])) <= w {
		return []string{string(r[0])}
	}
	return nil
}

// wrapWords breaks s into lines of at most w columns at spaces; nil when a
// word is longer than w.
func wrapWords(s string, w int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if textCols(word) > w {
			return nil
		}
		switch {
		case line == "":
			line = word
		case textCols(line)+1+textCols(word) <= w:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// ASCII draws the diagram as RFC-style ASCII art, followed by the legend of
// the abbreviations it used (one "ABBR: Whole name" line each).
func (d *Diagram) ASCII() string {
	var sb strings.Builder
	sb.WriteString(asciiRuler)
	if d.Rows == 0 {
		return sb.String()
	}
	g := newGrid(d)
	labels := make([][]string, len(d.Boxes))
	var legend []string
	for i := range d.Boxes {
		labels[i] = d.ASCIILabel(i)
		if b := &d.Boxes[i]; !b.Gap {
			if shown := shownText(labels[i]); shown != b.Label && shown != b.Label+" ..." && !slices.Contains(legend, shown+": "+b.Label) {
				legend = append(legend, shown+": "+b.Label)
			}
		}
	}
	for r := 0; r < d.Rows; r++ {
		sb.WriteString(asciiBorder(g, r-1))
		// The row is as tall as its tallest name.
		h := 1
		for i, b := range d.Boxes {
			segs := b.Segments()
			if m := b.MainSegment(); m < len(segs) && segs[m].Row == r {
				h = max(h, len(labels[i]))
			}
		}
		for line := 0; line < h; line++ {
			sb.WriteString(asciiContent(d, g, labels, r, line, h))
		}
	}
	sb.WriteString(asciiBorder(g, d.Rows-1))
	for _, l := range legend {
		sb.WriteString(l)
		sb.WriteByte('\n')
	}
	return sb.String()
}

// asciiBorder is the line under row r (r = -1: the top edge).
func asciiBorder(g *grid, r int) string {
	line := make([]rune, 2*RowBits+1)
	for c := 0; c <= RowBits; c++ {
		line[2*c] = ' '
		if g.corner(r, c) {
			line[2*c] = '+'
		}
		if c < RowBits {
			line[2*c+1] = ' '
			if g.floor(r, c) {
				line[2*c+1] = '-'
			}
		}
	}
	return strings.TrimRight(string(line), " ") + "\n"
}

// asciiContent is line `line` of the h lines of row r.
func asciiContent(d *Diagram, g *grid, labels [][]string, r, line, h int) string {
	cells := make([]string, 2*RowBits+1) // one column each; a wide rune takes two
	for c := range cells {
		cells[c] = " "
	}
	for c := 0; c <= RowBits; c++ {
		if g.wall(r, c) {
			cells[2*c] = "|"
		}
	}
	for i := range d.Boxes {
		b := &d.Boxes[i]
		segs := b.Segments()
		m := b.MainSegment()
		if m >= len(segs) || segs[m].Row != r || len(labels[i]) == 0 {
			continue
		}
		// Names are centred across the row's lines and within the box.
		top := (h - len(labels[i])) / 2
		k := line - top
		if k < 0 || k >= len(labels[i]) {
			continue
		}
		s := segs[m]
		w := 2*s.Width - 1
		text := labels[i][k]
		col := 2*s.Col + 1 + (w-textCols(text)+1)/2
		for _, ru := range text {
			cells[col] = string(ru)
			col++
			if isWide(ru) {
				cells[col] = ""
				col++
			}
		}
	}
	return strings.TrimRight(strings.Join(cells, ""), " ") + "\n"
}

// shownText is a box's lines read as one name: letters set vertically
// joined, wrapped words joined by spaces.
func shownText(lines []string) string {
	for _, l := range lines {
		if len([]rune(l)) > 1 {
			return strings.Join(lines, " ")
		}
	}
	return strings.Join(lines, "")
}
