package serve_test

// Browser tests: the real page, the real worker and the real main.wasm, in
// Debian's headless Chromium driven by chromedp, against the same handler
// `icmplab serve` uses. Each case checks the page against what the codec says
// natively about the same bytes, so nothing here repeats a protocol fact.

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/input"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/capture"
	"icmplab/codec/dissect"
	"icmplab/codec/dissect/explain"
	"icmplab/codec/textdump"
	"icmplab/native/serve"
	"icmplab/site"

	"icmplab/internal/testenv"
)

const chromiumPath = "/usr/bin/chromium"

// needChromium skips without Chromium, but fails under CI, where its absence
// means the suite did not run what it claims.
func needChromium(tb testing.TB) string {
	tb.Helper()
	p := chromiumPath
	if env := os.Getenv("ICMPLAB_CHROMIUM"); env != "" {
		p = env
	}
	return testenv.RequireFile(tb, p, "Debian's chromium at "+p+" (apt-get install chromium, or set ICMPLAB_CHROMIUM)")
}

// moduleRoot finds the directory of go.mod, for testout/ and the wasm build.
func moduleRoot(tb testing.TB) string {
	tb.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		tb.Fatalf("go env GOMOD: %v", err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

var (
	wasmOnce sync.Once
	wasmDir  string
	wasmErr  error
)

// TestMain removes the main.wasm built for the browser tests once they are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if wasmDir != "" {
		os.RemoveAll(wasmDir)
	}
	os.Exit(code)
}

// siteFS is the embedded site with a main.wasm built from the current
// source (and the toolchain's wasm_exec.js), so the test never runs a stale
// module. The Go build cache makes this quick after the first time.
func siteFS(tb testing.TB) fs.FS {
	tb.Helper()
	root := moduleRoot(tb)
	wasmOnce.Do(func() {
		wasmDir, wasmErr = os.MkdirTemp("", "icmplab-wasm-")
		if wasmErr != nil {
			return
		}
		cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s", "-o", filepath.Join(wasmDir, "main.wasm"), "./wasm")
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		if out, err := cmd.CombinedOutput(); err != nil {
			wasmErr = fmt.Errorf("building main.wasm: %v\n%s", err, out)
			return
		}
		goroot, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			wasmErr = err
			return
		}
		js, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"))
		if err != nil {
			wasmErr = err
			return
		}
		if wasmErr = os.WriteFile(filepath.Join(wasmDir, "wasm_exec.js"), js, 0o644); wasmErr != nil {
			return
		}
		// Their brotli forms, as make wasm writes them: what the page's
		// browser gets (about 20 s, once per test binary).
		wasmErr = serve.Precompress(wasmDir)
	})
	if wasmErr != nil {
		tb.Fatal(wasmErr)
	}
	static, err := fs.Sub(site.Static, "static")
	if err != nil {
		tb.Fatal(err)
	}
	m := fstest.MapFS{}
	err = fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(static, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	// In place of the embedded build's, brotli forms included.
	withForms(tb, m, os.DirFS(wasmDir), "main.wasm", "wasm_exec.js")
	return m
}

// withForms puts each named file of from into m with its brotli form, when
// from has one, in place of any m held.
func withForms(tb testing.TB, m fstest.MapFS, from fs.FS, names ...string) {
	tb.Helper()
	for _, name := range names {
		delete(m, name+serve.BrotliSuffix)
		for _, f := range []string{name, name + serve.BrotliSuffix} {
			b, err := fs.ReadFile(from, f)
			if errors.Is(err, fs.ErrNotExist) && f != name {
				continue
			}
			if err != nil {
				tb.Fatal(err)
			}
			m[f] = &fstest.MapFile{Data: b}
		}
	}
}

// browser is one page under test with what it logged.
type browser struct {
	ctx    context.Context
	origin string
	srv    *httptest.Server
	h      *serve.Handler
	mu     sync.Mutex
	probs  []string // console errors, exceptions, CSP reports, foreign requests
}

func (b *browser) problem(format string, args ...any) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.probs = append(b.probs, fmt.Sprintf(format, args...))
}

func (b *browser) problems() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.probs...)
}

// newBrowser serves the site on a loopback port and opens headless Chromium
// with a fresh profile. Everything is torn down by t.Cleanup.
func newBrowser(tb testing.TB) *browser {
	tb.Helper()
	exe := needChromium(tb)
	h, err := serve.New(siteFS(tb))
	if err != nil {
		tb.Fatal(err)
	}
	srv := httptest.NewServer(h)
	tb.Cleanup(srv.Close)

	// The profile is removed after Chromium has exited (t.TempDir would try
	// while it is still writing).
	profile, err := os.MkdirTemp("", "icmplab-chromium-")
	if err != nil {
		tb.Fatal(err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1400, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	tb.Cleanup(func() {
		cancelCtx()
		cancelAlloc() // waits for the browser process to exit
		for i := 0; i < 50; i++ {
			if os.RemoveAll(profile) == nil {
				if _, err := os.Stat(profile); os.IsNotExist(err) {
					return
				}
			}
			time.Sleep(100 * time.Millisecond)
		}
		tb.Logf("could not remove the Chromium profile %s", profile)
	})
	b := &browser{ctx: ctx, origin: srv.URL, srv: srv, h: h}
	u, _ := url.Parse(srv.URL)
	chromedp.ListenTarget(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError || e.Type == runtime.APITypeAssert {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				b.problem("console.%s: %s", e.Type, strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			b.problem("exception: %s", msg)
		case *cdplog.EventEntryAdded:
			// CSP violations are reported with source "security"; any error
			// entry (a failed load, a 404) is a problem too.
			if e.Entry.Source == cdplog.SourceSecurity || e.Entry.Level == cdplog.LevelError {
				b.problem("log %s/%s: %s %s", e.Entry.Source, e.Entry.Level, e.Entry.Text, e.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			r, err := url.Parse(e.Request.URL)
			if err != nil || (r.Scheme != "data" && r.Scheme != "blob" && r.Host != u.Host) {
				b.problem("request to another origin: %s", e.Request.URL)
			}
		}
	})
	if err := chromedp.Run(ctx); err != nil {
		tb.Fatalf("starting chromium: %v", err)
	}
	return b
}

func (b *browser) run(tb testing.TB, what string, actions ...chromedp.Action) {
	tb.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	if err := chromedp.Run(ctx, actions...); err != nil {
		tb.Fatalf("%s: %v", what, err)
	}
}

// open loads the page (with an optional fragment) and waits for the worker
// to be ready.
func (b *browser) open(tb testing.TB, fragment string) time.Duration {
	tb.Helper()
	start := time.Now()
	b.run(tb, "open page", chromedp.Navigate(b.origin+"/"+fragment), chromedp.WaitVisible("body.ready", chromedp.ByQuery))
	return time.Since(start)
}

// paste puts text in the paste box and dissects it.
func (b *browser) paste(tb testing.TB, text string) {
	tb.Helper()
	b.run(tb, "paste",
		chromedp.SetValue("#paste", text, chromedp.ByQuery),
		chromedp.Click("#decode", chromedp.ByQuery),
	)
}

// treeItem is a row of the page's field tree.
type treeItem struct {
	Field string `json:"field"`
	Label string `json:"label"`
	Value string `json:"value"`
}

func (b *browser) tree(tb testing.TB) []treeItem {
	tb.Helper()
	var items []treeItem
	b.run(tb, "read tree",
		chromedp.WaitVisible("#tree li", chromedp.ByQuery),
		chromedp.Evaluate(`[...document.querySelectorAll('#tree li')].map(li => ({
			field: li.dataset.field || '',
			label: li.querySelector(':scope > .trow > .tlabel').textContent,
			value: (li.querySelector(':scope > .trow > .tvalue') || {textContent: ''}).textContent}))`, &items),
	)
	return items
}

// walk lists a dissection's nodes in document order, as the page flattens them.
func walk(nodes []*dissect.Node, out *[]*dissect.Node) {
	for _, n := range nodes {
		*out = append(*out, n)
		walk(n.Kids, out)
	}
}

// checkTree compares the page's tree with the native dissection of the same
// bytes, node for node.
func checkTree(tb testing.TB, got []treeItem, data []byte, start dissect.Layer) []*dissect.Node {
	tb.Helper()
	var want []*dissect.Node
	walk(dissect.Dissect(data, start, dissect.Options{}).Root, &want)
	if len(got) != len(want) {
		tb.Fatalf("page tree has %d nodes, native dissection %d", len(got), len(want))
	}
	for i, n := range want {
		if got[i].Label != n.Label || got[i].Value != n.Value || got[i].Field != n.Field {
			tb.Errorf("node %d: page %q=%q (%s), native %q=%q (%s)", i, got[i].Label, got[i].Value, got[i].Field, n.Label, n.Value, n.Field)
		}
	}
	return want
}

// checkTreeIn is checkTree in English; in Korean, where labels and words
// are the codec's Korean ones, the tree holds the same fields in the same
// order.
func checkTreeIn(tb testing.TB, l string, got []treeItem, data []byte, start dissect.Layer) {
	tb.Helper()
	if l == "en" {
		checkTree(tb, got, data, start)
		return
	}
	var want []*dissect.Node
	walk(dissect.Dissect(data, start, dissect.Options{}).Root, &want)
	var ids, gotIDs []string
	for _, n := range want {
		ids = append(ids, n.Field)
	}
	for _, g := range got {
		gotIDs = append(gotIDs, g.Field)
	}
	require.Equal(tb, ids, gotIDs, "the tree's fields (%s)", l)
}

func find(nodes []*dissect.Node, field string) *dissect.Node {
	for _, n := range nodes {
		if n.Field == field {
			return n
		}
	}
	return nil
}

// hover moves the mouse over the centre of the first element sel matches.
func hover(sel string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var nodes []*cdp.Node
		if err := chromedp.Nodes(sel, &nodes, chromedp.ByQuery).Do(ctx); err != nil {
			return err
		}
		if err := dom.ScrollIntoViewIfNeeded().WithNodeID(nodes[0].NodeID).Do(ctx); err != nil {
			return err
		}
		box, err := dom.GetBoxModel().WithNodeID(nodes[0].NodeID).Do(ctx)
		if err != nil {
			return err
		}
		q := box.Content
		x, y := (q[0]+q[2])/2, (q[1]+q[5])/2
		return input.DispatchMouseEvent(input.MouseMoved, x, y).Do(ctx)
	})
}

// byteOffsets lists the hex pane's bytes carrying a class.
func (b *browser) byteOffsets(tb testing.TB, class string) []int {
	tb.Helper()
	var offs []int
	b.run(tb, "read highlighted bytes", chromedp.Evaluate(`[...document.querySelectorAll('#hex .b.`+class+`')].map(e => +e.dataset.o)`, &offs))
	return offs
}

func span(off, n int) []int {
	out := make([]int, n)
	for i := range out {
		out[i] = off + i
	}
	return out
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (b *browser) screenshot(tb testing.TB, name string) {
	tb.Helper()
	var png []byte
	b.run(tb, "screenshot", chromedp.FullScreenshot(&png, 100))
	dir := filepath.Join(moduleRoot(tb), "testout")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		tb.Fatal(err)
	}
}

func (b *browser) noProblems(tb testing.TB) {
	tb.Helper()
	for _, p := range b.problems() {
		tb.Errorf("browser: %s", p)
	}
}

// ---------------------------------------------------------------- packets

var (
	tHost   = netip.MustParseAddr("198.18.0.2")
	tTarget = netip.MustParseAddr("198.18.1.9")
	tRouter = netip.MustParseAddr("198.18.0.1")
)

func ipv4(src, dst netip.Addr, ttl uint8, proto uint8, payload []byte) []byte {
	h := codec.IPv4Header{IHL: 5, TotalLength: uint16(20 + len(payload)), ID: 0x2b2b, TTL: ttl, Protocol: proto, Src: src, Dst: dst}
	return append(h.AppendHeader(nil), payload...)
}

func echoRequest(seq uint16) []byte {
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest},
		codec.Echo{ID: 0x4242, Seq: seq, Data: []byte("icmplab browser test payload....")})
	return ipv4(tHost, tTarget, 64, codec.ProtoICMP, msg)
}

func mplsTimeExceeded() []byte {
	probe := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33435, Length: 8 + 12}, []byte("traceroute!!"), tHost, tTarget)
	quote := ipv4(tHost, tTarget, 1, codec.ProtoUDP, probe)
	ext := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 16023, TC: 5, S: true, TTL: 1}))
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded, Code: codec.CodeTTLExceeded},
		codec.ErrorBody{Quote: quote, Ext: ext})
	return ipv4(tRouter, tHost, 254, codec.ProtoICMP, msg)
}

// xxd renders bytes as `xxd` prints them, one of the dialects the page must read.
func xxd(b []byte) string {
	var sb strings.Builder
	for off := 0; off < len(b); off += 16 {
		row := b[off:min(off+16, len(b))]
		fmt.Fprintf(&sb, "%08x: ", off)
		for i := 0; i < 16; i++ {
			if i < len(row) {
				fmt.Fprintf(&sb, "%02x", row[i])
			} else {
				sb.WriteString("  ")
			}
			if i%2 == 1 {
				sb.WriteByte(' ')
			}
		}
		sb.WriteByte(' ')
		for _, c := range row {
			if c >= 0x20 && c < 0x7f {
				sb.WriteByte(c)
			} else {
				sb.WriteByte('.')
			}
		}
		sb.WriteByte('\n')
	}
	return sb.String()
}

// ---------------------------------------------------------------- tests

func TestBrowserPasteEchoRequest(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	pkt := echoRequest(7)
	b.paste(t, xxd(pkt))
	want := checkTree(t, b.tree(t), pkt, dissect.LayerIPv4)

	var detected string
	b.run(t, "read detected", chromedp.Text("#detected", &detected, chromedp.ByQuery))
	if !strings.Contains(detected, "xxd") || !strings.Contains(detected, "IPv4") {
		t.Errorf("detected line %q does not name the xxd dialect and the IPv4 start layer", detected)
	}

	// Hovering the checksum in the tree lights exactly its two bytes.
	ck := find(want, "icmp.checksum")
	if ck == nil {
		t.Fatal("native dissection has no icmp.checksum node")
	}
	b.run(t, "hover checksum", hover(`#tree li[data-field="icmp.checksum"] > .trow`))
	if got := b.byteOffsets(t, "hv"); !equalInts(got, span(ck.Offset, ck.Length)) {
		t.Errorf("hovering icmp.checksum highlights bytes %v, want %v", got, span(ck.Offset, ck.Length))
	}
	// Clicking a byte selects the innermost field covering it: the TTL byte.
	ttl := find(want, "ip.ttl")
	b.run(t, "click ttl byte", chromedp.Click(fmt.Sprintf(`#hex .b[data-o="%d"]`, ttl.Offset), chromedp.ByQuery))
	var sel string
	b.run(t, "read selection", chromedp.Evaluate(`document.querySelector('#tree li.sel').dataset.field`, &sel))
	if sel != "ip.ttl" {
		t.Errorf("clicking byte %d selected %q, want ip.ttl", ttl.Offset, sel)
	}
	if got := b.byteOffsets(t, "hl"); !equalInts(got, span(ttl.Offset, ttl.Length)) {
		t.Errorf("selected TTL highlights %v, want %v", got, span(ttl.Offset, ttl.Length))
	}
	// A sub-byte field shows its mask: select IHL by keyboard from the version field.
	var strip string
	b.run(t, "select ihl", chromedp.Click(`#tree li[data-field="ip.hdr_len"] > .trow`, chromedp.ByQuery),
		chromedp.Text("#bitstrip", &strip, chromedp.ByQuery))
	if ihl := find(want, "ip.hdr_len"); ihl != nil && ihl.Mask != 0 && !strings.Contains(strip, fmt.Sprintf("0x%02x", ihl.Mask)) {
		t.Errorf("bit strip %q does not show IHL's mask 0x%02x", strip, ihl.Mask)
	}
	// The teaching panel works the ICMP checksum out.
	var verdict string
	// The panel is drawn again when its explanation arrives: read it once
	// it says the verdict, not a node it is about to replace.
	b.run(t, "select icmp checksum", chromedp.Click(`#tree li[data-field="icmp.checksum"] > .trow`, chromedp.ByQuery),
		chromedp.Poll(`(() => { const v = document.querySelector('#teach .verdict'); return v && v.textContent.includes('correct') ? v.textContent : null; })()`,
			&verdict, chromedp.WithPollingTimeout(10*time.Second)))
	if !strings.Contains(verdict, "correct") {
		t.Errorf("checksum verdict %q, want it correct", verdict)
	}
	// "Copy as" puts the packet in another dialect in the paste box, exactly
	// as the codec formats it.
	var copied string
	b.run(t, "copy as xxd",
		chromedp.Evaluate(`(() => { const s = document.getElementById('copyas'); s.value = 'xxd'; s.dispatchEvent(new Event('change')); })()`, nil),
		chromedp.Poll(`document.getElementById('paste').value.startsWith('00000000: ') ? document.getElementById('paste').value : null`, &copied, chromedp.WithPollingTimeout(5*time.Second)))
	if want := textdump.Format(textdump.XXD, pkt); copied != want {
		t.Errorf("copy as xxd gave\n%s\nwant\n%s", copied, want)
	}
	b.screenshot(t, "echo-request.png")
	b.noProblems(t)
}

func TestBrowserPasteTimeExceededMPLS(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	pkt := mplsTimeExceeded()
	b.paste(t, xxd(pkt))
	want := checkTree(t, b.tree(t), pkt, dissect.LayerIPv4)
	if find(want, "icmp.mpls.label") == nil {
		t.Fatal("native dissection shows no MPLS label: the fixture is wrong")
	}
	var quote string
	b.run(t, "read quote sentence", chromedp.Poll(`(() => { const q = document.querySelector('#teach .quote'); return q && q.textContent ? q.textContent : null; })()`,
		&quote, chromedp.WithPollingTimeout(20*time.Second)))
	f := dissect.Dissect(pkt, dissect.LayerIPv4, dissect.Options{})
	if f.ICMP == nil || !strings.Contains(quote, f.ICMP.Sentence) {
		t.Errorf("teaching panel quote %q does not carry the dissection's sentence", quote)
	}
	b.run(t, "select mpls label", chromedp.Click(`#tree li[data-field="icmp.mpls.label"] > .trow`, chromedp.ByQuery))
	b.screenshot(t, "time-exceeded-mpls.png")
	// The README's picture: the window as a user sees it, no scrolling.
	var png []byte
	b.run(t, "overview", chromedp.Click(`#tree li[data-field="icmp.ext"] > .trow`, chromedp.ByQuery),
		chromedp.EmulateViewport(1360, 1000), chromedp.Evaluate(`window.scrollTo(0, 0)`, nil),
		chromedp.ActionFunc(func(ctx context.Context) error { return input.DispatchMouseEvent(input.MouseMoved, 1, 1).Do(ctx) }),
		chromedp.Sleep(200*time.Millisecond), chromedp.CaptureScreenshot(&png))
	if err := os.WriteFile(filepath.Join(moduleRoot(t), "testout", "overview.png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
	b.noProblems(t)
}

func TestBrowserShareLink(t *testing.T) {
	b := newBrowser(t)
	pkt := echoRequest(3)
	// A fresh profile: nothing cached, so this is a first visit's time from
	// navigation to the dissection on screen (fetch, compile and start
	// main.wasm in the worker, decode, draw).
	start := time.Now()
	b.run(t, "open share link", chromedp.Navigate(b.origin+"/#hex="+hex.EncodeToString(pkt)),
		chromedp.WaitVisible(`#tree li[data-field="icmp"]`, chromedp.ByQuery))
	took := time.Since(start)
	items := b.tree(t)
	checkTree(t, items, pkt, dissect.LayerIPv4)
	// The fragment is the only copy of the packet: the server never saw it.
	var share string
	b.run(t, "share", chromedp.Click("#share", chromedp.ByQuery), chromedp.Evaluate(`location.hash`, &share))
	if share != "#hex="+hex.EncodeToString(pkt)+"&layer=ipv4&lang=en" {
		t.Errorf("share link fragment %q does not carry the packet", share)
	}
	var timing string
	b.run(t, "timing", chromedp.Evaluate(`document.body.dataset.timing`, &timing))
	t.Logf("navigation to first dissection (share link, fresh profile): %v; worker (ms after its start; workerStart in ms after the page's): %s", took.Round(time.Millisecond), timing)
	// main.wasm crossed the wire in its brotli form (what Chromium says it
	// received), which Chromium decoded into the module that answered.
	var tm struct {
		WasmBytes int `json:"wasmBytes"`
	}
	if err := json.Unmarshal([]byte(timing), &tm); err != nil {
		t.Fatalf("timing %q: %v", timing, err)
	}
	_, gz, br, _ := b.h.Size("main.wasm")
	if br == 0 || tm.WasmBytes != br {
		t.Errorf("main.wasm arrived as %d bytes; its brotli form is %d, its gzip form %d", tm.WasmBytes, br, gz)
	}
	b.noProblems(t)
}

func TestBrowserGarbagePaste(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	b.screenshot(t, "landing.png")
	b.paste(t, "this is not a packet, just words")
	var msg string
	var workHidden bool
	b.run(t, "read message",
		chromedp.WaitVisible("#message", chromedp.ByQuery),
		chromedp.Text("#message", &msg, chromedp.ByQuery),
		chromedp.Evaluate(`document.getElementById('work').hidden`, &workHidden))
	// The message says where reading failed, so the user knows what to fix.
	if !strings.Contains(msg, "line 1") || !strings.Contains(msg, "column") {
		t.Errorf("garbage paste message %q does not name the line and column where reading failed", msg)
	}
	if !workHidden {
		t.Error("garbage paste left a dissection on screen")
	}
	b.noProblems(t)
}

func TestBrowserUploadCapture(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	var frames [][]byte
	for seq := uint16(1); seq <= 5; seq++ {
		frames = append(frames, echoRequest(seq))
	}
	frames = append(frames, mplsTimeExceeded())
	path := filepath.Join(t.TempDir(), "test.pcapng")
	if err := os.WriteFile(path, pcapng(frames), 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(t, "upload", chromedp.SetUploadFiles("#file", []string{path}, chromedp.ByQuery))
	var rows []struct {
		No      string `json:"no"`
		Summary string `json:"summary"`
	}
	b.run(t, "wait for rows", chromedp.Poll(`(() => {
		const r = [...document.querySelectorAll('#vrows .vrow')].filter(r => r.children.length === 7);
		return r.length === `+fmt.Sprint(len(frames))+` ? r.map(x => ({no: x.children[0].textContent, summary: x.children[4].textContent})) : null;
	})()`, &rows, chromedp.WithPollingTimeout(30*time.Second)))
	for i, r := range rows {
		f := dissect.Dissect(frames[i], dissect.LayerIPv4, dissect.Options{Number: i + 1})
		if r.No != fmt.Sprint(i+1) || !strings.Contains(r.Summary, f.Info) {
			t.Errorf("row %d: no %q summary %q, want no %d and info %q", i, r.No, r.Summary, i+1, f.Info)
		}
	}
	// The first packet is selected and dissected.
	checkTree(t, b.tree(t), frames[0], dissect.LayerIPv4)
	b.screenshot(t, "capture.png")
	b.noProblems(t)
}

// pcapng writes frames as a pcapng file (LINKTYPE_RAW) with the codec's
// writer, 1 ms apart.
func pcapng(frames [][]byte) []byte {
	var buf bytes.Buffer
	w, err := capture.NewNgWriter(&buf, capture.LinkRaw)
	if err != nil {
		panic(err)
	}
	at := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	for i, f := range frames {
		if err := w.WritePacket(at.Add(time.Duration(i)*time.Millisecond), f, len(f)); err != nil {
			panic(err)
		}
	}
	return buf.Bytes()
}

var _ = errors.New

func strconvQuote(s string) string { return strconv.Quote(s) }

// Every example of the menu dissects without a message; the traceroute
// capture lists its packets.
func TestBrowserExamples(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	var ids []string
	b.run(t, "list examples", chromedp.Evaluate(`[...document.querySelectorAll('#examples option')].map(o => o.value).filter(Boolean)`, &ids))
	if len(ids) < 15 {
		t.Fatalf("examples menu has %d entries, want the 13 textbook rows and 2 captures", len(ids))
	}
	for _, id := range ids {
		var state struct {
			Err   string `json:"err"`
			Nodes int    `json:"nodes"`
			Rows  int    `json:"rows"`
		}
		b.run(t, "example "+id,
			chromedp.Evaluate(`(() => { const s = document.getElementById('examples'); s.value = `+strconvQuote(id)+`; s.dispatchEvent(new Event('change')); })()`, nil),
			chromedp.Poll(`(() => {
				const m = document.getElementById('message');
				const cap = !document.getElementById('capture').hidden;
				const rows = document.querySelectorAll('#vrows .vrow').length;
				const nodes = document.getElementById('work').hidden ? 0 : document.querySelectorAll('#tree li').length;
				if (!m.hidden) return {err: m.textContent, nodes, rows};
				if (nodes > 0 && (!cap || rows > 0)) return {err: '', nodes, rows};
				return null;
			})()`, &state, chromedp.WithPollingTimeout(20*time.Second)))
		if state.Err != "" {
			t.Errorf("example %s: %s", id, state.Err)
		}
		if id == "traceroute" && state.Rows != 8 {
			t.Errorf("traceroute example lists %d rows, want 8", state.Rows)
		}
		if id == "traceroute" {
			b.run(t, "pick the MPLS hop", clickRow(3),
				chromedp.WaitVisible(`#tree li[data-field="icmp.mpls.label"]`, chromedp.ByQuery))
			b.screenshot(t, "traceroute.png")
		}
		// Each example is reset before the next: clear the capture view.
		b.run(t, "reset", chromedp.Evaluate(`document.getElementById('work').hidden = true`, nil))
	}
	b.noProblems(t)
}

// The tree is usable from the keyboard, and on a narrow screen the page
// folds to one column.
func TestBrowserKeyboardAndNarrow(t *testing.T) {
	b := newBrowser(t)
	pkt := echoRequest(1)
	b.open(t, "#hex="+hex.EncodeToString(pkt))
	var want []*dissect.Node
	walk(dissect.Dissect(pkt, dissect.LayerIPv4, dissect.Options{}).Root, &want)
	icmp := find(want, "icmp")
	var sel []string
	b.run(t, "keys",
		chromedp.WaitVisible(`#tree li.sel`, chromedp.ByQuery),
		chromedp.Focus("#tree", chromedp.ByQuery),
		chromedp.KeyEvent(kb.ArrowDown), // ArrowDown: the first field of the ICMP header
		chromedp.Evaluate(`[document.querySelector('#tree li.sel').dataset.field, document.activeElement.id]`, &sel))
	if len(sel) != 2 || len(icmp.Kids) == 0 || sel[0] != icmp.Kids[0].Field {
		t.Errorf("ArrowDown from the ICMP header selected %v, want %s", sel, icmp.Kids[0].Field)
	}
	b.run(t, "left", chromedp.KeyEvent(kb.ArrowLeft), // ArrowLeft: back to the parent
		chromedp.Evaluate(`[document.querySelector('#tree li.sel').dataset.field]`, &sel))
	if len(sel) != 1 || sel[0] != "icmp" {
		t.Errorf("ArrowLeft selected %v, want icmp", sel)
	}
	// In the hex pane, arrows move a byte cursor and select the innermost
	// field under it: from the TTL byte, ArrowRight lands on the protocol.
	ttl, proto := find(want, "ip.ttl"), find(want, "ip.proto")
	if ttl == nil || proto == nil || proto.Offset != ttl.Offset+1 {
		t.Fatal("fixture: ip.proto does not follow ip.ttl")
	}
	b.run(t, "hex keys", chromedp.Click(fmt.Sprintf(`#hex .b[data-o="%d"]`, ttl.Offset), chromedp.ByQuery),
		chromedp.Focus("#hex", chromedp.ByQuery),
		chromedp.KeyEvent(kb.ArrowRight),
		chromedp.Evaluate(`[document.querySelector('#tree li.sel').dataset.field, document.querySelector('#hex .b.cur').dataset.o]`, &sel))
	if len(sel) != 2 || sel[0] != "ip.proto" || sel[1] != fmt.Sprint(proto.Offset) {
		t.Errorf("ArrowRight in the hex pane from the TTL byte: selection and cursor %v, want ip.proto at %d", sel, proto.Offset)
	}
	var cols string
	b.run(t, "narrow", chromedp.EmulateViewport(400, 900),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Evaluate(`getComputedStyle(document.getElementById('work')).gridTemplateColumns`, &cols))
	if strings.Count(strings.TrimSpace(cols), " ") != 0 {
		t.Errorf("at 400 px the work area has columns %q, want one", cols)
	}
	var over []string
	b.run(t, "overflow", chromedp.Evaluate(`[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > innerWidth + 1 && e.offsetParent !== null && !e.closest('.bits, .hex, .vport, .tree')).slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right))`, &over))
	if len(over) > 0 {
		t.Errorf("at 400 px these stick out of the screen: %v", over)
	}
	b.screenshot(t, "narrow.png")
	b.noProblems(t)
}

// writeBenchCapture writes n echo requests and replies of size bytes each as
// a classic pcap (LINKTYPE_RAW), streaming to disk.
func writeBenchCapture(tb testing.TB, path string, n, size int) int64 {
	tb.Helper()
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	le := func(v uint32) { w.Write([]byte{byte(v), byte(v >> 8), byte(v >> 16), byte(v >> 24)}) }
	le(0xa1b2c3d4)
	w.Write([]byte{2, 0, 4, 0})
	le(0)
	le(0)
	le(65535)
	le(uint32(capture.LinkRaw)) // classic pcap here, pcapng elsewhere: both formats are read
	base := time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)
	data := bytes.Repeat([]byte{0x42}, size-28)
	for i := 0; i < n; i++ {
		t := codec.ICMPv4EchoRequest
		src, dst := tHost, tTarget
		if i%2 == 1 {
			t, src, dst = codec.ICMPv4EchoReply, tTarget, tHost
		}
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: t}, codec.Echo{ID: 0x7777, Seq: uint16(i / 2), Data: data})
		pkt := ipv4(src, dst, 64, codec.ProtoICMP, msg)
		at := base.Add(time.Duration(i) * time.Millisecond)
		le(uint32(at.Unix()))
		le(uint32(at.Nanosecond() / 1000))
		le(uint32(len(pkt)))
		le(uint32(len(pkt)))
		w.Write(pkt)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	st, err := f.Stat()
	if err != nil {
		tb.Fatal(err)
	}
	return st.Size()
}

// benchUpload loads a capture b.N times and reports packets/s, MB/s and how
// long the page's main thread was ever busy while the worker read (a frozen
// tab would show seconds).
func benchUpload(b *testing.B, path string, n int, size int64) {
	br := newBrowser(b)
	br.open(b, "")
	want := commaInt(n) + " packets"
	b.ResetTimer()
	var gap, long float64
	for i := 0; i < b.N; i++ {
		var done bool
		br.run(b, "upload",
			chromedp.Evaluate(`document.getElementById('capcount').textContent = '';
				window.__gap = 0; window.__last = performance.now(); window.__long = 0;
				if (!window.__obs) {
					window.__obs = new PerformanceObserver(l => { for (const e of l.getEntries()) window.__long = Math.max(window.__long, e.duration); });
					window.__obs.observe({ type: 'longtask' });
				}
				(function tick(t) { window.__gap = Math.max(window.__gap, t - window.__last); window.__last = t; requestAnimationFrame(tick); })(window.__last); 0`, nil),
			chromedp.SetUploadFiles("#file", []string{path}, chromedp.ByQuery),
			chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready' && document.getElementById('capcount').textContent.startsWith('`+want+`')`,
				&done, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(30*time.Minute)),
			chromedp.Evaluate(`window.__gap`, &gap),
			chromedp.Evaluate(`window.__long`, &long))
	}
	b.StopTimer()
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "packets/s")
	b.ReportMetric(float64(size)*float64(b.N)/b.Elapsed().Seconds()/1e6, "MB/s")
	// Two views of "did the tab freeze": the longest task the page's main
	// thread ran (a long task is one over 50 ms), and the longest time
	// between animation frames, which headless Chromium also stretches when
	// the machine is busy.
	b.ReportMetric(long, "max-longtask-ms")
	b.ReportMetric(gap, "max-frame-gap-ms")
	for _, p := range br.problems() {
		b.Errorf("browser: %s", p)
	}
}

func commaInt(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// BenchmarkBrowserCapture100k reads a 100,000-packet pcap (100-byte echo
// messages) in the page: worker, wasm, packet list. The file is left in
// testout/ for the native comparison:
//
//	go test -run '^$' -bench BrowserCapture100k ./native/serve/
//	time bin/icmplab decode --format text testout/bench-100k.pcap >/dev/null
func BenchmarkBrowserCapture100k(b *testing.B) {
	const n = 100_000
	dir := filepath.Join(moduleRoot(b), "testout")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "bench-100k.pcap")
	size := writeBenchCapture(b, path, n, 100)
	benchUpload(b, path, n, size)
}

// BenchmarkBrowserCapture1GB reads a 1 GB capture (1500-byte packets) in the
// page, to show that memory stays bounded and the tab responsive. It writes
// the file to a temporary directory, so it runs only when asked:
//
//	ICMPLAB_BENCH_1GB=1 go test -run '^$' -bench BrowserCapture1GB -benchtime 1x -timeout 1h ./native/serve/
func BenchmarkBrowserCapture1GB(b *testing.B) {
	if os.Getenv("ICMPLAB_BENCH_1GB") != "1" {
		b.Skip("set ICMPLAB_BENCH_1GB=1 to write and read a 1 GB capture")
	}
	const n = 1 << 30 / 1516
	path := filepath.Join(b.TempDir(), "bench-1g.pcap")
	size := writeBenchCapture(b, path, n, 1500)
	benchUpload(b, path, n, size)
}

// A packet with a wrong checksum shows the right value worked out, and the
// explanations switch to Korean.
func TestBrowserBadChecksumAndKorean(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	pkt := echoRequest(9)
	pkt[len(pkt)-1] ^= 0x55 // damage a data byte
	f := dissect.Dissect(pkt, dissect.LayerIPv4, dissect.Options{})
	if f.ICMP == nil || f.ICMP.Checksum.Status != codec.ChecksumBad {
		t.Fatal("fixture: the damaged packet's checksum is not bad")
	}
	b.paste(t, hex.EncodeToString(pkt))
	var verdict, marks string
	b.run(t, "select checksum",
		chromedp.Click(`#tree li[data-field="icmp.checksum"] > .trow`, chromedp.ByQuery),
		// The explanation is drawn after the tree and bytes are painted:
		// wait for its verdict's words, not only its element.
		chromedp.Poll(`(() => { const v = document.querySelector('#teach .verdict'); return v && v.textContent ? v.textContent : null; })()`, &verdict, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate(`[...document.querySelectorAll('#tree .mark.warning, #tree .mark.error')].length + ' ' + document.querySelectorAll('#hex .b.nwarn, #hex .b.nerr').length`, &marks))
	if want := fmt.Sprintf("0x%04x", f.ICMP.Checksum.Want); !strings.Contains(verdict, want) {
		t.Errorf("verdict %q does not give the right value %s", verdict, want)
	}
	if marks == "0 0" || strings.HasPrefix(marks, "0 ") || strings.HasSuffix(marks, " 0") {
		t.Errorf("bad checksum not marked in both tree and hex (tree marks, hex marks = %s)", marks)
	}
	ko, ok := explain.Lookup("icmp.checksum")
	if !ok || ko.KO == "" {
		t.Fatal("codec has no Korean explanation of icmp.checksum")
	}
	// The verdict names the value the checksum should have, not "what the
	// bytes add up to" (which is 0xffff for a correct packet).
	if strings.Contains(verdict, "add up to") || !strings.Contains(verdict, "checksum of these bytes is") {
		t.Errorf("verdict %q: want it to say the checksum of the bytes is the right value", verdict)
	}
	var text string
	// The page redraws everything in Korean (the codec's words are asked
	// again), keeping the selected field.
	b.run(t, "korean", chromedp.Click(`.lang button[data-lang="ko"]`, chromedp.ByQuery),
		chromedp.Poll(`(() => { const e = document.querySelector('#teach .explain'); return e && e.textContent === `+strconvQuote(ko.KO)+` ? e.textContent : null; })()`,
			&text, chromedp.WithPollingTimeout(10*time.Second)))
	if text != ko.KO {
		t.Errorf("after KO the field explanation is %q, want codec's %q", text, ko.KO)
	}
	var heads []string
	b.run(t, "korean headings", chromedp.Evaluate(`[...document.querySelectorAll('#teach h3')].map(h => h.textContent)`, &heads))
	if want := fmt.Sprintf("타입 %d, 코드 %d", f.ICMP.Type, f.ICMP.Code); !strings.Contains(strings.Join(heads, "|"), want) {
		t.Errorf("after KO the headings are %q, want one %q", heads, want)
	}
	b.noProblems(t)
}

// A capture of 50,000 packets scrolls to its last row and filters by type
// and address; only the visible rows are in the DOM.
func TestBrowserLargeCaptureList(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	const n = 50_000
	var frames [][]byte
	for i := 0; i < n; i++ {
		p := echoRequest(uint16(i))
		if i%5 == 4 {
			p = mplsTimeExceeded()
		}
		frames = append(frames, p)
	}
	path := filepath.Join(t.TempDir(), "large.pcapng")
	if err := os.WriteFile(path, pcapng(frames), 0o644); err != nil {
		t.Fatal(err)
	}
	var done bool
	b.run(t, "upload", chromedp.SetUploadFiles("#file", []string{path}, chromedp.ByQuery),
		chromedp.Poll(`document.getElementById('capture').dataset.state === 'ready' && document.getElementById('capcount').textContent.startsWith('50,000 packets')`,
			&done, chromedp.WithPollingTimeout(2*time.Minute)))
	var last struct {
		No   string `json:"no"`
		DOM  int    `json:"dom"`
		Info string `json:"info"`
	}
	b.run(t, "scroll to the end",
		chromedp.Evaluate(`(() => { const v = document.getElementById('vport'); v.scrollTop = v.scrollHeight; })()`, nil),
		chromedp.Poll(`(() => {
			const rows = [...document.querySelectorAll('#vrows .vrow')].filter(r => r.children.length === 7);
			const l = rows[rows.length - 1];
			return l && l.children[0].textContent === '50000' ? {no: l.children[0].textContent, dom: document.querySelectorAll('#vrows .vrow').length, info: l.children[4].textContent} : null;
		})()`, &last, chromedp.WithPollingTimeout(5*time.Second)))
	if last.DOM > 40 {
		t.Errorf("%d rows in the DOM for a 50,000-packet list: not virtualised", last.DOM)
	}
	lastFrame := dissect.Dissect(frames[n-1], dissect.LayerIPv4, dissect.Options{})
	if !strings.Contains(last.Info, lastFrame.Info) {
		t.Errorf("last row summary %q, want %q", last.Info, lastFrame.Info)
	}
	var count string
	b.run(t, "filter by type",
		chromedp.Evaluate(`(() => { const s = document.getElementById('ftype'); s.value = '4:`+fmt.Sprint(int(codec.ICMPv4TimeExceeded))+`'; s.dispatchEvent(new Event('change')); })()`, nil),
		chromedp.Poll(`(() => { const h = document.getElementById('vspace').style.height; return h === '`+fmt.Sprint(n/5*26)+`px' ? h : null; })()`, &count, chromedp.WithPollingTimeout(10*time.Second)))
	b.run(t, "filter by address",
		chromedp.Evaluate(`(() => { const s = document.getElementById('ftype'); s.value = ''; s.dispatchEvent(new Event('change')); const a = document.getElementById('faddr'); a.value = '`+tRouter.String()+`'; a.dispatchEvent(new Event('input')); })()`, nil),
		chromedp.Poll(`(() => { const h = document.getElementById('vspace').style.height; return h === '`+fmt.Sprint(n/5*26)+`px' ? h : null; })()`, &count, chromedp.WithPollingTimeout(10*time.Second)))
	b.screenshot(t, "large-capture.png")
	b.noProblems(t)
}

// The builder makes a message from fields with the codec's encoder, and the
// page dissects it at once.
func TestBrowserBuilder(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	var hexText string
	b.run(t, "build",
		chromedp.Click("#builder summary", chromedp.ByQuery),
		chromedp.SetValue("#bid", "4242", chromedp.ByQuery),
		chromedp.SetValue("#bseq", "17", chromedp.ByQuery),
		chromedp.SetValue("#bdata", "built in the browser", chromedp.ByQuery),
		chromedp.Click("#bbuild", chromedp.ByQuery),
		chromedp.WaitVisible(`#tree li[data-field="icmp"]`, chromedp.ByQuery),
		chromedp.Value("#paste", &hexText, chromedp.ByQuery))
	pkt, err := hex.DecodeString(hexText)
	if err != nil {
		t.Fatalf("paste box holds %q: %v", hexText, err)
	}
	p, err := codec.DecodeIP(pkt)
	if err != nil || !p.HasICMP {
		t.Fatalf("built bytes do not decode: %v", err)
	}
	e, ok := p.ICMP.Echo()
	if !ok || e.ID != 4242 || e.Seq != 17 || string(e.Data) != "built in the browser" || p.ICMP.Sum.Status != codec.ChecksumGood {
		t.Errorf("built message: echo %+v (ok %v), checksum %v", e, ok, p.ICMP.Sum.Status)
	}
	checkTree(t, b.tree(t), pkt, dissect.LayerIPv4)
	b.screenshot(t, "builder.png")
	b.noProblems(t)
}

// The watchers the other tests rely on must see what they watch for: an
// inline script is refused by the CSP and reported, and so is an uncaught
// exception. Without this, "no problems" could mean "not listening".
func TestBrowserWatchersSeeViolations(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	b.run(t, "violate",
		chromedp.Evaluate(`(() => { const s = document.createElement('script'); s.textContent = 'window.__inline = 1'; document.body.append(s); })()`, nil),
		chromedp.Evaluate(`setTimeout(() => { throw new Error('deliberate') }, 0)`, nil))
	var ran bool
	b.run(t, "inline ran?", chromedp.Evaluate(`window.__inline === 1`, &ran))
	if ran {
		t.Error("an inline script ran: the CSP does not hold")
	}
	// The reports reach the test through the DevTools protocol, a moment
	// after the page made them: wait for both, as long as a slow machine needs.
	var csp, exc bool
	for deadline := time.Now().Add(30 * time.Second); !(csp && exc) && time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		for _, p := range b.problems() {
			csp = csp || strings.Contains(p, "Content Security Policy") || strings.Contains(p, "Refused")
			exc = exc || strings.Contains(p, "deliberate")
		}
	}
	if !csp || !exc {
		t.Errorf("watchers missed the CSP violation (%v) or the exception (%v); saw %q", csp, exc, b.problems())
	}
}

// Once loaded, the page works offline: the service worker serves its files
// when the server is gone. It copies them only a few seconds after the first
// load (sw.js, REFRESH_DELAY), so that a reload at once does not compete with
// the copy nor find the worker taking control halfway.
func TestBrowserOffline(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	var early struct {
		Controlled bool `json:"controlled"`
		Cached     bool `json:"cached"`
	}
	b.run(t, "right after the first load", chromedp.Evaluate(`caches.has('icmplab-v1').then(c => ({controlled: !!navigator.serviceWorker.controller, cached: c}))`,
		&early, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if early.Controlled || early.Cached {
		t.Errorf("right after the first load the service worker controls the page (%v) or has copied its files (%v): its copy was to wait", early.Controlled, early.Cached)
	}
	var controlled bool
	b.run(t, "service worker", chromedp.Poll(`navigator.serviceWorker.ready.then(() => caches.open('icmplab-v1')).then(c => c.match('main.wasm')).then(r => !!r)`,
		&controlled, chromedp.WithPollingTimeout(30*time.Second)))
	b.srv.Close()
	pkt := echoRequest(5)
	b.run(t, "reload offline", chromedp.Navigate(b.origin+"/#hex="+hex.EncodeToString(pkt)),
		chromedp.WaitVisible(`#tree li[data-field="icmp"]`, chromedp.ByQuery))
	checkTree(t, b.tree(t), pkt, dissect.LayerIPv4)
}

// clickRow clicks row i of the packet list once it is drawn. The list is
// drawn again as the page settles, so the row is found when it is clicked:
// a node chromedp.Click found a moment before may be gone by then ("Could
// not find node with given id").
func clickRow(i int) chromedp.Action {
	return chromedp.Poll(`(() => { const r = document.querySelector('#vrows .vrow[data-i="`+strconv.Itoa(i)+`"]'); if (!r) return false; r.click(); return true; })()`,
		nil, chromedp.WithPollingTimeout(20*time.Second))
}

// Two pasted fragments, listed: the second row shows the reassembled
// datagram as a second byte buffer, with a tab to show it.
func TestBrowserPastedFragments(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest},
		codec.Echo{ID: 1, Seq: 2, Data: bytes.Repeat([]byte("frag"), 16)})
	frag := func(off int, part []byte, more bool) []byte {
		h := codec.IPv4Header{IHL: 5, TotalLength: uint16(20 + len(part)), ID: 0x4242, TTL: 64, Protocol: codec.ProtoICMP,
			Src: tHost, Dst: tTarget, FragOff: uint16(off / 8)}
		if more {
			h.Flags = codec.IPv4FlagMF
		}
		return append(h.AppendHeader(nil), part...)
	}
	f1, f2 := frag(0, msg[:48], true), frag(48, msg[48:], false)
	ra := dissect.NewReassembler()
	dissect.Dissect(f1, dissect.LayerIPv4, dissect.Options{Reassembler: ra})
	native := dissect.Dissect(f2, dissect.LayerIPv4, dissect.Options{Reassembler: ra})
	if len(native.Sources) != 1 {
		t.Fatalf("fixture: native dissection of the second fragment has %d sources", len(native.Sources))
	}
	b.paste(t, hex.EncodeToString(f1)+"\n\n"+hex.EncodeToString(f2))
	var tabs []string
	var info string
	// The tabs are drawn again as the page settles, like the list
	// (clickRow): the tab is found when it is clicked.
	b.run(t, "second frame", clickRow(1),
		chromedp.Poll(`!document.getElementById('sources').hidden && document.querySelectorAll('#sources button').length === 2`,
			nil, chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.Evaluate(`[...document.querySelectorAll('#sources button')].map(b => b.textContent)`, &tabs),
		chromedp.Evaluate(`document.querySelector('#sources button:nth-child(2)').click()`, nil),
		chromedp.Poll(`(() => { const on = document.querySelector('#sources button.on'); return on && on.matches(':nth-child(2)') ? document.getElementById('hexinfo').textContent : null; })()`,
			&info, chromedp.WithPollingTimeout(20*time.Second)))
	want := native.Sources[0]
	if len(tabs) != 2 || tabs[1] != want.Name || !strings.HasPrefix(info, fmt.Sprintf("%d bytes", len(want.Data))) {
		t.Errorf("source tabs %q, hex info %q: want %q of %d bytes", tabs, info, want.Name, len(want.Data))
	}
	b.noProblems(t)
}

// A dropped or opened text file that is not a capture is read like a paste.
func TestBrowserOpenTextDump(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "")
	pkt := mplsTimeExceeded()
	path := filepath.Join(t.TempDir(), "dump.txt")
	if err := os.WriteFile(path, []byte(textdump.Format(textdump.TcpdumpXASCII, pkt)), 0o644); err != nil {
		t.Fatal(err)
	}
	b.run(t, "open text", chromedp.SetUploadFiles("#file", []string{path}, chromedp.ByQuery))
	checkTree(t, b.tree(t), pkt, dissect.LayerIPv4)
	// Its one packet is listed, as a pasted one is.
	b.oneRow(t, "the dump's packet, listed", "icmp.mpls.label")
	b.noProblems(t)
}

// ---------------------------------------------------------------- language and files

// langs are the page's two languages; tests whose assertions do not depend
// on the words (or take them from strings.js) run in both.
var langs = []string{"en", "ko"}

// clickUntil clicks sel (after running the script before, if any) until
// the script done gives a value, which goes to out. The page's height
// follows the frame shown: when the last click's explanation is drawn
// (after the tree is painted) what is below the details moves, and the
// page may scroll, between the moment a click's point is worked out and
// the press, so the press can land beside the button (the story's rows,
// the language buttons after a click far down the page). A person clicks
// again; so does the test, with the button's place found anew, four times
// at most. On the last failure it says what the page reported.
func (b *browser) clickUntil(tb testing.TB, what, sel, before, done string, out any) {
	tb.Helper()
	for try := 1; ; try++ {
		ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
		var acts []chromedp.Action
		if before != "" {
			acts = append(acts, chromedp.Evaluate(before, nil))
		}
		acts = append(acts, chromedp.Click(sel, chromedp.ByQuery), chromedp.Poll(done, out, chromedp.WithPollingTimeout(10*time.Second)))
		err := chromedp.Run(ctx, acts...)
		cancel()
		if err == nil {
			return
		}
		if try == 4 {
			tb.Fatalf("%s (%d clicks): %v; the page reported: %q", what, try, err, b.problems())
		}
	}
}

// setLang clicks the language button and waits until the page has redrawn
// every word in it (body[data-lang]: the codec's words come back from the
// worker after <html lang> changes, and the example cards are drawn anew).
func (b *browser) setLang(tb testing.TB, l string) {
	tb.Helper()
	var done bool
	b.clickUntil(tb, "language "+l, `.lang button[data-lang="`+l+`"]`, "",
		`document.documentElement.lang === `+strconv.Quote(l)+` && document.body.dataset.lang === `+strconv.Quote(l)+` || null`, &done)
}

// pageT is the page's own word for key in the language shown, asked of
// strings.js itself (the module the page runs, through app.js's
// icmplabPage: the page is one bundled script), so a test compares with
// the page's wording in either language without repeating it.
func (b *browser) pageT(tb testing.TB, key string, args ...any) string {
	tb.Helper()
	js, err := json.Marshal(append([]any{}, args...))
	require.NoError(tb, err)
	var s string
	b.run(tb, "string "+key, chromedp.Evaluate(`Promise.resolve(String(window.icmplabPage.t(`+strconv.Quote(key)+`, ...`+string(js)+`)))`, &s,
		func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	return s
}

// upload opens a capture file through the page's file input (as a user
// picking it) and waits until it is listed and its story asked for.
func (b *browser) upload(tb testing.TB, path string) {
	tb.Helper()
	path, err := filepath.Abs(path) // Chromium reads it, from its own folder
	require.NoError(tb, err)
	b.run(tb, "forget the last capture", chromedp.Evaluate(`document.getElementById('capture').dataset.state = ''`, nil))
	b.run(tb, "upload "+filepath.Base(path), chromedp.SetUploadFiles("#file", []string{path}, chromedp.ByQuery),
		chromedp.Poll(`(() => { const c = document.getElementById('capture');
			return c.dataset.state === 'ready' && document.getElementById('capname').textContent === `+strconv.Quote(filepath.Base(path))+`; })()`,
			nil, chromedp.WithPollingTimeout(30*time.Second)))
}

// hangulFont checks that the Korean text of the element sel matches is
// drawn with a CJK font (fonts-noto-cjk, installed by .ci/run), asked of
// Chromium's own record of the platform fonts it used for that node, so a
// Korean screenshot shows Hangul and not empty boxes.
func (b *browser) hangulFont(tb testing.TB, sel string) {
	tb.Helper()
	var text string
	var nodes []*cdp.Node
	b.run(tb, "node of "+sel, chromedp.Text(sel, &text, chromedp.ByQuery), chromedp.Nodes(sel, &nodes, chromedp.ByQuery))
	require.Regexp(tb, `[가-힣]`, text, "%s holds no Hangul", sel)
	var fonts []*css.PlatformFontUsage
	b.run(tb, "fonts of "+sel, chromedp.ActionFunc(func(ctx context.Context) error {
		if err := css.Enable().Do(ctx); err != nil {
			return err
		}
		var err error
		fonts, err = css.GetPlatformFontsForNode(nodes[0].NodeID).Do(ctx)
		return err
	}))
	var names []string
	cjk := false
	for _, f := range fonts {
		names = append(names, fmt.Sprintf("%s (%v glyphs)", f.FamilyName, f.GlyphCount))
		if strings.Contains(f.FamilyName, "CJK") && f.GlyphCount > 0 {
			cjk = true
		}
	}
	require.True(tb, cjk, "%s (%q) is drawn with %v, no CJK font (apt-get install fonts-noto-cjk)", sel, text, names)
}
