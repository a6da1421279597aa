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
	h := codec.IPv4Header{TotalLength: uint16(20 + len(payload)), ID: id, Flags: flags, FragOff: fragOff,
		TTL: 64, Protocol: proto, Src: Src, Dst: Dst}
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
