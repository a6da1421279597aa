package codec

import (
	"net/netip"
	"testing"
)

// sink keeps results alive so the compiler cannot drop the work measured.
var sink any

func TestNoAllocs(t *testing.T) {
	echo := fixtureByName(t, "v4_echo_request")
	te := fixtureByName(t, "v4_ttl_exceeded_udp")
	mpls := fixtureByName(t, "v4_ttl_exceeded_ppp")
	v6 := fixtureByName(t, "v6_hop_limit_exceeded_udp")
	em, _ := ParseICMPv4(echo[20:])
	ev, _ := em.Echo()
	tm, _ := ParseICMPv4(te[20:])
	tv, _ := tm.Error()
	buf := make([]byte, 0, 2048)
	var keep int
	tests := []struct {
		name string
		fn   func()
	}{
		{"Parse echo", func() { m, _ := ParseICMPv4(echo[20:]); keep += int(m.Kind) }},
		{"Echo", func() { e, _ := em.Echo(); keep += int(e.ID) }},
		{"Error", func() { e, _ := tm.Error(); keep += len(e.Quote) }},
		{"QuotedFlow", func() { k, _ := tm.QuotedFlow(); keep += int(k.DstPort) }},
		{"DecodeIP v4", func() { p, _ := DecodeIP(te); keep += int(p.ICMP.Kind) }},
		{"DecodeIP v6", func() { p, _ := DecodeIP(v6); keep += int(p.ICMP.Kind) }},
		{"Packet.Decode", func() { var p Packet; _ = p.Decode(te); keep += int(p.ICMP.Kind) }},
		{"DecodeIP+QuotedFlow", func() { p, _ := DecodeIP(te); k, _ := p.ICMP.QuotedFlow(); keep += int(k.DstPort) }},
		{"extension iteration", func() {
			p, _ := DecodeIP(mpls)
			e, _ := p.ICMP.Error()
			it := e.Ext.Objects()
			for it.Next() {
				keep += int(it.Object().MPLSEntry(0).Label)
			}
		}},
		{"Append echo", func() { buf = Append(buf[:0], Header{Family: IPv4, Type: ICMPv4EchoRequest}, ev) }},
		{"Append error", func() { buf = Append(buf[:0], Header{Family: IPv4, Type: ICMPv4TimeExceeded}, tv) }},
		{"AppendMPLSObject", func() { buf = AppendMPLSObject(buf[:0], MPLSEntry{Label: 16, S: true, TTL: 1}) }},
		{"AppendHeader", func() { p, _ := DecodeIP(te); buf = p.V4.AppendHeader(buf[:0]) }},
	}
	ra := fixtureByName(t, "v6_router_advert")
	mld := fixtureByName(t, "v6_mldv2_report")
	probe := fixtureByName(t, "v6_ext_echo_request")
	ppm, _ := DecodeIP(ra)
	nd, _ := ppm.ICMP.NDP()
	ext := NewExtensions(nil, AppendMPLSObject(nil, MPLSEntry{Label: 16, S: true, TTL: 1}))
	ident := InterfaceIdent{CType: IdentByIndex, Index: 2}
	more := []struct {
		name string
		fn   func()
	}{
		{"Parse NDP + options", func() {
			p, _ := DecodeIP(ra)
			n, _ := p.ICMP.NDP()
			it := n.Options()
			for it.Next() {
				if o := it.Option(); o.Type == NDPMTU {
					m, _ := o.MTU()
					keep += int(m)
				}
			}
		}},
		{"Parse MLDv2 + records", func() {
			p, _ := DecodeIP(mld)
			r, _ := p.ICMP.MLDv2Report()
			it := r.Records()
			for it.Next() {
				keep += int(it.Record().NumSrcs)
			}
		}},
		{"Parse extended echo + ident by index", func() {
			p, _ := DecodeIP(probe)
			r, _ := p.ICMP.ExtendedEchoRequest()
			it := r.Ext.Objects()
			for it.Next() {
				id, _ := it.Object().InterfaceIdent()
				keep += int(id.Index)
			}
		}},
		{"Append NDP", func() { buf = Append(buf[:0], Header{Family: IPv6, Type: ICMPv6RouterAdvertisement}, nd) }},
		{"Append error + extensions", func() {
			buf = Append(buf[:0], Header{Family: IPv6, Type: ICMPv6TimeExceeded}, ErrorBody{Quote: te[:48], Ext: ext})
		}},
		{"Append extended echo", func() {
			buf = AppendInterfaceIdentObject(buf[:0], ident)
			e := NewExtensions(nil, buf)
			buf = Append(buf[len(buf):], Header{Family: IPv4, Type: ICMPv4ExtendedEchoRequest}, ExtendedEchoRequest{ID: 1, Ext: e})
		}},
		{"Append timestamp", func() { buf = Append(buf[:0], Header{Family: IPv4, Type: ICMPv4Timestamp}, Timestamp{ID: 1}) }},
		{"AppendUDP", func() {
			buf = AppendUDP(buf[:0], UDPHeader{SrcPort: 1, DstPort: 2}, te[:32], netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2"))
		}},
	}
	tests = append(tests, more...)
	for _, tt := range tests {
		if n := testing.AllocsPerRun(100, tt.fn); n != 0 {
			t.Errorf("%s: %v allocations, want 0", tt.name, n)
		}
	}
	sink = keep
}
