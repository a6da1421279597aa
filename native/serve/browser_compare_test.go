package serve_test

import (
	"bytes"
	"encoding/hex"
	"errors"
	"io"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/capture"
	"icmplab/codec/dissect"
)

// cmpSide is one packet of the compare card: its tree and its hex pane.
type cmpSide struct {
	Nodes  int      `json:"nodes"`  // nodes of its field tree
	Marked []string `json:"marked"` // field ids of the tree's marked nodes, in tree order
	Hex    []int    `json:"hex"`    // offsets of the marked bytes
	Bytes  string   `json:"bytes"`  // the pane's bytes, as hex
}

type cmpCard struct {
	Fields []string `json:"fields"` // the table of differences
	A      cmpSide  `json:"a"`
	B      cmpSide  `json:"b"`
}

// readCompare waits for the card drawn with checksums and timestamps
// ignored or not, and reads it.
func (b *browser) readCompare(tb testing.TB, ignored bool) cmpCard {
	tb.Helper()
	want := map[bool]string{true: "yes", false: "no"}[ignored]
	var c cmpCard
	b.run(tb, "read the compare card", chromedp.Poll(`(() => {
		const c = document.getElementById('compare');
		if (c.hidden || c.dataset.ignored !== '`+want+`') return null;
		const side = (s) => ({
			nodes: document.querySelectorAll('#cmptree' + s + ' li').length,
			marked: [...document.querySelectorAll('#cmptree' + s + ' li.cmp-changed')].map((li) => li.dataset.field || ''),
			hex: [...document.querySelectorAll('#cmphex' + s + ' .cmp-diff')].map((b) => +b.dataset.o),
			bytes: [...document.querySelectorAll('#cmphex' + s + ' span[data-o]')].map((b) => b.textContent).join(''),
		});
		return { fields: [...document.querySelectorAll('#cmptable tr[data-field]')].map((r) => r.dataset.field), a: side('a'), b: side('b') };
	})()`, &c, chromedp.WithPollingTimeout(15*time.Second)))
	return c
}

// nativeCompare is what the codec says about the same two packets: the
// differences' field ids, and for each side the fields and bytes to mark.
func nativeCompare(tb testing.TB, a, b []byte, la, lb dissect.Layer, o dissect.CompareOptions) (fields []string, sides [2][]string, marks [2][]int) {
	tb.Helper()
	fa, fb := dissect.Dissect(a, la, dissect.Options{}), dissect.Dissect(b, lb, dissect.Options{})
	var seen [2]map[int]bool
	for i := range seen {
		seen[i] = map[int]bool{}
	}
	for _, d := range dissect.Compare(fa, fb, o) {
		fields = append(fields, d.Field)
		for i, s := range []*dissect.DiffSide{d.A, d.B} {
			if s == nil || s.Length == 0 {
				continue
			}
			sides[i] = append(sides[i], d.Field)
			for k := s.Offset; k < s.Offset+s.Length; k++ {
				seen[i][k] = true
			}
		}
	}
	for i := range seen {
		for k := 0; k < max(len(a), len(b)); k++ {
			if seen[i][k] {
				marks[i] = append(marks[i], k)
			}
		}
	}
	return fields, sides, marks
}

func nodeCount(data []byte, l dissect.Layer) int {
	var all []*dissect.Node
	walk(dissect.Dissect(data, l, dissect.Options{}).Root, &all)
	return len(all)
}

// checkCard holds the card to the codec: the table, both trees (every node
// there, the differing ones marked) and both hex panes.
func checkCard(t *testing.T, c cmpCard, a, b []byte, la, lb dissect.Layer, o dissect.CompareOptions) {
	t.Helper()
	fields, sides, marks := nativeCompare(t, a, b, la, lb, o)
	assert.Equal(t, fields, c.Fields, "the table lists the codec's differences")
	assert.Equal(t, hex.EncodeToString(a), c.A.Bytes)
	assert.Equal(t, hex.EncodeToString(b), c.B.Bytes)
	assert.Equal(t, nodeCount(a, la), c.A.Nodes, "tree A shows the whole dissection")
	assert.Equal(t, nodeCount(b, lb), c.B.Nodes, "tree B shows the whole dissection")
	assert.Equal(t, sides[0], c.A.Marked, "tree A marks the differing fields")
	assert.Equal(t, sides[1], c.B.Marked, "tree B marks the differing fields")
	assert.Equal(t, marks[0], c.A.Hex, "hex A marks the differing bytes")
	assert.Equal(t, marks[1], c.B.Hex, "hex B marks the differing bytes")
}

// Two echo requests of the ping example, compared on the page: both trees
// side by side, the differences marked in both trees and both hex panes.
// As from a real iputils ping on Linux, the two datagrams differ in the
// sequence number, the send time ping writes in the data, the kernel's IP
// identification and both checksums; with checksums and timestamps ignored,
// in the sequence number and the IP identification. Their ICMP messages
// alone differ in the sequence number and the checksum (and the send
// time), and with checksums and timestamps ignored only in the sequence
// number.
func TestBrowserCompareTreesSideBySide(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	file, err := hex.DecodeString(b.exampleHex(t, "ping"))
	require.NoError(t, err)
	r, err := capture.NewReader(bytes.NewReader(file))
	require.NoError(t, err)
	var frames [][]byte
	for {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		frames = append(frames, append([]byte(nil), p.Data...))
	}
	require.Len(t, frames, 8)
	req1, req2 := frames[0], frames[2]

	b.openExample(t, "ping")
	b.run(t, "the ping example listed",
		chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready'`, nil, chromedp.WithPollingTimeout(30*time.Second)),
		chromedp.Poll(`[...document.querySelectorAll('#vrows .vrow')].length === 8 && !!document.querySelector('#vrows .vrow.sel')`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	b.run(t, "ctrl-click the second request", chromedp.Evaluate(`document.querySelector('#vrows .vrow[data-i="2"]').dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))`, nil))
	c := b.readCompare(t, false)
	t.Logf("two requests: %v", c.Fields)
	assert.Equal(t, []string{"ip.id", "ip.checksum", "icmp.checksum", "icmp.seq", "icmp.data_time"}, c.Fields)
	checkCard(t, c, req1, req2, dissect.LayerIPv4, dissect.LayerIPv4, dissect.CompareOptions{})
	b.screenshot(t, "compare.png")

	b.run(t, "ignore checksums and timestamps", chromedp.Click("#cmpignore", chromedp.ByQuery))
	c = b.readCompare(t, true)
	t.Logf("two requests, checksums and timestamps ignored: %v", c.Fields)
	assert.Equal(t, []string{"ip.id", "icmp.seq"}, c.Fields)
	checkCard(t, c, req1, req2, dissect.LayerIPv4, dissect.LayerIPv4, dissect.CompareOptions{IgnoreChecksums: true, IgnoreTimestamps: true})

	// The ICMP messages alone, pasted (two rows of the list), compared row
	// against row.
	m1, m2 := req1[20:], req2[20:]
	b.run(t, "paste the two echo requests' ICMP messages",
		chromedp.SetValue("#layer", "icmpv4", chromedp.ByQuery),
		chromedp.SetValue("#paste", hex.EncodeToString(m1)+"\n\n"+hex.EncodeToString(m2), chromedp.ByQuery),
		chromedp.Click("#decode", chromedp.ByQuery),
		chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready' && document.querySelectorAll('#vrows .vrow').length === 2 && !!document.querySelector('#vrows .vrow.sel[data-i="0"]')`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate(`document.getElementById('compare').dataset.ignored = ''`, nil),
		chromedp.Evaluate(`document.querySelector('#vrows .vrow[data-i="1"]').dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))`, nil))
	c = b.readCompare(t, true)
	t.Logf("two echo messages, checksums and timestamps ignored: %v", c.Fields)
	assert.Equal(t, []string{"icmp.seq"}, c.Fields)
	checkCard(t, c, m1, m2, dissect.LayerICMPv4, dissect.LayerICMPv4, dissect.CompareOptions{IgnoreChecksums: true, IgnoreTimestamps: true})

	b.run(t, "count checksums and timestamps again", chromedp.Click("#cmpignore", chromedp.ByQuery))
	c = b.readCompare(t, false)
	t.Logf("two echo messages: %v", c.Fields)
	assert.Equal(t, []string{"icmp.checksum", "icmp.seq", "icmp.data_time"}, c.Fields)
	checkCard(t, c, m1, m2, dissect.LayerICMPv4, dissect.LayerICMPv4, dissect.CompareOptions{})
	b.labelsFollowTrees(t)

	// In Korean the card says the same, in the trees' words.
	b.run(t, "switch to Korean", chromedp.Click(`.lang button[data-lang="ko"]`, chromedp.ByQuery),
		chromedp.Poll(`document.body.dataset.lang === 'ko'`, nil, chromedp.WithPollingTimeout(30*time.Second)),
		chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready' && document.querySelectorAll('#vrows .vrow').length === 2 && !!document.querySelector('#vrows .vrow.sel[data-i="0"]')`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate(`document.getElementById('compare').dataset.ignored = ''`, nil),
		chromedp.Evaluate(`document.querySelector('#vrows .vrow[data-i="1"]').dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))`, nil))
	c = b.readCompare(t, false)
	assert.Equal(t, []string{"icmp.checksum", "icmp.seq", "icmp.data_time"}, c.Fields)
	checkCard(t, c, m1, m2, dissect.LayerICMPv4, dissect.LayerICMPv4, dissect.CompareOptions{})
	b.labelsFollowTrees(t)
	b.noProblems(t)
}

// labelsFollowTrees checks that the table names each difference as tree A
// (or B, for a field only B has) names its marked node.
func (b *browser) labelsFollowTrees(tb testing.TB) {
	tb.Helper()
	var got struct {
		Table []string `json:"table"`
		Trees []string `json:"trees"`
	}
	b.run(tb, "labels", chromedp.Evaluate(`(() => {
		const lab = (s) => [...document.querySelectorAll('#cmptree' + s + ' li.cmp-changed')].map((li) => li.querySelector(':scope > .trow > .tlabel').textContent);
		const a = lab('a');
		const rows = [...document.querySelectorAll('#cmptable tr[data-field]')];
		return { table: rows.map((r) => r.cells[0].textContent), trees: a.concat(lab('b').slice(a.length)) };
	})()`, &got))
	assert.Equal(tb, got.Trees, got.Table)
}
