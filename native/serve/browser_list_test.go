package serve_test

// Browser tests of the list's tools (issue 14): the display-filter box.

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/hex"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/capture"
	"icmplab/codec/dissect"
	"icmplab/codec/filter"
)

// listRow is one drawn row of the packet list.
type listRow struct {
	No      string `json:"no"`
	Src     string `json:"src"`
	Summary string `json:"summary"`
}

const readRowsJS = `[...document.querySelectorAll('#vrows .vrow')].map(r => { const c = r.children; return {no: c[0].textContent, src: c[2] ? c[2].textContent : '', summary: c[4] ? c[4].textContent : ''}; })`

// filterRows types expr in the filter box and reads the rows once the list
// shows want of them.
func (b *browser) filterRows(tb testing.TB, expr string, want int) []listRow {
	tb.Helper()
	b.run(tb, "type "+expr,
		chromedp.Evaluate(`(() => { const i = document.getElementById('fexpr'); i.value = `+strconvQuote(expr)+`; i.dispatchEvent(new Event('input')); })()`, nil))
	var rows []listRow
	b.run(tb, "rows of "+expr, chromedp.Poll(`(() => {
		const rows = `+readRowsJS+`;
		return rows.length === `+strconv.Itoa(want)+` && rows.every(r => r.summary !== '…' && r.no !== '…') ? rows : null;
	})()`, &rows, chromedp.WithPollingTimeout(20*time.Second)))
	return rows
}

// On the traceroute example, a display filter selects what its words say,
// judged against the unfiltered list; a bad expression is marked where it
// fails and the list stays as it was.
func TestBrowserListFilterExpression(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	b.run(t, "open the traceroute example",
		chromedp.Evaluate(`(() => { const s = document.getElementById('examples'); s.value = 'traceroute'; s.dispatchEvent(new Event('change')); })()`, nil),
		chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready'`, nil, chromedp.WithPollingTimeout(30*time.Second)))
	var all []listRow
	b.run(t, "all rows", chromedp.Poll(`(() => { const rows = `+readRowsJS+`; return rows.length === 8 && rows.every(r => r.summary !== '' ) ? rows : null; })()`,
		&all, chromedp.WithPollingTimeout(20*time.Second)))
	var exceeded, exceededCore []string
	for _, r := range all {
		if strings.Contains(strings.ToLower(r.Summary), "time exceeded") {
			exceeded = append(exceeded, r.No)
			if strings.HasPrefix(r.Src, "203.0.113.") {
				exceededCore = append(exceededCore, r.No)
			}
		}
	}
	require.Len(t, exceeded, 3, "rows %+v", all)
	require.Len(t, exceededCore, 1, "rows %+v", all)

	nos := func(rows []listRow) []string {
		var out []string
		for _, r := range rows {
			out = append(out, r.No)
		}
		return out
	}
	assert.Equal(t, exceeded, nos(b.filterRows(t, "icmp.type == 11", len(exceeded))))
	var shown string
	b.run(t, "count", chromedp.Text("#capshown", &shown, chromedp.ByQuery))
	assert.Contains(t, shown, "3")
	assert.Equal(t, exceededCore, nos(b.filterRows(t, "icmp.type == 11 && ip.src in 203.0.113.0/24", 1)))

	// A bad expression: the error names a column past the start, the mark
	// sits there, and the list keeps the last good filter's rows.
	bad := "icmp.type == 11 && ip.src in"
	b.run(t, "type a bad expression",
		chromedp.Evaluate(`(() => { const i = document.getElementById('fexpr'); i.value = `+strconvQuote(bad)+`; i.dispatchEvent(new Event('input')); })()`, nil))
	var col string
	b.run(t, "error column", chromedp.Poll(`(() => { const e = document.getElementById('ferr'); return e.hidden ? null : e.dataset.column; })()`,
		&col, chromedp.WithPollingTimeout(10*time.Second)))
	var invalid, msg string
	b.run(t, "error shown", chromedp.Evaluate(`document.getElementById('fexpr').getAttribute('aria-invalid') || ''`, &invalid),
		chromedp.Text("#ferr .ferr-msg", &msg, chromedp.ByQuery))
	assert.Equal(t, "true", invalid)
	assert.Contains(t, msg, "column "+col)
	assert.NotEqual(t, "1", col, "the error should point into the expression, not its start")
	var rows []listRow
	b.run(t, "rows kept", chromedp.Evaluate(readRowsJS, &rows))
	assert.Equal(t, exceededCore, nos(rows))

	// Completion: a field-name prefix offers names that start with it.
	b.run(t, "type a prefix", chromedp.Evaluate(`(() => { const i = document.getElementById('fexpr'); i.focus(); i.value = 'icmp.ty'; i.setSelectionRange(7, 7); i.dispatchEvent(new Event('input')); })()`, nil))
	var names []string
	b.run(t, "suggestions", chromedp.Poll(`(() => { const u = document.getElementById('fsuggest'); return u.hidden ? null : [...u.querySelectorAll('li')].map(l => l.dataset.name); })()`,
		&names, chromedp.WithPollingTimeout(10*time.Second)))
	require.NotEmpty(t, names)
	for _, n := range names {
		assert.True(t, strings.HasPrefix(n, "icmp.ty"), n)
	}
	// Clearing the box lists every packet again.
	b.filterRows(t, "", 8)
	b.noProblems(t)
}

// openTraceroute opens the traceroute example's capture and waits for its
// eight rows.
func (b *browser) openTraceroute(tb testing.TB) []listRow {
	tb.Helper()
	b.run(tb, "open the traceroute example",
		chromedp.Evaluate(`(() => { const s = document.getElementById('examples'); s.value = 'traceroute'; s.dispatchEvent(new Event('change')); })()`, nil),
		chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready'`, nil, chromedp.WithPollingTimeout(30*time.Second)))
	var all []listRow
	b.run(tb, "all rows", chromedp.Poll(`(() => { const rows = `+readRowsJS+`; return rows.length === 8 && rows.every(r => r.summary !== '') ? rows : null; })()`,
		&all, chromedp.WithPollingTimeout(20*time.Second)))
	return all
}

// download picks format in the export menu and returns the file the
// browser saved.
func (b *browser) download(tb testing.TB, dir, format string) []byte {
	tb.Helper()
	before, _ := os.ReadDir(dir)
	b.run(tb, "export "+format, chromedp.Evaluate(`(() => { const s = document.getElementById('export'); s.value = '`+format+`'; s.dispatchEvent(new Event('change')); })()`, nil))
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ents, _ := os.ReadDir(dir)
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), "."+format) && len(ents) > len(before) {
				data, err := os.ReadFile(filepath.Join(dir, e.Name()))
				require.NoError(tb, err)
				if len(data) > 0 {
					return data
				}
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	tb.Fatalf("no %s file was downloaded into %s", format, dir)
	return nil
}

// The list exports what it shows: the filtered traceroute packets as a
// pcapng the Go codec reads back, as JSON Lines and as CSV, one packet each.
// The length and TTL columns are filled, and Ctrl-G goes to a packet.
func TestBrowserListExportAndGoto(t *testing.T) {
	b := newBrowser(t)
	dir := t.TempDir()
	b.open(t, "")
	b.run(t, "allow downloads", cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir))
	all := b.openTraceroute(t)
	var cols [][]string
	b.run(t, "length and ttl", chromedp.Evaluate(`[...document.querySelectorAll('#vrows .vrow')].map(r => [r.children[5].textContent, r.children[6].textContent])`, &cols))
	require.Len(t, cols, len(all))
	for _, c := range cols {
		n, err := strconv.Atoi(c[0])
		require.NoError(t, err, "length %q", c[0])
		assert.Greater(t, n, 20)
		ttl, err := strconv.Atoi(c[1])
		require.NoError(t, err, "ttl %q", c[1])
		assert.Greater(t, ttl, 0)
	}

	// A click on the Length header sorts by it; a second click reverses.
	lengths := func() []int {
		var ls []string
		b.run(t, "lengths", chromedp.Evaluate(`[...document.querySelectorAll('#vrows .vrow')].map(r => r.children[5].textContent)`, &ls))
		var out []int
		for _, l := range ls {
			n, _ := strconv.Atoi(l)
			out = append(out, n)
		}
		return out
	}
	for _, dir := range []string{"ascending", "descending"} {
		b.run(t, "sort "+dir, chromedp.Click(`#list .vhead [data-sort="len"]`, chromedp.ByQuery),
			chromedp.Poll(`document.querySelector('#list .vhead [data-sort="len"]').getAttribute('aria-sort') === '`+dir+`'`, nil, chromedp.WithPollingTimeout(10*time.Second)),
			chromedp.Poll(`[...document.querySelectorAll('#vrows .vrow')].every(r => r.children.length === 7)`, nil, chromedp.WithPollingTimeout(10*time.Second)))
		ls := lengths()
		require.Len(t, ls, 8)
		for k := 1; k < len(ls); k++ {
			if dir == "ascending" {
				assert.LessOrEqual(t, ls[k-1], ls[k], "%v", ls)
			} else {
				assert.GreaterOrEqual(t, ls[k-1], ls[k], "%v", ls)
			}
		}
	}
	b.run(t, "sort by number", chromedp.Click(`#list .vhead [data-sort="no"]`, chromedp.ByQuery),
		chromedp.Poll(`document.querySelector('#list .vhead [data-sort="no"]').getAttribute('aria-sort') === 'ascending'`, nil, chromedp.WithPollingTimeout(10*time.Second)))

	rows := b.filterRows(t, "icmp.type == 11", 3)
	file := b.download(t, dir, "pcapng")
	r, err := capture.NewReader(bytes.NewReader(file))
	require.NoError(t, err)
	n := 0
	for {
		if _, err := r.Next(); err != nil {
			break
		}
		n++
	}
	assert.Equal(t, len(rows), n, "packets in the exported pcapng")

	jl := b.download(t, dir, "jsonl")
	lines := 0
	for sc := bufio.NewScanner(bytes.NewReader(jl)); sc.Scan(); lines++ {
	}
	assert.Equal(t, len(rows), lines, "JSON Lines")
	c := b.download(t, dir, "csv")
	recs, err := csv.NewReader(bytes.NewReader(c)).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, len(rows)+1, "CSV header and rows")
	for k, row := range rows {
		assert.Equal(t, row.No, recs[k+1][0])
	}

	// Ctrl-G focuses the go-to box; a listed number selects its row.
	b.run(t, "ctrl-g", chromedp.KeyEvent("g", chromedp.KeyModifiers(input.ModifierCtrl)))
	var active string
	b.run(t, "focus", chromedp.Evaluate(`document.activeElement && document.activeElement.id`, &active))
	assert.Equal(t, "goto", active)
	b.run(t, "go to the last", chromedp.Evaluate(`(() => { const g = document.getElementById('goto'); g.value = `+strconvQuote(rows[2].No)+`; g.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter'})); })()`, nil),
		chromedp.Poll(`(() => { const s = document.querySelector('#vrows .vrow.sel'); return s && s.children[0].textContent === `+strconvQuote(rows[2].No)+`; })()`, nil, chromedp.WithPollingTimeout(10*time.Second)))
	b.noProblems(t)
}

// Ctrl-click compares a row with the selected one: on the ping example two
// echo requests differ in their sequence number and checksums (and in what
// else the codec, asked natively on the bytes the card shows, says), and
// with checksums and timestamps ignored the checksums drop out. Both hex
// panes mark the differing bytes.
func TestBrowserListCompare(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	b.run(t, "open the ping example",
		chromedp.Evaluate(`(() => { const s = document.getElementById('examples'); s.value = 'ping'; s.dispatchEvent(new Event('change')); })()`, nil),
		chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready'`, nil, chromedp.WithPollingTimeout(30*time.Second)),
		chromedp.Poll(`[...document.querySelectorAll('#vrows .vrow')].length === 8 && !!document.querySelector('#vrows .vrow.sel')`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	type state struct {
		Fields []string `json:"fields"`
		A      string   `json:"a"`
		B      string   `json:"b"`
		MarksA int      `json:"marksA"`
		MarksB int      `json:"marksB"`
		Same   bool     `json:"same"`
	}
	read := func(ignored bool) state {
		var s state
		b.run(t, "read the card", chromedp.Poll(`(() => {
			const c = document.getElementById('compare');
			if (c.hidden || c.dataset.ignored !== '`+map[bool]string{true: "yes", false: "no"}[ignored]+`') return null;
			const hex = (id) => [...document.querySelectorAll('#' + id + ' span[data-o]')].map(s => s.textContent).join('');
			return {fields: [...document.querySelectorAll('#cmptable tr[data-field]')].map(r => r.dataset.field),
				a: hex('cmphexa'), b: hex('cmphexb'),
				marksA: document.querySelectorAll('#cmphexa .cmp-diff').length, marksB: document.querySelectorAll('#cmphexb .cmp-diff').length,
				same: !document.getElementById('cmpsame').hidden};
		})()`, &s, chromedp.WithPollingTimeout(10*time.Second)))
		return s
	}
	b.run(t, "ctrl-click the second request", chromedp.Evaluate(`document.querySelector('#vrows .vrow[data-i="2"]').dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))`, nil))
	s := read(false)
	t.Logf("differences: %v", s.Fields)
	native := func(o dissect.CompareOptions) []string {
		ba, err := hex.DecodeString(s.A)
		require.NoError(t, err)
		bb, err := hex.DecodeString(s.B)
		require.NoError(t, err)
		var out []string
		for _, d := range dissect.Compare(dissect.Dissect(ba, dissect.Guess(ba), dissect.Options{}), dissect.Dissect(bb, dissect.Guess(bb), dissect.Options{}), o) {
			out = append(out, d.Field)
		}
		return out
	}
	assert.Contains(t, s.Fields, "icmp.seq")
	assert.Contains(t, s.Fields, "icmp.checksum")
	assert.Equal(t, native(dissect.CompareOptions{}), s.Fields)
	assert.Positive(t, s.MarksA)
	assert.Positive(t, s.MarksB)
	assert.False(t, s.Same)
	var marked []string
	b.run(t, "tree marks", chromedp.Evaluate(`[...new Set([...document.querySelectorAll('#tree li.cmp-changed')].map(l => l.dataset.field))]`, &marked))
	assert.Contains(t, marked, "icmp.seq", "the selected packet's tree marks the differing fields")
	var sel string
	b.run(t, "selection stays", chromedp.Evaluate(`document.querySelector('#vrows .vrow.sel').dataset.i`, &sel))
	assert.Equal(t, "0", sel)

	b.run(t, "ignore checksums", chromedp.Click("#cmpignore", chromedp.ByQuery))
	s2 := read(true)
	t.Logf("differences, checksums and timestamps ignored: %v", s2.Fields)
	assert.Contains(t, s2.Fields, "icmp.seq")
	assert.NotContains(t, s2.Fields, "icmp.checksum")
	assert.NotContains(t, s2.Fields, "ip.checksum")
	assert.Equal(t, native(dissect.CompareOptions{IgnoreChecksums: true, IgnoreTimestamps: true}), s2.Fields)
	b.noProblems(t)
}

// pasteRows pastes text and waits for the list to show want rows, drawn.
func (b *browser) pasteRows(tb testing.TB, text string, want int) []listRow {
	tb.Helper()
	b.paste(tb, text)
	var rows []listRow
	b.run(tb, "pasted rows", chromedp.Poll(`(() => {
		if (document.getElementById('capture').dataset.state !== 'ready') return null;
		const rows = `+readRowsJS+`;
		return rows.length === `+strconv.Itoa(want)+` && rows.every(r => r.summary !== '' && r.no !== '…') ? rows : null;
	})()`, &rows, chromedp.WithPollingTimeout(30*time.Second)))
	return rows
}

// A paste of several packets is listed like a capture, and the list's
// filter box selects among its rows as codec/filter judges them natively;
// the listed rows export as a pcapng the codec reads back. The packet tabs
// of old are gone. In English and Korean.
func TestBrowserPasteFilter(t *testing.T) {
	frames := [][]byte{echoRequest(1), mplsTimeExceeded(), echoRequest(2)}
	var parts []string
	for _, f := range frames {
		parts = append(parts, hex.EncodeToString(f))
	}
	expr := "icmp.type == 8"
	f, err := filter.Compile(expr)
	require.NoError(t, err)
	var want []string
	for i, fr := range frames {
		if f.Match(dissect.Dissect(fr, dissect.LayerIPv4, dissect.Options{Number: i + 1})) {
			want = append(want, strconv.Itoa(i+1))
		}
	}
	require.Len(t, want, 2)
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			b := newBrowser(t)
			dir := t.TempDir()
			b.open(t, "#lang="+lang)
			b.run(t, "allow downloads", cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir))
			all := b.pasteRows(t, strings.Join(parts, "\n\n"), len(frames))
			for i, r := range all {
				assert.Equal(t, strconv.Itoa(i+1), r.No)
				assert.Equal(t, dissect.Dissect(frames[i], dissect.LayerIPv4, dissect.Options{}).Src, r.Src, "row %d", i+1)
			}
			var tabs int
			b.run(t, "no tabs", chromedp.Evaluate(`document.querySelectorAll('#frames .frametab').length`, &tabs))
			assert.Zero(t, tabs, "pasted packets are rows, not tabs")
			var name string
			b.run(t, "list name", chromedp.Text("#capname", &name, chromedp.ByQuery))
			if lang == "ko" {
				assert.Equal(t, "붙여 넣은 텍스트", name)
			} else {
				assert.Equal(t, "Pasted text", name)
			}

			rows := b.filterRows(t, expr, len(want))
			var got []string
			for _, r := range rows {
				got = append(got, r.No)
			}
			assert.Equal(t, want, got)
			var count string
			b.run(t, "count", chromedp.Text("#capshown", &count, chromedp.ByQuery))
			assert.Contains(t, count, strconv.Itoa(len(want)))

			file := b.download(t, dir, "pcapng")
			r, err := capture.NewReader(bytes.NewReader(file))
			require.NoError(t, err)
			var seqs []uint16
			for {
				p, err := r.Next()
				if err != nil {
					break
				}
				start, ok := dissect.LayerForLinkType(uint32(p.LinkType))
				require.True(t, ok)
				fr := dissect.Dissect(p.Data, start, dissect.Options{})
				require.NotNil(t, fr.ICMP)
				require.True(t, fr.ICMP.HasID)
				seqs = append(seqs, fr.ICMP.Seq)
			}
			assert.Equal(t, []uint16{1, 2}, seqs, "the filtered rows, exported")
			b.noProblems(t)
		})
	}
}

// Pasted packets compare as captured ones do: Ctrl-click a row against the
// selected one. In English and Korean.
func TestBrowserPasteCompare(t *testing.T) {
	frames := [][]byte{echoRequest(1), echoRequest(2)}
	var want []string
	for _, d := range dissect.Compare(dissect.Dissect(frames[0], dissect.LayerIPv4, dissect.Options{}), dissect.Dissect(frames[1], dissect.LayerIPv4, dissect.Options{}), dissect.CompareOptions{}) {
		want = append(want, d.Field)
	}
	for _, lang := range []string{"en", "ko"} {
		t.Run(lang, func(t *testing.T) {
			b := newBrowser(t)
			b.open(t, "#lang="+lang)
			b.pasteRows(t, hex.EncodeToString(frames[0])+"\n\n"+hex.EncodeToString(frames[1]), 2)
			b.run(t, "first selected", chromedp.Poll(`!!document.querySelector('#vrows .vrow.sel[data-i="0"]')`, nil, chromedp.WithPollingTimeout(10*time.Second)))
			b.run(t, "ctrl-click the second", chromedp.Evaluate(`document.querySelector('#vrows .vrow[data-i="1"]').dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))`, nil))
			var fields []string
			b.run(t, "card", chromedp.Poll(`(() => { const c = document.getElementById('compare'); return c.hidden ? null : [...document.querySelectorAll('#cmptable tr[data-field]')].map(r => r.dataset.field); })()`,
				&fields, chromedp.WithPollingTimeout(10*time.Second)))
			assert.Equal(t, want, fields)
			assert.Contains(t, fields, "icmp.seq")
			var title string
			b.run(t, "title", chromedp.Text("#cmptitle", &title, chromedp.ByQuery))
			assert.NotEmpty(t, title)

			// The listed paste lives in the worker: when the worker is
			// replaced, the paste is listed again, the warning kept.
			b.run(t, "end the Go program", chromedp.Evaluate(`document.dispatchEvent(new CustomEvent('icmplab-test-exit'))`, nil))
			var msg string
			b.run(t, "listed again", chromedp.Poll(`(() => {
				const m = document.getElementById('message');
				const rows = [...document.querySelectorAll('#vrows .vrow')].filter(r => r.children.length === 7 && r.children[4].textContent !== '');
				return document.body.dataset.restarts === '1' && !m.hidden && rows.length === 2 && document.querySelector('#vrows .vrow.sel') && document.querySelector('#tree li') ? m.textContent : null;
			})()`, &msg, chromedp.WithPollingTimeout(30*time.Second)))
			assert.NotEmpty(t, msg)
			b.run(t, "compare again", chromedp.Evaluate(`document.querySelector('#vrows .vrow[data-i="1"]').dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))`, nil))
			b.run(t, "card again", chromedp.Poll(`(() => { const c = document.getElementById('compare'); return c.hidden ? null : [...document.querySelectorAll('#cmptable tr[data-field]')].map(r => r.dataset.field); })()`,
				&fields, chromedp.WithPollingTimeout(10*time.Second)))
			assert.Equal(t, want, fields)
			b.noProblems(t)
		})
	}
}
