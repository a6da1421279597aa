package testenv

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRepoRootHoldsGoMod(t *testing.T) {
	root, err := RepoRoot()
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(root, "go.mod"))
	require.NoError(t, err, "RepoRoot must be the folder holding go.mod")
	wd, _ := os.Getwd()
	rel, err := filepath.Rel(root, wd)
	require.NoError(t, err)
	require.Equal(t, filepath.Join("internal", "testenv"), rel, "walked up from the package folder")
}

func TestSharedDirIsBesideTheRoot(t *testing.T) {
	root, err := RepoRoot()
	require.NoError(t, err)
	dir, _ := SharedDir("no-such-folder-here")
	require.Equal(t, filepath.Join(filepath.Dir(root), "shared", "no-such-folder-here"), dir)
	_, err = SharedDir("no-such-folder-here")
	require.Error(t, err, "a missing folder is an error, not an empty path")
}
