//go:build !js

package dissect

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// diagramCase is one header kind: a frame, the header's field id (the
// first such node, depth first), and the fields it must show at their RFC
// widths in bits, in order (a field id may repeat).
type diagramCase struct {
	name   string
	frame  []byte
	layer  Layer
	header string
	fields []fieldWidth
	// rfc names the codec source file and which of its diagrams (0-based)
	// the first rows must refine; "" when codec has none to compare.
	rfc      string
	rfcIndex int
	rfcRows  int
}

type fieldWidth struct {
	field string
	bits  int
}

func fw(pairs ...any) []fieldWidth {
	var out []fieldWidth
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, fieldWidth{pairs[i].(string), pairs[i+1].(int)})
	}
	return out
}

func diagramCases(t *testing.T) []diagramCase {
	built := builtCaptures()
	frame := func(name string, i int) []byte { return built[name][i].data }

	// ICMPv6 neighbour advertisement with a target link-layer option.
	na := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6NeighborAdvertisement, Src: hostB6, Dst: hostA6},
		codec.NDP{NAFlags: 0x60, Target: hostB6, OptionBytes: codec.AppendNDPOption(nil, codec.NDPTargetLinkAddr, macB)})
	naFrame := ether(codec.EtherTypeIPv6, ipv6(hostB6, hostA6, codec.ProtoICMPv6, 255, na))

	// A TCP SYN with an MSS option.
	syn := codec.AppendTCP(nil, codec.TCPHeader{SrcPort: 40000, DstPort: 80, Seq: 1000, DataOff: 6, Flags: codec.TCPFlagSYN,
		Window: 64240, Options: []byte{2, 4, 0x05, 0xb4}}, nil, hostA, hostB)
	synFrame := ipv4(hostA, hostB, codec.ProtoTCP, 64, 0x7001, syn)

	// An RFC 8335 extended echo request naming an interface.
	probe := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4ExtendedEchoRequest},
		codec.ExtendedEchoRequest{ID: 0x1234, Seq: 9, Local: true,
			Ext: codec.NewExtensions(nil, codec.AppendInterfaceIdentObject(nil, codec.InterfaceIdent{CType: codec.IdentByName, Name: "eth0"}))})
	probeFrame := ipv4(hostA, hostB, codec.ProtoICMP, 64, 0x7002, probe)

	e6 := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6EchoRequest, Src: hostA6, Dst: hostB6},
		codec.Echo{ID: 0x6666, Seq: 1, Data: []byte("sixteen bytes!!!")})
	e6Frame := ipv6(hostA6, hostB6, codec.ProtoICMPv6, 64, e6)

	ipv4Fields := fw("ip.version", 4, "ip.hdr_len", 4, "ip.dsfield.dscp", 6, "ip.dsfield.ecn", 2, "ip.len", 16,
		"ip.id", 16, "ip.flags.rb", 1, "ip.flags.df", 1, "ip.flags.mf", 1, "ip.frag_offset", 13,
		"ip.ttl", 8, "ip.proto", 8, "ip.checksum", 16, "ip.src", 32, "ip.dst", 32)
	return []diagramCase{
		{name: "ethernet", frame: frame("built_echo", 0), layer: LayerEthernet, header: "eth",
			fields: fw("eth.dst", 48, "eth.src", 48, "eth.type", 16)},
		{name: "ipv4_options", frame: frame("built_ipv4_options", 0), layer: LayerEthernet, header: "ip",
			fields: append(append([]fieldWidth{}, ipv4Fields...),
				fw("ip.opt.type.copy", 1, "ip.opt.type.class", 2, "ip.opt.type.number", 5, "ip.opt.len", 8, "ip.opt.ptr", 8,
					"ip.rec_rt", 32, "ip.rec_rt", 32)...),
			rfc: "ipv4.go", rfcRows: 5},
		{name: "ipv6", frame: e6Frame, layer: LayerIPv6, header: "ipv6",
			fields: fw("ipv6.version", 4, "ipv6.tclass.dscp", 6, "ipv6.tclass.ecn", 2, "ipv6.flow", 20, "ipv6.plen", 16,
				"ipv6.nxt", 8, "ipv6.hlim", 8, "ipv6.src", 128, "ipv6.dst", 128),
			rfc: "ipv6.go", rfcRows: 2},
		{name: "icmp_echo", frame: frame("built_echo", 0), layer: LayerEthernet, header: "icmp",
			fields: fw("icmp.type", 8, "icmp.code", 8, "icmp.checksum", 16, "icmp.ident", 16, "icmp.seq", 16, "data", 56*8),
			rfc:    "echo.go", rfcRows: 2},
		{name: "time_exceeded", frame: frame("built_mpls_rfc4884", 0), layer: LayerEthernet, header: "icmp",
			fields: fw("icmp.type", 8, "icmp.code", 8, "icmp.checksum", 16, "icmp.unused", 8, "icmp.length", 8, "icmp.unused", 16,
				"icmp.quote", 52*8, "icmp.padding", 76*8, "icmp.ext.version", 4, "icmp.ext.res", 12, "icmp.ext.checksum", 16,
				"icmp.ext.length", 16, "icmp.ext.class", 8, "icmp.ext.ctype", 8,
				"icmp.mpls.label", 20, "icmp.mpls.exp", 3, "icmp.mpls.s", 1, "icmp.mpls.ttl", 8,
				"icmp.mpls.label", 20, "icmp.mpls.exp", 3, "icmp.mpls.s", 1, "icmp.mpls.ttl", 8),
			rfc: "time_exceeded.go", rfcRows: 1},
		{name: "unreachable_rfc4884", frame: frame("built_rfc5837", 0), layer: LayerEthernet, header: "icmp",
			fields: fw("icmp.type", 8, "icmp.code", 8, "icmp.checksum", 16, "icmp.unused", 8, "icmp.length", 8, "icmp.unused", 16,
				"icmp.quote", 52*8, "icmp.padding", 76*8, "icmp.ext.version", 4, "icmp.ext.res", 12, "icmp.ext.checksum", 16,
				"icmp.ext.length", 16, "icmp.ext.class", 8, "icmp.ext.ctype", 8, "icmp.int_info.index", 32),
			rfc: "unreachable.go", rfcRows: 1},
		{name: "icmpv6_echo", frame: e6Frame, layer: LayerIPv6, header: "icmpv6",
			fields: fw("icmpv6.type", 8, "icmpv6.code", 8, "icmpv6.checksum", 16, "icmpv6.echo.identifier", 16,
				"icmpv6.echo.sequence_number", 16, "data", 128),
			rfc: "echo.go", rfcRows: 2},
		{name: "icmpv6_ndp_options", frame: naFrame, layer: LayerEthernet, header: "icmpv6",
			fields: fw("icmpv6.type", 8, "icmpv6.code", 8, "icmpv6.checksum", 16, "icmpv6.nd.na.flag.r", 1, "icmpv6.nd.na.flag.s", 1,
				"icmpv6.nd.na.flag.o", 1, "icmpv6.nd.na.flag.rsv", 29, "icmpv6.nd.na.target_address", 128,
				"icmpv6.opt.type", 8, "icmpv6.opt.length", 8),
			rfc: "ndp.go", rfcRows: 2},
		{name: "udp", frame: frame("built_mpls_rfc4884", 0), layer: LayerEthernet, header: "udp",
			fields: fw("udp.srcport", 16, "udp.dstport", 16, "udp.length", 16, "udp.checksum", 16),
			rfc:    "transport.go", rfcIndex: 0, rfcRows: 0},
		{name: "tcp", frame: synFrame, layer: LayerIPv4, header: "tcp",
			fields: fw("tcp.srcport", 16, "tcp.dstport", 16, "tcp.seq_raw", 32, "tcp.ack_raw", 32, "tcp.hdr_len", 4),
			rfc:    "transport.go", rfcIndex: 1, rfcRows: 6},
		{name: "extended_echo", frame: probeFrame, layer: LayerIPv4, header: "icmp",
			fields: fw("icmp.type", 8, "icmp.code", 8, "icmp.checksum", 16, "icmp.ext.echo.id", 16, "icmp.ext.echo.seq", 8,
				"icmp.ext.echo.req.local", 1, "icmp.ext.version", 4, "icmp.ext.res", 12, "icmp.ext.checksum", 16,
				"icmp.ext.length", 16, "icmp.ext.class", 8, "icmp.ext.ctype", 8, "icmp.ext.ident.name", 32),
			rfc: "extended_echo.go", rfcRows: 2},
	}
}

// findPath finds the first node with the field id, depth first, and its
// path from the roots.
func findPath(ns []*Node, field string, path []int) (*Node, []int) {
	for i, n := range ns {
		p := append(append([]int{}, path...), i)
		if n.Field == field {
			return n, p
		}
		if k, kp := findPath(n.Kids, field, p); k != nil {
			return k, kp
		}
	}
	return nil, nil
}

func nodeAt(h *Node, path []int) *Node {
	n := h
	for _, i := range path {
		n = n.Kids[i]
	}
	return n
}

// TestDiagramMatchesLayout: for every header kind, the layout's boxes are
// the dissection's fields at their bit offsets and widths, the SVG draws
// exactly those boxes with labels that fit, and the ASCII art has the same
// walls, with labels that fit.
func TestDiagramMatchesLayout(t *testing.T) {
	for _, c := range diagramCases(t) {
		t.Run(c.name, func(t *testing.T) {
			f := Dissect(c.frame, c.layer, Options{})
			h, hp := findPath(f.Root, c.header, nil)
			require.NotNil(t, h, "no %s in the frame", c.header)
			d, ok := DiagramAt(f.Root, hp)
			require.True(t, ok)
			assert.Equal(t, hp, d.Path)
			assert.Equal(t, h.Label, d.Title)
			assert.False(t, d.Cut)

			// The boxes tile the header: from bit 0 to its last bit,
			// each starting where the one before ends.
			next := 0
			for _, b := range d.Boxes {
				assert.Equal(t, next, b.Bit, "box %q starts where the one before ends", b.Label)
				next = b.Bit + b.Bits
				if b.Gap {
					continue
				}
				n := nodeAt(h, b.Path)
				assert.Equal(t, n.Label, b.Label)
				assert.Equal(t, n.Field, b.Field)
				// The node's own range, worked out here from its mask.
				first, width := (n.Offset-h.Offset)*8, n.Length*8
				if n.Mask != 0 {
					var set []int
					for i := 0; i < n.Length*8; i++ {
						if n.Mask&(1<<(n.Length*8-1-i)) != 0 {
							set = append(set, i)
						}
					}
					first += set[0]
					width = set[len(set)-1] - set[0] + 1
				}
				assert.Equal(t, first, b.Bit, "%s", b.Field)
				assert.Equal(t, width, b.Bits, "%s", b.Field)
			}
			assert.Equal(t, h.Length*8, next, "the boxes cover the header")

			// The fields the RFC draws, at its widths, in order.
			var got []fieldWidth
			for _, b := range d.Boxes {
				if !b.Gap {
					got = append(got, fieldWidth{b.Field, b.Bits})
				}
			}
			require.GreaterOrEqual(t, len(got), len(c.fields))
			assert.Equal(t, c.fields, got[:len(c.fields)])

			checkSVG(t, &d)
			checkASCII(t, &d)
			if c.rfc != "" && c.rfcRows > 0 {
				checkRFC(t, &d, c.rfc, c.rfcIndex, c.rfcRows)
			}
		})
	}
}

// svgNode is any element of the SVG, kept whole for walking.
type svgNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Kids    []svgNode  `xml:",any"`
}

func (n *svgNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func (n *svgNode) num(t *testing.T, name string) float64 {
	v, err := strconv.ParseFloat(n.attr(name), 64)
	require.NoError(t, err, "%s=%q", name, n.attr(name))
	return v
}

// text is the element's text after its tspans' (the legend's <text> is a
// bold <tspan> abbreviation followed by the whole name).
func (n *svgNode) text() string {
	s := ""
	for _, k := range n.Kids {
		s += k.text()
	}
	return s + n.Text
}

func (n *svgNode) walk(fn func(*svgNode)) {
	fn(n)
	for i := range n.Kids {
		n.Kids[i].walk(fn)
	}
}

// checkSVG parses the SVG and holds each field's group to its box: one
// rectangle per row segment at the box's columns, a title with the whole
// name, a label that fits its rectangle at its font size (as a monospace
// font draws it), and a legend entry for every abbreviation.
func checkSVG(t *testing.T, d *Diagram) {
	var root svgNode
	require.NoError(t, xml.Unmarshal([]byte(d.SVG()), &root), "the SVG is well-formed XML")
	assert.Equal(t, "svg", root.XMLName.Local)
	var groups []*svgNode
	var legend []string
	root.walk(func(n *svgNode) {
		if n.XMLName.Local == "g" && n.attr("data-box") != "" {
			groups = append(groups, n)
		}
		if n.XMLName.Local == "g" && n.attr("class") == "legend" {
			for _, k := range n.Kids {
				legend = append(legend, k.text())
			}
		}
	})
	require.Len(t, groups, len(d.Boxes), "one group per box")
	top := -1.0
	for i, g := range groups {
		assert.Equal(t, strconv.Itoa(i), g.attr("data-box"))
		b := &d.Boxes[i]
		var rects []*svgNode
		var name *svgNode
		title := ""
		for k := range g.Kids {
			switch kid := &g.Kids[k]; {
			case kid.XMLName.Local == "rect":
				rects = append(rects, kid)
			case kid.XMLName.Local == "title":
				title = kid.text()
			case kid.XMLName.Local == "text" && kid.attr("class") == "name":
				name = kid
			}
		}
		segs := b.Segments()
		require.Len(t, rects, len(segs), "box %d %q", i, b.Label)
		for k, r := range rects {
			x, y := r.num(t, "x"), r.num(t, "y")
			if top < 0 {
				top = y
			}
			assert.Equal(t, float64(svgMargin+segs[k].Col*SVGBitWidth), x, "%q segment %d column", b.Label, k)
			assert.Equal(t, float64(segs[k].Width*SVGBitWidth), r.num(t, "width"), "%q segment %d width", b.Label, k)
			assert.Equal(t, top+float64(segs[k].Row*svgRowH), y, "%q segment %d row", b.Label, k)
		}
		if b.Gap {
			continue
		}
		assert.True(t, strings.HasPrefix(title, b.Label), "the tooltip names %q whole: %q", b.Label, title)
		require.NotNil(t, name, "box %q has a label", b.Label)
		shown := name.text()
		size := name.num(t, "font-size")
		main := rects[b.MainSegment()]
		assert.LessOrEqual(t, TextWidth(shown, size)+2*SVGPad, main.num(t, "width"), "label %q of %q fits its box", shown, b.Label)
		// A one-bit flag stays readable: its box is a bit wide, at
		// least SVGBitWidth pixels, and its letters at least 10 px.
		assert.GreaterOrEqual(t, size, SVGSmallSize)
		if shown != b.Label && shown != b.Label+" …" {
			assert.Contains(t, legend, shown+" "+b.Label, "abbreviation %q is in the legend", shown)
		}
	}
}

// asciiRows splits ASCII art into its rows' content lines (the ruler and
// legend dropped).
func asciiRows(art string) [][]string {
	var rows [][]string
	var cur []string
	for _, l := range strings.Split(art, "\n") {
		switch {
		case strings.HasPrefix(l, "+") || strings.HasPrefix(l, " ") && strings.Contains(l, "+"):
			if cur != nil {
				rows = append(rows, cur)
			}
			cur = []string{}
		case strings.HasPrefix(l, "|") && cur != nil:
			cur = append(cur, l)
		}
	}
	return rows
}

// walls are the columns of '|' in a row's lines.
func walls(lines []string) []int {
	set := map[int]bool{}
	for _, l := range lines {
		col := 0
		for _, r := range l {
			if r == '|' {
				set[col] = true
			}
			col += textCols(string(r))
		}
	}
	var out []int
	for c := range set {
		out = append(out, c)
	}
	sort.Ints(out)
	return out
}

// checkASCII holds the ASCII art to the boxes: each row's walls are the
// segments' edges, each label sits inside its segment, and every
// abbreviation is listed under the drawing.
func checkASCII(t *testing.T, d *Diagram) {
	art := d.ASCII()
	assert.True(t, strings.HasPrefix(art, asciiRuler), "RFC 791's ruler first")
	rows := asciiRows(art)
	require.Len(t, rows, d.Rows)
	for r, lines := range rows {
		want := map[int]bool{}
		for _, b := range d.Boxes {
			for _, s := range b.Segments() {
				if s.Row == r {
					want[2*s.Col], want[2*(s.Col+s.Width)] = true, true
				}
			}
		}
		var wl []int
		for c := range want {
			wl = append(wl, c)
		}
		sort.Ints(wl)
		assert.Equal(t, wl, walls(lines), "row %d walls:\n%s", r, strings.Join(lines, "\n"))
	}
	for i := range d.Boxes {
		b := &d.Boxes[i]
		labels := d.ASCIILabel(i)
		if b.Gap {
			continue
		}
		require.NotEmpty(t, labels, "box %q has a label", b.Label)
		s := b.Segments()[b.MainSegment()]
		for _, l := range labels {
			assert.LessOrEqual(t, textCols(l), 2*s.Width-1, "label line %q of %q fits", l, b.Label)
			// The line is in the row, between the segment's walls.
			found := false
			for _, line := range rows[s.Row] {
				var cells []string // one per column; a wide rune's second is ""
				for _, r := range line + strings.Repeat(" ", 70) {
					cells = append(cells, string(r))
					if textCols(string(r)) == 2 {
						cells = append(cells, "")
					}
				}
				inside := strings.Join(cells[2*s.Col+1:2*(s.Col+s.Width)], "")
				if strings.TrimSpace(inside) == l {
					found = true
				}
			}
			assert.True(t, found, "%q of %q is inside its box in row %d", l, b.Label, s.Row)
		}
		if shown := shownText(labels); shown != b.Label && shown != b.Label+" ..." {
			assert.Contains(t, art, "\n"+shown+": "+b.Label+"\n", "abbreviation %q is listed", shown)
		}
	}
}

// rfcDiagram reads the n-th bit diagram of a codec source file's comments
// into rows of content lines.
func rfcDiagram(t *testing.T, file string, n int) [][]string {
	src, err := os.ReadFile(filepath.Join("..", file))
	require.NoError(t, err)
	var blocks [][]string
	var cur []string
	for _, l := range strings.Split(string(src), "\n") {
		l = strings.TrimPrefix(strings.TrimPrefix(l, "//"), "\t")
		if strings.HasPrefix(l, "+-") || strings.HasPrefix(l, "|") {
			cur = append(cur, l)
			continue
		}
		if cur != nil {
			blocks = append(blocks, cur)
			cur = nil
		}
	}
	require.Greater(t, len(blocks), n, "%s has a diagram %d", file, n)
	var rows [][]string
	var row []string
	for _, l := range blocks[n] {
		if strings.HasPrefix(l, "+") {
			if row != nil {
				rows = append(rows, row)
			}
			row = []string{}
			continue
		}
		row = append(row, l)
	}
	return rows
}

// checkRFC holds the first rows of the drawing to the RFC diagram in
// codec's doc comment: every wall the RFC draws is drawn (a diagram may
// split a field the RFC draws whole, such as flags into their bits).
func checkRFC(t *testing.T, d *Diagram, file string, n, rows int) {
	rfc := rfcDiagram(t, file, n)
	ours := asciiRows(d.ASCII())
	require.GreaterOrEqual(t, len(rfc), rows)
	require.GreaterOrEqual(t, len(ours), rows)
	for r := 0; r < rows; r++ {
		assert.Subset(t, walls(ours[r]), walls(rfc[r]), "row %d: RFC\n%s\nours\n%s", r, strings.Join(rfc[r], "\n"), strings.Join(ours[r], "\n"))
	}
}

// TestDiagramGolden compares the ASCII art of a few headers with
// testdata/diagram; -update rewrites them.
func TestDiagramGolden(t *testing.T) {
	for _, c := range diagramCases(t) {
		switch c.name {
		case "ipv4_options", "ipv6", "icmp_echo", "time_exceeded", "tcp", "icmpv6_ndp_options", "ethernet", "extended_echo":
		default:
			continue
		}
		f := Dissect(c.frame, c.layer, Options{})
		_, hp := findPath(f.Root, c.header, nil)
		d, ok := DiagramAt(f.Root, hp)
		require.True(t, ok)
		got := d.ASCII()
		path := filepath.Join("testdata", "diagram", c.name+".txt")
		if *update {
			require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
			require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			continue
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -update -run TestDiagramGolden")
		assert.Equal(t, string(want), got, "%s differs", path)
	}
}

// TestDiagramIPv4FlagsReadable: the three IPv4 flags are one bit each, at
// least SVGBitWidth pixels, named by their RFC letters with the whole names
// in the legend and tooltips (the page once drew "R.", "D.", "M.").
func TestDiagramIPv4FlagsReadable(t *testing.T) {
	f := Dissect(diagramCases(t)[1].frame, LayerEthernet, Options{})
	_, hp := findPath(f.Root, "ip.flags.df", nil)
	d, ok := DiagramAt(f.Root, hp)
	require.True(t, ok)
	assert.Equal(t, "Internet Protocol Version 4", d.Title, "a flag's diagram is its IPv4 header's")
	svg := d.SVG()
	for _, want := range [][2]string{{"R", "Reserved bit"}, {"DF", "Don't fragment"}, {"MF", "More fragments"}} {
		assert.Contains(t, d.Legend(), want)
		assert.Regexp(t, regexp.MustCompile(`<title>`+regexp.QuoteMeta(xmlEscape(want[1]))+` = [^<]*· 1 bit</title>`), svg)
	}
	assert.Contains(t, d.ASCII(), "|R|D|M|")
}

// TestDiagramKorean: wide runes count two columns, so a Korean name is
// abbreviated or wrapped in the SVG before it overflows; the ASCII drawing
// names fields without an English term by their field id and lists the
// Korean names under it.
func TestDiagramKorean(t *testing.T) {
	h := &Node{Label: "헤더", Field: "x", Length: 4, Kids: []*Node{
		{Label: "버전", Field: "x.v", Length: 1, Mask: 0xf0},
		{Label: "헤더 길이", Field: "x.hl", Length: 1, Mask: 0x0f},
		{Label: "서비스 유형", Field: "x.tos", Offset: 1, Length: 1},
		{Label: "전체 길이", Field: "x.len", Offset: 2, Length: 2},
	}}
	d := Layout(h)
	require.Len(t, d.Boxes, 4)
	checkSVG(t, &d)
	checkASCII(t, &d)
	drawing, legend := splitASCII(d.ASCII(), d.Rows)
	assert.Contains(t, strings.Join(drawing, "\n"), "|   v   |   hl  |      tos      |              len              |")
	assert.Contains(t, legend, "v: 버전")
	assert.Contains(t, legend, "tos: 서비스 유형")
}

// TestHeaderPaths: the headers of a time exceeded are the outer IPv4 and
// ICMP headers and, inside the quote, the probe's IPv4 and UDP headers;
// the containers of fields (flags, extension objects) are not headers.
func TestHeaderPaths(t *testing.T) {
	f := Dissect(builtCaptures()["built_mpls_rfc4884"][0].data, LayerEthernet, Options{})
	var got []string
	for _, p := range HeaderPaths(f.Root) {
		n := f.Root[p[0]]
		for _, i := range p[1:] {
			n = n.Kids[i]
		}
		got = append(got, n.Field)
		d, ok := DiagramAt(f.Root, p)
		require.True(t, ok)
		assert.Equal(t, p, d.Path, "a header's diagram is its own")
	}
	assert.Equal(t, []string{"eth", "ip", "icmp", "ip", "udp"}, got)
}
