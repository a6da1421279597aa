package trace

import (
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/story"
)

var (
	decLocal4  = netip.MustParseAddr("198.18.1.1")
	decTarget4 = netip.MustParseAddr("198.18.9.9")
	decRouter4 = netip.MustParseAddr("198.18.2.2")
	decLocal6  = netip.MustParseAddr("2001:2:0:1::1")
	decTarget6 = netip.MustParseAddr("2001:2:0:9::9")
	decRouter6 = netip.MustParseAddr("2001:2:0:2::2")
)

// probeDatagram is a UDP probe as it left, built with codec.
func probeDatagram(fam codec.Family, src, dst netip.Addr, ttl uint8, sport, dport uint16) []byte {
	seg := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: sport, DstPort: dport}, make([]byte, 32), src, dst)
	return ipWrap(nil, fam, codec.ProtoUDP, src, dst, int(ttl), seg)
}

// answer wraps an ICMP error about probe in what the raw socket reads.
func answer(fam codec.Family, from, to netip.Addr, t codec.Type, c codec.Code, body codec.ErrorBody) []byte {
	msg := codec.Append(nil, codec.Header{Family: fam, Type: t, Code: c, Src: from, Dst: to}, body)
	if fam == codec.IPv6 {
		return msg
	}
	return ipWrap(nil, fam, codec.ProtoICMP, from, to, 64, msg)
}

// pairs sends probe to a fresh live matcher and returns what it makes of
// the answer d.
func pairs(probe, d []byte) story.Match {
	m := story.New(story.Options{Window: 4})
	m.Sent(story.Packet{Frame: 1, IP: probe})
	return m.Received(story.Packet{IP: d})
}

// TestRawAnswer: codec-built answers, as the raw socket reads them, become
// datagrams the matcher pairs with the probe, and fill reads back the
// router, the quote and the extensions.
func TestRawAnswer(t *testing.T) {
	at := time.Unix(5, 0)
	for _, c := range []struct {
		fam             codec.Family
		local, tgt, rtr netip.Addr
		te, ut          codec.Type
		port            codec.Code
	}{
		{codec.IPv4, decLocal4, decTarget4, decRouter4, codec.ICMPv4TimeExceeded, codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable},
		{codec.IPv6, decLocal6, decTarget6, decRouter6, codec.ICMPv6TimeExceeded, codec.ICMPv6DestinationUnreachable, codec.Code6PortUnreachable},
	} {
		probe := probeDatagram(c.fam, c.local, c.tgt, 1, 40000, 33440)
		ext := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 42, S: true, TTL: 1}))
		data := answer(c.fam, c.rtr, c.local, c.te, codec.CodeTTLExceeded, codec.ErrorBody{Quote: probe, Ext: ext})
		d, ok := rawAnswer(c.fam, data, c.rtr, c.local, 250, false)
		require.True(t, ok, "%v: time exceeded not posted", c.fam)
		mt := pairs(probe, d)
		require.Equal(t, story.MatchError, mt.Kind, "%v", c.fam)
		var p Probe
		p.fill(reply{at: at, ip: d}, outcomeOf(mt.Outcome))
		assert.Equal(t, HopAnswered, p.Outcome)
		assert.Equal(t, c.rtr, p.From)
		assert.True(t, p.HaveQuote)
		assert.Equal(t, uint8(1), p.QuotedTTL)
		assert.Equal(t, codec.ExtRFC4884, p.Layout)
		require.Len(t, p.Ext, 1)
		assert.Equal(t, uint32(42), p.Ext[0].MPLS[0].Label)
		assert.True(t, p.Recv.Equal(at))

		data = answer(c.fam, c.tgt, c.local, c.ut, c.port, codec.ErrorBody{Quote: probe})
		d, ok = rawAnswer(c.fam, data, c.tgt, c.local, 60, false)
		require.True(t, ok)
		assert.Equal(t, story.Match{Kind: story.MatchError, Frame: 1, Outcome: story.OutcomeReached}, pairs(probe, d))

		// A quote cut before the UDP ports names no probe.
		data = answer(c.fam, c.rtr, c.local, c.te, 0, codec.ErrorBody{Quote: probe[:len(probe)-40]})
		d, ok = rawAnswer(c.fam, data, c.rtr, c.local, 60, false)
		require.True(t, ok)
		assert.Equal(t, story.MatchNone, pairs(probe, d).Kind, "%v: truncated quote paired", c.fam)

		// An echo reply reaches the engine only for a method that sends
		// echo requests.
		echoType := codec.ICMPv4EchoReply
		if c.fam == codec.IPv6 {
			echoType = codec.ICMPv6EchoReply
		}
		msg := codec.Append(nil, codec.Header{Family: c.fam, Type: echoType, Src: c.tgt, Dst: c.local}, codec.Echo{ID: 1, Seq: 2})
		if c.fam == codec.IPv4 {
			msg = ipWrap(nil, c.fam, codec.ProtoICMP, c.tgt, c.local, 64, msg)
		}
		_, ok = rawAnswer(c.fam, msg, c.tgt, c.local, 60, false)
		assert.False(t, ok, "%v: echo reply posted for a UDP trace", c.fam)
		_, ok = rawAnswer(c.fam, msg, c.tgt, c.local, 60, true)
		assert.True(t, ok, "%v: echo reply not posted for an ICMP trace", c.fam)
	}
}

// TestErrQueueAnswer: what a UDP socket's error queue gives (type, code,
// offender, the probe's destination and payload) is rebuilt into an error
// the matcher pairs with the probe, Paris ones by the checksum the payload
// makes; the rebuilt quote is not reported as the router's.
func TestErrQueueAnswer(t *testing.T) {
	for _, c := range []struct {
		fam             codec.Family
		local, tgt, rtr netip.Addr
		te, frag        codec.Type
		fragCode        codec.Code
	}{
		{codec.IPv4, decLocal4, decTarget4, decRouter4, codec.ICMPv4TimeExceeded, codec.ICMPv4DestinationUnreachable, codec.CodeFragmentationNeeded},
		{codec.IPv6, decLocal6, decTarget6, decRouter6, codec.ICMPv6TimeExceeded, codec.ICMPv6PacketTooBig, 0},
	} {
		m := story.New(story.Options{Window: 8})
		payloads := make([][]byte, 3)
		for i := range payloads {
			payloads[i] = make([]byte, 16)
			udpParisPayload(payloads[i], uint16(i), uint16(1+i), c.local, c.tgt, 40000, 33434)
			seg := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33434}, payloads[i], c.local, c.tgt)
			m.Sent(story.Packet{Frame: i, IP: ipWrap(nil, c.fam, codec.ProtoUDP, c.local, c.tgt, 1+i, seg)})
		}
		for _, i := range []int{2, 0, 1} {
			d := errQueueAnswer(c.fam, c.rtr, c.local, c.tgt, 40000, 33434, c.te, 0, 0, payloads[i])
			mt := m.Received(story.Packet{IP: d})
			require.Equal(t, story.Match{Kind: story.MatchError, Frame: i, Outcome: story.OutcomeHop}, mt, "%v probe %d", c.fam, i)
			var p Probe
			p.fill(reply{ip: d, rebuilt: true}, outcomeOf(mt.Outcome))
			assert.Equal(t, c.rtr, p.From)
			assert.False(t, p.HaveQuote, "a rebuilt quote is not the router's")
		}
		d := errQueueAnswer(c.fam, c.rtr, c.local, c.tgt, 40000, 33434, c.frag, c.fragCode, 1400, payloads[1])
		mt := m.Received(story.Packet{IP: d})
		require.Equal(t, story.OutcomeUnreachable, mt.Outcome)
		var p Probe
		p.fill(reply{ip: d, rebuilt: true}, outcomeOf(mt.Outcome))
		assert.Equal(t, uint32(1400), p.MTU)
		assert.Equal(t, "!F-1400", p.Annot)
		// About a datagram to elsewhere: paired with nothing.
		d = errQueueAnswer(c.fam, c.rtr, c.local, c.rtr, 40000, 33434, c.te, 0, 0, payloads[1])
		assert.Equal(t, story.MatchNone, m.Received(story.Packet{IP: d}).Kind)
	}
}

// FuzzRawAnswer: no input panics the raw reader's path to the engine (the
// datagram rebuilt, paired, read back by fill), in either family.
func FuzzRawAnswer(f *testing.F) {
	probe := probeDatagram(codec.IPv4, decLocal4, decTarget4, 1, 40000, 33440)
	f.Add(answer(codec.IPv4, decRouter4, decLocal4, codec.ICMPv4TimeExceeded, 0, codec.ErrorBody{Quote: probe}), false)
	probe6 := probeDatagram(codec.IPv6, decLocal6, decTarget6, 1, 40000, 33440)
	ext := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 1, S: true}))
	f.Add(answer(codec.IPv6, decRouter6, decLocal6, codec.ICMPv6TimeExceeded, 0, codec.ErrorBody{Quote: probe6, Ext: ext}), true)
	f.Fuzz(func(t *testing.T, data []byte, v6 bool) {
		fam, local, pr := codec.IPv4, decLocal4, probe
		if v6 {
			fam, local, pr = codec.IPv6, decLocal6, probe6
		}
		d, ok := rawAnswer(fam, data, decRouter6, local, 64, true)
		if !ok {
			return
		}
		mt := pairs(pr, d)
		var p Probe
		p.fill(reply{ip: d}, outcomeOf(mt.Outcome))
		if mt.Answers() && mt.Outcome != story.OutcomeAdvisory && p.Outcome == Pending {
			t.Fatalf("paired answer with no outcome: %+v", mt)
		}
		_ = formatExt(p.Ext)
	})
}
