package codec

import (
	"errors"
	"net/netip"
	"strings"
	"testing"
)

func TestParseErrors(t *testing.T) {
	v6 := netip.Addr{}
	tests := []struct {
		name  string
		f     Family
		msg   string // spaced hex
		layer string
		off   int
		err   error
	}{
		{"timestamp short", IPv4, "0d00 0000 0001 0002 0000 0000 0000 0000 0000 00", "ICMPv4", 19, ErrTruncated},
		{"timestamp long", IPv4, "0d00 0000 0001 0002 0000 0000 0000 0000 0000 0000 00", "ICMPv4", 20, ErrBadLength},
		{"mask short", IPv4, "1100 0000 0001 0002 ffff ff", "ICMPv4", 11, ErrTruncated},
		{"router advert entry size 1", IPv4, "0900 0000 0101 0010 c612 0001", "ICMPv4", 5, ErrMalformed},
		{"router advert entries cut", IPv4, "0900 0000 0202 0010 c612 0001 0000 0000", "ICMPv4", 16, ErrTruncated},
		{"error header cut", IPv4, "0b00 0000 0000", "ICMPv4", 6, ErrTruncated},
		{"extended echo, extension version 1", IPv4, "2a00 0000 0001 0101 1000 0000 0008 0302 0000 0001", "extension", 8, ErrMalformed},
		{"extended echo, object past end", IPv4, "2a00 0000 0001 0101 2000 0000 0010 0302 0000 0001", "extension", 12, ErrBadLength},
		{"neighbor solicitation, option length 0", IPv6, "8700 0000 0000 0000 2001 0002 0000 0000 0000 0000 0000 0001 0100 0000 0000 0000", "NDP option", 25, ErrMalformed},
		{"router advert, option past end", IPv6, "8600 0000 4000 0708 0000 0000 0000 0000 0502 0000 0000 05dc", "NDP option", 17, ErrBadLength},
		{"MLD query of 26 bytes", IPv6, "8200 0000 2710 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000", "ICMPv6", 26, ErrTruncated},
		{"MLDv2 query, sources cut", IPv6, "8200 0000 2710 0000 0000 0000 0000 0000 0000 0000 0000 0000 023c 0001", "ICMPv6", 28, ErrTruncated},
		{"MLDv2 report, record missing", IPv6, "8f00 0000 0000 0002 0200 0000 ff02 0000 0000 0000 0000 0000 0000 0016", "MLDv2 record", 28, ErrTruncated},
		{"MLDv2 report, bytes after records", IPv6, "8f00 0000 0000 0001 0200 0000 ff02 0000 0000 0000 0000 0000 0000 0016 0000", "ICMPv6", 28, ErrBadLength},
		{"node information short", IPv6, "8b00 0000 0003 0002 6c60 3ded", "ICMPv6", 12, ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := mustHex(tt.msg)
			m, err := Parse(tt.f, b, v6, v6)
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, tt.err) {
				t.Fatalf("err %v, want a *ParseError wrapping %v", err, tt.err)
			}
			if pe.Layer != tt.layer || pe.Offset != tt.off || pe.Want.IsZero() {
				t.Errorf("error %q: layer %q offset %d; want %q at %d", err, pe.Layer, pe.Offset, tt.layer, tt.off)
			}
			// What could be read is still there: the header, Kind raw, and
			// the raw body survives a round trip.
			if m.Kind != KindRaw || m.Type != Type(b[0]) || len(m.Bytes()) != len(b) {
				t.Errorf("message %+v, want header read and KindRaw", m)
			}
			if got := Append(nil, m.Header(), m.Raw()); string(got) != string(b) {
				t.Errorf("raw round trip differs")
			}
		})
	}
}

func TestParseErrorText(t *testing.T) {
	_, err := ParseICMPv4(mustHex("0800 f7ff 00"))
	want := "ICMPv4: truncated at byte 5: want 8-byte echo header (identifier, sequence), have 5 bytes"
	if err == nil || err.Error() != want {
		t.Errorf("error text %q, want %q", err, want)
	}
	_, err = Parse(Family(5), []byte{8, 0, 0, 0}, netip.Addr{}, netip.Addr{})
	if !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "family(5)") {
		t.Errorf("unknown family: %v", err)
	}
}

func TestIPErrors(t *testing.T) {
	good := fixtureByName(t, "v4_echo_request")
	g6 := fixtureByName(t, "v6_echo_request")
	mod := func(b []byte, f func([]byte)) []byte {
		c := append([]byte(nil), b...)
		f(c)
		return c
	}
	tests := []struct {
		name  string
		b     []byte
		layer string
		off   int
		err   error
	}{
		{"empty", nil, "IP", 0, ErrTruncated},
		{"version 5", mod(good, func(b []byte) { b[0] = 0x55 }), "IP", 0, ErrMalformed},
		{"IPv4 header cut", good[:19], "IPv4", 19, ErrTruncated},
		{"IHL 4", mod(good, func(b []byte) { b[0] = 0x44 }), "IPv4", 0, ErrMalformed},
		{"IHL 15 beyond data", good[:40], "IPv4", 40, ErrTruncated},
		{"total length below header", mod(good, func(b []byte) { b[2], b[3] = 0, 19 }), "IPv4", 2, ErrBadLength},
		{"capture cut short", good[:60], "IPv4", 60, ErrTruncated},
		{"ICMP inside cut", mod(good[:26], func(b []byte) { b[2], b[3] = 0, 26 }), "ICMPv4", 26, ErrTruncated},
		{"IPv6 header cut", g6[:39], "IPv6", 39, ErrTruncated},
		{"IPv6 payload cut", g6[:50], "IPv6", 50, ErrTruncated},
		{"IPv6 hop-by-hop cut", mod(g6[:41], func(b []byte) { b[6] = ProtoHopByHop; b[4], b[5] = 0, 1 }), "IPv6", 41, ErrTruncated},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.name == "IHL 15 beyond data" {
				tt.b = mod(tt.b, func(b []byte) { b[0] = 0x4f })
			}
			_, err := DecodeIP(tt.b)
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, tt.err) || pe.Layer != tt.layer || pe.Offset != tt.off {
				t.Errorf("err %v, want %s %v at %d", err, tt.layer, tt.err, tt.off)
			}
		})
	}
	// A datagram cut short still yields the ICMP header, checksum unverified.
	p, err := DecodeIP(good[:60])
	if !errors.Is(err, ErrTruncated) || !p.HasICMP || p.ICMP.Kind != KindEcho || p.ICMP.Sum.Status != ChecksumUnverified {
		t.Errorf("cut capture: %v, %+v", err, p.ICMP)
	}
}

func TestQuotedFlowTruncated(t *testing.T) {
	tests := []struct {
		name  string
		quote []byte
		layer string
		off   int
		want  FlowKey
	}{
		{"IPv4 header cut", probeQuote[:15], "quoted IPv4", 15,
			FlowKey{Family: IPv4, Proto: ProtoUDP, IPID: 0x1c46, TTL: 1}},
		{"UDP ports only", probeQuote[:24], "quoted UDP", 24,
			FlowKey{Family: IPv4, Proto: ProtoUDP, Src: netip.MustParseAddr("198.18.1.2"), Dst: netip.MustParseAddr("198.18.2.2"), SrcPort: 33435, DstPort: 33434, IPID: 0x1c46, TTL: 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k, err := QuotedFlow(tt.quote)
			var pe *ParseError
			if !errors.As(err, &pe) || !errors.Is(err, ErrTruncated) || pe.Layer != tt.layer || pe.Offset != tt.off {
				t.Fatalf("err %v, want %s truncated at %d", err, tt.layer, tt.off)
			}
			if k != tt.want {
				t.Errorf("flow\n got %+v\nwant %+v", k, tt.want)
			}
			// Through a message, the offset counts from the message start.
			msg := Append(nil, Header{Family: IPv4, Type: ICMPv4DestinationUnreachable, Code: CodePortUnreachable}, ErrorBody{Quote: tt.quote})
			m, _ := ParseICMPv4(msg)
			if _, err := m.QuotedFlow(); !errors.As(err, &pe) || pe.Offset != tt.off+8 {
				t.Errorf("via message: %v, want offset %d", err, tt.off+8)
			}
		})
	}
	m, _ := ParseICMPv4(fixtureByName(t, "v4_echo_request")[20:])
	if _, err := m.QuotedFlow(); !errors.Is(err, ErrWrongKind) {
		t.Errorf("QuotedFlow of an echo: %v, want ErrWrongKind", err)
	}
}
