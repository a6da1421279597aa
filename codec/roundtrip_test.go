package codec

import (
	"bytes"
	"strings"
	"testing"
)

// typedBody returns the typed view of a parsed message as a Body, or RawBody
// for KindRaw: what a round trip marshals.
func typedBody(t testing.TB, m Message) Body {
	t.Helper()
	var (
		b  Body
		ok bool
	)
	switch m.Kind {
	case KindRaw:
		return m.Raw()
	case KindEcho:
		b, ok = m.Echo()
	case KindError:
		b, ok = m.Error()
	default:
		b, ok = typedBodyMore(m)
	}
	if !ok {
		t.Fatalf("kind %d: view not ok", m.Kind)
	}
	return b
}

// appendBody marshals with the concrete type, as callers do (Append is generic).
func appendBody(dst []byte, h Header, b Body) []byte {
	switch v := b.(type) {
	case Echo:
		return Append(dst, h, v)
	case ErrorBody:
		return Append(dst, h, v)
	case RawBody:
		return Append(dst, h, v)
	}
	return appendBodyMore(dst, h, b)
}

func TestRoundTripFixtures(t *testing.T) {
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			p, err := DecodeIP(f.ip)
			if err != nil {
				t.Fatal(err)
			}
			m := p.ICMP
			body := typedBody(t, m)
			if body.Len() != len(m.Body()) {
				t.Errorf("Len %d, body is %d bytes", body.Len(), len(m.Body()))
			}
			got := appendBody(nil, m.Header(), body)
			if !bytes.Equal(got, m.Bytes()) {
				t.Errorf("round trip differs\n got % x\nwant % x", got, m.Bytes())
			}
			// A fresh header (checksum computed) gives the same bytes for a
			// message whose checksum was right.
			h := Header{Family: m.Family, Type: m.Type, Code: m.Code}
			if m.Family == IPv6 {
				h.Src, h.Dst = p.V6.Src, p.V6.Dst
			}
			if got := appendBody(nil, h, body); !bytes.Equal(got, m.Bytes()) {
				t.Errorf("rebuilt with computed checksum differs\n got % x\nwant % x", got, m.Bytes())
			}
			if p.Family == IPv4 {
				hdr := p.V4.AppendHeader(nil)
				if !bytes.Equal(hdr, f.ip[:len(hdr)]) {
					t.Errorf("IPv4 header round trip\n got % x\nwant % x", hdr, f.ip[:len(hdr)])
				}
			} else if hdr := p.V6.AppendHeader(nil); !bytes.Equal(hdr, f.ip[:40]) {
				t.Errorf("IPv6 header round trip\n got % x\nwant % x", hdr, f.ip[:40])
			}
		})
	}
}

// The round trip above is only as good as the kinds its fixtures cover: all
// of them, unknown types (KindRaw) included.
func TestFixturesCoverEveryKind(t *testing.T) {
	seen := map[Kind]bool{}
	for _, f := range fixtures {
		p, err := DecodeIP(f.ip)
		if err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
		seen[p.ICMP.Kind] = true
		if strings.HasSuffix(f.name, "_raw") != (p.ICMP.Kind == KindRaw) {
			t.Errorf("%s: kind %d", f.name, p.ICMP.Kind)
		}
	}
	for k := KindRaw; k <= KindNodeInfo; k++ {
		if !seen[k] {
			t.Errorf("no fixture of kind %d", k)
		}
	}
}
