//go:build linux

package trace

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/gopacket/pcapgo"

	"icmplab/native/internal/netns"
)

// traceJSON is the part of --json the tests read.
type traceJSON struct {
	EndReason string `json:"end_reason"`
	End       string `json:"end"`
	Sent      int    `json:"probes_sent"`
	Ignored   int    `json:"replies_ignored"`
	Flows     []struct {
		Flow    int    `json:"flow"`
		SrcPort uint16 `json:"src_port"`
		End     string `json:"end"`
		Reached bool   `json:"reached"`
		Hops    []struct {
			TTL    int `json:"ttl"`
			Probes []struct {
				Outcome string  `json:"outcome"`
				From    string  `json:"from"`
				Name    string  `json:"name"`
				RTT     float64 `json:"rtt_ms"`
				Type    *uint8  `json:"icmp_type"`
			} `json:"probes"`
		} `json:"hops"`
	} `json:"flows"`
	Paths []Path `json:"paths"`
}

// summaryLine is the last line of trace --json's output: the summary.
func summaryLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// decodeJSON reads trace --json's lines: "hop" lines as hops settle, each
// checked to be whole JSON, then the "summary" line, returned.
func decodeJSON(t *testing.T, s string) traceJSON {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i, l := range lines {
		var kind struct {
			Type string `json:"type"`
			TTL  int    `json:"ttl"`
		}
		if err := json.Unmarshal([]byte(l), &kind); err != nil {
			t.Fatalf("--json line %d: %v\n%s", i+1, err, s)
		}
		want := "hop"
		if i == len(lines)-1 {
			want = "summary"
		}
		if kind.Type != want {
			t.Fatalf("--json line %d is %q, want %q:\n%s", i+1, kind.Type, want, s)
		}
	}
	var r traceJSON
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &r); err != nil {
		t.Fatalf("--json summary: %v\n%s", err, s)
	}
	if r.EndReason == "" {
		t.Fatalf("--json summary has no end_reason:\n%s", s)
	}
	return r
}

// TestSilentDestination: a target that drops everything; the trace must
// run to the hop limit and say so.
func TestSilentDestination(t *testing.T) {
	netns.RequireTool(t, "nft", "nftables")
	c := netns.NewChain(t, 2)
	blackhole(t, c.Dst())
	for _, dst := range []string{c.Dst4(), c.Dst6()} {
		out := traceIn(t, c.Src(), "-n", "-q", "1", "-m", "5", "-w", "0.3", dst)
		got := hops(out)
		if len(got) != 5 || len(got[1]) != 1 || len(got[2]) != 1 || len(got[3])+len(got[4])+len(got[5]) != 0 {
			t.Fatalf("want two routers then three silent hops:\n%s", out)
		}
		r := decodeJSON(t, traceIn(t, c.Src(), "-n", "-q", "1", "-m", "5", "-w", "0.3", "--json", dst))
		if r.End != "max hops (5)" || r.Flows[0].Reached || len(r.Flows[0].Hops) != 5 {
			t.Fatalf("end %q reached %v hops %d, want max hops (5)", r.End, r.Flows[0].Reached, len(r.Flows[0].Hops))
		}
		if o := r.Flows[0].Hops[4].Probes[0].Outcome; o != "timeout" {
			t.Fatalf("hop 5 outcome %q, want timeout", o)
		}
	}
}

// diamond builds src - r1 - {r2a, r2b} - r3 - dst, with r1 spreading
// traffic to dst over both middle routers by an L4 hash.
//
//	link 1 src-r1   198.18.1.0/24   link 4 r2a-r3  198.18.4.0/24
//	link 2 r1-r2a   198.18.2.0/24   link 5 r2b-r3  198.18.5.0/24
//	link 3 r1-r2b   198.18.3.0/24   link 6 r3-dst  198.18.6.0/24
func diamond(t *testing.T) (src *netns.Host, dst4, dst6 string) {
	t.Helper()
	h := diamondHosts(t)
	return h["src"], "198.18.6.2", "2001:2:0:6::2"
}

// diamondHosts builds the diamond and returns its hosts by name, for tests
// that change its routes while they run.
func diamondHosts(t *testing.T) map[string]*netns.Host {
	t.Helper()
	n := netns.New(t)
	names := []string{"src", "r1", "r2a", "r2b", "r3", "dst"}
	h := map[string]*netns.Host{}
	for _, s := range names {
		h[s] = n.Host(s)
		h[s].Sysctl("net.ipv4.conf.all.rp_filter", "0")
		h[s].Sysctl("net.ipv4.conf.default.rp_filter", "0")
	}
	link := func(i int, a, b string) {
		n.Link(h[a], []string{fmt.Sprintf("198.18.%d.1/24", i), fmt.Sprintf("2001:2:0:%d::1/64", i)},
			h[b], []string{fmt.Sprintf("198.18.%d.2/24", i), fmt.Sprintf("2001:2:0:%d::2/64", i)})
	}
	link(1, "src", "r1")
	link(2, "r1", "r2a")
	link(3, "r1", "r2b")
	link(4, "r2a", "r3")
	link(5, "r2b", "r3")
	link(6, "r3", "dst")
	for _, r := range []string{"r1", "r2a", "r2b", "r3"} {
		h[r].Forward()
	}
	route := func(host string, args ...string) {
		h[host].MustRun(append([]string{"ip", "route", "add"}, args...)...)
		v6 := make([]string, len(args))
		for i, a := range args {
			v6[i] = a
			if strings.HasPrefix(a, "198.18.") {
				var x, y int
				if _, err := fmt.Sscanf(a, "198.18.%d.%d", &x, &y); err == nil {
					v6[i] = fmt.Sprintf("2001:2:0:%d::%d", x, y)
					if strings.HasSuffix(a, "/24") {
						v6[i] = fmt.Sprintf("2001:2:0:%d::/64", x)
					}
				}
			}
		}
		h[host].MustRun(append([]string{"ip", "-6", "route", "add"}, v6...)...)
	}
	route("src", "default", "via", "198.18.1.2")
	route("r1", "198.18.6.0/24", "nexthop", "via", "198.18.2.2", "nexthop", "via", "198.18.3.2")
	route("r1", "198.18.4.0/24", "via", "198.18.2.2")
	route("r1", "198.18.5.0/24", "via", "198.18.3.2")
	route("r2a", "default", "via", "198.18.4.2")
	route("r2a", "198.18.1.0/24", "via", "198.18.2.1")
	route("r2b", "default", "via", "198.18.5.2")
	route("r2b", "198.18.1.0/24", "via", "198.18.3.1")
	route("r3", "default", "via", "198.18.4.1")
	route("dst", "default", "via", "198.18.6.1")
	h["r1"].Sysctl("net.ipv4.fib_multipath_hash_policy", "1")
	h["r1"].Sysctl("net.ipv6.fib_multipath_hash_policy", "1")
	return h
}

// TestECMPDiamond: classic probes (one destination port each) find both
// middle routers at hop 2; a Paris trace keeps one path; several Paris
// flows find both. Which branch a flow takes is the kernel's hash of its
// ports: the probe counts make a false failure unlikely (classic: 20 probes
// at hop 2, one branch missed with probability 2^-19; 16 flows: 2^-15).
func TestECMPDiamond(t *testing.T) {
	src, dst4, dst6 := diamond(t)
	for _, c := range []struct{ dst, a, b string }{{dst4, "198.18.2.2", "198.18.3.2"}, {dst6, "2001:2:0:2::2", "2001:2:0:3::2"}} {
		// Two traces of 10 probes a hop (traceroute's most) from two
		// port bases: 20 probes at hop 2.
		var seen []string
		var out string
		for _, port := range []string{"33434", "40000"} {
			out = traceIn(t, src, "-n", "-q", "10", "-p", port, "-w", "1", c.dst)
			h := hops(out)
			if len(h) != 4 {
				t.Fatalf("classic: want 4 hops:\n%s", out)
			}
			seen = append(seen, h[2]...)
		}
		if !contains(seen, c.a) || !contains(seen, c.b) {
			t.Fatalf("classic: want both %s and %s at hop 2, saw %v:\n%s", c.a, c.b, seen, out)
		}
		// (ICMP is left out: Linux hashes it without ports, so every echo
		// takes one path whatever the mode.)
		for _, extra := range [][]string{nil, {"-T"}} {
			args := append([]string{"-n", "--paris", "-q", "6", "-w", "1"}, extra...)
			out = traceIn(t, src, append(args, c.dst)...)
			h := hops(out)
			if len(h) != 4 {
				t.Fatalf("paris %v: want 4 hops:\n%s", extra, out)
			}
			for k := 1; k <= 4; k++ {
				if len(h[k]) != 1 {
					t.Fatalf("paris %v: hop %d answered from %v, want one address:\n%s", extra, k, h[k], out)
				}
			}
		}
		r := decodeJSON(t, traceIn(t, src, "-n", "--flows", "16", "-q", "1", "-w", "1", "--json", c.dst))
		if len(r.Paths) != 2 || len(r.Flows) != 16 {
			t.Fatalf("--flows 16: %d distinct paths over %d flows, want 2: %+v", len(r.Paths), len(r.Flows), r.Paths)
		}
		for _, p := range r.Paths {
			if len(p.Hops) != 4 || (p.Hops[1] != c.a && p.Hops[1] != c.b) {
				t.Fatalf("path %v: want 4 hops through %s or %s", p.Hops, c.a, c.b)
			}
		}
		text := traceIn(t, src, "-n", "--flows", "4", "-q", "1", "-w", "1", c.dst)
		if !strings.Contains(text, "flow 4:") || !strings.Contains(text, "distinct path(s) across 4 flows") {
			t.Fatalf("--flows 4 text output:\n%s", text)
		}
	}
}

// TestNames: addresses named in the namespace's /etc/hosts are printed as
// traceroute prints them, and -n turns names off.
func TestNames(t *testing.T) {
	c := netns.NewChain(t, 2)
	c.Src().Hosts("127.0.0.1 localhost", c.Hop4(1)+" r1.test", c.Hop4(2)+" r2.test", c.Dst4()+" target.test",
		c.Hop6(1)+" r1-6.test")
	out := traceIn(t, c.Src(), "-q", "1", "target.test")
	for _, w := range []string{"traceroute to target.test (" + c.Dst4() + ")", " 1  r1.test (" + c.Hop4(1) + ")",
		" 2  r2.test (" + c.Hop4(2) + ")", " 3  target.test (" + c.Dst4() + ")"} {
		if !strings.Contains(out, w) {
			t.Errorf("want %q in:\n%s", w, out)
		}
	}
	out = traceIn(t, c.Src(), "-q", "1", c.Dst6())
	if !strings.Contains(out, " 1  r1-6.test ("+c.Hop6(1)+")") || !strings.Contains(out, " 2  "+c.Hop6(2)+" ("+c.Hop6(2)+")") {
		t.Errorf("IPv6 names:\n%s", out)
	}
	out = traceIn(t, c.Src(), "-n", "-q", "1", c.Dst4())
	if strings.Contains(out, ".test") || !strings.Contains(out, " 1  "+c.Hop4(1)+"  ") {
		t.Errorf("-n output:\n%s", out)
	}
	r := decodeJSON(t, traceIn(t, c.Src(), "-q", "1", "--json", c.Dst4()))
	if n := r.Flows[0].Hops[0].Probes[0].Name; n != "r1.test" {
		t.Errorf("json name of hop 1: %q", n)
	}
}

// TestUnprivileged runs the binary as nobody with no capabilities: UDP
// (error queue) and ICMP (datagram sockets, allowed by ping_group_range in
// the namespace) trace the chain; -T explains that it needs CAP_NET_RAW.
func TestUnprivileged(t *testing.T) {
	setpriv := netns.RequireTool(t, "setpriv", "util-linux")
	c := netns.NewChain(t, 3)
	c.Src().Sysctl("net.ipv4.ping_group_range", "0 2147483647")
	bin := icmplabBin(t)
	asNobody := []string{"--reuid=nobody", "--regid=nogroup", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all", bin, "trace"}
	if _, err := exec.LookPath("getent"); err == nil {
		if out, _ := exec.Command("getent", "group", "nogroup").Output(); len(out) == 0 {
			asNobody[1] = "--regid=nobody"
		}
	}
	for _, dst := range []string{c.Dst4(), c.Dst6()} {
		for _, method := range []string{"", "-I"} {
			args := append(append([]string{}, asNobody...), "-n", "-q", "1", "--json")
			if method != "" {
				args = append(args, method)
			}
			out, errs, err := runIn(t, c.Src(), setpriv, append(args, dst)...)
			if err != nil {
				t.Fatalf("as nobody %s %s: %v\n%s%s", method, dst, err, out, errs)
			}
			r := decodeJSON(t, out)
			if r.End != "destination reached" || len(r.Flows[0].Hops) != 4 {
				t.Fatalf("as nobody %s %s: end %q, %d hops\n%s", method, dst, r.End, len(r.Flows[0].Hops), out)
			}
			var priv struct {
				Privileged bool `json:"privileged"`
			}
			json.Unmarshal([]byte(summaryLine(out)), &priv)
			if priv.Privileged {
				t.Fatalf("as nobody the trace claims raw sockets")
			}
			for k, h := range r.Flows[0].Hops {
				want := c.Hop4(k + 1)
				if strings.Contains(dst, ":") {
					want = c.Hop6(k + 1)
				}
				if h.Probes[0].From != want {
					t.Fatalf("as nobody %s: hop %d from %q, want %s", method, k+1, h.Probes[0].From, want)
				}
			}
		}
	}
	out, errs, err := runIn(t, c.Src(), setpriv, append(append([]string{}, asNobody...), "-n", "-T", c.Dst4())...)
	if err == nil || !strings.Contains(errs, "CAP_NET_RAW") {
		t.Fatalf("-T as nobody should fail naming CAP_NET_RAW: %v\n%s%s", err, out, errs)
	}
}

// TestJSONAndPcap records a trace and reads the file back with gopacket's
// pcapng reader and with tshark: every probe sent is in it, and so is every
// answer the JSON reports.
func TestJSONAndPcap(t *testing.T) {
	tshark := netns.RequireTool(t, "tshark", "tshark")
	c := netns.NewChain(t, 2)
	for _, tc := range []struct{ dst, method, filter string }{
		{c.Dst4(), "", "icmp.type == 11"}, {c.Dst6(), "", "icmpv6.type == 3"},
		{c.Dst4(), "-I", "icmp.type == 11"}, {c.Dst4(), "-T", "icmp.type == 11"},
	} {
		dir, err := os.MkdirTemp("", "trace-pcap")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.RemoveAll(dir) })
		file := filepath.Join(dir, "trace.pcapng")
		args := []string{"-n", "--json", "--pcap", file}
		if tc.method != "" {
			args = append(args, tc.method)
		}
		r := decodeJSON(t, traceIn(t, c.Src(), append(args, tc.dst)...))
		answered := 0
		for _, h := range r.Flows[0].Hops {
			for _, p := range h.Probes {
				if p.From != "" {
					answered++
				}
			}
		}
		if r.End != "destination reached" || answered != 9 {
			t.Fatalf("%s %s: end %q, %d answers, want 9", tc.method, tc.dst, r.End, answered)
		}
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		rd, err := pcapgo.NewNgReader(f, pcapgo.DefaultNgReaderOptions)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for {
			if _, _, err := rd.ReadPacketData(); err != nil {
				break
			}
			n++
		}
		f.Close()
		if n < r.Sent+answered {
			t.Fatalf("%s %s: pcap holds %d packets, want at least %d sent + %d answers", tc.method, tc.dst, n, r.Sent, answered)
		}
		out, err := exec.Command(tshark, "-r", file, "-Y", tc.filter).CombinedOutput()
		if err != nil {
			t.Fatalf("tshark: %v\n%s", err, out)
		}
		if got := strings.Count(strings.TrimSpace(string(out)), "\n") + 1; got < 6 {
			t.Fatalf("%s: tshark finds %d time exceeded answers, want at least 6:\n%s", tc.dst, got, out)
		}
	}
}

// TestOpenUDPPort: with -U to a port where a service answers, the answer
// itself ends the trace at the target, privileged or not. The service is a
// UDP socket this test opens in the target's namespace.
func TestOpenUDPPort(t *testing.T) {
	c := netns.NewChain(t, 2)
	for _, dst := range []string{c.Dst4(), c.Dst6()} {
		var conn net.PacketConn
		err := c.Dst().Do(func() error {
			var err error
			conn, err = net.ListenPacket("udp", net.JoinHostPort(dst, "5353"))
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		go func() {
			buf := make([]byte, 2048)
			for {
				_, peer, err := conn.ReadFrom(buf)
				if err != nil {
					return
				}
				conn.WriteTo([]byte("answer"), peer)
			}
		}()
		for _, mode := range [][]string{nil, {"--unprivileged"}} {
			args := append([]string{"-n", "-U", "-p", "5353", "-q", "2", "-w", "2", "--json"}, mode...)
			r := decodeJSON(t, traceIn(t, c.Src(), append(args, dst)...))
			last := r.Flows[0].Hops[len(r.Flows[0].Hops)-1]
			answered := false
			for _, p := range last.Probes {
				// Answered by the service itself: no ICMP type.
				answered = answered || (p.From == dst && p.Type == nil)
			}
			if r.End != "destination reached" || len(r.Flows[0].Hops) != 3 || !answered {
				t.Errorf("-U to an open port %v: end %q, %d hops, last %+v", mode, r.End, len(r.Flows[0].Hops), last)
			}
		}
		conn.Close()
	}
}
