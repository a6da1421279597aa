package codec

import (
	"bytes"
	"net/netip"
	"reflect"
	"testing"
)

// Every kind built from fields, parsed back: the view equals what was built
// (after the normalisation parse applies, named per case) and the checksum
// verifies.
func TestBuildEveryKind(t *testing.T) {
	src, dst := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")
	a6 := netip.MustParseAddr
	gw := netip.MustParseAddr("198.18.0.254")
	opts := AppendNDPOption(nil, NDPSourceLinkAddr, []byte{2, 0, 0, 0, 0, 1})
	opts = AppendNDPMTU(opts, 1500)
	opts = AppendNDPPrefixInfo(opts, NDPPrefixOpt{PrefixLen: 64, Flags: PrefixFlagOnLink | PrefixFlagAutonomous, ValidLifetime: 86400, PreferredLifetime: 14400, Prefix: a6("2001:2:0:1::")})
	opts = AppendNDPRDNSS(opts, 600, a6("2001:2::53"), a6("2001:2::54"))
	recs := AppendMLDRecord(nil, MLDRecord{RecordType: MLDChangeToInclude, Group: a6("ff05::1:3"), Sources: append(a6("2001:2::7").AsSlice(), a6("2001:2::8").AsSlice()...)})
	recs = AppendMLDRecord(recs, MLDRecord{RecordType: MLDModeIsExclude, Group: a6("ff02::fb"), Aux: []byte{1, 2, 3, 4}})
	ra4 := NewRouterAdvert4(nil, 1800, RouterAddr{Addr: netip.MustParseAddr("198.18.0.1"), Preference: 10}, RouterAddr{Addr: netip.MustParseAddr("198.18.0.2"), Preference: -1})

	tests := []struct {
		name string
		h    Header
		body Body
		kind Kind
	}{
		{"echo v4", Header{Family: IPv4, Type: ICMPv4EchoReply}, Echo{ID: 7, Seq: 9, Data: []byte("hello")}, KindEcho},
		{"echo v6", Header{Family: IPv6, Type: ICMPv6EchoRequest}, Echo{ID: 7, Seq: 9, Data: []byte{}}, KindEcho},
		{"frag needed", Header{Family: IPv4, Type: ICMPv4DestinationUnreachable, Code: CodeFragmentationNeeded}, ErrorBody{MTU: 1400, Quote: probeQuote}, KindError},
		{"param problem v4", Header{Family: IPv4, Type: ICMPv4ParameterProblem}, ErrorBody{Pointer: 9, Quote: probeQuote}, KindError},
		{"redirect", Header{Family: IPv4, Type: ICMPv4Redirect, Code: 1}, ErrorBody{Gateway: gw, Quote: probeQuote}, KindError},
		{"source quench", Header{Family: IPv4, Type: ICMPv4SourceQuench}, ErrorBody{Quote: probeQuote}, KindError},
		{"packet too big", Header{Family: IPv6, Type: ICMPv6PacketTooBig}, ErrorBody{MTU: 1280, Quote: probeQuote}, KindError},
		{"param problem v6", Header{Family: IPv6, Type: ICMPv6ParameterProblem, Code: 1}, ErrorBody{Pointer: 40, Quote: probeQuote}, KindError},
		{"timestamp", Header{Family: IPv4, Type: ICMPv4TimestampReply}, Timestamp{ID: 1, Seq: 2, Originate: 3, Receive: 4, Transmit: 0x80000005}, KindTimestamp},
		{"information", Header{Family: IPv4, Type: ICMPv4InformationReply}, Information{ID: 1, Seq: 2}, KindInformation},
		{"address mask", Header{Family: IPv4, Type: ICMPv4AddressMaskReply}, AddressMask{ID: 1, Seq: 2, Mask: netip.MustParseAddr("255.255.255.0")}, KindAddressMask},
		{"router advert", Header{Family: IPv4, Type: ICMPv4RouterAdvertisement}, ra4, KindRouterAdvert4},
		{"router solicit", Header{Family: IPv4, Type: ICMPv4RouterSolicitation}, RouterSolicit4{}, KindRouterSolicit4},
		{"extended echo request", Header{Family: IPv6, Type: ICMPv6ExtendedEchoRequest}, ExtendedEchoRequest{ID: 3, Seq: 4, Local: true, Ext: NewExtensions(nil, AppendInterfaceIdentObject(nil, InterfaceIdent{Name: "eth0"}))}, KindExtendedEchoRequest},
		{"extended echo reply", Header{Family: IPv4, Type: ICMPv4ExtendedEchoReply}, ExtendedEchoReply{ID: 3, Seq: 4, State: 5, Active: true, IPv6: true, Data: []byte{}}, KindExtendedEchoReply},
		{"router solicitation", Header{Family: IPv6, Type: ICMPv6RouterSolicitation}, NDP{OptionBytes: opts[:8]}, KindRouterSolicit6},
		{"router advertisement", Header{Family: IPv6, Type: ICMPv6RouterAdvertisement}, NDP{CurHopLimit: 64, Flags: NDPFlagManaged, RouterLifetime: 1800, ReachableTime: 30000, RetransTimer: 1000, OptionBytes: opts}, KindRouterAdvert6},
		{"neighbor solicitation", Header{Family: IPv6, Type: ICMPv6NeighborSolicitation}, NDP{Target: a6("2001:2::9"), OptionBytes: opts[:8]}, KindNeighborSolicit},
		{"neighbor advertisement", Header{Family: IPv6, Type: ICMPv6NeighborAdvertisement}, NDP{NAFlags: NAFlagSolicited | NAFlagOverride, Target: a6("2001:2::9")}, KindNeighborAdvert},
		{"redirect v6", Header{Family: IPv6, Type: ICMPv6Redirect}, NDP{Target: a6("fe80::1"), Destination: a6("2001:2::99"), OptionBytes: AppendNDPOption(nil, NDPRedirectedHdr, make([]byte, 6+40))}, KindRedirect6},
		{"MLDv1 query", Header{Family: IPv6, Type: ICMPv6MLDQuery}, MLDQuery{MaxResponseCode: 10000, Group: netip.IPv6Unspecified()}, KindMLDQuery},
		{"MLDv2 query", Header{Family: IPv6, Type: ICMPv6MLDQuery}, MLDQuery{MaxResponseCode: 10000, Group: a6("ff05::1:3"), V2: true, SFlag: true, QRV: 2, QQIC: 125, NumSrcs: 1, Sources: a6("2001:2::7").AsSlice()}, KindMLDQuery},
		{"MLDv1 done", Header{Family: IPv6, Type: ICMPv6MLDDone}, MLDv1{Group: a6("ff05::1:3")}, KindMLDReport},
		{"MLDv2 report", Header{Family: IPv6, Type: ICMPv6MLDv2Report}, MLDv2Report{NumRecords: 2, RecordBytes: recs}, KindMLDv2Report},
		{"node information", Header{Family: IPv6, Type: ICMPv6NodeInformationQuery}, NodeInfo{QType: NIQTypeNodeName, Nonce: [8]byte{1, 2, 3, 4, 5, 6, 7, 8}, Data: a6("2001:2::1").AsSlice()}, KindNodeInfo},
		{"unknown type", Header{Family: IPv6, Type: 200, Code: 3}, RawBody{1, 2, 3}, KindRaw},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.h
			h.Src, h.Dst = src, dst
			b := appendBody(nil, h, tt.body)
			if len(b) != 4+tt.body.Len() {
				t.Errorf("%d bytes written, Len says %d", len(b), 4+tt.body.Len())
			}
			m, err := Parse(h.Family, b, src, dst)
			if err != nil || m.Kind != tt.kind || m.Sum.Status != ChecksumGood {
				t.Fatalf("parse: %v kind %d checksum %v", err, m.Kind, m.Sum.Status)
			}
			got := typedBody(t, m)
			want := normalise(tt.body, got)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("view\n got %+v\nwant %+v", got, want)
			}
			// The body appended alone (no header) writes the same bytes as
			// Append did after the 4-byte header.
			if alone := got.AppendBody(nil); !bytes.Equal(alone, b[4:]) {
				t.Errorf("AppendBody alone\n got % x\nwant % x", alone, b[4:])
			}
		})
	}
}

// normalise fills in what parsing adds to a built body: the fields a parsed
// view carries that a builder leaves zero (raw words, the kind, checksums
// and offsets of extensions, record counts).
func normalise(built, parsed Body) Body {
	switch w := built.(type) {
	case ErrorBody:
		p := parsed.(ErrorBody)
		w.Unused, w.form, w.Length = p.Unused, p.form, p.Length
		return w
	case NDP:
		w.kind = parsed.(NDP).kind
		if len(w.OptionBytes) == 0 {
			w.OptionBytes = parsed.(NDP).OptionBytes
		}
		return w
	case ExtendedEchoRequest:
		p := parsed.(ExtendedEchoRequest)
		w.Ext.Offset, w.Data = p.Ext.Offset, p.Data
		return w
	case RouterAdvert4:
		w.Extra = parsed.(RouterAdvert4).Extra
		return w
	case Echo:
		if len(w.Data) == 0 {
			w.Data = parsed.(Echo).Data
		}
		return w
	case MLDQuery:
		if !w.V2 {
			return w
		}
		w.NumSrcs = parsed.(MLDQuery).NumSrcs
		return w
	}
	return built
}

func TestNDPKindGuess(t *testing.T) {
	a := netip.MustParseAddr("2001:2::9")
	tests := []struct {
		n    NDP
		want Kind
	}{
		{NDP{}, KindRouterSolicit6},
		{NDP{RouterLifetime: 1}, KindRouterAdvert6},
		{NDP{Target: a}, KindNeighborSolicit},
		{NDP{Target: a, NAFlags: NAFlagRouter}, KindNeighborAdvert},
		{NDP{Target: a, Destination: a}, KindRedirect6},
	}
	for _, tt := range tests {
		if got := tt.n.Kind(); got != tt.want {
			t.Errorf("%+v: kind %d, want %d", tt.n, got, tt.want)
		}
		if tt.n.Len() != len(tt.n.AppendBody(nil)) {
			t.Errorf("%+v: Len and AppendBody disagree", tt.n)
		}
	}
}

func TestTransport(t *testing.T) {
	s4, d4 := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2")
	s6, d6 := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")
	for _, a := range [][2]netip.Addr{{s4, d4}, {s6, d6}} {
		u := AppendUDP(nil, UDPHeader{SrcPort: 33000, DstPort: 33434}, []byte("payload!!"), a[0], a[1])
		h, payload, err := ParseUDP(u)
		if err != nil || h.SrcPort != 33000 || h.DstPort != 33434 || h.Length != 17 || string(payload) != "payload!!" {
			t.Errorf("UDP %+v %q %v", h, payload, err)
		}
		s := PseudoHeaderSum(a[0], a[1], ProtoUDP, len(u))
		s.Add(u)
		if s.Fold() != 0 {
			t.Errorf("UDP checksum over %v does not verify", a[0])
		}
		tc := AppendTCP(nil, TCPHeader{SrcPort: 40000, DstPort: 80, Seq: 0xdeadbeef, Flags: TCPFlagSYN | TCPFlagAE, Window: 64240, Options: []byte{2, 4, 5, 0xb4, 1}}, nil, a[0], a[1])
		th, _, err := ParseTCP(tc)
		if err != nil || th.Seq != 0xdeadbeef || th.Flags != TCPFlagSYN|TCPFlagAE || th.DataOff != 7 || len(th.Options) != 8 || th.Window != 64240 {
			t.Errorf("TCP %+v %v", th, err)
		}
		s = PseudoHeaderSum(a[0], a[1], ProtoTCP, len(tc))
		s.Add(tc)
		if s.Fold() != 0 {
			t.Errorf("TCP checksum over %v does not verify", a[0])
		}
	}
	// Without addresses, the checksum is written as given.
	if u := AppendUDP(nil, UDPHeader{Checksum: 0xbeef}, nil, netip.Addr{}, netip.Addr{}); be16(u[6:]) != 0xbeef {
		t.Errorf("UDP checksum % x, want as given", u[6:8])
	}
	if _, _, err := ParseUDP([]byte{0, 1, 0, 2, 0, 7, 0, 0}); err == nil {
		t.Error("UDP length 7 accepted")
	}
	if _, _, err := ParseTCP(make([]byte, 20)); err == nil {
		t.Error("TCP data offset 0 accepted")
	}
}

func TestQuotedFlowIPv6ExtensionHeaders(t *testing.T) {
	src, dst := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")
	udp := AppendUDP(nil, UDPHeader{SrcPort: 4000, DstPort: 33434}, make([]byte, 8), src, dst)
	// hop-by-hop (8 bytes, PadN) -> fragment (first, more) -> destination
	// options (8 bytes) -> UDP.
	ext := mustHex("2c00 0104 0000 0000   3c00 0001 1234 5678   1100 0104 0000 0000")
	ip := IPv6Header{TrafficClass: 0xb8, FlowLabel: 0x12345, PayloadLen: uint16(len(ext) + len(udp)), NextHeader: ProtoHopByHop, HopLimit: 1, Src: src, Dst: dst}
	q := append(append(ip.AppendHeader(nil), ext...), udp...)
	k, err := QuotedFlow(q)
	want := FlowKey{Family: IPv6, Proto: ProtoUDP, Src: src, Dst: dst, SrcPort: 4000, DstPort: 33434, UDPChecksum: be16(udp[6:]), IPID: 0x2345, FlowLabel: 0x12345, TTL: 1, TOS: 0xb8, Complete: true}
	if err != nil || k != want {
		t.Errorf("flow %v\n got %+v\nwant %+v", err, k, want)
	}
	h, payload, err := ParseIPv6(q)
	if err != nil || h.Upper != ProtoUDP || h.UpperOff != 64 || !h.Fragmented || !h.MoreFrags || h.FragID != 0x12345678 || len(payload) != len(udp) {
		t.Errorf("IPv6 walk %+v %v", h, err)
	}
	// The quote cut inside the destination options header.
	k, err = QuotedFlow(q[:60])
	if err == nil || k.Complete || k.Src != src {
		t.Errorf("cut quote: %+v %v", k, err)
	}
}

func TestRoutingHeaderPseudoDestination(t *testing.T) {
	src, via, final := netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::aa"), netip.MustParseAddr("2001:2::2")
	echo := Append(nil, Header{Family: IPv6, Type: ICMPv6EchoRequest, Src: src, Dst: final}, Echo{ID: 1, Seq: 1})
	rh := append(mustHex("3a02 0001 0000 0000"), final.AsSlice()...) // type 0, 1 segment left
	ip := IPv6Header{PayloadLen: uint16(len(rh) + len(echo)), NextHeader: ProtoRouting, HopLimit: 64, Src: src, Dst: via}
	p, err := DecodeIP(append(append(ip.AppendHeader(nil), rh...), echo...))
	if err != nil || p.V6.FinalDst != final || p.V6.PseudoDst() != final || p.ICMP.Sum.Status != ChecksumGood {
		t.Errorf("routing header: %v final %v checksum %v", err, p.V6.FinalDst, p.ICMP.Sum.Status)
	}
}
