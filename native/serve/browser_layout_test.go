package serve_test

// Browser tests of the page's panes (issue 14, "The list as a tool"): on a
// desktop screen the list, the fields and the bytes share one screen, the
// splitters move from the keyboard and are remembered; on a phone the panes
// stack and the list keeps its summary.

import (
	"context"
	"encoding/hex"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/dissect"
	"icmplab/codec/textdump"
)

// echoPaste is n echo requests as plain hex, one packet a paragraph.
func echoPaste(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = hex.EncodeToString(echoRequest(uint16(i + 1)))
	}
	return strings.Join(parts, "\n\n")
}

// paneGeometry is what the page shows at once, measured in the browser.
type paneGeometry struct {
	Rows      int     `json:"rows"`      // list rows wholly inside the list's pane and the window
	ListH     float64 `json:"listH"`     // the list pane's height, px
	TreeIn    bool    `json:"treeIn"`    // the tree's first field is wholly inside the window
	BytesIn   bool    `json:"bytesIn"`   // the selected field's first byte is wholly inside the window
	TreeW     float64 `json:"treeW"`     // the fields card's width, px
	ListNow   string  `json:"listNow"`   // the list splitter's aria-valuenow
	ColsNow   string  `json:"colsNow"`   // the columns splitter's aria-valuenow
	Summaries int     `json:"summaries"` // rows whose Summary cell is drawn with some width
}

const paneGeometryJS = `(() => {
	const H = innerHeight, W = innerWidth;
	const inside = (r) => r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= H && r.right <= W;
	const vp = document.getElementById('vport').getBoundingClientRect();
	const rows = [...document.querySelectorAll('#vrows .vrow')].filter(r => {
		const b = r.getBoundingClientRect();
		return r.children.length === 7 && b.top >= vp.top - 0.5 && b.bottom <= vp.bottom + 0.5 && inside(b);
	});
	const first = document.querySelector('#tree li > .trow');
	const hl = document.querySelector('#hex .b.hl');
	return {
		rows: rows.length,
		listH: vp.height,
		treeIn: !!first && inside(first.getBoundingClientRect()),
		bytesIn: !!hl && inside(hl.getBoundingClientRect()),
		treeW: document.querySelector('.tree-card').getBoundingClientRect().width,
		listNow: document.getElementById('splitlist').getAttribute('aria-valuenow'),
		colsNow: document.getElementById('splitcols').getAttribute('aria-valuenow'),
		summaries: rows.filter(r => r.children[4].getBoundingClientRect().width > 40 && r.children[4].textContent.length > 0).length,
	};
})()`

// waitList waits until the paste is listed with its rows drawn and the
// first packet's tree and highlighted bytes shown.
func (b *browser) waitList(tb testing.TB) {
	tb.Helper()
	b.run(tb, "list and tree", chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready'
		&& [...document.querySelectorAll('#vrows .vrow')].some(r => r.children.length === 7)
		&& !!document.querySelector('#tree li') && !!document.querySelector('#hex .b.hl')`, nil, chromedp.WithPollingTimeout(30*time.Second)))
}

func (b *browser) geometry(tb testing.TB) paneGeometry {
	tb.Helper()
	var g paneGeometry
	b.run(tb, "measure", chromedp.Sleep(150*time.Millisecond), chromedp.Evaluate(paneGeometryJS, &g))
	return g
}

// At 1400x1000 the list shows at least 20 rows while the first field of the
// tree and the selected bytes are on screen too; the splitters move from
// the keyboard, the sizes survive a reload; at 390x844 the panes stack and
// every row keeps its summary. In English and in Korean.
func TestBrowserLayoutPanes(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			b := newBrowser(t)
			b.run(t, "desktop", chromedp.EmulateViewport(1400, 1000))
			b.open(t, "#lang="+lang)
			b.paste(t, echoPaste(60))
			b.waitList(t)
			g := b.geometry(t)
			t.Logf("%s at 1400x1000: %+v", lang, g)
			assert.GreaterOrEqual(t, g.Rows, 20, "rows on screen")
			assert.True(t, g.TreeIn, "the tree's first field is on screen with the list")
			assert.True(t, g.BytesIn, "the selected bytes are on screen with the list")
			assert.Equal(t, g.Rows, g.Summaries, "every row shows its summary")
			b.screenshot(t, "layout-desktop-"+lang+".png")

			// The separators are named in the page's language.
			var labels []string
			b.run(t, "separator labels", chromedp.Evaluate(`[...document.querySelectorAll('[role=separator]')].map(s => s.getAttribute('aria-label'))`, &labels))
			require.Len(t, labels, 2)
			for _, l := range labels {
				if lang == "ko" {
					assert.Regexp(t, `\p{Hangul}`, l)
				} else {
					assert.NotRegexp(t, `\p{Hangul}`, l)
				}
			}

			// The list splitter: three steps up make the list shorter.
			b.run(t, "list splitter", chromedp.Focus("#splitlist", chromedp.ByQuery),
				chromedp.KeyEvent(kb.ArrowUp), chromedp.KeyEvent(kb.ArrowUp), chromedp.KeyEvent(kb.ArrowUp))
			// The columns splitter: Page Down widens the fields.
			b.run(t, "columns splitter", chromedp.Focus("#splitcols", chromedp.ByQuery), chromedp.KeyEvent(kb.PageDown))
			g2 := b.geometry(t)
			t.Logf("after the keys: %+v", g2)
			assert.Equal(t, atoi(t, g.ListNow)-6, atoi(t, g2.ListNow), "three arrow steps of 2%")
			assert.Less(t, g2.ListH, g.ListH-40, "the list is shorter")
			assert.Equal(t, atoi(t, g.ColsNow)+10, atoi(t, g2.ColsNow), "a page step of 10%")
			assert.Greater(t, g2.TreeW, g.TreeW+60, "the fields are wider")
			assert.True(t, g2.TreeIn && g2.BytesIn)

			// Reload: both sizes come back as they were left.
			b.run(t, "reload", chromedp.Reload(), chromedp.WaitVisible("body.ready", chromedp.ByQuery))
			b.paste(t, echoPaste(60))
			b.waitList(t)
			g3 := b.geometry(t)
			t.Logf("after a reload: %+v", g3)
			assert.Equal(t, g2.ListNow, g3.ListNow)
			assert.Equal(t, g2.ColsNow, g3.ColsNow)
			assert.InDelta(t, g2.ListH, g3.ListH, 1)
			assert.InDelta(t, g2.TreeW, g3.TreeW, 1)

			// A phone: the panes stack, the list keeps the summary.
			b.run(t, "phone", chromedp.EmulateViewport(390, 844), chromedp.Evaluate(`window.scrollTo(0, 0); document.getElementById('vport').scrollTop = 0`, nil))
			g4 := b.geometry(t)
			t.Logf("at 390x844: %+v", g4)
			require.Positive(t, g4.Summaries, "rows on a phone")
			var cells []string
			b.run(t, "phone summaries", chromedp.Evaluate(`[...document.querySelectorAll('#vrows .vrow')].filter(r => r.children.length === 7).slice(0, 5).map(r => r.children[4].textContent)`, &cells))
			// The type's name in the page's language (the codec's words).
			name := codec.TypeName(codec.IPv4, codec.ICMPv4EchoRequest)
			if lang == "ko" {
				name = codec.TypeNameKO(codec.IPv4, codec.ICMPv4EchoRequest)
			}
			for _, c := range cells {
				assert.Contains(t, c, name, "a phone row's summary")
			}
			var sepShown bool
			b.run(t, "columns splitter on a phone", chromedp.Evaluate(`getComputedStyle(document.getElementById('splitcols')).display !== 'none'`, &sepShown))
			assert.False(t, sepShown, "the panes stack on a phone: no columns to split")
			b.screenshot(t, "layout-phone-"+lang+".png")
			b.noProblems(t)
		})
	}
}

// Dragging the list splitter with the mouse resizes the list too, and the
// size is remembered. In English and Korean.
func TestBrowserLayoutDrag(t *testing.T) {
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			b := newBrowser(t)
			b.run(t, "desktop", chromedp.EmulateViewport(1400, 1000))
			b.open(t, "#lang="+lang)
			b.paste(t, echoPaste(30))
			b.waitList(t)
			g := b.geometry(t)
			var box struct{ X, Y float64 }
			b.run(t, "splitter box", chromedp.Evaluate(`(() => { const r = document.getElementById('splitlist').getBoundingClientRect(); return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, &box))
			b.run(t, "drag up 150 px", chromedp.ActionFunc(func(ctx context.Context) error {
				return dragY(ctx, box.X, box.Y, box.Y-150)
			}))
			g2 := b.geometry(t)
			t.Logf("before %+v, after %+v", g, g2)
			assert.InDelta(t, g.ListH-150, g2.ListH, 15)
			var stored string
			b.run(t, "stored", chromedp.Evaluate(`localStorage.getItem('icmplab.pane.list') || ''`, &stored))
			assert.Equal(t, g2.ListNow, stored)
			b.noProblems(t)
		})
	}
}

func atoi(tb testing.TB, s string) int {
	tb.Helper()
	n, err := strconv.Atoi(s)
	require.NoError(tb, err, "%q", s)
	return n
}

// dragY presses the left button at (x, y0), moves to y1 in steps and lets go.
func dragY(ctx context.Context, x, y0, y1 float64) error {
	if err := input.DispatchMouseEvent(input.MousePressed, x, y0).WithButton(input.Left).WithClickCount(1).Do(ctx); err != nil {
		return err
	}
	const steps = 10
	for i := 1; i <= steps; i++ {
		y := y0 + (y1-y0)*float64(i)/steps
		if err := input.DispatchMouseEvent(input.MouseMoved, x, y).WithButton(input.Left).WithButtons(1).Do(ctx); err != nil {
			return err
		}
	}
	return input.DispatchMouseEvent(input.MouseReleased, x, y1).WithButton(input.Left).WithClickCount(1).Do(ctx)
}

// The mixed tcpdump paste of issue 14 (codec/dissect's test data: an IPv6
// neighbour solicitation first, IPv4 echoes after): every row is
// summarised at its own layer, as the codec summarises it natively, none
// malformed; clicking each row shows a tree that starts at that layer and
// says so in the detected line. In English and Korean.
func TestBrowserPasteMixedLayers(t *testing.T) {
	text, err := os.ReadFile(filepath.Join(moduleRoot(t), "codec", "dissect", "testdata", "tcpdump-x-mixed-ipv6-ipv4.txt"))
	require.NoError(t, err)
	res, err := textdump.Parse(string(text), textdump.Options{StartsAtNetwork: dissect.StartsAtNetwork})
	require.NoError(t, err)
	require.Len(t, res.Packets, 8)
	type want struct{ summary, root, title, hex string }
	var wants []want
	for i, p := range res.Packets {
		l := dissect.Guess(p.Data)
		f := dissect.Dissect(p.Data, l, dissect.Options{Number: i + 1})
		require.NotEmpty(t, f.Root)
		wants = append(wants, want{f.Protocol + " " + f.Info, f.Root[0].Field, l.Title(), hex.EncodeToString(p.Data)})
	}
	// The fixture is what the issue describes: IPv6 first, then IPv4.
	require.Equal(t, "IPv6", wants[0].title)
	require.Equal(t, "IPv4", wants[7].title)

	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			b := newBrowser(t)
			b.open(t, "#lang="+lang)
			rows := b.pasteRows(t, string(text), len(wants))
			for i, r := range rows {
				if lang == "en" {
					assert.Equal(t, wants[i].summary, r.Summary, "row %d", i+1)
				}
				assert.NotContains(t, r.Summary, "Malformed", "row %d", i+1)
				assert.NotContains(t, r.Summary, "잘못", "row %d", i+1)
			}
			var times []string
			b.run(t, "times", chromedp.Evaluate(`[...document.querySelectorAll('#vrows .vrow')].map(r => r.children[1].textContent)`, &times))
			assert.Equal(t, "0.000000", times[0])
			assert.Equal(t, "0.000037", times[1], "tcpdump's times, from the first packet")
			var bad int
			b.run(t, "no error rows", chromedp.Evaluate(`document.querySelectorAll('#vrows .vrow.bad').length`, &bad))
			assert.Zero(t, bad)

			for i, w := range wants {
				var got struct {
					Root     string `json:"root"`
					Detected string `json:"detected"`
					Errors   int    `json:"errors"`
				}
				b.run(t, "row "+strconv.Itoa(i+1), clickRow(i),
					chromedp.Poll(`(() => {
						const sel = document.querySelector('#vrows .vrow.sel');
						const bytes = [...document.querySelectorAll('#hex .b')].map(b => b.textContent).join('');
						if (!sel || sel.dataset.i !== '`+strconv.Itoa(i)+`' || bytes !== '`+w.hex+`') return null;
						const frame = document.querySelector('#tree > li');
						if (!frame || !document.getElementById('hexinfo').textContent) return null;
						return {root: frame.dataset.field || '', detected: document.getElementById('detected').textContent,
							errors: document.querySelectorAll('#tree .mark.error').length};
					})()`, &got, chromedp.WithPollingTimeout(10*time.Second)))
				assert.Equal(t, w.root, got.Root, "row %d: the tree starts at its own layer", i+1)
				assert.Contains(t, got.Detected, w.title, "row %d: the detected line names its layer", i+1)
				assert.Zero(t, got.Errors, "row %d: no error in its tree", i+1)
			}
			// The pasted rows sort as a capture's do: by length, and back.
			b.run(t, "sort by length", chromedp.Click(`#list .vhead [data-sort="len"]`, chromedp.ByQuery),
				chromedp.Poll(`document.querySelector('#list .vhead [data-sort="len"]').getAttribute('aria-sort') === 'ascending'`, nil, chromedp.WithPollingTimeout(10*time.Second)))
			// The paste's order is not by length (72, 72, 104, 104, 84, ...):
			// wait for the list to be redrawn in it.
			var lens []int
			b.run(t, "lengths", chromedp.Poll(`(() => {
				const r = [...document.querySelectorAll('#vrows .vrow')].filter(r => r.children.length === 7).map(x => +x.children[5].textContent);
				return r.length === 8 && r.every((v, k) => k === 0 || r[k - 1] <= v) ? r : null;
			})()`, &lens, chromedp.WithPollingTimeout(10*time.Second)))
			var wantLens []int
			for _, p := range res.Packets {
				wantLens = append(wantLens, len(p.Data))
			}
			assert.ElementsMatch(t, wantLens, lens)
			assert.False(t, sort.IntsAreSorted(wantLens), "the fixture is not in length order already")
			// Go to packet 5 (the first IPv4 one) with the go-to box.
			b.run(t, "go to 5", chromedp.Evaluate(`(() => { const g = document.getElementById('goto'); g.value = '5'; g.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'})); })()`, nil),
				chromedp.Poll(`(() => { const s = document.querySelector('#vrows .vrow.sel'); return s && s.children[0].textContent === '5' && [...document.querySelectorAll('#hex .b')].map(b => b.textContent).join('') === '`+wants[4].hex+`'; })()`, nil, chromedp.WithPollingTimeout(10*time.Second)))
			b.screenshot(t, "paste-mixed-"+lang+".png")
			b.noProblems(t)
		})
	}
}
