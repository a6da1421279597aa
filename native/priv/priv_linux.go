//go:build linux

package priv

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// DropAll clears every capability set of the process and sets no_new_privs;
// see the package comment for the cgo caveat. It is safe to call when the
// process holds no capabilities (it then only sets no_new_privs).
func DropAll() (Report, error) {
	var r Report
	before, err := effective()
	if err != nil {
		return r, err
	}
	r.Before = before

	hdr := unix.CapUserHeader{Version: unix.LINUX_CAPABILITY_VERSION_3}
	var data [2]unix.CapUserData // all zero: no effective, permitted, inheritable
	_, _, errno := syscall.AllThreadsSyscall(unix.SYS_CAPSET,
		uintptr(unsafe.Pointer(&hdr)), uintptr(unsafe.Pointer(&data[0])), 0)
	switch {
	case errno == 0:
		r.Scope = AllThreads
	case errno == syscall.ENOTSUP:
		r.Scope = ThreadOnly
		if err := unix.Capset(&hdr, &data[0]); err != nil {
			return r, fmt.Errorf("priv: capset: %w", err)
		}
	default:
		return r, fmt.Errorf("priv: capset on all threads: %w", errno)
	}

	// The ambient set is cleared by the empty permitted set already (the
	// kernel drops ambient capabilities that are not permitted); clear it
	// explicitly anyway, ignoring EINVAL from kernels before 4.3.
	if err := prctl(r.Scope, unix.PR_CAP_AMBIENT, unix.PR_CAP_AMBIENT_CLEAR_ALL); err != nil && !errors.Is(err, unix.EINVAL) {
		return r, fmt.Errorf("priv: clearing ambient capabilities: %w", err)
	}
	if err := prctl(r.Scope, unix.PR_SET_NO_NEW_PRIVS, 1); err != nil {
		return r, fmt.Errorf("priv: PR_SET_NO_NEW_PRIVS: %w", err)
	}
	r.NoNewPrivs = true
	return r, nil
}

// prctl applies a two-argument prctl to the threads scope names.
func prctl(scope Scope, option, arg uintptr) error {
	if scope == AllThreads {
		if _, _, errno := syscall.AllThreadsSyscall(unix.SYS_PRCTL, option, arg, 0); errno != 0 {
			return errno
		}
		return nil
	}
	return unix.Prctl(int(option), arg, 0, 0, 0)
}

// effective returns the calling thread's effective capability set.
func effective() (uint64, error) {
	hdr := unix.CapUserHeader{Version: unix.LINUX_CAPABILITY_VERSION_3}
	var data [2]unix.CapUserData
	if err := unix.Capget(&hdr, &data[0]); err != nil {
		return 0, fmt.Errorf("priv: capget: %w", err)
	}
	return uint64(data[1].Effective)<<32 | uint64(data[0].Effective), nil
}

// Effective returns the calling thread's effective capability set as a bit
// mask (bit n is capability n).
func Effective() (uint64, error) { return effective() }

// HasNetRaw reports whether the calling thread may open raw sockets now.
func HasNetRaw() bool {
	e, err := effective()
	return err == nil && e&(1<<unix.CAP_NET_RAW) != 0
}

// ProcCapEff reads the CapEff line of /proc/<pid>/status (pid 0 means this
// process): the effective set of that process's main thread, as the kernel
// reports it to anyone looking. Tests use it to watch a running prober.
func ProcCapEff(pid int) (uint64, error) {
	path := "/proc/self/status"
	if pid != 0 {
		path = "/proc/" + strconv.Itoa(pid) + "/status"
	}
	return capEffFrom(path)
}

// ThreadCapEffs reads CapEff of every thread of a process (pid 0: this one),
// keyed by thread id.
func ThreadCapEffs(pid int) (map[int]uint64, error) {
	dir := "/proc/self/task"
	if pid != 0 {
		dir = "/proc/" + strconv.Itoa(pid) + "/task"
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make(map[int]uint64, len(ents))
	for _, e := range ents {
		tid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		v, err := capEffFrom(dir + "/" + e.Name() + "/status")
		if err != nil {
			continue // the thread exited meanwhile
		}
		out[tid] = v
	}
	return out, nil
}

func capEffFrom(path string) (uint64, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "CapEff:"); ok {
			n, err := strconv.ParseUint(strings.TrimSpace(v), 16, 64)
			if err != nil {
				return 0, fmt.Errorf("priv: %s: CapEff %q: %w", path, v, err)
			}
			return n, nil
		}
	}
	if err := sc.Err(); err != nil {
		return 0, err
	}
	return 0, fmt.Errorf("priv: %s: no CapEff line", path)
}
