package codec

import (
	"bytes"
	"errors"
	"net/netip"
	"reflect"
	"testing"
)

// fixtureByName returns a fixture's datagram; a missing name is a test bug.
func fixtureByName(t testing.TB, name string) []byte {
	t.Helper()
	for _, f := range fixtures {
		if f.name == name {
			return f.ip
		}
	}
	t.Fatalf("no fixture %q", name)
	return nil
}

// decodeFixture runs DecodeIP on a fixture and insists it carries ICMP.
func decodeFixture(t *testing.T, name string) Packet {
	t.Helper()
	p, err := DecodeIP(fixtureByName(t, name))
	if err != nil {
		t.Fatalf("%s: DecodeIP: %v", name, err)
	}
	if !p.HasICMP {
		t.Fatalf("%s: no ICMP found", name)
	}
	return p
}

func TestDecodeFixturesHeader(t *testing.T) {
	tests := []struct {
		name   string
		family Family
		typ    Type
		code   Code
		kind   Kind
		sum    uint16
	}{
		{"v4_echo_request", IPv4, ICMPv4EchoRequest, 0, KindEcho, 0x701c},
		{"v4_echo_reply", IPv4, ICMPv4EchoReply, 0, KindEcho, 0x781c},
		{"v6_echo_request", IPv6, ICMPv6EchoRequest, 0, KindEcho, 0},
		{"v6_echo_reply", IPv6, ICMPv6EchoReply, 0, KindEcho, 0},
		{"v4_ttl_exceeded_udp", IPv4, ICMPv4TimeExceeded, CodeTTLExceeded, KindError, 0},
		{"v4_port_unreachable", IPv4, ICMPv4DestinationUnreachable, CodePortUnreachable, KindError, 0},
		{"v6_hop_limit_exceeded_udp", IPv6, ICMPv6TimeExceeded, 0, KindError, 0},
		{"v6_port_unreachable", IPv6, ICMPv6DestinationUnreachable, Code6PortUnreachable, KindError, 0},
		{"v4_ttl_exceeded_tcp", IPv4, ICMPv4TimeExceeded, 0, KindError, 0},
		{"v4_ttl_exceeded_echo", IPv4, ICMPv4TimeExceeded, 0, KindError, 0},
		{"v6_hop_limit_exceeded_echo", IPv6, ICMPv6TimeExceeded, 0, KindError, 0},
		{"v4_frag_needed", IPv4, ICMPv4DestinationUnreachable, CodeFragmentationNeeded, KindError, 0},
		{"v6_packet_too_big", IPv6, ICMPv6PacketTooBig, 0, KindError, 0},
		{"v4_net_unreachable", IPv4, ICMPv4DestinationUnreachable, CodeNetUnreachable, KindError, 0},
		{"v6_router_solicit", IPv6, ICMPv6RouterSolicitation, 0, KindRouterSolicit6, 0},
		{"v6_neighbor_solicit", IPv6, ICMPv6NeighborSolicitation, 0, KindNeighborSolicit, 0},
		{"v6_neighbor_advert", IPv6, ICMPv6NeighborAdvertisement, 0, KindNeighborAdvert, 0},
		{"v4_ttl_exceeded_mpls", IPv4, ICMPv4TimeExceeded, 0, KindError, 0xcd04},
		{"v4_ttl_exceeded_rfc5837", IPv4, ICMPv4TimeExceeded, 0, KindError, 0xccff},
		{"v4_ttl_exceeded_ppp", IPv4, ICMPv4TimeExceeded, 0, KindError, 0xac2d},
		{"v4_redirect", IPv4, ICMPv4Redirect, 1, KindError, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := decodeFixture(t, tt.name)
			m := p.ICMP
			if p.Family == IPv4 && p.V4.Sum.Status != ChecksumGood {
				t.Errorf("IPv4 header checksum %v, want good", p.V4.Sum.Status)
			}
			if m.Family != tt.family || m.Type != tt.typ || m.Code != tt.code || m.Kind != tt.kind {
				t.Errorf("got %v type %d code %d kind %d, want %v %d %d %d", m.Family, m.Type, m.Code, m.Kind, tt.family, tt.typ, tt.code, tt.kind)
			}
			if m.Sum.Status != ChecksumGood || m.Sum.Want != m.Checksum {
				t.Errorf("checksum 0x%04x verdict %+v, want good", m.Checksum, m.Sum)
			}
			if tt.sum != 0 && m.Checksum != tt.sum {
				t.Errorf("checksum 0x%04x, tshark says 0x%04x", m.Checksum, tt.sum)
			}
		})
	}
}

func TestEchoFixtures(t *testing.T) {
	tests := []struct {
		name    string
		id, seq uint16
		dataLen int
	}{
		{"v4_echo_request", 0x43ca, 1, 56},
		{"v4_echo_reply", 0x43ca, 1, 56},
		{"v6_echo_request", 0x43cb, 1, 56},
		{"v6_echo_reply", 0x43cb, 1, 56},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := decodeFixture(t, tt.name).ICMP
			e, ok := m.Echo()
			if !ok {
				t.Fatal("Echo() not ok")
			}
			if e.ID != tt.id || e.Seq != tt.seq || len(e.Data) != tt.dataLen {
				t.Errorf("echo id 0x%x seq %d len %d, want 0x%x %d %d", e.ID, e.Seq, len(e.Data), tt.id, tt.seq, tt.dataLen)
			}
			if _, ok := m.Error(); ok {
				t.Error("an echo is not an error")
			}
		})
	}
}

func TestErrorFixtures(t *testing.T) {
	a := netip.MustParseAddr
	tests := []struct {
		name     string
		mtu      uint32
		gateway  netip.Addr
		quoteLen int
		layout   ExtLayout
		flow     FlowKey
	}{
		// traceroute -U: UDP probe to port 33434, TTL 1 left when quoted.
		{name: "v4_ttl_exceeded_udp", quoteLen: 60, flow: FlowKey{Family: IPv4, Proto: ProtoUDP, Src: a("198.18.1.2"), Dst: a("198.18.2.2"), DstPort: 33434, TTL: 1, Complete: true}},
		{name: "v4_port_unreachable", quoteLen: 60, flow: FlowKey{Family: IPv4, Proto: ProtoUDP, Src: a("198.18.1.2"), Dst: a("198.18.2.2"), DstPort: 33435, TTL: 1, Complete: true}},
		{name: "v6_hop_limit_exceeded_udp", quoteLen: 80, flow: FlowKey{Family: IPv6, Proto: ProtoUDP, Src: a("2001:2:0:1::2"), Dst: a("2001:2:0:2::2"), DstPort: 33434, TTL: 1, Complete: true}},
		{name: "v4_ttl_exceeded_tcp", quoteLen: 60, flow: FlowKey{Family: IPv4, Proto: ProtoTCP, Src: a("198.18.1.2"), Dst: a("198.18.2.2"), DstPort: 80, TTL: 1, Complete: true}},
		{name: "v4_ttl_exceeded_echo", quoteLen: 84, flow: FlowKey{Family: IPv4, Proto: ProtoICMP, Src: a("198.18.1.2"), Dst: a("198.18.2.2"), ICMPType: ICMPv4EchoRequest, ID: 0x43cf, Seq: 1, TTL: 1, Complete: true}},
		{name: "v6_hop_limit_exceeded_echo", quoteLen: 104, flow: FlowKey{Family: IPv6, Proto: ProtoICMPv6, Src: a("2001:2:0:1::2"), Dst: a("2001:2:0:2::2"), ICMPType: ICMPv6EchoRequest, ID: 0x43d0, Seq: 1, TTL: 1, Complete: true}},
		{name: "v4_frag_needed", mtu: 1400, quoteLen: 548, flow: FlowKey{Family: IPv4, Proto: ProtoICMP, Src: a("198.18.1.2"), Dst: a("198.18.2.2"), ICMPType: ICMPv4EchoRequest, ID: 0x43d1, Seq: 1, TTL: 64, Complete: true}},
		{name: "v6_packet_too_big", mtu: 1400, quoteLen: 1232, flow: FlowKey{Family: IPv6, Proto: ProtoICMPv6, Src: a("2001:2:0:1::2"), Dst: a("2001:2:0:2::2"), ICMPType: ICMPv6EchoRequest, ID: 0x43d2, Seq: 1, TTL: 64, Complete: true}},
		// tshark: MPLS label 100704; length field 0, a 40-byte datagram
		// padded to 128 (the padding is not part of the quote).
		{name: "v4_ttl_exceeded_mpls", quoteLen: 40, layout: ExtLegacy, flow: FlowKey{Family: IPv4, Proto: ProtoUDP, Src: a("12.4.4.4"), Dst: a("12.1.1.1"), SrcPort: 42315, DstPort: 33435, TTL: 1, Complete: true}},
		// tshark: icmp.redir_gw 10.2.99.98.
		{name: "v4_redirect", gateway: a("10.2.99.98"), quoteLen: 28},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := decodeFixture(t, tt.name).ICMP
			e, ok := m.Error()
			if !ok {
				t.Fatal("Error() not ok")
			}
			if e.MTU != tt.mtu {
				t.Errorf("MTU %d, want %d", e.MTU, tt.mtu)
			}
			if e.Gateway != tt.gateway {
				t.Errorf("gateway %v, want %v", e.Gateway, tt.gateway)
			}
			if e.Ext.Layout != tt.layout {
				t.Errorf("extension layout %v, want %v", e.Ext.Layout, tt.layout)
			}
			if tt.quoteLen != 0 && len(e.Quote) != tt.quoteLen {
				t.Errorf("quote of %d bytes, want %d", len(e.Quote), tt.quoteLen)
			}
			if tt.flow.Family == 0 {
				return
			}
			k, err := m.QuotedFlow()
			if err != nil {
				t.Fatalf("QuotedFlow: %v", err)
			}
			// Fields the table does not pin (source port, IP ID, checksums,
			// flow label) vary per run; compare the rest.
			k.SrcPort, k.IPID, k.UDPChecksum, k.TCPSeq, k.FlowLabel, k.TOS = tt.flow.SrcPort, 0, 0, 0, 0, 0
			if k != tt.flow {
				t.Errorf("flow\n got %+v\nwant %+v", k, tt.flow)
			}
		})
	}
}

func TestMPLSExtensionFixtures(t *testing.T) {
	tests := []struct {
		name   string
		layout ExtLayout
		off    int
		label  uint32
	}{
		// tcpdump's mpls-traceroute capture: length field 0, extensions at
		// 128. tshark: "Label: 100704, Exp: 0, S: 1, TTL: 1".
		{"v4_ttl_exceeded_mpls", ExtLegacy, 136, 100704},
		// PcapPlusPlus: a 28-byte quote padded to 128 with length 0, the
		// legacy layout. tshark: "Label: 22, Exp: 0, S: 1, TTL: 1".
		{"v4_ttl_exceeded_ppp", ExtLegacy, 136, 22},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, ok := decodeFixture(t, tt.name).ICMP.Error()
			if !ok {
				t.Fatal("not an error")
			}
			if e.Ext.Layout != tt.layout || e.Ext.Offset != tt.off || e.Ext.Sum.Status != ChecksumGood || e.Ext.Version != 2 {
				t.Fatalf("extensions %+v, want layout %v at %d, good checksum", e.Ext, tt.layout, tt.off)
			}
			it := e.Ext.Objects()
			n := 0
			for it.Next() {
				o := it.Object()
				n++
				if o.Class != ExtClassMPLS || o.MPLSLen() != 1 {
					t.Fatalf("object %+v, want one MPLS entry", o)
				}
				got := o.MPLSEntry(0)
				want := MPLSEntry{Label: tt.label, S: true, TTL: 1}
				if got != want {
					t.Errorf("entry %+v, want %+v", got, want)
				}
			}
			if it.Err() != nil || n != 1 {
				t.Errorf("%d objects, err %v", n, it.Err())
			}
		})
	}
}

func TestParseTruncated(t *testing.T) {
	echo := fixtureByName(t, "v4_echo_request")[20:]
	tests := []struct {
		name     string
		b        []byte
		wantKind Kind
		wantOff  int
		sentinel error
	}{
		{"empty", nil, KindRaw, 0, ErrTruncated},
		{"3 bytes", echo[:3], KindRaw, 0, ErrTruncated},
		{"header only", echo[:4], KindRaw, 4, ErrTruncated},
		{"6 bytes", echo[:6], KindRaw, 6, ErrTruncated},
		{"8 bytes", echo[:8], KindEcho, 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseICMPv4(tt.b)
			if !errors.Is(err, tt.sentinel) {
				t.Fatalf("err %v, want %v", err, tt.sentinel)
			}
			if m.Kind != tt.wantKind {
				t.Errorf("kind %d, want %d", m.Kind, tt.wantKind)
			}
			if err != nil {
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Offset != tt.wantOff || pe.Layer != "ICMPv4" {
					t.Errorf("error %#v, want ICMPv4 at %d", err, tt.wantOff)
				}
			}
			if len(tt.b) >= 4 && (m.Type != ICMPv4EchoRequest || m.Checksum != 0x701c) {
				t.Errorf("header not read: %+v", m)
			}
		})
	}
}

func TestChecksumVerdicts(t *testing.T) {
	v6 := fixtureByName(t, "v6_echo_request")
	src, dst := addr16(v6[8:24]), addr16(v6[24:40])
	msg := v6[40:]
	m, err := ParseICMPv6(msg, netip.Addr{}, netip.Addr{})
	if err != nil || m.Sum.Status != ChecksumUnverified {
		t.Errorf("no addresses: %v %v, want unverified", err, m.Sum.Status)
	}
	m, _ = ParseICMPv6(msg, src, dst)
	if m.Sum.Status != ChecksumGood {
		t.Errorf("with addresses: %v, want good", m.Sum.Status)
	}
	m, _ = ParseICMPv6(msg, dst, netip.MustParseAddr("2001:2::99"))
	if m.Sum.Status != ChecksumBad || m.Sum.Want == m.Checksum {
		t.Errorf("wrong addresses: %+v, want bad", m.Sum)
	}
	bad := bytes.Clone(fixtureByName(t, "v4_echo_request")[20:])
	bad[2] ^= 0xff
	m, err = ParseICMPv4(bad)
	if err != nil || m.Sum.Status != ChecksumBad || m.Sum.Want != 0x701c {
		t.Errorf("corrupted checksum: %v %+v, want bad wanting 0x701c", err, m.Sum)
	}
}

// Packet.Decode, reusing one Packet, leaves nothing of the previous packet.
func TestPacketDecodeReuse(t *testing.T) {
	var p Packet
	for _, f := range fixtures {
		want, werr := DecodeIP(f.ip)
		err := p.Decode(f.ip)
		if (err == nil) != (werr == nil) || !reflect.DeepEqual(p, want) {
			t.Errorf("%s: Decode differs from DecodeIP\n got %+v\nwant %+v", f.name, p, want)
		}
	}
}
