//go:build linux

package trace

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/native/internal/netns"
	"icmplab/native/internal/rttcheck"
)

// storyTrace is the part of `icmplab story --json`'s trace object compared.
type storyTrace struct {
	Kind    string `json:"kind"`
	Method  string `json:"method"`
	Dst     string `json:"dst"`
	Reached bool   `json:"reached"`
	Hops    []struct {
		TTL    int `json:"ttl"`
		Probes []struct {
			Addr  *string  `json:"addr"`
			RTTms *float64 `json:"rtt_ms"`
		} `json:"probes"`
	} `json:"hops"`
}

// storyOf runs `icmplab story --json` on a capture and returns its objects.
func storyOf(t *testing.T, file string) []string {
	t.Helper()
	out, err := exec.Command(icmplabBin(t), "story", "--json", file).Output()
	require.NoError(t, err)
	return strings.Split(strings.TrimSpace(string(out)), "\n")
}

// TestTraceAgreesWithStory runs icmplab trace under tcpdump, with each
// method and family, privileged and not, and tells the story of the
// capture: the engine, pairing answers live through codec/story's matcher,
// and `icmplab story`, pairing them in the capture afterwards, must see
// the same hops, the same addresses, the same probes answered and not,
// and round trips that agree (rttAgree: the engine's times are the
// sockets', the story's tcpdump's). The first router is silent,
// so unanswered probes are compared too.
func TestTraceAgreesWithStory(t *testing.T) {
	netns.Require(t)
	c := netns.NewChain(t, 3)
	c.Src().Run("ping", "-c", "1", "-W", "2", c.Dst4())
	c.Src().Run("ping", "-6", "-c", "1", "-W", "2", c.Dst6())
	silence(t, c.Hosts[2])
	c.Src().Sysctl("net.ipv4.ping_group_range", "0 2147483647")
	for _, tc := range []struct {
		name, method string
		args         []string
	}{
		{"udp4", "udp", []string{c.Dst4()}},
		{"udp4-unprivileged", "udp", []string{"--unprivileged", c.Dst4()}},
		{"udp4-paris", "udp", []string{"--paris", c.Dst4()}},
		{"icmp4", "icmp", []string{"-I", c.Dst4()}},
		{"icmp4-unprivileged", "icmp", []string{"-I", "--unprivileged", c.Dst4()}},
		{"tcp4", "tcp", []string{"-T", "-p", "22", c.Dst4()}},
		{"udp6", "udp", []string{c.Dst6()}},
		{"udp6-unprivileged", "udp", []string{"--unprivileged", c.Dst6()}},
		{"icmp6", "icmp", []string{"-I", c.Dst6()}},
		{"icmp6-unprivileged", "icmp", []string{"-I", "--unprivileged", c.Dst6()}},
		{"tcp6", "tcp", []string{"-T", "-p", "22", c.Dst6()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var js string
			file := c.Src().Capture(t, "eth0", func() {
				js = traceIn(t, c.Src(), append([]string{"-n", "--json", "-q", "3", "-w", "1", "-m", "8"}, tc.args...)...)
			})
			res := decodeJSON(t, js)
			require.Len(t, res.Flows, 1)
			st := onlyStoryTrace(t, file, tc.method)
			fl := res.Flows[0]
			assert.Equal(t, fl.Reached, st.Reached, "reached")
			require.Len(t, st.Hops, len(fl.Hops), "hops told")
			var rtts [][2]float64
			for i, h := range fl.Hops {
				sh := st.Hops[i]
				require.Equal(t, h.TTL, sh.TTL)
				require.Len(t, sh.Probes, len(h.Probes), "hop %d probes", h.TTL)
				var engine, story []string
				for k, p := range h.Probes {
					engine = append(engine, p.From)
					sp := sh.Probes[k]
					if sp.Addr == nil {
						story = append(story, "")
						continue
					}
					story = append(story, *sp.Addr)
					if p.From != "" && sp.RTTms != nil {
						rtts = append(rtts, [2]float64{p.RTT, *sp.RTTms})
					}
				}
				assert.Equal(t, story, engine, "hop %d: addresses by probe (empty: unanswered)", h.TTL)
			}
			rttAgree(t, rtts)
			if t.Failed() {
				t.Logf("trace --json:\n%s\nstory:\n%s", js, strings.Join(storyOf(t, file), "\n"))
			}
		})
	}
}

// onlyStoryTrace is the one trace of method in a capture's story.
func onlyStoryTrace(t *testing.T, file, method string) storyTrace {
	t.Helper()
	var st *storyTrace
	for _, l := range storyOf(t, file) {
		var x storyTrace
		require.NoError(t, json.Unmarshal([]byte(l), &x), l)
		if x.Kind == "trace" && x.Method == method {
			require.Nil(t, st, "two traces in the story of one run")
			st = &x
		}
	}
	require.NotNil(t, st, "no %s trace in the story", method)
	return *st
}

// TestRoundsAgreeWithStory runs --report rounds (three, as mtr -r -c 3)
// under tcpdump: the story tells one trace with three probes per hop, and
// per hop the same probes sent, the same answered, from the same addresses
// as often, as the report's summary counts.
func TestRoundsAgreeWithStory(t *testing.T) {
	netns.Require(t)
	c := netns.NewChain(t, 3)
	c.Src().Run("ping", "-c", "1", "-W", "2", c.Dst4())
	c.Src().Run("ping", "-6", "-c", "1", "-W", "2", c.Dst6())
	silence(t, c.Hosts[2])
	for _, tc := range []struct {
		name, method string
		args         []string
	}{
		{"udp4", "udp", []string{c.Dst4()}},
		{"icmp4", "icmp", []string{"-I", c.Dst4()}},
		{"udp6-unprivileged", "udp", []string{"--unprivileged", c.Dst6()}},
		{"tcp6", "tcp", []string{"-T", "-p", "22", c.Dst6()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var js string
			file := c.Src().Capture(t, "eth0", func() {
				js = traceIn(t, c.Src(), append([]string{"-n", "--report", "--json", "-c", "3", "--interval", "0.3", "-w", "1", "-m", "8"}, tc.args...)...)
			})
			var sum struct {
				Reached bool `json:"reached"`
				Hops    []struct {
					TTL   int `json:"ttl"`
					Addrs []struct {
						Addr  string `json:"addr"`
						Count int    `json:"count"`
					} `json:"addrs"`
					Sent     int `json:"sent"`
					Received int `json:"received"`
				} `json:"hops"`
			}
			require.NoError(t, json.Unmarshal([]byte(summaryLine(js)), &sum), js)
			st := onlyStoryTrace(t, file, tc.method)
			assert.Equal(t, sum.Reached, st.Reached, "reached")
			require.Len(t, st.Hops, len(sum.Hops), "hops told")
			for i, h := range sum.Hops {
				sh := st.Hops[i]
				require.Equal(t, h.TTL, sh.TTL)
				assert.Equal(t, h.Sent, len(sh.Probes), "hop %d probes sent", h.TTL)
				engine, story := map[string]int{}, map[string]int{}
				for _, a := range h.Addrs {
					engine[a.Addr] = a.Count
				}
				answered := 0
				for _, p := range sh.Probes {
					if p.Addr != nil {
						story[*p.Addr]++
						answered++
					}
				}
				assert.Equal(t, h.Received, answered, "hop %d answered", h.TTL)
				assert.Equal(t, engine, story, "hop %d addresses", h.TTL)
			}
			if t.Failed() {
				t.Logf("trace --report --json:\n%s\nstory:\n%s", js, strings.Join(storyOf(t, file), "\n"))
			}
		})
	}
}

// rttAgree checks pairs of round trips in milliseconds, {engine, story}:
// the engine's round trip brackets the capture's (rttcheck says by how much).
func rttAgree(t *testing.T, pairs [][2]float64) {
	t.Helper()
	var c rttcheck.Check
	for i, p := range pairs {
		c.Add(t, p[0], p[1], fmt.Sprintf("round trip %d", i+1))
	}
	c.Done(t)
}
