package serve_test

// Browser test of issue 14's "Korean everywhere" for the codec's own words:
// a Korean share link of an echo, of a time exceeded quoting a UDP probe and
// of a malformed packet shows the summary line, the tree's labels, the quote
// sentence and the notes in Korean, as codec/dissect writes them natively.

import (
	"encoding/hex"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// koWords is what a Korean page shows of the codec's words for one packet.
type koWords struct {
	Summary string   `json:"summary"`
	Labels  []string `json:"labels"`
	Quote   string   `json:"quote"`
	Notes   []string `json:"notes"`
	Marks   []string `json:"marks"`
}

// latinLeft is every Latin word of s a Korean reader would have to read as
// English: bilingual terms in parentheses, "(Time to Live)", and in square
// brackets are set aside when they stand beside Hangul, as are hex numbers,
// addresses and the technical tokens of allowed.
func latinLeft(s string, allowed map[string]bool) []string {
	paren := regexp.MustCompile(`\(([^()\p{Hangul}]*)\)`)
	s = regexp.MustCompile(`0x[0-9a-fA-F]+`).ReplaceAllString(s, " ")
	// A parenthesised term without Hangul is the English beside a Korean
	// term: removed innermost first, while it stands beside Hangul.
	if regexp.MustCompile(`\p{Hangul}`).MatchString(s) {
		for {
			t := paren.ReplaceAllString(s, " ")
			if t == s {
				break
			}
			s = t
		}
	}
	hexWord := regexp.MustCompile(`^[0-9a-fA-F]*[0-9][0-9a-fA-F]*$`) // hex digits, an IPv6 address's groups
	var out []string
	for _, w := range regexp.MustCompile(`[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*`).FindAllString(s, -1) {
		if !allowed[strings.ToLower(w)] && !hexWord.MatchString(w) {
			out = append(out, w)
		}
	}
	return out
}

func malformedEcho() []byte {
	b := echoRequest(7)
	b[3] += 40 // the total length promises 40 bytes that are not there
	return b
}

func udpTimeExceeded() []byte {
	probe := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33435, Length: 8 + 12}, []byte("traceroute!!"), tHost, tTarget)
	quote := ipv4(tHost, tTarget, 1, codec.ProtoUDP, probe)
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded, Code: codec.CodeTTLExceeded},
		codec.ErrorBody{Quote: quote})
	return ipv4(tRouter, tHost, 254, codec.ProtoICMP, msg)
}

func TestBrowserKoreanCodecWords(t *testing.T) {
	b := newBrowser(t)
	// Hangul drawn, not boxes, in the screenshots: fontconfig must offer
	// Chromium a Korean font (fonts-noto-cjk, installed by .ci/run).
	out, err := exec.Command("fc-list", ":lang=ko", "family").Output()
	require.NoError(t, err, "fc-list")
	require.NotEmpty(t, strings.TrimSpace(string(out)), "no font with Korean glyphs: apt-get install fonts-noto-cjk")
	// Technical tokens a Korean textbook keeps as they are, and the field
	// names of the summary (id=, seq=, ttl=, as tshark and filters write them).
	allowed := allowedLatin(t)
	for _, w := range strings.Fields("id seq ttl hlim mtu") {
		allowed[w] = true
	}
	for _, c := range []struct {
		name  string
		pkt   []byte
		quote bool
		notes bool
	}{
		{"echo", echoRequest(3), false, false},
		{"time-exceeded", udpTimeExceeded(), true, false},
		{"malformed", malformedEcho(), false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			native := dissect.Dissect(c.pkt, dissect.LayerIPv4, dissect.Options{Lang: dissect.LangKO})
			b.run(t, "desktop", chromedp.EmulateViewport(1400, 1000))
			b.run(t, "blank", chromedp.Navigate("about:blank"))
			b.run(t, "open Korean link", chromedp.Navigate(b.origin+"/#hex="+hex.EncodeToString(c.pkt)+"&layer=ipv4&lang=ko"))
			b.waitTree(t)
			// The teaching panel is drawn after a registry lookup: wait for it.
			b.run(t, "wait for the panel", chromedp.Poll(`document.querySelector('#teach .tname') !== null`, nil, chromedp.WithPollingTimeout(10*time.Second)))
			var got koWords
			b.run(t, "collect codec words", chromedp.Evaluate(`(() => {
				const q = document.querySelector('#teach .quote');
				return {
					summary: document.getElementById('summary').textContent,
					labels: [...document.querySelectorAll('#tree .tlabel')].map(e => e.textContent),
					quote: q ? q.textContent : '',
					notes: [...document.querySelectorAll('#teach .note')].map(e => e.textContent),
					marks: [...document.querySelectorAll('#tree .mark')].map(e => e.title),
				};
			})()`, &got))

			// The page shows what the codec writes natively in Korean.
			assert.Equal(t, native.Summary, got.Summary)
			var labels []string
			var walkLabels func([]*dissect.Node)
			walkLabels = func(ns []*dissect.Node) {
				for _, n := range ns {
					labels = append(labels, n.Label)
					walkLabels(n.Kids)
				}
			}
			walkLabels(native.Root)
			assert.Equal(t, labels, got.Labels)
			if c.quote {
				require.NotNil(t, native.ICMP)
				assert.Contains(t, got.Quote, native.ICMP.Sentence)
				assert.Contains(t, got.Quote, "만료됨")
			} else {
				assert.Empty(t, got.Quote)
			}
			if c.notes {
				require.NotEmpty(t, got.Notes, "the malformed packet shows no note")
				assert.Contains(t, strings.Join(got.Notes, "\n"), native.Errors[0].Message)
				assert.Contains(t, got.Summary, "형식 오류")
			}

			// The check catches English: the same packet's English words fail it.
			en := dissect.Dissect(c.pkt, dissect.LayerIPv4, dissect.Options{})
			assert.NotEmpty(t, latinLeft(en.Root[0].Label+" "+en.Summary, allowed), "the English check lets English through")

			// No English word left, but the allowed bilingual terms.
			var english []string
			for _, s := range append(append(append([]string{got.Summary, got.Quote}, got.Labels...), got.Notes...), got.Marks...) {
				for _, w := range latinLeft(s, allowed) {
					english = append(english, fmt.Sprintf("%q in %q", w, s))
				}
			}
			assert.Empty(t, english, "English words in the codec's Korean")

			b.screenshot(t, "korean-codec-"+c.name+"-desktop.png")
			b.run(t, "phone", chromedp.EmulateViewport(400, 900), chromedp.Sleep(200*time.Millisecond))
			b.screenshot(t, "korean-codec-"+c.name+"-phone.png")
		})
	}
	b.noProblems(t)
}

// In Korean, the traceroute example's list rows summarise each packet in
// Korean, and the answer of a hop shows the sentence naming its probe from
// codec/story in Korean.
func TestBrowserKoreanStoryAndList(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "#lang=ko")
	raw, err := hex.DecodeString(b.exampleHex(t, "traceroute"))
	require.NoError(t, err)
	res := storyOf(t, raw)
	require.Len(t, res.Exchanges, 1)
	tr := res.Exchanges[0].Trace
	require.NotNil(t, tr)
	require.NotEmpty(t, tr.Hops)
	p := tr.Hops[0].Probes[0]
	require.NotNil(t, p.Answer)
	sentence, ok := res.SentenceKO(p.Answer.Frame)
	require.True(t, ok)

	b.openExample(t, "traceroute")
	b.run(t, "wait for the story", chromedp.Poll(`document.querySelectorAll('#story tr.hop').length > 0`, nil, chromedp.WithPollingTimeout(30*time.Second)))
	b.waitTree(t)
	b.run(t, "click hop 1", chromedp.Click(`#story tr.hop:nth-of-type(2)`, chromedp.ByQuery))
	// The click again while the sentence is not there: on a loaded machine
	// the list's first draw may redraw the story under the first click.
	var shown bool
	b.run(t, "Korean sentence", chromedp.Poll(`(() => { const q = document.querySelector('#teach .quote');
		if (q && q.textContent.includes(`+strconvQuote(sentence)+`)) return true;
		const hop = document.querySelector('#story tr.hop:nth-of-type(2)');
		if (hop) hop.click();
		return false; })()`, &shown, chromedp.WithPollingTimeout(30*time.Second), chromedp.WithPollingInterval(time.Second)))
	assert.True(t, shown, sentence)

	var rows []string
	b.run(t, "list summaries", chromedp.Evaluate(`[...document.querySelectorAll('#vrows .vrow')].map(r => r.children[4].textContent)`, &rows))
	require.NotEmpty(t, rows)
	allowed := allowedLatin(t)
	for _, w := range strings.Fields("id seq ttl hlim mtu") {
		allowed[w] = true
	}
	var english []string
	for _, s := range rows {
		for _, w := range latinLeft(s, allowed) {
			english = append(english, fmt.Sprintf("%q in %q", w, s))
		}
	}
	assert.Empty(t, english, "English words in the Korean list")
	b.screenshot(t, "korean-codec-story-desktop.png")
	b.run(t, "phone", chromedp.EmulateViewport(400, 900), chromedp.Sleep(200*time.Millisecond))
	b.screenshot(t, "korean-codec-story-phone.png")
	b.noProblems(t)
}
