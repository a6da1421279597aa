package serve

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// BrotliSuffix names a file's brotli form beside it in the site tree
// (main.wasm.br). New serves it to a browser that accepts br, once it has
// checked that it decompresses to the file.
const BrotliSuffix = ".br"

// Brotli's densest setting, with a 1 MB window. Quality 11 takes some 15 s
// for main.wasm on one core, which is why it is done once at build time
// (Precompress, run by `make wasm`) and not when the server starts. The
// window is the decoder's working memory: with 1 MB instead of the largest
// (16 MB) main.wasm is 2% larger (1.35 MB, 26% smaller than gzip's best)
// but decodes in 28 ms instead of 51 (gzip: 40), measured with Debian's
// brotli and gzip tools; a browser decodes it on every load, a cached one
// included (README, "Serving").
const (
	brotliQuality = 11
	brotliWindow  = 20
)

// Precompress writes the brotli form of every file under dir that the
// handler would compress, when that form is smaller than its gzip form
// (New's rule), and removes forms left beside files that no longer have
// one. Files are compressed in parallel.
func Precompress(dir string) error {
	var names, stale []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || d.IsDir():
			return err
		case strings.HasSuffix(p, BrotliSuffix):
			stale = append(stale, p)
		default:
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	var (
		mu   sync.Mutex
		errs []error
		kept = map[string]bool{}
		wg   sync.WaitGroup
	)
	for _, p := range names {
		wg.Go(func() {
			written, err := writeBrotli(p)
			mu.Lock()
			defer mu.Unlock()
			if written {
				kept[p+BrotliSuffix] = true
			}
			if err != nil {
				errs = append(errs, err)
			}
		})
	}
	wg.Wait()
	for _, p := range stale {
		if !kept[p] {
			errs = append(errs, os.Remove(p))
		}
	}
	return errors.Join(errs...)
}

// writeBrotli writes the brotli form of the file p beside it when the
// handler would serve it (asset.takesBrotli).
func writeBrotli(p string) (written bool, err error) {
	body, err := os.ReadFile(p)
	if err != nil {
		return false, err
	}
	br := brotliBytes(body)
	if !newAsset(p, body).takesBrotli(br) {
		return false, nil
	}
	return true, os.WriteFile(p+BrotliSuffix, br, 0o644)
}

func brotliBytes(body []byte) []byte {
	var buf bytes.Buffer
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotliQuality, LGWin: brotliWindow})
	w.Write(body) // a bytes.Buffer does not fail
	w.Close()
	return buf.Bytes()
}
