//go:build !js

package story

import (
	"bytes"
	"errors"
	"io"
	"net/netip"
	"strconv"
	"sync"
	"testing"

	"icmplab/codec/capture"
	"icmplab/codec/dissect"
)

// benchPackets is the size of the generated benchmark capture.
const benchPackets = 100_000

// benchCapture builds, once, a raw-IP pcapng of benchPackets packets: UDP
// traceroutes of 3 probes per hop over 3 hops (time exceeded, then port
// unreachable) and pings with their replies, half and half.
var benchCapture = sync.OnceValue(func() []byte {
	n := newNet()
	ms := 0.0
	port := uint16(33434)
	for len(n.pkts) < benchPackets {
		ms++
		if len(n.pkts)%2000 < 1000 {
			ttl := uint8(1 + (len(n.pkts)/6)%3)
			pr := n.at(ms, n.udp(src4, dst4, ttl, 40000, port))
			port++
			switch ttl {
			case 1:
				n.at(ms+0.2, n.icmpErr(r1, pr, 11, 0))
			case 2:
				n.at(ms+0.3, n.icmpErr(r2, pr, 11, 0))
			default:
				n.at(ms+0.4, n.icmpErr(dst4, pr, 3, 3))
			}
			continue
		}
		seq := uint16(len(n.pkts))
		n.at(ms, n.echo(src4, dst4, 64, false, 4242, seq))
		n.at(ms+0.25, n.echo(dst4, src4, 62, true, 4242, seq))
	}
	var buf bytes.Buffer
	w, err := capture.NewNgWriter(&buf, capture.LinkRaw)
	if err != nil {
		panic(err)
	}
	for _, p := range n.pkts[:benchPackets] {
		if err := w.WritePacket(p.Time, p.IP, len(p.IP)); err != nil {
			panic(err)
		}
	}
	return buf.Bytes()
})

// eachPacket reads the capture and calls fn on every packet.
func eachPacket(b *testing.B, fn func(i int, p capture.Packet)) {
	r, err := capture.NewReader(bytes.NewReader(benchCapture()))
	if err != nil {
		b.Fatal(err)
	}
	for i := 1; ; i++ {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			b.Fatal(err)
		}
		fn(i, p)
	}
}

// BenchmarkStory: the matcher over 100,000 packets, beside what reading
// them costs (the file alone, decode's summary path, decode's full
// dissection). Each is per whole capture; ns/packet is reported too.
func BenchmarkStory(b *testing.B) {
	benchCapture()
	perPacket := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/benchPackets, "ns/packet")
	}
	b.Run("read", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			eachPacket(b, func(int, capture.Packet) {})
		}
		perPacket(b)
	})
	b.Run("read+quick", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			eachPacket(b, func(_ int, p capture.Packet) { dissect.QuickICMP(p.Data, dissect.LayerIP) })
		}
		perPacket(b)
	})
	b.Run("read+dissect", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			eachPacket(b, func(i int, p capture.Packet) {
				dissect.Dissect(p.Data, dissect.LayerIP, dissect.Options{Number: i, Time: p.Time})
			})
		}
		perPacket(b)
	})
	b.Run("read+story", func(b *testing.B) {
		b.ReportAllocs()
		var res *Result
		for b.Loop() {
			m := New(Options{})
			eachPacket(b, func(i int, p capture.Packet) { m.AddFrame(i, p.Time, p.Data, dissect.LayerIP) })
			res = m.Result()
		}
		perPacket(b)
		if len(res.Exchanges) != 2 {
			b.Fatalf("%d exchanges, want a trace and a ping", len(res.Exchanges))
		}
	})
}

// BenchmarkLive: what a live matcher costs an engine per probe, Sent and
// then Received for its reply, as a fleet pings: 4,094 targets of a /20
// twice each (8,188 probes) under one identifier, sequence numbers counted
// across the fleet, each reply read right after its request went. The
// window is one place per probe sent (8,192, what a fleet gave its matcher
// for that run before) and what the fleet gives it now (2,048: the probes
// that can wait for an answer at 1 ms apart with -W 2), which the probes go
// round four times.
func BenchmarkLive(b *testing.B) {
	const targets, count = 4094, 2
	n := newNet()
	var reqs, reps [][]byte
	base := netip.MustParseAddr("198.18.16.0")
	for i := 0; i < targets*count; i++ {
		dst := base
		for k := 0; k <= i%targets; k++ {
			dst = dst.Next()
		}
		reqs = append(reqs, n.echo(src4, dst.String(), 64, false, 4242, uint16(i)))
		reps = append(reps, n.echo(dst.String(), src4, 64, true, 4242, uint16(i)))
	}
	for _, window := range []int{8192, 2048} {
		b.Run(strconv.Itoa(window), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				m := New(Options{Window: window})
				for i := range reqs {
					m.Sent(Packet{Frame: i, IP: reqs[i]})
					if mt := m.Received(Packet{IP: reps[i]}); mt.Kind != MatchReply || mt.Frame != i {
						b.Fatalf("reply %d: %+v", i, mt)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(reqs)), "ns/probe")
		})
	}
}
