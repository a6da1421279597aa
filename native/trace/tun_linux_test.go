//go:build linux

package trace

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"net/netip"
	"os"
	"reflect"
	"strings"
	"testing"

	"icmplab/codec"
	"icmplab/native/internal/netns"
	"icmplab/native/internal/tunhop"
)

// tunPath answers UDP probes as a path of four routers and a target would,
// with what Linux routers never send:
//
//	hop 1: MPLS label stack 100/200, RFC 4884 layout
//	hop 2: MPLS label 300, legacy layout (offset 128, length field 0)
//	hop 3: first an error from .99 quoting the probe with another
//	       destination address (must be ignored), then RFC 5837 interface
//	       information (incoming ge-0/0/3, index 7, MTU 1500)
//	hop 4: first a port unreachable "from the target" quoting other ports
//	       (must be ignored: it would end the trace), then plain time exceeded
//	hop 5+: the target's port unreachable
func tunPath(net netip.Prefix, target netip.Addr) tunhop.Responder {
	hopAddr := func(k int) netip.Addr {
		a := net.Addr().As16()
		if net.Addr().Is4() {
			b := net.Addr().As4()
			b[3] = byte(k)
			return netip.AddrFrom4(b)
		}
		a[15] = byte(k)
		return netip.AddrFrom16(a)
	}
	return func(pkt []byte) [][]byte {
		p, err := tunhop.ParseProbe(pkt)
		if err != nil || p.Proto != codec.ProtoUDP || p.Dst != target {
			return nil
		}
		te := tunhop.TimeExceeded(p.Family)
		ut, uc := tunhop.PortUnreachable(p.Family)
		switch p.TTL {
		case 1:
			obj := codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 100, TTL: 1}, codec.MPLSEntry{Label: 200, S: true, TTL: 1})
			return [][]byte{tunhop.Error(p, hopAddr(1), te, 0, pkt, codec.NewExtensions(nil, obj))}
		case 2:
			ext := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 300, S: true, TTL: 1}))
			ext.Layout = codec.ExtLegacy
			return [][]byte{tunhop.Error(p, hopAddr(2), te, 0, pkt, ext)}
		case 3:
			other := append([]byte(nil), pkt...)
			if p.Family == codec.IPv4 {
				other[19] ^= 0x55 // last byte of the destination address
			} else {
				other[39] ^= 0x55
			}
			ii := codec.InterfaceInfo{Role: codec.RoleIncoming, HasIndex: true, Index: 7, HasAddr: true, Addr: hopAddr(3),
				HasName: true, Name: "ge-0/0/3", HasMTU: true, MTU: 1500}
			return [][]byte{
				tunhop.Error(p, hopAddr(99), te, 0, other, codec.Extensions{}),
				tunhop.Error(p, hopAddr(3), te, 0, pkt, codec.NewExtensions(nil, codec.AppendInterfaceInfoObject(nil, ii))),
			}
		case 4:
			other := append([]byte(nil), pkt...)
			off := len(pkt) - len(p.Payload)
			binary.BigEndian.PutUint16(other[off+2:], binary.BigEndian.Uint16(pkt[off+2:])+1000)
			return [][]byte{
				tunhop.Error(p, target, ut, uc, other, codec.Extensions{}),
				tunhop.Error(p, hopAddr(4), te, 0, pkt, codec.Extensions{}),
			}
		}
		return [][]byte{tunhop.Error(p, target, ut, uc, pkt, codec.Extensions{})}
	}
}

// TestTunExtensions traces through the simulated path in both families and
// checks what -e prints, what --json holds, and that the two replies
// quoting other packets were ignored.
func TestTunExtensions(t *testing.T) {
	for _, v6 := range []bool{false, true} {
		name := "v4"
		local, route, target := "198.18.100.1/24", "198.18.101.0/24", "198.18.101.9"
		if v6 {
			name, local, route, target = "v6", "2001:2:0:100::1/64", "2001:2:0:101::/64", "2001:2:0:101::9"
		}
		t.Run(name, func(t *testing.T) {
			if _, err := os.Stat("/dev/net/tun"); err != nil {
				netns.Skip(t, "needs /dev/net/tun (modprobe tun; in a container, pass --device /dev/net/tun)")
			}
			n := netns.New(t)
			h := n.Host("src")
			tun, err := tunhop.Open(h, "tun0", []string{local}, []string{route})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(tun.Close)
			tgt := netip.MustParseAddr(target)
			tun.Serve(tunPath(netip.MustParsePrefix(route), tgt))
			hop := func(k int) string { return fmt.Sprintf("198.18.101.%d", k) }
			if v6 {
				hop = func(k int) string { return fmt.Sprintf("2001:2:0:101::%d", k) }
			}

			out := traceIn(t, h, "-n", "-e", "-q", "1", "-w", "2", target)
			want := []string{
				fmt.Sprintf(" 1  %s <MPLS:L=100,E=0,S=0,T=1/L=200,E=0,S=1,T=1> [rfc4884]  ", hop(1)),
				fmt.Sprintf(" 2  %s <MPLS:L=300,E=0,S=1,T=1> [legacy-128]  ", hop(2)),
				fmt.Sprintf(" 3  %s <IF:incoming,index=7,addr=%s,name=\"ge-0/0/3\",mtu=1500> [rfc4884]  ", hop(3), hop(3)),
				fmt.Sprintf(" 4  %s  ", hop(4)),
				fmt.Sprintf(" 5  %s  ", target),
			}
			lines := strings.Split(strings.TrimSpace(out), "\n")
			if len(lines) != 6 {
				t.Fatalf("want a header and 5 hops, got:\n%s", out)
			}
			for i, w := range want {
				if !strings.HasPrefix(lines[i+1], w) {
					t.Errorf("hop %d: %q, want prefix %q", i+1, lines[i+1], w)
				}
			}

			// Debian's traceroute -e reads the same MPLS stacks and must
			// print them as icmplab does (it has no RFC 5837 support).
			t.Run("traceroute -e", func(t *testing.T) {
				netns.RequireTool(t, "traceroute", "traceroute")
				ref, _, err := runIn(t, h, "traceroute", "-e", "-n", "-q", "1", "-w", "2", target)
				if err != nil {
					t.Fatalf("traceroute -e: %v\n%s", err, ref)
				}
				t.Logf("traceroute -e:\n%s", ref)
				if !reflect.DeepEqual(hops(ref), hops(out)) {
					t.Errorf("hops differ from traceroute's:\n%s\n%s", out, ref)
				}
				for _, k := range []int{1, 2} {
					w := want[k-1]
					w = w[:strings.Index(w, ">")+1]
					if !strings.Contains(ref, w) {
						t.Errorf("traceroute -e does not print %q:\n%s", w, ref)
					}
				}
			})

			var res struct {
				End     string `json:"end"`
				Ignored int    `json:"replies_ignored"`
				Flows   []struct {
					Hops []struct {
						Probes []struct {
							From       string      `json:"from"`
							ExtLayout  string      `json:"ext_layout"`
							Extensions []ExtObject `json:"extensions"`
						} `json:"probes"`
					} `json:"hops"`
				} `json:"flows"`
			}
			js := traceIn(t, h, "-n", "-q", "1", "-w", "2", "--json", target)
			if err := json.Unmarshal([]byte(summaryLine(js)), &res); err != nil {
				t.Fatalf("json: %v\n%s", err, js)
			}
			if res.End != "destination reached" || res.Ignored < 2 || len(res.Flows) != 1 || len(res.Flows[0].Hops) != 5 {
				t.Fatalf("end %q, ignored %d (want >= 2), hops:\n%s", res.End, res.Ignored, js)
			}
			h1 := res.Flows[0].Hops[0].Probes[0]
			if h1.ExtLayout != "rfc4884" || len(h1.Extensions) != 1 || len(h1.Extensions[0].MPLS) != 2 || h1.Extensions[0].MPLS[1].Label != 200 {
				t.Errorf("hop 1 extensions: %+v", h1)
			}
			h3 := res.Flows[0].Hops[2].Probes[0]
			if h3.From != hop(3) || len(h3.Extensions) != 1 || h3.Extensions[0].Iface == nil || h3.Extensions[0].Iface.Name != "ge-0/0/3" {
				t.Errorf("hop 3: %+v", h3)
			}

			// Unprivileged, the error queue gives no extensions, and the
			// decoys are still told apart (by the kernel and msg_name).
			out = traceIn(t, h, "-n", "-e", "-q", "1", "-w", "2", "--unprivileged", target)
			got := hops(out)
			for k := 1; k <= 4; k++ {
				if len(got[k]) != 1 || got[k][0] != hop(k) {
					t.Errorf("unprivileged hop %d: %v, want %s\n%s", k, got[k], hop(k), out)
				}
			}
			if strings.Contains(out, "<") {
				t.Errorf("unprivileged output shows extensions it cannot have:\n%s", out)
			}
		})
	}
}
