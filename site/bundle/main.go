// Command bundle writes site/static/bundle.js: the page's ES modules
// (app.js and everything it imports from js/) as one minified module, which
// index.html loads. One script instead of 25 requests and module records
// leaves more of a small machine's two cores to the codec's worker while a
// share link opens (README, "Start-up": 5% sooner cold, 10% warm, 25% on a
// return visit, side by side in one run). The sources stay the modules in
// site/static; `make wasm` runs this, and TestBundleIsCurrent holds the
// served file to them.
package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

// entry and out are relative to the site's static directory.
const (
	entry = "app.js"
	out   = "bundle.js"
)

func main() {
	dir := "site/static"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	js, err := build(dir)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, out), js, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "bundle:", err)
		os.Exit(1)
	}
}

// build bundles dir's entry module with everything it imports.
func build(dir string) ([]byte, error) {
	r := api.Build(api.BuildOptions{
		EntryPoints:       []string{filepath.Join(dir, entry)},
		Bundle:            true,
		Format:            api.FormatESModule,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: true,
		Target:            api.ES2020,
		Charset:           api.CharsetUTF8,
		LegalComments:     api.LegalCommentsNone,
		Write:             false,
		LogLevel:          api.LogLevelSilent,
	})
	if len(r.Errors) > 0 {
		var msgs []string
		for _, m := range r.Errors {
			where := ""
			if m.Location != nil {
				where = fmt.Sprintf("%s:%d:%d: ", m.Location.File, m.Location.Line, m.Location.Column)
			}
			msgs = append(msgs, where+m.Text)
		}
		return nil, errors.New(strings.Join(msgs, "; "))
	}
	if len(r.OutputFiles) != 1 {
		return nil, fmt.Errorf("esbuild wrote %d files, want 1", len(r.OutputFiles))
	}
	return r.OutputFiles[0].Contents, nil
}
