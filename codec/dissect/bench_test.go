//go:build !js

package dissect

import (
	"bytes"
	"io"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"

	"icmplab/codec"
	"icmplab/codec/capture"
)

// benchPackets is the size of the generated benchmark capture.
const benchPackets = 100_000

// benchCapture builds, once, a pcap of benchPackets Ethernet frames in the
// proportions a busy traceroute host sees: echo requests and replies,
// time exceeded quoting UDP probes (half with an MPLS extension), ICMPv6
// echo requests.
var benchCapture = sync.OnceValue(func() []byte {
	var frames []builtFrame
	probe := ipv4(hostA, target, codec.ProtoUDP, 1, 0x3001, udp(hostA, target, 40000, 33435, make([]byte, 24)))
	mpls := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 16004, S: true, TTL: 1}))
	for i := 0; i < benchPackets; i++ {
		seq := uint16(i)
		var f []byte
		switch i % 10 {
		case 0, 1, 2, 3:
			f = ether(codec.EtherTypeIPv4, ipv4(hostA, hostB, codec.ProtoICMP, 64, seq, echo4(codec.ICMPv4EchoRequest, 0x1234, seq, 56)))
		case 4, 5, 6, 7:
			f = ether(codec.EtherTypeIPv4, ipv4(hostB, hostA, codec.ProtoICMP, 64, seq, echo4(codec.ICMPv4EchoReply, 0x1234, seq, 56)))
		case 8:
			body := codec.ErrorBody{Quote: probe}
			if i%20 == 8 {
				body.Ext = mpls
			}
			te := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded}, body)
			f = ether(codec.EtherTypeIPv4, ipv4(router, hostA, codec.ProtoICMP, 255, seq, te))
		default:
			m := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6EchoRequest, Src: hostA6, Dst: hostB6},
				codec.Echo{ID: 0x1234, Seq: seq, Data: make([]byte, 56)})
			f = ether(codec.EtherTypeIPv6, ipv6(hostA6, hostB6, codec.ProtoICMPv6, 64, m))
		}
		frames = append(frames, builtFrame{f})
	}
	var buf bytes.Buffer
	w, err := capture.NewNgWriter(&buf, capture.LinkEthernet)
	if err != nil {
		panic(err)
	}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, f := range frames {
		if err := w.WritePacket(t0.Add(time.Duration(i)*time.Millisecond), f.data, len(f.data)); err != nil {
			panic(err)
		}
	}
	return buf.Bytes()
})

// benchFrames is the capture split into frames with codec/capture.
var benchFrames = sync.OnceValue(func() [][]byte {
	r, err := capture.NewReader(bytes.NewReader(benchCapture()))
	if err != nil {
		panic(err)
	}
	var out [][]byte
	for {
		p, err := r.Next()
		if err == io.EOF {
			return out
		}
		if err != nil {
			panic(err)
		}
		out = append(out, append([]byte(nil), p.Data...))
	}
})

// TestWriteBenchCapture writes the benchmark capture to the file named by
// ICMPLAB_BENCH_PCAP, for the whole-process comparison with tshark
// (native/decode/bench_tshark.sh).
func TestWriteBenchCapture(t *testing.T) {
	path := os.Getenv("ICMPLAB_BENCH_PCAP")
	if path == "" {
		t.Skip("set ICMPLAB_BENCH_PCAP to write the benchmark capture")
	}
	if err := os.WriteFile(path, benchCapture(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestQuickAgreesWithDissect checks the fast path against the full
// dissection on the benchmark capture and every testdata capture.
func TestQuickAgreesWithDissect(t *testing.T) {
	check := func(name string, b []byte, l Layer) {
		q, ok := QuickICMP(b, l)
		f := Dissect(b, l, Options{})
		if !ok {
			return
		}
		i := f.ICMP
		if i == nil || i.Family != q.Family || i.Type != q.Type || i.Code != q.Code || i.Checksum.Status != q.Checksum ||
			i.Src != q.Src || i.Dst != q.Dst || i.HasID != q.HasID || i.ID != q.ID || i.Seq != q.Seq {
			t.Errorf("%s: quick %+v, dissect %+v", name, q, i)
		}
	}
	for i, b := range benchFrames()[:2000] {
		check("bench frame "+itoa(i+1), b, LayerEthernet)
	}
}

// BenchmarkCapture decodes the 100,000-packet capture four ways, per
// packet: icmplab's full tree, icmplab's summary fast path, gopacket's
// DecodingLayerParser (preallocated layers, no tree), and
// gopacket.NewPacket (its general API).
func BenchmarkCapture(b *testing.B) {
	frames := benchFrames()
	per := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(frames)), "ns/pkt")
		b.ReportMetric(float64(b.N*len(frames))/b.Elapsed().Seconds(), "pkt/s")
	}
	var sink int
	b.Run("icmplab-dissect", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range frames {
				fr := Dissect(f, LayerEthernet, Options{})
				if fr.ICMP != nil {
					sink += int(fr.ICMP.Type)
				}
			}
		}
		per(b)
	})
	b.Run("icmplab-summary", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range frames {
				if q, ok := QuickICMP(f, LayerEthernet); ok {
					sink += int(q.Type) + int(q.ID)
				}
			}
		}
		per(b)
	})
	b.Run("gopacket-dlp", func(b *testing.B) {
		b.ReportAllocs()
		var (
			eth layers.Ethernet
			ip4 layers.IPv4
			ip6 layers.IPv6
			ic4 layers.ICMPv4
			ic6 layers.ICMPv6
			pay gopacket.Payload
		)
		p := gopacket.NewDecodingLayerParser(layers.LayerTypeEthernet, &eth, &ip4, &ip6, &ic4, &ic6, &pay)
		p.IgnoreUnsupported = true
		decoded := make([]gopacket.LayerType, 0, 8)
		for b.Loop() {
			for _, f := range frames {
				_ = p.DecodeLayers(f, &decoded)
				for _, lt := range decoded {
					switch lt {
					case layers.LayerTypeICMPv4:
						sink += int(ic4.TypeCode.Type()) + int(ic4.Id)
					case layers.LayerTypeICMPv6:
						sink += int(ic6.TypeCode.Type())
					}
				}
			}
		}
		per(b)
	})
	b.Run("gopacket-newpacket", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, f := range frames {
				pk := gopacket.NewPacket(f, layers.LayerTypeEthernet, gopacket.Default)
				if l := pk.Layer(layers.LayerTypeICMPv4); l != nil {
					sink += int(l.(*layers.ICMPv4).TypeCode.Type())
				} else if l := pk.Layer(layers.LayerTypeICMPv6); l != nil {
					sink += int(l.(*layers.ICMPv6).TypeCode.Type())
				}
			}
		}
		per(b)
	})
	_ = sink
}
