package serve

import (
	"bytes"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// precompressed writes testSite to a directory, runs Precompress over it
// and returns the directory.
func precompressed(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range testSite() {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), f.Data, 0o644))
	}
	require.NoError(t, Precompress(dir))
	return dir
}

func fetchForm(h *Handler, path, acceptEncoding, ifNoneMatch string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("GET", path, nil)
	req.Header.Set("Accept-Encoding", acceptEncoding)
	if ifNoneMatch != "" {
		req.Header.Set("If-None-Match", ifNoneMatch)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServeBrotli(t *testing.T) {
	dir := precompressed(t)
	_, err := os.Stat(filepath.Join(dir, "main.wasm"+BrotliSuffix))
	require.NoError(t, err, "Precompress wrote no brotli form of main.wasm")
	h, err := New(os.DirFS(dir))
	require.NoError(t, err)
	want := testSite()["main.wasm"].Data

	br := fetchForm(h, "/main.wasm", "gzip, deflate, br, zstd", "")
	require.Equal(t, 200, br.Code)
	require.Equal(t, "br", br.Header().Get("Content-Encoding"))
	got, err := io.ReadAll(brotli.NewReader(br.Body))
	require.NoError(t, err)
	assert.Equal(t, want, got, "the brotli form decompresses to main.wasm")
	assert.Equal(t, "Accept-Encoding", br.Header().Get("Vary"))

	gz := fetchForm(h, "/main.wasm", "gzip, br;q=0", "")
	assert.Equal(t, "gzip", gz.Header().Get("Content-Encoding"), "br;q=0 refuses brotli")
	plain := fetchForm(h, "/main.wasm", "identity", "")
	assert.Equal(t, "", plain.Header().Get("Content-Encoding"))
	assert.Equal(t, want, plain.Body.Bytes())
	star := fetchForm(h, "/main.wasm", "*", "")
	assert.Equal(t, "br", star.Header().Get("Content-Encoding"), "* takes the smallest form")

	// Each form has its own validator, and a revalidation answers 304 only
	// for the form it names.
	tags := map[string]bool{br.Header().Get("ETag"): true, gz.Header().Get("ETag"): true, plain.Header().Get("ETag"): true}
	assert.Len(t, tags, 3, "the three forms share an ETag: %v", tags)
	assert.Equal(t, 304, fetchForm(h, "/main.wasm", "br", br.Header().Get("ETag")).Code)
	assert.Equal(t, 200, fetchForm(h, "/main.wasm", "gzip", br.Header().Get("ETag")).Code)

	// The form is not a file of the site.
	assert.Equal(t, 404, fetchForm(h, "/main.wasm"+BrotliSuffix, "br", "").Code)
}

func TestStaleBrotliIgnored(t *testing.T) {
	dir := precompressed(t)
	// main.wasm rebuilt without make: its old brotli form stays beside it.
	rebuilt := append(bytes.Repeat([]byte("rebuilt "), 4096), 1)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.wasm"), rebuilt, 0o644))
	h, err := New(os.DirFS(dir))
	require.NoError(t, err)
	rec := fetchForm(h, "/main.wasm", "gzip, br", "")
	assert.Equal(t, "gzip", rec.Header().Get("Content-Encoding"), "a brotli form of another file was served")
	_, _, br, _ := h.Size("main.wasm")
	assert.Zero(t, br)
}

func TestPrecompressRemovesStaleForms(t *testing.T) {
	dir := precompressed(t)
	// A file that no longer compresses, and a form whose file is gone.
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.js"), []byte("1"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "app.js"+BrotliSuffix), []byte("old"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "gone.js"+BrotliSuffix), []byte("old"), 0o644))
	require.NoError(t, Precompress(dir))
	for _, name := range []string{"app.js", "gone.js"} {
		_, err := os.Stat(filepath.Join(dir, name+BrotliSuffix))
		assert.True(t, os.IsNotExist(err), "%s%s left behind", name, BrotliSuffix)
	}
	_, err := os.Stat(filepath.Join(dir, "main.wasm"+BrotliSuffix))
	assert.NoError(t, err)
}

func TestAccepts(t *testing.T) {
	cases := []struct {
		header, coding string
		want           bool
	}{
		{"gzip, deflate, br, zstd", "br", true},
		{"gzip, deflate", "br", false},
		{"br;q=0, gzip", "br", false},
		{"br; q=0.0", "br", false},
		{"BR;Q=0.5", "br", true},
		{"*", "br", true},
		{"*;q=0", "gzip", false},
		{"*, gzip;q=0", "gzip", false},
		{"gzip;q=0, *", "gzip", false},
		{"", "gzip", false},
		{"identity", "gzip", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, accepts(c.header, c.coding), "accepts(%q, %q)", c.header, c.coding)
	}
}
