package trace

import (
	"net/netip"
	"time"

	"icmplab/codec"
)

// decodeRaw turns what a raw ICMP socket read into a reply: errors are
// matched by the flow they quote (codec's QuotedFlow, then the method's
// keyOf), echo replies by echoKey (nil for methods that send no echo). An
// IPv4 raw socket gives the IP header too; an IPv6 one gives the ICMPv6
// message alone, with the sender in p.from. ok is false for anything that
// answers no probe of this method, malformed input included.
func decodeRaw(fam codec.Family, p packet, local netip.Addr,
	keyOf func(codec.FlowKey) (lookupKey, bool), echoKey func(codec.Echo) (lookupKey, bool)) (reply, bool) {
	var msg codec.Message
	from := p.from
	if fam == codec.IPv4 {
		pkt, err := codec.DecodeIP(p.data)
		if !pkt.HasICMP || (err != nil && pkt.ICMP.Kind == codec.KindRaw) {
			return reply{}, false
		}
		msg, from = pkt.ICMP, pkt.V4.Src
	} else {
		m, err := codec.Parse(codec.IPv6, p.data, p.from, local)
		if err != nil && m.Kind == codec.KindRaw {
			return reply{}, false
		}
		msg = m
	}
	return decodeMsg(fam, msg, from, p.at, keyOf, echoKey)
}

// decodeMsg is decodeRaw once the ICMP message is parsed and its sender
// known: what an ICMP datagram socket's reads start from.
func decodeMsg(fam codec.Family, msg codec.Message, from netip.Addr, at time.Time,
	keyOf func(codec.FlowKey) (lookupKey, bool), echoKey func(codec.Echo) (lookupKey, bool)) (reply, bool) {
	o, _, ok := classify(fam, msg.Type, msg.Code, 0)
	if !ok {
		return reply{}, false
	}
	r := reply{at: at, from: from, family: fam, typ: msg.Type, code: msg.Code, icmp: true, outcome: o}
	if eb, isErr := msg.Error(); isErr {
		fl, err := msg.QuotedFlow()
		if err != nil || !fl.Complete {
			return reply{}, false
		}
		k, ok := keyOf(fl)
		if !ok {
			return reply{}, false
		}
		r.key, r.qsrc, r.qdst, r.qttl, r.qtos, r.hasQuote = k, fl.Src, fl.Dst, fl.TTL, fl.TOS, true
		r.mtu = eb.MTU
		if eb.Ext.Present() {
			r.ext, r.layout = decodeExt(eb.Ext), eb.Ext.Layout
		}
		return r, true
	}
	if echoKey == nil || o != Reached {
		return reply{}, false
	}
	e, ok := msg.Echo()
	if !ok {
		return reply{}, false
	}
	if r.key, ok = echoKey(e); !ok {
		return reply{}, false
	}
	return r, true
}
