//go:build linux

package trace

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/story"
	"icmplab/native/icmpsock"
)

// TestICMPFromDatagram feeds the unprivileged ICMP reader what an icmpsock
// datagram socket returns: echo replies, and errors rebuilt from the error
// queue (Synthesized), whose quote header icmpsock made up. What it posts
// the matcher pairs with the probe the prober sent, or with nothing.
func TestICMPFromDatagram(t *testing.T) {
	const id = 0x1234
	at := time.Unix(7, 0)
	for _, c := range []struct {
		fam       codec.Family
		reply, te codec.Type
	}{
		{codec.IPv4, codec.ICMPv4EchoReply, codec.ICMPv4TimeExceeded},
		{codec.IPv6, codec.ICMPv6EchoReply, codec.ICMPv6TimeExceeded},
	} {
		local, tgt, rtr := decLocal4, decTarget4, decRouter4
		if c.fam == codec.IPv6 {
			local, tgt, rtr = decLocal6, decTarget6, decRouter6
		}
		out := make(chan reply, 4)
		pr := &icmpProber{base: &base{cfg: &Config{Target: tgt, DataLen: 24}, fam: c.fam, src: local, out: out, rec: nopRecorder{}},
			ids: []uint16{id}, payload: make([]byte, 24)}
		m := story.New(story.Options{Window: 8})
		take := func() (story.Match, reply, bool) {
			select {
			case r := <-out:
				return m.Received(story.Packet{Time: r.at, IP: r.ip}), r, true
			default:
				return story.Match{}, reply{}, false
			}
		}
		// Probes 3 and 5 as the prober builds them (sequence 1 + index).
		var sent [8][]byte
		for _, i := range []int{2, 4} {
			p := Probe{TTL: i + 1, Index: i}
			sent[i] = ipWrap(nil, c.fam, c.fam.Protocol(), local, tgt, p.TTL, pr.request(&p))
			m.Sent(story.Packet{Frame: i, IP: sent[i]})
		}

		// An echo reply names its probe by identifier and sequence.
		msg := codec.Append(nil, codec.Header{Family: c.fam, Type: c.reply, Src: tgt, Dst: local}, codec.Echo{ID: id, Seq: 3})
		pr.fromDatagram(icmpsock.Packet{ICMP: msg, From: tgt, At: at, TTL: 60, TOS: -1})
		mt, r, ok := take()
		require.True(t, ok)
		assert.Equal(t, story.Match{Kind: story.MatchReply, Frame: 2, Outcome: story.OutcomeReached}, mt, "%v", c.fam)
		assert.True(t, r.at.Equal(at))
		// Another socket's identifier is not ours.
		msg = codec.Append(nil, codec.Header{Family: c.fam, Type: c.reply, Src: tgt, Dst: local}, codec.Echo{ID: id + 1, Seq: 3})
		pr.fromDatagram(icmpsock.Packet{ICMP: msg, From: tgt, At: at})
		mt, _, _ = take()
		assert.Equal(t, story.MatchNone, mt.Kind, "%v: a reply to identifier %#x", c.fam, id+1)

		// A time exceeded as icmpsock rebuilds it: quote header made up
		// (TTL 0), the echo as sent, and here an extension after it.
		echo := sent[4][pr.ipLen():]
		quote := ipWrap(nil, c.fam, c.fam.Protocol(), local, tgt, 0, echo)
		ext := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 42, S: true, TTL: 1}))
		msg = codec.Append(nil, codec.Header{Family: c.fam, Type: c.te, Code: codec.CodeTTLExceeded, Src: rtr, Dst: local}, codec.ErrorBody{Quote: quote, Ext: ext})
		pr.fromDatagram(icmpsock.Packet{ICMP: msg, From: rtr, At: at, Synthesized: true, OrigDst: tgt})
		mt, r, ok = take()
		require.True(t, ok)
		require.Equal(t, story.Match{Kind: story.MatchError, Frame: 4, Outcome: story.OutcomeHop}, mt, "%v", c.fam)
		var p Probe
		p.fill(r, outcomeOf(mt.Outcome))
		assert.Equal(t, rtr, p.From)
		assert.False(t, p.HaveQuote || p.QuotedTTL != 0 || p.Ext != nil, "%v: the rebuilt quote or what follows it was reported: %+v", c.fam, p)

		// The same error about a datagram to elsewhere is paired with
		// nothing.
		quote = ipWrap(nil, c.fam, c.fam.Protocol(), local, rtr, 0, echo)
		msg = codec.Append(nil, codec.Header{Family: c.fam, Type: c.te, Src: rtr, Dst: local}, codec.ErrorBody{Quote: quote})
		pr.fromDatagram(icmpsock.Packet{ICMP: msg, From: rtr, At: at, Synthesized: true, OrigDst: rtr})
		mt, _, ok = take()
		assert.True(t, ok)
		assert.Equal(t, story.MatchNone, mt.Kind, "%v: error about another destination", c.fam)
		// Bytes that are no ICMP message post nothing.
		pr.fromDatagram(icmpsock.Packet{ICMP: []byte{11}, From: rtr, At: at, Synthesized: true, OrigDst: tgt})
		_, _, ok = take()
		assert.False(t, ok, "%v: one byte posted", c.fam)
	}
}
