//go:build linux

package ping

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net/netip"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/native/internal/netns"
)

// fleetPrefix is the /20 one namespace answers for: 4,094 usable addresses
// (198.18.16.1 to 198.18.31.254), as in issue 12's measurement.
const fleetPrefix = "198.18.16.0/20"

// FleetNet builds the many-target path: a source and a target joined by a
// veth pair, the target answering every address of fleetPrefix (a local
// route on lo), the source routing the prefix to it. It returns the source
// and the targets in order.
func fleetNet(t testing.TB) (*netns.Host, []string) {
	c := netns.NewChain(t, 0)
	c.Dst().MustRun("ip", "route", "add", "local", fleetPrefix, "dev", "lo")
	c.Src().MustRun("ip", "route", "add", fleetPrefix, "via", c.Dst4())
	p := netip.MustParsePrefix(fleetPrefix)
	var targets []string
	for a := p.Addr().Next(); p.Contains(a.Next()); a = a.Next() {
		targets = append(targets, a.String())
	}
	return c.Src(), targets
}

// icmpSocketInodes lists the inodes of the ICMP sockets (datagram "ping"
// sockets and raw sockets, both families) in pid's network namespace.
func icmpSocketInodes(pid int) map[string]bool {
	inodes := map[string]bool{}
	for _, table := range []string{"icmp", "icmp6", "raw", "raw6"} {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/net/%s", pid, table))
		if err != nil {
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(b))
		sc.Scan() // header
		for sc.Scan() {
			if f := strings.Fields(sc.Text()); len(f) > 9 {
				inodes[f[9]] = true
			}
		}
	}
	return inodes
}

// countICMPSockets counts pid's open file descriptors that are ICMP
// sockets; ok is false once the process is gone.
func countICMPSockets(pid int) (n int, ok bool) {
	dir := fmt.Sprintf("/proc/%d/fd", pid)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return 0, false
	}
	inodes := icmpSocketInodes(pid)
	for _, e := range ents {
		l, err := os.Readlink(filepath.Join(dir, e.Name()))
		if err != nil || !strings.HasPrefix(l, "socket:[") {
			continue
		}
		if inodes[strings.TrimSuffix(strings.TrimPrefix(l, "socket:["), "]")] {
			n++
		}
	}
	return n, true
}

var reFleetLine = regexp.MustCompile(`^(\S+) +: xmt/rcv/%loss = (\d+)/(\d+)/(\d+)%(, min/avg/max = [0-9.]+/[0-9.]+/[0-9.]+)?$`)

// TestFleet4094Targets pings 4,094 targets twice, a second apart, in one
// process, and asserts that every target got both replies, that the
// summaries come in argument order in fping's form, and that the process
// held one ICMP socket (one family) however many targets it pinged.
func TestFleet4094Targets(t *testing.T) {
	netns.Require(t)
	bin := icmplabBinary(t)
	src, targets := fleetNet(t)
	require.Len(t, targets, 4094)
	list := filepath.Join(t.TempDir(), "targets")
	require.NoError(t, os.WriteFile(list, []byte("# the /20\n"+strings.Join(targets, "\n")+"\n"), 0o644))

	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// The default --gap paces 8,188 probes over about 8 s; -W 10 gives a
	// loaded machine every chance to read a reply late.
	cmd := src.Command(ctx, bin, "ping", "-n", "-q", "-c", "2", "-i", "1", "-W", "10", "--targets", list)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	require.NoError(t, cmd.Start())
	pid := cmd.Process.Pid // ip netns exec execs the command: same process
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()

	maxSockets, samples := 0, 0
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var runErr error
wait:
	for {
		select {
		case runErr = <-done:
			break wait
		case <-tick.C:
			exe, _ := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid))
			if filepath.Base(exe) != "icmplab" {
				continue // still ip(8), before its exec
			}
			if n, ok := countICMPSockets(pid); ok && n > 0 {
				samples++
				maxSockets = max(maxSockets, n)
			}
		}
	}
	require.NoError(t, runErr, "stderr:\n%s", tail(stderr.String(), 2000))
	assert.Empty(t, stdout.String(), "fping's -q summaries go to stderr")
	require.Positive(t, samples, "the process was never seen holding its socket")
	assert.Equal(t, 1, maxSockets, "ICMP sockets held at once (one per family)")

	lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
	require.Len(t, lines, len(targets), "one summary line per target:\n%s", tail(stderr.String(), 2000))
	missing := 0
	for i, line := range lines {
		m := reFleetLine.FindStringSubmatch(line)
		require.NotNil(t, m, "line %d: %q", i+1, line)
		require.Equal(t, targets[i], m[1], "line %d out of argument order", i+1)
		if m[2] != "2" || m[3] != "2" || m[4] != "0" {
			missing++
			t.Errorf("%s", line)
		}
	}
	assert.Zero(t, missing, "targets without both replies")
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}
