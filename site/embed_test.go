package site

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page loads its modules as one script, the bundle (site/bundle),
// after boot.js has started the worker; the service worker's list names
// every file the page and its worker load, the bundle among them, so that
// the page opened offline misses none.
func TestPageLoadsTheBundle(t *testing.T) {
	index, err := fs.ReadFile(Static, "static/index.html")
	require.NoError(t, err)
	_, err = fs.Stat(Static, "static/bundle.js")
	require.NoError(t, err, "site/static/bundle.js is built by make wasm")
	page := string(index)
	assert.Contains(t, page, `<script src="bundle.js" type="module"></script>`)
	assert.NotContains(t, page, `src="app.js"`, "the modules come in the bundle, not one by one")
	assert.NotContains(t, page, `rel="modulepreload"`, "nothing to preload: the bundle imports nothing")
	assert.Less(t, strings.Index(page, `src="boot.js"`), strings.Index(page, `src="bundle.js"`), "boot.js runs before the modules")

	sw, err := fs.ReadFile(Static, "static/sw.js")
	require.NoError(t, err)
	m := regexp.MustCompile(`const ASSETS = \[([^\]]*)\]`).FindSubmatch(sw)
	require.NotNil(t, m, "sw.js has no ASSETS list")
	for _, f := range []string{"index.html", "boot.js", "bundle.js", "style.css", "worker.js", "wasm_exec.js", "main.wasm"} {
		assert.Contains(t, string(m[1]), "'"+f+"'", "sw.js keeps %s offline", f)
	}
}

// Every module the page imports is one of js/ (site/bundle builds the
// page's script from them: a misspelt path fails here first).
func TestImportsResolve(t *testing.T) {
	imp := regexp.MustCompile(`from '(\./[^']+)'`)
	check := func(dir, name string) {
		src, err := fs.ReadFile(Static, dir+"/"+name)
		require.NoError(t, err)
		for _, m := range imp.FindAllSubmatch(src, -1) {
			target := dir + "/" + strings.TrimPrefix(string(m[1]), "./")
			_, err := fs.Stat(Static, target)
			assert.NoError(t, err, "%s imports %s", name, m[1])
		}
	}
	check("static", "app.js")
	entries, err := fs.ReadDir(Static, "static/js")
	require.NoError(t, err)
	for _, e := range entries {
		check("static/js", e.Name())
	}
}
