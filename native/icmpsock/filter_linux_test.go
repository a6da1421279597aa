//go:build linux

package icmpsock

import (
	"net/netip"
	"slices"
	"testing"
	"time"

	"golang.org/x/net/bpf"

	"icmplab/codec"
	"icmplab/native/internal/netns"
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

// TestFilterPassListInNamespace installs the filters on a real raw socket and
// has a router send it, in order: the advisory redirect and source quench
// (which ping shows, so the kernel must pass them), another pinger's echo
// reply (the BPF program drops it), an address mask request (ICMP_FILTER
// drops it), and a time exceeded as the end marker. Only what codec's pass
// list and the identifier rule admit may arrive.
func TestFilterPassListInNamespace(t *testing.T) {
	c := netns.NewChain(t, 1)
	src, router := c.Src(), c.Hosts[1]
	srcAddr, routerAddr := netip.MustParseAddr(netns.Left4(1)), netip.MustParseAddr(c.Hop4(1))
	const ours, theirs = 0xbeef, 0x4321
	quote := codec.IPv4Header{TotalLength: 28, TTL: 1, Protocol: codec.ProtoUDP, Src: srcAddr, Dst: netip.MustParseAddr(c.Dst4())}.AppendHeader(nil)
	quote = append(quote, 0x9c, 0x40, 0x82, 0x9b, 0, 8, 0, 0)
	errMsg := func(ty codec.Type, code codec.Code) []byte {
		return codec.Append(nil, codec.Header{Family: codec.IPv4, Type: ty, Code: code}, codec.ErrorBody{Gateway: routerAddr, Quote: quote})
	}
	send := []struct {
		name string
		msg  []byte
		pass bool
	}{
		{"redirect", errMsg(codec.ICMPv4Redirect, 1), true},
		{"source quench", errMsg(codec.ICMPv4SourceQuench, 0), true},
		{"their echo reply", codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoReply}, codec.Echo{ID: theirs, Seq: 1}), false},
		{"address mask request", codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4AddressMaskRequest}, codec.AddressMask{ID: ours, Seq: 1}), false},
		{"time exceeded", errMsg(codec.ICMPv4TimeExceeded, 0), true},
	}

	var conn *Conn
	if err := src.Do(func() error {
		var err error
		conn, err = Open(Options{Family: codec.IPv4, Want: OnlyRaw, TOS: NoTOS})
		if err != nil {
			return err
		}
		return conn.FilterReplies(ours)
	}); err != nil {
		t.Fatalf("raw socket with filters in %s: %v", "src", err)
	}
	defer conn.Close()
	if err := router.Do(func() error {
		out, err := Open(Options{Family: codec.IPv4, Want: OnlyRaw, TOS: NoTOS})
		if err != nil {
			return err
		}
		defer out.Close()
		for _, s := range send {
			if _, err := out.WriteTo(s.msg, srcAddr); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatalf("sending from the router: %v", err)
	}

	var got []codec.Type
	buf := make([]byte, 1500)
	conn.SetReadDeadline(time.Now().Add(2 * time.Second))
	for {
		p, err := conn.Read(buf)
		if err != nil {
			t.Fatalf("read after %v: %v (the end marker never came)", got, err)
		}
		if p.From != routerAddr {
			continue
		}
		ty := codec.Type(p.ICMP[codec.ICMPTypeOffset])
		got = append(got, ty)
		if ty == codec.ICMPv4TimeExceeded {
			break
		}
	}
	var want []codec.Type
	for _, s := range send {
		if s.pass {
			want = append(want, codec.Type(s.msg[codec.ICMPTypeOffset]))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("received types %v, want %v (redirect, source quench, time exceeded)", got, want)
	}
}
