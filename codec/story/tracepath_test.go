package story

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"net/netip"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// tpProbe builds a UDP probe of size bytes (IP header included) as iputils
// tracepath sends it: its payload begins with the TTL as a little-endian
// 32-bit number (stamp), then the send time, then zeros; IPv4 ones carry DF
// (df). Without stamp the payload is traceroute's "@ABC...".
func (n *net) tpProbe(src, dst string, ttl uint8, sport, dport uint16, size int, df, stamp bool) []byte {
	hl := 20
	if addr(src).Is6() {
		hl = 40
	}
	data := make([]byte, size-hl-codec.UDPHeaderLen)
	if stamp {
		binary.LittleEndian.PutUint32(data, uint32(ttl))
		binary.LittleEndian.PutUint64(data[8:], 13661) // seconds of the sender's monotonic clock
	} else {
		for i := range data {
			data[i] = byte(0x40 + i)
		}
	}
	u := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: sport, DstPort: dport}, data, addr(src), addr(dst))
	b := n.ip(src, dst, ttl, codec.ProtoUDP, u)
	if hl == 20 && df {
		b[6] |= codec.IPv4FlagDF << 5
		binary.BigEndian.PutUint16(b[10:], 0)
		binary.BigEndian.PutUint16(b[10:], codec.Checksum(b[:20]))
	}
	return b
}

// tpAnswer builds the ICMP error router sends about probe, quoting as much
// of it as Linux does (576 bytes in all for IPv4, 1280 for IPv6), arriving
// with arrival as its TTL; mtu for fragmentation needed and packet too big.
func (n *net) tpAnswer(router string, probe []byte, t codec.Type, c codec.Code, mtu uint32, arrival uint8) []byte {
	f, limit := codec.IPv4, 576-20-8
	if probe[0]>>4 == 6 {
		f, limit = codec.IPv6, 1280-40-8
	}
	q := append([]byte(nil), probe[:min(len(probe), limit)]...)
	var src string
	if f == codec.IPv4 {
		q[8] = 1
		binary.BigEndian.PutUint16(q[10:], 0)
		binary.BigEndian.PutUint16(q[10:], codec.Checksum(q[:20]))
		src = netip.AddrFrom4([4]byte(probe[12:16])).String()
	} else {
		q[7] = 1
		src = netip.AddrFrom16([16]byte(probe[8:24])).String()
	}
	m := codec.Append(nil, codec.Header{Family: f, Type: t, Code: c, Src: addr(router), Dst: addr(src)}, codec.ErrorBody{MTU: mtu, Quote: q})
	return n.ip(router, src, arrival, f.Protocol(), m)
}

// tracepathRun is a capture of `tracepath -n 198.18.3.2` over src - r1 -
// r2 - dst where the r1-r2 link has an MTU of 1400 (as recorded in
// native/story): the kernel refused the first probe of 65,535 bytes, so
// TTL 1 is probed twice at 1500; at TTL 2 r1 answers fragmentation needed
// and tracepath probes TTL 2 again at 1400.
func tracepathRun(t *testing.T, six bool) (*net, *Result) {
	t.Helper()
	n := newNet()
	src, h1, h2, dst := "198.18.1.1", "198.18.1.2", "198.18.2.2", "198.18.3.2"
	te, tc, tooBig, tbc, unreach, port := codec.ICMPv4TimeExceeded, codec.CodeTTLExceeded, codec.ICMPv4DestinationUnreachable, codec.CodeFragmentationNeeded, codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable
	if six {
		src, h1, h2, dst = "2001:2:0:1::1", "2001:2:0:1::2", "2001:2:0:2::2", "2001:2:0:3::2"
		te, tooBig, tbc, unreach, port = codec.ICMPv6TimeExceeded, codec.ICMPv6PacketTooBig, 0, codec.ICMPv6DestinationUnreachable, codec.Code6PortUnreachable
	}
	steps := []struct {
		ttl    uint8
		size   int
		from   string
		typ    codec.Type
		code   codec.Code
		mtu    uint32
		arrive uint8
	}{
		{1, 1500, h1, te, tc, 0, 64},
		{1, 1500, h1, te, tc, 0, 64},
		{2, 1500, h1, tooBig, tbc, 1400, 64},
		{2, 1400, h2, te, tc, 0, 63},
		{3, 1400, dst, unreach, port, 0, 62},
	}
	at := 0.0
	for i, s := range steps {
		p := n.at(at, n.tpProbe(src, dst, s.ttl, 40121, 44444+uint16(i), s.size, true, true))
		at += 0.095
		n.at(at, n.tpAnswer(s.from, p, s.typ, s.code, s.mtu, s.arrive))
		at += 0.2
	}
	return n, n.result()
}

func TestTracepathIPv4(t *testing.T) {
	_, res := tracepathRun(t, false)
	require.Len(t, res.Exchanges, 1)
	tr := res.Exchanges[0].Trace
	require.NotNil(t, tr)
	assert.Equal(t, ToolTracepath, tr.Tool)
	assert.Equal(t, EndReached, tr.End, "a fragmentation needed that tracepath went past is not the end")
	require.Len(t, tr.Hops, 3)
	assert.Empty(t, tr.Beyond)
	assert.Equal(t, []int{1500, 1400, 1400}, []int{tr.Hops[0].PMTU, tr.Hops[1].PMTU, tr.Hops[2].PMTU})
	assert.Equal(t, 1400, tr.PMTU)
	assert.Equal(t, 3, tr.HopsTo)
	assert.Equal(t, 3, tr.HopsBack)
	p := tr.Hops[0].Probes[0]
	assert.True(t, p.DF)
	assert.True(t, p.Stamped)
	assert.Equal(t, 1500, p.IPLen)

	var out bytes.Buffer
	require.NoError(t, WriteText(&out, res))
	// What tracepath printed for this path, the times as the capture has them.
	want := " 1?: [LOCALHOST]                      pmtu 1500\n" +
		" 1:  198.18.1.2                                            0.095ms \n" +
		" 1:  198.18.1.2                                            0.095ms \n" +
		" 2:  198.18.1.2                                            0.095ms pmtu 1400\n" +
		" 2:  198.18.2.2                                            0.095ms \n" +
		" 3:  198.18.3.2                                            0.095ms reached\n" +
		"     Resume: pmtu 1400 hops 3 back 3 \n"
	assert.Equal(t, want, out.String())
}

func TestTracepathIPv6(t *testing.T) {
	_, res := tracepathRun(t, true)
	tr := onlyTraceOf(t, res)
	assert.Equal(t, ToolTracepath, tr.Tool, "no DF in IPv6: the stamp tells")
	assert.Equal(t, EndReached, tr.End)
	assert.Equal(t, 1400, tr.PMTU)
	var out bytes.Buffer
	require.NoError(t, WriteText(&out, res))
	lines := strings.Split(out.String(), "\n")
	assert.Equal(t, " 1?: [LOCALHOST]                      pmtu 1500", lines[0])
	assert.Equal(t, " 2:  2001:2:0:1::2                                         0.095ms pmtu 1400", lines[3])
	assert.Equal(t, " 3:  2001:2:0:3::2                                         0.095ms reached", lines[5])
	assert.Equal(t, "     Resume: pmtu 1400 hops 3 back 3 ", lines[6])
}

// onlyTraceOf returns a result's one trace.
func onlyTraceOf(t *testing.T, res *Result) *Trace {
	t.Helper()
	require.Len(t, res.Exchanges, 1)
	require.NotNil(t, res.Exchanges[0].Trace)
	return res.Exchanges[0].Trace
}

// tracepath -l 1000 over a path whose second router is silent, and whose
// first router's answers come back over two hops: no [LOCALHOST] line (one
// probe at TTL 1), "no reply" after three unanswered probes, "asymm  2",
// and "Too many hops" when the destination never answers.
func TestTracepathSilentAndAsymmetric(t *testing.T) {
	n := newNet()
	src, dst := "198.18.1.1", "198.18.3.2"
	port := uint16(50000)
	probe := func(ttl uint8) []byte {
		port++
		return n.at(float64(port-50000), n.tpProbe(src, dst, ttl, 40000, port-1, 1000, true, true))
	}
	p := probe(1)
	n.at(1.25, n.tpAnswer("198.18.1.2", p, codec.ICMPv4TimeExceeded, 0, 0, 63))
	for ttl := uint8(2); ttl <= 3; ttl++ {
		for k := 0; k < 3; k++ {
			probe(ttl)
		}
	}
	tr := onlyTraceOf(t, n.result())
	assert.Equal(t, ToolTracepath, tr.Tool)
	assert.Equal(t, EndSilent, tr.End)
	assert.Equal(t, 1000, tr.PMTU)
	assert.Zero(t, tr.HopsTo)
	var out bytes.Buffer
	require.NoError(t, WriteText(&out, &Result{Exchanges: []Exchange{{Kind: KindTrace, Trace: tr}}}))
	assert.Equal(t, " 1:  198.18.1.2                                            0.250ms asymm  2 \n"+
		" 2:  no reply\n"+
		" 3:  no reply\n"+
		"     Too many hops: pmtu 1000\n"+
		"     Resume: pmtu 1000 \n", out.String())
}

// GuessTool tells tracepath from traceroute -N 1 by the probes alone.
func TestGuessTool(t *testing.T) {
	src, dst := "198.18.1.1", "198.18.3.2"
	type style struct {
		oneSocket, df, stamp bool
		cut                  int // capture the first cut bytes only (0: all)
	}
	for _, tc := range []struct {
		name string
		s    style
		want Tool
	}{
		{"tracepath", style{true, true, true, 0}, ToolTracepath},
		{"traceroute -N 1", style{false, false, false, 0}, ToolTraceroute},
		{"traceroute -N 1 -F, one source port", style{true, true, false, 0}, ToolTraceroute},
		{"tracepath cut short: one socket and DF", style{true, true, true, 30}, ToolTracepath},
		{"cut short without DF", style{true, false, true, 30}, ToolTraceroute},
		{"cut short, a port per probe", style{false, true, true, 30}, ToolTraceroute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n := newNet()
			for i := 0; i < 3; i++ {
				sport := uint16(40000)
				if !tc.s.oneSocket {
					sport += uint16(i) * 7
				}
				b := n.tpProbe(src, dst, uint8(i+1), sport, 44444+uint16(i), 1500, tc.s.df, tc.s.stamp)
				if tc.s.cut > 0 {
					b = b[:tc.s.cut]
				}
				p := n.at(float64(i), b)
				n.at(float64(i)+0.5, n.tpAnswer("198.18.1.2", p, codec.ICMPv4TimeExceeded, 0, 0, 64))
			}
			tr := onlyTraceOf(t, n.result())
			assert.Equal(t, tc.want, tr.Tool)
			if tc.s.cut > 0 {
				assert.Equal(t, 1500, tr.Hops[0].Probes[0].IPLen, "the size comes from the header, not the capture")
			}
		})
	}
	assert.Equal(t, "traceroute -I", ToolTracerouteICMP.String())
	assert.Equal(t, "tool(99)", Tool(99).String())
}

// Other methods and cycles name their tools, and the text form follows.
func TestGuessToolMethods(t *testing.T) {
	assert.Equal(t, ToolMTR, GuessTool(&Trace{Method: MethodUDP, Cycles: true}))
	assert.Equal(t, ToolTracerouteICMP, GuessTool(&Trace{Method: MethodICMP}))
	assert.Equal(t, ToolTracerouteTCP, GuessTool(&Trace{Method: MethodTCP}))
	assert.Equal(t, ToolTraceroute, GuessTool(&Trace{Method: MethodUDP}))
	assert.Equal(t, ToolUnknown, GuessTool(&Trace{}))
}

// traceroute -F sends DF probes; where the path is too narrow every probe
// past it is answered fragmentation needed, nothing goes further, and the
// trace ends there, unreachable, as traceroute stops at !F.
func TestTraceFragNeededEnds(t *testing.T) {
	n := newNet()
	src, dst := "198.18.1.1", "198.18.3.2"
	var probes [][]byte
	for ttl := uint8(1); ttl <= 3; ttl++ {
		probes = append(probes, n.at(float64(ttl), n.tpProbe(src, dst, ttl, 40000+uint16(ttl), 33433+uint16(ttl), 1500, true, false)))
	}
	n.at(4, n.tpAnswer("198.18.1.2", probes[0], codec.ICMPv4TimeExceeded, 0, 0, 64))
	n.at(4.1, n.tpAnswer("198.18.1.2", probes[1], codec.ICMPv4DestinationUnreachable, codec.CodeFragmentationNeeded, 1400, 64))
	n.at(4.2, n.tpAnswer("198.18.1.2", probes[2], codec.ICMPv4DestinationUnreachable, codec.CodeFragmentationNeeded, 1400, 64))
	tr := onlyTraceOf(t, n.result())
	assert.Equal(t, ToolTraceroute, tr.Tool)
	assert.Equal(t, EndUnreachable, tr.End)
	assert.Equal(t, "!F-1400", tr.Mark)
	assert.Len(t, tr.Hops, 2)
	assert.Equal(t, 1400, tr.PMTU)
}

func TestBack(t *testing.T) {
	for ttl, want := range map[uint8]int{64: 1, 62: 3, 1: 64, 128: 1, 120: 9, 65: 64, 255: 1, 250: 6, 129: 127} {
		assert.Equal(t, want, Back(ttl), "TTL %d", ttl)
	}
}

// TracepathMark follows Linux's mapping of ICMP errors to the errno
// tracepath prints.
func TestTracepathMark(t *testing.T) {
	v4, v6 := codec.IPv4, codec.IPv6
	du4, du6 := codec.ICMPv4DestinationUnreachable, codec.ICMPv6DestinationUnreachable
	for _, tc := range []struct {
		f    codec.Family
		t    codec.Type
		c    codec.Code
		want string
	}{
		{v4, du4, codec.CodeHostUnreachable, "!H"},
		{v4, du4, codec.CodeNetUnreachable, "!N"},
		{v4, du4, codec.CodeCommunicationProhibited, "!H"},
		{v4, du4, codec.CodeNetProhibited, "!N"},
		{v4, du4, codec.CodeProtocolUnreachable, "NET ERROR"},
		{v4, codec.ICMPv4ParameterProblem, 0, "!P"},
		{v6, du6, codec.Code6NoRoute, "!N"},
		{v6, du6, codec.Code6AdminProhibited, "!A"},
		{v6, du6, codec.Code6AddressUnreachable, "!H"},
		{v6, du6, codec.Code6HeadersTooLong, "!P"},
		{v6, codec.ICMPv6ParameterProblem, 0, "!P"},
	} {
		assert.Equal(t, tc.want, TracepathMark(tc.f, tc.t, tc.c), "%v %d/%d", tc.f, tc.t, tc.c)
	}
}

// The --json line carries the tool and tracepath's facts.
func TestTracepathJSON(t *testing.T) {
	_, res := tracepathRun(t, false)
	var out bytes.Buffer
	require.NoError(t, WriteJSON(&out, res))
	var got struct {
		Tool     string `json:"tool"`
		PMTU     *int   `json:"pmtu"`
		HopsTo   *int   `json:"hops_to"`
		HopsBack *int   `json:"hops_back"`
		Hops     []struct {
			PMTU   *int `json:"pmtu"`
			Probes []struct {
				TTL  uint8   `json:"ttl"`
				Size *int    `json:"size"`
				DF   bool    `json:"df"`
				MTU  *uint32 `json:"mtu"`
				Back *int    `json:"back"`
			} `json:"probes"`
		} `json:"hops"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &got))
	assert.Equal(t, "tracepath", got.Tool)
	require.NotNil(t, got.PMTU)
	assert.Equal(t, 1400, *got.PMTU)
	require.NotNil(t, got.HopsTo)
	require.NotNil(t, got.HopsBack)
	assert.Equal(t, 3, *got.HopsTo)
	assert.Equal(t, 3, *got.HopsBack)
	require.Len(t, got.Hops, 3)
	assert.Equal(t, 1400, *got.Hops[1].PMTU)
	tb := got.Hops[1].Probes[0]
	assert.Equal(t, uint8(2), tb.TTL)
	assert.Equal(t, 1500, *tb.Size)
	assert.True(t, tb.DF)
	require.NotNil(t, tb.MTU)
	assert.Equal(t, uint32(1400), *tb.MTU)
	assert.Equal(t, 1, *tb.Back)
	assert.Nil(t, got.Hops[1].Probes[1].MTU)
}
