package story

import (
	"encoding/binary"
	"net/netip"
	"time"

	"icmplab/codec"
)

// net is a tiny packet factory for tests: IP datagrams around probes and
// the codec-built ICMP messages that answer them, with capture times.
type net struct {
	pkts []Packet
	t0   time.Time
	ipid uint16
}

func newNet() *net {
	return &net{t0: time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC), ipid: 100}
}

// at appends a datagram captured at ms milliseconds and returns it.
func (n *net) at(ms float64, ip []byte) []byte {
	n.pkts = append(n.pkts, Packet{Frame: len(n.pkts) + 1, Time: n.t0.Add(time.Duration(ms * float64(time.Millisecond))), IP: ip})
	return ip
}

func addr(s string) netip.Addr { return netip.MustParseAddr(s) }

// ip builds an IPv4 or IPv6 datagram around payload.
func (n *net) ip(src, dst string, ttl, proto uint8, payload []byte) []byte {
	s, d := addr(src), addr(dst)
	n.ipid++
	if s.Is4() {
		b := make([]byte, 20, 20+len(payload))
		b[0], b[8], b[9] = 0x45, ttl, proto
		binary.BigEndian.PutUint16(b[2:], uint16(20+len(payload)))
		binary.BigEndian.PutUint16(b[4:], n.ipid)
		copy(b[12:], s.AsSlice())
		copy(b[16:], d.AsSlice())
		binary.BigEndian.PutUint16(b[10:], codec.Checksum(b))
		return append(b, payload...)
	}
	b := make([]byte, 40, 40+len(payload))
	b[0] = 0x60
	b[3] = byte(n.ipid)
	binary.BigEndian.PutUint16(b[4:], uint16(len(payload)))
	b[6], b[7] = proto, ttl
	copy(b[8:], s.AsSlice())
	copy(b[24:], d.AsSlice())
	return append(b, payload...)
}

func fam(s string) codec.Family {
	if addr(s).Is4() {
		return codec.IPv4
	}
	return codec.IPv6
}

func (n *net) udp(src, dst string, ttl uint8, sport, dport uint16) []byte {
	u := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: sport, DstPort: dport}, make([]byte, 32), addr(src), addr(dst))
	return n.ip(src, dst, ttl, codec.ProtoUDP, u)
}

func (n *net) tcp(src, dst string, ttl uint8, sport, dport uint16, seq, ack uint32, flags uint16) []byte {
	t := codec.AppendTCP(nil, codec.TCPHeader{SrcPort: sport, DstPort: dport, Seq: seq, Ack: ack, DataOff: 5, Flags: flags, Window: 1024}, nil, addr(src), addr(dst))
	return n.ip(src, dst, ttl, codec.ProtoTCP, t)
}

func (n *net) echo(src, dst string, ttl uint8, reply bool, id, seq uint16) []byte {
	f := fam(src)
	t := codec.ICMPv4EchoRequest
	if f == codec.IPv6 {
		t = codec.ICMPv6EchoRequest
	}
	if reply {
		t = codec.ICMPv4EchoReply
		if f == codec.IPv6 {
			t = codec.ICMPv6EchoReply
		}
	}
	m := codec.Append(nil, codec.Header{Family: f, Type: t, Src: addr(src), Dst: addr(dst)}, codec.Echo{ID: id, Seq: seq, Data: make([]byte, 56)})
	return n.ip(src, dst, ttl, f.Protocol(), m)
}

// icmpErr builds an error from router to the probe's source quoting the
// probe's header and 8 bytes, with the quoted TTL the router saw (1).
func (n *net) icmpErr(router string, probe []byte, t codec.Type, c codec.Code) []byte {
	f := codec.IPv4
	hl := 20
	if probe[0]>>4 == 6 {
		f, hl = codec.IPv6, 40
	}
	q := append([]byte(nil), probe[:hl+8]...)
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
	m := codec.Append(nil, codec.Header{Family: f, Type: t, Code: c, Src: addr(router), Dst: addr(src)}, codec.ErrorBody{Quote: q})
	return n.ip(router, src, 63, f.Protocol(), m)
}

func (n *net) result() *Result {
	m := New(Options{})
	for _, p := range n.pkts {
		m.Add(p)
	}
	return m.Result()
}
