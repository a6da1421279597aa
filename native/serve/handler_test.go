package serve

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
)

// site returns a minimal complete site; wasm is a compressible stand-in.
func testSite() fstest.MapFS {
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("icmplab "), 4096)...)
	return fstest.MapFS{
		"index.html":   {Data: []byte("<!doctype html><title>t</title>")},
		"app.js":       {Data: []byte("'use strict';")},
		"worker.js":    {Data: []byte("'use strict';")},
		"wasm_exec.js": {Data: []byte("'use strict';")},
		"main.wasm":    {Data: wasm},
	}
}

func TestNewRefusesWithoutWasm(t *testing.T) {
	fsys := testSite()
	delete(fsys, "main.wasm")
	_, err := New(fsys)
	if !errors.Is(err, ErrNoWasm) {
		t.Fatalf("New without main.wasm: err = %v, want ErrNoWasm", err)
	}
	if !strings.Contains(err.Error(), "make build") {
		t.Errorf("error %q does not tell the user to run make build", err)
	}
}

func TestServeHeadersAndGzip(t *testing.T) {
	fsys := testSite()
	h, err := New(fsys)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	// Go's transport adds Accept-Encoding: gzip and decodes transparently
	// unless we set the header ourselves; set it to see the raw response.
	req, _ := http.NewRequest("GET", srv.URL+"/main.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip, br")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if got := resp.Header.Get("Content-Type"); got != "application/wasm" {
		t.Errorf("main.wasm Content-Type = %q, want application/wasm", got)
	}
	if got := resp.Header.Get("Content-Security-Policy"); got != CSP {
		t.Errorf("CSP header = %q, want %q", got, CSP)
	}
	if resp.Header.Get("Content-Encoding") != "gzip" {
		t.Fatalf("main.wasm not gzipped for a client that accepts gzip")
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(body, fsys["main.wasm"].Data) {
		t.Errorf("gunzipped main.wasm differs from the original (%d vs %d bytes)", len(body), len(fsys["main.wasm"].Data))
	}

	// A client refusing gzip gets the plain bytes.
	req, _ = http.NewRequest("GET", srv.URL+"/main.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip;q=0")
	resp2, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := io.ReadAll(resp2.Body)
	resp2.Body.Close()
	if resp2.Header.Get("Content-Encoding") != "" || !bytes.Equal(plain, fsys["main.wasm"].Data) {
		t.Errorf("gzip;q=0: Content-Encoding %q, %d bytes", resp2.Header.Get("Content-Encoding"), len(plain))
	}
}

func TestServeIndexAndRefusals(t *testing.T) {
	h, err := New(testSite())
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		method, path string
		status       int
		ctype        string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8"},
		{"GET", "/app.js", 200, "text/javascript; charset=utf-8"},
		{"GET", "/nope.txt", 404, ""},
		{"GET", "/../etc/passwd", 404, ""},
		{"POST", "/", 405, ""},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		if rec.Code != c.status {
			t.Errorf("%s %s: status %d, want %d", c.method, c.path, rec.Code, c.status)
		}
		if c.ctype != "" && rec.Header().Get("Content-Type") != c.ctype {
			t.Errorf("%s %s: Content-Type %q, want %q", c.method, c.path, rec.Header().Get("Content-Type"), c.ctype)
		}
		if rec.Header().Get("Content-Security-Policy") != CSP {
			t.Errorf("%s %s: no CSP header", c.method, c.path)
		}
	}
}
