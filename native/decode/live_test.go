//go:build linux

package decode

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"icmplab/codec"
	"icmplab/codec/capture"
	"icmplab/codec/dissect"
	"icmplab/native/internal/netns"
)

var update = flag.Bool("update", false, "rewrite the live captures in codec/dissect/testdata")

// liveDir is where the recorded captures go: codec/dissect's golden test
// dissects them without needing root or namespaces.
const liveDir = "../../codec/dissect/testdata"

// firstLink returns the host's first interface other than lo.
func firstLink(t *testing.T, h *netns.Host) string {
	out := h.MustRun("ip", "-o", "link", "show")
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 2 {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimSuffix(f[1], ":"), "@")
		if name != "lo" {
			return name
		}
	}
	t.Fatalf("no link in %s:\n%s", h.Short, out)
	return ""
}

// record runs tcpdump with filter on iface of h while fn runs
// (netns.Host.CaptureFilter), and returns the capture.
func record(t *testing.T, h *netns.Host, iface, filter string, fn func()) []byte {
	t.Helper()
	b, err := os.ReadFile(h.CaptureFilter(t, iface, filter, fn))
	if err != nil {
		t.Fatalf("tcpdump wrote nothing: %v", err)
	}
	return b
}

// dissectAll reads a capture with codec/capture and dissects every frame.
func dissectAll(t *testing.T, b []byte) []*dissect.Frame {
	t.Helper()
	r, err := capture.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	ra := dissect.NewReassembler()
	var out []*dissect.Frame
	for {
		p, err := r.Next()
		if err != nil {
			break
		}
		l, _ := dissect.LayerForLinkType(uint32(p.LinkType))
		data := append([]byte(nil), p.Data...)
		out = append(out, dissect.Dissect(data, l, dissect.Options{Number: p.Index, Time: p.Time, Len: p.OrigLen, Reassembler: ra}))
	}
	return out
}

// TestLiveCaptures runs iputils ping and traceroute through a chain of two
// routers in network namespaces, captures at the source with tcpdump, and
// checks what the dissector makes of real kernels' packets: echo replies
// with good checksums, time exceeded from each router with the right
// sentence, port unreachable from the target, over IPv4 and IPv6. With
// -update the captures are saved for codec/dissect's golden test.
func TestLiveCaptures(t *testing.T) {
	netns.RequireTool(t, "tcpdump", "tcpdump")
	netns.RequireTool(t, "ping", "iputils-ping")
	netns.RequireTool(t, "traceroute", "traceroute")
	c := netns.NewChain(t, 2)
	src := c.Src()
	iface := firstLink(t, src)
	// Let neighbour discovery settle so the capture holds the probes, not
	// only address resolution.
	src.Run("ping", "-c", "1", "-W", "2", c.Dst4())
	src.Run("ping", "-6", "-c", "1", "-W", "2", c.Dst6())

	for _, fam := range []struct {
		name, filter, dst string
		v6                bool
	}{
		{"live_ipv4_ping_traceroute", "icmp or udp", c.Dst4(), false},
		{"live_ipv6_ping_traceroute", "icmp6 or udp", c.Dst6(), true},
	} {
		t.Run(fam.name, func(t *testing.T) {
			flag6 := "-4"
			if fam.v6 {
				flag6 = "-6"
			}
			b := record(t, src, iface, fam.filter, func() {
				src.MustRun("ping", flag6, "-c", "2", "-i", "0.2", "-W", "2", fam.dst)
				src.Run("ping", flag6, "-c", "1", "-W", "1", "-t", "1", fam.dst)
				src.MustRun("traceroute", flag6, "-n", "-q", "1", "-N", "1", "-w", "1", "-m", "5", fam.dst)
			})
			frames := dissectAll(t, b)
			checkLive(t, frames, c, fam.v6)
			if *update {
				if err := os.WriteFile(filepath.Join(liveDir, fam.name+".pcap"), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		})
	}
}

// checkLive asserts what any run of the scenario must show.
func checkLive(t *testing.T, frames []*dissect.Frame, c *netns.Chain, v6 bool) {
	t.Helper()
	fam, hop1, hop2, dst := codec.IPv4, c.Hop4(1), c.Hop4(2), c.Dst4()
	echoReply, timeExc, unreach := codec.ICMPv4EchoReply, codec.ICMPv4TimeExceeded, codec.ICMPv4DestinationUnreachable
	if v6 {
		fam, hop1, hop2, dst = codec.IPv6, c.Hop6(1), c.Hop6(2), c.Dst6()
		echoReply, timeExc, unreach = codec.ICMPv6EchoReply, codec.ICMPv6TimeExceeded, codec.ICMPv6DestinationUnreachable
	}
	var replies int
	expired := map[string]bool{}
	var portUnreach bool
	for _, f := range frames {
		if len(f.Errors) > 0 {
			t.Errorf("frame %d: errors %v", f.Number, f.Errors)
		}
		i := f.ICMP
		if i == nil || i.Family != fam {
			continue
		}
		if i.Checksum.Status != codec.ChecksumGood {
			t.Errorf("frame %d: %s checksum %v", f.Number, i.TypeName, i.Checksum.Status)
		}
		switch i.Type {
		case echoReply:
			if i.Src.String() == dst {
				replies++
			}
		case timeExc:
			expired[i.Src.String()] = true
			if i.Quoted == nil || i.Quoted.Dst.String() != dst || !strings.Contains(i.Sentence, "expired at "+i.Src.String()) {
				t.Errorf("frame %d: time exceeded quote %+v sentence %q", f.Number, i.Quoted, i.Sentence)
			}
		case unreach:
			if i.Src.String() == dst && i.Quoted != nil && i.Quoted.Proto == codec.ProtoUDP && i.Quoted.DstPort >= 33434 {
				portUnreach = true
			}
		}
	}
	if replies < 2 {
		t.Errorf("%d echo replies from %s, want 2", replies, dst)
	}
	if !expired[hop1] || !expired[hop2] {
		t.Errorf("time exceeded from %v, want %s and %s", expired, hop1, hop2)
	}
	if !portUnreach {
		t.Errorf("no port unreachable from %s quoting a traceroute probe", dst)
	}
}
