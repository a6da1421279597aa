//go:build linux

package ping

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/native/internal/netns"
	"icmplab/native/internal/rttcheck"
)

// storyPing is the part of `icmplab story --json`'s ping object compared.
type storyPing struct {
	Kind        string `json:"kind"`
	Dst         string `json:"dst"`
	ID          uint16 `json:"id"`
	Transmitted int    `json:"transmitted"`
	Received    int    `json:"received"`
	Replies     []struct {
		Seq   uint16   `json:"seq"`
		RTTms *float64 `json:"rtt_ms"`
		Dup   bool     `json:"dup"`
	} `json:"replies"`
	Errors []struct {
		Seq  uint16 `json:"seq"`
		From string `json:"from"`
		Type uint8  `json:"type"`
	} `json:"errors"`
	Lost []uint16 `json:"lost"`
}

// TestPingAgreesWithStory runs icmplab ping under tcpdump, over a raw
// socket (root) and a datagram socket (nobody), in both families, to a
// destination that drops every third request, and once with -t 2 so the
// second router answers time exceeded: the engine, pairing answers live
// through codec/story's matcher, and `icmplab story`, pairing them in the
// capture, must count the same requests, replies, losses and errors, by
// sequence number, with round trips that agree (rttAgree).
func TestPingAgreesWithStory(t *testing.T) {
	e := newEnv(t)
	netns.RequireTool(t, "setpriv", "util-linux")
	netns.RequireTool(t, "nft", "nftables")
	e.src.Sysctl("net.ipv4.ping_group_range", "0 2147483647")
	e.src.Run("ping", "-c", "1", "-W", "2", e.c.Dst4())
	e.src.Run("ping", "-6", "-c", "1", "-W", "2", e.c.Dst6())
	e.dst.MustRun("nft", "add table inet lossy; add chain inet lossy in { type filter hook input priority 0; }; "+
		"add rule inet lossy in icmp type echo-request numgen inc mod 3 == 2 drop; "+
		"add rule inet lossy in icmpv6 type echo-request numgen inc mod 3 == 2 drop")
	for _, tc := range []struct {
		name   string
		nobody bool
		args   []string
	}{
		{"raw4", false, []string{e.c.Dst4()}},
		{"dgram4", true, []string{e.c.Dst4()}},
		{"raw6", false, []string{"-6", e.c.Dst6()}},
		{"dgram6", true, []string{"-6", e.c.Dst6()}},
		{"ttl2-raw4", false, []string{"-t", "2", e.c.Dst4()}},
		{"ttl2-dgram4", true, []string{"-t", "2", e.c.Dst4()}},
		{"ttl2-raw6", false, []string{"-6", "-t", "2", e.c.Dst6()}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// A closed range makes root take a raw socket.
			e.src.Sysctl("net.ipv4.ping_group_range", map[bool]string{false: "1 0", true: "0 2147483647"}[tc.nobody])
			var r result
			file := e.src.Capture(t, "eth0", func() {
				r = e.ping(t, tc.nobody, append([]string{"--json", "-n", "-c", "6", "-i", "0.2", "-W", "1"}, tc.args...)...)
			})
			objs := jsonLines(t, r.out)
			start, sum := lastOf(t, objs, "start"), lastOf(t, objs, "summary")
			assert.Equal(t, map[bool]string{false: "raw", true: "datagram"}[tc.nobody], start["socket"])
			var replies, errors []uint16
			rtt := map[uint16]float64{}
			for _, o := range objs {
				switch o["type"] {
				case "reply":
					seq := uint16(o["seq"].(float64))
					replies = append(replies, seq)
					rtt[seq] = o["rtt_ms"].(float64)
				case "error":
					errors = append(errors, uint16(o["seq"].(float64)))
				}
			}
			out, err := exec.Command(e.bin, "story", "--json", file).Output()
			require.NoError(t, err)
			var sp *storyPing
			for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				var x storyPing
				require.NoError(t, json.Unmarshal([]byte(l), &x), l)
				if x.Kind == "ping" && x.ID == uint16(start["id"].(float64)) {
					require.Nil(t, sp, "two pings under our identifier")
					sp = &x
				}
			}
			require.NotNil(t, sp, "no ping with identifier %v in the story:\n%s", start["id"], out)
			assert.Equal(t, int(sum["transmitted"].(float64)), sp.Transmitted, "transmitted")
			assert.Equal(t, int(sum["received"].(float64)), sp.Received, "received")
			var sReplies, sErrors []uint16
			var rtts [][2]float64
			for _, rp := range sp.Replies {
				require.False(t, rp.Dup)
				sReplies = append(sReplies, rp.Seq)
				require.NotNil(t, rp.RTTms, "seq %d: the capture has both times", rp.Seq)
				rtts = append(rtts, [2]float64{rtt[rp.Seq], *rp.RTTms})
			}
			rttAgree(t, rtts)
			for _, pe := range sp.Errors {
				sErrors = append(sErrors, pe.Seq)
			}
			sort.Slice(sReplies, func(i, j int) bool { return sReplies[i] < sReplies[j] })
			assert.Equal(t, replies, sReplies, "replies by sequence")
			assert.Equal(t, errors, sErrors, "errors by sequence")
			var lost []uint16
			for seq := uint16(1); int(seq) <= sp.Transmitted; seq++ {
				if _, ok := rtt[seq]; !ok {
					lost = append(lost, seq)
				}
			}
			assert.Equal(t, lost, sp.Lost, "lost: the requests without a reply")
			if strings.Contains(tc.name, "ttl2") {
				assert.Len(t, errors, 6, "every request expired at the second router")
			} else {
				assert.Len(t, replies, 4, "the destination dropped two of six")
			}
			if t.Failed() {
				t.Logf("ping --json:\n%s\nstory:\n%s", r.out, out)
			}
		})
	}
}

// TestFleetAgreesWithStory pings three targets with one fleet (one
// identifier, fping's sequence numbers across targets) under tcpdump, over
// a raw and a datagram socket: the story tells one ping per target, with
// the counts the fleet's summaries give.
func TestFleetAgreesWithStory(t *testing.T) {
	e := newEnv(t)
	netns.RequireTool(t, "setpriv", "util-linux")
	netns.RequireTool(t, "nft", "nftables")
	e.src.Run("ping", "-c", "1", "-W", "2", e.c.Dst4())
	e.dst.MustRun("nft", "add table inet lossy; add chain inet lossy in { type filter hook input priority 0; }; "+
		"add rule inet lossy in icmp type echo-request numgen inc mod 3 == 2 drop")
	targets := []string{e.c.Dst4(), e.c.Hop4(1), e.c.Hop4(2)}
	for _, nobody := range []bool{false, true} {
		t.Run(map[bool]string{false: "raw", true: "datagram"}[nobody], func(t *testing.T) {
			e.src.Sysctl("net.ipv4.ping_group_range", map[bool]string{false: "1 0", true: "0 2147483647"}[nobody])
			var r result
			file := e.src.Capture(t, "eth0", func() {
				r = e.ping(t, nobody, append([]string{"--json", "-q", "-n", "-c", "6", "-i", "0.2", "-W", "1", "--gap", "0.01"}, targets...)...)
			})
			out, err := exec.Command(e.bin, "story", "--json", file).Output()
			require.NoError(t, err)
			require.Equal(t, 0, r.code, "exit code (every target answered)\n%s%s", r.out, r.err)
			pings := map[string]storyPing{}
			var id uint16
			for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
				var x storyPing
				require.NoError(t, json.Unmarshal([]byte(l), &x), l)
				if x.Kind == "ping" {
					pings[x.Dst] = x
					if id != 0 {
						assert.Equal(t, id, x.ID, "one identifier for the fleet")
					}
					id = x.ID
				}
			}
			sums := 0
			for _, o := range jsonLines(t, r.out) {
				if o["type"] != "summary" {
					continue
				}
				sums++
				sp, ok := pings[o["addr"].(string)]
				require.True(t, ok, "no ping to %v in the story:\n%s", o["addr"], out)
				assert.Equal(t, int(o["transmitted"].(float64)), sp.Transmitted, "%v transmitted", o["addr"])
				assert.Equal(t, int(o["received"].(float64)), sp.Received, "%v received", o["addr"])
				assert.Len(t, sp.Lost, sp.Transmitted-sp.Received)
			}
			assert.Equal(t, len(targets), sums)
			assert.Equal(t, 4, pings[e.c.Dst4()].Received, "the destination dropped two of six")
			if t.Failed() {
				t.Logf("ping --json:\n%s\nstory:\n%s", r.out, out)
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
