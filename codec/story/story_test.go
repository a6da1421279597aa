package story

import (
	"bytes"
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

const (
	src4  = "198.18.0.1"
	r1    = "198.18.1.2"
	r2    = "198.18.2.2"
	r2b   = "198.18.2.3" // the other arm of an ECMP diamond at hop 2
	dst4  = "198.18.3.2"
	src6  = "2001:2:0:1::1"
	r16   = "2001:2:0:1::2"
	dst6  = "2001:2:0:3::2"
	other = "198.18.9.9"
)

// A UDP traceroute as Debian's traceroute sends it: three probes per TTL,
// 16 at once so TTLs past the destination go out too, port 33434 and up.
// Hop 2 is an ECMP diamond and loses one answer.
func TestTraceUDP(t *testing.T) {
	n := newNet()
	port := uint16(33434)
	var probes [][]byte
	for ttl := uint8(1); ttl <= 5; ttl++ {
		for k := 0; k < 3; k++ {
			probes = append(probes, n.at(float64(len(probes))*0.01, n.udp(src4, dst4, ttl, 40000+uint16(len(probes)), port)))
			port++
		}
	}
	// Hop 1 answers everything, hop 2 two of three from two routers, hop 3
	// is the destination; probes with TTL 4 and 5 reach it too.
	n.at(1.0, n.icmpErr(r1, probes[0], codec.ICMPv4TimeExceeded, 0))
	n.at(1.1, n.icmpErr(r1, probes[1], codec.ICMPv4TimeExceeded, 0))
	n.at(1.2, n.icmpErr(r1, probes[2], codec.ICMPv4TimeExceeded, 0))
	n.at(1.3, n.icmpErr(r2, probes[3], codec.ICMPv4TimeExceeded, 0))
	n.at(1.4, n.icmpErr(r2b, probes[5], codec.ICMPv4TimeExceeded, 0))
	for i := 6; i < 15; i++ {
		n.at(2+float64(i)*0.1, n.icmpErr(dst4, probes[i], codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable))
	}
	n.at(5, n.udp(src4, "198.18.0.53", 64, 5353, 53)) // not a probe: TTL 64
	res := n.result()
	require.Len(t, res.Exchanges, 1)
	tr := res.Exchanges[0].Trace
	require.NotNil(t, tr)
	assert.Equal(t, MethodUDP, tr.Method)
	assert.Equal(t, EndReached, tr.End)
	assert.True(t, tr.Reached)
	require.Len(t, tr.Hops, 3)
	require.Len(t, tr.Beyond, 2)
	assert.Equal(t, 15, tr.Sent)
	assert.Equal(t, 3, tr.Rounds)
	assert.False(t, tr.Cycles)
	lines := []string{HopLine(tr.Hops[0]), HopLine(tr.Hops[1]), HopLine(tr.Hops[2])}
	assert.Regexp(t, `^ 1  198\.18\.1\.2  \d+\.\d{3} ms  \d+\.\d{3} ms  \d+\.\d{3} ms$`, lines[0])
	assert.Regexp(t, `^ 2  198\.18\.2\.2  \d+\.\d{3} ms \* 198\.18\.2\.3  \d+\.\d{3} ms$`, lines[1])
	assert.Regexp(t, `^ 3  198\.18\.3\.2  \d+\.\d{3} ms  \d+\.\d{3} ms  \d+\.\d{3} ms$`, lines[2])
	p := tr.Hops[0].Probes[0]
	require.NotNil(t, p.Answer)
	assert.InDelta(t, 1.0, ms(p.Answer.RTT), 1e-9)
	assert.Equal(t, 16, p.Answer.Frame)

	// Every frame of the trace has its role; the DNS query has none.
	ro, ok := res.Role(16)
	require.True(t, ok)
	assert.True(t, ro.Answer)
	_, ok = res.Role(len(n.pkts))
	assert.False(t, ok)

	// The sentence under each time exceeded names the TTL the probe was
	// sent with, not the TTL the quote carries (1 at every hop).
	for _, h := range tr.Hops[:2] {
		for _, p := range h.Probes {
			if p.Answer == nil {
				continue
			}
			s, ok := res.Sentence(p.Answer.Frame)
			require.True(t, ok)
			want := fmt.Sprintf("your %s UDP probe, sent with TTL %d to %s port %d, expired at %s, ", Ordinal(p.N), h.TTL, dst4, p.DstPort, p.Answer.From)
			assert.True(t, strings.HasPrefix(s, want), "%q does not start with %q", s, want)
			assert.True(t, strings.HasSuffix(s, " ms later"), s)
		}
	}
	s, ok := res.Sentence(tr.Hops[2].Probes[0].Answer.Frame)
	require.True(t, ok)
	assert.Contains(t, s, "your 7th UDP probe, sent with TTL 3 to 198.18.3.2 port 33440, reached 198.18.3.2 (port unreachable)")

	var js bytes.Buffer
	require.NoError(t, WriteJSON(&js, res))
	var obj map[string]any
	require.NoError(t, json.Unmarshal(js.Bytes(), &obj))
	assert.Equal(t, "trace", obj["kind"])
	assert.Equal(t, "udp", obj["method"])
	assert.Equal(t, "reached", obj["end"])
	hops := obj["hops"].([]any)
	h2 := hops[1].(map[string]any)["probes"].([]any)
	silent := h2[1].(map[string]any)
	assert.Nil(t, silent["addr"])
	assert.Nil(t, silent["rtt_ms"])
	assert.Nil(t, silent["answer_frame"])
	assert.Nil(t, silent["type"])
	first := hops[0].(map[string]any)["probes"].([]any)[0].(map[string]any)
	assert.Equal(t, "198.18.1.2", first["addr"])
	assert.EqualValues(t, 11, first["type"])
	assert.EqualValues(t, 1.0, first["rtt_ms"])
}

// mtr sends one ICMP echo per TTL per cycle under one identifier: three
// cycles make one trace with three probes per hop, not three traces.
func TestTraceMTRRounds(t *testing.T) {
	n := newNet()
	seq := uint16(33000)
	for round := 0; round < 3; round++ {
		base := float64(round) * 1000
		for ttl := uint8(1); ttl <= 3; ttl++ {
			pr := n.at(base+float64(ttl), n.echo(src4, dst4, ttl, false, 777, seq))
			switch ttl {
			case 1:
				n.at(base+float64(ttl)+0.2, n.icmpErr(r1, pr, codec.ICMPv4TimeExceeded, 0))
			case 2:
				if round != 1 { // one loss at hop 2
					n.at(base+float64(ttl)+0.3, n.icmpErr(r2, pr, codec.ICMPv4TimeExceeded, 0))
				}
			case 3:
				n.at(base+float64(ttl)+0.4, n.echo(dst4, src4, 62, true, 777, seq))
			}
			seq++
		}
	}
	res := n.result()
	require.Len(t, res.Exchanges, 1)
	tr := res.Exchanges[0].Trace
	require.NotNil(t, tr)
	assert.Equal(t, MethodICMP, tr.Method)
	assert.Equal(t, EndReached, tr.End)
	require.Len(t, tr.Hops, 3)
	assert.Equal(t, 3, tr.Rounds)
	assert.True(t, tr.Cycles)
	assert.Regexp(t, `^  2\.\|-- 198\.18\.2\.2 +33\.3%     3 +0\.3 +0\.3 +0\.3 +0\.3 +0\.0$`, MTRLine(tr.Hops[1]))
	assert.Nil(t, tr.Hops[1].Probes[1].Answer)
	for _, p := range tr.Hops[2].Probes {
		require.NotNil(t, p.Answer)
		assert.InDelta(t, 0.4, ms(p.Answer.RTT), 1e-6)
	}
}

// traceroute -T: SYNs with rising TTLs; the destination answers SYN-ACK on
// an open port, RST on a closed one.
func TestTraceTCP(t *testing.T) {
	for _, rst := range []bool{false, true} {
		n := newNet()
		var probes [][]byte
		for ttl := uint8(1); ttl <= 3; ttl++ {
			probes = append(probes, n.at(float64(ttl), n.tcp(src4, dst4, ttl, 50000+uint16(ttl), 80, 1000*uint32(ttl), 0, codec.TCPFlagSYN)))
		}
		n.at(4, n.icmpErr(r1, probes[0], codec.ICMPv4TimeExceeded, 0))
		n.at(5, n.icmpErr(r2, probes[1], codec.ICMPv4TimeExceeded, 0))
		flags := codec.TCPFlagSYN | codec.TCPFlagACK
		if rst {
			flags = codec.TCPFlagRST | codec.TCPFlagACK
		}
		n.at(6, n.tcp(dst4, src4, 62, 80, 50003, 9, 3001, flags))
		res := n.result()
		require.Len(t, res.Exchanges, 1)
		tr := res.Exchanges[0].Trace
		assert.Equal(t, MethodTCP, tr.Method)
		assert.Equal(t, EndReached, tr.End)
		require.Len(t, tr.Hops, 3)
		a := tr.Hops[2].Probes[0].Answer
		require.NotNil(t, a)
		assert.True(t, a.TCP)
		assert.Equal(t, rst, a.RST)
		s, ok := res.Sentence(a.Frame)
		require.True(t, ok)
		assert.Contains(t, s, "your 3rd TCP SYN probe, sent with TTL 3 to 198.18.3.2 port 80, reached 198.18.3.2")
	}
}

// A trace stopped by !H at hop 2, and one into silence.
func TestTraceEnds(t *testing.T) {
	n := newNet()
	a := n.at(1, n.udp(src4, dst4, 1, 40001, 33434))
	b := n.at(2, n.udp(src4, dst4, 2, 40002, 33435))
	n.at(3, n.udp(src4, dst4, 3, 40003, 33436))
	n.at(4, n.icmpErr(r1, a, codec.ICMPv4TimeExceeded, 0))
	n.at(5, n.icmpErr(r2, b, codec.ICMPv4DestinationUnreachable, codec.CodeHostUnreachable))
	res := n.result()
	require.Len(t, res.Exchanges, 1)
	tr := res.Exchanges[0].Trace
	assert.Equal(t, EndUnreachable, tr.End)
	assert.Equal(t, "!H", tr.Mark)
	require.Len(t, tr.Hops, 2)
	assert.Regexp(t, `^ 2  198\.18\.2\.2  \d\.\d{3} ms !H$`, HopLine(tr.Hops[1]))

	n = newNet()
	a = n.at(1, n.udp(src4, dst4, 1, 40001, 33434))
	n.at(2, n.udp(src4, dst4, 2, 40002, 33435))
	n.at(3, n.udp(src4, dst4, 3, 40003, 33436))
	n.at(4, n.icmpErr(r1, a, codec.ICMPv4TimeExceeded, 0))
	res = n.result()
	tr = res.Exchanges[0].Trace
	assert.Equal(t, EndSilent, tr.End)
	assert.False(t, tr.Reached)
	require.Len(t, tr.Hops, 3)
	assert.Equal(t, " 3  *", HopLine(tr.Hops[2]))
}

// iputils ping: a lost request, a duplicate reply, and from another run with
// -t 2 an error from the second router.
func TestPing(t *testing.T) {
	n := newNet()
	for seq := uint16(1); seq <= 4; seq++ {
		base := float64(seq) * 1000
		n.at(base, n.echo(src4, dst4, 64, false, 4242, seq))
		switch seq {
		case 2: // lost
		case 3:
			n.at(base+0.5, n.echo(dst4, src4, 62, true, 4242, seq))
			n.at(base+0.7, n.echo(dst4, src4, 62, true, 4242, seq))
		default:
			n.at(base+0.25, n.echo(dst4, src4, 62, true, 4242, seq))
		}
	}
	// A reply nobody asked for and another identifier's request stay alone.
	n.at(9000, n.echo(other, src4, 60, true, 4242, 99))
	res := n.result()
	require.Len(t, res.Exchanges, 1)
	p := res.Exchanges[0].Ping
	require.NotNil(t, p)
	assert.Equal(t, 4, p.Transmitted)
	assert.Equal(t, 3, p.Received)
	assert.Equal(t, 1, p.Duplicates)
	assert.Equal(t, []uint16{2}, p.Lost)
	require.Len(t, p.Replies, 4)
	assert.True(t, p.Replies[2].Dup)
	assert.InDelta(t, 0.7, ms(p.Replies[2].RTT), 1e-6)
	_, ok := res.Role(len(n.pkts))
	assert.False(t, ok)

	var out bytes.Buffer
	require.NoError(t, WriteText(&out, res))
	text := out.String()
	assert.Contains(t, text, "PING 198.18.3.2 (198.18.3.2) 56(84) bytes of data.\n")
	assert.Contains(t, text, "64 bytes from 198.18.3.2: icmp_seq=1 ttl=62 time=0.250 ms\n")
	assert.Contains(t, text, "64 bytes from 198.18.3.2: icmp_seq=3 ttl=62 time=0.700 ms (DUP!)\n")
	assert.Contains(t, text, "4 packets transmitted, 3 received, +1 duplicates, 25% packet loss, time 3000ms\n")
	assert.Contains(t, text, "rtt min/avg/max/mdev = 0.250/0.333/0.500/0.118 ms\n")

	n = newNet()
	for seq := uint16(1); seq <= 2; seq++ {
		rq := n.at(float64(seq)*1000, n.echo(src4, dst4, 2, false, 99, seq))
		n.at(float64(seq)*1000+0.3, n.icmpErr(r2, rq, codec.ICMPv4TimeExceeded, 0))
	}
	res = n.result()
	require.Len(t, res.Exchanges, 1)
	p = res.Exchanges[0].Ping
	require.NotNil(t, p, "constant TTL: a ping, not a trace")
	assert.Equal(t, 0, p.Received)
	assert.Equal(t, []uint16{1, 2}, p.Lost)
	require.Len(t, p.Errors, 2)
	assert.Equal(t, addr(r2), p.Errors[0].From)
	s, ok := res.Sentence(p.Errors[1].Frame)
	require.True(t, ok)
	assert.Equal(t, "your echo request seq 2, sent with TTL 2 to 198.18.3.2, expired at 198.18.2.2, 0.30 ms later", s)
	out.Reset()
	require.NoError(t, WriteText(&out, res))
	assert.Contains(t, out.String(), "From 198.18.2.2 icmp_seq=1 Time to live exceeded\n")
	assert.Contains(t, out.String(), "2 packets transmitted, 0 received, +2 errors, 100% packet loss")
}

// fping sends to several targets under one identifier: one ping each.
func TestPingFpingSplitsByDestination(t *testing.T) {
	n := newNet()
	targets := []string{dst4, "198.18.3.3", "198.18.3.4"}
	for seq := uint16(0); seq < 2; seq++ {
		for i, d := range targets {
			n.at(float64(seq)*1000+float64(i), n.echo(src4, d, 64, false, 31000, seq+uint16(i)*2))
		}
		for i, d := range targets[:2] {
			n.at(float64(seq)*1000+float64(i)+0.5, n.echo(d, src4, 62, true, 31000, seq+uint16(i)*2))
		}
	}
	res := n.result()
	require.Len(t, res.Exchanges, 3)
	for i, e := range res.Exchanges {
		require.NotNil(t, e.Ping)
		assert.Equal(t, addr(targets[i]), e.Ping.Dst)
		assert.Equal(t, 2, e.Ping.Transmitted)
	}
	assert.Equal(t, 2, res.Exchanges[1].Ping.Received)
	assert.Equal(t, 0, res.Exchanges[2].Ping.Received)
	var out bytes.Buffer
	require.NoError(t, WriteText(&out, res))
	assert.Equal(t, "198.18.3.2 : xmt/rcv/%loss = 2/2/0%, min/avg/max = 0.500/0.500/0.500\n"+
		"198.18.3.3 : xmt/rcv/%loss = 2/2/0%, min/avg/max = 0.500/0.500/0.500\n"+
		"198.18.3.4 : xmt/rcv/%loss = 2/0/100%\n", out.String())
}

// IPv6: ping and a UDP trace whose hop limits rise.
func TestIPv6(t *testing.T) {
	n := newNet()
	rq := n.at(0, n.echo(src6, dst6, 64, false, 5, 1))
	n.at(0.4, n.echo(dst6, src6, 62, true, 5, 1))
	_ = rq
	a := n.at(10, n.udp(src6, dst6, 1, 41000, 33434))
	b := n.at(10.1, n.udp(src6, dst6, 2, 41001, 33435))
	n.at(10.5, n.icmpErr(r16, a, codec.ICMPv6TimeExceeded, 0))
	n.at(10.6, n.icmpErr(dst6, b, codec.ICMPv6DestinationUnreachable, codec.Code6PortUnreachable))
	res := n.result()
	require.Len(t, res.Exchanges, 2)
	p := res.Exchanges[0].Ping
	require.NotNil(t, p)
	assert.Equal(t, 1, p.Received)
	tr := res.Exchanges[1].Trace
	require.NotNil(t, tr)
	assert.Equal(t, EndReached, tr.End)
	s, ok := res.Sentence(tr.Hops[0].Probes[0].Answer.Frame)
	require.True(t, ok)
	assert.Equal(t, "your 1st UDP probe, sent with hop limit 1 to 2001:2:0:3::2 port 33434, expired at 2001:2:0:1::2, 0.50 ms later", s)
}

// RFC 8335 extended echo is a ping of its own kind.
func TestPingExtendedEcho(t *testing.T) {
	n := newNet()
	req := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4ExtendedEchoRequest},
		codec.ExtendedEchoRequest{ID: 9, Seq: 1, Ext: codec.NewExtensions(nil, codec.AppendInterfaceIdentObject(nil, codec.InterfaceIdent{Name: "eth0"}))})
	rep := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4ExtendedEchoReply},
		codec.ExtendedEchoReply{ID: 9, Seq: 1, Active: true, IPv4: true})
	n.at(0, n.ip(src4, dst4, 64, codec.ProtoICMP, req))
	n.at(0.3, n.ip(dst4, src4, 64, codec.ProtoICMP, rep))
	res := n.result()
	require.Len(t, res.Exchanges, 1)
	p := res.Exchanges[0].Ping
	require.NotNil(t, p)
	assert.True(t, p.Extended)
	assert.Equal(t, 1, p.Received)
}

// A capture with no exchange gives no story.
func TestNoExchange(t *testing.T) {
	n := newNet()
	n.at(0, n.udp(src4, "198.18.0.53", 64, 5353, 53))
	n.at(1, []byte{0x45, 0, 0})
	n.at(2, nil)
	res := n.result()
	assert.Empty(t, res.Exchanges)
	var out bytes.Buffer
	require.NoError(t, WriteText(&out, res))
	require.NoError(t, WriteJSON(&out, res))
	assert.Empty(t, out.String())
}

// A million unanswered probes stay within MaxProbes; the rest are counted.
func TestLimit(t *testing.T) {
	n := newNet()
	pkt := n.echo(src4, dst4, 64, false, 1, 0)
	m := New(Options{MaxProbes: 1000})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := 0; i < 1_000_000; i++ {
		pkt[26], pkt[27] = byte(i>>8), byte(i) // the sequence number; the checksum goes bad, the probe stays
		m.Add(Packet{Frame: i + 1, IP: pkt})
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	assert.Equal(t, 1000, m.probes.n)
	// A thousand probes and their index, whatever came after: well under
	// a megabyte (a million kept probes would be about 300 MB).
	assert.Less(t, int64(after.HeapAlloc)-int64(before.HeapAlloc), int64(1<<20))
	res := m.Result()
	assert.Equal(t, 999_000, res.Untracked)
	require.Len(t, res.Exchanges, 1)
	assert.Equal(t, 1000, res.Exchanges[0].Ping.Transmitted)
	var out bytes.Buffer
	require.NoError(t, WriteJSON(&out, res))
	assert.Contains(t, out.String(), `{"kind":"limit","untracked":999000,"limit":1000,"unlisted":0,"answers_per_probe":64}`)
}

// TestAnswersBounded: one request answered a million times, and one UDP
// probe quoted by a million time exceeded, keep MaxAnswersPerProbe answers
// each; the rest are counted (a review measured 126 MB kept before).
func TestAnswersBounded(t *testing.T) {
	n := newNet()
	req := n.echo(src4, dst4, 64, false, 9, 1)
	rep := n.echo(dst4, src4, 60, true, 9, 1)
	probe := n.udp(src4, dst4, 1, 40000, 33434)
	te := n.icmpErr(r1, probe, codec.ICMPv4TimeExceeded, 0)
	m := New(Options{})
	m.Add(Packet{Frame: 1, IP: req})
	m.Add(Packet{Frame: 2, IP: probe})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	const each = 500_000
	for i := 0; i < each; i++ {
		m.Add(Packet{Frame: 3 + 2*i, IP: rep})
		m.Add(Packet{Frame: 4 + 2*i, IP: te})
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	assert.Less(t, int64(after.HeapAlloc)-int64(before.HeapAlloc), int64(1<<20))
	res := m.Result()
	assert.Equal(t, 2*(each-MaxAnswersPerProbe), res.Unlisted)
	var ping *Ping
	for _, e := range res.Exchanges {
		if e.Ping != nil {
			ping = e.Ping
		}
	}
	require.NotNil(t, ping)
	assert.Equal(t, 1, ping.Received)
	assert.Equal(t, each-1, ping.Duplicates, "every duplicate is counted")
	assert.Len(t, ping.Replies, MaxAnswersPerProbe)
	var out bytes.Buffer
	require.NoError(t, WriteText(&out, res))
	assert.Contains(t, out.String(), "answers past 64 for one probe were counted, not listed")
}

func TestOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 11: "11th", 12: "12th", 13: "13th", 21: "21st", 22: "22nd", 101: "101st", 111: "111th"} {
		assert.Equal(t, want, Ordinal(n))
	}
}

// Paris traceroute over IPv6 keeps one flow (ports and flow label) for every
// probe and numbers them by the UDP checksum: answers arriving out of order
// still find their probe by the checksum they quote.
func TestTraceParisByChecksum(t *testing.T) {
	n := newNet()
	var probes [][]byte
	for ttl := uint8(1); ttl <= 3; ttl++ {
		payload := make([]byte, 16)
		payload[0] = ttl // a different checksum per probe, same ports
		u := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33434}, payload, addr(src6), addr(dst6))
		ip := n.ip(src6, dst6, ttl, codec.ProtoUDP, u)
		ip[3] = 7 // one flow label for all
		probes = append(probes, n.at(float64(ttl)*0.1, ip))
	}
	n.at(1, n.icmpErr(r16, probes[0], codec.ICMPv6TimeExceeded, 0))
	n.at(2, n.icmpErr(dst6, probes[2], codec.ICMPv6DestinationUnreachable, codec.Code6PortUnreachable))
	n.at(3, n.icmpErr("2001:2:0:2::2", probes[1], codec.ICMPv6TimeExceeded, 0))
	res := n.result()
	tr := res.Exchanges[0].Trace
	require.Len(t, tr.Hops, 3)
	want := []string{r16, "2001:2:0:2::2", dst6}
	for i, h := range tr.Hops {
		require.NotNil(t, h.Probes[0].Answer)
		assert.Equal(t, want[i], h.Probes[0].Answer.From.String(), "TTL %d", h.TTL)
	}
}
