package trace

import (
	"net/netip"
	"regexp"
	"testing"
	"time"

	"icmplab/codec"
)

var rttRe = regexp.MustCompile(`\d+\.\d{3} ms`)

// TestLine checks traceroute's print_probe rules: an address is printed
// before the first answer and again only when it changes, stars for
// timeouts, the mark after the time, extensions under -e.
func TestLine(t *testing.T) {
	a := netip.MustParseAddr("198.18.1.2")
	b := netip.MustParseAddr("198.18.3.2")
	t0 := time.Unix(100, 0)
	p := func(n int, from netip.Addr, rtt time.Duration, o Outcome) Probe {
		pr := Probe{N: n, Sent: t0, Outcome: o, From: from}
		if o != TimedOut {
			pr.Recv = t0.Add(rtt)
		}
		return pr
	}
	mpls := []ExtObject{{Class: codec.ExtClassMPLS, CType: 1, MPLS: []MPLSLabel{{Label: 16001, S: true, TTL: 254}}}}
	cfg := &Config{Wait: DefaultWait}
	cases := []struct {
		name string
		ext  bool
		hop  HopReport
		want string
	}{
		{"same address", false, HopReport{TTL: 1, Probes: []Probe{p(0, a, 123456, HopAnswered), p(1, a, 1000, HopAnswered), p(2, a, 99000, HopAnswered)}},
			" 1  198.18.1.2  0.123 ms  0.001 ms  0.099 ms"},
		{"new address and star", false, HopReport{TTL: 12, Probes: []Probe{p(0, a, time.Millisecond, HopAnswered), p(1, netip.Addr{}, 0, TimedOut), p(2, b, 2*time.Millisecond, HopAnswered)}},
			"12  198.18.1.2  1.000 ms * 198.18.3.2  2.000 ms"},
		{"all silent", false, HopReport{TTL: 2, Probes: []Probe{p(0, netip.Addr{}, 0, TimedOut), p(1, netip.Addr{}, 0, TimedOut)}},
			" 2  * *"},
		{"mark", false, HopReport{TTL: 3, Probes: []Probe{func() Probe { q := p(0, b, time.Millisecond, Unreachable); q.Annot = "!X"; return q }()}},
			" 3  198.18.3.2  1.000 ms !X"},
		{"extensions", true, HopReport{TTL: 4, Probes: []Probe{func() Probe {
			q := p(0, a, time.Millisecond, HopAnswered)
			q.Ext, q.Layout = mpls, codec.ExtLegacy
			return q
		}(), p(1, a, time.Millisecond, HopAnswered)}},
			" 4  198.18.1.2 <MPLS:L=16001,E=0,S=1,T=254> [legacy-128]  1.000 ms 198.18.1.2  1.000 ms"},
	}
	for _, c := range cases {
		pr := &Printer{Cfg: cfg, Ext: c.ext}
		if got := pr.Line(c.hop); got != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestFormatExt covers every object kind traceroute -e style.
func TestFormatExt(t *testing.T) {
	idx, mtu := uint32(7), uint32(9000)
	objs := []ExtObject{
		{Class: codec.ExtClassMPLS, CType: 1, MPLS: []MPLSLabel{{Label: 100, TC: 5, TTL: 1}, {Label: 200, S: true, TTL: 2}}},
		{Class: codec.ExtClassInterface, Iface: &Interface{Role: "incoming", Index: &idx, Addr: netip.MustParseAddr("2001:2::1"), Name: "xe-0/1", MTU: &mtu}},
		{Class: 9, CType: 2, Raw: []byte{1, 2, 3, 4, 5}},
	}
	want := `MPLS:L=100,E=5,S=0,T=1/L=200,E=0,S=1,T=2;IF:incoming,index=7,addr=2001:2::1,name="xe-0/1",mtu=9000;9/2:01020304,05`
	if got := formatExt(objs); got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

// TestClassify checks the presentation table against traceroute's letters.
func TestClassify(t *testing.T) {
	cases := []struct {
		f    codec.Family
		t    codec.Type
		c    codec.Code
		mtu  uint32
		o    Outcome
		mark string
	}{
		{codec.IPv4, codec.ICMPv4TimeExceeded, codec.CodeTTLExceeded, 0, HopAnswered, ""},
		{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable, 0, Reached, ""},
		{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeHostUnreachable, 0, Unreachable, "!H"},
		{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeNetUnreachable, 0, Unreachable, "!N"},
		{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeProtocolUnreachable, 0, Unreachable, "!P"},
		{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeFragmentationNeeded, 1400, Unreachable, "!F-1400"},
		{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeSourceRouteFailed, 0, Unreachable, "!S"},
		{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeCommunicationProhibited, 0, Unreachable, "!X"},
		{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeHostPrecedenceViolation, 0, Unreachable, "!V"},
		{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodePrecedenceCutoff, 0, Unreachable, "!C"},
		{codec.IPv4, codec.ICMPv4DestinationUnreachable, 99, 0, Unreachable, "!<99>"},
		{codec.IPv4, codec.ICMPv4EchoReply, 0, 0, Reached, ""},
		{codec.IPv6, codec.ICMPv6TimeExceeded, 0, 0, HopAnswered, ""},
		{codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6PortUnreachable, 0, Reached, ""},
		{codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6AddressUnreachable, 0, Unreachable, "!H"},
		{codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6AdminProhibited, 0, Unreachable, "!X"},
		{codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6NoRoute, 0, Unreachable, "!N"},
		{codec.IPv6, codec.ICMPv6PacketTooBig, 0, 1280, Unreachable, "!F-1280"},
		{codec.IPv6, codec.ICMPv6EchoReply, 0, 0, Reached, ""},
		{codec.IPv4, codec.ICMPv4ParameterProblem, 0, 0, Unreachable, "!<Parameter Problem>"},
		{codec.IPv6, codec.ICMPv6ParameterProblem, 1, 0, Unreachable, "!<Parameter Problem>"},
		{codec.IPv6, codec.ICMPv6DestinationUnreachable, 42, 0, Unreachable, "!<42>"},
	}
	for _, c := range cases {
		o, mark, ok := classify(c.f, c.t, c.c, c.mtu)
		if !ok || o != c.o || mark != c.mark {
			t.Errorf("%v %s/%s: %v %q %v, want %v %q", c.f, codec.TypeName(c.f, c.t), codec.CodeName(c.f, c.t, c.c), o, mark, ok, c.o, c.mark)
		}
	}
	for _, n := range []struct {
		f codec.Family
		t codec.Type
	}{
		{codec.IPv4, codec.ICMPv4EchoRequest},
		{codec.IPv4, codec.ICMPv4Redirect},     // advisory: the probe went on
		{codec.IPv4, codec.ICMPv4SourceQuench}, // advisory, deprecated
		{codec.IPv6, codec.ICMPv6Redirect},
		{codec.IPv6, codec.ICMPv6NeighborAdvertisement},
	} {
		if _, _, ok := classify(n.f, n.t, 0, 0); ok {
			t.Errorf("%v %s answers no probe", n.f, codec.TypeName(n.f, n.t))
		}
	}
}

// TestParseWait reads traceroute's -w forms.
func TestParseWait(t *testing.T) {
	good := map[string]Wait{
		"5,3,10": DefaultWait,
		"1":      {Max: time.Second},
		"0.5,3":  {Max: 500 * time.Millisecond, Here: 3},
		"2,1,0":  {Max: 2 * time.Second, Here: 1, Near: 0},
	}
	for s, w := range good {
		got, err := ParseWait(s)
		if err != nil || got != w {
			t.Errorf("%q: %+v %v, want %+v", s, got, err, w)
		}
	}
	for _, s := range []string{"", "x", "0", "1,2,3,4", "-1", "1,,2"} {
		if _, err := ParseWait(s); err == nil {
			t.Errorf("%q accepted", s)
		}
	}
}

// TestNormalize rejects out-of-range settings.
func TestNormalize(t *testing.T) {
	tgt := netip.MustParseAddr("198.18.1.1")
	bad := []Config{
		{},
		{Target: tgt, MaxHops: 256},
		{Target: tgt, FirstTTL: 31},
		{Target: tgt, Queries: 65},
		{Target: tgt, InFlight: -1},
		{Target: tgt, Flows: 65},
		{Target: tgt, Source: netip.MustParseAddr("2001:2::1")},
		{Target: tgt, Port: 65530},
	}
	for i, c := range bad {
		if err := c.Normalize(); err == nil {
			t.Errorf("case %d accepted: %+v", i, c)
		}
	}
	c := Config{Target: tgt, Flows: 2}
	if err := c.Normalize(); err != nil || !c.Paris || c.Port != DefaultUDPPort || c.Queries != 3 || c.MaxHops != 30 {
		t.Fatalf("defaults: %+v %v", c, err)
	}
}
