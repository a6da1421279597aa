//go:build linux

package ping

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net/netip"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/google/gopacket/pcapgo"

	"icmplab/codec"
	"icmplab/codec/capture"
	"icmplab/native/icmpsock"
	"icmplab/native/internal/netns"
	"icmplab/native/priv"
)

// The integration tests run the real command in network namespaces: a
// source, two routers and a target (netns.NewChain). They need root (to
// make namespaces) and skip elsewhere, failing under CI=true.

func TestMain(m *testing.M) {
	code := m.Run()
	netns.RemoveBinary()
	os.Exit(code)
}

// icmplabBinary is the command, built once (netns.Binary).
func icmplabBinary(t *testing.T) string { return netns.Binary(t) }

type result struct {
	out, err string
	code     int
}

// nobody is the unprivileged identity the datagram-socket tests run as.
var nobody = []string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"}

// command runs argv (a program and its arguments) in h, as nobody when asked.
func command(ctx context.Context, h *netns.Host, asNobody bool, argv ...string) *exec.Cmd {
	if asNobody {
		argv = append(append([]string(nil), nobody...), argv...)
	}
	return h.Command(ctx, argv[0], argv[1:]...)
}

func runIn(t *testing.T, h *netns.Host, asNobody bool, argv ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	var out, errOut bytes.Buffer
	cmd := command(ctx, h, asNobody, argv...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		if !ok {
			t.Fatalf("%v: %v", argv, err)
		}
		code = ee.ExitCode()
	}
	return result{out.String(), errOut.String(), code}
}

func (e *env) ping(t *testing.T, asNobody bool, args ...string) result {
	t.Helper()
	return runIn(t, e.src, asNobody, append([]string{e.bin, "ping"}, args...)...)
}

type env struct {
	c        *netns.Chain
	src, dst *netns.Host
	bin      string
}

func newEnv(t *testing.T) *env {
	t.Helper()
	netns.Require(t)
	bin := icmplabBinary(t)
	c := netns.NewChain(t, 2)
	return &env{c: c, src: c.Src(), dst: c.Dst(), bin: bin}
}

// jsonLines decodes --json output.
func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("not JSON: %q: %v", l, err)
		}
		out = append(out, m)
	}
	return out
}

func lastOf(t *testing.T, objs []map[string]any, typ string) map[string]any {
	t.Helper()
	for i := len(objs) - 1; i >= 0; i-- {
		if objs[i]["type"] == typ {
			return objs[i]
		}
	}
	t.Fatalf("no %q object in %v", typ, objs)
	return nil
}

func TestNetnsPing(t *testing.T) {
	e := newEnv(t)
	netns.RequireTool(t, "setpriv", "util-linux")
	c := e.c

	t.Run("replies and TTL through two routers", func(t *testing.T) {
		for _, dst := range []string{c.Dst4(), c.Dst6()} {
			r := e.ping(t, false, "-c", "3", "-i", "0.2", dst)
			if r.code != 0 || !strings.Contains(r.out, "3 packets transmitted, 3 received, 0% packet loss") ||
				strings.Count(r.out, " ttl=62 ") != 3 {
				t.Errorf("%s: exit %d\n%s%s", dst, r.code, r.out, r.err)
			}
		}
	})

	t.Run("TTL 1 expires at the first router", func(t *testing.T) {
		r := e.ping(t, false, "-c", "1", "-t", "1", c.Dst4())
		if r.code != 1 || !strings.Contains(r.out, "\nFrom "+c.Hop4(1)+" icmp_seq=1 Time to live exceeded\n") ||
			!strings.Contains(r.out, "1 packets transmitted, 0 received, +1 errors, 100% packet loss") {
			t.Errorf("exit %d\n%s%s", r.code, r.out, r.err)
		}
		r = e.ping(t, false, "-6", "-c", "1", "-t", "1", c.Dst6())
		if r.code != 1 || !strings.Contains(r.out, "\nFrom "+c.Hop6(1)+" icmp_seq=1 Time exceeded: Hop limit\n") {
			t.Errorf("exit %d\n%s%s", r.code, r.out, r.err)
		}
	})

	t.Run("same form as iputils", func(t *testing.T) {
		netns.RequireTool(t, "ping", "iputils-ping")
		for _, args := range [][]string{
			{"-c", "3", "-i", "0.2", c.Dst4()},
			{"-c", "2", "-i", "0.2", "-t", "1", c.Dst4()},
			{"-c", "3", "-i", "0.2", "-q", c.Dst4()},
			{"-c", "3", "-i", "0.2", "-D", c.Dst4()},
			{"-6", "-c", "3", "-i", "0.2", c.Dst6()},
			{"-6", "-c", "2", "-i", "0.2", "-t", "1", c.Dst6()},
			{"-c", "3", "-i", "0.2", "-W", "0.5", "-O", "silent"},
		} {
			// "silent": the target drops echo requests without a word, so
			// nothing answers and no error comes back (an address nobody
			// holds would end in unreachables at a load-dependent moment).
			silent := args[len(args)-1] == "silent"
			if silent {
				args = append(args[:len(args)-1:len(args)-1], c.Dst4())
				e.dst.Sysctl("net.ipv4.icmp_echo_ignore_all", "1")
			}
			ours := e.ping(t, false, args...)
			theirs := runIn(t, e.src, false, append([]string{"ping"}, args...)...)
			if silent {
				e.dst.Sysctl("net.ipv4.icmp_echo_ignore_all", "0")
			}
			if ours.code != theirs.code {
				t.Errorf("%v: exit %d, iputils %d", args, ours.code, theirs.code)
			}
			fo, ft := form(ours.out), form(theirs.out)
			if strings.Join(fo, "\n") != strings.Join(ft, "\n") {
				t.Errorf("%v: forms differ\nours:\n%s\niputils:\n%s", args, ours.out, theirs.out)
			}
		}
	})

	t.Run("raw socket as root when ping_group_range is closed", func(t *testing.T) {
		e.src.Sysctl("net.ipv4.ping_group_range", "1 0")
		r := e.ping(t, false, "--json", "-c", "2", "-i", "0.2", c.Dst4())
		objs := jsonLines(t, r.out)
		if objs[0]["socket"] != "raw" || lastOf(t, objs, "summary")["received"].(float64) != 2 || r.code != 0 {
			t.Errorf("exit %d\n%s%s", r.code, r.out, r.err)
		}
		// And as nobody: no way in, and the message says how to allow one.
		r = e.ping(t, true, "-c", "1", c.Dst4())
		if r.code != 2 || !strings.Contains(r.err, "ping_group_range") || !strings.Contains(r.err, "setcap cap_net_raw+ep") {
			t.Errorf("nobody with the range closed: exit %d\n%s%s", r.code, r.out, r.err)
		}
	})

	t.Run("unprivileged datagram socket", func(t *testing.T) {
		e.src.Sysctl("net.ipv4.ping_group_range", "0 2147483647")
		for _, dst := range []string{c.Dst4(), c.Dst6()} {
			r := e.ping(t, true, "--json", "-c", "3", "-i", "0.2", dst)
			objs := jsonLines(t, r.out)
			s := lastOf(t, objs, "summary")
			if objs[0]["socket"] != "datagram" || s["received"].(float64) != 3 || s["end_reason"] != "count" || r.code != 0 {
				t.Errorf("%s: exit %d\n%s%s", dst, r.code, r.out, r.err)
			}
			for _, o := range objs {
				if o["type"] == "reply" && (o["ttl"].(float64) != 62 || o["kernel_timestamp"] != true) {
					t.Errorf("%s: reply %v", dst, o)
				}
			}
		}
		r := e.ping(t, true, "-c", "1", "-t", "1", c.Dst4())
		if !strings.Contains(r.out, "From "+c.Hop4(1)+" icmp_seq=1 Time to live exceeded") {
			t.Errorf("datagram socket, TTL 1:\n%s%s", r.out, r.err)
		}
		// Flooding stays a privilege, as in iputils.
		for _, args := range [][]string{{"-f", "-c", "3", c.Dst4()}, {"-i", "0.001", "-c", "3", c.Dst4()}} {
			r := e.ping(t, true, args...)
			if r.code != 2 || !strings.Contains(r.err, "cannot flood; minimal interval allowed for user is 2ms") {
				t.Errorf("nobody %v: exit %d\n%s%s", args, r.code, r.out, r.err)
			}
		}
	})

	t.Run("flood as root", func(t *testing.T) {
		r := e.ping(t, false, "-f", "-c", "500", c.Dst4())
		if r.code != 0 || !strings.Contains(r.out, "500 packets transmitted, 500 received, 0% packet loss") ||
			!regexp.MustCompile(`(?m)^rtt min/avg/max/mdev = [0-9./]+ ms(, pipe \d+)?, ipg/ewma [0-9.]+/[0-9.]+ ms$`).MatchString(r.out) ||
			strings.Count(r.out, ".") < 500 {
			t.Errorf("exit %d\n%s%s", r.code, r.out, r.err)
		}
	})

	t.Run("no capabilities while pinging", func(t *testing.T) {
		e.src.Sysctl("net.ipv4.ping_group_range", "0 2147483647")
		for _, asNobody := range []bool{false, true} {
			checkCapsDropped(t, e, asNobody)
		}
	})

	t.Run("concurrent pingers count only their own", func(t *testing.T) {
		e.src.Sysctl("net.ipv4.ping_group_range", "0 2147483647")
		for _, asNobody := range []bool{false, true} {
			var wg sync.WaitGroup
			res := make([]result, 2)
			for i := range res {
				wg.Add(1)
				go func() {
					defer wg.Done()
					res[i] = e.ping(t, asNobody, "-c", "20", "-i", "0.05", c.Dst4())
				}()
			}
			wg.Wait()
			for i, r := range res {
				if r.code != 0 || !strings.Contains(r.out, "20 packets transmitted, 20 received, 0% packet loss") ||
					strings.Contains(r.out, "DUP") || strings.Count(r.out, " bytes from ") != 20 {
					t.Errorf("nobody=%v pinger %d: exit %d\n%s%s", asNobody, i, r.code, r.out, r.err)
				}
			}
		}
	})

	t.Run("forged replies are ignored", func(t *testing.T) {
		e.src.Sysctl("net.ipv4.ping_group_range", "0 2147483647")
		for _, asNobody := range []bool{false, true} {
			checkForgeries(t, e, asNobody)
		}
	})

	t.Run("PROBE", func(t *testing.T) {
		e.dst.Sysctl("net.ipv4.icmp_echo_enable_probe", "1")
		for _, q := range []string{"lo", "eth0", "1", c.Dst4(), c.Dst6()} {
			for _, dst := range []string{c.Dst4(), c.Dst6()} {
				r := e.ping(t, false, "-c", "1", "--probe", q, dst)
				if r.code != 0 || !regexp.MustCompile(`(?m)^PROBE reply from `+regexp.QuoteMeta(dst)+`: interface .*: active, IPv4, IPv6 \(icmp_seq=1 ttl=62 time=`).MatchString(r.out) {
					t.Errorf("--probe %s to %s: exit %d\n%s%s", q, dst, r.code, r.out, r.err)
				}
			}
		}
		noSuch := codec.CodeName(codec.IPv4, codec.ICMPv4ExtendedEchoReply, 2)
		r := e.ping(t, false, "-c", "1", "--probe", "eth9", c.Dst4())
		if r.code != 1 || !strings.Contains(r.out, "interface eth9: "+noSuch) || !strings.Contains(r.out, "+1 errors") {
			t.Errorf("--probe eth9: exit %d\n%s%s", r.code, r.out, r.err)
		}
		r = e.ping(t, false, "--json", "-c", "1", "--probe", "eth9", c.Dst4())
		if pr := lastOf(t, jsonLines(t, r.out), "probe_reply"); pr["code_name"] != noSuch || pr["icmp_code"].(float64) != 2 {
			t.Errorf("JSON: %v", pr)
		}
	})

	t.Run("pcap records every packet", func(t *testing.T) {
		e.src.Sysctl("net.ipv4.ping_group_range", "0 2147483647")
		dir, err := os.MkdirTemp("", "icmplab-pcap-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		os.Chmod(dir, 0o777) // nobody writes here too
		for _, asNobody := range []bool{false, true} {
			for _, dst := range []string{c.Dst4(), c.Dst6()} {
				file := filepath.Join(dir, fmt.Sprintf("p-%v-%s.pcapng", asNobody, strings.ReplaceAll(dst, ":", "_")))
				r := e.ping(t, asNobody, "--pcap", file, "-c", "5", "-i", "0.05", dst)
				if r.code != 0 {
					t.Fatalf("exit %d\n%s%s", r.code, r.out, r.err)
				}
				checkPcap(t, e, file, netip.MustParseAddr(dst), 5)
			}
		}
	})

	t.Run("target down", func(t *testing.T) {
		e.dst.MustRun("ip", "addr", "del", c.Dst4()+"/24", "dev", "eth0")
		r := e.ping(t, false, "-c", "2", "-i", "0.2", "-W", "0.5", c.Dst4())
		if r.code != 1 || !strings.Contains(r.out, "2 packets transmitted, 0 received") || !strings.Contains(r.out, "100% packet loss") {
			t.Errorf("exit %d\n%s%s", r.code, r.out, r.err)
		}
		r = e.ping(t, false, "--json", "-c", "2", "-i", "0.2", "-W", "0.5", c.Dst4())
		objs := jsonLines(t, r.out)
		timeouts := 0
		for _, o := range objs {
			if o["type"] == "timeout" {
				timeouts++
			}
		}
		if s := lastOf(t, objs, "summary"); timeouts != 2 || s["exit_code"].(float64) != 1 || s["end_reason"] != "count" {
			t.Errorf("JSON, target down: %d timeouts\n%s", timeouts, r.out)
		}
	})
}

// form reduces output to its shape: numbers become N, so iputils' lines and
// ours compare equal when they have the same form.
func form(out string) []string {
	num := regexp.MustCompile(`\d+`)
	var lines []string
	for _, l := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		lines = append(lines, num.ReplaceAllString(l, "N"))
	}
	return lines
}

// checkCapsDropped starts a long ping, waits for its first reply, reads the
// effective capabilities of every one of its threads, asks for a status
// line (SIGQUIT) and interrupts it (SIGINT) for its summary.
func checkCapsDropped(t *testing.T, e *env, asNobody bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := command(ctx, e.src, asNobody, e.bin, "ping", "-i", "0.1", "-c", "100", e.c.Dst4())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	// stderr is read as it comes, so the test can wait for the status
	// line itself rather than sleep and hope it was printed.
	var errMu sync.Mutex
	var errOut strings.Builder
	errGrew := make(chan struct{}, 1)
	errDone := make(chan struct{})
	go func() {
		defer close(errDone)
		b := make([]byte, 512)
		for {
			n, err := stderr.Read(b)
			errMu.Lock()
			errOut.Write(b[:n])
			errMu.Unlock()
			select {
			case errGrew <- struct{}{}:
			default:
			}
			if err != nil {
				return
			}
		}
	}()
	stderrText := func() string { errMu.Lock(); defer errMu.Unlock(); return errOut.String() }
	statusRe := regexp.MustCompile(`\r\d+/\d+ packets, \d+% loss, min/avg/ewma/max = `)
	br := bufio.NewReader(stdout)
	var seen strings.Builder
	for !strings.Contains(seen.String(), "icmp_seq=2 ") {
		l, err := br.ReadString('\n')
		seen.WriteString(l)
		if err != nil {
			t.Fatalf("ping ended early: %v\n%s%s", err, seen.String(), stderrText())
		}
	}
	caps, err := priv.ThreadCapEffs(cmd.Process.Pid)
	if err != nil || len(caps) == 0 {
		t.Fatalf("reading /proc/%d: %v", cmd.Process.Pid, err)
	}
	for tid, v := range caps {
		if v != 0 {
			t.Errorf("nobody=%v: thread %d has CapEff %016x while pinging", asNobody, tid, v)
		}
	}
	main, err := priv.ProcCapEff(cmd.Process.Pid)
	if err != nil || main != 0 {
		t.Errorf("nobody=%v: /proc/%d/status CapEff %016x (%v)", asNobody, cmd.Process.Pid, main, err)
	}
	cmd.Process.Signal(syscall.SIGQUIT)
	for !statusRe.MatchString(stderrText()) {
		select {
		case <-errGrew:
		case <-errDone:
			t.Fatalf("SIGQUIT printed no status line: %q", stderrText())
		case <-ctx.Done():
			t.Fatalf("SIGQUIT printed no status line: %q", stderrText())
		}
	}
	cmd.Process.Signal(syscall.SIGINT)
	rest, _ := io.ReadAll(br)
	<-errDone
	cmd.Wait()
	out := seen.String() + string(rest)
	if !strings.Contains(out, "--- "+e.c.Dst4()+" ping statistics ---") || cmd.ProcessState.ExitCode() != 0 {
		t.Errorf("SIGINT: exit %d\n%s", cmd.ProcessState.ExitCode(), out)
	}
}

// checkForgeries pings with --json, learns the echo identifier from the
// start object, and has the target forge replies with that identifier —
// right sequence numbers but a wrong cookie, and sequence numbers never
// sent — from a raw socket while the ping runs.
func checkForgeries(t *testing.T, e *env, asNobody bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	const count = 8
	// The capture proves the forgeries reached the pinger's socket.
	dir, err := os.MkdirTemp("", "icmplab-forge-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	os.Chmod(dir, 0o777)
	file := filepath.Join(dir, "forge.pcapng")
	cmd := command(ctx, e.src, asNobody, e.bin, "ping", "--json", "--pcap", file, "-c", fmt.Sprint(count), "-i", "0.15", e.c.Dst4())
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	br := bufio.NewReader(stdout)
	first, err := br.ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	var start struct{ ID uint16 }
	if err := json.Unmarshal([]byte(first), &start); err != nil {
		t.Fatal(err)
	}
	var forged int
	src := netip.MustParseAddr(netns.Left4(1))
	err = e.dst.Do(func() error {
		conn, err := icmpsock.Open(icmpsock.Options{Family: codec.IPv4, Want: icmpsock.OnlyRaw, TOS: icmpsock.NoTOS})
		if err != nil {
			return err
		}
		defer conn.Close()
		data := make([]byte, DefaultSize)
		for round := 0; round < 12; round++ {
			for _, seq := range []uint16{1, 2, 3, 4, 5, 6, 7, 8, 999} {
				rand.Read(data)
				msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoReply}, codec.Echo{ID: start.ID, Seq: seq, Data: data})
				if _, err := conn.WriteTo(msg, src); err != nil {
					return err
				}
				forged++
			}
			time.Sleep(100 * time.Millisecond)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(br)
	cmd.Wait()
	objs := jsonLines(t, first+string(rest))
	replies := 0
	for _, o := range objs {
		if o["type"] == "reply" {
			replies++
		}
	}
	s := lastOf(t, objs, "summary")
	if replies != count || s["received"].(float64) != count || s["duplicates"].(float64) != 0 || s["corrupted"].(float64) != 0 {
		t.Errorf("nobody=%v: %d forged replies sent; %d reply objects, summary %v", asNobody, forged, replies, s)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	cr, err := capture.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for {
		p, err := cr.Next()
		if err != nil {
			break
		}
		if d, err := codec.DecodeIP(p.Data); err == nil && d.HasICMP && d.ICMP.Type == codec.ICMPv4EchoReply {
			seen++
		}
	}
	// Some forgeries leave after the ping has stopped; most arrive.
	if seen < count+forged/4 {
		t.Errorf("nobody=%v: the socket saw %d echo replies: the %d forgeries did not reach it, the test proves nothing", asNobody, seen, forged)
	}
	t.Logf("nobody=%v: socket saw %d echo replies (%d genuine), all forgeries ignored", asNobody, seen, count)
}

// checkPcap reads a --pcap file three ways: gopacket's pcapgo, codec's own
// capture reader, tshark, and icmplab decode; every request and reply must
// be there.
func checkPcap(t *testing.T, e *env, file string, dst netip.Addr, n int) {
	t.Helper()
	fam := codec.IPv4
	req, rep := codec.ICMPv4EchoRequest, codec.ICMPv4EchoReply
	if dst.Is6() {
		fam, req, rep = codec.IPv6, codec.ICMPv6EchoRequest, codec.ICMPv6EchoReply
	}
	count := func(data []byte, counts map[codec.Type]int) {
		p, err := codec.DecodeIP(data)
		if err != nil || !p.HasICMP || p.Family != fam {
			t.Errorf("%s: packet %x: %v", file, data, err)
			return
		}
		if p.ICMP.Sum.Status == codec.ChecksumBad {
			t.Errorf("%s: bad ICMP checksum in %x", file, data)
		}
		counts[p.ICMP.Type]++
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// pcapgo
	r, err := pcapgo.NewNgReader(bytes.NewReader(raw), pcapgo.DefaultNgReaderOptions)
	if err != nil {
		t.Fatal(err)
	}
	got := map[codec.Type]int{}
	for {
		data, _, err := r.ReadPacketData()
		if err != nil {
			break
		}
		count(data, got)
	}
	if got[req] != n || got[rep] != n {
		t.Errorf("%s (pcapgo): %v, want %d requests and %d replies", file, got, n, n)
	}
	// codec/capture
	cr, err := capture.NewReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	got = map[codec.Type]int{}
	for {
		p, err := cr.Next()
		if err != nil {
			break
		}
		if p.LinkType != capture.LinkRaw {
			t.Errorf("link type %v", p.LinkType)
		}
		count(p.Data, got)
	}
	if got[req] != n || got[rep] != n {
		t.Errorf("%s (codec/capture): %v", file, got)
	}
	// tshark reads the same file (it is installed in CI).
	t.Run("tshark", func(t *testing.T) {
		tshark := netns.RequireTool(t, "tshark", "tshark")
		field := "icmp.type"
		if dst.Is6() {
			field = "icmpv6.type"
		}
		out, err := exec.Command(tshark, "-r", file, "-T", "fields", "-e", field).Output()
		if err != nil {
			t.Fatalf("tshark: %v", err)
		}
		types := strings.Fields(string(out))
		reqs := 0
		for _, ty := range types {
			if ty == fmt.Sprint(req) {
				reqs++
			}
		}
		if reqs != n || len(types) != 2*n {
			t.Errorf("%s (tshark): types %v", file, types)
		}
		// Frames are in time order: each reply after its request.
		if types[0] != fmt.Sprint(req) {
			t.Errorf("%s (tshark): first frame is type %s, not the first request", file, types[0])
		}
	})
	// icmplab decode: every frame dissected cleanly (exit 0).
	dec := exec.Command(e.bin, "decode", "--format", "jsonl", file)
	out, err := dec.Output()
	if err != nil || strings.Count(string(out), "\n") != 2*n {
		t.Errorf("icmplab decode %s: %v\n%s", file, err, out)
	}
}
