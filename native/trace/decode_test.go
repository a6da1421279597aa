package trace

import (
	"net/netip"
	"testing"
	"time"

	"icmplab/codec"
)

var (
	decLocal4  = netip.MustParseAddr("198.18.1.1")
	decTarget4 = netip.MustParseAddr("198.18.9.9")
	decRouter4 = netip.MustParseAddr("198.18.2.2")
	decLocal6  = netip.MustParseAddr("2001:2:0:1::1")
	decTarget6 = netip.MustParseAddr("2001:2:0:9::9")
	decRouter6 = netip.MustParseAddr("2001:2:0:2::2")
)

// udpKeyOf is the classic UDP method's key.
func udpKeyOf(fl codec.FlowKey) (lookupKey, bool) {
	if fl.Proto != codec.ProtoUDP {
		return lookupKey{}, false
	}
	return lookupKey{proto: codec.ProtoUDP, sport: fl.SrcPort, dport: fl.DstPort}, true
}

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

// TestDecodeRaw decodes codec-built answers as the raw socket reads them.
func TestDecodeRaw(t *testing.T) {
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
		r, ok := decodeRaw(c.fam, packet{data: data, from: c.rtr, at: at}, c.local, udpKeyOf, nil)
		if !ok {
			t.Fatalf("%v: time exceeded not decoded", c.fam)
		}
		want := lookupKey{proto: codec.ProtoUDP, sport: 40000, dport: 33440}
		if r.key != want || r.from != c.rtr || r.outcome != HopAnswered || r.qdst != c.tgt || r.qsrc != c.local ||
			r.qttl != 1 || !r.hasQuote || r.layout != codec.ExtRFC4884 || len(r.ext) != 1 || r.ext[0].MPLS[0].Label != 42 || !r.at.Equal(at) {
			t.Fatalf("%v: %+v", c.fam, r)
		}
		data = answer(c.fam, c.tgt, c.local, c.ut, c.port, codec.ErrorBody{Quote: probe})
		if r, ok = decodeRaw(c.fam, packet{data: data, from: c.tgt}, c.local, udpKeyOf, nil); !ok || r.outcome != Reached || r.from != c.tgt {
			t.Fatalf("%v: port unreachable: %+v %v", c.fam, r, ok)
		}
		// A quote cut before the UDP ports names no probe.
		data = answer(c.fam, c.rtr, c.local, c.te, 0, codec.ErrorBody{Quote: probe[:len(probe)-36]})
		if _, ok = decodeRaw(c.fam, packet{data: data, from: c.rtr}, c.local, udpKeyOf, nil); ok {
			t.Fatalf("%v: truncated quote accepted", c.fam)
		}
		// An echo reply answers no UDP probe.
		echoType := codec.ICMPv4EchoReply
		if c.fam == codec.IPv6 {
			echoType = codec.ICMPv6EchoReply
		}
		msg := codec.Append(nil, codec.Header{Family: c.fam, Type: echoType, Src: c.tgt, Dst: c.local}, codec.Echo{ID: 1, Seq: 2})
		if c.fam == codec.IPv4 {
			msg = ipWrap(nil, c.fam, codec.ProtoICMP, c.tgt, c.local, 64, msg)
		}
		if _, ok = decodeRaw(c.fam, packet{data: msg, from: c.tgt}, c.local, udpKeyOf, nil); ok {
			t.Fatalf("%v: echo reply taken for a UDP answer", c.fam)
		}
		r, ok = decodeRaw(c.fam, packet{data: msg, from: c.tgt}, c.local, udpKeyOf, func(e codec.Echo) (lookupKey, bool) {
			return lookupKey{proto: c.fam.Protocol(), sport: e.ID, ident: uint32(e.Seq)}, e.ID == 1
		})
		if !ok || r.outcome != Reached || r.key.ident != 2 {
			t.Fatalf("%v: echo reply: %+v %v", c.fam, r, ok)
		}
	}
}

// FuzzDecodeRaw: no input panics the raw-socket decoder, in either family.
func FuzzDecodeRaw(f *testing.F) {
	probe := probeDatagram(codec.IPv4, decLocal4, decTarget4, 1, 40000, 33440)
	f.Add(answer(codec.IPv4, decRouter4, decLocal4, codec.ICMPv4TimeExceeded, 0, codec.ErrorBody{Quote: probe}), false)
	probe6 := probeDatagram(codec.IPv6, decLocal6, decTarget6, 1, 40000, 33440)
	ext := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 1, S: true}))
	f.Add(answer(codec.IPv6, decRouter6, decLocal6, codec.ICMPv6TimeExceeded, 0, codec.ErrorBody{Quote: probe6, Ext: ext}), true)
	f.Fuzz(func(t *testing.T, data []byte, v6 bool) {
		fam, local := codec.IPv4, decLocal4
		if v6 {
			fam, local = codec.IPv6, decLocal6
		}
		r, ok := decodeRaw(fam, packet{data: data, from: decRouter6}, local, udpKeyOf, func(e codec.Echo) (lookupKey, bool) {
			return lookupKey{ident: uint32(e.Seq)}, true
		})
		if ok && r.outcome == Pending {
			t.Fatalf("accepted reply with no outcome: %+v", r)
		}
		_ = formatExt(r.ext)
	})
}
