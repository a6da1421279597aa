// Package serve is the HTTP side of `icmplab serve`: it hands the embedded
// workbench (site.Static) to a browser with a strict Content-Security-Policy,
// the right MIME types and compression (brotli made at build time, gzip made
// here), and nothing else. Every byte a user pastes or
// drops stays in the browser: the handler has no endpoint that accepts data.
package serve

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/andybalholm/brotli"
	"golang.org/x/net/netutil"
)

// CSP is the Content-Security-Policy of every response. The page repeats it in
// a <meta> tag; the header is what also covers the Web Worker, which a <meta>
// tag cannot reach. 'wasm-unsafe-eval' lets WebAssembly compile and nothing
// else: no inline script, no inline style attribute, no other origin.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// ErrNoWasm says the site was embedded before the WebAssembly module was built.
var ErrNoWasm = errors.New("main.wasm is missing from the embedded site: run make build")

// required are the files without which the page cannot dissect anything.
var required = []string{"index.html", "main.wasm", "wasm_exec.js", "worker.js", "app.js"}

// asset is one file held in memory, with its compressed forms when those
// are smaller: gzip, made when the handler is built, and brotli, made at
// build time (Precompress) and checked against the file here.
type asset struct {
	body  []byte
	gz    []byte
	br    []byte
	ctype string
	etag  string // of body; a compressed form's adds its coding (etagFor)
}

// Handler serves a site tree. It is built once: every file is read and the
// compressible ones gzipped up front, so a request costs a map lookup.
type Handler struct {
	assets  map[string]*asset
	modTime time.Time
}

// New reads the whole site from root (the directory holding index.html) and
// precompresses it. It fails with ErrNoWasm when main.wasm is absent, so a
// half-built binary says what to do instead of serving a page that cannot work.
func New(root fs.FS) (*Handler, error) {
	for _, name := range required {
		if _, err := fs.Stat(root, name); err != nil {
			if name == "main.wasm" || name == "wasm_exec.js" {
				return nil, fmt.Errorf("%w (%s: %v)", ErrNoWasm, name, err)
			}
			return nil, fmt.Errorf("site is incomplete: %s: %w", name, err)
		}
	}
	h := &Handler{assets: map[string]*asset{}, modTime: time.Now()}
	var brs []string
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		if strings.HasSuffix(p, BrotliSuffix) {
			brs = append(brs, p) // a form of another file, not a file of the site
			return nil
		}
		body, err := fs.ReadFile(root, p)
		if err != nil {
			return err
		}
		h.assets["/"+p] = newAsset(p, body)
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, p := range brs {
		a, ok := h.assets["/"+strings.TrimSuffix(p, BrotliSuffix)]
		if !ok {
			continue
		}
		br, err := fs.ReadFile(root, p)
		if err != nil {
			return nil, err
		}
		// A brotli form is served only if it is the file's: one left
		// from an older build (main.wasm rebuilt without make) is not.
		if a.takesBrotli(br) && brotliOf(br, a.body) {
			a.br = br
		}
	}
	return h, nil
}

// takesBrotli reports whether br is worth serving for the asset: the file
// is one that is compressed (it has a gzip form) and br is smaller still.
// Precompress writes a form by the same rule.
func (a *asset) takesBrotli(br []byte) bool {
	return a.gz != nil && len(br) < len(a.gz)
}

// brotliOf reports whether br decompresses to exactly body, reading no
// more than body's length and one byte.
func brotliOf(br, body []byte) bool {
	got, err := io.ReadAll(io.LimitReader(brotli.NewReader(bytes.NewReader(br)), int64(len(body))+1))
	return err == nil && bytes.Equal(got, body)
}

func newAsset(name string, body []byte) *asset {
	a := &asset{body: body, ctype: contentType(name)}
	a.etag = `"` + strconv.FormatUint(uint64(fnv32(body)), 16) + "-" + strconv.Itoa(len(body)) + `"`
	if compressible(a.ctype) && len(body) > 512 {
		var buf bytes.Buffer
		zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		zw.Write(body)
		zw.Close()
		if buf.Len() < len(body) {
			a.gz = buf.Bytes()
		}
	}
	return a
}

// contentType fixes the types that matter to a browser regardless of the
// host's mime.types: WebAssembly.instantiateStreaming refuses a module served
// with anything but application/wasm.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".wasm":
		return "application/wasm"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".html":
		return "text/html; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".json", ".webmanifest":
		return "application/json"
	case ".png":
		return "image/png"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}

func compressible(ctype string) bool {
	return strings.HasPrefix(ctype, "text/") || strings.HasPrefix(ctype, "application/wasm") ||
		strings.HasPrefix(ctype, "application/json") || strings.HasPrefix(ctype, "image/svg")
}

// Size reports the stored, gzipped and brotli size of one asset (0 for a
// form it does not have), for the startup log.
func (h *Handler) Size(name string) (raw, gz, br int, ok bool) {
	a, ok := h.assets["/"+strings.TrimPrefix(name, "/")]
	if !ok {
		return 0, 0, 0, false
	}
	return len(a.body), len(a.gz), len(a.br), true
}

// ServeHTTP answers GET and HEAD for the embedded files only.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Security-Policy", CSP)
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Referrer-Policy", "no-referrer")
	hdr.Set("Cross-Origin-Opener-Policy", "same-origin")
	hdr.Set("Cross-Origin-Resource-Policy", "same-origin")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed: this server only hands out the page", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	a, ok := h.assets[p]
	if !ok {
		http.NotFound(w, r)
		return
	}
	coding, body := a.form(r.Header.Get("Accept-Encoding"))
	etag := a.etagFor(coding)
	hdr.Set("Content-Type", a.ctype)
	hdr.Set("ETag", etag)
	// The page and worker must pick up a rebuilt wasm module at once; the
	// service worker keeps the offline copy.
	hdr.Set("Cache-Control", "no-cache")
	hdr.Add("Vary", "Accept-Encoding")
	if match := r.Header.Get("If-None-Match"); match != "" && match == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if coding != "" {
		hdr.Set("Content-Encoding", coding)
	}
	hdr.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	io.Copy(w, bytes.NewReader(body))
}

// Content codings the handler serves, smallest first.
const (
	codingBrotli = "br"
	codingGzip   = "gzip"
)

// form picks the smallest form of the asset the client accepts: its
// coding ("" for none) and bytes.
func (a *asset) form(acceptEncoding string) (coding string, body []byte) {
	if a.br != nil && accepts(acceptEncoding, codingBrotli) {
		return codingBrotli, a.br
	}
	if a.gz != nil && accepts(acceptEncoding, codingGzip) {
		return codingGzip, a.gz
	}
	return "", a.body
}

// etagFor is the asset's ETag in a coding: a strong validator differs
// between a file's forms (RFC 9110, 8.8.3), so that a cache never answers
// a request for one with another.
func (a *asset) etagFor(coding string) string {
	if coding == "" {
		return a.etag
	}
	return strings.TrimSuffix(a.etag, `"`) + "-" + coding + `"`
}

// accepts reads an Accept-Encoding list for coding, or "*", honouring an
// explicit q=0: a coding named with q=0 is refused even beside "*".
func accepts(v, coding string) bool {
	star := false
	for _, part := range strings.Split(v, ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		name = strings.TrimSpace(name)
		switch {
		case strings.EqualFold(name, coding):
			return !zeroQ(params)
		case name == "*":
			star = !zeroQ(params)
		}
	}
	return star
}

// zeroQ reports whether an Accept-Encoding entry's parameters say q=0.
func zeroQ(params string) bool {
	for _, p := range strings.Split(params, ";") {
		if q, ok := strings.CutPrefix(strings.ToLower(strings.ReplaceAll(p, " ", "")), "q="); ok {
			if f, err := strconv.ParseFloat(q, 64); err == nil && f == 0 {
				return true
			}
		}
	}
	return false
}

// fnv32 is FNV-1a, enough for an ETag.
func fnv32(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h ^= uint32(c)
		h *= 16777619
	}
	return h
}

// Limits of the server (README, "The budget"). Nothing a client does holds a
// connection or a goroutine longer than these say.
type Limits struct {
	// ReadHeader bounds how long a client may take to send its request
	// headers (slowloris).
	ReadHeader time.Duration
	// Idle is how long a keep-alive connection may wait for its next
	// request.
	Idle time.Duration
	// SlowRate is the slowest link, in bytes a second, that must still get
	// the largest file whole (uncompressed, for a client that refuses
	// gzip): the write timeout is that file's size at this rate, plus
	// WriteSlack. A client that reads slower, or not at all, is let go.
	SlowRate int
	// WriteSlack is added to the write timeout for the request's own
	// round trips.
	WriteSlack time.Duration
	// MaxConns caps the connections open at once; more wait in the
	// kernel's accept queue until one closes.
	MaxConns int
}

// DefaultLimits: a 256 kbit/s link (a poor mobile one) still gets main.wasm
// (about 5 MB raw) in the write timeout, about 2.5 minutes; a tab keeps its
// connection for a minute between requests; 256 connections are far more
// than one person's browser opens (six per origin).
var DefaultLimits = Limits{
	ReadHeader: 10 * time.Second,
	Idle:       60 * time.Second,
	SlowRate:   32 << 10,
	WriteSlack: 10 * time.Second,
	MaxConns:   256,
}

// WriteTimeout is the time the largest file takes at l.SlowRate, plus
// l.WriteSlack.
func (h *Handler) WriteTimeout(l Limits) time.Duration {
	largest := 0
	for _, a := range h.assets {
		largest = max(largest, len(a.body))
	}
	rate := max(l.SlowRate, 1)
	return time.Duration(largest)*time.Second/time.Duration(rate) + l.WriteSlack
}

// Server returns an http.Server for h with l's timeouts. Serve it on a
// listener from Listen, which holds the connection cap.
func (h *Handler) Server(l Limits) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.ReadHeader,
		// A request has no body (GET and HEAD only): reading it is
		// reading its headers.
		ReadTimeout:  l.ReadHeader,
		WriteTimeout: h.WriteTimeout(l),
		IdleTimeout:  l.Idle,
		// Headers are a few hundred bytes from a browser.
		MaxHeaderBytes: 16 << 10,
	}
}

// Listen caps ln at l.MaxConns connections open at once.
func Listen(ln net.Listener, l Limits) net.Listener {
	if l.MaxConns <= 0 {
		return ln
	}
	return netutil.LimitListener(ln, l.MaxConns)
}
