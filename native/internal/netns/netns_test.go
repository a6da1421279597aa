package netns

import (
	"strings"
	"testing"
)

// TestChainCarriesPings checks the harness itself with iputils ping: the
// target is reachable over both families through two routers, and TTL 1
// expires at the first router.
func TestChainCarriesPings(t *testing.T) {
	RequireTool(t, "ping", "iputils-ping")
	c := NewChain(t, 2)
	out := c.Src().MustRun("ping", "-c", "1", "-W", "2", c.Dst4())
	if !strings.Contains(out, "1 received") || !strings.Contains(out, "ttl=62") {
		t.Fatalf("IPv4 ping through two routers:\n%s", out)
	}
	out = c.Src().MustRun("ping", "-6", "-c", "1", "-W", "2", c.Dst6())
	if !strings.Contains(out, "1 received") || !strings.Contains(out, "ttl=62") {
		t.Fatalf("IPv6 ping through two routers:\n%s", out)
	}
	out, _ = c.Src().Run("ping", "-c", "1", "-W", "2", "-t", "1", c.Dst4())
	if !strings.Contains(out, "From "+c.Hop4(1)) || !strings.Contains(out, "Time to live exceeded") {
		t.Fatalf("TTL 1 should expire at %s:\n%s", c.Hop4(1), out)
	}
}
