package netns

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// The icmplab command as the tests that run it in namespaces need it: built
// once per test binary, without cgo so that priv.DropAll reaches every
// thread, into a directory every user can read (some tests run it as
// nobody, some with a file capability).
var bin struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// Binary builds the icmplab command once and returns its path. A build
// failure fails the test: it is the code's fault, not the machine's.
func Binary(t testing.TB) string {
	t.Helper()
	bin.once.Do(func() {
		goBin, err := exec.LookPath("go")
		if err != nil {
			goBin = "/usr/local/go/bin/go" // the Go image's, when PATH lacks it
		}
		if bin.dir, bin.err = os.MkdirTemp("", "icmplab-test-bin-"); bin.err != nil {
			return
		}
		if bin.err = os.Chmod(bin.dir, 0o755); bin.err != nil {
			return
		}
		bin.path = filepath.Join(bin.dir, "icmplab")
		cmd := exec.Command(goBin, "build", "-o", bin.path, "icmplab/native")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			bin.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if bin.err != nil {
		t.Fatal(bin.err)
	}
	return bin.path
}

// RemoveBinary deletes what Binary built; a package's TestMain calls it
// after m.Run.
func RemoveBinary() {
	if bin.dir != "" {
		os.RemoveAll(bin.dir)
	}
}
