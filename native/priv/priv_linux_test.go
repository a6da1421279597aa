//go:build linux

package priv

import (
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"icmplab/internal/testenv"
)

const childEnv = "ICMPLAB_PRIV_CHILD"

// TestMain lets the test binary act as a child process: dropping capabilities
// is irreversible, so the drop is tested in a process of its own.
func TestMain(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(child())
	}
	os.Exit(m.Run())
}

// child starts a few busy threads, drops, then checks every thread.
func child() int {
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			runtime.LockOSThread() // force distinct OS threads
			<-stop
		}()
	}
	time.Sleep(20 * time.Millisecond)
	r, err := DropAll()
	if err != nil {
		os.Stderr.WriteString("DropAll: " + err.Error() + "\n")
		return 3
	}
	caps, err := ThreadCapEffs(0)
	close(stop)
	wg.Wait()
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		return 3
	}
	var b strings.Builder
	b.WriteString("scope=" + r.Scope.String() + "\n")
	if r.Before&(1<<unix.CAP_NET_RAW) != 0 {
		b.WriteString("before=netraw\n")
	}
	for _, v := range caps {
		if v != 0 {
			b.WriteString("thread-with-caps\n")
		}
	}
	if len(caps) < 5 {
		b.WriteString("few-threads\n")
	}
	st, _ := os.ReadFile("/proc/self/status")
	if strings.Contains(string(st), "NoNewPrivs:\t1") {
		b.WriteString("nnp=1\n")
	}
	os.Stdout.WriteString(b.String())
	return 0
}

func TestDropAllClearsEveryThread(t *testing.T) {
	testenv.RequireRoot(t, "so that there are capabilities to drop")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	s := string(out)
	for _, want := range []string{"scope=all threads", "before=netraw", "nnp=1"} {
		if !strings.Contains(s, want+"\n") {
			t.Errorf("child report lacks %q:\n%s", want, s)
		}
	}
	for _, bad := range []string{"thread-with-caps", "few-threads"} {
		if strings.Contains(s, bad) {
			t.Errorf("child report says %q:\n%s", bad, s)
		}
	}
}

func TestProcCapEffMatchesCapget(t *testing.T) {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	// The test's goroutine may not be on the main thread; read its own task.
	want, err := Effective()
	if err != nil {
		t.Fatal(err)
	}
	got, err := capEffFrom("/proc/thread-self/status")
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("/proc CapEff %#x, capget %#x", got, want)
	}
}
