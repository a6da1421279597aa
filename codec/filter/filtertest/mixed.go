// Package filtertest makes the frames display filters are measured and
// checked on: a mix as a ping, traceroute and a noisy network leave in one
// capture (echoes, ICMP errors quoting UDP, TCP and ICMP probes of both
// families, the probes themselves, neighbour discovery, extensions) with a
// share of damaged frames. The codec's filter tests, the page's session
// tests and the browser's filter timing all take their frames from here, so
// the figures they report are over the same packets.
//
// Pure Go over codec's builders: it runs under GOOS=js too.
package filtertest

import (
	"encoding/binary"
	"math/rand/v2"
	"net/netip"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// Frame is one generated frame: its bytes, the layer they start at, and
// its length on the wire (more than len(Data) when the capture cut it).
type Frame struct {
	Data  []byte
	Start dissect.Layer
	Len   int
}

// Addresses of the generated frames (RFC 2544 and RFC 5180 benchmarking
// ranges).
var (
	Host    = netip.MustParseAddr("198.18.0.2")
	Target  = netip.MustParseAddr("198.19.1.9")
	Host6   = netip.MustParseAddr("2001:2::2")
	Target6 = netip.MustParseAddr("2001:2:0:1::9")
)

// router is the address of hop n on the way to Target: 198.18.3.n.
func router(n uint8) netip.Addr { return netip.AddrFrom4([4]byte{198, 18, 3, n}) }

// router6 is hop n on the way to Target6: 2001:2:0:3::n.
func router6(n uint8) netip.Addr {
	a := Target6.As16()
	a[7], a[15] = 3, n
	a[14] = 0
	return netip.AddrFrom16(a)
}

// Ethernet II addresses of the generated frames.
var (
	macHost   = [6]byte{0x02, 0, 0, 0, 0, 0x0a}
	macRouter = [6]byte{0x02, 0, 0, 0, 0, 0x0b}
)

// Kind is what a generated frame holds.
type Kind uint8

// The kinds of frame, in the order Mixed cycles through its weights.
const (
	EchoRequest4         Kind = iota // ping's request
	EchoReply4                       // and its reply
	TimeExceededUDP4                 // a router's answer to a UDP traceroute probe
	TimeExceededICMP4                // to an ICMP (traceroute -I, mtr) probe
	TimeExceededTCP4                 // to a TCP SYN probe (tcptraceroute)
	PortUnreachable4                 // the target's answer to the last UDP probe
	FragNeeded4                      // path MTU discovery, quoting a whole TCP segment
	HostUnreachableEcho4             // quoting an echo
	TimeExceededMPLS4                // RFC 4884 extension with an MPLS label stack
	UDPProbe4                        // the probe itself
	TCPProbe4                        // a SYN
	EchoRequest6
	EchoReply6
	TimeExceededUDP6
	UnreachableEcho6
	PacketTooBig6
	NeighborSolicit6
	Redirect4
	ParamProblem4
	BadChecksum4   // an echo whose ICMP checksum is wrong
	CutShort4      // a time exceeded the capture kept only 40 bytes of
	QuoteCut4      // a time exceeded quoting 24 bytes: the UDP header cut
	QuoteOptions4  // the quoted IPv4 header carries options
	Garbage        // bytes that are no IP datagram
	BadQuoteIHL4   // the quoted header claims 4 words
	QuoteFragment4 // the quoted datagram is a non-first fragment
	NumKinds
)

// weights is how often each kind comes in Mixed: about four in ten echoes,
// three in ten errors quoting probes, a tenth probes, a tenth IPv6, and a
// few percent of damaged frames.
var weights = [NumKinds]int{
	EchoRequest4: 20, EchoReply4: 20,
	TimeExceededUDP4: 14, TimeExceededICMP4: 4, TimeExceededTCP4: 3, PortUnreachable4: 3, FragNeeded4: 1,
	HostUnreachableEcho4: 2, TimeExceededMPLS4: 2, UDPProbe4: 7, TCPProbe4: 2,
	EchoRequest6: 4, EchoReply6: 4, TimeExceededUDP6: 4, UnreachableEcho6: 1, PacketTooBig6: 1, NeighborSolicit6: 1,
	Redirect4: 1, ParamProblem4: 1,
	BadChecksum4: 1, CutShort4: 1, QuoteCut4: 1, QuoteOptions4: 1, Garbage: 1, BadQuoteIHL4: 1, QuoteFragment4: 1,
}

// cycle is the kinds laid out by weight, so that Mixed(i) is a plain
// index: the mix is the same over any 100 consecutive frames.
var cycle = func() []Kind {
	var c []Kind
	for k, w := range weights {
		for range w {
			c = append(c, Kind(k))
		}
	}
	// Interleave (a stride prime to the length) so that kinds do not come
	// in runs.
	out := make([]Kind, len(c))
	for i := range c {
		out[i] = c[i*37%len(c)]
	}
	return out
}()

// Mixed is the i-th frame of the mix, behind Ethernet II for most kinds
// and as raw IP for every seventh frame. The same i gives the same bytes.
func Mixed(i int) Frame {
	f := Ethernet(i)
	if i%7 == 3 && f.Start == dissect.LayerEthernet {
		f.Data = f.Data[ethHeaderLen:]
		f.Start = dissect.LayerIP
		f.Len -= ethHeaderLen
	}
	return f
}

// Mutated is Mixed(i) with a few of its bytes changed at random (seeded by
// i and seed) in about half of the frames, and sometimes cut: the frames a
// property test runs both filter paths over.
func Mutated(i int, seed uint64) Frame {
	f := Mixed(i)
	r := rand.New(rand.NewPCG(uint64(i), seed))
	b := append([]byte(nil), f.Data...)
	if r.IntN(2) == 0 {
		for range 1 + r.IntN(3) {
			b[r.IntN(len(b))] = byte(r.Uint32())
		}
	}
	if r.IntN(8) == 0 {
		b = b[:r.IntN(len(b)+1)]
		if r.IntN(2) == 0 {
			f.Len = len(b)
		}
	}
	f.Len = max(f.Len, len(b))
	f.Data = b
	return f
}

const ethHeaderLen = 14

// Make builds one frame of kind k; seq numbers the probe or echo, hop is
// the TTL a probe left with (1 to 12).
func Make(k Kind, seq uint16, hop uint8) Frame {
	switch k {
	case EchoRequest4, EchoReply4, BadChecksum4:
		t, src, dst := codec.ICMPv4EchoRequest, Host, Target
		if k == EchoReply4 {
			t, src, dst = codec.ICMPv4EchoReply, Target, Host
		}
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: t}, codec.Echo{ID: 0x1234, Seq: seq, Data: payload(56)})
		if k == BadChecksum4 {
			msg[3] ^= 0x5a
		}
		return eth4(ip4(src, dst, 64, codec.ProtoICMP, seq, msg))
	case TimeExceededUDP4, PortUnreachable4, CutShort4, QuoteCut4, BadQuoteIHL4, QuoteFragment4, QuoteOptions4:
		probe := udpProbe4(seq, hop)
		quote := probe[:28]
		t, c, from := codec.ICMPv4TimeExceeded, codec.CodeTTLExceeded, router(hop)
		switch k {
		case PortUnreachable4:
			t, c, from = codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable, Target
		case QuoteCut4:
			quote = probe[:24]
		case BadQuoteIHL4:
			quote = append([]byte(nil), quote...)
			quote[0] = 0x44
		case QuoteFragment4:
			quote = append([]byte(nil), quote...)
			binary.BigEndian.PutUint16(quote[codec.IPv4FlagsFragOffset:], 0x0010) // offset 16 blocks
		case QuoteOptions4:
			h := codec.IPv4Header{ID: seq, TTL: 1, Protocol: codec.ProtoUDP, Src: Host, Dst: Target,
				Options: []byte{ipOptRouterAlert, 4, 0, 0}}
			quote = h.AppendDatagram(nil, probe[20:])[:32]
		}
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: t, Code: c}, codec.ErrorBody{Quote: quote})
		f := eth4(ip4(from, Host, 255-hop, codec.ProtoICMP, seq, msg))
		if k == CutShort4 {
			f.Data = f.Data[:ethHeaderLen+40]
		}
		return f
	case TimeExceededICMP4, HostUnreachableEcho4:
		echo := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 0x4321, Seq: seq, Data: payload(32)})
		t, c, from, ttl := codec.ICMPv4TimeExceeded, codec.CodeTTLExceeded, router(hop), hop
		if k == HostUnreachableEcho4 {
			t, c, from, ttl = codec.ICMPv4DestinationUnreachable, codec.CodeHostUnreachable, router(1), 63
		}
		quote := ip4(Host, Target, ttl, codec.ProtoICMP, seq, echo)[:28]
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: t, Code: c}, codec.ErrorBody{Quote: quote})
		return eth4(ip4(from, Host, 250, codec.ProtoICMP, seq, msg))
	case TimeExceededTCP4, FragNeeded4:
		syn := codec.AppendTCP(nil, codec.TCPHeader{SrcPort: 50000 + seq%1000, DstPort: 443, Seq: 0x10000 * uint32(seq), Flags: codec.TCPFlagSYN, Window: 64240}, nil, Host, Target)
		probe := ip4(Host, Target, hop, codec.ProtoTCP, seq, syn)
		quote, t, c, from, mtu := probe[:28], codec.ICMPv4TimeExceeded, codec.CodeTTLExceeded, router(hop), uint32(0)
		if k == FragNeeded4 {
			quote, t, c, from, mtu = probe, codec.ICMPv4DestinationUnreachable, codec.CodeFragmentationNeeded, router(2), 1400
		}
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: t, Code: c}, codec.ErrorBody{Quote: quote, MTU: mtu})
		return eth4(ip4(from, Host, 250, codec.ProtoICMP, seq, msg))
	case TimeExceededMPLS4:
		quote := udpProbe4(seq, hop)
		ext := codec.NewExtensions(nil, codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: 16000 + uint32(hop), TC: 0, S: true, TTL: 1}))
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded}, codec.ErrorBody{Quote: quote, Ext: ext})
		return eth4(ip4(router(hop), Host, 250, codec.ProtoICMP, seq, msg))
	case UDPProbe4:
		return eth4(udpProbe4(seq, hop))
	case TCPProbe4:
		syn := codec.AppendTCP(nil, codec.TCPHeader{SrcPort: 50000 + seq%1000, DstPort: 80, Seq: uint32(seq), Flags: codec.TCPFlagSYN, Window: 64240}, nil, Host, Target)
		return eth4(ip4(Host, Target, 64, codec.ProtoTCP, seq, syn))
	case EchoRequest6, EchoReply6:
		t, src, dst := codec.ICMPv6EchoRequest, Host6, Target6
		if k == EchoReply6 {
			t, src, dst = codec.ICMPv6EchoReply, Target6, Host6
		}
		msg := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: t, Src: src, Dst: dst}, codec.Echo{ID: 0x6666, Seq: seq, Data: payload(56)})
		return eth6(ip6(src, dst, 64, codec.ProtoICMPv6, msg))
	case TimeExceededUDP6, UnreachableEcho6, PacketTooBig6:
		var probe []byte
		t, c, from, mtu := codec.ICMPv6TimeExceeded, codec.CodeTTLExceeded, router6(hop), uint32(0)
		switch k {
		case TimeExceededUDP6:
			udp := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33434 + uint16(hop)}, payload(32), Host6, Target6)
			probe = ip6(Host6, Target6, hop, codec.ProtoUDP, udp)
		case UnreachableEcho6:
			echo := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6EchoRequest, Src: Host6, Dst: Target6}, codec.Echo{ID: 0x6666, Seq: seq, Data: payload(16)})
			probe = ip6(Host6, Target6, 60, codec.ProtoICMPv6, echo)
			t, c, from = codec.ICMPv6DestinationUnreachable, codec.Code6AddressUnreachable, router6(3)
		default:
			syn := codec.AppendTCP(nil, codec.TCPHeader{SrcPort: 50001, DstPort: 443, Seq: uint32(seq) << 8, Flags: codec.TCPFlagSYN | codec.TCPFlagACK, Window: 512}, payload(64), Host6, Target6)
			probe = ip6(Host6, Target6, 60, codec.ProtoTCP, syn)
			t, c, from, mtu = codec.ICMPv6PacketTooBig, 0, router6(2), 1280
		}
		msg := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: t, Code: c, Src: from, Dst: Host6}, codec.ErrorBody{Quote: probe, MTU: mtu})
		return eth6(ip6(from, Host6, 250, codec.ProtoICMPv6, msg))
	case NeighborSolicit6:
		dst := netip.MustParseAddr("ff02::1:ff00:9")
		msg := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6NeighborSolicitation, Src: Host6, Dst: dst}, codec.NDP{Target: Target6})
		return eth6(ip6(Host6, dst, 255, codec.ProtoICMPv6, msg))
	case Redirect4:
		quote := udpProbe4(seq, 5)[:28]
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4Redirect, Code: 1}, codec.ErrorBody{Quote: quote, Gateway: router(9)})
		return eth4(ip4(router(1), Host, 255, codec.ProtoICMP, seq, msg))
	case ParamProblem4:
		quote := udpProbe4(seq, 5)[:28]
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4ParameterProblem}, codec.ErrorBody{Quote: quote, Pointer: 8})
		return eth4(ip4(router(1), Host, 255, codec.ProtoICMP, seq, msg))
	}
	// Garbage: neither IPv4 nor IPv6 after the EtherType.
	b := payload(60)
	b[0] = 0x5f
	return eth4(b)
}

// udpProbe4 is a UDP traceroute probe from Host to Target: TTL hop, to
// port 33434+hop, 32 bytes of payload.
func udpProbe4(seq uint16, hop uint8) []byte {
	udp := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000 + seq%64, DstPort: 33434 + uint16(hop)}, payload(32), Host, Target)
	return ip4(Host, Target, hop, codec.ProtoUDP, seq, udp)
}

func ip4(src, dst netip.Addr, ttl, proto uint8, id uint16, payload []byte) []byte {
	h := codec.IPv4Header{ID: id, TTL: ttl, Protocol: proto, Src: src, Dst: dst}
	return h.AppendDatagram(nil, payload)
}

func ip6(src, dst netip.Addr, hlim, next uint8, payload []byte) []byte {
	h := codec.IPv6Header{NextHeader: next, HopLimit: hlim, Src: src, Dst: dst, FlowLabel: 0x12345}
	return h.AppendDatagram(nil, payload)
}

func eth4(ip []byte) Frame { return ether(codec.EtherTypeIPv4, ip) }
func eth6(ip []byte) Frame { return ether(codec.EtherTypeIPv6, ip) }

func ether(et codec.EtherType, ip []byte) Frame {
	b := make([]byte, 0, ethHeaderLen+len(ip))
	b = append(b, macRouter[:]...)
	b = append(b, macHost[:]...)
	b = binary.BigEndian.AppendUint16(b, uint16(et))
	b = append(b, ip...)
	return Frame{Data: b, Start: dissect.LayerEthernet, Len: len(b)}
}

// payload is n bytes of a probe's data.
func payload(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + i%26)
	}
	return b
}

// ipOptRouterAlert is the IPv4 router alert option's type byte (RFC 2113),
// the option a quoted header carries in QuoteOptions4.
const ipOptRouterAlert = 148
