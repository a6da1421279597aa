package story

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// TestLiveKinds: what Sent and Received say of each packet of a ping and a
// trace, and that a live matcher never takes a received request for a
// probe nor a sent reply for an answer.
func TestLiveKinds(t *testing.T) {
	n := newNet()
	m := New(Options{Window: 16})
	req := n.echo(src4, dst4, 64, false, 7, 1)
	assert.Equal(t, Match{Kind: MatchProbe, Frame: 10}, m.Sent(Packet{Frame: 10, IP: req}))
	rep := n.echo(dst4, src4, 60, true, 7, 1)
	assert.Equal(t, Match{Kind: MatchReply, Frame: 10, Outcome: OutcomeReached}, m.Received(Packet{IP: rep}))
	assert.Equal(t, Match{Kind: MatchDuplicate, Frame: 10, Outcome: OutcomeReached}, m.Received(Packet{IP: rep}))
	// Another pinger's reply (identifier 8), a reply from elsewhere, and a
	// request read back are not ours.
	assert.Equal(t, MatchNone, m.Received(Packet{IP: n.echo(dst4, src4, 60, true, 8, 1)}).Kind)
	assert.Equal(t, MatchNone, m.Received(Packet{IP: n.echo(r1, src4, 60, true, 7, 1)}).Kind)
	assert.Equal(t, MatchNone, m.Received(Packet{IP: n.echo(dst4, src4, 64, false, 7, 2)}).Kind)
	assert.Equal(t, MatchNone, m.Sent(Packet{IP: rep}).Kind)

	// A UDP probe at TTL 200 is a probe when the engine says it sent it;
	// an error about it answers it; one about another port does not.
	pr := n.udp(src4, dst4, 200, 40000, 33434)
	assert.Equal(t, MatchNone, New(Options{}).Add(Packet{IP: pr}).Kind, "a capture takes TTL 200 for ordinary traffic")
	assert.Equal(t, MatchProbe, m.Sent(Packet{Frame: 11, IP: pr}).Kind)
	assert.Equal(t, Match{Kind: MatchError, Frame: 11, Outcome: OutcomeHop}, m.Received(Packet{IP: n.icmpErr(r1, pr, 11, 0)}))
	other := n.udp(src4, dst4, 5, 40000, 33500)
	assert.Equal(t, MatchNone, m.Received(Packet{IP: n.icmpErr(r1, other, 11, 0)}).Kind)
	// A redirect quoting the request is an advisory error.
	assert.Equal(t, Match{Kind: MatchError, Frame: 10, Outcome: OutcomeAdvisory}, m.Received(Packet{IP: n.icmpErr(r1, req, codec.ICMPv4Redirect, 1)}))
}

// TestLiveWindow: a live matcher keeps its latest Window probes, forgets
// the older ones (their answers are then not ours) and its index with
// them, however many probes go by.
func TestLiveWindow(t *testing.T) {
	const window = 8
	n := newNet()
	m := New(Options{Window: window})
	for seq := 1; seq <= 10_000; seq++ {
		require.Equal(t, MatchProbe, m.Sent(Packet{Frame: seq, IP: n.echo(src4, dst4, 64, false, 7, uint16(seq))}).Kind)
		if seq > window {
			old := n.echo(dst4, src4, 60, true, 7, uint16(seq-window))
			require.Equal(t, MatchNone, m.Received(Packet{IP: old}).Kind, "seq %d forgotten", seq-window)
		}
		last := n.echo(dst4, src4, 60, true, 7, uint16(seq-window+1))
		if seq >= window {
			require.Equal(t, Match{Kind: MatchReply, Frame: seq - window + 1, Outcome: OutcomeReached}, m.Received(Packet{IP: last}))
		}
	}
	assert.Equal(t, window, m.probes.n)
	assert.Equal(t, window, m.ring.n)
	assert.Empty(t, m.arena, "a live matcher keeps no answers")
	assert.Zero(t, m.Result().Untracked)
}

// TestLiveParisRing: probes of one flow share their ports (Paris); the
// quoted UDP checksum or TCP sequence names each, also after the ring has
// gone round several times, and the IPv4 identification of a live probe
// (unknown to an engine before the kernel sends it) names none.
func TestLiveParisRing(t *testing.T) {
	n := newNet()
	m := New(Options{Window: 6})
	var probes [][]byte
	for i := 0; i < 20; i++ {
		u := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33434}, []byte{0, byte(i), 0, 0, 1, 2, 3, 4}, addr(src4), addr(dst4))
		p := n.ip(src4, dst4, uint8(1+i%3), codec.ProtoUDP, u)
		require.Equal(t, MatchProbe, m.Sent(Packet{Frame: 100 + i, IP: p}).Kind)
		probes = append(probes, p)
	}
	for i := 14; i < 20; i++ {
		e := n.icmpErr(r1, probes[i], 11, 0)
		assert.Equal(t, 100+i, m.Received(Packet{IP: e}).Frame, "probe %d", i)
	}
	m = New(Options{Window: 4})
	for i := 0; i < 4; i++ {
		p := n.tcp(src4, dst4, uint8(i+1), 50000, 80, uint32(1000*i), 0, codec.TCPFlagSYN)
		m.Sent(Packet{Frame: i, IP: p})
		probes[i] = p
	}
	for _, i := range []int{2, 0, 3, 1} {
		assert.Equal(t, Match{Kind: MatchError, Frame: i, Outcome: OutcomeHop}, m.Received(Packet{IP: n.icmpErr(r1, probes[i], 11, 0)}))
	}
	synack := n.tcp(dst4, src4, 60, 80, 50000, 9, 1000*2+1, codec.TCPFlagSYN|codec.TCPFlagACK)
	assert.Equal(t, Match{Kind: MatchReply, Frame: 2, Outcome: OutcomeReached}, m.Received(Packet{IP: synack}))
}

// TestExtendedEchoError: an error quoting an RFC 8335 extended echo
// request answers it (its sequence is the high byte of the quoted word),
// never an echo request with the same identifier.
func TestExtendedEchoError(t *testing.T) {
	n := newNet()
	m := New(Options{Window: 4})
	f := codec.IPv4
	echo := n.echo(src4, dst4, 64, false, 9, 5)
	req := codec.Append(nil, codec.Header{Family: f, Type: codec.ICMPv4ExtendedEchoRequest},
		codec.ExtendedEchoRequest{ID: 9, Seq: 5, Local: true})
	ext := n.ip(src4, dst4, 64, codec.ProtoICMP, req)
	m.Sent(Packet{Frame: 1, IP: echo})
	m.Sent(Packet{Frame: 2, IP: ext})
	assert.Equal(t, Match{Kind: MatchError, Frame: 2, Outcome: OutcomeUnreachable}, m.Received(Packet{IP: n.icmpErr(r1, ext, 3, 1)}))
	assert.Equal(t, Match{Kind: MatchError, Frame: 1, Outcome: OutcomeUnreachable}, m.Received(Packet{IP: n.icmpErr(r1, echo, 3, 1)}))
}

// TestRingIndex churns a live matcher's index: probes on keys drawn at
// random from a few (many sharing a home position), the ring going round
// many times; every key reads back as the latest probe with it still in
// the window, and keys whose probes all left are gone.
func TestRingIndex(t *testing.T) {
	const window = 64
	n := newNet()
	m := New(Options{Window: window})
	rng := rand.New(rand.NewPCG(1, 2))
	var frames []int
	var ports []uint16
	for frame := 0; frame < 50_000; frame++ {
		port := uint16(rng.IntN(150))
		m.Sent(Packet{Frame: frame, IP: n.udp(src4, dst4, 3, 40000+port%7, port)})
		frames, ports = append(frames, frame), append(ports, port)
		if frame%997 != 0 {
			continue
		}
		latest := map[uint16]int{}
		for i := max(0, len(frames)-window); i < len(frames); i++ {
			latest[ports[i]] = frames[i]
		}
		require.Equal(t, len(latest), m.ring.n, "frame %d", frame)
		for p := uint16(0); p < 150; p++ {
			k := probeKey{fam: codec.IPv4, proto: codec.ProtoUDP, src: addr(src4), dst: addr(dst4), a: 40000 + p%7, b: p}
			s, ok := m.ring.get(&k)
			w, wok := latest[p]
			require.Equal(t, wok, ok, "frame %d port %d", frame, p)
			if ok {
				require.Equal(t, w, m.probes.at(s).frame)
			}
		}
	}
}

// TestLiveAllocatesNothing: once made, a live matcher allocates nothing
// per probe and answer, its ring full or not.
func TestLiveAllocatesNothing(t *testing.T) {
	n := newNet()
	m := New(Options{Window: 256})
	var reqs, reps [512][]byte
	for i := range reqs {
		reqs[i] = n.echo(src4, dst4, 64, false, 7, uint16(i))
		reps[i] = n.echo(dst4, src4, 60, true, 7, uint16(i))
	}
	i := 0
	allocs := testing.AllocsPerRun(2000, func() {
		m.Sent(Packet{Frame: i, IP: reqs[i%512]})
		if m.Received(Packet{IP: reps[i%512]}).Kind != MatchReply {
			t.Fatal("reply not matched")
		}
		i++
	})
	assert.Zero(t, allocs)
}

// TestLiveUDPAnswer: a datagram back from the port a UDP probe went to
// answers it (the destination's service is open); one from another port
// does not.
func TestLiveUDPAnswer(t *testing.T) {
	n := newNet()
	m := New(Options{Window: 4})
	m.Sent(Packet{Frame: 3, IP: n.udp(src4, dst4, 5, 40000, 53)})
	assert.Equal(t, Match{Kind: MatchReply, Frame: 3, Outcome: OutcomeReached}, m.Received(Packet{IP: n.udp(dst4, src4, 60, 53, 40000)}))
	assert.Equal(t, MatchNone, m.Received(Packet{IP: n.udp(dst4, src4, 60, 54, 40000)}).Kind)
}

// FuzzLive: whatever the packets, sent or received, a live matcher never
// panics, holds no more than its window of probes and index entries, and
// names only frames it was given as probes.
func FuzzLive(f *testing.F) {
	for _, seed := range seedScenarios() {
		f.Add(joinPackets(seed), uint8(0b1010))
	}
	f.Fuzz(func(t *testing.T, data []byte, sent uint8) {
		const window = 8
		m := New(Options{Window: window})
		probes := map[int]bool{}
		for i, p := range splitPackets(data) {
			var mt Match
			if sent>>(i%8)&1 == 1 {
				mt = m.Sent(p)
			} else {
				mt = m.Received(p)
			}
			switch {
			case mt.Kind == MatchProbe:
				probes[mt.Frame] = true
			case mt.Answers() && !probes[mt.Frame]:
				t.Fatalf("packet %d answers frame %d, never sent", i, mt.Frame)
			}
			if m.probes.n > window || m.ring.n > window {
				t.Fatalf("%d probes, %d index entries, window %d", m.probes.n, m.ring.n, window)
			}
		}
	})
}
