package serve_test

import (
	"encoding/hex"
	"encoding/xml"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
)

// pageBox is a field's group of the on-screen diagram, as the page has it.
type pageBox struct {
	Box   string    `json:"box"`
	Field string    `json:"field"`
	Title string    `json:"title"`
	Name  string    `json:"name"`
	Rects []float64 `json:"rects"` // x, y, width of each rectangle in SVG units
	Width float64   `json:"width"` // the widest rectangle's width on screen, in CSS pixels
	Sel   bool      `json:"sel"`
}

const readBoxesJS = `[...document.querySelectorAll('#bits svg g[data-box]')].map(g => ({
	box: g.dataset.box, field: g.dataset.field || '',
	title: (g.querySelector('title') || {textContent: ''}).textContent,
	name: (g.querySelector('text.name') || {textContent: ''}).textContent,
	rects: [...g.querySelectorAll('rect')].flatMap(r => [+r.getAttribute('x'), +r.getAttribute('y'), +r.getAttribute('width')]),
	width: Math.max(...[...g.querySelectorAll('rect')].map(r => r.getBoundingClientRect().width)),
	sel: g.classList.contains('sel')}))`

// svgBoxes reads the same facts from the SVG the codec draws.
func svgBoxes(t *testing.T, svg string) []pageBox {
	dec := xml.NewDecoder(strings.NewReader(svg))
	var out []pageBox
	var cur *pageBox
	var in string
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch e := tok.(type) {
		case xml.StartElement:
			attr := func(n string) string {
				for _, a := range e.Attr {
					if a.Name.Local == n {
						return a.Value
					}
				}
				return ""
			}
			switch {
			case e.Name.Local == "g" && attr("data-box") != "":
				out = append(out, pageBox{Box: attr("data-box"), Field: attr("data-field")})
				cur = &out[len(out)-1]
			case cur != nil && e.Name.Local == "rect":
				for _, a := range []string{"x", "y", "width"} {
					f, err := strconv.ParseFloat(attr(a), 64)
					require.NoError(t, err)
					cur.Rects = append(cur.Rects, f)
				}
			case cur != nil && (e.Name.Local == "title" || e.Name.Local == "text" && attr("class") == "name"):
				in = e.Name.Local
			}
		case xml.CharData:
			if cur != nil && in == "title" {
				cur.Title += string(e)
			} else if cur != nil && in == "text" {
				cur.Name += string(e)
			}
		case xml.EndElement:
			if e.Name.Local == "g" {
				cur = nil
			}
			in = ""
		}
	}
	return out
}

// matchDiagram holds the page's drawing of the header at path to the one
// the codec draws from the same packet.
func matchDiagram(t *testing.T, b *browser, f *dissect.Frame, path []int) dissect.Diagram {
	t.Helper()
	d, ok := dissect.DiagramAt(f.Root, path)
	require.True(t, ok)
	want := svgBoxes(t, d.SVG())
	require.Len(t, want, len(d.Boxes))
	var got []pageBox
	b.run(t, "read "+d.Title, chromedp.Poll(`(() => { const t = document.querySelector('#bits svg title'); return t && t.textContent === `+jsString(d.Title)+` ? `+readBoxesJS+` : null; })()`,
		&got, chromedp.WithPollingTimeout(20*time.Second)))
	require.Len(t, got, len(want), "%s: the page draws the codec's boxes", d.Title)
	for i := range want {
		g, w := got[i], want[i]
		assert.Equal(t, w.Box, g.Box)
		assert.Equal(t, w.Field, g.Field, "%s box %d", d.Title, i)
		assert.Equal(t, w.Title, g.Title, "%s box %d", d.Title, i)
		assert.Equal(t, w.Name, g.Name, "%s box %d", d.Title, i)
		assert.Equal(t, w.Rects, g.Rects, "%s box %d %s", d.Title, i, w.Field)
	}
	return d
}

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// clickTree selects the tree row of the first node with the field id (a
// click on its row, which opens its ancestors).
func clickTree(field string) chromedp.Action {
	return chromedp.Evaluate(`document.querySelector('#tree li[data-field="`+field+`"] > .trow').click()`, nil)
}

// The header layout is the codec's SVG: for the IPv4 header of an echo
// request the page draws exactly the codec's boxes, the one-bit flags are
// readable (at least 16 px, named, whole names in the legend and tooltips),
// a click on a box selects its field, "Download SVG" saves the codec's SVG
// byte for byte and "Copy as ASCII art" puts its RFC-style art on the
// clipboard.
func TestBrowserDiagramIPv4(t *testing.T) {
	b := newBrowser(t)
	dir := t.TempDir()
	pkt := echoRequest(4)
	f := dissect.Dissect(pkt, dissect.LayerIPv4, dissect.Options{})
	b.open(t, "#hex="+hex.EncodeToString(pkt))
	b.run(t, "allow downloads and the clipboard", cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir),
		cdpbrowser.GrantPermissions([]cdpbrowser.PermissionType{cdpbrowser.PermissionTypeClipboardReadWrite, cdpbrowser.PermissionTypeClipboardSanitizedWrite}).WithOrigin(b.origin))
	b.waitTree(t)
	b.run(t, "select DF", clickTree("ip.flags.df"))
	d := matchDiagram(t, b, f, []int{0})
	var boxes []pageBox
	var legend string
	b.run(t, "flags", chromedp.Evaluate(readBoxesJS, &boxes), chromedp.Evaluate(`document.querySelector('#bits svg g.legend').textContent`, &legend))
	flags := map[string]string{"ip.flags.rb": "Reserved bit", "ip.flags.df": "Don't fragment", "ip.flags.mf": "More fragments"}
	seen := 0
	for _, bx := range boxes {
		full, ok := flags[bx.Field]
		if !ok {
			continue
		}
		seen++
		assert.GreaterOrEqual(t, bx.Width, 16.0, "%s is %.1f px wide", bx.Field, bx.Width)
		assert.NotEmpty(t, strings.TrimSpace(bx.Name))
		assert.True(t, strings.HasPrefix(bx.Title, full), "tooltip %q", bx.Title)
		assert.Contains(t, legend, bx.Name+" "+full, "the legend explains %s", bx.Name)
		assert.Equal(t, bx.Field == "ip.flags.df", bx.Sel, "%s selected", bx.Field)
	}
	assert.Equal(t, 3, seen, "three one-bit flags")

	// Selecting Flags lights its three bits, in the same drawing.
	var lit []string
	b.run(t, "select Flags", clickTree("ip.flags"),
		chromedp.Poll(`(() => { const s = [...document.querySelectorAll('#bits svg g.sel')].map(g => g.dataset.field); return s.length ? s : null; })()`, &lit, chromedp.WithPollingTimeout(10*time.Second)))
	assert.Equal(t, []string{"ip.flags.rb", "ip.flags.df", "ip.flags.mf"}, lit)

	// A click on the TTL box selects the TTL in the tree.
	var selField string
	b.run(t, "click TTL", chromedp.Click(`#bits svg g[data-field="ip.ttl"] rect`, chromedp.ByQuery),
		chromedp.Poll(`(() => { const li = document.querySelector('#tree li.sel'); return li && li.dataset.field === 'ip.ttl' ? li.dataset.field : null; })()`, &selField, chromedp.WithPollingTimeout(10*time.Second)))
	assert.Equal(t, "ip.ttl", selField)

	// Download SVG: the file is the codec's drawing, byte for byte.
	b.run(t, "download SVG", chromedp.Click("#bitssvg", chromedp.ByQuery))
	file := waitFile(t, dir, ".svg")
	assert.Equal(t, "internet-protocol-version-4.svg", filepath.Base(file))
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	assert.Equal(t, d.SVG(), string(data))
	var root struct {
		XMLName xml.Name
	}
	require.NoError(t, xml.Unmarshal(data, &root), "the file is well-formed SVG")
	assert.Equal(t, "svg", root.XMLName.Local)

	// Copy as ASCII art: the clipboard holds the codec's RFC-style art.
	var clip string
	b.run(t, "copy ASCII", chromedp.Click("#bitsascii", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById('bitsascii').textContent !== `+jsString("Copy as ASCII art"), nil, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Evaluate(`navigator.clipboard.readText()`, &clip, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	assert.Equal(t, d.ASCII(), clip)
	assert.Contains(t, clip, "|         Identification        |R|D|M|     Fragment Offset     |\n")
	b.screenshot(t, "diagram-ipv4.png")
	b.noProblems(t)
}

// waitFile waits for a downloaded file with the suffix in dir.
func waitFile(t *testing.T, dir, suffix string) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), suffix) {
				p := filepath.Join(dir, e.Name())
				if st, err := os.Stat(p); err == nil && st.Size() > 0 {
					return p
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no %s file was downloaded into %s", suffix, dir)
	return ""
}

// Every header of a traceroute's time exceeded with an MPLS extension, the
// quoted IPv4 and UDP headers too: the page draws the codec's boxes for
// each.
func TestBrowserDiagramEveryHeader(t *testing.T) {
	b := newBrowser(t)
	pkt := mplsTimeExceeded()
	f := dissect.Dissect(pkt, dissect.LayerIPv4, dissect.Options{})
	b.open(t, "#hex="+hex.EncodeToString(pkt))
	b.waitTree(t)
	for _, p := range dissect.HeaderPaths(f.Root) {
		n := f.Root[p[0]]
		for _, i := range p[1:] {
			n = n.Kids[i]
		}
		// The header's first field selects it (the tree's first row
		// with that field id is the outer header's).
		require.NotEmpty(t, n.Kids)
		var idx int
		want := make([]string, len(p))
		for i, x := range p {
			want[i] = strconv.Itoa(x)
		}
		b.run(t, "find "+n.Label, chromedp.Evaluate(`(() => {
			// the tree row at the path: child positions of the nested lists
			const path = (li) => { const out = []; for (let e = li; e; e = e.parentElement.closest('li')) out.unshift([...e.parentElement.children].indexOf(e)); return out.join('.'); };
			const li = [...document.querySelectorAll('#tree li[data-i]')].find((r) => path(r) === `+jsString(strings.Join(want, "."))+`);
			return li ? +li.dataset.i : -1; })()`, &idx))
		require.GreaterOrEqual(t, idx, 0, "no tree row at %v", p)
		b.run(t, "select "+n.Label, chromedp.Evaluate(`document.querySelector('#tree li[data-i="`+strconv.Itoa(idx)+`"] > .trow').click()`, nil))
		matchDiagram(t, b, f, p)
	}
	b.screenshot(t, "diagram-time-exceeded.png")
	b.noProblems(t)
}

// Ethernet's addresses are wider than a row: the destination is one shape
// over two rows (no line between them, as RFC diagrams draw it), named.
func TestBrowserDiagramEthernet(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	// Documentation MACs (RFC 7042), EtherType IPv4, an echo request.
	frame, err := hex.DecodeString("00005e005301" + "00005e005302" + "0800")
	require.NoError(t, err)
	frame = append(frame, echoRequest(6)...)
	ef := dissect.Dissect(frame, dissect.LayerEthernet, dissect.Options{})
	b.run(t, "paste ethernet", chromedp.SetValue("#layer", "ethernet", chromedp.ByQuery),
		chromedp.SetValue("#paste", hex.EncodeToString(frame), chromedp.ByQuery),
		chromedp.Click("#decode", chromedp.ByQuery))
	b.waitTree(t)
	b.run(t, "select eth.dst", clickTree("eth.dst"))
	d := matchDiagram(t, b, ef, []int{0})
	require.Equal(t, "eth.dst", d.Boxes[0].Field)
	assert.Len(t, d.Boxes[0].Segments(), 2, "48 bits over two rows")
	var name string
	b.run(t, "dst label", chromedp.Evaluate(`document.querySelector('#bits svg g[data-field="eth.dst"] text.name').textContent`, &name))
	assert.NotEmpty(t, strings.TrimSpace(name))
	b.screenshot(t, "diagram-ethernet.png")
	b.noProblems(t)
}

// In Korean the diagram's buttons and tooltips speak Korean.
func TestBrowserDiagramKorean(t *testing.T) {
	b := newBrowser(t)
	pkt := echoRequest(5)
	b.run(t, "open Korean link", chromedp.Navigate(b.origin+"/#hex="+hex.EncodeToString(pkt)+"&lang=ko"),
		chromedp.WaitVisible(`#bits svg`, chromedp.ByQuery))
	var words []string
	b.run(t, "buttons", chromedp.Evaluate(`[document.getElementById('bitssvg').textContent, document.getElementById('bitsascii').textContent]`, &words))
	assert.Equal(t, []string{"SVG 내려받기", "ASCII 아트로 복사"}, words)
	var tip string
	b.run(t, "tooltip", chromedp.Evaluate(`document.querySelector('#bits svg g[data-field="icmp.type"] title').textContent`, &tip))
	assert.Contains(t, tip, "8비트", "the tooltip is in Korean: %q", tip)
	var label string
	b.run(t, "button name", chromedp.Evaluate(`document.querySelector('#bits svg g[data-field="icmp.type"]').getAttribute('aria-label')`, &label))
	assert.Equal(t, tip, label, "the field's button is named by the codec's tooltip")
	b.screenshot(t, "diagram-ko.png")
	b.noProblems(t)
}
