package codec

import (
	"bytes"
	"errors"
	"net/netip"
	"reflect"
	"testing"
)

// Fuzz targets. Seeds: every fixture (added here) and the corpus committed
// under testdata/fuzz/<Name>/, which keeps any input that once failed.

var fuzzSrc6, fuzzDst6 = netip.MustParseAddr("2001:2::1"), netip.MustParseAddr("2001:2::2")

// fuzzFamily maps a fuzzed bool to a family.
func fuzzFamily(v6 bool) Family {
	if v6 {
		return IPv6
	}
	return IPv4
}

// addMessageSeeds adds each fixture's ICMP message.
func addMessageSeeds(f *testing.F) {
	for _, fx := range fixtures {
		p, _ := DecodeIP(fx.ip)
		f.Add(p.Family == IPv6, p.Payload)
	}
}

// checkParseError insists err is nil or a *ParseError with a sentinel.
func checkParseError(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Err == nil || pe.Layer == "" || pe.Offset < 0 {
		t.Fatalf("error %#v is not a complete *ParseError", err)
	}
}

// exercise calls every accessor of a message, as a dissector would.
func exercise(t *testing.T, m Message) {
	_, _ = m.QuotedFlow()
	if e, ok := m.Error(); ok {
		it := e.Ext.Objects()
		for it.Next() {
			o := it.Object()
			for i := range o.MPLSLen() + 1 {
				_ = o.MPLSEntry(i)
			}
			_, err := o.InterfaceInfo()
			checkParseError(t, err)
			_, err = o.InterfaceIdent()
			checkParseError(t, err)
		}
		checkParseError(t, it.Err())
	}
	if r, ok := m.ExtendedEchoRequest(); ok {
		it := r.Ext.Objects()
		for it.Next() {
			_, err := it.Object().InterfaceIdent()
			checkParseError(t, err)
		}
		checkParseError(t, it.Err())
	}
	if n, ok := m.NDP(); ok {
		it := n.Options()
		for it.Next() {
			o := it.Option()
			_, _ = o.LinkAddr()
			_, _ = o.PrefixInfo()
			_, _ = o.MTU()
			_, _ = o.RedirectedHeader()
			_, _ = o.Nonce()
			_, _ = o.RouteInfo()
			if r, err := o.RDNSS(); err == nil {
				_ = r.Server(r.Len() - 1)
			}
			if d, err := o.DNSSL(); err == nil {
				_, err = d.Domains(nil)
				checkParseError(t, err)
			}
		}
		if it.Err() != nil {
			t.Fatalf("options of a parsed NDP message fail: %v", it.Err())
		}
	}
	if r, ok := m.MLDv2Report(); ok {
		it := r.Records()
		for it.Next() {
			_ = it.Record().Source(0)
		}
		if it.Err() != nil {
			t.Fatalf("records of a parsed MLDv2 report fail: %v", it.Err())
		}
	}
	if r, ok := m.RouterAdvert4(); ok {
		for i := range int(r.NumAddrs) + 1 {
			_ = r.Entry(i)
		}
	}
	if q, ok := m.MLDQuery(); ok {
		_ = q.Source(int(q.NumSrcs) - 1)
	}
}

func FuzzParse(f *testing.F) {
	addMessageSeeds(f)
	f.Fuzz(func(t *testing.T, v6 bool, b []byte) {
		fam := fuzzFamily(v6)
		m, err := Parse(fam, b, fuzzSrc6, fuzzDst6)
		checkParseError(t, err)
		if err != nil {
			if m.Kind != KindRaw {
				t.Fatalf("error %v with kind %d", err, m.Kind)
			}
		} else if len(b) < 4 {
			t.Fatal("no error for a message under 4 bytes")
		}
		if len(b) >= 4 && (m.Type != Type(b[0]) || m.Code != Code(b[1])) {
			t.Fatal("header not read")
		}
		if m.Kind != KindRaw {
			if _, ok := typedBodyOK(m); !ok {
				t.Fatalf("kind %d but its view is not ok", m.Kind)
			}
		}
		exercise(t, m)
		if err == nil {
			// A second and third implementation read the same header.
			st := diffStats{headersOnly: true}
			compareGopacket(t, m, &st)
			compareXNet(t, m, &st)
		}
	})
}

// typedBodyOK is typedBody without a test to fail.
func typedBodyOK(m Message) (Body, bool) {
	switch m.Kind {
	case KindRaw:
		return m.Raw(), true
	case KindEcho:
		return m.Echo()
	case KindError:
		return m.Error()
	}
	return typedBodyMore(m)
}

func FuzzRoundTrip(f *testing.F) {
	addMessageSeeds(f)
	f.Fuzz(func(t *testing.T, v6 bool, b []byte) {
		fam := fuzzFamily(v6)
		m, err := Parse(fam, b, netip.Addr{}, netip.Addr{})
		if len(b) < 4 {
			return
		}
		body, ok := typedBodyOK(m)
		if !ok {
			t.Fatalf("kind %d: no view", m.Kind)
		}
		if body.Len() != len(b)-4 {
			t.Fatalf("Len %d, body of %d bytes (kind %d)", body.Len(), len(b)-4, m.Kind)
		}
		out := appendBody(nil, m.Header(), body)
		if !bytes.Equal(out, b) {
			t.Fatalf("kind %d (err %v) round trip\n got % x\nwant % x", m.Kind, err, out, b)
		}
		m2, err2 := Parse(fam, out, netip.Addr{}, netip.Addr{})
		if (err == nil) != (err2 == nil) || m2.Kind != m.Kind {
			t.Fatalf("second parse: kind %d err %v; first %d %v", m2.Kind, err2, m.Kind, err)
		}
		body2, _ := typedBodyOK(m2)
		if !reflect.DeepEqual(body, body2) {
			t.Fatalf("views differ\n%+v\n%+v", body, body2)
		}
		// Rebuilt with a computed checksum, the message verifies.
		h := m.Header()
		h.KeepChecksum = false
		h.Src, h.Dst = fuzzSrc6, fuzzDst6
		m3, _ := Parse(fam, appendBody(nil, h, body), fuzzSrc6, fuzzDst6)
		if m3.Sum.Status != ChecksumGood {
			t.Fatalf("rebuilt message checksum %v", m3.Sum)
		}
	})
}

func FuzzDecodeIP(f *testing.F) {
	for _, fx := range fixtures {
		f.Add(fx.ip)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodeIP(b)
		checkParseError(t, err)
		if p.HasICMP {
			exercise(t, p.ICMP)
		}
		// The receive loop's fast paths agree with the general ones: the
		// datagram with its checksums made good reaches decodeFast4, and
		// an error's quote reaches probe4.
		good := append([]byte(nil), b...)
		resum(good)
		checkFastAgrees(t, "fuzz", good, Packet{Family: IPv6, Payload: b})
		var rp Packet
		if rp.Decode(good) == nil && rp.ICMP.Kind == KindError {
			var k FlowKey
			kerr := k.DecodeQuote(&rp.ICMP)
			want, werr := generalQuotedFlow(&rp.ICMP)
			if k != want || !sameErr(kerr, werr) {
				t.Fatalf("DecodeQuote % x\n got %+v, %v\nwant %+v, %v", good, k, kerr, want, werr)
			}
		}
		switch {
		case p.Family == IPv4 && len(p.V4.Options)+20 == int(p.V4.IHL)*4 && int(p.V4.IHL)*4 <= len(b) && p.V4.IHL >= 5:
			if h := p.V4.AppendHeader(nil); !bytes.Equal(h, b[:len(h)]) {
				t.Fatalf("IPv4 header round trip\n got % x\nwant % x", h, b[:len(h)])
			}
		case p.Family == IPv6 && len(b) >= 40:
			if h := p.V6.AppendHeader(nil); !bytes.Equal(h, b[:40]) {
				t.Fatalf("IPv6 header round trip\n got % x\nwant % x", h, b[:40])
			}
		}
	})
}

func FuzzQuotedFlow(f *testing.F) {
	for _, fx := range fixtures {
		p, _ := DecodeIP(fx.ip)
		if e, ok := p.ICMP.Error(); ok {
			f.Add(e.Quote)
		}
	}
	f.Add(probeQuote)
	f.Fuzz(func(t *testing.T, q []byte) {
		k, err := QuotedFlow(q)
		checkParseError(t, err)
		if k.Complete != (err == nil) {
			t.Fatalf("Complete %v with error %v", k.Complete, err)
		}
		if len(q) > 0 && (q[0]>>4 == 4 || q[0]>>4 == 6) && k.Family != Family(q[0]>>4) {
			t.Fatalf("family %v for version %d", k.Family, q[0]>>4)
		}
		// Message.QuotedFlow's fast path agrees with the general decoder.
		m, _ := ParseICMPv4(append([]byte{byte(ICMPv4TimeExceeded), 0, 0, 0, 0, 0, 0, 0}, q...))
		if m.Kind == KindError && m.ext.layout == ExtNone {
			if fast, ferr := m.QuotedFlow(); fast != k || (ferr == nil) != (err == nil) {
				t.Fatalf("message %+v (%v), quote alone %+v (%v)", fast, ferr, k, err)
			}
		}
	})
}

// Message.QuotedFlow, fast path included, agrees with the general decoder.
func TestQuotedFlowFastPathAgrees(t *testing.T) {
	n := 0
	for _, fx := range fixtures {
		p, _ := DecodeIP(fx.ip)
		if p.ICMP.Kind != KindError {
			continue
		}
		fast, err1 := p.ICMP.QuotedFlow()
		slow, err := generalQuotedFlow(&p.ICMP)
		if err1 == nil {
			n++
		}
		if (err1 == nil) != (err == nil) || fast != slow {
			t.Errorf("%s: fast %+v\nslow %+v (%v)", fx.name, fast, slow, err)
		}
	}
	if n < 5 {
		t.Errorf("only %d fixtures take the fast path", n)
	}
}
