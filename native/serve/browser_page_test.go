package serve_test

// Browser tests of the page's resilience, its Korean and its smaller faults
// (issues 11 and 14). Like browser_test.go, every expectation about packets
// is asked of the codec natively.

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/dissect"
	"icmplab/codec/textdump"
)

// waitTree waits until the field tree shows an ICMP header.
func (b *browser) waitTree(tb testing.TB) {
	tb.Helper()
	b.run(tb, "wait for the tree", chromedp.Poll(`!document.getElementById('work').hidden && document.querySelectorAll('#tree li[data-field]').length > 0`,
		nil, chromedp.WithPollingTimeout(30*time.Second)))
}

// A text over the module's budget must not cost a reload: whether the
// module refuses it or runs out of memory and is replaced, the next example
// dissects in the same page.
func TestBrowserSurvivesOverBudgetPaste(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	b.run(t, "mark the page", chromedp.Evaluate(`window.__samePage = 'yes'`, nil))
	// 60 MB of this took the CLI 4.4 GB; 2.8 MB of it ran the page's
	// module out of memory (issue 11).
	// A textarea of 1.4 million lines takes Chromium minutes to lay out, so
	// the text comes as a dump file, which the page reads like a paste.
	path := filepath.Join(t.TempDir(), "tiny-packets.txt")
	require.NoError(t, os.WriteFile(path, []byte(strings.Repeat("45\n\n", 700_000)), 0o644))
	b.run(t, "open the over-budget text", chromedp.SetUploadFiles("#file", []string{path}, chromedp.ByQuery))
	var msg string
	b.run(t, "wait for the answer", chromedp.Poll(`(() => { const m = document.getElementById('message'); return m.hidden ? null : m.textContent; })()`,
		&msg, chromedp.WithPollingTimeout(2*time.Minute)))
	var restarts string
	b.run(t, "restarts", chromedp.Evaluate(`document.body.dataset.restarts || '0'`, &restarts))
	t.Logf("over-budget paste answered %q; worker restarts: %s", msg, restarts)
	assert.NotEmpty(t, msg)

	e := "8/0"
	b.run(t, "open an example",
		chromedp.Evaluate(`(() => { const s = document.getElementById('examples'); s.value = '`+e+`'; s.dispatchEvent(new Event('change')); })()`, nil),
		chromedp.Poll(`document.getElementById('paste').value !== '' && document.getElementById('capture').dataset.state !== 'reading'`, nil, chromedp.WithPollingTimeout(30*time.Second)))
	b.waitTree(t)
	var paste string
	b.run(t, "read paste", chromedp.Value("#paste", &paste, chromedp.ByQuery))
	res, err := textdump.Parse(paste, textdump.Options{})
	require.NoError(t, err)
	require.Len(t, res.Packets, 1)
	checkTree(t, b.tree(t), res.Packets[0].Data, dissect.LayerIPv4)
	var same string
	b.run(t, "same page", chromedp.Evaluate(`window.__samePage || 'reloaded'`, &same))
	assert.Equal(t, "yes", same, "the page was reloaded")
	b.noProblems(t)
}

// The module's Go program is made to exit (dispose ends main): the page
// notices, starts a new worker, says so, reads its capture again, and
// dissects without a reload.
func TestBrowserWorkerRestartsAfterExit(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	var frames [][]byte
	for seq := uint16(1); seq <= 3; seq++ {
		frames = append(frames, echoRequest(seq))
	}
	path := filepath.Join(t.TempDir(), "three.pcapng")
	require.NoError(t, os.WriteFile(path, pcapng(frames), 0o644))
	var ready bool
	b.run(t, "upload", chromedp.SetUploadFiles("#file", []string{path}, chromedp.ByQuery),
		chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready'`, &ready, chromedp.WithPollingTimeout(30*time.Second)))
	b.run(t, "mark the page", chromedp.Evaluate(`window.__samePage = 'yes'`, nil))
	// The page's one test hook (rpc.js): the worker disposes the module,
	// whose main() then returns, the same exit an out-of-memory would take.
	b.run(t, "end the Go program", chromedp.Evaluate(`document.dispatchEvent(new CustomEvent('icmplab-test-exit'))`, nil))
	var msg string
	b.run(t, "wait for the restart", chromedp.Poll(`(() => {
		const m = document.getElementById('message');
		return document.body.dataset.restarts && !m.hidden && document.getElementById('capture').dataset.state === 'ready' ? m.textContent : null;
	})()`, &msg, chromedp.WithPollingTimeout(30*time.Second)))
	assert.Contains(t, msg, "three.pcapng", "the message does not say the capture is read again")
	var rows int
	b.run(t, "rows again", chromedp.Poll(`(() => { const n = [...document.querySelectorAll('#vrows .vrow')].filter(r => r.children.length === 7).length; return n === 3 ? n : null; })()`,
		&rows, chromedp.WithPollingTimeout(10*time.Second)))
	checkTree(t, b.tree(t), frames[0], dissect.LayerIPv4)
	b.run(t, "open an example", chromedp.Evaluate(`(() => { const s = document.getElementById('examples'); s.value = '0/0'; s.dispatchEvent(new Event('change')); })()`, nil))
	b.waitTree(t)
	var same string
	b.run(t, "same page", chromedp.Evaluate(`window.__samePage || 'reloaded'`, &same))
	assert.Equal(t, "yes", same)
	b.noProblems(t)
}

// technicalLatin are the tokens a Korean page keeps in Latin letters, as
// Korean textbooks do: protocol, tool and format names, units, and the
// language buttons and key names (Ctrl-G), the operator XOR (the
// checksum's steps write "x XOR 0xffff"); link-layer names (the Starts at
// menu) and od's options (-Ax -tx1, the Format menu).
const technicalLatin = "XOR Linux SLL BSD OpenBSD PPP Cisco HDLC InfiniBand Solaris ipnet ARCNET Ax tx icmplab ICMP ICMPv4 ICMPv6 IPv4 IPv6 IP TTL hex pcap pcapng gz gzip tcpdump xxd hexdump od base64 Wireshark C Python Go WebAssembly main wasm EN KO IANA RFC UDP TCP MPLS ping traceroute tracepath mtr fping Kurose Ross x xx X p KB MB GB B ms e g JSON Lines CSV SVG ASCII A Ctrl G Enter Esc"

// allowedLatin is technicalLatin and the English words the codec's
// registry keeps beside its Korean terms ("경로 재지정 (Redirect)"): nothing
// is taken from the page itself, so a page string left in English cannot
// allow itself.
func allowedLatin(t *testing.T) map[string]bool {
	ok := map[string]bool{}
	for _, w := range strings.Fields(technicalLatin) {
		ok[strings.ToLower(w)] = true
	}
	word := regexp.MustCompile(`[A-Za-z]+`)
	for _, f := range []codec.Family{codec.IPv4, codec.IPv6} {
		for _, ti := range codec.Types(f) {
			terms := []string{ti.NameKO}
			for _, c := range ti.Codes {
				terms = append(terms, c.NameKO)
			}
			for _, s := range terms {
				for _, w := range word.FindAllString(s, -1) {
					ok[strings.ToLower(w)] = true
				}
			}
		}
	}
	// The dump dialects' Korean titles keep the commands that name them
	// (tcpdump -XX, text2pcap/K12, Python fromhex): textdump's words, not
	// the page's.
	for _, d := range textdump.Dialects() {
		for _, w := range word.FindAllString(d.TitleKO(), -1) {
			ok[strings.ToLower(w)] = true
		}
	}
	require.NotEmpty(t, ok, "the registry has bilingual terms")
	return ok
}

// koreanPageWords are the page's own words on screen: every visible text
// node, placeholder, label and title outside what the codec says (the
// tree, the hex, the explanations, the list's summaries, the examples'
// titles) and outside what the user typed. These are the page's
// controls, messages, list headers, story panel and cards: the check
// of codec/dissect's Korean words (tree labels, summaries, notes) is
// codec's own and complements this one.
const koreanPageWordsJS = `(() => {
	const codec = '#tree, #hex, #bitstrip, #summary, #detected .reason, #detected .tag, #teach .explain, #teach .tval, #teach .tname, #teach .quote, #teach .note, #teach .tags, #teach .mono, #teach .muted, #teach h3, #bits, #bitstitle, #version, #paste, #capname[data-user="name"], #vrows, #examples option, #examples optgroup, #ftype option, #btype option, #bcode option, #bfamily option, #quick .qtitle, #quick .qnote, #quick .qid, .lang, #story .addr, #story .mono, #story .rtts, #story svg, #ferr .ferr-expr, #ferr .ferr-msg, #fexpr, #cmptable, #cmphexa, #cmphexb, #cmptitle, #cmptreea li, #cmptreeb li, #story h3';
	const out = [];
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		const p = n.parentElement;
		if (!p || p.closest(codec) || !n.textContent.trim()) continue;
		if (p.closest('[hidden]')) continue;
		out.push(n.textContent.trim());
	}
	for (const e of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
		if (e.closest(codec) || e.closest('[hidden]')) continue;
		for (const a of ['placeholder', 'aria-label', 'title']) if (e.getAttribute(a)) out.push(e.getAttribute(a));
	}
	for (const o of document.querySelectorAll('option[value=""]')) out.push(o.textContent);
	out.push(document.title);
	return out;
})()`

// englishOnScreen lists the page's own words in Latin letters that are
// neither technical tokens nor the registry's bilingual terms.
func (b *browser) englishOnScreen(t *testing.T, ok map[string]bool, where string) []string {
	t.Helper()
	var seen []string
	b.run(t, "collect words "+where, chromedp.Evaluate(koreanPageWordsJS, &seen))
	word := regexp.MustCompile(`[A-Za-z]+`)
	hexNumber := regexp.MustCompile(`\b0x[0-9a-fA-F]+\b`) // a number, not a word
	var english []string
	for _, s := range seen {
		for _, w := range word.FindAllString(hexNumber.ReplaceAllString(s, ""), -1) {
			if !ok[strings.ToLower(w)] {
				english = append(english, fmt.Sprintf("%s: %q in %q", where, w, s))
			}
		}
	}
	return english
}

// A Korean share link shows the page in Korean at once: no control, label,
// heading, placeholder or message of the page's own in English, on the
// one packet of the link, on the traceroute capture with its list and
// story, with a bad filter's message, and with the export menu and the
// comparison open; the choice is remembered for the next visit, and the
// Hangul is drawn with a CJK font.
func TestBrowserKoreanShareLink(t *testing.T) {
	b := newBrowser(t)
	pkt := mplsTimeExceeded()
	b.run(t, "open Korean link", chromedp.Navigate(b.origin+"/#hex="+hex.EncodeToString(pkt)+"&lang=ko"),
		chromedp.WaitVisible(`#tree li[data-field="icmp"]`, chromedp.ByQuery))
	ok := allowedLatin(t)
	english := b.englishOnScreen(t, ok, "one packet")

	// The traceroute capture: list headers, counts, story panel.
	b.openTraceroute(t)
	b.run(t, "story shown", chromedp.Poll(`!document.getElementById('story').hidden && document.querySelectorAll('#story tr.hop').length > 0`, nil, chromedp.WithPollingTimeout(30*time.Second)))
	english = append(english, b.englishOnScreen(t, ok, "traceroute capture")...)
	b.hangulFont(t, "#story h2")

	// A bad filter: the message is shown, its words (the column) Korean.
	b.setFilter(t, "icmp.type ==")
	var col, msg string
	b.run(t, "filter error", chromedp.Poll(`(() => { const e = document.getElementById('ferr'); return e.hidden ? null : e.dataset.column; })()`, &col, chromedp.WithPollingTimeout(10*time.Second)),
		chromedp.Text("#ferr .ferr-msg", &msg, chromedp.ByQuery))
	assert.True(t, strings.HasPrefix(msg, b.pageT(t, "filterAt", col)), "the filter's message %q begins with the page's Korean %q", msg, b.pageT(t, "filterAt", col))
	assert.Regexp(t, `[가-힣]`, msg)
	english = append(english, b.englishOnScreen(t, ok, "bad filter")...)
	b.setFilter(t, "")

	// The export menu's entries and the comparison card.
	var exportOpts []string
	b.run(t, "export menu", chromedp.Evaluate(`[...document.querySelectorAll('#export option')].map(o => o.textContent)`, &exportOpts))
	for _, o := range exportOpts {
		for _, w := range regexp.MustCompile(`[A-Za-z]+`).FindAllString(o, -1) {
			if !ok[strings.ToLower(w)] {
				english = append(english, fmt.Sprintf("export menu: %q in %q", w, o))
			}
		}
	}
	b.run(t, "compare two rows", chromedp.Poll(`!!document.querySelector('#vrows .vrow.sel')`, nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate(`document.querySelector('#vrows .vrow[data-i="2"]').dispatchEvent(new MouseEvent('click', {bubbles: true, ctrlKey: true}))`, nil),
		chromedp.Poll(`!document.getElementById('compare').hidden`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	english = append(english, b.englishOnScreen(t, ok, "compare")...)
	b.hangulFont(t, "#compare h2 span")
	assert.Empty(t, english, "English words of the page's own in Korean")
	b.screenshot(t, "korean-traceroute.png")
	var htmlLang string
	b.run(t, "html lang", chromedp.Evaluate(`document.documentElement.lang`, &htmlLang))
	assert.Equal(t, "ko", htmlLang)
	b.screenshot(t, "korean-share-link.png")

	// Remembered: the next visit without lang in the link is Korean too.
	var again struct {
		Lang    string `json:"lang"`
		Heading string `json:"heading"`
	}
	b.run(t, "reload without lang", chromedp.Navigate(b.origin+"/"), chromedp.WaitVisible("body.ready", chromedp.ByQuery),
		chromedp.Evaluate(`({lang: document.documentElement.lang, heading: document.querySelector('#intro h2').textContent})`, &again))
	assert.Equal(t, "ko", again.Lang, "the language was not remembered")
	assert.NotContains(t, again.Heading, "What", "the language was not remembered")
	b.screenshot(t, "korean-landing.png")
	b.run(t, "narrow Korean", chromedp.EmulateViewport(400, 900), chromedp.Sleep(200*time.Millisecond))
	b.screenshot(t, "korean-phone.png")
	b.noProblems(t)
}

// The builder names the field to fix, in words, never a Go error, in
// English and Korean (the field's label in the page's words).
func TestBrowserBuilderNamesTheBadField(t *testing.T) {
	b := newBrowser(t)
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			b.open(t, "")
			b.setLang(t, l)
			var state struct {
				Msg     string `json:"msg"`
				Invalid string `json:"invalid"`
				Focus   string `json:"focus"`
			}
			b.run(t, "build with a bad source",
				chromedp.Click("#builder summary", chromedp.ByQuery),
				chromedp.SetValue("#bsrc", "not-an-ip", chromedp.ByQuery),
				chromedp.Click("#bbuild", chromedp.ByQuery),
				chromedp.Poll(`(() => { const m = document.getElementById('message'); return m.hidden ? null : {msg: m.textContent, invalid: document.getElementById('bsrc').getAttribute('aria-invalid') || '', focus: document.activeElement.id}; })()`,
					&state, chromedp.WithPollingTimeout(10*time.Second)))
			assert.NotContains(t, state.Msg, "ParseAddr")
			assert.NotContains(t, state.Msg, "icmplab.build")
			assert.True(t, strings.HasPrefix(state.Msg, b.pageT(t, "src")+": "), "%q names the field %q first", state.Msg, b.pageT(t, "src"))
			assert.Contains(t, state.Msg, `"not-an-ip"`)
			assert.Equal(t, "true", state.Invalid)
			assert.Equal(t, "bsrc", state.Focus)
		})
	}
	b.noProblems(t)
}

// A picture opened as a capture is refused with a message, not listed as
// "0 packets" above an empty table, in English and Korean.
func TestBrowserPictureIsNotACapture(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	img := image.NewRGBA(image.Rect(0, 0, 8, 8))
	img.Set(1, 1, color.RGBA{R: 255, A: 255})
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	path := filepath.Join(t.TempDir(), "photo.png")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			b.setLang(t, l)
			var got struct {
				Msg     string `json:"msg"`
				Capture bool   `json:"capture"`
			}
			b.run(t, "clear the message", chromedp.Evaluate(`document.getElementById('message').hidden = true`, nil))
			b.run(t, "open the picture", chromedp.SetUploadFiles("#file", []string{path}, chromedp.ByQuery),
				chromedp.Poll(`(() => { const m = document.getElementById('message'); return m.hidden ? null : {msg: m.textContent, capture: !document.getElementById('capture').hidden}; })()`,
					&got, chromedp.WithPollingTimeout(20*time.Second)))
			// The page's sentence, with the reader's reason after it.
			assert.True(t, strings.HasPrefix(got.Msg, strings.TrimSuffix(b.pageT(t, "notCapture", "photo.png", ""), ".")), "%q", got.Msg)
			if l == "en" {
				assert.Contains(t, got.Msg, "not a capture")
			}
			assert.False(t, got.Capture, "an empty capture list is still shown")
		})
	}
	b.noProblems(t)
}

// Filtering never leaves the details on a packet the list no longer
// shows, in English and Korean.
func TestBrowserFilterMovesTheDetails(t *testing.T) {
	b := newBrowser(t)
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			b.open(t, "")
			frames := [][]byte{echoRequest(1), echoRequest(2), mplsTimeExceeded()}
			path := filepath.Join(t.TempDir(), "mixed.pcapng")
			require.NoError(t, os.WriteFile(path, pcapng(frames), 0o644))
			b.setLang(t, l)
			b.upload(t, path)
			b.run(t, "details", chromedp.Poll(`!document.getElementById('work').hidden`, nil, chromedp.WithPollingTimeout(30*time.Second)))
			checkTreeIn(t, l, b.tree(t), frames[0], dissect.LayerIPv4) // the first echo is shown
			te := int(codec.ICMPv4TimeExceeded)
			b.run(t, "filter to time exceeded",
				chromedp.Evaluate(`(() => { const s = document.getElementById('ftype'); s.value = '4:`+fmt.Sprint(te)+`'; s.dispatchEvent(new Event('change')); })()`, nil),
				chromedp.Poll(`document.getElementById('capshown').textContent !== ''`, nil, chromedp.WithPollingTimeout(10*time.Second)))
			b.run(t, "details follow", chromedp.Poll(`document.querySelectorAll('#tree li[data-field="icmp.mpls.label"]').length > 0`, nil, chromedp.WithPollingTimeout(10*time.Second)))
			checkTreeIn(t, l, b.tree(t), frames[2], dissect.LayerIPv4)
			// A filter nothing passes leaves no details at all.
			var hidden bool
			b.run(t, "filter to nothing",
				chromedp.Evaluate(`(() => { const a = document.getElementById('faddr'); a.value = '203.0.113.254'; a.dispatchEvent(new Event('input')); })()`, nil),
				chromedp.Poll(`document.getElementById('work').hidden`, &hidden, chromedp.WithPollingTimeout(10*time.Second)))
		})
	}
	b.noProblems(t)
}

// Keyboard: Enter on an example card leaves focus on the result, and the
// hidden file input shows its focus on its visible label, in EN and KO.
func TestBrowserFocusAfterCardAndOnOpen(t *testing.T) {
	b := newBrowser(t)
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			b.open(t, "")
			b.setLang(t, l)
			var focus string
			b.run(t, "enter on a card",
				chromedp.Focus(`#quick .qcard[data-id="8/0"]`, chromedp.ByQuery),
				chromedp.KeyEvent(kb.Enter),
				chromedp.WaitVisible(`#tree li[data-field="icmp"]`, chromedp.ByQuery),
				chromedp.Poll(`document.activeElement && document.activeElement !== document.body ? document.activeElement.id : null`, &focus, chromedp.WithPollingTimeout(5*time.Second)))
			assert.Equal(t, "tree", focus)
			var ring struct {
				Active  string `json:"active"`
				Outline string `json:"outline"`
			}
			b.run(t, "tab to open capture",
				chromedp.Focus("#examples", chromedp.ByQuery),
				chromedp.KeyEvent(kb.Tab),
				chromedp.Evaluate(`({active: document.activeElement.id, outline: getComputedStyle(document.querySelector('label[for=file]')).outlineStyle})`, &ring))
			assert.Equal(t, "file", ring.Active)
			assert.NotEqual(t, "none", ring.Outline, "Open capture… shows no focus ring")
		})
	}
	b.noProblems(t)
}

// On a phone the list keeps its Summary column, so an echo can be told from
// a time exceeded, in English and Korean (the type's name in the codec's
// words of either language), with the column headers in the page's words.
func TestBrowserPhoneKeepsSummary(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	frames := [][]byte{echoRequest(1), mplsTimeExceeded()}
	path := filepath.Join(t.TempDir(), "two.pcapng")
	require.NoError(t, os.WriteFile(path, pcapng(frames), 0o644))
	b.run(t, "phone", chromedp.EmulateViewport(400, 900))
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			b.setLang(t, l)
			b.upload(t, path)
			var cells []struct {
				Text  string  `json:"text"`
				Width float64 `json:"width"`
			}
			b.run(t, "rows", chromedp.Poll(`(() => { const r = [...document.querySelectorAll('#vrows .vrow')].filter(r => r.children.length === 7); return r.length === 2 ? r.map(x => ({text: x.children[4].textContent, width: x.children[4].getBoundingClientRect().width})) : null; })()`,
				&cells, chromedp.WithPollingTimeout(20*time.Second)))
			for i, c := range cells {
				f := dissect.Dissect(frames[i], dissect.LayerIPv4, dissect.Options{})
				assert.Greater(t, c.Width, 40.0, "row %d: summary column %v px wide", i, c.Width)
				names := []string{f.ICMP.TypeName}
				if l == "ko" {
					names = append(names, codec.TypeNameKO(codec.IPv4, f.ICMP.Type))
				}
				assert.True(t, slices.ContainsFunc(names, func(n string) bool { return strings.Contains(c.Text, n) }), "row %d: %q names none of %q", i, c.Text, names)
			}
			var head string
			b.run(t, "summary header", chromedp.Text(`#list .vhead [data-sort="summary"]`, &head, chromedp.ByQuery))
			assert.Equal(t, b.pageT(t, "colSummary"), head)
			if l == "ko" {
				b.hangulFont(t, `#list .vhead [data-sort="summary"]`)
			}
			b.screenshot(t, "phone-capture-"+l+".png")
		})
	}
	b.noProblems(t)
}

// A space in the ASCII column is as tall as its neighbours when lit, in
// EN and KO (the Korean page's fonts must not change the cell's height).
func TestBrowserASCIISpaceHasNoHole(t *testing.T) {
	b := newBrowser(t)
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			pkt := echoRequest(2) // the payload has spaces
			at := bytes.IndexByte(pkt, ' ')
			require.Greater(t, at, 0)
			b.open(t, "#hex="+hex.EncodeToString(pkt))
			b.waitTree(t)
			b.setLang(t, l)
			b.waitTree(t)
			var h []float64
			b.run(t, "click the space", chromedp.Click(fmt.Sprintf(`#hex .b[data-o="%d"]`, at), chromedp.ByQuery),
				chromedp.Evaluate(fmt.Sprintf(`[%d, %d].map(o => document.querySelector('#hex .c[data-o="'+o+'"]').getBoundingClientRect().height)`, at, at-1), &h))
			require.Len(t, h, 2)
			assert.Greater(t, h[0], 0.0)
			assert.InDelta(t, h[1], h[0], 0.5, "the space's cell is %v px high, its neighbour %v", h[0], h[1])
			var lit bool
			b.run(t, "lit", chromedp.Evaluate(fmt.Sprintf(`document.querySelector('#hex .c[data-o="%d"]').classList.contains('hl')`, at), &lit))
			assert.True(t, lit)
		})
	}
	b.noProblems(t)
}

// For an error type the builder shows the quoted datagram, which can be
// edited, and hides identifier, sequence and data, which an error has not.
func TestBrowserBuilderErrorQuotes(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	probe := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 41000, DstPort: 33437, Length: 8 + 4}, []byte("abcd"), tHost, tTarget)
	quote := ipv4(tHost, tTarget, 1, codec.ProtoUDP, probe)
	te := fmt.Sprint(int(codec.ICMPv4TimeExceeded))
	var shown struct {
		ID    bool `json:"id"`
		Data  bool `json:"data"`
		Quote bool `json:"quote"`
	}
	b.run(t, "choose time exceeded",
		chromedp.Click("#builder summary", chromedp.ByQuery),
		chromedp.Evaluate(`(() => { const s = document.getElementById('btype'); s.value = '`+te+`'; s.dispatchEvent(new Event('change')); })()`, nil),
		chromedp.Poll(`(() => { const v = (id) => document.getElementById(id).offsetParent !== null; return v('bquote') ? {id: v('bid'), data: v('bdata'), quote: v('bquote')} : null; })()`,
			&shown, chromedp.WithPollingTimeout(10*time.Second)))
	assert.False(t, shown.ID, "identifier shown for an error")
	assert.False(t, shown.Data, "data shown for an error")
	var hexText string
	b.run(t, "build with a quote",
		chromedp.SetValue("#bquote", hex.EncodeToString(quote), chromedp.ByQuery),
		chromedp.Click("#bbuild", chromedp.ByQuery),
		chromedp.WaitVisible(`#tree li[data-field="icmp"]`, chromedp.ByQuery),
		chromedp.Value("#paste", &hexText, chromedp.ByQuery))
	pkt, err := hex.DecodeString(hexText)
	require.NoError(t, err)
	f := dissect.Dissect(pkt, dissect.LayerIPv4, dissect.Options{})
	require.NotNil(t, f.ICMP)
	assert.Equal(t, codec.ICMPv4TimeExceeded, f.ICMP.Type)
	require.NotNil(t, f.ICMP.Quoted, "the built error quotes no flow")
	assert.Equal(t, uint16(33437), f.ICMP.Quoted.DstPort)
	checkTree(t, b.tree(t), pkt, dissect.LayerIPv4)
	b.noProblems(t)
}
