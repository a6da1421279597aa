package serve_test

// Browser tests of the list's tools (issue 14): the display-filter box.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"maps"
	"os"
	"os/exec"
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
	"icmplab/internal/testenv"
	"icmplab/native/decode"
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
		// Rows still being drawn have no cells yet: wait until all have.
		b.run(t, "lengths", chromedp.Poll(`(() => { const rs = [...document.querySelectorAll('#vrows .vrow')];
			return rs.length > 0 && rs.every(r => r.children.length === 7) ? rs.map(r => r.children[5].textContent) : null; })()`,
			&ls, chromedp.WithPollingTimeout(20*time.Second)))
		var out []int
		for _, l := range ls {
			n, _ := strconv.Atoi(l)
			out = append(out, n)
		}
		return out
	}
	for _, dir := range []string{"ascending", "descending"} {
		// #list[data-sorted] is set once the list is asked for in the new
		// order: the header's aria-sort comes earlier, while the old rows
		// are still drawn (a full run read them unsorted).
		b.run(t, "sort "+dir, chromedp.Click(`#list .vhead [data-sort="len"]`, chromedp.ByQuery),
			chromedp.Poll(`document.querySelector('#list').dataset.sorted === 'len:`+dir+`'`, nil, chromedp.WithPollingTimeout(10*time.Second)))
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
		chromedp.Poll(`document.querySelector('#list').dataset.sorted === 'no:ascending'`, nil, chromedp.WithPollingTimeout(10*time.Second)))

	rows := b.filterRows(t, "icmp.type == 11", 3)
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			b.setLang(t, l)
			// A folder of its own: the same names are downloaded again.
			dir := t.TempDir()
			b.run(t, "download into "+dir, cdpbrowser.SetDownloadBehavior(cdpbrowser.SetDownloadBehaviorBehaviorAllow).WithDownloadPath(dir))
			var now []listRow
			b.run(t, "rows in "+l, chromedp.Poll(`(() => { const rows = `+readRowsJS+`; return rows.length === `+strconv.Itoa(len(rows))+` && rows.every(r => r.summary && r.summary !== '…') ? rows : null; })()`,
				&now, chromedp.WithPollingTimeout(20*time.Second)))
			b.checkExport(t, dir, now, l == "en")
		})
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

// checkExport downloads the listed packets as pcapng, JSON Lines and CSV
// and checks that they are the same packets as the rows listed: the pcapng decoded by
// `icmplab decode` (native/decode's Run, --format jsonl) gives the page's
// JSON Lines record for record (frame numbers aside: the pcapng numbers
// its packets from 1), and both name the listed rows in order.
func (b *browser) checkExport(t *testing.T, dir string, rows []listRow, english bool) {
	t.Helper()
	file := b.download(t, dir, "pcapng")
	src, err := decode.Open(bytes.NewReader(file), decode.Options{})
	require.NoError(t, err)
	var native bytes.Buffer
	st, err := decode.Run(src, &native, decode.Options{Format: decode.FormatJSONL})
	require.NoError(t, err)
	assert.Equal(t, len(rows), st.Frames, "packets in the exported pcapng")
	records := func(data []byte) []map[string]any {
		var out []map[string]any
		for sc := bufio.NewScanner(bytes.NewReader(data)); sc.Scan(); {
			var m map[string]any
			require.NoError(t, json.Unmarshal(sc.Bytes(), &m), sc.Text())
			if _, ok := m["frame"]; ok {
				out = append(out, m)
			}
		}
		return out
	}
	fromPcapng := records(native.Bytes())
	exported := framesOf(t, file)
	require.Len(t, exported, len(rows))
	fromPage := records(b.download(t, dir, "jsonl"))
	require.Len(t, fromPcapng, len(rows), "frames icmplab decode reads from the pcapng")
	require.Len(t, fromPage, len(rows), "JSON Lines records")
	for k, row := range rows {
		assert.Equal(t, row.No, fmt.Sprint(fromPage[k]["frame"]), "JSON Lines record %d is listed row %s", k, row.No)
		assert.EqualValues(t, k+1, fromPcapng[k]["frame"], "the pcapng numbers its packets from 1")
		a, p := maps.Clone(fromPcapng[k]), maps.Clone(fromPage[k])
		delete(a, "frame")
		delete(p, "frame")
		assert.Equal(t, p, a, "row %s: icmplab decode of the pcapng and the page's JSON Lines disagree", row.No)
		// The row listed is the packet exported: its source, and (the
		// list's words are the chosen language's) its summary in English.
		f := exported[k]
		if ip := find(flat(f), "ip.src"); ip != nil {
			assert.Equal(t, ip.Value, row.Src, "row %s: the listed source", row.No)
		}
		if english {
			assert.Contains(t, row.Summary, f.Info, "row %s: the listed summary", row.No)
		}
	}
	c := b.download(t, dir, "csv")
	recs, err := csv.NewReader(bytes.NewReader(c)).ReadAll()
	require.NoError(t, err)
	require.Len(t, recs, len(rows)+1, "CSV header and rows")
	for k, row := range rows {
		assert.Equal(t, row.No, recs[k+1][0])
	}
}

// flat lists a dissection's nodes in document order.
func flat(f *dissect.Frame) []*dissect.Node {
	var all []*dissect.Node
	walk(f.Root, &all)
	return all
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
			b.run(t, "no tabs", chromedp.Evaluate(`document.querySelectorAll('#frames, .frametab:not(#sources .frametab)').length`, &tabs))
			assert.Zero(t, tabs, "pasted packets are rows, not tabs (the tab bar is gone)")
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

// tsharkExprs are the expressions native/decode's TestFilterAgainstTshark
// compares with `tshark -Y`, read from that test's source so the page is
// held to the very same list.
func tsharkExprs(tb testing.TB) []string {
	tb.Helper()
	const src = "../decode/filter_tshark_test.go"
	f, err := parser.ParseFile(token.NewFileSet(), src, nil, 0)
	require.NoError(tb, err)
	var out []string
	ast.Inspect(f, func(n ast.Node) bool {
		vs, ok := n.(*ast.ValueSpec)
		if !ok || len(vs.Names) != 1 || vs.Names[0].Name != "tsharkFilterExprs" {
			return true
		}
		for _, e := range vs.Values[0].(*ast.CompositeLit).Elts {
			s, err := strconv.Unquote(e.(*ast.BasicLit).Value)
			require.NoError(tb, err)
			out = append(out, s)
		}
		return false
	})
	require.NotEmpty(tb, out, "no tsharkFilterExprs in %s", src)
	return out
}

// tsharkCount is how many frames of file `tshark -Y expr` shows.
func tsharkCount(tb testing.TB, tshark, file, expr string) int {
	tb.Helper()
	out, err := exec.Command(tshark, "-n", "-r", file, "-Y", expr, "-T", "fields", "-e", "frame.number").Output()
	require.NoError(tb, err, "tshark -Y %q", expr)
	return len(strings.Fields(string(out)))
}

// The page's filter box on corpus captures (one ICMPv4, one ICMPv6, where
// tshark and the codec agree on every frame): for each expression
// native/decode checks against tshark, the count the page shows is the
// count `tshark -Y` gives, in English and Korean. Bad expressions are
// marked at the column codec/filter's error gives.
func TestBrowserFilterCorpus(t *testing.T) {
	tshark := testenv.RequireTool(t, "tshark", "tshark")
	dir := testenv.RequireShared(t)
	exprs := tsharkExprs(t)
	files := []string{"pylibtrace__icmp-sample.pcap", "zeek__communityid-icmp6.pcap"}
	// What tshark shows, asked once per capture and expression.
	counts := map[string][]int{}
	for _, name := range files {
		for _, expr := range exprs {
			counts[name] = append(counts[name], tsharkCount(t, tshark, filepath.Join(dir, name), expr))
		}
	}
	b := newBrowser(t)
	b.open(t, "")
	for _, l := range langs {
		b.setLang(t, l)
		for _, name := range files {
			t.Run(l+"/"+name, func(t *testing.T) {
				b.setFilter(t, "")
				b.upload(t, filepath.Join(dir, name))
				nonzero := 0
				for k, expr := range exprs {
					want := counts[name][k]
					if want > 0 {
						nonzero++
					}
					wantText := b.pageT(t, "shown", strconv.Itoa(want))
					// The count is cleared first, so what is read is this
					// expression's, not the last one's.
					var shown string
					b.run(t, "clear the count", chromedp.Evaluate(`document.getElementById('capshown').textContent = ''`, nil))
					b.setFilter(t, expr)
					b.run(t, "count of "+expr, chromedp.Poll(`document.getElementById('capshown').textContent || null`, &shown, chromedp.WithPollingTimeout(20*time.Second)))
					assert.Equal(t, wantText, shown, "%s: %q shows what tshark -Y shows", name, expr)
				}
				assert.Positive(t, nonzero, "%s: some expression selects something", name)
			})
		}
		t.Run(l+"/bad", func(t *testing.T) {
			for _, bad := range []string{
				"icmp.type == 11 && ip.src in",
				"icmp.type === 3",
				"(icmp.type == 3",
				"icmp.tpye == 3",
				"frame.len >",
				"icmp.type in {0, 8",
				`ip.src == "서울" && icmp.type ==`, // columns count characters, not bytes
			} {
				_, err := filter.Compile(bad)
				var fe *filter.Error
				require.ErrorAs(t, err, &fe, "%q must not compile", bad)
				want := strconv.Itoa(fe.Column())
				b.run(t, "type "+bad, chromedp.Evaluate(`(() => { const i = document.getElementById('fexpr'); i.value = `+strconv.Quote(bad)+`; i.dispatchEvent(new Event('input')); })()`, nil))
				var col string
				ctx, cancel := context.WithTimeout(b.ctx, 10*time.Second)
				_ = chromedp.Run(ctx, chromedp.Poll(`(() => { const e = document.getElementById('ferr'); return !e.hidden && e.dataset.column === `+strconv.Quote(want)+`; })()`, nil))
				cancel()
				var mark, msg string
				b.run(t, "error of "+bad, chromedp.Evaluate(`document.getElementById('ferr').hidden ? '' : document.getElementById('ferr').dataset.column`, &col),
					chromedp.Evaluate(`(document.querySelector('#ferr .ferr-at') || {textContent: ''}).textContent`, &mark),
					chromedp.Evaluate(`(document.querySelector('#ferr .ferr-msg') || {textContent: ''}).textContent`, &msg))
				assert.Equal(t, want, col, "%q: the page marks codec/filter's column (%s)", bad, fe.Error())
				runes := []rune(bad)
				if c := fe.Column(); c <= len(runes) {
					assert.Equal(t, string(runes[c-1]), mark, "%q: the marked character", bad)
				}
				// The reason (and hint) in the page's language, as codec/filter
				// words it: in Korean, its Korean catalogue, not the English.
				words, _ := dissect.ParseLang(l)
				assert.Contains(t, msg, fe.Reason(words), "%q: the codec's reason", bad)
				if h := fe.HintIn(words); h != "" {
					assert.Contains(t, msg, h, "%q: the codec's hint", bad)
				}
				if l == "ko" {
					assert.NotContains(t, msg, fe.Msg, "%q: no English reason in Korean", bad)
					assert.Regexp(t, `\p{Hangul}`, fe.Reason(words), "%q: a Korean reason", bad)
				}
			}
			b.setFilter(t, "")
		})
	}
	b.noProblems(t)
}

// setFilter types expr in the capture list's filter box.
func (b *browser) setFilter(tb testing.TB, expr string) {
	tb.Helper()
	b.run(tb, "filter "+expr, chromedp.Evaluate(`(() => { const i = document.getElementById('fexpr'); i.value = `+strconvQuote(expr)+`; i.dispatchEvent(new Event('input')); })()`, nil))
}
