package codec

import (
	"errors"
	"net/netip"
	"slices"
	"testing"
)

// Expected values below are tshark's decode of each fixture (its -V output).

func TestTimestampAndMaskFixtures(t *testing.T) {
	m := decodeFixture(t, "v4_timestamp_request").ICMP
	ts, ok := m.Timestamp()
	if want := (Timestamp{ID: 0x3930, Originate: 16131171}); !ok || ts != want {
		t.Errorf("timestamp request %+v, want %+v", ts, want)
	}
	m = decodeFixture(t, "v4_timestamp_reply").ICMP
	ts, ok = m.Timestamp()
	if want := (Timestamp{ID: 0x3930, Originate: 16131171, Receive: 1647179264, Transmit: 1647179264}); !ok || ts != want {
		t.Errorf("timestamp reply %+v, want %+v", ts, want)
	}
	m = decodeFixture(t, "v4_mask_request").ICMP
	am, ok := m.AddressMask()
	if want := (AddressMask{ID: 0xb00c, Seq: 0x0600, Mask: netip.IPv4Unspecified()}); !ok || am != want {
		t.Errorf("mask request %+v, want %+v", am, want)
	}
	m = decodeFixture(t, "v4_info_request").ICMP
	in, ok := m.Information()
	if want := (Information{ID: 0x04d2, Seq: 4321}); !ok || in != want {
		t.Errorf("information request %+v, want %+v", in, want)
	}
	if _, ok := m.Timestamp(); ok {
		t.Error("an information request is not a timestamp")
	}
}

func TestRouterAdvert4Fixtures(t *testing.T) {
	tests := []struct {
		name     string
		lifetime uint16
		entry    RouterAddr
		extra    int
	}{
		{"v4_router_advert", 10, RouterAddr{Addr: netip.MustParseAddr("14.80.84.66")}, 0},
		// Mobile IP agent advertisement: 1 entry, then the extensions
		// tshark lists: mobility agent (2+10 bytes), challenge (2+16),
		// prefix lengths (2+1) and a one-byte padding: 34 extra bytes.
		{"v4_router_advert_mobileip", 200, RouterAddr{Addr: netip.MustParseAddr("192.168.144.2"), Preference: -2147483648}, 34},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ra, ok := decodeFixture(t, tt.name).ICMP.RouterAdvert4()
			if !ok || ra.NumAddrs != 1 || ra.AddrEntrySize != 2 || ra.Lifetime != tt.lifetime {
				t.Fatalf("advert %+v", ra)
			}
			if got := ra.Entry(0); got != tt.entry {
				t.Errorf("entry %+v, want %+v", got, tt.entry)
			}
			if got := ra.Entry(1); got != (RouterAddr{}) {
				t.Errorf("entry 1 of 1: %+v, want zero", got)
			}
			if len(ra.Extra) != tt.extra {
				t.Errorf("%d extra bytes, want %d", len(ra.Extra), tt.extra)
			}
		})
	}
	rs, ok := decodeFixture(t, "v4_router_solicit").ICMP.RouterSolicit4()
	if !ok || rs.Reserved != 0 {
		t.Errorf("solicitation %+v %v", rs, ok)
	}
}

func TestExtendedEchoFixtures(t *testing.T) {
	tests := []struct {
		name  string
		ident InterfaceIdent
		data  int
		sum   ChecksumStatus
	}{
		// tshark checks the extension checksum over all bytes to the end and
		// calls it incorrect; it is right over the object alone, and the
		// last 8 bytes are the sender's timestamp.
		{"v4_ext_echo_request_name", InterfaceIdent{CType: IdentByIndex, Index: 1}, 8, ChecksumGood},
		{"v4_ext_echo_request_addr", InterfaceIdent{CType: IdentByName, Name: "fxp0.0"}, 8, ChecksumGood},
		{"v4_ext_echo_request_index", InterfaceIdent{CType: IdentByIndex, Index: 42}, 8, ChecksumGood},
		{"v6_ext_echo_request", InterfaceIdent{CType: IdentByIndex, Index: 1}, 8, ChecksumGood},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, ok := decodeFixture(t, tt.name).ICMP.ExtendedEchoRequest()
			if !ok || !r.Ext.Present() {
				t.Fatalf("request %+v", r)
			}
			if r.Ext.Sum.Status != tt.sum || len(r.Data) != tt.data {
				t.Errorf("extension checksum %v, %d trailing bytes; want %v, %d", r.Ext.Sum.Status, len(r.Data), tt.sum, tt.data)
			}
			it := r.Ext.Objects()
			if !it.Next() {
				t.Fatalf("no object: %v", it.Err())
			}
			id, err := it.Object().InterfaceIdent()
			if err != nil || id != tt.ident {
				t.Errorf("ident %+v %v, want %+v", id, err, tt.ident)
			}
			if it.Next() || it.Err() != nil {
				t.Errorf("more than one object, err %v", it.Err())
			}
		})
	}
	rep, ok := decodeFixture(t, "v4_ext_echo_reply_nosuch").ICMP.ExtendedEchoReply()
	if !ok || rep.ID != 42 || rep.Seq != 42 || rep.Active {
		t.Errorf("reply %+v", rep)
	}
	rep, ok = decodeFixture(t, "v6_ext_echo_reply").ICMP.ExtendedEchoReply()
	if !ok || rep.ID != 0xfb61 || rep.Seq != 0 || !rep.Active || !rep.IPv4 || !rep.IPv6 || rep.State != 0 {
		t.Errorf("v6 reply %+v", rep)
	}
}

func TestInterfaceInfoFixture(t *testing.T) {
	e, ok := decodeFixture(t, "v4_ttl_exceeded_rfc5837").ICMP.Error()
	if !ok || e.Ext.Sum.Status != ChecksumGood {
		t.Fatalf("no good extension structure: %+v", e.Ext)
	}
	it := e.Ext.Objects()
	if !it.Next() {
		t.Fatal(it.Err())
	}
	ii, err := it.Object().InterfaceInfo()
	if err != nil {
		t.Fatal(err)
	}
	// tshark: role incoming, ifIndex 15, address 10.10.10.10, a name
	// sub-object of 64 bytes, no MTU.
	if ii.Role != RoleIncoming || !ii.HasIndex || ii.Index != 15 || !ii.HasAddr || ii.Addr != netip.MustParseAddr("10.10.10.10") || !ii.HasName || ii.HasMTU {
		t.Errorf("interface info %+v", ii)
	}
	// Building it again from the decoded fields gives the same object.
	obj := it.Object()
	b := AppendInterfaceInfoObject(nil, ii)
	want := e.Ext.ObjectBytes[:obj.Length]
	if string(b) != string(want) {
		t.Errorf("rebuilt object\n got % x\nwant % x", b, want)
	}
}

func TestNDPFixtures(t *testing.T) {
	ra, ok := decodeFixture(t, "v6_router_advert").ICMP.NDP()
	if !ok || ra.Kind() != KindRouterAdvert6 || ra.CurHopLimit != 64 || ra.Flags != NDPFlagHomeAgent || ra.RouterLifetime != 15 {
		t.Fatalf("router advert %+v", ra)
	}
	var types []NDPOptionType
	it := ra.Options()
	for it.Next() {
		o := it.Option()
		types = append(types, o.Type)
		switch o.Type {
		case NDPPrefixInfo:
			p, err := o.PrefixInfo()
			want := NDPPrefixOpt{PrefixLen: 72, Flags: PrefixFlagOnLink | PrefixFlagAutonomous, ValidLifetime: 2592000, PreferredLifetime: 604800, Prefix: netip.MustParseAddr("2222:3333:4444:5555:6600::")}
			if err != nil || p != want {
				t.Errorf("prefix %+v %v, want %+v", p, err, want)
			}
			if p.PrefixBits().String() != "2222:3333:4444:5555:6600::/72" {
				t.Errorf("prefix %v", p.PrefixBits())
			}
		case NDPRDNSS:
			r, err := o.RDNSS()
			if err != nil || r.Lifetime != 5 || r.Len() != 2 || r.Server(0) != netip.MustParseAddr("abcd::efef") || r.Server(1) != netip.MustParseAddr("1234:5678::1") {
				t.Errorf("RDNSS %+v %v", r, err)
			}
		case NDPDNSSL:
			d, err := o.DNSSL()
			names, derr := d.Domains(nil)
			if err != nil || derr != nil || !slices.Equal(names, []string{"example.com", "example.org", "dom1.dom2.tld"}) {
				t.Errorf("DNSSL %q %v %v", names, err, derr)
			}
		case NDPMTU:
			if mtu, err := o.MTU(); err != nil || mtu != 100 {
				t.Errorf("MTU %d %v", mtu, err)
			}
		case NDPSourceLinkAddr:
			if a, err := o.LinkAddr(); err != nil || string(a) != "\xb0\x99\x28\xc8\xd6\x6c" {
				t.Errorf("link address % x %v", a, err)
			}
		}
	}
	if it.Err() != nil {
		t.Fatal(it.Err())
	}
	if want := []NDPOptionType{3, 25, 31, 5, 1, 7, 8}; !slices.Equal(types, want) {
		t.Errorf("option types %v, want %v", types, want)
	}
	if _, err := ra.Options().first().MTU(); !errors.Is(err, ErrMalformed) {
		t.Errorf("MTU of a prefix option: %v, want ErrMalformed", err)
	}

	rd, ok := decodeFixture(t, "v6_redirect").ICMP.NDP()
	if !ok || rd.Kind() != KindRedirect6 || rd.Target != netip.MustParseAddr("fe80::cafe") || rd.Destination != netip.MustParseAddr("fe80::babe") {
		t.Errorf("redirect %+v", rd)
	}
	na, ok := decodeFixture(t, "v6_neighbor_advert").ICMP.NDP()
	if !ok || na.NAFlags != NAFlagRouter|NAFlagSolicited|NAFlagOverride || na.Target != netip.MustParseAddr("2001:2:0:1::1") {
		t.Errorf("neighbor advert %+v", na)
	}
	ns, ok := decodeFixture(t, "v6_neighbor_solicit").ICMP.NDP()
	if !ok || ns.Target != netip.MustParseAddr("2001:2:0:1::1") {
		t.Errorf("neighbor solicitation %+v", ns)
	}
}

// first returns the first option of an iterator (the zero option if none).
func (it NDPOptionIter) first() NDPOption {
	it.Next()
	return it.Option()
}

func TestMLDFixtures(t *testing.T) {
	q, ok := decodeFixture(t, "v6_mldv1_query").ICMP.MLDQuery()
	if !ok || q.V2 || q.MaxResponseCode != 10000 || q.Group != netip.IPv6Unspecified() {
		t.Errorf("MLDv1 query %+v", q)
	}
	q, ok = decodeFixture(t, "v6_mldv2_query").ICMP.MLDQuery()
	if !ok || !q.V2 || q.MaxResponseCode != 10000 || q.QRV != 2 || q.QQIC != 60 || q.NumSrcs != 0 {
		t.Errorf("MLDv2 query %+v", q)
	}
	r, ok := decodeFixture(t, "v6_mldv1_report").ICMP.MLDv1()
	if !ok || r.Group != netip.MustParseAddr("ff02::1:ff9a:3b7c") {
		t.Errorf("MLDv1 report %+v", r)
	}
	rep, ok := decodeFixture(t, "v6_mldv2_report").ICMP.MLDv2Report()
	if !ok || rep.NumRecords != 4 {
		t.Fatalf("MLDv2 report %+v", rep)
	}
	var groups []string
	it := rep.Records()
	for it.Next() {
		rec := it.Record()
		if rec.RecordType != MLDModeIsExclude || rec.NumSrcs != 0 {
			t.Errorf("record %+v", rec)
		}
		groups = append(groups, rec.Group.String())
	}
	if it.Err() != nil {
		t.Fatal(it.Err())
	}
	if want := []string{"ff02::db8:1122:3344", "ff02::1:ffcc:e546", "ff02::1:ffa7:10ad", "ff02::1:ff00:2"}; !slices.Equal(groups, want) {
		t.Errorf("groups %v, want %v", groups, want)
	}
}

func TestNodeInfoFixtures(t *testing.T) {
	n, ok := decodeFixture(t, "v6_nodeinfo_query").ICMP.NodeInfo()
	if !ok || n.QType != NIQTypeNodeAddr || n.Flags != 2 || n.Nonce != [8]byte{0x6c, 0x60, 0x3d, 0xed, 0xca, 0x75, 0xca, 0xfb} {
		t.Errorf("query %+v", n)
	}
	if got := addr16(n.Data); got != netip.MustParseAddr("2001:db8::1") {
		t.Errorf("subject %v", got)
	}
	n, ok = decodeFixture(t, "v6_nodeinfo_reply").ICMP.NodeInfo()
	if !ok || len(n.Data) != 3*20 {
		t.Errorf("reply %+v: want 3 (TTL, address) pairs", n)
	}
}

func TestParamProblemAndQuench(t *testing.T) {
	e, ok := decodeFixture(t, "v4_param_problem").ICMP.Error()
	if !ok {
		t.Fatal("not an error")
	}
	// tshark: code 0, "Pointer indicates the error"; the pointer is byte 4
	// of the message (byte 24 of the datagram).
	raw := fixtureByName(t, "v4_param_problem")
	if e.Pointer != uint32(raw[24]) {
		t.Errorf("pointer %d, byte 4 holds %d", e.Pointer, raw[24])
	}
	if _, ok := decodeFixture(t, "v4_source_quench").ICMP.Error(); !ok {
		t.Error("source quench is an error message")
	}
}

func TestNDPOptionDecoders(t *testing.T) {
	// Route information (RFC 4191 2.3): a /48 in a 16-byte option, high preference.
	opts := AppendNDPOption(nil, NDPRouteInfo, append([]byte{48, 0x08, 0, 0, 0x0e, 0x10}, netip.MustParseAddr("2001:2::").AsSlice()[:8]...))
	// Nonce (RFC 3971 5.3.2): 6 bytes.
	opts = AppendNDPOption(opts, NDPNonce, []byte{1, 2, 3, 4, 5, 6})
	// Redirected header: 6 reserved bytes, then the start of a datagram.
	opts = AppendNDPOption(opts, NDPRedirectedHdr, append(make([]byte, 6), 0x60, 0, 0, 0, 0, 8, 58, 64))
	// A DNSSL whose label runs past the option.
	opts = AppendNDPOption(opts, NDPDNSSL, []byte{0, 0, 0, 0, 0, 60, 40, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 0})
	it := NDPOptionIter{b: opts, base: 16}
	var n int
	for it.Next() {
		o := it.Option()
		n++
		switch o.Type {
		case NDPRouteInfo:
			r, err := o.RouteInfo()
			if err != nil || r.PrefixLen != 48 || r.Preference != 1 || r.Lifetime != 3600 || r.Prefix != netip.MustParseAddr("2001:2::") {
				t.Errorf("route info %+v %v", r, err)
			}
		case NDPNonce:
			if b, err := o.Nonce(); err != nil || string(b) != "\x01\x02\x03\x04\x05\x06" {
				t.Errorf("nonce % x %v", b, err)
			}
		case NDPRedirectedHdr:
			if b, err := o.RedirectedHeader(); err != nil || b[0] != 0x60 || len(b) != 8 {
				t.Errorf("redirected header % x %v", b, err)
			}
		case NDPDNSSL:
			d, err := o.DNSSL()
			if err != nil || d.Lifetime != 60 {
				t.Fatalf("DNSSL %+v %v", d, err)
			}
			if _, err := d.Domains(nil); !errors.Is(err, ErrMalformed) {
				t.Errorf("label past the end: %v, want ErrMalformed", err)
			}
		}
		if o.Offset < 16 || o.Length == 0 {
			t.Errorf("option %+v: offset or length wrong", o)
		}
	}
	if it.Err() != nil || n != 4 {
		t.Errorf("%d options, %v", n, it.Err())
	}
	// A route information option too short for its prefix length.
	short := NDPOption{Type: NDPRouteInfo, Length: 1, Data: []byte{64, 0, 0, 0, 0, 0}}
	if _, err := short.RouteInfo(); !errors.Is(err, ErrMalformed) {
		t.Errorf("short route info: %v", err)
	}
}
