package site

import (
	"io/fs"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The service worker caches the page for offline use: its list must name
// every module of js/, or the page opened offline misses one.
func TestServiceWorkerListsEveryModule(t *testing.T) {
	sw, err := fs.ReadFile(Static, "static/sw.js")
	require.NoError(t, err)
	m := regexp.MustCompile(`const MODULES = \[([^\]]*)\]`).FindSubmatch(sw)
	require.NotNil(t, m, "sw.js has no MODULES list")
	listed := map[string]bool{}
	for _, q := range regexp.MustCompile(`'([a-z]+)'`).FindAllSubmatch(m[1], -1) {
		listed[string(q[1])+".js"] = true
	}
	entries, err := fs.ReadDir(Static, "static/js")
	require.NoError(t, err)
	var files []string
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".js") {
			files = append(files, e.Name())
			assert.True(t, listed[e.Name()], "js/%s is not in sw.js's MODULES", e.Name())
		}
	}
	assert.Len(t, listed, len(files), "sw.js lists modules that do not exist")
}

// Every module the page imports is one of js/ (no build step: the browser
// loads them as they are, so a misspelt path is a broken page).
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
