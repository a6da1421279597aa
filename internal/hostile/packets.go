package hostile

import (
	"net/netip"

	"icmplab/codec"
)

// Addresses of the generated packets (RFC 2544 benchmarking range).
var (
	Src = netip.MustParseAddr("198.18.0.1")
	Dst = netip.MustParseAddr("198.18.0.2")
)

// IPv4 wraps payload in an IPv4 header (no options) from Src to Dst; flags
// and fragment offset (in 8-byte units) as given.
func IPv4(proto uint8, id uint16, flags uint8, fragOff uint16, payload []byte) []byte {
	return ipv4(Src, Dst, 64, proto, id, flags, fragOff, payload)
}

func ipv4(src, dst netip.Addr, ttl, proto uint8, id uint16, flags uint8, fragOff uint16, payload []byte) []byte {
	h := codec.IPv4Header{TotalLength: uint16(20 + len(payload)), ID: id, Flags: flags, FragOff: fragOff,
		TTL: ttl, Protocol: proto, Src: src, Dst: dst}
	return append(h.AppendHeader(nil), payload...)
}

// Echo is an IPv4 datagram carrying an ICMP echo request with a 56-byte
// payload, as ping sends.
func Echo(seq uint16) []byte {
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 0x1234, Seq: seq, Data: make([]byte, 56)})
	return IPv4(codec.ProtoICMP, seq, 0, 0, msg)
}

// Fragments splits an ICMP echo of n*size bytes into n fragments of size
// bytes (a multiple of 8), returned last first: the order that made
// reassembly quadratic.
func Fragments(n, size int, id uint16) [][]byte {
	payload := make([]byte, n*size)
	for i := range payload {
		payload[i] = byte(i)
	}
	// The first 8 bytes are an ICMP echo header (its checksum is left 0).
	payload[0] = byte(codec.ICMPv4EchoRequest)
	out := make([][]byte, 0, n)
	for i := n - 1; i >= 0; i-- {
		var flags uint8
		if i < n-1 {
			flags = codec.IPv4FlagMF
		}
		out = append(out, IPv4(codec.ProtoICMP, id, flags, uint16(i*size/8), payload[i*size:(i+1)*size]))
	}
	return out
}

// FragmentStorm is the i-th of n 8-byte IPv4 fragments of one datagram of
// 65,528 bytes (8,191 fragments), sent last first and over again, the
// fragment at offset 0 only at the very end: n-1 fragments that each leave
// the datagram incomplete, then the one that completes it. Issue 11's
// reproduction (100,000 of them) took 54 s when every fragment sorted all
// the others.
func FragmentStorm(n int, id uint16) func(i int) []byte {
	const frags = 8191
	var payload [8]byte
	return func(i int) []byte {
		if i == n-1 {
			payload = [8]byte{byte(codec.ICMPv4EchoRequest)}
			return IPv4(codec.ProtoICMP, id, codec.IPv4FlagMF, 0, payload[:])
		}
		k := frags - 1 - i%(frags-1) // 8190 down to 1, and over
		var flags uint8
		if k < frags-1 {
			flags = codec.IPv4FlagMF
		}
		payload = [8]byte{byte(k), byte(k >> 8), 1, 2, 3, 4, 5, 6}
		return IPv4(codec.ProtoICMP, id, flags, uint16(k), payload[:])
	}
}

// Everyday is the i-th packet of an everyday ICMP capture: pings (request
// and reply, six in ten), a UDP traceroute to 198.18.1.9 (time exceeded
// from the routers of hops 1 to 8 quoting the probe, then port unreachable
// from the target), and now and then a host unreachable quoting an echo.
func Everyday(i int) []byte {
	target := netip.MustParseAddr("198.18.1.9")
	seq := uint16(i / 2)
	switch k := i % 10; {
	case k < 6:
		t, src, dst := codec.ICMPv4EchoRequest, Src, target
		if k%2 == 1 {
			t, src, dst = codec.ICMPv4EchoReply, target, Src
		}
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: t}, codec.Echo{ID: 0x1234, Seq: seq, Data: make([]byte, 56)})
		return ipv4(src, dst, 64, codec.ProtoICMP, seq, 0, 0, msg)
	case k < 9:
		hop := uint8(1 + i/10%9)
		probe := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33434 + uint16(hop)}, make([]byte, 32), Src, target)
		quote := ipv4(Src, target, hop, codec.ProtoUDP, uint16(i), 0, 0, probe)
		from, t, c := netip.AddrFrom4([4]byte{198, 18, 3, hop}), codec.ICMPv4TimeExceeded, codec.CodeTTLExceeded
		if hop == 9 {
			from, t, c = target, codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable
		}
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: t, Code: c}, codec.ErrorBody{Quote: quote[:28]})
		return ipv4(from, Src, 64, codec.ProtoICMP, uint16(i), 0, 0, msg)
	default:
		echo := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 0x1234, Seq: seq, Data: make([]byte, 56)})
		quote := ipv4(Src, netip.MustParseAddr("198.18.2.1"), 63, codec.ProtoICMP, seq, 0, 0, echo)
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4DestinationUnreachable, Code: codec.CodeHostUnreachable}, codec.ErrorBody{Quote: quote[:28]})
		return ipv4(netip.MustParseAddr("198.18.0.1"), Src, 64, codec.ProtoICMP, uint16(i), 0, 0, msg)
	}
}

// NestedIPinIP is depth IPv4 headers, each carrying the next (protocol 4),
// around an echo: a tunnel chain no network builds.
func NestedIPinIP(depth int) []byte {
	b := Echo(1)
	for range depth {
		b = IPv4(codec.ProtoIPv4, 1, 0, 0, b)
	}
	return b
}

// NestedErrors is depth ICMP time exceeded messages, each quoting the IPv4
// datagram of the next, around an echo: the recursive quote.
func NestedErrors(depth int) []byte {
	b := Echo(1)
	for range depth {
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded}, codec.ErrorBody{Quote: b})
		b = IPv4(codec.ProtoICMP, 1, 0, 0, msg)
	}
	return b
}

// LongOptionChain is an IPv6 datagram with n destination options headers
// (8 bytes each: next header, length 0, a PadN option) before an echo.
func LongOptionChain(n int) []byte {
	echo := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6EchoRequest, Src: Src6, Dst: Dst6}, codec.Echo{ID: 1, Seq: 1})
	var ext []byte
	for i := range n {
		next := byte(codec.ProtoDstOpts)
		if i == n-1 {
			next = codec.ProtoICMPv6
		}
		ext = append(ext, next, 0, 1, 4, 0, 0, 0, 0) // PadN of 4 bytes
	}
	payload := append(ext, echo...)
	h := []byte{0x60, 0, 0, 0, byte(len(payload) >> 8), byte(len(payload)), codec.ProtoDstOpts, 64}
	h = append(h, Src6.AsSlice()...)
	h = append(h, Dst6.AsSlice()...)
	return append(h, payload...)
}

// Addresses of the generated IPv6 packets (RFC 5180 benchmarking range).
var (
	Src6 = netip.MustParseAddr("2001:2::1")
	Dst6 = netip.MustParseAddr("2001:2::2")
)
