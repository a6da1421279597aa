package netns

import (
	"fmt"
	"testing"
)

// Chain is a line of namespaces: Hosts[0] is the source, Hosts[len-1] the
// target, and every host between them a router. Link i (from 1) joins
// Hosts[i-1] and Hosts[i] with the subnets 198.18.i.0/24 and 2001:2:0:i::/64;
// the left side is .1 / ::1, the right side .2 / ::2. Every host has routes to
// every link, so the source reaches the target through all the routers and
// ICMP errors find their way back.
type Chain struct {
	Net   *Net
	Hosts []*Host
}

// NewChain builds a chain with the given number of routers between source and
// target.
func NewChain(t testing.TB, routers int) *Chain {
	t.Helper()
	n := New(t)
	c := &Chain{Net: n}
	total := routers + 2
	for i := 0; i < total; i++ {
		name := fmt.Sprintf("r%d", i)
		switch i {
		case 0:
			name = "src"
		case total - 1:
			name = "dst"
		}
		c.Hosts = append(c.Hosts, n.Host(name))
	}
	for i := 1; i < total; i++ {
		n.Link(c.Hosts[i-1], []string{Left4(i) + "/24", Left6(i) + "/64"},
			c.Hosts[i], []string{Right4(i) + "/24", Right6(i) + "/64"})
	}
	for k, h := range c.Hosts {
		if k > 0 && k < total-1 {
			h.Forward()
		}
		for j := 1; j < total; j++ {
			switch {
			case j > k+1: // beyond the host's right link
				h.MustRun("ip", "route", "add", fmt.Sprintf("198.18.%d.0/24", j), "via", Right4(k+1))
				h.MustRun("ip", "-6", "route", "add", fmt.Sprintf("2001:2:0:%d::/64", j), "via", Right6(k+1))
			case j < k: // beyond the host's left link
				h.MustRun("ip", "route", "add", fmt.Sprintf("198.18.%d.0/24", j), "via", Left4(k))
				h.MustRun("ip", "-6", "route", "add", fmt.Sprintf("2001:2:0:%d::/64", j), "via", Left6(k))
			}
		}
	}
	return c
}

// Src and Dst are the chain's ends.
func (c *Chain) Src() *Host { return c.Hosts[0] }
func (c *Chain) Dst() *Host { return c.Hosts[len(c.Hosts)-1] }

// Dst4 and Dst6 are the target's addresses.
func (c *Chain) Dst4() string { return Right4(len(c.Hosts) - 1) }
func (c *Chain) Dst6() string { return Right6(len(c.Hosts) - 1) }

// Hop4 and Hop6 are the addresses hop k (1 = first router, len-1 = target)
// answers from: the side of its link towards the source.
func (c *Chain) Hop4(k int) string { return Right4(k) }
func (c *Chain) Hop6(k int) string { return Right6(k) }

// Left4 .. Right6 name the two ends of link i.
func Left4(i int) string  { return fmt.Sprintf("198.18.%d.1", i) }
func Right4(i int) string { return fmt.Sprintf("198.18.%d.2", i) }
func Left6(i int) string  { return fmt.Sprintf("2001:2:0:%d::1", i) }
func Right6(i int) string { return fmt.Sprintf("2001:2:0:%d::2", i) }
