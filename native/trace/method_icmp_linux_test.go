//go:build linux

package trace

import (
	"net/netip"
	"testing"
	"time"

	"icmplab/codec"
	"icmplab/native/icmpsock"
)

// TestICMPFromDatagram feeds the unprivileged ICMP reader what an icmpsock
// datagram socket returns: echo replies, and errors rebuilt from the error
// queue (Synthesized), whose quote header icmpsock made up.
func TestICMPFromDatagram(t *testing.T) {
	const id = 0x1234
	at := time.Unix(7, 0)
	for _, c := range []struct {
		fam             codec.Family
		local, tgt, rtr netip.Addr
		reply, te       codec.Type
	}{
		{codec.IPv4, decLocal4, decTarget4, decRouter4, codec.ICMPv4EchoReply, codec.ICMPv4TimeExceeded},
		{codec.IPv6, decLocal6, decTarget6, decRouter6, codec.ICMPv6EchoReply, codec.ICMPv6TimeExceeded},
	} {
		out := make(chan reply, 4)
		pr := &icmpProber{base: &base{cfg: &Config{Target: c.tgt}, fam: c.fam, src: c.local, out: out}, ids: []uint16{id}}
		take := func() (reply, bool) {
			select {
			case r := <-out:
				return r, true
			default:
				return reply{}, false
			}
		}

		// An echo reply names its probe by identifier and sequence.
		msg := codec.Append(nil, codec.Header{Family: c.fam, Type: c.reply, Src: c.tgt, Dst: c.local}, codec.Echo{ID: id, Seq: 3})
		pr.fromDatagram(icmpsock.Packet{ICMP: msg, From: c.tgt, At: at, TTL: 60, TOS: -1})
		if r, ok := take(); !ok || r.outcome != Reached || r.key != pr.key(id, 3) || r.from != c.tgt || !r.at.Equal(at) {
			t.Errorf("%v echo reply: %+v posted=%v", c.fam, r, ok)
		}
		// Another socket's identifier is not ours.
		msg = codec.Append(nil, codec.Header{Family: c.fam, Type: c.reply, Src: c.tgt, Dst: c.local}, codec.Echo{ID: id + 1, Seq: 3})
		pr.fromDatagram(icmpsock.Packet{ICMP: msg, From: c.tgt, At: at})
		if r, ok := take(); ok {
			t.Errorf("%v: a reply to identifier %#x was posted: %+v", c.fam, id+1, r)
		}

		// A time exceeded as icmpsock rebuilds it: quote header made up
		// (TTL 0), the echo as sent, and here an extension after it.
		echo := codec.Append(nil, codec.Header{Family: c.fam, Type: pr.echoType(), Src: c.local, Dst: c.tgt}, codec.Echo{ID: id, Seq: 5, Data: make([]byte, 24)})
		quote := ipWrap(nil, c.fam, c.fam.Protocol(), c.local, c.tgt, 0, echo)
		ext := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 42, S: true, TTL: 1}))
		msg = codec.Append(nil, codec.Header{Family: c.fam, Type: c.te, Code: codec.CodeTTLExceeded, Src: c.rtr, Dst: c.local}, codec.ErrorBody{Quote: quote, Ext: ext})
		pr.fromDatagram(icmpsock.Packet{ICMP: msg, From: c.rtr, At: at, Synthesized: true, OrigDst: c.tgt})
		r, ok := take()
		if !ok || r.outcome != HopAnswered || r.key != pr.key(id, 5) || r.from != c.rtr || r.mismatch {
			t.Fatalf("%v time exceeded: %+v posted=%v", c.fam, r, ok)
		}
		if r.hasQuote || r.qttl != 0 || r.qdst.IsValid() || r.ext != nil {
			t.Errorf("%v: the rebuilt quote or what follows it was reported: %+v", c.fam, r)
		}
		// The same error about a datagram to elsewhere is counted, not
		// matched.
		pr.fromDatagram(icmpsock.Packet{ICMP: msg, From: c.rtr, At: at, Synthesized: true, OrigDst: c.rtr})
		if r, ok := take(); !ok || !r.mismatch {
			t.Errorf("%v: error about another destination: %+v posted=%v", c.fam, r, ok)
		}
		// Bytes that are no ICMP message post nothing.
		pr.fromDatagram(icmpsock.Packet{ICMP: []byte{11}, From: c.rtr, At: at, Synthesized: true, OrigDst: c.tgt})
		if r, ok := take(); ok {
			t.Errorf("%v: one byte posted %+v", c.fam, r)
		}
	}
}
