package story

import (
	"bytes"
	"encoding/binary"
	"testing"
	"time"
)

// fuzzMaxProbes is small so the fuzzer reaches the limit.
const fuzzMaxProbes = 32

// splitPackets cuts fuzz input into packets: a 2-byte length, that many
// bytes, again.
func splitPackets(data []byte) []Packet {
	var out []Packet
	t0 := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	for len(data) >= 2 && len(out) < 4096 {
		n := int(binary.BigEndian.Uint16(data))
		data = data[2:]
		if n > len(data) {
			n = len(data)
		}
		out = append(out, Packet{Frame: len(out) + 1, Time: t0.Add(time.Duration(len(out)) * time.Millisecond), IP: data[:n]})
		data = data[n:]
	}
	return out
}

// joinPackets is splitPackets' inverse, for the seed corpus.
func joinPackets(pkts []Packet) []byte {
	var b []byte
	for _, p := range pkts {
		b = binary.BigEndian.AppendUint16(b, uint16(len(p.IP)))
		b = append(b, p.IP...)
	}
	return b
}

// FuzzMatcher: whatever the packets, the matcher neither panics nor holds
// more than its limit of probes, every exchange it tells can be written as
// text and JSON, and every frame's role and sentence can be asked for.
func FuzzMatcher(f *testing.F) {
	for _, seed := range seedScenarios() {
		f.Add(joinPackets(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		pkts := splitPackets(data)
		m := New(Options{MaxProbes: fuzzMaxProbes})
		for _, p := range pkts {
			m.Add(p)
		}
		if m.probes.n > fuzzMaxProbes {
			t.Fatalf("%d probes kept, limit %d", m.probes.n, fuzzMaxProbes)
		}
		// Memory is bounded by the probes: each keeps a bounded number
		// of answers, whatever the packets repeat.
		for i := 0; i < m.probes.n; i++ {
			if pr := m.probes.at(int32(i)); len(pr.answers) > MaxAnswersPerProbe || len(pr.errs) > MaxAnswersPerProbe {
				t.Fatalf("probe %d keeps %d replies and %d errors, limit %d each", i, len(pr.answers), len(pr.errs), MaxAnswersPerProbe)
			}
		}
		res := m.Result()
		var out bytes.Buffer
		if err := WriteText(&out, res); err != nil {
			t.Fatal(err)
		}
		if err := WriteJSON(&out, res); err != nil {
			t.Fatal(err)
		}
		for _, p := range pkts {
			res.Role(p.Frame)
			res.Sentence(p.Frame)
		}
		// Every probe and answer in the story is a frame that was given.
		for _, e := range res.Exchanges {
			if e.Trace != nil {
				for _, h := range append(append([]Hop{}, e.Trace.Hops...), e.Trace.Beyond...) {
					for _, p := range h.Probes {
						if p.Frame < 1 || p.Frame > len(pkts) || p.Answer != nil && p.Answer.Frame <= 0 {
							t.Fatalf("probe frame %d of %d", p.Frame, len(pkts))
						}
					}
				}
			}
		}
	})
}

// seedScenarios are the test scenarios' packets.
func seedScenarios() [][]Packet {
	var out [][]Packet
	n := newNet()
	a := n.at(1, n.udp(src4, dst4, 1, 40001, 33434))
	b := n.at(2, n.udp(src4, dst4, 2, 40002, 33435))
	n.at(3, n.icmpErr(r1, a, 11, 0))
	n.at(4, n.icmpErr(dst4, b, 3, 3))
	out = append(out, n.pkts)
	n = newNet()
	rq := n.at(0, n.echo(src6, dst6, 64, false, 5, 1))
	n.at(0.4, n.echo(dst6, src6, 62, true, 5, 1))
	n.at(0.5, n.echo(dst6, src6, 62, true, 5, 1))
	n.at(1, n.icmpErr(r16, rq, 3, 0))
	p := n.at(2, n.tcp(src4, dst4, 2, 50000, 80, 1, 0, 2))
	n.at(3, n.icmpErr(r1, p, 11, 0))
	n.at(4, n.tcp(dst4, src4, 60, 80, 50000, 5, 2, 0x12))
	out = append(out, n.pkts)
	return out
}
