package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TracerouteMark prints traceroute's letters for unreachables, the MTU of a
// fragmentation-needed or packet-too-big, and nothing for hops and the
// destination.
func TestTracerouteMark(t *testing.T) {
	for _, c := range []struct {
		f    Family
		t    Type
		c    Code
		mtu  uint32
		want string
	}{
		{IPv4, ICMPv4TimeExceeded, 0, 0, ""},
		{IPv4, ICMPv4DestinationUnreachable, CodePortUnreachable, 0, ""},
		{IPv4, ICMPv4EchoReply, 0, 0, ""},
		{IPv4, ICMPv4DestinationUnreachable, CodeHostUnreachable, 0, "!H"},
		{IPv4, ICMPv4DestinationUnreachable, CodeNetUnreachable, 0, "!N"},
		{IPv4, ICMPv4DestinationUnreachable, CodeProtocolUnreachable, 0, "!P"},
		{IPv4, ICMPv4DestinationUnreachable, CodeCommunicationProhibited, 0, "!X"},
		{IPv4, ICMPv4DestinationUnreachable, CodeFragmentationNeeded, 1400, "!F-1400"},
		{IPv4, ICMPv4DestinationUnreachable, 15 + 1, 0, "!<16>"},
		{IPv4, ICMPv4ParameterProblem, 0, 0, "!<" + TypeName(IPv4, ICMPv4ParameterProblem) + ">"},
		{IPv4, ICMPv4Redirect, 0, 0, ""},
		{IPv6, ICMPv6PacketTooBig, 0, 1280, "!F-1280"},
		{IPv6, ICMPv6DestinationUnreachable, Code6AdminProhibited, 0, "!X"},
		{IPv6, ICMPv6DestinationUnreachable, Code6PortUnreachable, 0, ""},
	} {
		assert.Equal(t, c.want, TracerouteMark(c.f, c.t, c.c, c.mtu), "%v type %d code %d", c.f, c.t, c.c)
	}
}
