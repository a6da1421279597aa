package filter

import (
	"encoding/hex"
	"testing"

	"icmplab/codec/dissect"
	"icmplab/codec/filter/filtertest"
)

// quickExprs are expressions the quick path can decide.
var quickExprs = []string{
	"icmp", "icmpv6", "!icmp", "ip", "ipv6", "udp", "tcp.port == 80",
	"icmp.type == 8", "icmp.type in {0, 8} && ip.src in 10.0.0.0/8", "icmp.code != 0",
	"icmpv6.type == 128 || icmpv6.echo.sequence_number > 3", "ip.addr == 192.168.0.0/16",
	"icmp.checksum_bad", "icmp.checksum.status == 1", "icmpv6.checksum.status == 1",
	"frame.len > 100", "frame.number < 10", "icmp.ident == 0 && icmp.seq >= 1",
}

// FuzzCompile: any text compiles or fails with an *Error whose offset lies
// in the text, never panics; what compiles evaluates on the fixtures.
func FuzzCompile(f *testing.F) {
	for _, s := range []string{"icmp.type == 11 && ip.src in 198.18.0.0/16", "!(icmpv6 || udp.port in {1..5, 7})",
		"eth.src == 00:11:22:33:44:55", `ip.dst == "::1"`, "((((icmp", "icmp.type in {", "a.b.c", "ip.src < 1.2.3.4",
		"frame.len ge 0x10 and not tcp", "é", "icmp.typ"} {
		f.Add(s)
	}
	var frames []*dissect.Frame
	for _, h := range []string{echoHex, teHex} {
		b, _ := hex.DecodeString(h)
		frames = append(frames, dissect.Dissect(b, dissect.LayerIPv4, dissect.Options{}))
	}
	f.Fuzz(func(t *testing.T, s string) {
		flt, err := Compile(s)
		if err != nil {
			fe, ok := err.(*Error)
			if !ok || fe.Offset < 0 || fe.Offset > len(s) || fe.Msg == "" {
				t.Fatalf("%q: bad error %#v", s, err)
			}
			return
		}
		for _, fr := range frames {
			m := flt.Match(fr)
			if q, ok := flt.MatchBytes(fr.Data, dissect.LayerIPv4, 0, 0); ok && q != m {
				t.Fatalf("%q: quick %v, tree %v", s, q, m)
			}
		}
	})
}

// FuzzMatchBytes: on any bytes, the quick path reads every field as the
// tree has it and decides every expression of agreeExprs as the tree does,
// wherever it decides. The seeds are the fixtures and one frame of each
// kind filtertest makes (errors quoting UDP, TCP and echoes of both
// families, extensions, quotes cut or with options, probes), behind
// Ethernet and as raw IP.
func FuzzMatchBytes(f *testing.F) {
	for _, h := range []string{echoHex, teHex, ethEchoHex} {
		b, _ := hex.DecodeString(h)
		f.Add(b, uint8(0))
	}
	for k := range filtertest.NumKinds {
		fr := filtertest.Make(k, uint16(k), 1+uint8(k)%12)
		f.Add(fr.Data, uint8(3)) // Ethernet
		f.Add(fr.Data[14:], uint8(0))
		f.Add(vlanTagged(fr.Data, 1+int(k)%3, uint16(k)), uint8(3))
	}
	a := newAgreement(f)
	f.Fuzz(func(t *testing.T, b []byte, layer uint8) {
		start := []dissect.Layer{dissect.LayerAuto, dissect.LayerIPv4, dissect.LayerIPv6, dissect.LayerEthernet}[layer%4]
		a.t = t
		a.check(b, start, 1, 0, "fuzz")
	})
}

// FuzzMatchBytesCut is FuzzMatchBytes on frames a capture kept only the
// start of: the wire carried cut more bytes than b holds.
func FuzzMatchBytesCut(f *testing.F) {
	for k := range filtertest.NumKinds {
		fr := filtertest.Make(k, uint16(k), 1+uint8(k)%12)
		for _, snap := range []int{30, 40, 50, 62} {
			if snap < len(fr.Data) {
				f.Add(fr.Data[:snap], uint8(3), uint16(len(fr.Data)-snap))
				f.Add(fr.Data[14:snap], uint8(0), uint16(len(fr.Data)-snap))
				f.Add(vlanTagged(fr.Data[:snap], 1, uint16(k)), uint8(3), uint16(len(fr.Data)-snap))
				f.Add(cooked(fr.Data[:snap], dissect.LayerSLL), uint8(4), uint16(len(fr.Data)-snap))
				f.Add(cooked(fr.Data[:snap], dissect.LayerSLL2), uint8(5), uint16(len(fr.Data)-snap))
			}
		}
	}
	a := newAgreement(f)
	f.Fuzz(func(t *testing.T, b []byte, layer uint8, cut uint16) {
		start := []dissect.Layer{dissect.LayerAuto, dissect.LayerIPv4, dissect.LayerIPv6, dissect.LayerEthernet,
			dissect.LayerSLL, dissect.LayerSLL2}[layer%6]
		a.t = t
		a.check(b, start, 1, len(b)+int(cut), "fuzz")
	})
}
