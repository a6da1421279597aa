//go:build !js

package dissect

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"icmplab/codec"
)

// TestFramesStayValid checks that a Frame is not changed by later Dissect
// calls: the value buffer and scratch memory Dissect recycles must never be
// memory a returned Frame points into.
func TestFramesStayValid(t *testing.T) {
	var frames []capFrame
	paths, _ := filepath.Glob("testdata/*.pcap*")
	for _, p := range paths {
		fs, err := readCaptureFile(p)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		frames = append(frames, fs...)
	}
	if len(frames) < 2 {
		t.Fatalf("found %d frames in testdata, need at least 2", len(frames))
	}
	dissect := func(c capFrame, n int) *Frame {
		l, _ := LayerForLinkType(c.linkType)
		return Dissect(c.data, l, Options{Number: n, Len: c.origLen, Time: c.time})
	}
	render := func(f *Frame) string {
		var b bytes.Buffer
		if err := WriteTree(&b, f); err != nil {
			t.Fatal(err)
		}
		j, err := json.Marshal(f.Record())
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
		b.WriteString(f.Summary)
		return b.String()
	}
	kept := make([]*Frame, len(frames))
	want := make([]string, len(frames))
	for i, b := range frames {
		kept[i] = dissect(b, i+1)
		want[i] = render(kept[i])
	}
	// Dissect everything again, in reverse, then compare the kept frames.
	for i := len(frames) - 1; i >= 0; i-- {
		dissect(frames[i], 0)
	}
	for i, f := range kept {
		if got := render(f); got != want[i] {
			t.Errorf("frame %d changed after later dissections:\n got %q\nwant %q", i+1, got, want[i])
		}
	}
}

// TestDissectAllocs holds the dissector to its allocation budget: a frame
// with its nodes, layer names and ICMP info is one allocation, every display
// value and the summary share one string. The budgets leave room for the
// scratch pool being emptied by a garbage collection (or by the race
// detector, which drops pooled items on purpose).
func TestDissectAllocs(t *testing.T) {
	probe := ipv4(hostA, target, codec.ProtoUDP, 1, 0x3001, udp(hostA, target, 40000, 33435, make([]byte, 24)))
	mpls := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 16004, S: true, TTL: 1}))
	te := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded}, codec.ErrorBody{Quote: probe, Ext: mpls})
	e6 := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6EchoRequest, Src: hostA6, Dst: hostB6},
		codec.Echo{ID: 0x1234, Seq: 1, Data: make([]byte, 56)})
	for _, tc := range []struct {
		name   string
		frame  []byte
		budget float64
	}{
		{"echo request", ether(codec.EtherTypeIPv4, ipv4(hostA, hostB, codec.ProtoICMP, 64, 1, echo4(codec.ICMPv4EchoRequest, 0x1234, 1, 56))), 2.5},
		{"ICMPv6 echo request", ether(codec.EtherTypeIPv6, ipv6(hostA6, hostB6, codec.ProtoICMPv6, 64, e6)), 2.5},
		{"time exceeded with MPLS", ether(codec.EtherTypeIPv4, ipv4(router, hostA, codec.ProtoICMP, 255, 2, te)), 9},
	} {
		var f *Frame
		n := testing.AllocsPerRun(200, func() { f = Dissect(tc.frame, LayerEthernet, Options{}) })
		if f.ICMP == nil || len(f.Errors) != 0 {
			t.Fatalf("%s: not dissected as a clean ICMP frame: %s", tc.name, f.Summary)
		}
		t.Logf("%s: %.2f allocations", tc.name, n)
		if n > tc.budget {
			t.Errorf("%s: %.2f allocations per Dissect, budget %.1f", tc.name, n, tc.budget)
		}
	}
}
