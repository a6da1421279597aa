package codec

import (
	"net/netip"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// udpProbeQuote is a UDP traceroute probe as a router quotes it: IPv4 header
// and the first 8 bytes of UDP.
func udpProbeQuote(t *testing.T) []byte {
	t.Helper()
	q := IPv4Header{TotalLength: 28, TTL: 1, Protocol: ProtoUDP,
		Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.1.9")}.AppendHeader(nil)
	return append(q, 0x9c, 0x40, 0x82, 0x9b, 0, 8, 0, 0)
}

// messageOf builds a valid message of type t and code c, with the body its
// kind takes, and parses it back.
func messageOf(t *testing.T, f Family, ty Type, c Code) Message {
	t.Helper()
	h := Header{Family: f, Type: ty, Code: c}
	var b []byte
	switch KindOf(f, ty) {
	case KindError:
		b = Append(nil, h, ErrorBody{Quote: udpProbeQuote(t), Gateway: netip.MustParseAddr("198.18.0.254"), MTU: 1400})
	case KindEcho:
		b = Append(nil, h, Echo{ID: 7, Seq: 1})
	case KindExtendedEchoReply:
		b = Append(nil, h, ExtendedEchoReply{ID: 7, Seq: 1, Active: true})
	default:
		b = Append(nil, h, RawBody(make([]byte, 60)))
	}
	m, _ := Parse(f, b, netip.Addr{}, netip.Addr{})
	return m
}

// TestProbeRulesAgree: for every type and code of the registry, the ICMP
// filter's pass list (ProberTypes), the probe-answer rule (AnswerTo,
// IsProbeAnswer) and the advisory rule (IsAdvisory) say the same thing.
func TestProbeRulesAgree(t *testing.T) {
	for _, f := range []Family{IPv4, IPv6} {
		pass := ProberTypes(f)
		require.True(t, slices.IsSorted(pass), "%v pass list not ascending: %v", f, pass)
		seen := map[Type]bool{}
		for _, ti := range Types(f) {
			codes := []Code{0}
			for _, ci := range ti.Codes {
				codes = append(codes, ci.Code)
			}
			for _, c := range codes {
				a := AnswerTo(f, ti.Type, c)
				m := messageOf(t, f, ti.Type, c)
				name := f.String() + " " + ti.Name + " / " + CodeName(f, ti.Type, c)
				if a != NotAnAnswer {
					seen[ti.Type] = true
					assert.Contains(t, pass, ti.Type, "%s answers or advises about a probe but the filter drops it", name)
				}
				assert.Equal(t, a == AnswerAdvisory, m.IsAdvisory(), "%s: advisory rule and answer rule disagree (answer %v)", name, a)
				assert.Equal(t, a != NotAnAnswer && a != AnswerAdvisory, m.IsProbeAnswer(), "%s: IsProbeAnswer and AnswerTo disagree (answer %v)", name, a)
				assert.Equal(t, a, m.Answer(), "%s: a valid message answers as its type and code do", name)
				if KindOf(f, ti.Type) == KindError {
					// Every error the codec decodes concerns the datagram
					// it quotes. (The registry's other ICMPv6 errors, the
					// experimental and reserved types 100, 101 and 127,
					// have no defined layout to match a probe by.)
					assert.NotEqual(t, NotAnAnswer, a, "%s is an error but concerns no probe", name)
					assert.Equal(t, KindError, m.Kind, "%s", name)
				}
				if a == AnswerAdvisory {
					assert.True(t, ti.IsError, "%s advises about a probe, so it must quote one", name)
				}
				if ReportsMTU(f, ti.Type, c) {
					eb, ok := m.Error()
					require.True(t, ok, "%s reports an MTU, so it is an error", name)
					assert.Equal(t, uint32(1400), eb.MTU, "%s carries the MTU", name)
					assert.Equal(t, AnswerUnreachable, a, "%s: a datagram too big was dropped", name)
				}
			}
		}
		// The pass list holds nothing else: each type in it answers for
		// some code, and is in the registry.
		for _, ty := range pass {
			assert.True(t, seen[ty], "%v type %d passes the filter but answers no probe", f, ty)
		}
		// Requests are never let through: a prober sends them.
		for _, ty := range pass {
			assert.NotEqual(t, KindOf(f, ty), KindExtendedEchoRequest, "%v type %d", f, ty)
			assert.False(t, ty == ICMPv4EchoRequest && f == IPv4 || ty == ICMPv6EchoRequest && f == IPv6, "%v echo request passes", f)
		}
	}
	// What ping and traceroute rely on, stated plainly.
	assert.Equal(t, []Type{ICMPv4EchoReply, ICMPv4DestinationUnreachable, ICMPv4SourceQuench, ICMPv4Redirect,
		ICMPv4TimeExceeded, ICMPv4ParameterProblem, ICMPv4ExtendedEchoReply}, ProberTypes(IPv4))
	assert.Equal(t, []Type{ICMPv6DestinationUnreachable, ICMPv6PacketTooBig, ICMPv6TimeExceeded, ICMPv6ParameterProblem,
		ICMPv6EchoReply, ICMPv6ExtendedEchoReply}, ProberTypes(IPv6))
	assert.Nil(t, ProberTypes(Family(5)))
}

// TestAnswerOfMalformed: a message whose body does not fit its type answers
// nothing, since no probe can be matched to it.
func TestAnswerOfMalformed(t *testing.T) {
	m, err := ParseICMPv4([]byte{byte(ICMPv4TimeExceeded), 0, 0xf4, 0xff})
	require.Error(t, err)
	assert.Equal(t, KindRaw, m.Kind)
	assert.Equal(t, NotAnAnswer, m.Answer())
	assert.False(t, m.IsProbeAnswer())
	assert.Equal(t, AnswerTimeExceeded, AnswerTo(IPv4, ICMPv4TimeExceeded, 0))
}

// TestKindOf matches what Parse sets for valid messages of every type.
func TestKindOf(t *testing.T) {
	for _, f := range []Family{IPv4, IPv6} {
		for _, ti := range Types(f) {
			k := KindOf(f, ti.Type)
			if k == KindRaw || k == KindEcho || k == KindError {
				assert.Equal(t, k, messageOf(t, f, ti.Type, 0).Kind, "%v %s", f, ti.Name)
			}
		}
	}
	assert.Equal(t, KindEcho, KindOf(IPv4, ICMPv4EchoRequest))
	assert.Equal(t, KindRaw, KindOf(Family(0), ICMPv4EchoRequest))
}
