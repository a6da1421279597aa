//go:build !js

package dissect

import (
	"bytes"
	"encoding/binary"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"icmplab/codec"
)

var update = flag.Bool("update", false, "rewrite testdata captures built by the codec and the golden outputs")

// builtCaptures are the fixtures made with the codec's encoder: each is
// written to testdata/<name>.pcap by -update and dissected by TestGolden.
func builtCaptures() map[string][]builtFrame {
	m := map[string][]builtFrame{}

	// Echo request and reply on Ethernet, as ping sends them.
	req := ipv4(hostA, hostB, codec.ProtoICMP, 64, 0x1001, echo4(codec.ICMPv4EchoRequest, 0x1234, 1, 56))
	rep := ipv4(hostB, hostA, codec.ProtoICMP, 64, 0x2001, echo4(codec.ICMPv4EchoReply, 0x1234, 1, 56))
	m["built_echo"] = []builtFrame{{ether(codec.EtherTypeIPv4, req)}, {ether(codec.EtherTypeIPv4, rep)}}

	// A bad ICMP checksum and a bad IPv4 header checksum.
	bad := echo4(codec.ICMPv4EchoRequest, 0x1234, 2, 16)
	bad[2] ^= 0x55
	badIP := ipv4(hostA, hostB, codec.ProtoICMP, 64, 0x1002, echo4(codec.ICMPv4EchoRequest, 0x1234, 3, 16))
	badIP[10] ^= 0x01
	m["built_bad_checksum"] = []builtFrame{{ether(codec.EtherTypeIPv4, ipv4(hostA, hostB, codec.ProtoICMP, 64, 0x1003, bad))}, {ether(codec.EtherTypeIPv4, badIP)}}

	// Time exceeded with an MPLS label stack, RFC 4884 layout and the
	// legacy layout (offset 128, length field 0), quoting a UDP probe.
	probe := ipv4(hostA, target, codec.ProtoUDP, 1, 0x3001, udp(hostA, target, 40000, 33435, make([]byte, 24)))
	objs := codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 16004, TC: 0, S: false, TTL: 1}, codec.MPLSEntry{Label: 24001, TC: 5, S: true, TTL: 1})
	for _, layout := range []codec.ExtLayout{codec.ExtRFC4884, codec.ExtLegacy} {
		ext := codec.NewExtensions(nil, objs)
		ext.Layout = layout
		te := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded, Code: codec.CodeTTLExceeded},
			codec.ErrorBody{Quote: probe, Ext: ext})
		name := "built_mpls_rfc4884"
		if layout == codec.ExtLegacy {
			name = "built_mpls_legacy"
		}
		m[name] = []builtFrame{{ether(codec.EtherTypeIPv4, ipv4(router, hostA, codec.ProtoICMP, 255, 0x4001, te))}}
	}

	// The layout trippy issue 804 reports from real routers: extensions at
	// offset 128 while the length field claims the 28 quoted bytes (7
	// words). Only the extension checksum tells where they are.
	lyingExt := codec.NewExtensions(nil, objs)
	lyingExt.Layout = codec.ExtLegacy
	short := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded, Code: codec.CodeTTLExceeded},
		codec.ErrorBody{Quote: probe[:28], Length: 7, Ext: lyingExt})
	m["built_mpls_legacy_lying_length"] = []builtFrame{{ether(codec.EtherTypeIPv4, ipv4(router, hostA, codec.ProtoICMP, 255, 0x4002, short))}}

	// RFC 5837 interface information on a port unreachable.
	ii := codec.AppendInterfaceInfoObject(nil, codec.InterfaceInfo{Role: codec.RoleIncoming, HasIndex: true, Index: 7,
		HasAddr: true, Addr: router, HasName: true, Name: "eth0.100", HasMTU: true, MTU: 1500})
	pu := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4DestinationUnreachable, Code: codec.CodePortUnreachable},
		codec.ErrorBody{Quote: probe, Ext: codec.NewExtensions(nil, ii)})
	m["built_rfc5837"] = []builtFrame{{ether(codec.EtherTypeIPv4, ipv4(target, hostA, codec.ProtoICMP, 64, 0x5001, pu))}}

	// A 3000-byte echo request in three IPv4 fragments (MTU 1500), then
	// one more frame with a lone middle fragment.
	big := echo4(codec.ICMPv4EchoRequest, 0x4242, 7, 3000-8)
	var frags []builtFrame
	for off := 0; off < len(big); off += 1480 {
		end := off + 1480
		mf := uint8(codec.IPv4FlagMF)
		if end >= len(big) {
			end, mf = len(big), 0
		}
		h := codec.IPv4Header{TotalLength: uint16(20 + end - off), ID: 0x7777, Flags: mf, FragOff: uint16(off / 8), TTL: 64,
			Protocol: codec.ProtoICMP, Src: hostA, Dst: hostB}
		frags = append(frags, builtFrame{ether(codec.EtherTypeIPv4, append(h.AppendHeader(nil), big[off:end]...))})
	}
	m["built_fragmented_echo"] = frags

	// ICMPv6 port unreachable quoting a UDP datagram, on an 802.1Q tag
	// inside an 802.1ad tag.
	probe6 := ipv6(hostA6, hostB6, codec.ProtoUDP, 64, udp(hostA6, hostB6, 40001, 53, []byte("query")))
	pu6 := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6DestinationUnreachable, Code: codec.Code6PortUnreachable,
		Src: hostB6, Dst: hostA6}, codec.ErrorBody{Quote: probe6})
	m["built_icmpv6_qinq"] = []builtFrame{{ether(codec.EtherTypeIPv6, ipv6(hostB6, hostA6, codec.ProtoICMPv6, 64, pu6), 0x88a80064, 0x8100000a)}}

	// IPv6 extension headers: an echo request behind hop-by-hop (router
	// alert, PadN) and destination options, then a 1600-byte echo request
	// in two fragments behind a fragment header.
	e6 := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6EchoRequest, Src: hostA6, Dst: hostB6},
		codec.Echo{ID: 0x6666, Seq: 1, Data: []byte("ext headers")})
	hbh := []byte{codec.ProtoDstOpts, 0, 5, 2, 0, 0, 1, 0} // router alert (MLD), PadN 0
	dsto := []byte{codec.ProtoICMPv6, 0, 1, 4, 0, 0, 0, 0} // PadN 4
	exts := ipv6(hostA6, hostB6, codec.ProtoHopByHop, 64, append(append(append([]byte{}, hbh...), dsto...), e6...))
	big6 := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6EchoRequest, Src: hostA6, Dst: hostB6},
		codec.Echo{ID: 0x6666, Seq: 2, Data: make([]byte, 1600)})
	frag6 := func(off, end int, more bool) []byte {
		fo := uint16(off/8) << 3
		if more {
			fo |= 1
		}
		fh := binary.BigEndian.AppendUint16([]byte{codec.ProtoICMPv6, 0}, fo)
		fh = binary.BigEndian.AppendUint32(fh, 0xcafe)
		return ipv6(hostA6, hostB6, codec.ProtoFragment, 64, append(fh, big6[off:end]...))
	}
	m["built_ipv6_ext_headers"] = []builtFrame{{ether(codec.EtherTypeIPv6, exts)}, {ether(codec.EtherTypeIPv6, frag6(0, 1232, true))}, {ether(codec.EtherTypeIPv6, frag6(1232, len(big6), false))}}

	// IPv4 options: record route, timestamp, router alert.
	opts := []byte{
		7, 11, 8, 198, 18, 0, 1, 0, 0, 0, 0, // RR with room for 2 addresses, one recorded
		68, 12, 5, 0, 0, 0, 0x03, 0xe8, 0, 0, 0, 0, // TS, flag 0, one stamp of 1000 ms
		148, 4, 0, 0, // router alert
		1, // NOP
	}
	m["built_ipv4_options"] = []builtFrame{{ether(codec.EtherTypeIPv4, ipv4(hostA, hostB, codec.ProtoICMP, 64, 0x6001, echo4(codec.ICMPv4EchoRequest, 1, 1, 8), opts...))}}

	// Malformed: total length far beyond the bytes, header length below
	// 20, a truncated ICMP error, and bytes that are no protocol at all.
	lying := ipv4(hostA, hostB, codec.ProtoICMP, 64, 0x6002, echo4(codec.ICMPv4EchoRequest, 1, 2, 16))
	binary.BigEndian.PutUint16(lying[2:], 9999)
	shortHL := append([]byte{}, req...)
	shortHL[0] = 0x43
	trunc := ipv4(router, hostA, codec.ProtoICMP, 64, 0x6003, []byte{11, 0, 0xf4, 0xff, 0, 0})
	m["built_malformed"] = []builtFrame{{ether(codec.EtherTypeIPv4, lying)}, {ether(codec.EtherTypeIPv4, shortHL)}, {ether(codec.EtherTypeIPv4, trunc)}, {[]byte{0xde, 0xad}}}
	return m
}

// writePcap writes frames as a classic libpcap file with one-second steps.
func writePcap(path string, linkType uint32, frames []builtFrame) error {
	var b bytes.Buffer
	hdr := make([]byte, 24)
	binary.LittleEndian.PutUint32(hdr, 0xa1b2c3d4)
	binary.LittleEndian.PutUint16(hdr[4:], 2)
	binary.LittleEndian.PutUint16(hdr[6:], 4)
	binary.LittleEndian.PutUint32(hdr[16:], 262144)
	binary.LittleEndian.PutUint32(hdr[20:], linkType)
	b.Write(hdr)
	base := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC).Unix()
	for i, f := range frames {
		rec := make([]byte, 16)
		binary.LittleEndian.PutUint32(rec, uint32(base)+uint32(i))
		binary.LittleEndian.PutUint32(rec[4:], uint32(1000*i))
		binary.LittleEndian.PutUint32(rec[8:], uint32(len(f.data)))
		binary.LittleEndian.PutUint32(rec[12:], uint32(len(f.data)))
		b.Write(rec)
		b.Write(f.data)
	}
	return os.WriteFile(path, b.Bytes(), 0o644)
}

// TestBuiltCaptures checks that the committed built captures are what the
// codec's encoder produces today (and rewrites them with -update).
func TestBuiltCaptures(t *testing.T) {
	for name, frames := range builtCaptures() {
		path := filepath.Join("testdata", name+".pcap")
		if *update {
			if err := writePcap(path, linkEthernet, frames); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := readCaptureFile(path)
		if err != nil {
			t.Fatalf("%s: %v (run go test -update)", path, err)
		}
		if len(got) != len(frames) {
			t.Fatalf("%s: %d frames, built %d", path, len(got), len(frames))
		}
		for i := range got {
			if !bytes.Equal(got[i].data, frames[i].data) {
				t.Errorf("%s frame %d differs from what the codec builds now (run go test -update and review)", path, i+1)
			}
		}
	}
}
