package serve_test

import (
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A new browser context opens a new window, and headless Chromium starts
// that window's own user interface as it would on a desktop: a WebUI
// renderer for the omnibox popup (chrome://omnibox-popup.top-chrome) that
// loads some 200 modules. Traced, it took 1.3-1.9 s of CPU in the window's
// first two seconds, then nothing. On a two-core machine a page loaded in
// that window meanwhile shares the cores with it, and so does any
// start-up figure taken then: the window's start, not the page's. A
// visitor's browser is already open, so the start-up benchmarks let the
// browser go quiet before each navigation they time.
const (
	// quietStep is how long one reading of the browser's CPU time spans.
	quietStep = 200 * time.Millisecond
	// quietShare is the most CPU the browser's processes may use in a
	// step, as a share of one core, and still count as quiet.
	quietShare = 0.05
	// quietSteps is how many quiet steps in a row end the wait.
	quietSteps = 2
	// quietMax bounds the wait: a browser that never settles (a busy
	// machine, a page that keeps working) is measured as it is.
	quietMax = 8 * time.Second
)

// waitQuiet waits until the browser of ctx and every process it started
// use almost no CPU (quietShare of a core over quietSteps readings), or
// quietMax has passed. It reports how long it waited and whether the
// browser went quiet. Off Linux, where it cannot read the processes' CPU
// time, it returns at once.
func waitQuiet(ctx context.Context) (time.Duration, bool) {
	c := chromedp.FromContext(ctx)
	if c == nil || c.Browser == nil || c.Browser.Process() == nil {
		return 0, false
	}
	root := c.Browser.Process().Pid
	start := time.Now()
	last, ok := treeCPU(root)
	if !ok {
		return 0, false
	}
	quiet := 0
	for time.Since(start) < quietMax {
		time.Sleep(quietStep)
		now, ok := treeCPU(root)
		if !ok {
			return time.Since(start), false
		}
		if now-last <= quietShare*quietStep.Seconds() {
			quiet++
			if quiet == quietSteps {
				return time.Since(start), true
			}
		} else {
			quiet = 0
		}
		last = now
	}
	return time.Since(start), false
}

// treeCPU is the CPU time, in seconds, that process root and all its
// descendants have used, read from /proc.
func treeCPU(root int) (float64, bool) {
	ents, err := os.ReadDir("/proc")
	if err != nil {
		return 0, false
	}
	type proc struct {
		ppid  int
		ticks int
	}
	procs := map[int]proc{}
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		st, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue // ended meanwhile
		}
		// The fields after the command name, which may hold spaces and
		// parentheses: state, ppid, ... utime is the 14th field of the
		// line, stime the 15th (proc(5)).
		s := string(st)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		if len(f) < 13 {
			continue
		}
		ppid, _ := strconv.Atoi(f[1])
		utime, _ := strconv.Atoi(f[11])
		stime, _ := strconv.Atoi(f[12])
		procs[pid] = proc{ppid: ppid, ticks: utime + stime}
	}
	if _, ok := procs[root]; !ok {
		return 0, false
	}
	// A process belongs to the tree when one of its ancestors is root.
	in := func(pid int) bool {
		for range len(procs) {
			if pid == root {
				return true
			}
			p, ok := procs[pid]
			if !ok || p.ppid == pid {
				return false
			}
			pid = p.ppid
		}
		return false
	}
	ticks := 0
	for pid, p := range procs {
		if in(pid) {
			ticks += p.ticks
		}
	}
	// USER_HZ is 100 on every Linux this runs on (sysconf(_SC_CLK_TCK)).
	return float64(ticks) / 100, true
}

// TestTreeCPU checks the reading waitQuiet rests on: a busy child's CPU time
// is counted in its parent's tree, and an idle tree's barely moves.
func TestTreeCPU(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("no /proc: waitQuiet returns at once here")
	}
	me := os.Getpid()
	before, ok := treeCPU(me)
	require.True(t, ok)
	busy := exec.Command("sh", "-c", "while :; do :; done")
	require.NoError(t, busy.Start())
	time.Sleep(500 * time.Millisecond)
	during, ok := treeCPU(me)
	require.NoError(t, busy.Process.Kill())
	_ = busy.Wait()
	require.True(t, ok)
	assert.Greater(t, during-before, 0.2, "a child spinning for 0.5 s is counted in its parent's tree")

	idle := exec.Command("sleep", "5")
	require.NoError(t, idle.Start())
	defer func() { _ = idle.Process.Kill(); _ = idle.Wait() }()
	a, ok := treeCPU(idle.Process.Pid)
	require.True(t, ok)
	time.Sleep(300 * time.Millisecond)
	b, ok := treeCPU(idle.Process.Pid)
	require.True(t, ok)
	assert.Less(t, b-a, quietShare*0.3+0.02, "a sleeping process is quiet")
	_, ok = treeCPU(1 << 30)
	assert.False(t, ok, "a process that does not exist has no tree")
}
