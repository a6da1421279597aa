package codec

import (
	"math/rand/v2"
	"net/netip"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"golang.org/x/net/icmp"
	"golang.org/x/net/ipv4"
	"golang.org/x/net/ipv6"
)

// Differential tests: icmplab against golang.org/x/net/icmp and gopacket's
// layers, on the fixtures and on random well-formed messages.

// mplsLabels lists the MPLS labels of a parsed message's extensions.
func mplsLabels(m Message) []MPLSEntry {
	e, ok := m.Error()
	if !ok {
		return nil
	}
	var out []MPLSEntry
	it := e.Ext.Objects()
	for it.Next() {
		o := it.Object()
		for i := range o.MPLSLen() {
			out = append(out, o.MPLSEntry(i))
		}
	}
	return out
}

// xnetLabels lists the MPLS labels x/net found.
func xnetLabels(b icmp.MessageBody) []MPLSEntry {
	var exts []icmp.Extension
	switch v := b.(type) {
	case *icmp.TimeExceeded:
		exts = v.Extensions
	case *icmp.DstUnreach:
		exts = v.Extensions
	case *icmp.ParamProb:
		exts = v.Extensions
	}
	var out []MPLSEntry
	for _, e := range exts {
		if s, ok := e.(*icmp.MPLSLabelStack); ok {
			for _, l := range s.Labels {
				out = append(out, MPLSEntry{Label: uint32(l.Label), TC: uint8(l.TC), S: l.S, TTL: uint8(l.TTL)})
			}
		}
	}
	return out
}

// diffStats counts what the comparisons covered, so a test can insist the
// other implementation did not just reject everything.
type diffStats struct {
	xnet, xnetLabels, gopacket int
	// headersOnly skips the extension comparison: on arbitrary bytes x/net,
	// which checks no extension checksum, may take another structure than
	// the one whose checksum verifies.
	headersOnly bool
}

// compareXNet checks what x/net/icmp reads from msg against m.
func compareXNet(t *testing.T, m Message, st *diffStats) {
	t.Helper()
	proto := 1
	if m.Family == IPv6 {
		proto = 58
	}
	x, err := icmp.ParseMessage(proto, m.Bytes())
	if err != nil {
		// x/net is stricter in places (it rejects some bodies); those are
		// only compared where it accepts.
		return
	}
	st.xnet++
	// x/net's Type is ipv4.ICMPType or ipv6.ICMPType; both print as names,
	// so compare the byte it was read from through its Protocol-specific value.
	if xtype(x.Type) != int(m.Type) || x.Code != int(m.Code) || x.Checksum != int(m.Checksum) {
		t.Errorf("x/net: type %v code %d checksum 0x%04x; icmplab %d %d 0x%04x", x.Type, x.Code, x.Checksum, m.Type, m.Code, m.Checksum)
	}
	if xe, ok := x.Body.(*icmp.Echo); ok {
		e, ok := m.Echo()
		if !ok || int(e.ID) != xe.ID || int(e.Seq) != xe.Seq || len(e.Data) != len(xe.Data) {
			t.Errorf("x/net echo id %d seq %d len %d; icmplab %+v", xe.ID, xe.Seq, len(xe.Data), e)
		}
		if x.Body.Len(proto) != len(m.Body()) {
			t.Errorf("x/net body length %d, icmplab %d", x.Body.Len(proto), len(m.Body()))
		}
	}
	if st.headersOnly {
		return
	}
	// x/net finds extensions only at the RFC 4884 offset or, with a zero
	// length field, at 128; where both find MPLS labels they must agree.
	xl, ml := xnetLabels(x.Body), mplsLabels(m)
	if len(xl) > 0 && len(ml) > 0 {
		st.xnetLabels++
		if len(xl) != len(ml) {
			t.Errorf("x/net labels %v, icmplab %v", xl, ml)
		}
		for i := range min(len(xl), len(ml)) {
			if xl[i] != ml[i] {
				t.Errorf("label %d: x/net %+v, icmplab %+v", i, xl[i], ml[i])
			}
		}
	}
}

// compareGopacket checks what gopacket's ICMP layers read.
func compareGopacket(t *testing.T, m Message, st *diffStats) {
	t.Helper()
	b := m.Bytes()
	if m.Family == IPv4 {
		var l layers.ICMPv4
		if err := l.DecodeFromBytes(b, gopacket.NilDecodeFeedback); err != nil {
			return
		}
		st.gopacket++
		if l.TypeCode.Type() != uint8(m.Type) || l.TypeCode.Code() != uint8(m.Code) || l.Checksum != m.Checksum {
			t.Errorf("gopacket: %v checksum 0x%04x; icmplab %d/%d 0x%04x", l.TypeCode, l.Checksum, m.Type, m.Code, m.Checksum)
		}
		if e, ok := m.Echo(); ok && (l.Id != e.ID || l.Seq != e.Seq) {
			t.Errorf("gopacket id %d seq %d; icmplab %d %d", l.Id, l.Seq, e.ID, e.Seq)
		}
		return
	}
	var l layers.ICMPv6
	if err := l.DecodeFromBytes(b, gopacket.NilDecodeFeedback); err != nil {
		return
	}
	st.gopacket++
	if l.TypeCode.Type() != uint8(m.Type) || l.TypeCode.Code() != uint8(m.Code) || l.Checksum != m.Checksum {
		t.Errorf("gopacket: %v checksum 0x%04x; icmplab %d/%d 0x%04x", l.TypeCode, l.Checksum, m.Type, m.Code, m.Checksum)
	}
	if e, ok := m.Echo(); ok {
		var ee layers.ICMPv6Echo
		if err := ee.DecodeFromBytes(l.Payload, gopacket.NilDecodeFeedback); err != nil || ee.Identifier != e.ID || ee.SeqNumber != e.Seq {
			t.Errorf("gopacket echo id %d seq %d (%v); icmplab %d %d", ee.Identifier, ee.SeqNumber, err, e.ID, e.Seq)
		}
	}
}

// xtype reads the number out of x/net's ICMPType values.
func xtype(t icmp.Type) int {
	switch v := t.(type) {
	case ipv4.ICMPType:
		return int(v)
	case ipv6.ICMPType:
		return int(v)
	}
	return -1
}

func TestDifferentialFixtures(t *testing.T) {
	var st diffStats
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			p, _ := DecodeIP(f.ip)
			compareXNet(t, p.ICMP, &st)
			compareGopacket(t, p.ICMP, &st)
		})
	}
	t.Logf("compared with x/net %d (MPLS labels %d), gopacket %d of %d fixtures", st.xnet, st.xnetLabels, st.gopacket, len(fixtures))
	// x/net rejects a few bodies it is strict about; gopacket takes all.
	if st.xnet < len(fixtures)*3/4 || st.gopacket != len(fixtures) || st.xnetLabels < 2 {
		t.Errorf("compared %+v of %d fixtures; want most with x/net (2 with labels), all with gopacket", st, len(fixtures))
	}
}

// randomMessage builds a random well-formed message of a kind both other
// implementations decode: echo, or an error with or without MPLS labels.
func randomMessage(r *rand.Rand) (Family, []byte) {
	f := IPv4
	if r.IntN(2) == 1 {
		f = IPv6
	}
	data := make([]byte, r.IntN(200))
	for i := range data {
		data[i] = byte(r.Uint32())
	}
	h := Header{Family: f}
	if r.IntN(2) == 0 {
		h.Type = ICMPv4EchoRequest
		if f == IPv6 {
			h.Type = ICMPv6EchoRequest
		}
		return f, Append(nil, h, Echo{ID: uint16(r.Uint32()), Seq: uint16(r.Uint32()), Data: data})
	}
	h.Type, h.Code = ICMPv4TimeExceeded, Code(r.IntN(2))
	if f == IPv6 {
		h.Type = ICMPv6TimeExceeded
	}
	body := ErrorBody{Quote: append(probeQuote[:len(probeQuote):len(probeQuote)], data...)}
	if r.IntN(2) == 0 {
		n := 1 + r.IntN(4)
		entries := make([]MPLSEntry, n)
		for i := range entries {
			entries[i] = MPLSEntry{Label: r.Uint32() & 0xfffff, TC: uint8(r.IntN(8)), TTL: uint8(r.Uint32()), S: i == n-1}
		}
		body.Ext = NewExtensions(nil, AppendMPLSObject(nil, entries...))
	}
	return f, Append(nil, h, body)
}

func TestDifferentialRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	var st diffStats
	withLabels := 0
	const n = 500
	for range n {
		f, b := randomMessage(r)
		m, err := Parse(f, b, netip.Addr{}, netip.Addr{})
		if err != nil {
			t.Fatalf("% x: %v", b, err)
		}
		if len(mplsLabels(m)) > 0 {
			withLabels++
		}
		compareXNet(t, m, &st)
		compareGopacket(t, m, &st)
		if t.Failed() {
			t.Fatalf("message % x", b)
		}
	}
	if withLabels == 0 || st.xnet != n || st.gopacket != n || st.xnetLabels != withLabels {
		t.Errorf("compared %+v of %d messages, %d with labels", st, n, withLabels)
	}
}
