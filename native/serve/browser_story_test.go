package serve_test

// Browser tests of the story panel and the guided lesson (issue 10). What
// a capture's exchanges are is asked of codec/story natively, over the
// very bytes the page was given (the example fetched through a second
// worker of the page's own), never written down here.

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/capture"
	"icmplab/codec/dissect"
	"icmplab/codec/story"
	"icmplab/native/internal/rttcheck"
)

// exampleHex asks a fresh worker of the page for an example's bytes.
func (b *browser) exampleHex(tb testing.TB, id string) string {
	tb.Helper()
	var h string
	b.run(tb, "fetch example "+id, chromedp.Evaluate(`new Promise((ok, fail) => {
		const w = new Worker('worker.js');
		w.onmessage = (e) => { if (e.data.id !== 1) return; w.terminate(); e.data.ok ? ok(JSON.parse(e.data.result).hex) : fail(new Error(e.data.error.message)); };
		w.postMessage({ id: 1, op: 'example', args: [`+strconv.Quote(id)+`, 'en'] });
	})`, &h, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	return h
}

// storyOf runs codec/story over a capture's bytes.
func storyOf(tb testing.TB, file []byte) *story.Result {
	tb.Helper()
	r, err := capture.NewReader(bytes.NewReader(file))
	require.NoError(tb, err)
	m := story.New(story.Options{})
	for i := 1; ; i++ {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(tb, err)
		l, _ := dissect.LayerForLinkType(uint32(p.LinkType))
		m.AddFrame(i, p.Time, p.Data, l)
	}
	return m.Result()
}

func (b *browser) openExample(tb testing.TB, id string) {
	tb.Helper()
	b.run(tb, "open example "+id, chromedp.Evaluate(`(() => { const s = document.getElementById('examples'); s.value = `+strconv.Quote(id)+`; s.dispatchEvent(new Event('change')); })()`, nil))
}

// The traceroute example: the hop table holds the codec's hops, and a
// click on a hop selects its probe and its answer in the list, with the
// sentence naming the probe under the answer.
func TestBrowserStoryTraceroute(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	raw, err := hex.DecodeString(b.exampleHex(t, "traceroute"))
	require.NoError(t, err)
	res := storyOf(t, raw)
	require.Len(t, res.Exchanges, 1)
	tr := res.Exchanges[0].Trace
	require.NotNil(t, tr)
	require.NotEmpty(t, tr.Hops)

	b.openExample(t, "traceroute")
	b.run(t, "wait for the story", chromedp.Poll(`document.querySelectorAll('#story tr.hop').length > 0`, nil, chromedp.WithPollingTimeout(30*time.Second)))
	b.waitTree(t)

	type row struct {
		TTL    string   `json:"ttl"`
		Addr   string   `json:"addr"`
		Probes []string `json:"probes"`
	}
	var rows []row
	b.run(t, "read the hop table", chromedp.Evaluate(`[...document.querySelectorAll('#story tr.hop')].map(tr => ({
		ttl: tr.querySelector('.ttl').textContent, addr: tr.querySelector('.addr').textContent,
		probes: [...tr.querySelectorAll('button.probe')].map(b => b.dataset.probe)}))`, &rows))
	require.Len(t, rows, len(tr.Hops))
	for i, h := range tr.Hops {
		assert.Equal(t, strconv.Itoa(int(h.TTL)), rows[i].TTL, "hop %d", i)
		want := "*"
		var probes []string
		for _, p := range h.Probes {
			probes = append(probes, strconv.Itoa(p.Frame))
			if p.Answer != nil && want == "*" {
				want = p.Answer.From.String()
			}
		}
		assert.Equal(t, want, rows[i].Addr, "hop %d (TTL %d)", i, h.TTL)
		assert.Equal(t, probes, rows[i].Probes, "hop %d (TTL %d)", i, h.TTL)
	}
	var end string
	b.run(t, "end", chromedp.Text("#story .end", &end, chromedp.ByQuery))
	assert.Contains(t, end, tr.Dst.String())

	// Click every hop: both packets selected, the answer in the tree with
	// the sentence naming its probe.
	for i, h := range tr.Hops {
		p := h.Probes[0]
		require.NotNil(t, p.Answer, "the example's hop %d is answered", h.TTL)
		want := []string{strconv.Itoa(p.Frame), strconv.Itoa(p.Answer.Frame)}
		var sel []string
		b.clickUntil(t, "click hop", `#story tr.hop:nth-of-type(`+strconv.Itoa(i+2)+`)`, "", `(() => {
			const s = [...document.querySelectorAll('#vrows .vrow.sel')].map(r => r.firstChild.textContent);
			const sum = document.getElementById('summary').textContent;
			return s.length === 2 && s.includes('`+want[1]+`') && sum ? s : null; })()`, &sel)
		assert.ElementsMatch(t, want, sel, "hop TTL %d", h.TTL)
		if sentence, ok := res.Sentence(p.Answer.Frame); ok {
			var ok bool
			b.run(t, "sentence of hop "+strconv.Itoa(int(h.TTL)), chromedp.Poll(`(() => { const q = document.querySelector('#teach .quote');
				return !!q && q.textContent.includes(`+strconv.Quote(sentence)+`); })()`, &ok, chromedp.WithPollingTimeout(20*time.Second)))
			assert.True(t, ok, "hop TTL %d: %s", h.TTL, sentence)
		}
	}
	// The picture: one arrow per probe, a click selects the same two.
	var arrows int
	b.run(t, "arrows", chromedp.Evaluate(`document.querySelectorAll('#story svg.tracepic g.arrow').length`, &arrows))
	assert.Equal(t, tr.Sent, arrows)
	b.run(t, "click an arrow", chromedp.Evaluate(`document.querySelector('#story svg.tracepic g.arrow').dispatchEvent(new MouseEvent('click', {bubbles: true}))`, nil))
	first := tr.Hops[0].Probes[0]
	var sel []string
	b.run(t, "arrow selection", chromedp.Poll(`(() => { const s = [...document.querySelectorAll('#vrows .vrow.sel')].map(r => r.firstChild.textContent);
		return s.includes('`+strconv.Itoa(first.Answer.Frame)+`') && s.length === 2 ? s : null; })()`, &sel, chromedp.WithPollingTimeout(20*time.Second)))
	assert.ElementsMatch(t, []string{strconv.Itoa(first.Frame), strconv.Itoa(first.Answer.Frame)}, sel)
	b.noProblems(t)
}

// The ping example: a row per request, lost ones marked as the codec says.
func TestBrowserStoryPing(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	raw, err := hex.DecodeString(b.exampleHex(t, "ping"))
	require.NoError(t, err)
	res := storyOf(t, raw)
	require.NotEmpty(t, res.Exchanges)
	p := res.Exchanges[0].Ping
	require.NotNil(t, p)
	b.openExample(t, "ping")
	b.run(t, "wait for the story", chromedp.Poll(`document.querySelectorAll('#story tr.req').length > 0`, nil, chromedp.WithPollingTimeout(30*time.Second)))
	var lost, replies, bars int
	b.run(t, "read the ping table",
		chromedp.Evaluate(`document.querySelectorAll('#story tr.req.lost').length`, &lost),
		chromedp.Evaluate(`document.querySelectorAll('#story tr.req.ok, #story tr.req.dup').length`, &replies),
		chromedp.Evaluate(`document.querySelectorAll('#story svg.rttchart rect.bar').length`, &bars))
	assert.Equal(t, len(p.Lost), lost)
	assert.Equal(t, len(p.Replies), replies)
	assert.Positive(t, bars)
	b.noProblems(t)
}

// lessonTarget is the selector of the right answer to a step's question,
// worked out natively: a byte of the field the codec dissects there, or
// the packet or router codec/story says.
func (b *browser) lessonTarget(tb testing.TB, step int) string {
	tb.Helper()
	ids := []string{"8/0", "3/3", "11/0", "ping", "4/0", "traceroute"}
	raw, err := hex.DecodeString(b.exampleHex(tb, ids[step-1]))
	require.NoError(tb, err)
	byteOf := func(field string, last bool) string {
		f := dissect.Dissect(raw, dissect.LayerAuto, dissect.Options{})
		var all []*dissect.Node
		walk(f.Root, &all)
		var n *dissect.Node
		for _, x := range all {
			if x.Field == field {
				n = x
				break
			}
		}
		require.NotNil(tb, n, "step %d: no %s", step, field)
		if last {
			n = n.Kids[len(n.Kids)-1]
		}
		return `#lesson .lbyte[data-off="` + strconv.Itoa(n.Offset) + `"]`
	}
	switch step {
	case 1:
		return byteOf("ip.proto", false)
	case 2:
		return byteOf("icmp.code", false)
	case 3:
		return byteOf("icmp.quote", true) // the quote's first 8 payload bytes
	case 5:
		return byteOf("ip.src", false)
	case 4:
		p := storyOf(tb, raw).Exchanges[0].Ping
		require.NotNil(tb, p)
		for _, r := range p.Replies {
			if !r.Dup {
				return `#lesson .lchoice:nth-child(` + strconv.Itoa(r.ReplyFrame) + `)` // the choices are the frames in order
			}
		}
	case 6:
		tr := storyOf(tb, raw).Exchanges[0].Trace
		require.NotNil(tb, tr)
		for _, h := range tr.Hops {
			if h.TTL == 3 {
				return `#lesson .lchoice[data-addr="` + h.Probes[0].Answer.From.String() + `"]`
			}
		}
	}
	tb.Fatalf("step %d: no answer", step)
	return ""
}

// The lesson, walked from step 1 to 6 in English and in Korean: each
// question answered by clicking, the answer shown, Next to the end and
// back to the workbench.
func TestBrowserLesson(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	targets := map[int]string{}
	for step := 1; step <= 6; step++ {
		targets[step] = b.lessonTarget(t, step)
	}
	for _, l := range []string{"en", "ko"} {
		b.run(t, "language "+l, chromedp.Click(`.lang button[data-lang="`+l+`"]`, chromedp.ByQuery))
		b.run(t, "open the lesson", chromedp.Click("#lessonBtn", chromedp.ByQuery))
		var titles []string
		for step := 1; step <= 6; step++ {
			s := strconv.Itoa(step)
			b.run(t, "step "+s, chromedp.Poll(`(() => { const x = document.getElementById('lesson'); return !x.hidden && x.dataset.step === '`+s+`' && x.dataset.state === 'ready'; })()`,
				nil, chromedp.WithPollingTimeout(30*time.Second)))
			// A wrong click first (the first choice or byte that is not the answer) says so.
			var wrong string
			b.run(t, "wrong answer step "+s,
				// Byte 0 (the IP version) answers no step's question.
				chromedp.Evaluate(`(() => { const right = document.querySelector(`+strconv.Quote(targets[step])+`);
					const other = [document.querySelector('#lesson .lbyte[data-off="0"]'), ...document.querySelectorAll('#lesson .lchoice')].find(e => e && e !== right);
					other.click(); })()`, nil),
				chromedp.Poll(`document.getElementById('lesson').dataset.answered || null`, &wrong, chromedp.WithPollingTimeout(10*time.Second)))
			assert.Equal(t, "wrong", wrong, "%s step %d: a wrong click", l, step)
			var title, answer, said string
			b.run(t, "answer step "+s,
				chromedp.Text("#lesson h2", &title, chromedp.ByQuery),
				chromedp.Click(targets[step], chromedp.ByQuery),
				chromedp.Poll(`document.getElementById('lesson').dataset.answered || null`, &answer, chromedp.WithPollingTimeout(10*time.Second)),
				chromedp.Text("#lesson .lanswer", &said, chromedp.ByQuery))
			assert.Equal(t, "right", answer, "%s step %d: %s", l, step, said)
			assert.NotEmpty(t, said)
			if l == "ko" {
				assert.Regexp(t, `[가-힣]`, title+said, "step %d in Korean", step)
			}
			titles = append(titles, title)
			b.run(t, "next", chromedp.Click("#lesson .lnext", chromedp.ByQuery))
		}
		assert.Len(t, titles, 6)
		var inLesson bool
		b.run(t, "back on the workbench", chromedp.Evaluate(`document.body.classList.contains('in-lesson') || !document.getElementById('lesson').hidden`, &inLesson))
		assert.False(t, inLesson, "Finish goes back to the workbench")
		// Previous works too: open, go to 2 and back to 1.
		b.run(t, "previous", chromedp.Click("#lessonBtn", chromedp.ByQuery),
			chromedp.Poll(`document.getElementById('lesson').dataset.state === 'ready'`, nil),
			chromedp.Click("#lesson .lnext", chromedp.ByQuery),
			chromedp.Poll(`document.getElementById('lesson').dataset.step === '2' && document.getElementById('lesson').dataset.state === 'ready'`, nil),
			chromedp.Click("#lesson .lprev", chromedp.ByQuery),
			chromedp.Poll(`document.getElementById('lesson').dataset.step === '1' && document.getElementById('lesson').dataset.state === 'ready'`, nil),
			chromedp.Click("#lesson .lback", chromedp.ByQuery))
	}
	b.noProblems(t)
}

// ---------------------------------------------------------------- recorded captures

// recordedDir holds captures of the real tools with what each printed
// (made by native/story's live test in namespaces).
var recordedDir = filepath.Join("..", "story", "testdata")

// printedProbe is one probe of a traceroute hop line: its round trip, or
// silent ("*").
type printedProbe struct {
	silent bool
	rtt    float64
}

// printedHop is one hop line of traceroute -n.
type printedHop struct {
	ttl    int
	addr   string // the first address printed, "*" when none
	probes []printedProbe
	marks  []string
}

var (
	printedHopRE   = regexp.MustCompile(`^\s*(\d+)\s+(.*)$`)
	printedTraceRE = regexp.MustCompile(`^traceroute to (\S+) `)
)

// readTraceroute reads what traceroute printed: its destination and hops.
func readTraceroute(tb testing.TB, name string) (string, []printedHop) {
	tb.Helper()
	out, err := os.ReadFile(filepath.Join(recordedDir, name+".out"))
	require.NoError(tb, err)
	var dst string
	var hops []printedHop
	for _, line := range strings.Split(string(out), "\n") {
		if m := printedTraceRE.FindStringSubmatch(line); m != nil {
			dst = m[1]
			continue
		}
		m := printedHopRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		h := printedHop{addr: "*"}
		h.ttl, _ = strconv.Atoi(m[1])
		f := strings.Fields(m[2])
		for i := 0; i < len(f); i++ {
			switch tok := f[i]; {
			case tok == "*":
				h.probes = append(h.probes, printedProbe{silent: true})
			case strings.HasPrefix(tok, "!"):
				h.marks = append(h.marks, tok)
			case i+1 < len(f) && f[i+1] == "ms":
				v, err := strconv.ParseFloat(tok, 64)
				require.NoError(tb, err, line)
				h.probes = append(h.probes, printedProbe{rtt: v})
				i++
			default:
				_, err := netip.ParseAddr(tok)
				require.NoError(tb, err, "token %q of %q", tok, line)
				if h.addr == "*" {
					h.addr = tok
				}
			}
		}
		hops = append(hops, h)
	}
	require.NotEmpty(tb, dst, "%s.out names no destination", name)
	require.NotEmpty(tb, hops, "%s.out has no hop line", name)
	return dst, hops
}

// endKey is the story's end reason as traceroute's output shows it: the
// destination on the last line (reached), a !H/!N/!P/!X mark (unreachable),
// or only stars at the end (the destination stayed silent).
func endKey(dst string, hops []printedHop) string {
	last := hops[len(hops)-1]
	switch {
	case len(last.marks) > 0:
		return "unreachable"
	case last.addr == dst:
		return "reached"
	case last.addr == "*":
		return "silent"
	}
	return "stopped"
}

// Recorded traceroute runs opened through the file input, in English and
// Korean: the hop table says what traceroute printed (TTL, address, each
// probe answered or `*`, round trips within the tool's, the end), and a
// click on each hop selects its probe and its answer in the list, with
// the answer in the tree quoting that very probe.
func TestBrowserStoryRecordedTraceroute(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	for _, l := range langs {
		b.setLang(t, l)
		for _, name := range []string{"traceroute_udp4", "traceroute_silent4"} {
			t.Run(l+"/"+name, func(t *testing.T) {
				dst, printed := readTraceroute(t, name)
				path := filepath.Join(recordedDir, name+".pcap")
				raw, err := os.ReadFile(path)
				require.NoError(t, err)
				res := storyOf(t, raw) // the frames of each probe and answer
				require.Len(t, res.Exchanges, 1)
				tr := res.Exchanges[0].Trace
				require.NotNil(t, tr)
				frames := framesOf(t, raw)

				b.upload(t, path)
				b.run(t, "wait for the story", chromedp.Poll(`document.querySelectorAll('#story tr.hop').length > 0`, nil, chromedp.WithPollingTimeout(30*time.Second)))
				type row struct {
					TTL    string   `json:"ttl"`
					Addr   string   `json:"addr"`
					Silent bool     `json:"silent"`
					Probes []string `json:"probes"`
					Quiet  []bool   `json:"quiet"`
				}
				var rows []row
				b.run(t, "read the hop table", chromedp.Evaluate(`[...document.querySelectorAll('#story tr.hop')].map(tr => ({
					ttl: tr.querySelector('.ttl').textContent, addr: tr.querySelector('.addr').textContent, silent: tr.classList.contains('silent'),
					probes: [...tr.querySelectorAll('button.probe')].map(b => b.textContent),
					quiet: [...tr.querySelectorAll('button.probe')].map(b => b.classList.contains('silent'))}))`, &rows))
				require.Len(t, rows, len(printed), "one row per hop line traceroute printed")
				for i, h := range printed {
					r := rows[i]
					assert.Equal(t, strconv.Itoa(h.ttl), r.TTL, "hop %d", i+1)
					assert.Equal(t, h.addr, r.Addr, "TTL %d: the address traceroute printed", h.ttl)
					assert.Equal(t, h.addr == "*", r.Silent, "TTL %d: a silent hop is marked", h.ttl)
					require.Len(t, r.Probes, len(h.probes), "TTL %d: one button per probe traceroute printed", h.ttl)
					for k, p := range h.probes {
						assert.Equal(t, p.silent, r.Quiet[k], "TTL %d probe %d: answered or *", h.ttl, k+1)
						if p.silent {
							assert.Equal(t, "*", r.Probes[k], "TTL %d probe %d", h.ttl, k+1)
							continue
						}
						got, err := strconv.ParseFloat(strings.TrimSuffix(r.Probes[k], " ms"), 64)
						require.NoError(t, err, "TTL %d probe %d: %q", h.ttl, k+1, r.Probes[k])
						assert.LessOrEqual(t, got-p.rtt, rttcheck.Ms(rttcheck.Ahead), "TTL %d probe %d: %.3f ms on the page, traceroute printed %.3f", h.ttl, k+1, got, p.rtt)
						assert.LessOrEqual(t, p.rtt-got, rttcheck.Ms(rttcheck.Stall), "TTL %d probe %d", h.ttl, k+1)
					}
				}
				var end string
				b.run(t, "end", chromedp.Text("#story .end", &end, chromedp.ByQuery))
				assert.Equal(t, b.pageT(t, "storyEnd_"+endKey(dst, printed), dst, ""), end)

				// A click on each hop selects its probe and answer (the
				// probe alone when the hop was silent), in the list and in
				// the tree; so does a click on each probe's round trip.
				require.Len(t, tr.Hops, len(printed))
				for i, h := range tr.Hops {
					hop := `#story tr.hop:nth-of-type(` + strconv.Itoa(i+2) + `)`
					first := h.Probes[0]
					for _, q := range h.Probes {
						if q.Answer != nil {
							first = q
							break
						}
					}
					b.clickSelects(t, hop+` .ttl`, &first, frames, fmt.Sprintf("TTL %d", h.TTL))
					for k, p := range h.Probes {
						b.clickSelects(t, hop+` button.probe:nth-of-type(`+strconv.Itoa(k+1)+`)`, &p, frames, fmt.Sprintf("TTL %d probe %d", h.TTL, k+1))
					}
				}
				if l == "ko" {
					b.hangulFont(t, "#story h2")
					b.screenshot(t, "story-"+name+"-ko.png")
				}
			})
		}
	}
	b.noProblems(t)
}

// clickSelects clicks sel in the story panel and checks that the probe p
// and its answer (if any) are what the page selects: in the list, both
// rows; in the tree, the answer quoting the probe (or the probe alone).
func (b *browser) clickSelects(tb testing.TB, sel string, p *story.Probe, frames []*dissect.Frame, what string) {
	tb.Helper()
	want := []string{strconv.Itoa(p.Frame)}
	shown := p.Frame // the tree shows the last frame selected
	if p.Answer != nil {
		want = append(want, strconv.Itoa(p.Answer.Frame))
		shown = p.Answer.Frame
	}
	var picked string
	b.clickUntil(tb, "click "+what, sel, `document.getElementById('story').dataset.selected = ''`, `document.getElementById('story').dataset.selected || null`, &picked)
	assert.ElementsMatch(tb, want, strings.Split(picked, ","), "%s: the frames a click selects", what)
	var rows []string
	b.run(tb, "selected rows", chromedp.Poll(`(() => {
		const s = [...document.querySelectorAll('#vrows .vrow.sel')].map(r => r.firstChild.textContent);
		const want = `+strconv.Quote(picked)+`.split(',');
		return s.length === want.length && want.every(w => s.includes(w)) && document.getElementById('summary').textContent ? s : null; })()`,
		&rows, chromedp.WithPollingTimeout(20*time.Second)))
	assert.ElementsMatch(tb, want, rows, "%s: probe and answer selected in the list", what)
	b.checkTreeShows(tb, frames[shown-1], frames[p.Frame-1], what)
}

// checkTreeShows checks that the tree shows shown (by its source address)
// and that it is, or quotes, probe (by the probe's UDP source port and IP
// identification, which name one probe of a traceroute run).
func (b *browser) checkTreeShows(tb testing.TB, fs, fp *dissect.Frame, what string) {
	tb.Helper()
	field := func(f *dissect.Frame, id string, last bool) string {
		var all []*dissect.Node
		walk(f.Root, &all)
		v := ""
		for _, n := range all {
			if n.Field == id {
				v = n.Value
				if !last {
					break
				}
			}
		}
		require.NotEmpty(tb, v, "no %s natively", id)
		return v
	}
	want := map[string]string{"src": field(fs, "ip.src", false), "port": field(fp, "udp.srcport", false), "ipid": field(fp, "ip.id", false)}
	read := `(() => {
		const v = (f, last) => { const all = [...document.querySelectorAll('#tree li[data-field="' + f + '"] > .trow > .tvalue')]; const e = last ? all[all.length - 1] : all[0]; return e ? e.textContent : ''; };
		return {src: v('ip.src', false), port: v('udp.srcport', true), ipid: v('ip.id', true)}; })()`
	wantJS, _ := json.Marshal(want)
	// The tree is drawn when the worker answers: wait for it, then read
	// what it shows (the same on a timeout, for the message).
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	_ = chromedp.Run(ctx, chromedp.Poll(`(() => { const g = `+read+`, w = `+string(wantJS)+`; return Object.keys(w).every(k => g[k] === w[k]); })()`, nil))
	cancel()
	var got map[string]string
	b.run(tb, "tree of "+what, chromedp.Evaluate(read, &got))
	assert.Equal(tb, want, got, "%s: the tree shows the answer quoting the probe", what)
}

// framesOf dissects a capture's frames natively, each from its link layer.
func framesOf(tb testing.TB, file []byte) []*dissect.Frame {
	tb.Helper()
	r, err := capture.NewReader(bytes.NewReader(file))
	require.NoError(tb, err)
	var out []*dissect.Frame
	for {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			return out
		}
		require.NoError(tb, err)
		l, _ := dissect.LayerForLinkType(uint32(p.LinkType))
		out = append(out, dissect.Dissect(append([]byte(nil), p.Data...), l, dissect.Options{Number: len(out) + 1}))
	}
}

// printedReply is one reply line of iputils ping.
type printedReply struct {
	seq, ttl int
	rtt      float64
	dup      bool
}

var (
	printedReplyRE = regexp.MustCompile(`^\d+ bytes from \S+: icmp_seq=(\d+) ttl=(\d+) time=([0-9.]+) ms( \(DUP!\))?$`)
	printedStatsRE = regexp.MustCompile(`^(\d+) packets transmitted, (\d+) received(?:, \+(\d+) duplicates)?`)
)

// readPing reads what ping printed: its replies, and how many requests it
// sent and saw answered.
func readPing(tb testing.TB, name string) (replies []printedReply, transmitted, received, dups int) {
	tb.Helper()
	out, err := os.ReadFile(filepath.Join(recordedDir, name+".out"))
	require.NoError(tb, err)
	for _, line := range strings.Split(string(out), "\n") {
		if m := printedReplyRE.FindStringSubmatch(line); m != nil {
			r := printedReply{dup: m[4] != ""}
			r.seq, _ = strconv.Atoi(m[1])
			r.ttl, _ = strconv.Atoi(m[2])
			r.rtt, _ = strconv.ParseFloat(m[3], 64)
			replies = append(replies, r)
		}
		if m := printedStatsRE.FindStringSubmatch(line); m != nil {
			transmitted, _ = strconv.Atoi(m[1])
			received, _ = strconv.Atoi(m[2])
			dups, _ = strconv.Atoi(m[3])
		}
	}
	require.NotZero(tb, transmitted, "%s.out has no statistics line", name)
	return replies, transmitted, received, dups
}

// Recorded iputils ping runs (one whose destination dropped requests, one
// that saw duplicates) opened through the file input, in English and
// Korean: each reply ping printed is a row with its sequence and TTL, the
// round trip within ping's, a duplicate marked as ping marked it (DUP!),
// and every sequence ping sent without a reply marked lost.
func TestBrowserStoryRecordedPing(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	for _, l := range langs {
		b.setLang(t, l)
		for _, name := range []string{"ping_drops4", "ping_dups4"} {
			t.Run(l+"/"+name, func(t *testing.T) {
				printed, transmitted, received, dups := readPing(t, name)
				b.upload(t, filepath.Join(recordedDir, name+".pcap"))
				b.run(t, "wait for the story", chromedp.Poll(`document.querySelectorAll('#story tr.req').length > 0`, nil, chromedp.WithPollingTimeout(30*time.Second)))
				type row struct {
					Class string   `json:"class"`
					Cells []string `json:"cells"`
				}
				var rows []row
				b.run(t, "read the ping table", chromedp.Evaluate(`[...document.querySelectorAll('#story tr.req')].map(tr => ({
					class: [...tr.classList].filter(c => c !== 'req').join(' '), cells: [...tr.children].map(td => td.textContent)}))`, &rows))
				state := map[string]string{}
				for _, s := range []string{"ok", "dup", "lost"} {
					state[s] = b.pageT(t, "storyState_"+s)
				}
				// The page's rows by state, in order.
				bySeq := map[string][]row{}
				for _, r := range rows {
					require.Len(t, r.Cells, 4, "%+v", r)
					assert.Equal(t, state[r.Class], r.Cells[3], "seq %s: the state cell says %s", r.Cells[0], r.Class)
					bySeq[r.Class] = append(bySeq[r.Class], r)
				}
				// Each reply ping printed is a row: its sequence, TTL and round trip.
				answered := map[int]bool{}
				last := 0
				for _, p := range printed {
					last = max(last, p.seq)
					class := "ok"
					if p.dup {
						class = "dup"
					} else {
						answered[p.seq] = true
					}
					var found *row
					for k, r := range bySeq[class] {
						if r.Cells[0] == strconv.Itoa(p.seq) && r.Cells[2] == strconv.Itoa(p.ttl) {
							found = &bySeq[class][k]
							bySeq[class] = append(bySeq[class][:k:k], bySeq[class][k+1:]...)
							break
						}
					}
					require.NotNil(t, found, "ping printed icmp_seq=%d ttl=%d (dup %v); the page has no %s row for it: %+v", p.seq, p.ttl, p.dup, class, rows)
					got, err := strconv.ParseFloat(strings.TrimSuffix(found.Cells[1], " ms"), 64)
					require.NoError(t, err, "seq %d: %q", p.seq, found.Cells[1])
					assert.LessOrEqual(t, got-p.rtt, rttcheck.Ms(rttcheck.Ahead), "seq %d: %.3f ms on the page, ping printed %.3f", p.seq, got, p.rtt)
					assert.LessOrEqual(t, p.rtt-got, rttcheck.Ms(rttcheck.Stall), "seq %d", p.seq)
				}
				assert.Empty(t, bySeq["ok"], "replies ping never printed")
				// A duplicate that came after ping had stopped listening is
				// in the capture but not in ping's output: only after its
				// last line.
				for _, r := range bySeq["dup"] {
					seq, _ := strconv.Atoi(r.Cells[0])
					assert.GreaterOrEqual(t, seq, last, "a duplicate ping did not print, before its last reply: %+v", r)
				}
				// Lost: every sequence ping sent that got no reply.
				var wantLost, gotLost []string
				for seq := 1; seq <= transmitted; seq++ {
					if !answered[seq] {
						wantLost = append(wantLost, strconv.Itoa(seq))
					}
				}
				for _, r := range bySeq["lost"] {
					gotLost = append(gotLost, r.Cells[0])
					assert.Equal(t, []string{"—", "—"}, r.Cells[1:3], "a lost request has no round trip and no TTL")
				}
				assert.Equal(t, wantLost, gotLost, "lost requests")
				assert.Len(t, answered, received, "ping's received count")
				var stats string
				b.run(t, "statistics", chromedp.Text("#story section.ping p.muted", &stats, chromedp.ByQuery))
				pageDups := dups + len(bySeq["dup"])
				assert.Equal(t, b.pageT(t, "storyPingStats", transmitted, received, pageDups), stats)
				var bars, crosses int
				b.run(t, "chart", chromedp.Evaluate(`document.querySelectorAll('#story svg.rttchart rect.bar').length`, &bars),
					chromedp.Evaluate(`document.querySelectorAll('#story svg.rttchart text.lostmark').length`, &crosses))
				assert.Equal(t, received, bars, "one bar per answered request")
				assert.Equal(t, len(wantLost), crosses, "one cross per lost request")
				if l == "ko" {
					b.hangulFont(t, "#story h2")
					b.screenshot(t, "story-"+name+"-ko.png")
				}
			})
		}
	}
	b.noProblems(t)
}

// TestBrowserStoryPingErrors: a request answered by a time exceeded is one
// row (the error's), not also a lost row, and a lost row selects its own
// request (the codec lists errored requests as lost too, as iputils counts
// them). The capture is built by the codec: seq 1 answered, 2 expired at a
// router, 3 lost, 4 answered.
func TestBrowserStoryPingErrors(t *testing.T) {
	src, dst, router := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.3.2"), netip.MustParseAddr("198.18.1.2")
	t0 := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	ip := func(s, d netip.Addr, ttl uint8, payload []byte) []byte {
		return codec.IPv4Header{TTL: ttl, Protocol: codec.ProtoICMP, Src: s, Dst: d, ID: uint16(len(payload)) + uint16(ttl)}.AppendDatagram(nil, payload)
	}
	echo := func(s, d netip.Addr, ttl uint8, typ codec.Type, seq uint16) []byte {
		return ip(s, d, ttl, codec.Append(nil, codec.Header{Family: codec.IPv4, Type: typ}, codec.Echo{ID: 77, Seq: seq, Data: make([]byte, 56)}))
	}
	var buf bytes.Buffer
	w, err := capture.NewNgWriter(&buf, capture.LinkRaw)
	require.NoError(t, err)
	frame := 0
	put := func(ms int, b []byte) int {
		require.NoError(t, w.WritePacket(t0.Add(time.Duration(ms)*time.Millisecond), b, len(b)))
		frame++
		return frame
	}
	requestFrame := map[uint16]int{}
	for seq := uint16(1); seq <= 4; seq++ {
		req := echo(src, dst, 64, codec.ICMPv4EchoRequest, seq)
		requestFrame[seq] = put(int(seq)*1000, req)
		switch seq {
		case 2:
			quote := append([]byte(nil), req[:28]...)
			put(int(seq)*1000+1, ip(router, src, 64, codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded}, codec.ErrorBody{Quote: quote})))
		case 3:
		default:
			put(int(seq)*1000+2, echo(dst, src, 62, codec.ICMPv4EchoReply, seq))
		}
	}
	file := filepath.Join(t.TempDir(), "ping-errors.pcapng")
	require.NoError(t, os.WriteFile(file, buf.Bytes(), 0o644))

	b := newBrowser(t)
	b.open(t, "")
	for _, l := range langs {
		t.Run(l, func(t *testing.T) {
			b.setLang(t, l)
			b.upload(t, file)
			b.run(t, "wait for the story", chromedp.Poll(`document.querySelectorAll('#story tr.req').length > 0`, nil, chromedp.WithPollingTimeout(30*time.Second)))
			var rows [][]string
			b.run(t, "read the ping table", chromedp.Evaluate(`[...document.querySelectorAll('#story tr.req')].map(tr =>
				[tr.children[0].textContent, [...tr.classList].filter(c => c !== 'req').join(' ')])`, &rows))
			assert.Equal(t, [][]string{{"1", "ok"}, {"2", "error"}, {"3", "lost"}, {"4", "ok"}}, rows)
			// The error row selects request 2 and its error, the lost row
			// request 3 alone.
			for k, want := range map[int][]string{1: {strconv.Itoa(requestFrame[2]), strconv.Itoa(requestFrame[2] + 1)}, 2: {strconv.Itoa(requestFrame[3])}} {
				var picked string
				b.run(t, "click row "+strconv.Itoa(k), chromedp.Evaluate(`document.getElementById('story').dataset.selected = ''`, nil),
					chromedp.Evaluate(fmt.Sprintf(`document.querySelectorAll('#story tr.req')[%d].click()`, k), nil),
					chromedp.Poll(`document.getElementById('story').dataset.selected || null`, &picked, chromedp.WithPollingTimeout(10*time.Second)))
				assert.ElementsMatch(t, want, strings.Split(picked, ","), "row %d (%v) selects", k, rows[k])
			}
		})
	}
	b.noProblems(t)
}
