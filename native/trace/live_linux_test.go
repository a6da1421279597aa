//go:build linux

package trace

import (
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/native/internal/netns"
	"icmplab/native/internal/tunhop"
)

// tmuxPane is one tmux session on a private server, 120x32, running a
// shell: a real terminal for the live view.
type tmuxPane struct {
	t      *testing.T
	socket string
	name   string
}

func newTmuxPane(t *testing.T) *tmuxPane {
	t.Helper()
	netns.RequireTool(t, "tmux", "tmux")
	p := &tmuxPane{t: t, socket: fmt.Sprintf("icmplab-live-%d", os.Getpid()), name: "live"}
	p.run("-f", "/dev/null", "new-session", "-d", "-s", p.name, "-x", "120", "-y", "32", "env", "PS1=$ ", "TERM=xterm-256color", "bash", "--norc", "--noprofile")
	t.Cleanup(func() { exec.Command("tmux", "-L", p.socket, "kill-server").Run() })
	return p
}

func (p *tmuxPane) run(args ...string) string {
	p.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", p.socket}, args...)...).CombinedOutput()
	require.NoError(p.t, err, "tmux %v: %s", args, out)
	return string(out)
}

// keys types into the pane (tmux key names: "Enter", "C-c", or text).
func (p *tmuxPane) keys(k ...string) { p.run(append([]string{"send-keys", "-t", p.name}, k...)...) }

// screen is what the pane shows now.
func (p *tmuxPane) screen() string { return p.run("capture-pane", "-p", "-t", p.name) }

// waitFor polls the pane until ok holds, failing after a bound generous
// enough for a loaded machine (this is a wait, not a timing assertion).
func (p *tmuxPane) waitFor(what string, ok func(screen string) bool) string {
	p.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		s := p.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			p.t.Fatalf("waiting for %s; the pane shows:\n%s", what, s)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// liveRow is one hop row of the live view.
var liveRowRe = regexp.MustCompile(`(?m)^\s+(\d+)\. (\S+)(?: ~)?\s+([\d.]+)%\s+(\d+)\s`)

// liveRows reads the hop rows: host and loss by TTL.
func liveRows(screen string) map[int]struct {
	host string
	loss float64
	sent int
} {
	rows := map[int]struct {
		host string
		loss float64
		sent int
	}{}
	for _, m := range liveRowRe.FindAllStringSubmatch(screen, -1) {
		ttl, _ := strconv.Atoi(m[1])
		loss, _ := strconv.ParseFloat(m[3], 64)
		sent, _ := strconv.Atoi(m[4])
		rows[ttl] = struct {
			host string
			loss float64
			sent int
		}{m[2], loss, sent}
	}
	return rows
}

// TestLiveUnderTmux drives --live in a real terminal: every hop and the
// Loss column appear (-w 3, a fixed wait: no slow answer on a loaded
// machine is counted lost), p pauses and resumes, r resets, n switches to names
// and back, e is harmless without extensions, a router silenced mid-run
// shows loss at its hop only, and q quits leaving the terminal as it was
// (main screen, canonical mode, echo).
func TestLiveUnderTmux(t *testing.T) {
	netns.RequireTool(t, "nft", "nftables")
	c := netns.NewChain(t, 2)
	c.Src().Hosts(fmt.Sprintf("%s r1.live.test", c.Hop4(1)), fmt.Sprintf("%s r2.live.test", c.Hop4(2)))
	bin := icmplabBin(t)
	p := newTmuxPane(t)
	p.keys(fmt.Sprintf("ip netns exec %s %s trace --live -n -w 3 --interval 0.2 %s; echo EXIT=$?", c.Src().Name, bin, c.Dst4()), "Enter")

	hopsShown := func(s string) bool {
		r := liveRows(s)
		return strings.Contains(s, "Loss%") && r[1].host == c.Hop4(1) && r[2].host == c.Hop4(2) && r[3].host == c.Dst4()
	}
	s := p.waitFor("every hop with a Loss column", hopsShown)
	t.Logf("the live view:\n%s", s)
	assert.Contains(t, s, "q quit  p pause/resume  r reset statistics  n names/numbers  e extensions")
	assert.Equal(t, "1", strings.TrimSpace(p.run("display", "-p", "-t", p.name, "#{alternate_on}")), "the view is on the alternate screen")

	p.keys("p")
	p.waitFor("[paused]", func(s string) bool { return strings.Contains(s, "[paused]") })
	paused := liveRows(p.screen())[1].sent
	time.Sleep(600 * time.Millisecond) // three intervals: no round may start
	assert.Equal(t, paused, liveRows(p.screen())[1].sent, "rounds went on while paused")
	p.keys("p")
	p.waitFor("rounds again", func(s string) bool { return !strings.Contains(s, "[paused]") && liveRows(s)[1].sent > paused })

	before := liveRows(p.screen())[1].sent
	p.keys("r")
	p.waitFor("statistics reset", func(s string) bool { n := liveRows(s)[1].sent; return n > 0 && n < before })

	p.keys("n")
	p.waitFor("names", func(s string) bool { return strings.Contains(s, "r1.live.test") && strings.Contains(s, "r2.live.test") })
	p.keys("n")
	p.waitFor("numbers again", func(s string) bool { return !strings.Contains(s, "live.test") && hopsShown(s) })
	p.keys("e")
	p.waitFor("the view after e", hopsShown)

	// A smaller terminal: the view redraws to it, help line on its last row.
	p.run("resize-window", "-t", p.name, "-x", "100", "-y", "12")
	p.waitFor("the view redrawn at 100x12", func(s string) bool {
		lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
		return len(lines) == 12 && strings.HasPrefix(lines[11], "q quit") && hopsShown(s)
	})

	silence(t, c.Hosts[2])
	s = p.waitFor("loss at hop 2", func(s string) bool { return liveRows(s)[2].loss > 0 })
	rows := liveRows(s)
	assert.Equal(t, 0.0, rows[1].loss, s)
	assert.Equal(t, 0.0, rows[3].loss, s)

	p.keys("q")
	p.waitFor("the shell back", func(s string) bool { return strings.Contains(s, "EXIT=0") })
	assert.Equal(t, "0", strings.TrimSpace(p.run("display", "-p", "-t", p.name, "#{alternate_on}")), "left on the alternate screen")
	p.keys("stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo", "Enter")
	s = p.waitFor("stty's answer", func(s string) bool {
		return strings.Contains(s, "icanon echo") || strings.Contains(s, "-icanon") || strings.Contains(s, "-echo")
	})
	assert.Contains(t, s, "icanon echo", "the terminal is back in canonical mode with echo")
}

// TestLiveNeedsATerminal: --live with standard output on a pipe says so
// and exits 2.
func TestLiveNeedsATerminal(t *testing.T) {
	bin := icmplabBin(t)
	out, err := exec.Command(bin, "trace", "--live", "-n", "198.18.0.1").CombinedOutput()
	var ee *exec.ExitError
	require.ErrorAs(t, err, &ee, "%s", out)
	assert.Equal(t, 2, ee.ExitCode())
	assert.Contains(t, string(out), "--live: standard output is not a terminal")
}

// TestLiveUnprivileged: the live view as nobody, with ICMP datagram
// sockets (ping_group_range) and with UDP (the error queue).
func TestLiveUnprivileged(t *testing.T) {
	setpriv, nobody := nobodyArgs(t)
	c := netns.NewChain(t, 1)
	c.Src().Sysctl("net.ipv4.ping_group_range", "0 2147483647")
	bin := icmplabBin(t)
	p := newTmuxPane(t)
	for i, method := range []string{"-I", ""} {
		p.keys(fmt.Sprintf("ip netns exec %s %s %s %s trace --live -n -w 3 %s --interval 0.2 %s; echo EXIT%d=$?",
			c.Src().Name, setpriv, strings.Join(nobody, " "), bin, method, c.Dst4(), i), "Enter")
		p.waitFor("both hops as nobody "+method, func(s string) bool {
			r := liveRows(s)
			return r[1].host == c.Hop4(1) && r[2].host == c.Dst4() && r[2].sent >= 3 && r[2].loss == 0
		})
		p.keys("q")
		p.waitFor("the shell back", func(s string) bool { return strings.Contains(s, fmt.Sprintf("EXIT%d=0", i)) })
	}
}

// TestLivePathChange: a Paris flow through the diamond keeps one branch;
// when r1's route is switched to the other branch mid-run, hop 2 answers
// from a new address: the view marks the hop (~) and lists both addresses,
// and the change costs no loss.
func TestLivePathChange(t *testing.T) {
	h := diamondHosts(t)
	bin := icmplabBin(t)
	p := newTmuxPane(t)
	p.keys(fmt.Sprintf("ip netns exec %s %s trace --live -n -w 3 --paris --interval 0.2 198.18.6.2; echo EXIT=$?", h["src"].Name, bin), "Enter")
	s := p.waitFor("four hops", func(s string) bool { r := liveRows(s); return r[4].host == "198.18.6.2" && r[4].sent >= 3 })
	first := liveRows(s)[2].host
	other := map[string]string{"198.18.2.2": "198.18.3.2", "198.18.3.2": "198.18.2.2"}[first]
	require.NotEmpty(t, other, "hop 2 answered from %q\n%s", first, s)
	h["r1"].MustRun("ip", "route", "replace", "198.18.6.0/24", "via", other)
	s = p.waitFor("the path change marked at hop 2", func(s string) bool {
		return regexp.MustCompile(`(?m)^\s+2\. \S+ ~`).MatchString(s) && strings.Contains(s, other+" (")
	})
	t.Logf("after the path change:\n%s", s)
	rows := liveRows(s)
	assert.Equal(t, first, rows[2].host, "the hop keeps its first address on its line")
	for ttl := 1; ttl <= 4; ttl++ {
		assert.Equal(t, 0.0, rows[ttl].loss, "hop %d: a path change is no loss\n%s", ttl, s)
	}
	p.keys("q")
	p.waitFor("the shell back", func(s string) bool { return strings.Contains(s, "EXIT=0") })
}

// TestLiveExtensions: through the simulated path of TestTunExtensions, the
// live view with -e shows hop 1's MPLS stack and hop 3's RFC 5837
// interface under their hops; e hides them and shows them again.
func TestLiveExtensions(t *testing.T) {
	if _, err := os.Stat("/dev/net/tun"); err != nil {
		netns.Skip(t, "needs /dev/net/tun (modprobe tun; in a container, pass --device /dev/net/tun)")
	}
	n := netns.New(t)
	h := n.Host("src")
	tun, err := tunhop.Open(h, "tun0", []string{"198.18.100.1/24"}, []string{"198.18.101.0/24"})
	require.NoError(t, err)
	t.Cleanup(tun.Close)
	tun.Serve(tunPath(netip.MustParsePrefix("198.18.101.0/24"), netip.MustParseAddr("198.18.101.9")))
	bin := icmplabBin(t)
	p := newTmuxPane(t)
	p.keys(fmt.Sprintf("ip netns exec %s %s trace --live -n -e --interval 0.2 198.18.101.9; echo EXIT=$?", h.Name, bin), "Enter")
	mpls, iface := "<MPLS:L=100,E=0,S=0,T=1/L=200,E=0,S=1,T=1>", `<IF:incoming,index=7,addr=198.18.101.3,name="ge-0/0/3",mtu=1500>`
	s := p.waitFor("extensions", func(s string) bool { return strings.Contains(s, mpls) && strings.Contains(s, iface) })
	t.Logf("with -e:\n%s", s)
	p.keys("e")
	p.waitFor("extensions hidden", func(s string) bool { return !strings.Contains(s, "<MPLS") && liveRows(s)[5].host == "198.18.101.9" })
	p.keys("e")
	p.waitFor("extensions again", func(s string) bool { return strings.Contains(s, mpls) })
	p.keys("q")
	p.waitFor("the shell back", func(s string) bool { return strings.Contains(s, "EXIT=0") })
}

// TestLiveRestoresOnSignal: SIGTERM (here from timeout(1)) ends the view
// and the terminal is restored as after q.
func TestLiveRestoresOnSignal(t *testing.T) {
	c := netns.NewChain(t, 1)
	bin := icmplabBin(t)
	p := newTmuxPane(t)
	p.keys(fmt.Sprintf("timeout -s TERM 3 ip netns exec %s %s trace --live -n --interval 0.2 %s; echo EXIT=$?", c.Src().Name, bin, c.Dst4()), "Enter")
	p.waitFor("the view", func(s string) bool { return liveRows(s)[2].host == c.Dst4() })
	p.waitFor("the shell back after SIGTERM", func(s string) bool { return strings.Contains(s, "EXIT=124") })
	assert.Equal(t, "0", strings.TrimSpace(p.run("display", "-p", "-t", p.name, "#{alternate_on}")), "left on the alternate screen")
	p.keys("stty -a | tr ' ' '\\n' | grep -xE -- '-?(icanon|echo)' | tr '\\n' ' '; echo", "Enter")
	s := p.waitFor("stty's answer", func(s string) bool {
		return strings.Contains(s, "icanon echo") || strings.Contains(s, "-icanon") || strings.Contains(s, "-echo")
	})
	assert.Contains(t, s, "icanon echo", "the terminal is back in canonical mode with echo")
}
