// Package netns builds throwaway network topologies for tests: Linux network
// namespaces joined by veth pairs, addressed from the benchmarking ranges
// 198.18.0.0/15 and 2001:2::/48 (RFC 2544, RFC 5180), so that tests send real
// packets through real kernels without touching any network but their own.
//
// Every namespace a test creates is deleted by t.Cleanup, also on failure.
// Tests that need it call Require first: it skips with a message when the
// machine cannot make namespaces, and fails instead under CI=true, so a CI run
// never passes by skipping.
package netns

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/sys/unix"

	"icmplab/internal/testenv"
)

// Skip skips the test with reason, or fails it under CI=true; the rule is
// internal/testenv's, the one place that decides it.
func Skip(t testing.TB, reason string) {
	t.Helper()
	testenv.Skip(t, reason)
}

// Require skips (fails under CI) unless the process is root and the ip tool
// can create namespaces.
func Require(t testing.TB) {
	t.Helper()
	if os.Geteuid() != 0 {
		Skip(t, "needs root to create network namespaces (run as root, or CI=true to make this a failure)")
	}
	if _, err := exec.LookPath("ip"); err != nil {
		Skip(t, "needs the ip tool from iproute2 (apt-get install iproute2)")
	}
}

// RequireTool skips (fails under CI) when an external program is missing:
// internal/testenv's RequireTool, here so namespace tests need one import.
func RequireTool(t testing.TB, name, pkg string) string {
	t.Helper()
	return testenv.RequireTool(t, name, pkg)
}

var seq atomic.Uint32

// Net is one test's set of namespaces.
type Net struct {
	t      testing.TB
	prefix string
	mu     sync.Mutex
	hosts  []*Host
	links  int
}

// New starts an empty topology whose namespaces are removed when the test ends.
func New(t testing.TB) *Net {
	t.Helper()
	Require(t)
	n := &Net{t: t, prefix: fmt.Sprintf("il%d-%d", os.Getpid()%100000, seq.Add(1))}
	t.Cleanup(n.close)
	return n
}

func (n *Net) close() {
	for _, h := range n.hosts {
		if out, err := exec.Command("ip", "netns", "del", h.Name).CombinedOutput(); err != nil {
			n.t.Logf("netns: deleting %s: %v: %s", h.Name, err, out)
		}
		os.RemoveAll(filepath.Join("/etc/netns", h.Name))
	}
}

// Host is one namespace: a source, a router or a target.
type Host struct {
	net   *Net
	Short string // the name the test gave
	Name  string // the namespace's real name
	// Addr4 and Addr6 are the first addresses assigned to the host, for
	// convenience in chains.
	Addr4, Addr6 string
	ifs          int
}

// Host creates a namespace with loopback up.
func (n *Net) Host(short string) *Host {
	n.t.Helper()
	h := &Host{net: n, Short: short, Name: n.prefix + "-" + short}
	n.mu.Lock()
	n.hosts = append(n.hosts, h)
	n.mu.Unlock()
	n.must("ip", "netns", "add", h.Name)
	h.MustRun("ip", "link", "set", "lo", "up")
	// Make ICMP errors deterministic: the default rate limit (1/s per
	// destination with a small burst) would silence routers mid-test.
	h.Sysctl("net.ipv4.icmp_ratelimit", "0")
	h.Sysctl("net.ipv6.icmp.ratelimit", "0")
	// No duplicate address detection: link-local addresses would stay
	// tentative for a second or two, and neighbour discovery with them.
	h.Sysctl("net.ipv6.conf.all.accept_dad", "0")
	h.Sysctl("net.ipv6.conf.default.accept_dad", "0")
	return h
}

func (n *Net) must(args ...string) string {
	n.t.Helper()
	out, err := exec.Command(args[0], args[1:]...).CombinedOutput()
	if err != nil {
		n.t.Fatalf("%s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// Link joins a and b with a veth pair and assigns each side its addresses
// (CIDR strings, IPv6 ones without duplicate address detection so they are
// usable at once). It returns the interface names on a and b.
func (n *Net) Link(a *Host, aAddrs []string, b *Host, bAddrs []string) (string, string) {
	n.t.Helper()
	n.mu.Lock()
	n.links++
	id := n.links
	n.mu.Unlock()
	a.ifs++
	b.ifs++
	ifA, ifB := fmt.Sprintf("eth%d", a.ifs-1), fmt.Sprintf("eth%d", b.ifs-1)
	tmpA, tmpB := fmt.Sprintf("%sa%d", n.prefix, id), fmt.Sprintf("%sb%d", n.prefix, id)
	if len(tmpA) > 15 { // IFNAMSIZ
		tmpA, tmpB = tmpA[len(tmpA)-15:], tmpB[len(tmpB)-15:]
	}
	n.must("ip", "link", "add", tmpA, "type", "veth", "peer", "name", tmpB)
	n.must("ip", "link", "set", tmpA, "netns", a.Name)
	n.must("ip", "link", "set", tmpB, "netns", b.Name)
	a.MustRun("ip", "link", "set", tmpA, "name", ifA)
	b.MustRun("ip", "link", "set", tmpB, "name", ifB)
	for _, side := range []struct {
		h     *Host
		ifc   string
		addrs []string
	}{{a, ifA, aAddrs}, {b, ifB, bAddrs}} {
		for _, ad := range side.addrs {
			args := []string{"ip", "addr", "add", ad, "dev", side.ifc}
			if strings.Contains(ad, ":") {
				args = append(args, "nodad")
				if side.h.Addr6 == "" {
					side.h.Addr6 = strings.Split(ad, "/")[0]
				}
			} else if side.h.Addr4 == "" {
				side.h.Addr4 = strings.Split(ad, "/")[0]
			}
			side.h.MustRun(args...)
		}
		side.h.MustRun("ip", "link", "set", side.ifc, "up")
	}
	return ifA, ifB
}

// Command returns a command that runs inside the namespace.
func (h *Host) Command(ctx context.Context, name string, args ...string) *exec.Cmd {
	return exec.CommandContext(ctx, "ip", append([]string{"netns", "exec", h.Name, name}, args...)...)
}

// Run runs a command in the namespace and returns its combined output.
func (h *Host) Run(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var buf bytes.Buffer
	c := h.Command(ctx, args[0], args[1:]...)
	c.Stdout, c.Stderr = &buf, &buf
	err := c.Run()
	return buf.String(), err
}

// MustRun is Run that fails the test on error.
func (h *Host) MustRun(args ...string) string {
	h.net.t.Helper()
	out, err := h.Run(args...)
	if err != nil {
		h.net.t.Fatalf("in %s: %s: %v: %s", h.Short, strings.Join(args, " "), err, out)
	}
	return out
}

// Sysctl sets a sysctl inside the namespace.
func (h *Host) Sysctl(key, value string) {
	h.net.t.Helper()
	h.MustRun("sysctl", "-q", "-w", key+"="+value)
}

// Forward turns the host into a router for both families.
func (h *Host) Forward() {
	h.Sysctl("net.ipv4.ip_forward", "1")
	h.Sysctl("net.ipv6.conf.all.forwarding", "1")
}

// Hosts writes /etc/netns/<ns>/hosts, which `ip netns exec` bind-mounts over
// /etc/hosts: how tests give routers names without a DNS server.
func (h *Host) Hosts(lines ...string) {
	h.net.t.Helper()
	dir := filepath.Join("/etc/netns", h.Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		h.net.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "hosts"), []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		h.net.t.Fatal(err)
	}
}

// Do runs fn on an OS thread switched into the namespace, for tests that open
// sockets in-process. Sockets keep the namespace they were created in.
func (h *Host) Do(fn func() error) error {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	orig, err := os.Open("/proc/thread-self/ns/net")
	if err != nil {
		return err
	}
	defer orig.Close()
	target, err := os.Open(filepath.Join("/run/netns", h.Name))
	if err != nil {
		return err
	}
	defer target.Close()
	if err := unix.Setns(int(target.Fd()), unix.CLONE_NEWNET); err != nil {
		return fmt.Errorf("setns %s: %w", h.Name, err)
	}
	defer func() {
		if err := unix.Setns(int(orig.Fd()), unix.CLONE_NEWNET); err != nil {
			// The thread is unusable; keep it locked so the runtime discards it.
			runtime.LockOSThread()
		}
	}()
	return fn()
}
