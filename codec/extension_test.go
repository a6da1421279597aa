package codec

import (
	"bytes"
	"errors"
	"net/netip"
	"testing"
)

// probeQuote is the start of a UDP traceroute probe as routers quote it: an
// IPv4 header and the 8-byte UDP header (28 bytes).
var probeQuote = mustHex(`
	4500 003c 1c46 4000 0111 0000 c612 0102 c612 0202
	829b 829a 0028 1234`)

// buildTimeExceeded builds an ICMP time exceeded with one MPLS object.
func buildTimeExceeded(f Family, quote []byte, labels ...MPLSEntry) []byte {
	ext := NewExtensions(nil, AppendMPLSObject(nil, labels...))
	h := Header{Family: f, Type: ICMPv4TimeExceeded}
	if f == IPv6 {
		h.Type = ICMPv6TimeExceeded
	}
	return Append(nil, h, ErrorBody{Quote: quote, Ext: ext})
}

func TestExtensionLayouts(t *testing.T) {
	entry := MPLSEntry{Label: 100704, TC: 5, S: true, TTL: 1}
	compliant := buildTimeExceeded(IPv4, probeQuote, entry)
	if compliant[5] != 32 || len(compliant) != 8+128+4+8 {
		t.Fatalf("built message: length field %d, %d bytes; want 32 words and 148 bytes", compliant[5], len(compliant))
	}
	// A pre-RFC 4884 router: same bytes, length field 0.
	legacy := bytes.Clone(compliant)
	legacy[5] = 0
	// trippy issue 804: a length field that disagrees with where the
	// extensions are (17 words = 68 bytes, inside the quote).
	disagreeing := bytes.Clone(compliant)
	disagreeing[5] = 17
	// The extension checksum broken: RFC layout kept (the length field says
	// so and the objects chain), with a bad verdict.
	badSum := bytes.Clone(compliant)
	badSum[8+128+2] ^= 0x5a
	// The same at offset 128 without a length: just quoted data.
	badLegacy := bytes.Clone(badSum)
	badLegacy[5] = 0
	// Version 1 at the offset: not an extension structure.
	badVersion := bytes.Clone(compliant)
	badVersion[8+128] = 0x10

	v6 := buildTimeExceeded(IPv6, probeQuote, entry)
	// The quoted header says the probe was 60 bytes: padding is what lies
	// beyond that, so the quote keeps 60 (the router's 28 and 32 zeros it
	// cannot tell from payload).
	const quoted = 60

	tests := []struct {
		name     string
		f        Family
		b        []byte
		layout   ExtLayout
		sum      ChecksumStatus
		quoteLen int
	}{
		{"RFC 4884", IPv4, compliant, ExtRFC4884, ChecksumGood, quoted},
		{"legacy, length 0", IPv4, legacy, ExtLegacy, ChecksumGood, quoted},
		{"legacy, length disagrees", IPv4, disagreeing, ExtLegacy, ChecksumGood, quoted},
		{"RFC 4884, bad checksum", IPv4, badSum, ExtRFC4884, ChecksumBad, quoted},
		{"offset 128, bad checksum, no length", IPv4, badLegacy, ExtNone, 0, 140},
		{"version 1", IPv4, badVersion, ExtNone, 0, 140},
		{"ICMPv6 RFC 4884", IPv6, v6, ExtRFC4884, ChecksumGood, quoted},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, fix := range []bool{false, true} {
				b := bytes.Clone(tt.b)
				if fix { // recompute the ICMP checksum over the edit: same verdicts
					b[2], b[3] = 0, 0
					put16(b[2:], Checksum(b))
				}
				m, err := Parse(tt.f, b, netip.Addr{}, netip.Addr{})
				if err != nil {
					t.Fatal(err)
				}
				e, ok := m.Error()
				if !ok {
					t.Fatal("not an error")
				}
				if e.Ext.Layout != tt.layout || len(e.Quote) != tt.quoteLen {
					t.Fatalf("layout %v, quote %d bytes; want %v, %d", e.Ext.Layout, len(e.Quote), tt.layout, tt.quoteLen)
				}
				if tt.layout != ExtNone {
					if e.Ext.Sum.Status != tt.sum || e.Ext.Offset != 8+128 {
						t.Errorf("extension checksum %v at %d, want %v at 136", e.Ext.Sum.Status, e.Ext.Offset, tt.sum)
					}
					it := e.Ext.Objects()
					if !it.Next() || it.Object().MPLSEntry(0) != entry || it.Next() || it.Err() != nil {
						t.Errorf("MPLS object not found intact: %v", it.Err())
					}
				}
				if k, err := m.QuotedFlow(); err != nil || k.DstPort != 33434 || k.SrcPort != 33435 || !k.Complete {
					t.Errorf("flow %+v %v", k, err)
				}
				if got := Append(nil, m.Header(), e); !bytes.Equal(got, b) {
					t.Errorf("round trip\n got % x\nwant % x", got, b)
				}
			}
		})
	}
}

func TestExtensionLongQuote(t *testing.T) {
	quote := make([]byte, 201)
	copy(quote, probeQuote)
	quote[2], quote[3] = 0, 201 // total length covers it all: nothing to trim
	for _, f := range []Family{IPv4, IPv6} {
		b := buildTimeExceeded(f, quote, MPLSEntry{Label: 16, S: true, TTL: 255})
		w := 4
		idx := 5
		if f == IPv6 {
			w, idx = 8, 4
		}
		region := (201 + w - 1) / w * w
		if int(b[idx])*w != region {
			t.Errorf("%v: length field %d words, want %d bytes", f, b[idx], region)
		}
		m, err := Parse(f, b, netip.Addr{}, netip.Addr{})
		e, _ := m.Error()
		if err != nil || e.Ext.Layout != ExtRFC4884 || len(e.Quote) != 201 || e.Ext.Offset != 8+region {
			t.Errorf("%v: %v layout %v quote %d offset %d", f, err, e.Ext.Layout, len(e.Quote), e.Ext.Offset)
		}
	}
}

func TestObjectIterErrors(t *testing.T) {
	tests := []struct {
		name    string
		objects []byte
		n       int
		err     error
		off     int
	}{
		{"clean", mustHex("0008 0101 0189 6011"), 1, nil, 0},
		{"short header", mustHex("0008 0101 0189 6011 00"), 1, ErrTruncated, 100 + 4 + 8},
		{"length below 4", mustHex("0002 0101"), 0, ErrMalformed, 104},
		{"length past end", mustHex("0008 0101 0189 6011 0010 0101 0000 0000"), 1, ErrBadLength, 112},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := Extensions{Layout: ExtRFC4884, Offset: 100, ObjectBytes: tt.objects}.Objects()
			n := 0
			for it.Next() {
				n++
			}
			if n != tt.n || !errors.Is(it.Err(), tt.err) {
				t.Fatalf("%d objects, err %v; want %d, %v", n, it.Err(), tt.n, tt.err)
			}
			var pe *ParseError
			if tt.err != nil && (!errors.As(it.Err(), &pe) || pe.Offset != tt.off || pe.Layer != "extension") {
				t.Errorf("error %v, want offset %d", it.Err(), tt.off)
			}
		})
	}
}

func TestAppendExtensionsMatchesNewExtensions(t *testing.T) {
	objs := AppendMPLSObject(nil, MPLSEntry{Label: 1, TTL: 2}, MPLSEntry{Label: 0xfffff, TC: 7, S: true, TTL: 255})
	objs = AppendInterfaceInfoObject(objs, InterfaceInfo{Role: RoleOutgoing, HasMTU: true, MTU: 9000})
	ext := NewExtensions(make([]byte, 0, 64), objs)
	var list []ExtObject
	it := ext.Objects()
	for it.Next() {
		list = append(list, it.Object())
	}
	if it.Err() != nil || len(list) != 2 {
		t.Fatalf("%d objects, %v", len(list), it.Err())
	}
	a := AppendExtensions(nil, list...)
	b := ext.appendTo(nil)
	if !bytes.Equal(a, b) || Checksum(a) != 0 {
		t.Errorf("AppendExtensions % x\nNewExtensions    % x", a, b)
	}
	if e := list[0].MPLSEntry(1); e != (MPLSEntry{Label: 0xfffff, TC: 7, S: true, TTL: 255}) {
		t.Errorf("second label %+v", e)
	}
	if list[0].MPLSEntry(2) != (MPLSEntry{}) || list[1].MPLSLen() != 0 {
		t.Error("out-of-range entry or non-MPLS object decoded")
	}
}

func TestInterfaceObjectsRoundTrip(t *testing.T) {
	infos := []InterfaceInfo{
		{Role: RoleIncoming, HasIndex: true, Index: 7, HasAddr: true, Addr: netip.MustParseAddr("198.18.0.1"), HasName: true, Name: "ge-0/0/0.0", HasMTU: true, MTU: 1500},
		{Role: RoleNextHop, HasAddr: true, Addr: netip.MustParseAddr("2001:2::1")},
		{Role: RoleSubIP, HasName: true, Name: "abc"},
		{Role: RoleOutgoing},
	}
	for _, ii := range infos {
		b := AppendInterfaceInfoObject(nil, ii)
		it := NewExtensions(nil, b).Objects()
		if !it.Next() {
			t.Fatalf("%+v: %v", ii, it.Err())
		}
		got, err := it.Object().InterfaceInfo()
		if err != nil || got != ii {
			t.Errorf("interface info\n got %+v %v\nwant %+v", got, err, ii)
		}
		if len(b)%4 != 0 {
			t.Errorf("object of %d bytes is not 32-bit aligned", len(b))
		}
	}
	idents := []InterfaceIdent{
		{CType: IdentByName, Name: "eth0"},
		{CType: IdentByName, Name: "fxp0.0"},
		{CType: IdentByIndex, Index: 42},
		{CType: IdentByAddress, AFI: AFIIPv4, PrefixLen: 4, Addr: netip.MustParseAddr("198.18.0.9")},
		{CType: IdentByAddress, AFI: AFIIPv6, PrefixLen: 16, Addr: netip.MustParseAddr("2001:2::9")},
	}
	for _, id := range idents {
		// Build a whole PROBE and parse it back.
		req := ExtendedEchoRequest{ID: 0x1234, Seq: 9, Local: true, Ext: NewExtensions(nil, AppendInterfaceIdentObject(nil, id))}
		msg := Append(nil, Header{Family: IPv4, Type: ICMPv4ExtendedEchoRequest}, req)
		m, err := ParseICMPv4(msg)
		if err != nil || m.Sum.Status != ChecksumGood {
			t.Fatalf("%+v: %v %v", id, err, m.Sum.Status)
		}
		r, _ := m.ExtendedEchoRequest()
		it := r.Ext.Objects()
		it.Next()
		got, err := it.Object().InterfaceIdent()
		if err != nil || got != id || r.ID != 0x1234 || r.Seq != 9 || !r.Local || r.Ext.Sum.Status != ChecksumGood {
			t.Errorf("ident\n got %+v %v (request %+v)\nwant %+v", got, err, r, id)
		}
		// With CType 0 the form is inferred from the fields.
		id.CType, id.AFI, id.PrefixLen = 0, 0, 0
		if b := AppendInterfaceIdentObject(nil, id); !bytes.Equal(b, AppendInterfaceIdentObject(nil, got)) {
			t.Errorf("inferred form differs for %+v", got)
		}
	}
}
