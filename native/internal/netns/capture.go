package netns

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// lockedBuffer collects a command's stderr while a test polls it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *lockedBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *lockedBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// Capture runs tcpdump on h's interface iface while fn runs, and returns the
// pcap file it wrote (ICMP, ICMPv6, UDP and TCP): CaptureFilter with the
// probes' and answers' protocols.
func (h *Host) Capture(t testing.TB, iface string, fn func()) string {
	t.Helper()
	return h.CaptureFilter(t, iface, "icmp or icmp6 or udp or tcp", fn)
}

// CaptureFilter runs tcpdump with filter on h's interface iface while fn
// runs, and returns the pcap file it wrote. It fails the test when tcpdump
// is missing (skips outside CI) or the kernel dropped packets. A snapshot
// of 9,216 bytes (a jumbo frame: tracepath's probes are of the path MTU, and
// 1,500 cut them) and an 8 MiB buffer: with the default 256 KiB snapshot,
// immediate mode's ring holds only a few packets, and a burst of probes is
// dropped while tcpdump waits for the CPU on a loaded machine.
func (h *Host) CaptureFilter(t testing.TB, iface, filter string, fn func()) string {
	t.Helper()
	RequireTool(t, "tcpdump", "tcpdump")
	file := filepath.Join(t.TempDir(), "live.pcap")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := h.Command(ctx, "tcpdump", "-n", "-U", "--immediate-mode", "-s", "9216", "-B", "8192", "-i", iface, "-w", file, filter)
	var errb lockedBuffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatalf("tcpdump: %v", err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	for i := 0; i < 100 && !strings.Contains(errb.String(), "listening on"); i++ {
		time.Sleep(50 * time.Millisecond)
	}
	fn()
	// tcpdump stops at SIGINT without draining what the kernel still holds
	// for it: wait until the file has not grown for 1.5 s (at most 15 s).
	size, stable := int64(-1), 0
	for i := 0; i < 150 && stable < 15; i++ {
		time.Sleep(100 * time.Millisecond)
		if st, err := os.Stat(file); err == nil && st.Size() == size {
			stable++
		} else if err == nil {
			size, stable = st.Size(), 0
		}
	}
	_ = cmd.Process.Signal(syscall.SIGINT)
	_ = cmd.Wait()
	if !strings.Contains(errb.String(), "\n0 packets dropped by kernel") {
		t.Fatalf("the capture lost packets or failed:\n%s", errb.String())
	}
	return file
}
