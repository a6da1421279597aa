package dissect

import (
	"encoding/binary"
	"net/netip"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// find returns the first node with the field id, depth first.
func find(ns []*Node, field string) *Node {
	for _, n := range ns {
		if n.Field == field {
			return n
		}
		if k := find(n.Kids, field); k != nil {
			return k
		}
	}
	return nil
}

// findAll returns every node with the field id.
func findAll(ns []*Node, field string, out []*Node) []*Node {
	for _, n := range ns {
		if n.Field == field {
			out = append(out, n)
		}
		out = findAll(n.Kids, field, out)
	}
	return out
}

// echoFrame is an Ethernet echo request built with the codec.
func echoFrame(id, seq uint16) []byte {
	m := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: id, Seq: seq, Data: []byte("abcdefgh")})
	h := codec.IPv4Header{TotalLength: uint16(20 + len(m)), ID: 1, Flags: codec.IPv4FlagDF, TTL: 64, Protocol: codec.ProtoICMP,
		Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.0.2")}
	ip := append(h.AppendHeader(nil), m...)
	eth := []byte{2, 0, 0, 0, 0, 0xb, 2, 0, 0, 0, 0, 0xa, 0x08, 0x00}
	return append(eth, ip...)
}

func TestSubByteFieldsHaveExactRangesAndMasks(t *testing.T) {
	f := Dissect(echoFrame(0x1234, 1), LayerEthernet, Options{})
	cases := []struct {
		field  string
		off, n int
		mask   uint32
		value  string
	}{
		{"ip.version", 14, 1, 0xf0, "4"},
		{"ip.hdr_len", 14, 1, 0x0f, "20 bytes (5)"},
		{"ip.dsfield.dscp", 15, 1, 0xfc, "0"},
		{"ip.dsfield.ecn", 15, 1, 0x03, "0"},
		{"ip.flags.df", 20, 1, 0x40, "Set"},
		{"ip.flags.mf", 20, 1, 0x20, "Not set"},
		{"ip.frag_offset", 20, 2, 0x1fff, "0 (0 bytes)"},
		{"ip.ttl", 22, 1, 0, "64"},
		{"icmp.type", 34, 1, 0, "8 (" + codec.TypeName(codec.IPv4, 8) + ")"},
		{"icmp.ident", 38, 2, 0, "4660 (0x1234)"},
		{"icmp.seq", 40, 2, 0, "1 (0x0001)"},
	}
	type place struct {
		Offset, Length int
		Mask           uint32
		Value          string
	}
	for _, c := range cases {
		n := find(f.Root, c.field)
		if !assert.NotNil(t, n, "%s: no node", c.field) {
			continue
		}
		assert.Equal(t, place{c.off, c.n, c.mask, c.value}, place{n.Offset, n.Length, n.Mask, n.Value}, c.field)
	}
	assert.Equal(t, []string{"eth", "ip", "icmp"}, f.Layers)
	require.NotNil(t, f.ICMP)
	assert.True(t, f.ICMP.HasID)
	assert.Equal(t, uint16(0x1234), f.ICMP.ID)
	assert.Equal(t, codec.ChecksumGood, f.ICMP.Checksum.Status)
	assert.Empty(t, f.Errors, "errors on a clean frame")
}

func TestBadChecksumsNameTheRightValue(t *testing.T) {
	b := echoFrame(1, 1)
	good := binary.BigEndian.Uint16(b[36:])
	b[36] ^= 0xff // ICMP checksum
	ipGood := binary.BigEndian.Uint16(b[24:])
	b[24] ^= 0x01 // IPv4 header checksum
	f := Dissect(b, LayerEthernet, Options{})
	require.NotNil(t, f.ICMP)
	assert.Equal(t, codec.ChecksumBad, f.ICMP.Checksum.Status)
	assert.Equal(t, good, f.ICMP.Checksum.Want)
	ipck := find(f.Root, "ip.checksum")
	require.NotNil(t, ipck)
	assert.Contains(t, ipck.Value, "should be 0x"+hex4(ipGood))
	assert.Len(t, f.Notes, 2, "two warnings")
	assert.Empty(t, f.Errors)
	rec := f.Record()
	if assert.NotNil(t, rec.ICMP.ChecksumOK) {
		assert.False(t, *rec.ICMP.ChecksumOK)
	}
}

func hex4(v uint16) string {
	const d = "0123456789abcdef"
	return string([]byte{d[v>>12], d[v>>8&15], d[v>>4&15], d[v&15]})
}

func TestLyingTotalLengthIsAnErrorAtItsOffset(t *testing.T) {
	b := echoFrame(1, 1)
	binary.BigEndian.PutUint16(b[16:], 9999)
	f := Dissect(b, LayerEthernet, Options{})
	if len(f.Errors) != 1 || f.Errors[0].Offset != 16 || !strings.Contains(f.Errors[0].Message, "9999 exceeds the 36 captured bytes") {
		t.Fatalf("errors %v", f.Errors)
	}
	// A snap length cut is not the packet's fault: a note, not an error.
	f = Dissect(echoFrame(1, 1)[:40], LayerEthernet, Options{Len: 64})
	if len(f.Errors) != 0 || f.ICMP == nil || f.ICMP.Checksum.Status != codec.ChecksumUnverified {
		t.Fatalf("snap-cut frame: errors %v, icmp %+v", f.Errors, f.ICMP)
	}
}

func TestUndissectableBytesStillShow(t *testing.T) {
	for _, l := range []Layer{LayerEthernet, LayerIPv4, LayerIPv6, LayerSLL2, LayerData} {
		f := Dissect([]byte{0xde, 0xad, 0xbe}, l, Options{})
		if err := checkTree(f); err != nil {
			t.Errorf("%s: %v", l, err)
		}
		if len(f.Root) == 0 {
			t.Errorf("%s: no node", l)
		}
	}
}

// Regressions found by FuzzDissect.
func TestFuzzRegressions(t *testing.T) {
	for name, c := range map[string]struct {
		b []byte
		l Layer
	}{
		"null header alone":  {[]byte{2, 0, 0, 0}, LayerNull},
		"udp length zero":    {seedBytes("4500001c0000000040110000c6120001c6120002" + "0001000200000000"), LayerIPv4},
		"ipv6 only a header": {seedBytes("6000000000003a40" + strings.Repeat("00", 32)), LayerIPv6},
	} {
		f := Dissect(c.b, c.l, Options{})
		if err := checkTree(f); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestNullLoopbackBothByteOrders(t *testing.T) {
	ip := echoFrame(7, 7)[14:]
	for _, hdr := range [][]byte{{2, 0, 0, 0}, {0, 0, 0, 2}} {
		f := Dissect(append(append([]byte{}, hdr...), ip...), LayerNull, Options{})
		if f.ICMP == nil || f.ICMP.ID != 7 {
			t.Errorf("header % x: ICMP %+v layers %v", hdr, f.ICMP, f.Layers)
		}
	}
}

func TestDeepTunnelsStopAtTheLimit(t *testing.T) {
	inner := echoFrame(1, 1)[14:]
	for i := 0; i < 200; i++ {
		h := codec.IPv4Header{TotalLength: uint16(20 + len(inner)), TTL: 64, Protocol: codec.ProtoIPv4,
			Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.0.2")}
		if 20+len(inner) > 0xffff {
			break
		}
		inner = append(h.AppendHeader(nil), inner...)
	}
	f := Dissect(inner, LayerIPv4, Options{})
	if f.ICMP != nil {
		t.Errorf("ICMP found below %d tunnels", 200)
	}
	if len(f.Errors) == 0 || !strings.Contains(f.Errors[len(f.Errors)-1].Message, "nesting deeper") {
		t.Errorf("no depth-limit error: %v", f.Errors)
	}
	// Within the limit, the inner ICMP is found.
	two := echoFrame(1, 1)[14:]
	for i := 0; i < 2; i++ {
		h := codec.IPv4Header{TotalLength: uint16(20 + len(two)), TTL: 64, Protocol: codec.ProtoIPv4,
			Src: netip.MustParseAddr("198.18.9.1"), Dst: netip.MustParseAddr("198.18.9.2")}
		two = append(h.AppendHeader(nil), two...)
	}
	f = Dissect(two, LayerIPv4, Options{})
	if f.ICMP == nil || f.ICMP.Src.String() != "198.18.0.1" || strings.Join(f.Layers, ":") != "ip:ip:ip:icmp" {
		t.Errorf("IP-in-IP: layers %v icmp %+v", f.Layers, f.ICMP)
	}
}

func TestReassemblyInAnyOrderAndBounded(t *testing.T) {
	big := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 9, Seq: 9, Data: make([]byte, 2000)})
	frag := func(off, end int, mf bool, id uint16) []byte {
		fl := uint8(0)
		if mf {
			fl = codec.IPv4FlagMF
		}
		h := codec.IPv4Header{TotalLength: uint16(20 + end - off), ID: id, Flags: fl, FragOff: uint16(off / 8), TTL: 64,
			Protocol: codec.ProtoICMP, Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.0.2")}
		return append(h.AppendHeader(nil), big[off:end]...)
	}
	ra := NewReassembler()
	parts := [][]byte{frag(1000, len(big), false, 5), frag(0, 1000, true, 5)}
	f1 := Dissect(parts[0], LayerIPv4, Options{Number: 1, Reassembler: ra})
	if f1.ICMP != nil || find(f1.Root, "ip.fragment") == nil {
		t.Fatalf("first frame: %+v", f1.Layers)
	}
	f2 := Dissect(parts[1], LayerIPv4, Options{Number: 2, Reassembler: ra})
	if f2.ICMP == nil || f2.ICMP.ID != 9 || f2.ICMP.Checksum.Status != codec.ChecksumGood || len(f2.Sources) != 1 || len(f2.Sources[0].Data) != len(big) {
		t.Fatalf("completing frame: icmp %+v sources %d", f2.ICMP, len(f2.Sources))
	}
	if n := find(f2.Root, "icmp.ident"); n == nil || n.Source != 1 {
		t.Errorf("reassembled ICMP nodes must point into source 1: %+v", n)
	}
	if d, _ := ra.Pending(); d != 0 {
		t.Errorf("%d datagrams still pending", d)
	}
	small := &Reassembler{MaxDatagrams: 3, MaxBytes: 1 << 20}
	for id := uint16(0); id < 50; id++ {
		Dissect(frag(0, 1000, true, id), LayerIPv4, Options{Reassembler: small})
	}
	if d, _ := small.Pending(); d > 3 {
		t.Errorf("bounded reassembler holds %d datagrams", d)
	}
}

func TestErrorSentenceAndQuotedFlow(t *testing.T) {
	src, dst, rtr := netip.MustParseAddr("198.18.0.2"), netip.MustParseAddr("198.18.1.9"), netip.MustParseAddr("198.18.0.1")
	u := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33435}, make([]byte, 12), src, dst)
	qh := codec.IPv4Header{TotalLength: uint16(20 + len(u)), TTL: 1, Protocol: codec.ProtoUDP, Src: src, Dst: dst}
	quote := append(qh.AppendHeader(nil), u...)
	te := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded}, codec.ErrorBody{Quote: quote[:28]})
	oh := codec.IPv4Header{TotalLength: uint16(20 + len(te)), TTL: 64, Protocol: codec.ProtoICMP, Src: rtr, Dst: src}
	f := Dissect(append(oh.AppendHeader(nil), te...), LayerAuto, Options{})
	want := "your UDP probe to 198.18.1.9 port 33435 with TTL 1 expired at 198.18.0.1"
	if f.ICMP == nil || f.ICMP.Sentence != want {
		t.Fatalf("sentence %q, want %q", f.ICMP.Sentence, want)
	}
	q := f.Record().ICMP.Quoted
	if q == nil || q.Dst != "198.18.1.9" || q.Dport == nil || *q.Dport != 33435 || q.Proto != int(codec.ProtoUDP) {
		t.Fatalf("quoted %+v", q)
	}
	if got := strings.Join(f.Layers, ":"); got != "ip:icmp:ip:udp" {
		t.Errorf("layers %s", got)
	}
	// The quoted header's checksum is verified, its UDP checksum is not.
	if n := findAll(f.Root, "ip.checksum", nil); len(n) != 2 || !strings.Contains(n[1].Value, "[correct]") {
		t.Errorf("quoted IPv4 checksum nodes %v", n)
	}
	if n := find(f.Root, "udp.checksum"); n == nil || !strings.Contains(n.Value, "unverified") {
		t.Errorf("quoted UDP checksum %+v", n)
	}
}

func TestParseLayerAndLinkTypes(t *testing.T) {
	for s, want := range map[string]Layer{"eth": LayerEthernet, "ipv4": LayerIPv4, "icmp6": LayerICMPv6, "raw": LayerIP, "auto": LayerAuto} {
		if l, ok := ParseLayer(s); !ok || l != want {
			t.Errorf("ParseLayer(%q) = %v %v", s, l, ok)
		}
	}
	if _, ok := ParseLayer("token-ring"); ok {
		t.Error("unknown layer accepted")
	}
	for lt, want := range map[uint32]Layer{1: LayerEthernet, 113: LayerSLL, 276: LayerSLL2, 101: LayerIP, 0: LayerNull, 9: LayerPPP} {
		if l, ok := LayerForLinkType(lt); !ok || l != want {
			t.Errorf("link type %d: %v %v", lt, l, ok)
		}
	}
	if l, ok := LayerForLinkType(147); ok || l != LayerData {
		t.Errorf("unknown link type: %v %v", l, ok)
	}
}
