package serve_test

// Where the module floor's time goes (README, "Start-up"): the page's own
// main.wasm loaded the way worker.js loads it, each step timed in the worker,
// in a fresh Chromium per load (nothing cached, no other page), in four
// ways side by side:
//
//   - stream: fetch into WebAssembly.compileStreaming, as worker.js does;
//   - buffer: the body read whole first (arrayBuffer), then compiled, which
//     splits the body's delivery from the compile;
//   - gz: main.wasm.gz served as a plain file (no Content-Encoding) and
//     inflated in the worker (DecompressionStream), so that only the
//     compressed bytes cross the browser's network service;
//   - page: stream, but on the page's main thread with no worker.
//
//	go test -run '^$' -bench ModuleSteps -benchtime 1x ./native/serve/
//
// ICMPLAB_STARTUP_ROUNDS sets the loads of each way (default 5);
// ICMPLAB_STARTUP_JS_FLAGS passes flags to V8 (--no-wasm-lazy-compilation
// shows what lazy compilation moves into Go's start and the first calls).

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"

	"icmplab/native/serve"
)

// stepsLoader loads the module and times each step, in ms after its
// global's time origin; it runs as the worker or as the page's own script.
// %[1]q is the way, %[2]q the packet's hex.
const stepsLoader = `'use strict';
const t = { origin: performance.timeOrigin };
const T = () => Math.round(performance.now());
t.start = T();
const way = %[1]q;
const resp = fetch(way === 'gz' ? 'main.wasm.gz' : 'main.wasm');
const done = (async () => {
  if (typeof Go === 'undefined') {
    if (typeof importScripts === 'function') importScripts('wasm_exec.js');
    else await new Promise((ok, fail) => {
      const s = document.createElement('script');
      s.src = 'wasm_exec.js';
      s.onload = ok;
      s.onerror = fail;
      document.head.append(s);
    });
  }
  const r = await resp;
  t.headers = T();
  let mod;
  if (way === 'buffer') {
    const b = await r.arrayBuffer();
    t.body = T();
    mod = await WebAssembly.compile(b);
  } else if (way === 'gz') {
    const body = r.body.pipeThrough(new DecompressionStream('gzip'));
    mod = await WebAssembly.compileStreaming(new Response(body, { headers: { 'Content-Type': 'application/wasm' } }));
  } else {
    mod = await WebAssembly.compileStreaming(r);
  }
  t.compiled = T();
  const go = new Go();
  const inst = await WebAssembly.instantiate(mod, go.importObject);
  t.instantiated = T();
  go.run(inst);
  t.goMain = Math.round(self.icmplab.mainStart);
  await self.icmplab.decode(%[2]q, { dialect: 'plain hex', layer: '', lang: 'en', list: true });
  t.decoded = T();
  await self.icmplab.init('en');
  t.init = T();
  return t;
})();
`

// stepsApp starts the worker (or, for the page way, runs the loader
// itself) and puts the timing where the benchmark reads it.
const stepsApp = `'use strict';
const show = (t) => { t.workerStart = Math.round(t.origin - performance.timeOrigin); window.__steps = t; };
if (%[1]q === 'page') {
  done.then(show);
} else {
  const w = new Worker('worker.js');
  w.onmessage = (e) => show(e.data);
}
`

const stepsIndex = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>module steps</title>
<script src="loader.js"></script><script src="app.js"></script></head><body><p>steps</p></body></html>
`

// stepsFS is the probe page of one way around the site's main.wasm.
func stepsFS(tb testing.TB, site fs.FS, way string, pkt []byte) fs.FS {
	tb.Helper()
	loader := fmt.Sprintf(stepsLoader, way, hex.EncodeToString(pkt))
	m := fstest.MapFS{
		"index.html": {Data: []byte(stepsIndex)},
		"app.js":     {Data: []byte(fmt.Sprintf(stepsApp, way))},
		"loader.js":  {Data: []byte("")},
		"worker.js":  {Data: []byte(loader + "done.then((t) => postMessage(t));\n")},
	}
	if way == "page" {
		m["loader.js"] = &fstest.MapFile{Data: []byte(loader)}
	}
	for _, name := range []string{"main.wasm", "wasm_exec.js"} {
		body, err := fs.ReadFile(site, name)
		if err != nil {
			tb.Fatal(err)
		}
		m[name] = &fstest.MapFile{Data: body}
	}
	var gz bytes.Buffer
	zw, err := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := zw.Write(m["main.wasm"].Data); err != nil {
		tb.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	m["main.wasm.gz"] = &fstest.MapFile{Data: gz.Bytes()}
	return m
}

// stepNames are the steps in the order they happen.
var stepNames = []string{"workerStart", "start", "headers", "body", "compiled", "instantiated", "goMain", "decoded", "init"}

func BenchmarkModuleSteps(b *testing.B) {
	exe := needChromium(b)
	site := siteFS(b)
	rounds := 5
	if v, err := strconv.Atoi(os.Getenv("ICMPLAB_STARTUP_ROUNDS")); err == nil && v > 0 {
		rounds = v
	}
	ways := []string{"stream", "buffer", "gz", "page"}
	servers := map[string]*httptest.Server{}
	for _, way := range ways {
		h, err := serve.New(stepsFS(b, site, way, echoRequest(3)))
		if err != nil {
			b.Fatal(err)
		}
		servers[way] = httptest.NewServer(h)
		defer servers[way].Close()
	}
	opts := []chromedp.ExecAllocatorOption{chromedp.ExecPath(exe), chromedp.Flag("headless", true), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true), chromedp.NoFirstRun}
	if f := os.Getenv("ICMPLAB_STARTUP_JS_FLAGS"); f != "" {
		opts = append(opts, chromedp.Flag("js-flags", f))
	}
	samples := map[string]map[string][]float64{}
	b.ResetTimer()
	for range b.N {
		for r := range rounds {
			for k := range ways {
				way := ways[(k+r)%len(ways)] // rotate which goes first
				steps, err := loadSteps(opts, profileDir(b), servers[way].URL+"/")
				if err != nil {
					b.Fatalf("%s round %d: %v", way, r, err)
				}
				if samples[way] == nil {
					samples[way] = map[string][]float64{}
				}
				for name, v := range steps {
					samples[way][name] = append(samples[way][name], v)
				}
			}
		}
	}
	b.StopTimer()
	for _, way := range ways {
		var line []string
		for _, name := range stepNames {
			if xs := samples[way][name]; len(xs) > 0 {
				line = append(line, fmt.Sprintf("%s %.0f", name, median(xs)))
			}
		}
		b.ReportMetric(median(samples[way]["init"]), way+"-init-ms")
		b.Logf("%s, medians of %d loads in ms after the loader's time origin (the worker's start; for page, the navigation), workerStart after the page's: %s", way, rounds, strings.Join(line, ", "))
	}
}

// profileDir is a new browser profile, removed with the benchmark.
func profileDir(b *testing.B) string {
	b.Helper()
	dir, err := os.MkdirTemp("", "icmplab-steps-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// loadSteps opens url in a new Chromium and returns the loader's timing.
func loadSteps(opts []chromedp.ExecAllocatorOption, profile, url string) (map[string]float64, error) {
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(opts, chromedp.UserDataDir(profile))...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelT := context.WithTimeout(ctx, 60*time.Second)
	defer cancelT()
	var steps map[string]float64
	if err := chromedp.Run(ctx, chromedp.Navigate("about:blank")); err != nil {
		return nil, err
	}
	// A new browser starts its window's own interface first
	// (browser_quiet_test.go): the steps are the module's, not that.
	waitQuiet(ctx)
	err := chromedp.Run(ctx, chromedp.Navigate(url),
		chromedp.Poll(`window.__steps !== undefined`, nil, chromedp.WithPollingInterval(5*time.Millisecond)),
		chromedp.Evaluate(`window.__steps`, &steps))
	delete(steps, "origin")
	return steps, err
}
