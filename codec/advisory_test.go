package codec

import (
	"net/netip"
	"testing"
)

// TestIsAdvisory: only ICMPv4 redirects and source quenches leave the quoted
// datagram possibly delivered; every other error is an answer to a probe.
func TestIsAdvisory(t *testing.T) {
	quote := IPv4Header{TotalLength: 28, TTL: 1, Protocol: ProtoUDP,
		Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.1.9")}.AppendHeader(nil)
	quote = append(quote, 0x9c, 0x40, 0x82, 0x9b, 0, 8, 0, 0)
	for _, c := range []struct {
		f    Family
		t    Type
		want bool
	}{
		{IPv4, ICMPv4Redirect, true},
		{IPv4, ICMPv4SourceQuench, true},
		{IPv4, ICMPv4TimeExceeded, false},
		{IPv4, ICMPv4DestinationUnreachable, false},
		{IPv4, ICMPv4ParameterProblem, false},
		{IPv6, ICMPv6TimeExceeded, false},
		{IPv6, ICMPv6PacketTooBig, false},
	} {
		b := Append(nil, Header{Family: c.f, Type: c.t}, ErrorBody{Quote: quote, Gateway: netip.MustParseAddr("198.18.0.254")})
		m, err := Parse(c.f, b, netip.Addr{}, netip.Addr{})
		if err != nil {
			t.Fatalf("%v %d: %v", c.f, c.t, err)
		}
		if got := m.IsAdvisory(); got != c.want {
			t.Errorf("%v %s: IsAdvisory %v, want %v", c.f, m.Name(), got, c.want)
		}
	}
	echo, _ := Parse(IPv4, Append(nil, Header{Family: IPv4, Type: ICMPv4EchoReply}, Echo{ID: 1, Seq: 1}), netip.Addr{}, netip.Addr{})
	if echo.IsAdvisory() {
		t.Error("an echo reply is not an error, let alone an advisory one")
	}
}
