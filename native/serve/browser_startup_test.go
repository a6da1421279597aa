package serve_test

// Start-up, measured (issue 14, "Start-up"): how long from navigation to the
// first dissection of a share link, against a bare Go WebAssembly worker in
// the same run. The bare page is served by the same handler, with the same
// wasm_exec.js, a worker that does nothing but instantiate a trivial Go
// module (its main posts "ready"), and the same build flags; it is the floor
// any Go page pays. Both are opened alternately, cold (a new browser
// context: no HTTP cache, no service worker), warm (the same context again)
// and as a return visit (startupModes), so that the load of a shared
// machine falls on both alike.
//
//	go test -run '^$' -bench Startup -benchtime 1x ./native/serve/
//
// ICMPLAB_STARTUP_ROUNDS sets the rounds (default 5, about three minutes on a
// quiet 2-core machine), ICMPLAB_STARTUP_PAUSE the wait before a return
// load (startupModes); ICMPLAB_STARTUP_JS_FLAGS passes flags to V8;
// ICMPLAB_STARTUP_LINK=MBIT,RTT serves every page over an emulated link
// (slowLink) and ICMPLAB_STARTUP_GZIP=1 adds the page as served to a
// browser without brotli. Figures are medians; the log splits the page's
// time where it goes (README, "Start-up").

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"

	"icmplab/native/serve"
)

// bareMain is the trivial Go program of the bare page: it tells the worker
// it runs, and ends.
const bareMain = `package main

import "syscall/js"

func main() { js.Global().Call("postMessage", "ready") }
`

// bareWorker loads the module the way worker.js does.
// It also tells the page when it started and had its module compiled, for
// the log's split of the bare page's time.
const bareWorker = `'use strict';
const t = { start: performance.timeOrigin };
importScripts('wasm_exec.js');
const go = new Go();
WebAssembly.instantiateStreaming(fetch('main.wasm'), go.importObject).then(({ instance }) => {
  t.compiled = performance.now();
  postMessage(t);
  go.run(instance);
});
`

// moduleWorker is the bare worker with the page's own main.wasm: once Go
// runs it asks for one dissection of the share link's packet
// and then says "ready". It is the floor of any page built on this
// module (fetch, compile, Go's start, the first call), without the page:
// the page's time above it is the page's own.
const moduleWorker = `'use strict';
const t = { start: performance.timeOrigin };
importScripts('wasm_exec.js');
const go = new Go();
WebAssembly.instantiateStreaming(fetch('main.wasm'), go.importObject).then(async ({ instance }) => {
  t.compiled = performance.now();
  go.run(instance);
  t.goMain = performance.now();
  await self.icmplab.decode('%s');
  t.decoded = performance.now();
  const w = performance.getEntriesByType('resource').find((r) => r.name.endsWith('/main.wasm'));
  if (w) {
    t.wasmFetch = w.startTime;
    t.wasmFetched = w.responseEnd;
  }
  postMessage(t);
  postMessage('ready');
});
`

const bareApp = `'use strict';
const w = new Worker('worker.js');
w.onmessage = (e) => {
  if (e.data === 'ready') document.body.dataset.bare = 'ready';
  else window.__bareTiming = e.data;
};
`

const bareIndex = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bare Go wasm worker</title>
<script src="app.js"></script></head><body><p>bare</p></body></html>
`

// bareFS is the bare page, with wasm_exec.js taken from the site the
// benchmark serves (the toolchain's).
func bareFS(tb testing.TB, site fs.FS) fs.FS {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(bareMain), 0o644); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module bare\n\ngo 1.24\n"), 0o644); err != nil {
		tb.Fatal(err)
	}
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s", "-o", "main.wasm", ".")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "GOFLAGS=", "GOWORK=off")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("building the bare module: %v\n%s", err, out)
	}
	// Compressed as make wasm compresses the site's: the bare page is what
	// any Go page served the same way pays.
	if err := serve.Precompress(dir); err != nil {
		tb.Fatal(err)
	}
	m := fstest.MapFS{
		"index.html": {Data: []byte(bareIndex)},
		"app.js":     {Data: []byte(bareApp)},
		"worker.js":  {Data: []byte(bareWorker)},
	}
	withForms(tb, m, os.DirFS(dir), "main.wasm")
	withForms(tb, m, site, "wasm_exec.js")
	return m
}

// moduleFS is the bare page around the site's own main.wasm, whose worker
// dissects pkt once (moduleWorker).
func moduleFS(tb testing.TB, site fs.FS, pkt []byte) fs.FS {
	tb.Helper()
	m := fstest.MapFS{
		"index.html": {Data: []byte(bareIndex)},
		"app.js":     {Data: []byte(bareApp)},
		"worker.js":  {Data: []byte(fmt.Sprintf(moduleWorker, hex.EncodeToString(pkt)))},
	}
	withForms(tb, m, site, "main.wasm", "wasm_exec.js")
	return m
}

// markScript runs in every document before its own scripts: it notes when
// the first dissection's ICMP node (the page) or the worker's "ready" (the
// bare page) reaches the DOM, and the frame after, when it is painted.
const markScript = `(() => {
  const seen = () => document.querySelector('#tree li[data-field="icmp"]') || (document.body && document.body.dataset.bare === 'ready');
  const obs = new MutationObserver(() => {
    if (window.__shown || !seen()) return;
    window.__shown = performance.now();
    requestAnimationFrame(() => { window.__painted = performance.now(); });
    obs.disconnect();
  });
  obs.observe(document, { subtree: true, childList: true, attributes: true });
  // The page's main-thread tasks over 50 ms.
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, dur: e.duration }); }).observe({ type: 'longtask', buffered: true });
  // The same frames as long animation frames, with what ran in them: each
  // script's entry point and time, and the frame's style and layout.
  window.__loaf = [];
  try {
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__loaf.push({ start: e.startTime, dur: e.duration,
      layout: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
      scripts: e.scripts.map((s) => ({ what: (s.invoker || s.sourceFunctionName || '?') + ' ' + (s.sourceURL || '').split('/').pop(), dur: s.duration })) }); })
      .observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
  // Every call to the worker: when the page posted it and when the answer came.
  const W = window.Worker;
  window.__calls = [];
  window.Worker = class extends W {
    constructor(...a) {
      super(...a);
      this.addEventListener('message', (e) => {
        const c = e.data && window.__calls.find((c) => c.id === e.data.id && c.end === undefined);
        if (c) Object.assign(c, { end: performance.now(), took: e.data.took, recv: e.data.recv - performance.timeOrigin, sent: e.data.sent - performance.timeOrigin });
      });
    }
    postMessage(m, ...r) {
      if (m && m.op) window.__calls.push({ id: m.id, op: m.op, start: performance.now() });
      return super.postMessage(m, ...r);
    }
  };
})();`

// startupModes are the loads of one round, each target in its own new
// browser context: cold (nothing cached), warm (the same link again at
// once) and return (again after defaultReturnPause). Chromium writes a
// module's compiled code to its cache only a few seconds after the module
// ran (V8 waits for its optimising compiler to settle), so the warm load
// still compiles main.wasm; a visitor coming back later gets the cached
// code, which the return load measures.
var startupModes = []string{"cold", "warm", "return"}

// defaultReturnPause is the wait before the return load
// (ICMPLAB_STARTUP_PAUSE changes it): measured on the 2-core VM, a return
// 6 s later had the compiled code cache, one at once did not.
const defaultReturnPause = 6 * time.Second

// startupSample is one page load, in ms after navigation start.
type startupSample struct {
	Shown   float64            `json:"shown"`
	Painted float64            `json:"painted"`
	Doc     float64            `json:"doc"`     // the document's responseEnd
	Scripts float64            `json:"scripts"` // the last script or module's responseEnd
	NScript int                `json:"nscript"`
	Timing  map[string]float64 `json:"timing"` // the page's body.dataset.timing, worker times made page-relative
	Calls   []struct {
		Op    string  `json:"op"`
		Start float64 `json:"start"`
		End   float64 `json:"end"`
		Took  float64 `json:"took"` // as the worker timed it
		Recv  float64 `json:"recv"` // when the worker got it
		Sent  float64 `json:"sent"` // when the worker answered
	} `json:"calls"` // the page's calls to its worker until the mark
	Long []struct {
		Start float64 `json:"start"`
		Dur   float64 `json:"dur"`
	} `json:"long"` // the page's long tasks until the mark
	LoAF []struct {
		Start   float64 `json:"start"`
		Dur     float64 `json:"dur"`
		Layout  float64 `json:"layout"` // style and layout at its end
		Scripts []struct {
			What string  `json:"what"`
			Dur  float64 `json:"dur"`
		} `json:"scripts"`
	} `json:"loaf"` // the page's long animation frames until the paint
}

const readSample = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const scripts = performance.getEntriesByType('resource').filter((r) => r.initiatorType === 'script' || r.initiatorType === 'other' || r.initiatorType === 'link');
  const tm = document.body.dataset.timing ? JSON.parse(document.body.dataset.timing) : null;
  let timing = null;
  if (tm) {
    timing = {};
    for (const k of ['script', 'imported', 'wasmFetch', 'wasmFetched', 'compiled', 'goMain', 'running', 'ready']) if (tm[k] !== undefined) timing[k] = tm[k] + tm.workerStart;
    timing.workerStart = tm.workerStart;
    timing.wasmBytes = tm.wasmBytes || 0;
  } else if (window.__bareTiming) {
    const workerStart = window.__bareTiming.start - performance.timeOrigin;
    timing = { workerStart };
    for (const k of ['wasmFetch', 'wasmFetched', 'compiled', 'goMain', 'decoded']) if (window.__bareTiming[k] !== undefined) timing[k] = window.__bareTiming[k] + workerStart;
  }
  return { shown: window.__shown, painted: window.__painted || window.__shown, doc: nav.responseEnd,
    scripts: Math.max(0, ...scripts.map((r) => r.responseEnd)), nscript: scripts.length, timing,
    calls: (window.__calls || []).filter((c) => c.start < window.__shown),
    long: (window.__long || []).filter((l) => l.start < window.__shown),
    loaf: (window.__loaf || []).filter((l) => l.start < window.__painted) };
})()`

// load navigates ctx to url (through about:blank, so that a share link's
// fragment is a new document) and waits for the mark.
func load(ctx context.Context, url string) (startupSample, error) {
	var s startupSample
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	err := chromedp.Run(ctx, chromedp.Navigate("about:blank"), chromedp.Navigate(url))
	if err != nil {
		return s, err
	}
	// The poll may start in the document being left; it is asked again then.
	for try := 0; ; try++ {
		err = chromedp.Run(ctx,
			chromedp.Poll(`window.__painted !== undefined`, nil, chromedp.WithPollingInterval(5*time.Millisecond)),
			chromedp.Evaluate(readSample, &s))
		if err == nil || try == 3 || !strings.Contains(err.Error(), "context") || ctx.Err() != nil {
			return s, err
		}
	}
}

// freshContext opens a tab in a new browser context (its own cache,
// storage and service workers), disposed of by cancel.
func freshContext(bctx context.Context) (context.Context, context.CancelFunc, error) {
	c := chromedp.FromContext(bctx)
	exe := cdp.WithExecutor(bctx, c.Browser)
	id, err := target.CreateBrowserContext().WithDisposeOnDetach(true).Do(exe)
	if err != nil {
		return nil, nil, err
	}
	tid, err := target.CreateTarget("about:blank").WithBrowserContextID(id).WithNewWindow(true).Do(exe)
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithTargetID(tid))
	return ctx, func() {
		chromedp.Cancel(ctx)
		cancel()
		target.DisposeBrowserContext(id).Do(exe)
	}, nil
}

// parseLink reads ICMPLAB_STARTUP_LINK ("20,30": 20 Mbit/s, 30 ms round
// trip); "" is no link (rate 0).
func parseLink(v string) (rate float64, rtt time.Duration, err error) {
	if v == "" {
		return 0, 0, nil
	}
	mbit, ms, _ := strings.Cut(v, ",")
	m, err := strconv.ParseFloat(mbit, 64)
	if err != nil || m <= 0 {
		return 0, 0, fmt.Errorf("ICMPLAB_STARTUP_LINK=%q: want MBIT[,RTT_MS], e.g. 20,30", v)
	}
	if ms != "" {
		r, err := strconv.ParseFloat(ms, 64)
		if err != nil || r < 0 {
			return 0, 0, fmt.Errorf("ICMPLAB_STARTUP_LINK=%q: the round trip %q is not a number of ms", v, ms)
		}
		rtt = time.Duration(r * float64(time.Millisecond))
	}
	return m * 1e6 / 8, rtt, nil
}

// slowLink serves h as if over a link: each response waits a round trip
// before its headers, and its body leaves at rate bytes a second, per
// request, as one TCP flow's would. Chromium's own network emulation does
// not reach a page's Web Worker, which is what fetches main.wasm.
func slowLink(h http.Handler, rate float64, rtt time.Duration) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(rtt)
		h.ServeHTTP(&pacedWriter{ResponseWriter: w, rate: rate, start: time.Now()}, r)
	})
}

// pacedWriter writes at most rate bytes a second since start.
type pacedWriter struct {
	http.ResponseWriter
	rate  float64
	start time.Time
	sent  int
}

// pacedChunk is what goes out at once: about a millisecond at 100 Mbit/s.
const pacedChunk = 16 << 10

func (p *pacedWriter) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		k, err := p.ResponseWriter.Write(b[:min(len(b), pacedChunk)])
		n += k
		p.sent += k
		if f, ok := p.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
		if err != nil {
			return n, err
		}
		b = b[k:]
		time.Sleep(time.Until(p.start.Add(time.Duration(float64(p.sent) / p.rate * float64(time.Second)))))
	}
	return n, nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func BenchmarkStartup(b *testing.B) {
	exe := needChromium(b)
	site := siteFS(b)
	h, err := serve.New(site)
	if err != nil {
		b.Fatal(err)
	}
	// ICMPLAB_STARTUP_LINK=MBIT,RTT serves every page as if over a link of
	// that many Mbit/s and that round trip in ms (slowLink): a visitor's
	// start-up is mostly its link's, and what crosses it.
	rate, rtt, err := parseLink(os.Getenv("ICMPLAB_STARTUP_LINK"))
	if err != nil {
		b.Fatal(err)
	}
	newServer := func(h http.Handler) *httptest.Server {
		if rate > 0 {
			h = slowLink(h, rate, rtt)
		}
		return httptest.NewServer(h)
	}
	pageSrv := newServer(h)
	defer pageSrv.Close()
	bh, err := serve.New(bareFS(b, site))
	if err != nil {
		b.Fatal(err)
	}
	bare := newServer(bh)
	defer bare.Close()
	rounds := 5
	if v, err := strconv.Atoi(os.Getenv("ICMPLAB_STARTUP_ROUNDS")); err == nil && v > 0 {
		rounds = v
	}
	pause := defaultReturnPause
	if v, err := time.ParseDuration(os.Getenv("ICMPLAB_STARTUP_PAUSE")); err == nil && v >= 0 {
		pause = v
	}
	raw, gz, br, _ := h.Size("main.wasm")
	braw, bgz, _, _ := bh.Size("main.wasm")
	logSizes := func(quiet string) {
		b.Logf("main.wasm %d bytes (%d gzipped, %d brotli); bare module %d bytes (%d gzipped); %s", raw, gz, br, braw, bgz, quiet)
	}

	profile, err := os.MkdirTemp("", "icmplab-chromium-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(profile)
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(exe), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.NoFirstRun, chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(profile), chromedp.WindowSize(1400, 1000)}
	// ICMPLAB_STARTUP_JS_FLAGS passes flags to V8 (--js-flags), to try
	// what a compiler setting would change; the page's users have none.
	if f := os.Getenv("ICMPLAB_STARTUP_JS_FLAGS"); f != "" {
		opts = append(opts, chromedp.Flag("js-flags", f))
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	if err := chromedp.Run(bctx); err != nil {
		b.Fatalf("starting chromium: %v", err)
	}

	pkt := echoRequest(3)
	frag := "/#hex=" + hex.EncodeToString(pkt)
	mh, err := serve.New(moduleFS(b, site, pkt))
	if err != nil {
		b.Fatal(err)
	}
	module := newServer(mh)
	defer module.Close()
	targets := []struct{ name, url string }{{"bare", bare.URL + "/"}, {"module", module.URL + "/"}, {"page", pageSrv.URL + frag}}
	// samples[name][a startupModes mode]
	samples := map[string]map[string][]startupSample{"bare": {}, "module": {}, "page": {}}
	// ICMPLAB_STARTUP_CANDIDATE names another module (a .wasm file that
	// installs icmplab.decode(hex)) whose floor is measured beside the
	// site's in the same run: what a smaller or differently built codec
	// module would start in.
	if f := os.Getenv("ICMPLAB_STARTUP_CANDIDATE"); f != "" {
		body, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		// Compressed as the site's module is.
		cdir := b.TempDir()
		if err := os.WriteFile(filepath.Join(cdir, "main.wasm"), body, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := serve.Precompress(cdir); err != nil {
			b.Fatal(err)
		}
		cfs := moduleFS(b, site, pkt).(fstest.MapFS)
		withForms(b, cfs, os.DirFS(cdir), "main.wasm")
		ch, err := serve.New(cfs)
		if err != nil {
			b.Fatal(err)
		}
		cand := newServer(ch)
		defer cand.Close()
		targets = append(targets, struct{ name, url string }{"candidate", cand.URL + "/"})
		samples["candidate"] = map[string][]startupSample{}
	}
	// ICMPLAB_STARTUP_BEFORE names another copy of site/static (an older
	// commit's, from git archive) to measure in the same run: what a change
	// gained. It is served with this tree's main.wasm unless the copy has
	// its own (built from the same commit), which a change to the Go side
	// needs for a fair comparison.
	if dir := os.Getenv("ICMPLAB_STARTUP_BEFORE"); dir != "" {
		m := fstest.MapFS{}
		err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			body, err := os.ReadFile(filepath.Join(dir, p))
			m[p] = &fstest.MapFile{Data: body}
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		for _, name := range []string{"main.wasm", "wasm_exec.js"} {
			if _, ok := m[name]; ok {
				continue // the older build's own module, put there beside its page
			}
			withForms(b, m, site, name)
		}
		oh, err := serve.New(m)
		if err != nil {
			b.Fatal(err)
		}
		old := newServer(oh)
		defer old.Close()
		targets = append(targets, struct{ name, url string }{"before", old.URL + frag})
		samples["before"] = map[string][]startupSample{}
	}
	// ICMPLAB_STARTUP_GZIP=1 adds the page as a browser that takes no
	// brotli gets it (gzip only), beside the page as served: what the
	// brotli forms gain (README, "Serving").
	if os.Getenv("ICMPLAB_STARTUP_GZIP") != "" {
		gz := newServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			r.Header.Set("Accept-Encoding", "gzip, deflate")
			h.ServeHTTP(w, r)
		}))
		defer gz.Close()
		targets = append(targets, struct{ name, url string }{"gzip", gz.URL + frag})
		samples["gzip"] = map[string][]startupSample{}
	}
	// Each new context's window starts its own user interface first
	// (browser_quiet_test.go); ICMPLAB_STARTUP_NOQUIET=1 measures during
	// it, as this benchmark did before 7 December.
	settle := os.Getenv("ICMPLAB_STARTUP_NOQUIET") == ""
	var waits []float64
	restless := 0
	b.ResetTimer()
	for range b.N {
		for r := range rounds {
			for k := range targets {
				tg := targets[(k+r)%len(targets)] // rotate which goes first
				ctx, cancel, err := freshContext(bctx)
				if err != nil {
					b.Fatal(err)
				}
				err = chromedp.Run(ctx, chromedp.ActionFunc(func(ctx context.Context) error {
					_, err := page.AddScriptToEvaluateOnNewDocument(markScript).Do(ctx)
					return err
				}))
				if err != nil {
					cancel()
					b.Fatal(err)
				}
				if settle {
					d, ok := waitQuiet(ctx)
					waits = append(waits, float64(d.Milliseconds()))
					if !ok {
						restless++
					}
				}
				for _, mode := range startupModes {
					if mode == "return" {
						time.Sleep(pause)
					}
					s, err := load(ctx, tg.url)
					if err != nil {
						cancel()
						b.Fatalf("%s %s round %d: %v", tg.name, mode, r, err)
					}
					samples[tg.name][mode] = append(samples[tg.name][mode], s)
				}
				cancel()
			}
		}
	}
	b.StopTimer()
	if settle {
		logSizes(fmt.Sprintf("each new window left to go quiet first: %.0f ms (median), %d of %d not quiet within %v", median(waits), restless, len(waits), quietMax))
	} else {
		logSizes("measured while each new window starts (ICMPLAB_STARTUP_NOQUIET)")
	}

	pick := func(ss []startupSample, f func(startupSample) float64) float64 {
		var xs []float64
		for _, s := range ss {
			xs = append(xs, f(s))
		}
		return median(xs)
	}
	for _, mode := range startupModes {
		bs, ps := samples["bare"][mode], samples["page"][mode]
		bareMs := pick(bs, func(s startupSample) float64 { return s.Painted })
		pageMs := pick(ps, func(s startupSample) float64 { return s.Painted })
		b.ReportMetric(bareMs, mode+"-bare-ms")
		b.ReportMetric(pageMs, mode+"-page-ms")
		b.ReportMetric(pageMs/bareMs, mode+"-ratio")
		moduleMs := pick(samples["module"][mode], func(s startupSample) float64 { return s.Painted })
		b.ReportMetric(moduleMs, mode+"-module-ms")
		b.ReportMetric(pageMs/moduleMs, mode+"-page/module")
		// The log keeps to 10 lines (the testing package cuts a
		// benchmark's longer log): the before figure shares a line.
		before := ""
		if os := samples["before"][mode]; len(os) > 0 {
			beforeMs := pick(os, func(s startupSample) float64 { return s.Painted })
			b.ReportMetric(beforeMs, mode+"-before-ms")
			before = fmt.Sprintf("; the page before %.0f ms, ratio %.2fx", beforeMs, beforeMs/bareMs)
		}
		if gs := samples["gzip"][mode]; len(gs) > 0 {
			gzMs := pick(gs, func(s startupSample) float64 { return s.Painted })
			b.ReportMetric(gzMs, mode+"-gzip-ms")
			before += fmt.Sprintf("; the page served with gzip only %.0f ms, ratio %.2fx", gzMs, gzMs/bareMs)
		}
		if cs := samples["candidate"][mode]; len(cs) > 0 {
			candMs := pick(cs, func(s startupSample) float64 { return s.Painted })
			b.ReportMetric(candMs, mode+"-candidate-ms")
			before += fmt.Sprintf("; the candidate module's floor %.0f ms, %.2fx the bare worker", candMs, candMs/bareMs)
		}
		var all []string
		for _, s := range ps {
			all = append(all, strconv.Itoa(int(s.Painted)))
		}
		var allB []string
		for _, s := range bs {
			allB = append(allB, strconv.Itoa(int(s.Painted)))
		}
		b.Logf("%s: bare %.0f ms (runs %s), page %.0f ms (runs %s), ratio %.2fx%s; the bare worker with the page's main.wasm and one dissection %.0f ms, the page %.2fx that", mode, bareMs, strings.Join(allB, " "), pageMs, strings.Join(all, " "), pageMs/bareMs, before, moduleMs, pageMs/moduleMs)
		if mode == "warm" {
			continue // the split of cold and return loads only: the log keeps to 10 lines
		}
		split := []string{fmt.Sprintf("document %.0f", pick(ps, func(s startupSample) float64 { return s.Doc })),
			fmt.Sprintf("scripts (%d) %.0f", ps[0].NScript, pick(ps, func(s startupSample) float64 { return s.Scripts }))}
		for _, k := range []string{"workerStart", "script", "imported", "wasmFetch", "wasmFetched", "compiled", "goMain", "running", "ready"} {
			split = append(split, fmt.Sprintf("%s %.0f", k, pick(ps, func(s startupSample) float64 { return s.Timing[k] })))
		}
		split = append(split, fmt.Sprintf("dissection in the DOM %.0f, painted %.0f", pick(ps, func(s startupSample) float64 { return s.Shown }), pageMs))
		ms := samples["module"][mode]
		var floor []string
		for _, k := range []string{"workerStart", "wasmFetch", "wasmFetched", "compiled", "goMain", "decoded"} {
			floor = append(floor, fmt.Sprintf("%s %.0f", k, pick(ms, func(s startupSample) float64 { return s.Timing[k] })))
		}
		b.Logf("%s bare page, medians in ms after navigation: worker started %.0f, module compiled %.0f, \"ready\" in the DOM %.0f, painted %.0f; the module floor: %s", mode,
			pick(bs, func(s startupSample) float64 { return s.Timing["workerStart"] }), pick(bs, func(s startupSample) float64 { return s.Timing["compiled"] }),
			pick(bs, func(s startupSample) float64 { return s.Shown }), bareMs, strings.Join(floor, ", "))
		b.Logf("%s page, medians in ms after navigation: %s; main.wasm sent as %.0f bytes", mode, strings.Join(split, ", "), pick(ps, func(s startupSample) float64 { return s.Timing["wasmBytes"] }))
		js, _ := json.Marshal(ps[len(ps)-1].Timing)
		var calls []string
		for _, c := range ps[len(ps)-1].Calls {
			calls = append(calls, fmt.Sprintf("%s %.0f-%.0f (in the worker %.0f-%.0f, %.0f ms)", c.Op, c.Start, c.End, c.Recv, c.Sent, c.Took))
		}
		var long []string
		for _, l := range ps[len(ps)-1].Long {
			long = append(long, fmt.Sprintf("%.0f+%.0f", l.Start, l.Dur))
		}
		var loaf []string
		for _, l := range ps[len(ps)-1].LoAF {
			var scripts []string
			for _, sc := range l.Scripts {
				if sc.Dur >= 5 {
					scripts = append(scripts, fmt.Sprintf("%s %.0f", sc.What, sc.Dur))
				}
			}
			loaf = append(loaf, fmt.Sprintf("%.0f+%.0f (style and layout %.0f; %s)", l.Start, l.Dur, l.Layout, strings.Join(scripts, ", ")))
		}
		b.Logf("%s page, last run: worker timing %s; calls %s; long tasks %s; long frames %s", mode, js, strings.Join(calls, ", "), strings.Join(long, ", "), strings.Join(loaf, "; "))
	}
}
