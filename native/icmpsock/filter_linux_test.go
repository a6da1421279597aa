//go:build linux

package icmpsock

import (
	"net/netip"
	"testing"

	"golang.org/x/net/bpf"

	"icmplab/codec"
)

// TestEchoFilterProgram runs the BPF program in x/net/bpf's interpreter over
// codec-built messages: our replies and every error pass, other pingers'
// replies do not.
func TestEchoFilterProgram(t *testing.T) {
	const ours, theirs = 0x1234, 0x4321
	src, dst := netip.MustParseAddr("198.18.1.2"), netip.MustParseAddr("198.18.1.1")
	src6, dst6 := netip.MustParseAddr("2001:2:0:1::2"), netip.MustParseAddr("2001:2:0:1::1")
	echo := func(f codec.Family, typ codec.Type, id uint16) []byte {
		return codec.Append(nil, codec.Header{Family: f, Type: typ}, codec.Echo{ID: id, Seq: 1, Data: []byte("cookie42")})
	}
	v4 := func(icmp []byte) []byte {
		b := codec.IPv4Header{TotalLength: uint16(20 + len(icmp)), TTL: 64, Protocol: codec.ProtoICMP, Src: src, Dst: dst}.AppendHeader(nil)
		return append(b, icmp...)
	}
	// A time exceeded quoting our request: the identifier sits in the quote,
	// so the filter must pass it whatever bytes 4-5 of the error hold.
	req := echo(codec.IPv4, codec.ICMPv4EchoRequest, ours)
	quote := append(codec.IPv4Header{TotalLength: uint16(20 + len(req)), TTL: 1, Protocol: codec.ProtoICMP, Src: dst, Dst: src}.AppendHeader(nil), req...)
	te4 := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded}, codec.ErrorBody{Quote: quote})
	rd4 := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4Redirect, Code: 1}, codec.ErrorBody{Gateway: netip.MustParseAddr("198.18.1.254"), Quote: quote})
	req6 := echo(codec.IPv6, codec.ICMPv6EchoRequest, ours)
	quote6 := append(codec.IPv6Header{PayloadLen: uint16(len(req6)), NextHeader: codec.ProtoICMPv6, HopLimit: 1, Src: dst6, Dst: src6}.AppendHeader(nil), req6...)
	te6 := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6TimeExceeded, Src: src6, Dst: dst6}, codec.ErrorBody{Quote: quote6})

	cases := []struct {
		name string
		fam  codec.Family
		pkt  []byte
		pass bool
	}{
		{"v4 our reply", codec.IPv4, v4(echo(codec.IPv4, codec.ICMPv4EchoReply, ours)), true},
		{"v4 their reply", codec.IPv4, v4(echo(codec.IPv4, codec.ICMPv4EchoReply, theirs)), false},
		{"v4 time exceeded", codec.IPv4, v4(te4), true},
		{"v4 redirect", codec.IPv4, v4(rd4), true},
		{"v6 our reply", codec.IPv6, echo(codec.IPv6, codec.ICMPv6EchoReply, ours), true},
		{"v6 their reply", codec.IPv6, echo(codec.IPv6, codec.ICMPv6EchoReply, theirs), false},
		{"v6 time exceeded", codec.IPv6, te6, true},
	}
	for _, tc := range cases {
		vm, err := bpf.NewVM(EchoFilter(tc.fam, ours))
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		n, err := vm.Run(tc.pkt)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := n > 0; got != tc.pass {
			t.Errorf("%s: filter returned %d, want pass=%v", tc.name, n, tc.pass)
		}
	}
}

// TestICMPv4BlockMask checks the mask lets exactly codec's pass list
// through, the advisory redirect and source quench included.
func TestICMPv4BlockMask(t *testing.T) {
	m := ICMPv4BlockMask()
	pass := map[codec.Type]bool{}
	for _, ty := range codec.ProberTypes(codec.IPv4) {
		pass[ty] = true
	}
	for _, ty := range []codec.Type{codec.ICMPv4Redirect, codec.ICMPv4SourceQuench, codec.ICMPv4TimeExceeded} {
		if m&(1<<ty) != 0 {
			t.Errorf("type %d (%s) is blocked; ping must see it", ty, codec.TypeName(codec.IPv4, ty))
		}
	}
	if m&(1<<codec.ICMPv4EchoRequest) == 0 {
		t.Error("echo requests pass; a prober only sends them")
	}
	for ty := codec.Type(0); ty < 32; ty++ {
		if blocked := m&(1<<ty) != 0; blocked == pass[ty] {
			t.Errorf("type %d (%s): blocked=%v", ty, codec.TypeName(codec.IPv4, ty), blocked)
		}
	}
}
