package codec

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestImportsArePure holds the package to what doc.go says it may import:
// pure standard-library packages only, nothing bound to an operating system
// and no other icmplab package but codec's own internal helpers, which are
// held to the same list.
func TestImportsArePure(t *testing.T) {
	allowed := map[string]bool{
		"encoding/binary": true, "errors": true, "math/bits": true, "net/netip": true, "slices": true,
		"strconv": true, "strings": true, "sync": true, "unicode/utf8": true, "unicode": true, "math": true, "sort": true,
		"fmt": true, "bytes": true, "cmp": true, "iter": true, "maps": true, "unicode/utf16": true,
	}
	const internal = "icmplab/codec/internal/"
	dirs := []string{"."}
	helpers, err := os.ReadDir("internal")
	require.NoError(t, err)
	for _, h := range helpers {
		if h.IsDir() {
			dirs = append(dirs, filepath.Join("internal", h.Name()))
		}
	}
	files := 0
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		require.NoError(t, err)
		for _, e := range entries {
			name := filepath.Join(dir, e.Name())
			if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
			require.NoError(t, err)
			files++
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				ok := allowed[path] || dir == "." && strings.HasPrefix(path, internal)
				assert.True(t, ok, "%s imports %q, which doc.go does not allow", name, path)
			}
		}
	}
	require.NotZero(t, files, "no source files read: the test checks nothing")
}
