//go:build linux

package trace

import (
	"fmt"
	"reflect"
	"testing"

	"icmplab/native/internal/netns"
)

// silentChain is six routers between source and target, the second and
// the fifth silent.
func silentChain(t *testing.T) *netns.Chain {
	t.Helper()
	netns.RequireTool(t, "nft", "nftables")
	c := netns.NewChain(t, 6)
	silence(t, c.Hosts[2])
	silence(t, c.Hosts[5])
	return c
}

// TestChainMatchesTraceroute traces a chain with two silent routers with
// every method in both families, and checks hop for hop that icmplab finds
// the addresses Debian's traceroute finds in the same namespace.
func TestChainMatchesTraceroute(t *testing.T) {
	netns.RequireTool(t, "traceroute", "traceroute")
	c := silentChain(t)
	want := map[int][]string{}
	for fam, dst := range map[string]string{"-4": c.Dst4(), "-6": c.Dst6()} {
		for _, method := range []string{"", "-I", "-T", "-U"} {
			t.Run(fmt.Sprintf("%s%s", fam, method), func(t *testing.T) {
				args := []string{fam, "-n", "-q", "1", "-w", "1,3,10"}
				if method != "" {
					args = append(args, method)
				}
				args = append(args, dst)
				ref, errs, err := runIn(t, c.Src(), "traceroute", args...)
				if err != nil {
					t.Fatalf("traceroute %v: %v\n%s%s", args, err, ref, errs)
				}
				ours := traceIn(t, c.Src(), args...)
				got, exp := hops(ours), hops(ref)
				if !reflect.DeepEqual(got, exp) {
					t.Fatalf("hops differ\nicmplab:\n%s\ntraceroute:\n%s", ours, ref)
				}
				// And both are right: silent hops 2 and 5, every other hop its router.
				for k := 1; k <= 7; k++ {
					want[k] = []string{c.Hop4(k)}
					if fam == "-6" {
						want[k] = []string{c.Hop6(k)}
					}
				}
				want[2], want[5] = []string{}, []string{}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("hops %v, want %v\n%s", got, want, ours)
				}
			})
		}
	}
}
