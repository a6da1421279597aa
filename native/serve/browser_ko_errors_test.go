package serve_test

import (
	"bytes"
	"compress/gzip"
	"encoding/hex"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// koreanMessageJS waits for the page's message line to be shown and
// returns its whole text (the test hides it before each step).
const koreanMessageJS = `(() => { const m = document.getElementById('message'); return m.hidden || !m.textContent ? null : m.textContent; })()`

// hexToken is a number in hex (a magic number, 0xffff), not a word.
var hexToken = regexp.MustCompile(`\b(0x)?[0-9a-fA-F]*[0-9][0-9a-fA-F]*\b`)

// englishIn lists the Latin words of msg that are neither allowed nor part
// of what the user gave (a file's name, the character quoted back).
func englishIn(ok map[string]bool, where, msg string, given ...string) []string {
	for _, g := range given {
		msg = strings.ReplaceAll(msg, g, "")
	}
	var out []string
	for _, w := range regexp.MustCompile(`[A-Za-z]+`).FindAllString(hexToken.ReplaceAllString(msg, ""), -1) {
		if !ok[strings.ToLower(w)] {
			out = append(out, fmt.Sprintf("%s: %q in %q", where, w, msg))
		}
	}
	return out
}

// In Korean, what the page says when the input is wrong is Korean from end
// to end: a paste that is not packet bytes, a picture opened as a capture,
// and a gzipped capture whose end is damaged (its count line too). Only the
// technical tokens, the registry's terms and what the user gave are left in
// Latin letters. The Format and Starts at menus name their entries in
// Korean, and the ICMPv6 checksum's pseudo-header rows are Korean.
func TestBrowserKoreanErrors(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "#lang=ko")
	b.run(t, "Korean page", chromedp.Poll(`document.body.dataset.lang === 'ko'`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	ok := allowedLatin(t)
	var english []string
	message := func(what string, actions ...chromedp.Action) string {
		var msg string
		b.run(t, "clear the message", chromedp.Evaluate(`document.getElementById('message').hidden = true`, nil))
		b.run(t, what, append(actions, chromedp.Poll(koreanMessageJS, &msg, chromedp.WithPollingTimeout(30*time.Second)))...)
		assert.Regexp(t, `\p{Hangul}`, msg, what)
		return msg
	}

	// A paste that is not packet bytes: textdump's reason, in Korean.
	msg := message("paste text", chromedp.SetValue("#paste", "~~ not a packet", chromedp.ByQuery), chromedp.Click("#decode", chromedp.ByQuery))
	assert.Contains(t, msg, "'~'")
	assert.NotContains(t, msg, "hex digit")
	english = append(english, englishIn(ok, "paste error", msg)...)
	// The same text read as a C array, chosen in the Format menu by its
	// Korean name. Each step starts one decode and waits for its message:
	// choosing a format decodes again (chromedp's SetValue fires change),
	// and an answer still on its way would show up in the next step.
	var cArray string
	b.run(t, "C array's title", chromedp.Evaluate(`[...document.querySelectorAll('#dialect option')].find(o => o.value === 'C array').textContent`, &cArray))
	assert.Regexp(t, `\p{Hangul}`, cArray)
	msg = message("paste as a C array", chromedp.SetValue("#paste", "unsigned char x[] = {0x45, 0x100};", chromedp.ByQuery),
		chromedp.SetValue("#dialect", "C array", chromedp.ByQuery))
	assert.Contains(t, msg, cArray)
	english = append(english, englishIn(ok, "C array error", msg, "unsigned", "char")...)
	msg = message("back to detect", chromedp.SetValue("#dialect", "", chromedp.ByQuery))
	assert.Contains(t, msg, cArray, "the C array detected")
	english = append(english, englishIn(ok, "detected C array error", msg, "unsigned", "char")...)

	// A picture opened as a capture: capture's reason, in Korean.
	dir := t.TempDir()
	png := filepath.Join(dir, "photo.png")
	require.NoError(t, os.WriteFile(png, []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 8}, 0o644))
	msg = message("open a picture", chromedp.SetUploadFiles("#file", []string{png}, chromedp.ByQuery))
	assert.Contains(t, msg, "89504e47", "the magic number found")
	assert.NotContains(t, msg, "magic number")
	english = append(english, englishIn(ok, "picture", msg, "photo.png")...)

	// A gzipped capture whose checksum is spoiled: its packets are listed,
	// the count line says it was gzipped, the warning says why it stopped.
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write(pcapng([][]byte{echoRequest(1), echoRequest(2), mplsTimeExceeded()}))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	damaged := gz.Bytes()
	damaged[len(damaged)-6] ^= 0xff // the CRC-32
	capPath := filepath.Join(dir, "damaged.pcapng.gz")
	require.NoError(t, os.WriteFile(capPath, damaged, 0o644))
	b.run(t, "forget the last capture", chromedp.Evaluate(`document.getElementById('capture').dataset.state = ''`, nil))
	msg = message("open a damaged capture", chromedp.SetUploadFiles("#file", []string{capPath}, chromedp.ByQuery),
		chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready'`, nil, chromedp.WithPollingTimeout(30*time.Second)))
	assert.Contains(t, msg, "gzip")
	assert.NotContains(t, msg, "invalid checksum")
	english = append(english, englishIn(ok, "damaged capture", msg)...)
	var count string
	b.run(t, "count line", chromedp.Text("#capcount", &count, chromedp.ByQuery))
	assert.Contains(t, count, "gzip")
	assert.NotContains(t, count, "gzipped")
	english = append(english, englishIn(ok, "count line", count)...)
	english = append(english, b.englishOnScreen(t, ok, "damaged capture")...)

	// An ICMPv6 echo: its checksum's worked table, pseudo-header rows
	// included, has no English of its own.
	src, dst := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")
	msg6 := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6EchoRequest, Src: src, Dst: dst}, codec.Echo{ID: 7, Seq: 1, Data: []byte("korean")})
	pkt := codec.IPv6Header{NextHeader: codec.ProtoICMPv6, HopLimit: 64, Src: src, Dst: dst}.AppendDatagram(nil, msg6)
	b.run(t, "forget the capture", chromedp.Evaluate(`document.getElementById('capture').dataset.state = ''`, nil))
	b.paste(t, hex.EncodeToString(pkt))
	b.waitTree(t)
	var pseudo []string
	b.run(t, "select the ICMPv6 checksum", chromedp.Click(`#tree li[data-field="icmpv6.checksum"] > .trow`, chromedp.ByQuery),
		chromedp.Poll(`(() => { const r = [...document.querySelectorAll('#teach table tr.pseudo td:first-child')].map(td => td.textContent); return r.length ? r : null; })()`,
			&pseudo, chromedp.WithPollingTimeout(10*time.Second)))
	for _, p := range pseudo {
		assert.Regexp(t, `\p{Hangul}`, p, "pseudo-header row %q", p)
	}
	english = append(english, b.englishOnScreen(t, ok, "ICMPv6 checksum")...)
	assert.Empty(t, english, "English words in the Korean page's messages and menus")
	b.noProblems(t)
}

// In Korean, the message after the Go program ended and its worker was
// replaced is Korean: the page words the program's end (its status a value)
// with its own strings, never the worker's English.
func TestBrowserKoreanRestart(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "#lang=ko")
	b.run(t, "Korean page", chromedp.Poll(`document.body.dataset.lang === 'ko'`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	b.run(t, "clear the message", chromedp.Evaluate(`document.getElementById('message').hidden = true`, nil))
	b.run(t, "end the Go program", chromedp.Evaluate(`document.dispatchEvent(new CustomEvent('icmplab-test-exit'))`, nil))
	var msg string
	b.run(t, "wait for the restart", chromedp.Poll(`(() => {
		const m = document.getElementById('message');
		return document.body.dataset.restarts && !m.hidden && m.textContent ? m.textContent : null;
	})()`, &msg, chromedp.WithPollingTimeout(30*time.Second)))
	assert.Equal(t, b.pageT(t, "restarted", b.pageT(t, "goExited", 0)), msg)
	assert.NotContains(t, msg, "exited")
	assert.Empty(t, englishIn(allowedLatin(t), "restart", msg))
	b.noProblems(t)
}
