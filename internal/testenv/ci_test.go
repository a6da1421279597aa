//go:build !js

package testenv

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// requireToolCall matches a RequireTool call whose tool and package are
// literals: RequireTool(t, "tshark", "tshark").
var requireToolCall = regexp.MustCompile(`RequireTool\(\w+, "([^"]+)", "([^"]+)"\)`)

// TestCIInstallsEveryTool reads every Go file of the repository for the
// tools its tests ask for and checks that .ci/run installs each one's
// package: a test that fails under CI=true for want of a tool .ci/run
// never installs would be a red CI by construction.
func TestCIInstallsEveryTool(t *testing.T) {
	root, err := RepoRoot()
	require.NoError(t, err)
	script, err := os.ReadFile(filepath.Join(root, ".ci", "run"))
	require.NoError(t, err)
	installed := map[string]bool{}
	for _, line := range strings.Split(string(script), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, w := range strings.Fields(strings.TrimSuffix(line, "\\")) {
			installed[w] = true
		}
	}
	asked := map[string]string{} // package -> a file that asks for it
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasPrefix(p, filepath.Join(root, "internal", "testenv")) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range requireToolCall.FindAllStringSubmatch(string(b), -1) {
			asked[m[2]], _ = filepath.Rel(root, p)
		}
		return nil
	})
	require.NoError(t, err)
	require.Contains(t, asked, "tshark", "the scan finds the tests' RequireTool calls")
	for _, pkg := range []string{"chromium", "fonts-noto-cjk", "man-db", "zsh", "fish", "tshark"} {
		asked[pkg] = "the suite (named here: Chromium, Hangul fonts, man, the completion shells)"
	}
	for pkg, file := range asked {
		assert.True(t, installed[pkg], ".ci/run does not install %s, asked for by %s", pkg, file)
	}
}
