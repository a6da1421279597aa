//go:build linux

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/binary"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"icmplab/native/internal/netns"
)

// Helpers of the tests that run the built command in namespaces, side by
// side with iputils ping and traceroute.

func TestMain(m *testing.M) {
	code := m.Run()
	netns.RemoveBinary()
	os.Exit(code)
}

// icmplabBinary is the command, built once (netns.Binary).
func icmplabBinary(t *testing.T) string { return netns.Binary(t) }

// nobody is the unprivileged identity some tests run as.
var nobody = []string{"setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"}

type result struct {
	out, err string
	code     int
}

// runIn runs argv in h (as nobody when asked) to its end.
func runIn(t *testing.T, h *netns.Host, asNobody bool, argv ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if asNobody {
		argv = append(append([]string(nil), nobody...), argv...)
	}
	var out, errOut bytes.Buffer
	cmd := h.Command(ctx, argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	code := 0
	if err != nil {
		ee, ok := err.(*exec.ExitError)
		require.True(t, ok, "%v: %v", argv, err)
		code = ee.ExitCode()
	}
	return result{out.String(), errOut.String(), code}
}

// started is a command running in the background whose stdout is read
// line by line.
type started struct {
	cmd    *exec.Cmd
	lines  *bufio.Reader
	seen   strings.Builder
	errOut bytes.Buffer
}

// start runs argv in h (nil: here) and returns once it has started.
func start(t *testing.T, h *netns.Host, asNobody bool, stdin io.Reader, argv ...string) *started {
	t.Helper()
	if asNobody {
		argv = append(append([]string(nil), nobody...), argv...)
	}
	var cmd *exec.Cmd
	if h != nil {
		cmd = h.Command(context.Background(), argv[0], argv[1:]...)
	} else {
		cmd = exec.Command(argv[0], argv[1:]...)
	}
	s := &started{cmd: cmd}
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	cmd.Stderr = &s.errOut
	cmd.Stdin = stdin
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	s.lines = bufio.NewReader(out)
	return s
}

// waitFor reads stdout until a line matches.
func (s *started) waitFor(t *testing.T, re string) {
	t.Helper()
	rx := regexp.MustCompile(re)
	for !rx.MatchString(s.seen.String()) {
		l, err := s.lines.ReadString('\n')
		s.seen.WriteString(l)
		if err != nil {
			t.Fatalf("ended before %q: %v\n%s%s", re, err, s.seen.String(), s.errOut.String())
		}
	}
}

// finish reads the rest of stdout and waits for the exit.
func (s *started) finish() (string, int) {
	rest, _ := io.ReadAll(s.lines)
	s.cmd.Wait()
	return s.seen.String() + string(rest), s.cmd.ProcessState.ExitCode()
}

// resolvConf points h's resolver (ip netns exec bind-mounts
// /etc/netns/NAME/resolv.conf over /etc/resolv.conf) at 127.0.0.1 inside
// the namespace, and keeps /etc/hosts out of the way: no lookup ever leaves
// the test's namespaces. netns removes the directory with the namespace.
func resolvConf(t *testing.T, h *netns.Host) {
	t.Helper()
	dir := filepath.Join("/etc/netns", h.Name)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "resolv.conf"),
		[]byte("nameserver 127.0.0.1\noptions timeout:1 attempts:1\n"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "hosts"), []byte("127.0.0.1 localhost\n"), 0o644))
}

// dnsServer answers A queries on 127.0.0.1:53 inside h: names in known get
// their address, every other name NXDOMAIN. It stops with the test.
func dnsServer(t *testing.T, h *netns.Host, known map[string]net.IP) {
	t.Helper()
	var conn *net.UDPConn
	require.NoError(t, h.Do(func() error {
		var err error
		conn, err = net.ListenUDP("udp", &net.UDPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 53})
		return err
	}))
	t.Cleanup(func() { conn.Close() })
	go func() {
		buf := make([]byte, 1500)
		for {
			n, from, err := conn.ReadFromUDP(buf)
			if err != nil {
				return
			}
			if reply := dnsAnswer(buf[:n], known); reply != nil {
				conn.WriteToUDP(reply, from)
			}
		}
	}()
}

// dnsAnswer builds the reply to one query (RFC 1035 section 4.1): the
// question echoed, and an A record or NXDOMAIN; AAAA and other types get
// an empty answer.
func dnsAnswer(q []byte, known map[string]net.IP) []byte {
	const hdr = 12
	if len(q) < hdr+5 {
		return nil
	}
	var labels []string
	i := hdr
	for i < len(q) && q[i] != 0 {
		l := int(q[i])
		if i+1+l > len(q) {
			return nil
		}
		labels = append(labels, string(q[i+1:i+1+l]))
		i += 1 + l
	}
	i++ // the root label
	if i+4 > len(q) {
		return nil
	}
	qtype := binary.BigEndian.Uint16(q[i:])
	question := q[hdr : i+4]
	name := strings.ToLower(strings.Join(labels, "."))
	ip, ok := known[name]
	r := make([]byte, hdr, 512)
	copy(r, q[:2])                            // id
	binary.BigEndian.PutUint16(r[2:], 0x8180) // response, recursion desired and available
	binary.BigEndian.PutUint16(r[4:], 1)      // one question
	switch {
	case !ok:
		r[3] |= 3 // NXDOMAIN
	case qtype == 1: // A
		binary.BigEndian.PutUint16(r[6:], 1)
	}
	r = append(r, question...)
	if ok && qtype == 1 {
		r = append(r, 0xc0, hdr) // the name, by pointer to the question
		r = binary.BigEndian.AppendUint16(r, 1)
		r = binary.BigEndian.AppendUint16(r, 1)
		r = binary.BigEndian.AppendUint32(r, 60)
		r = binary.BigEndian.AppendUint16(r, 4)
		r = append(r, ip.To4()...)
	}
	return r
}

// masked hides what differs between two runs of a ping: times and the
// statistics lines' figures.
func masked(s string) string {
	for _, m := range []struct{ re, to string }{
		{`time=[0-9.]+ ms`, "time=T ms"},
		{`time [0-9]+ms`, "time Tms"},
		{`rtt min/avg/max/mdev = [0-9./]+ ms`, "rtt min/avg/max/mdev = T ms"},
		{`ipg/ewma [0-9./]+ ms`, "ipg/ewma T ms"},
		{`(?m)^(icmplab ping|\S*/ping): `, "ping: "},
	} {
		s = regexp.MustCompile(m.re).ReplaceAllString(s, m.to)
	}
	return s
}

// exec_ runs a program here and returns its combined output.
func exec_(name string, args ...string) (string, error) {
	out, err := exec.Command(name, args...).CombinedOutput()
	return string(out), err
}
