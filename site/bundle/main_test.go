package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestBundleIsCurrent holds site/static/bundle.js, the script index.html
// loads, to the modules it is built from: a change to a module without
// `make wasm` fails here rather than serving the old page.
func TestBundleIsCurrent(t *testing.T) {
	dir := filepath.Join("..", "static")
	served, err := os.ReadFile(filepath.Join(dir, out))
	if os.IsNotExist(err) {
		t.Fatalf("%s/%s is missing: run make wasm", dir, out)
	}
	require.NoError(t, err)
	built, err := build(dir)
	require.NoError(t, err)
	require.True(t, bytes.Equal(served, built), "%s/%s is older than the modules it bundles: run make wasm", dir, out)
}

// TestBundleReportsErrors: a module that does not parse names its file and line.
func TestBundleReportsErrors(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, entry), []byte("import { x } from './missing.js';\nexport const y = ;\n"), 0o644))
	_, err := build(dir)
	require.Error(t, err)
	require.Contains(t, err.Error(), "app.js:2")
}
