package serve_test

// One pasted packet is listed as several are (issue 14, "a single pasted
// packet is not also listed"): a row of the packet list, selected, with its
// dissection drawn at once beside it.

import (
	"encoding/hex"
	"strconv"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
)

// oneRow waits until the list shows exactly one row, filled in and
// selected, with the ICMP header of field in the tree, and returns it.
func (b *browser) oneRow(tb testing.TB, what, field string) listRow {
	tb.Helper()
	var rows []listRow
	b.run(tb, what, chromedp.Poll(`(() => {
		if (document.getElementById('capture').hidden || document.getElementById('capture').dataset.state !== 'ready') return null;
		if (!document.querySelector('#tree li[data-field=`+strconv.Quote(field)+`]')) return null;
		const drawn = [...document.querySelectorAll('#vrows .vrow')];
		const rows = `+readRowsJS+`;
		return rows.length === 1 && rows[0].summary !== '' && rows[0].no !== '…' && drawn[0].classList.contains('sel') ? rows : null;
	})()`, &rows, chromedp.WithPollingTimeout(30*time.Second)))
	require.Len(tb, rows, 1)
	return rows[0]
}

func TestBrowserPasteOneListed(t *testing.T) {
	exceeded, echo := mplsTimeExceeded(), echoRequest(7)
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			b := newBrowser(t)
			b.open(t, "#lang="+lang)
			b.paste(t, hex.EncodeToString(exceeded))
			r := b.oneRow(t, "one pasted packet, listed", "icmp.mpls.label")
			assert.Equal(t, "1", r.No)
			assert.Equal(t, dissect.Dissect(exceeded, dissect.LayerIPv4, dissect.Options{}).Src, r.Src)
			checkTreeIn(t, lang, b.tree(t), exceeded, dissect.LayerIPv4)
			var name string
			b.run(t, "list name", chromedp.Text("#capname", &name, chromedp.ByQuery))
			assert.Equal(t, b.pageT(t, "pastedList"), name)

			// Another single packet replaces the list: still one row, now the echo.
			b.paste(t, hex.EncodeToString(echo))
			r = b.oneRow(t, "the next packet, listed alone", "icmp.seq")
			assert.Equal(t, "1", r.No)
			assert.Equal(t, dissect.Dissect(echo, dissect.LayerIPv4, dissect.Options{}).Src, r.Src)
			checkTreeIn(t, lang, b.tree(t), echo, dissect.LayerIPv4)

			// Its row, clicked, shows the same packet.
			b.run(t, "click the row", clickRow(0))
			b.oneRow(t, "the row selected", "icmp.seq")
			checkTreeIn(t, lang, b.tree(t), echo, dissect.LayerIPv4)

			// A share link is a paste of one packet: listed too.
			b.open(t, "#hex="+hex.EncodeToString(exceeded)+"&lang="+lang)
			r = b.oneRow(t, "a share link's packet, listed", "icmp.mpls.label")
			assert.Equal(t, "1", r.No)
			checkTreeIn(t, lang, b.tree(t), exceeded, dissect.LayerIPv4)
			b.noProblems(t)
		})
	}
}
