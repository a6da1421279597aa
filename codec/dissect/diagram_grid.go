package dissect

// grid says which box owns each bit of the drawing: the one fact the ASCII
// and SVG renderers both draw their lines from (a border between two bits
// of different boxes, none inside a box, even across rows).
type grid struct {
	rows  int
	owner [][RowBits]int // box index, -1 for nothing drawn
}

func newGrid(d *Diagram) *grid {
	g := &grid{rows: d.Rows, owner: make([][RowBits]int, d.Rows)}
	for r := range g.owner {
		for c := range g.owner[r] {
			g.owner[r][c] = -1
		}
	}
	for i := range d.Boxes {
		for _, s := range d.Boxes[i].Segments() {
			if s.Row >= d.Rows {
				continue
			}
			for c := s.Col; c < s.Col+s.Width; c++ {
				g.owner[s.Row][c] = i
			}
		}
	}
	return g
}

// at is the owner of bit c of row r; -1 outside the drawing.
func (g *grid) at(r, c int) int {
	if r < 0 || r >= g.rows || c < 0 || c >= RowBits {
		return -1
	}
	return g.owner[r][c]
}

// wall reports whether a vertical line stands at boundary c (0..32) of
// row r: between two different boxes, or at the edge of one.
func (g *grid) wall(r, c int) bool {
	l, rt := g.at(r, c-1), g.at(r, c)
	return l != rt
}

// floor reports whether a horizontal line runs under bit c between rows
// r and r+1 (r = -1 is the top edge): the bit belongs to different boxes
// above and below, and to one of them at least.
func (g *grid) floor(r, c int) bool {
	return g.at(r, c) != g.at(r+1, c)
}

// corner reports whether boundary c on the line between rows r and r+1 is
// a joint: a line ends or meets another there.
func (g *grid) corner(r, c int) bool {
	return g.floor(r, c-1) || g.floor(r, c) || g.wall(r, c) || g.wall(r+1, c)
}
