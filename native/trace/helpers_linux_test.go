//go:build linux

package trace

import (
	"bytes"
	"context"
	"net/netip"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"icmplab/native/internal/netns"
)

// The end-to-end tests run the real binary inside namespaces with `ip netns
// exec`, which is also what gives it the namespace's /etc/hosts; they build
// it once per test process.
func TestMain(m *testing.M) {
	code := m.Run()
	netns.RemoveBinary()
	os.Exit(code)
}

// icmplabBin is the command, built once (netns.Binary).
func icmplabBin(t testing.TB) string { return netns.Binary(t) }

// runIn runs a command in h's namespace, returning stdout, stderr and error.
func runIn(t *testing.T, h *netns.Host, name string, args ...string) (string, string, error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var out, errb bytes.Buffer
	c := h.Command(ctx, name, args...)
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	return out.String(), errb.String(), err
}

// trace runs icmplab trace in h and fails the test on error.
func traceIn(t *testing.T, h *netns.Host, args ...string) string {
	t.Helper()
	out, errs, err := runIn(t, h, icmplabBin(t), append([]string{"trace"}, args...)...)
	if err != nil {
		t.Fatalf("icmplab trace %s: %v\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), err, out, errs)
	}
	return out
}

var hopLine = regexp.MustCompile(`^\s*(\d+)\s+(.*)$`)

// hops reads traceroute-style output (ours or traceroute's) into the
// addresses each hop answered from, in order of appearance; a hop that
// never answered has none. With -n the address is a bare word; without,
// it is the one in parentheses. Round trips ("0.123 ms"), stars, marks
// ("!H") and extensions ("<MPLS:...>") are skipped.
func hops(out string) map[int][]string {
	res := map[int][]string{}
	for _, line := range strings.Split(out, "\n") {
		m := hopLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		ttl, _ := strconv.Atoi(m[1])
		res[ttl] = []string{}
		f := strings.Fields(m[2])
		for i, w := range f {
			if i+1 < len(f) && f[i+1] == "ms" {
				continue
			}
			w = strings.TrimSuffix(strings.TrimPrefix(w, "("), ")")
			if a, err := netip.ParseAddr(w); err == nil && !contains(res[ttl], a.String()) {
				res[ttl] = append(res[ttl], a.String())
			}
		}
	}
	return res
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// silence makes a router never send time exceeded: nft drops the errors
// in its output hook. (Rate limits were the other way; a drop rule is
// exact from the first packet, so it is the one used.)
func silence(t testing.TB, h *netns.Host) {
	t.Helper()
	h.MustRun("nft", "add", "table", "inet", "silent")
	h.MustRun("nft", "add", "chain", "inet", "silent", "out", "{ type filter hook output priority 0 ; policy accept ; }")
	h.MustRun("nft", "add", "rule", "inet", "silent", "out", "icmp", "type", "time-exceeded", "drop")
	h.MustRun("nft", "add", "rule", "inet", "silent", "out", "icmpv6", "type", "time-exceeded", "drop")
}

// blackhole makes a host drop everything it receives.
func blackhole(t testing.TB, h *netns.Host) {
	t.Helper()
	h.MustRun("nft", "add", "table", "inet", "blackhole")
	h.MustRun("nft", "add", "chain", "inet", "blackhole", "in", "{ type filter hook input priority 0 ; policy drop ; }")
}
