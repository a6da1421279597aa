//go:build linux

package main

import (
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/native/internal/netns"
	"icmplab/native/pcapout"
	"icmplab/native/priv"
)

var statsRe = regexp.MustCompile(`(\d+) packets transmitted, (\d+) received`)

// pingCounts reads the statistics line.
func pingCounts(t *testing.T, out string) (sent, received int) {
	t.Helper()
	m := statsRe.FindStringSubmatch(out)
	require.NotNil(t, m, "no statistics line:\n%s", out)
	sent, _ = strconv.Atoi(m[1])
	received, _ = strconv.Atoi(m[2])
	return sent, received
}

// decodedFrames reads a capture with icmplab decode, which must find every
// block whole, and with tshark when installed; both counts must agree.
func decodedFrames(t *testing.T, bin, file string) int {
	t.Helper()
	out, err := exec.Command(bin, "decode", file).CombinedOutput()
	require.NoError(t, err, "icmplab decode %s: %s", file, out)
	n := strings.Count(string(out), "\n")
	tshark := netns.RequireTool(t, "tshark", "tshark")
	tout, err := exec.Command(tshark, "-r", file, "-T", "fields", "-e", "frame.number").Output()
	require.NoError(t, err, "tshark -r %s: %s", file, tout)
	assert.Equal(t, n, strings.Count(string(tout), "\n"), "tshark and icmplab decode count different frames:\n%s\n%s", out, tout)
	return n
}

// TestPcapSurvivesStops: SIGINT, SIGTERM and SIGHUP end ping and trace as
// SIGINT always did (summary, file closed, every packet in it); SIGKILL
// leaves a file of whole blocks holding all but the last second; a full
// disk is reported at once and the exit status says so.
func TestPcapSurvivesStops(t *testing.T) {
	netns.Require(t)
	bin := icmplabBinary(t)
	c := netns.NewChain(t, 1)
	src := c.Src()
	dir := t.TempDir()

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run("ping-"+sig.String(), func(t *testing.T) {
			file := filepath.Join(dir, "ping-"+strconv.Itoa(int(sig))+".pcapng")
			p := start(t, src, false, nil, bin, "ping", "-n", "-i", "0.1", "--pcap", file, c.Dst4())
			p.waitFor(t, `icmp_seq=3 `)
			require.NoError(t, p.cmd.Process.Signal(sig))
			out, code := p.finish()
			assert.Equal(t, 0, code, "%s%s", out, p.errOut.String())
			assert.Contains(t, out, "--- "+c.Dst4()+" ping statistics ---")
			sent, received := pingCounts(t, out)
			assert.Equal(t, sent+received, decodedFrames(t, bin, file))
		})
	}

	t.Run("ping-SIGKILL", func(t *testing.T) {
		file := filepath.Join(dir, "ping-kill.pcapng")
		p := start(t, src, false, nil, bin, "ping", "-n", "-i", "0.05", "--pcap", file, c.Dst4())
		p.waitFor(t, `icmp_seq=60 `) // three seconds in
		require.NoError(t, p.cmd.Process.Signal(syscall.SIGKILL))
		p.finish()
		// At most the last second is lost: the first 20 probes and their
		// replies are there, in whole blocks (20 is a floor well below the
		// 40 of the first two seconds, for slow machines).
		n := decodedFrames(t, bin, file)
		assert.GreaterOrEqual(t, n, 40, "frames in the capture of a killed ping")
	})

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run("trace-"+sig.String(), func(t *testing.T) {
			// The target drops the probes: the trace waits on hop 2.
			c.Dst().MustRun("nft", "add", "table", "inet", "h5drop")
			c.Dst().MustRun("nft", "add", "chain", "inet", "h5drop", "in", "{ type filter hook input priority 0; policy accept; }")
			c.Dst().MustRun("nft", "add", "rule", "inet", "h5drop", "in", "udp", "dport", "33434-33534", "drop")
			defer c.Dst().MustRun("nft", "delete", "table", "inet", "h5drop")
			file := filepath.Join(dir, "trace-"+strconv.Itoa(int(sig))+".pcapng")
			p := start(t, src, false, nil, bin, "trace", "-n", "-q", "1", "-w", "10", "-m", "3", "--pcap", file, c.Dst4())
			p.waitFor(t, `(?m)^ 1  `+regexp.QuoteMeta(c.Hop4(1)))
			time.Sleep(200 * time.Millisecond) // hop 2's probe is out
			require.NoError(t, p.cmd.Process.Signal(sig))
			out, code := p.finish()
			assert.Equal(t, 0, code, "%s%s", out, p.errOut.String())
			// Hop 1's probe and its answer, and the probes still out.
			assert.GreaterOrEqual(t, decodedFrames(t, bin, file), 3)
		})
	}

	t.Run("trace-SIGKILL", func(t *testing.T) {
		c.Dst().MustRun("nft", "add", "table", "inet", "h5drop")
		c.Dst().MustRun("nft", "add", "chain", "inet", "h5drop", "in", "{ type filter hook input priority 0; policy accept; }")
		c.Dst().MustRun("nft", "add", "rule", "inet", "h5drop", "in", "udp", "dport", "33434-33534", "drop")
		defer c.Dst().MustRun("nft", "delete", "table", "inet", "h5drop")
		file := filepath.Join(dir, "trace-kill.pcapng")
		p := start(t, src, false, nil, bin, "trace", "-n", "-q", "1", "-w", "10", "-m", "3", "--pcap", file, c.Dst4())
		p.waitFor(t, `(?m)^ 1  `+regexp.QuoteMeta(c.Hop4(1)))
		// Nothing more happens: what was captured reaches the file within
		// a second without another packet to push it.
		time.Sleep(2 * pcapout.FlushEvery)
		require.NoError(t, p.cmd.Process.Signal(syscall.SIGKILL))
		p.finish()
		assert.GreaterOrEqual(t, decodedFrames(t, bin, file), 3)
	})

	t.Run("trace-full-disk", func(t *testing.T) {
		mnt := filepath.Join(dir, "tiny")
		require.NoError(t, os.Mkdir(mnt, 0o755))
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=8k", "tmpfs", mnt).CombinedOutput(); err != nil {
			netns.Skip(t, fmt.Sprintf("cannot mount a small tmpfs: %v: %s", err, out))
		}
		defer exec.Command("umount", mnt).Run()
		// The target drops the probes: 300 go out at once, more than 8 KiB
		// of capture, and the trace waits for them.
		c.Dst().MustRun("nft", "add", "table", "inet", "h5drop")
		c.Dst().MustRun("nft", "add", "chain", "inet", "h5drop", "in", "{ type filter hook input priority 0; policy accept; }")
		c.Dst().MustRun("nft", "add", "rule", "inet", "h5drop", "in", "udp", "dport", "33434-34000", "drop")
		defer c.Dst().MustRun("nft", "delete", "table", "inet", "h5drop")
		file := filepath.Join(mnt, "trace.pcapng")
		// --max-unknown 0: probe every hop to -m, so the capture outgrows the disk.
		r := runIn(t, src, false, bin, "trace", "-n", "-q", "10", "-m", "30", "-N", "300", "-w", "20", "--max-unknown", "0", "--pcap", file, c.Dst4())
		assert.Equal(t, 2, r.code, "%s%s", r.out, r.err)
		assert.Contains(t, r.err, "icmplab trace: --pcap "+file+": write: ")
		assert.Contains(t, r.err, "no space left on device")
	})

	t.Run("full-disk", func(t *testing.T) {
		mnt := filepath.Join(dir, "small")
		require.NoError(t, os.Mkdir(mnt, 0o755))
		if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", mnt).CombinedOutput(); err != nil {
			netns.Skip(t, fmt.Sprintf("cannot mount a small tmpfs: %v: %s", err, out))
		}
		defer exec.Command("umount", mnt).Run()
		file := filepath.Join(mnt, "full.pcapng")
		r := runIn(t, src, false, bin, "ping", "-n", "-q", "-i", "0.005", "-s", "1400", "-c", "3000", "--pcap", file, c.Dst4())
		assert.Equal(t, 2, r.code, "%s%s", r.out, r.err)
		assert.Contains(t, r.err, "icmplab ping: --pcap "+file+": write: ")
		assert.Contains(t, r.err, "no space left on device")
		sent, _ := pingCounts(t, r.out)
		assert.Less(t, sent, 3000, "the run stops at the write error")
		// What is in the file ends at a whole block.
		assert.Greater(t, decodedFrames(t, bin, file), 0)
	})
}

// TestFileCapabilityGrantsNoMore: a copy of the binary given
// cap_net_raw+ep and run by nobody pings, but may not flood or go below
// 2 ms (iputils refuses both to every user but root); decode and serve
// drop every capability before reading input.
func TestFileCapabilityGrantsNoMore(t *testing.T) {
	netns.Require(t)
	setcap := netns.RequireTool(t, "setcap", "libcap2-bin")
	netns.RequireTool(t, "setpriv", "util-linux")
	bin := icmplabBinary(t)
	capDir, err := os.MkdirTemp("", "icmplab-cap-")
	require.NoError(t, err)
	defer os.RemoveAll(capDir)
	require.NoError(t, os.Chmod(capDir, 0o755))
	capBin := filepath.Join(capDir, "icmplab")
	data, err := os.ReadFile(bin)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(capBin, data, 0o755))
	if out, err := exec.Command(setcap, "cap_net_raw+ep", capBin).CombinedOutput(); err != nil {
		netns.Skip(t, fmt.Sprintf("setcap on %s: %v: %s", capDir, err, out))
	}

	c := netns.NewChain(t, 1)
	src := c.Src()
	src.Sysctl("net.ipv4.ping_group_range", "1 0") // nobody gets no datagram socket: the capability is what lets it ping
	for _, args := range [][]string{{"-f", "-c", "3", c.Dst4()}, {"-i", "0.001", "-c", "3", c.Dst4()}, {"-i", "0", "-c", "3", c.Dst4()}} {
		r := runIn(t, src, true, append([]string{capBin, "ping"}, args...)...)
		assert.Equal(t, 2, r.code, "%v: %s%s", args, r.out, r.err)
		assert.Equal(t, "icmplab ping: cannot flood; minimal interval allowed for user is 2ms\n", r.err, "%v", args)
	}
	r := runIn(t, src, true, capBin, "ping", "-n", "-c", "1", c.Dst4())
	assert.Equal(t, 0, r.code, "%s%s", r.out, r.err)
	assert.Contains(t, r.out, "1 packets transmitted, 1 received")

	// noCaps waits until pid is icmplab itself (not setpriv, which execs
	// it, and holds no capability either) with its main thread's CapEff at
	// 0 (the file capability gives it CAP_NET_RAW at exec), then checks
	// every thread.
	// The drop reaches the threads one after another (all-threads capset),
	// so a thread read in the middle of it may still hold the capability:
	// wait until every thread shows 0, and report the last reading.
	noCaps := func(t *testing.T, pid int) {
		t.Helper()
		var main uint64
		var threads map[int]uint64
		allZero := func() bool {
			for _, v := range threads {
				if v != 0 {
					return false
				}
			}
			return len(threads) > 0
		}
		for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(10 * time.Millisecond) {
			exe, _ := os.Readlink("/proc/" + strconv.Itoa(pid) + "/exe")
			if exe != capBin {
				continue
			}
			if main, err = priv.ProcCapEff(pid); err != nil || main != 0 {
				continue
			}
			if threads, err = priv.ThreadCapEffs(pid); err == nil && allZero() {
				break
			}
		}
		assert.Equal(t, uint64(0), main, "/proc/%d/status CapEff", pid)
		require.NotEmpty(t, threads, "no thread of %d read", pid)
		for tid, v := range threads {
			assert.Equal(t, uint64(0), v, "thread %d CapEff", tid)
		}
	}

	t.Run("decode", func(t *testing.T) {
		pr, pw, err := os.Pipe()
		require.NoError(t, err)
		defer pw.Close()
		p := start(t, nil, true, pr, capBin, "decode", "-")
		pr.Close()
		noCaps(t, p.cmd.Process.Pid)
		pw.Close()
		p.finish()
	})
	t.Run("serve", func(t *testing.T) {
		if _, err := os.Stat(filepath.Join("..", "site", "static", "main.wasm")); err != nil {
			netns.Skip(t, "site/static/main.wasm is missing, so serve cannot start: run make wasm first")
		}
		p := start(t, nil, true, nil, capBin, "serve", "--addr", "127.0.0.1:0")
		p.waitFor(t, `icmplab workbench on http://127\.0\.0\.1:\d+/`)
		noCaps(t, p.cmd.Process.Pid)
		// Once it answers, it serves, and SIGTERM is its to handle.
		url := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`).FindString(p.seen.String())
		resp, err := http.Get(url)
		require.NoError(t, err)
		resp.Body.Close()
		assert.Equal(t, http.StatusOK, resp.StatusCode)
		require.NoError(t, p.cmd.Process.Signal(syscall.SIGTERM))
		_, code := p.finish()
		assert.Equal(t, 0, code, p.errOut.String())
	})
}
