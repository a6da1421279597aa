// Package testenv decides, in one place, what a test does when something it
// needs from outside the repository is missing: the shared capture corpus or
// a tool such as tshark. Without it the test skips and says what is missing
// and how to get it; under CI=true, where everything must be there, it fails.
//
// It is imported only by tests. It uses os and os/exec, which compile under
// GOOS=js too, so codec's tests that import it still run under Node.
package testenv

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true), where a missing
// dependency is a failure, not a skip.
func InCI() bool { return os.Getenv("CI") == "true" }

// ErrNoModuleRoot is returned when no go.mod is found above the working
// directory.
var ErrNoModuleRoot = errors.New("testenv: no go.mod above the working directory")

// RepoRoot walks up from the working directory (a test runs in its
// package's folder) to the folder holding go.mod.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", ErrNoModuleRoot
		}
		dir = up
	}
}

// SharedDir is the path of ../shared/<sub> beside the repository's root,
// where the workplace and CI both lay the shared files out. The error says
// why it is not usable (no module root, or the folder is missing).
func SharedDir(sub string) (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(filepath.Dir(root), "shared", sub)
	st, err := os.Stat(dir)
	if err != nil {
		return dir, err
	}
	if !st.IsDir() {
		return dir, errors.New("testenv: " + dir + " is not a folder")
	}
	return dir, nil
}

// RequireShared returns ../shared/corpus (the public captures with tshark's
// decode beside them, not part of the repository). When it is missing the
// test is skipped with the path it looked for, or fails under CI=true.
func RequireShared(t testing.TB) string {
	t.Helper()
	dir, err := SharedDir("corpus")
	if err != nil {
		missing(t, "the shared capture corpus ("+dir+", beside the repository's root)", err)
	}
	return dir
}

// RequireTool returns the path of an executable, or skips the test (fails
// under CI=true) naming the Debian package that brings it.
func RequireTool(t testing.TB, name, pkg string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		missing(t, name+" (apt-get install "+pkg+")", err)
	}
	return p
}

// Skip skips the test with reason, or fails it under CI=true: every test
// that cannot run for want of something outside the repository (root, a
// device, a tool, a file) ends here, so a CI run never passes by skipping.
func Skip(t testing.TB, reason string) {
	t.Helper()
	if InCI() {
		t.Fatalf("CI=true but the test cannot run: %s", reason)
	}
	t.Skip("skipped: " + reason)
}

// RequireRoot skips (fails under CI=true) unless the process is root; why
// names what the test would do with it.
func RequireRoot(t testing.TB, why string) {
	t.Helper()
	if os.Geteuid() != 0 {
		Skip(t, "needs root "+why+" (run as root; CI=true makes this a failure)")
	}
}

// RequireFile returns path when it exists, or skips (fails under CI=true)
// saying what it is and how to get it.
func RequireFile(t testing.TB, path, what string) string {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		missing(t, what, err)
	}
	return path
}

func missing(t testing.TB, what string, err error) {
	t.Helper()
	Skip(t, "needs "+what+": "+err.Error())
}
