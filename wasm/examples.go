package main

import (
	"encoding/binary"
	"encoding/hex"
	"net/netip"
	"strconv"
	"time"

	"icmplab/codec"
	"icmplab/codec/textdump"
)

// The examples are built here by the codec's own encoder, never typed in as
// hex: what the page shows a learner is exactly what icmplab would put on the
// wire. Addresses come from the documentation ranges (RFC 5737).
var (
	exHost    = netip.MustParseAddr("192.0.2.10")    // the learner's machine
	exTarget  = netip.MustParseAddr("198.51.100.7")  // what it pings and traces to
	exRouter1 = netip.MustParseAddr("192.0.2.1")     // first hop
	exRouter2 = netip.MustParseAddr("203.0.113.1")   // second hop, an MPLS core router
	exRouter3 = netip.MustParseAddr("198.51.100.1")  // last router before the target
	exAllHost = netip.MustParseAddr("224.0.0.1")     // all-systems multicast (RFC 1256 adverts)
	exAllRtr  = netip.MustParseAddr("224.0.0.2")     // all-routers multicast (RFC 1256 solicitations)
	exNetDown = netip.MustParseAddr("203.0.113.200") // a destination the examples make unreachable
	exHost6   = netip.MustParseAddr("2001:db8::10")  // the learner's machine, IPv6 (RFC 3849)
	exTarget6 = netip.MustParseAddr("2001:db8::7")
)

// Example is one entry of the page's examples menu.
type Example struct {
	ID     string `json:"id"`    // "3/3", "ping", ...
	Title  string `json:"title"` // type and code names from the registry
	Note   string `json:"note"`  // what the example shows, in one line
	Kind   string `json:"kind"`  // "packet" (an IPv4 datagram) or "capture" (a pcap file)
	Family int    `json:"family,omitempty"`
	Type   int    `json:"type"`
	Code   int    `json:"code"`
	Hex    string `json:"hex,omitempty"`  // the packet, or the whole pcap file
	Text   string `json:"text,omitempty"` // a packet as tcpdump -X prints it, for the paste box
}

// exampleByID builds one example, with the text a learner would paste.
func exampleByID(id string, l Lang) (Example, bool) {
	for _, e := range examplesIn(l) {
		if e.ID == id {
			if e.Kind == "packet" {
				b, _ := hex.DecodeString(e.Hex)
				e.Text = textdump.Format(textdump.TcpdumpXASCII, b)
			}
			return e, true
		}
	}
	return Example{}, false
}

// tx is an example's words in English and Korean.
func tx(en, ko string) codec.Text { return codec.Text{EN: en, KO: ko} }

// textbookRow is one row of the textbook's ICMP table (Kurose & Ross 5.6),
// with how to build a realistic packet for it.
type textbookRow struct {
	t    codec.Type
	c    codec.Code
	note codec.Text
	make func() []byte
}

func textbookRows() []textbookRow {
	unreach := func(c codec.Code, from, to netip.Addr) func() []byte {
		return func() []byte {
			probe := udpProbe(exHost, to, 64, 33434, 0x4a11)
			return icmpError(from, exHost, codec.ICMPv4DestinationUnreachable, c, probe, false)
		}
	}
	return []textbookRow{
		{codec.ICMPv4EchoReply, 0, tx("the target answers a ping", "목적지가 ping에 응답합니다"), func() []byte {
			return exPing.reply(1, 64)
		}},
		{codec.ICMPv4DestinationUnreachable, codec.CodeNetUnreachable, tx("a router has no route to the destination network", "라우터에 목적지 네트워크로 가는 경로가 없습니다"), unreach(codec.CodeNetUnreachable, exRouter1, exNetDown)},
		{codec.ICMPv4DestinationUnreachable, codec.CodeHostUnreachable, tx("the last router cannot reach the host (no ARP answer)", "마지막 라우터가 호스트에 닿지 못합니다 (ARP 응답 없음)"), unreach(codec.CodeHostUnreachable, exRouter3, exTarget)},
		{codec.ICMPv4DestinationUnreachable, codec.CodeProtocolUnreachable, tx("the host does not speak the probe's transport protocol", "호스트가 프로브의 전송 계층 프로토콜을 지원하지 않습니다"), unreach(codec.CodeProtocolUnreachable, exTarget, exTarget)},
		{codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable, tx("nothing listens on the UDP port: how traceroute knows it arrived", "UDP 포트에서 듣는 프로세스가 없습니다: traceroute가 도착을 아는 방법"), unreach(codec.CodePortUnreachable, exTarget, exTarget)},
		{codec.ICMPv4DestinationUnreachable, codec.CodeNetUnknown, tx("the destination network is unknown to the router", "라우터가 목적지 네트워크를 알지 못합니다"), unreach(codec.CodeNetUnknown, exRouter1, exNetDown)},
		{codec.ICMPv4DestinationUnreachable, codec.CodeHostUnknown, tx("the destination host is unknown", "목적지 호스트를 알 수 없습니다"), unreach(codec.CodeHostUnknown, exRouter3, exTarget)},
		{codec.ICMPv4SourceQuench, 0, tx("a congested router asks the sender to slow down (deprecated)", "혼잡한 라우터가 송신자에게 속도를 줄이라고 요청합니다 (폐기됨)"), func() []byte {
			probe := udpProbe(exHost, exTarget, 63, 5004, 0x2210)
			return icmpError(exRouter2, exHost, codec.ICMPv4SourceQuench, 0, probe, false)
		}},
		{codec.ICMPv4EchoRequest, 0, tx("ping: a request with identifier, sequence number and data", "ping: 식별자, 순서 번호, 데이터가 담긴 요청"), func() []byte {
			return exPing.request(1)
		}},
		{codec.ICMPv4RouterAdvertisement, 0, tx("a router announces itself on the local link", "라우터가 로컬 링크에 자신을 알립니다"), routerAdvert},
		{codec.ICMPv4RouterSolicitation, 0, tx("a host asks the routers on its link to announce themselves", "호스트가 링크의 라우터들에게 자신을 알려 달라고 요청합니다"), func() []byte {
			msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4RouterSolicitation}, codec.RouterSolicit4{})
			return ipv4(exHost, exAllRtr, codec.ProtoICMP, 1, 0x0101, msg)
		}},
		{codec.ICMPv4TimeExceeded, codec.CodeTTLExceeded, tx("TTL reached zero at the first router: traceroute's first hop", "첫 라우터에서 TTL이 0이 되었습니다: traceroute의 첫 홉"), func() []byte {
			probe := udpProbe(exHost, exTarget, 1, 33434, 0x4a01)
			return icmpError(exRouter1, exHost, codec.ICMPv4TimeExceeded, codec.CodeTTLExceeded, probe, false)
		}},
		{codec.ICMPv4ParameterProblem, 0, tx("a header option is malformed; the pointer names the byte", "헤더 옵션이 잘못되었습니다; 포인터가 그 바이트를 가리킵니다"), paramProblem},
	}
}

// Examples lists every example with its bytes, the textbook packets first,
// then the two captures.
func Examples() []Example { return examplesIn(EN) }

// examplesIn is Examples with titles and notes in l.
func examplesIn(l Lang) []Example {
	out := exampleList(l)
	rows := textbookRows()
	for i := range out {
		switch {
		case i < len(rows):
			out[i].Hex = hexString(rows[i].make())
		case out[i].ID == "ping":
			out[i].Hex = hexString(pingCapture())
		case out[i].ID == "traceroute":
			out[i].Hex = hexString(tracerouteCapture())
		}
	}
	return out
}

// exampleList is the menu without the bytes: what the page loads at start.
func exampleList(l Lang) []Example {
	var out []Example
	for _, r := range textbookRows() {
		out = append(out, Example{
			ID:     strconv.Itoa(int(r.t)) + "/" + strconv.Itoa(int(r.c)),
			Title:  typeName(l, codec.IPv4, r.t) + codeSuffix(l, r.t, r.c),
			Note:   l.pick(r.note),
			Kind:   "packet",
			Family: int(codec.IPv4),
			Type:   int(r.t),
			Code:   int(r.c),
		})
	}
	return append(out,
		Example{ID: "ping", Kind: "capture",
			Title: l.pick(tx("ping capture", "ping 캡처")),
			Note:  l.pick(tx("four echo requests and their replies (pcapng)", "에코 요청 네 개와 그 응답 (pcapng)"))},
		Example{ID: "traceroute", Kind: "capture",
			Title: l.pick(tx("traceroute capture", "traceroute 캡처")),
			Note: l.pick(tx("UDP probes with TTL 1, 2, 3, 4: time exceeded (one with an MPLS label), then port unreachable (pcapng)",
				"TTL 1, 2, 3, 4의 UDP 프로브: 시간 초과 (하나는 MPLS 레이블 포함), 그다음 포트 도달 불가 (pcapng)"))},
	)
}

// codeSuffix names the code when the type has named codes.
func codeSuffix(l Lang, t codec.Type, c codec.Code) string {
	if ci, ok := codec.LookupCode(codec.IPv4, t, c); ok && ci.Name != "" {
		return ": " + nameIn(l, ci.Name, ci.NameKO)
	}
	return ""
}

// ipv4 wraps an upper-layer payload in an IPv4 header built by the codec.
func ipv4(src, dst netip.Addr, proto uint8, ttl uint8, id uint16, payload []byte) []byte {
	return ipv4Flags(src, dst, proto, ttl, id, 0, payload)
}

// ipv4Flags is ipv4 with the header's flags (codec.IPv4FlagDF).
func ipv4Flags(src, dst netip.Addr, proto uint8, ttl uint8, id uint16, flags uint8, payload []byte) []byte {
	h := codec.IPv4Header{
		IHL:         5,
		TotalLength: uint16(20 + len(payload)),
		ID:          id,
		Flags:       flags,
		TTL:         ttl,
		Protocol:    proto,
		Src:         src,
		Dst:         dst,
	}
	return append(h.AppendHeader(make([]byte, 0, 20+len(payload))), payload...)
}

// pingRun is one run of iputils ping on 64-bit Linux, as a capture on the
// pinging host shows it (compare a real one: `ping -c 3 127.0.0.1` under
// `tcpdump -i lo -X`, codec/dissect/echo_time_test.go):
//   - each request's data is its send time, a struct timeval of two
//     little-endian 64-bit words (seconds, microseconds), then byte i is
//     i, up to 56 bytes; the reply brings the data back unchanged;
//   - requests have DF set (path MTU discovery is on by default) and an IP
//     identification from the kernel's per-destination counter, which other
//     traffic moves on by uneven steps between two pings; the target's
//     Linux sends its replies without DF and numbers them from its own
//     counter.
//
// So two requests differ in sequence number, send time, IP identification
// and both checksums, exactly as two requests of a real ping do.
type pingRun struct {
	ident   uint16        // the echo identifier (a ping socket's port)
	start   time.Time     // when the first request was sent
	every   time.Duration // ping -i
	reqIDs  []uint16      // IP identification of request seq (from 1)
	repIDs  []uint16      // and of its reply
	capture time.Duration // from a request's send time to its capture
}

var exPing = pingRun{
	ident:   0x1c2b,
	start:   time.Date(2026, 11, 27, 9, 0, 0, 217_403_000, time.UTC),
	every:   time.Second,
	reqIDs:  []uint16{0x9c41, 0x9c5a, 0x9c8e, 0x9cb3},
	repIDs:  []uint16{0x4e21, 0x4e3f, 0x4e52, 0x4e88},
	capture: 31 * time.Microsecond,
}

// pingDataLen is ping's default -s 56.
const pingDataLen = 56

// timevalLen is a struct timeval on 64-bit Linux: two 64-bit words.
const timevalLen = 16

// sent is when request seq left: every interval, give or take what
// scheduling adds (a few hundred microseconds).
func (p pingRun) sent(seq uint16) time.Time {
	return p.start.Add(time.Duration(seq-1)*p.every + time.Duration(seq-1)*173*time.Microsecond)
}

// data is what iputils puts in the request of seq (and the reply echoes).
func (p pingRun) data(seq uint16) []byte {
	d := make([]byte, pingDataLen)
	at := p.sent(seq)
	binary.LittleEndian.PutUint64(d[0:], uint64(at.Unix()))
	binary.LittleEndian.PutUint64(d[8:], uint64(at.Nanosecond()/1000))
	for i := timevalLen; i < len(d); i++ {
		d[i] = byte(i)
	}
	return d
}

func (p pingRun) idOf(ids []uint16, seq uint16) uint16 { return ids[int(seq-1)%len(ids)] }

// request is echo request seq as it leaves the host.
func (p pingRun) request(seq uint16) []byte {
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: p.ident, Seq: seq, Data: p.data(seq)})
	return ipv4Flags(exHost, exTarget, codec.ProtoICMP, 64, p.idOf(p.reqIDs, seq), codec.IPv4FlagDF, msg)
}

// reply is the target's answer to seq, arriving with ttl left.
func (p pingRun) reply(seq uint16, ttl uint8) []byte {
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoReply}, codec.Echo{ID: p.ident, Seq: seq, Data: p.data(seq)})
	return ipv4(exTarget, exHost, codec.ProtoICMP, ttl, p.idOf(p.repIDs, seq), msg)
}

// udpProbe is a traceroute-style probe: 32 bytes of payload to an unlikely port.
func udpProbe(src, dst netip.Addr, ttl uint8, port, ipid uint16) []byte {
	payload := []byte("icmplab traceroute probe 0123456")
	seg := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 45123, DstPort: port, Length: uint16(8 + len(payload))}, payload, src, dst)
	return ipv4(src, dst, codec.ProtoUDP, ttl, ipid, seg)
}

// icmpError builds an error from a router that quotes the probe. Like a
// classic router it quotes the IP header and 8 bytes (RFC 792) unless full is
// set (what Linux does: as much as fits).
func icmpError(from, to netip.Addr, t codec.Type, c codec.Code, probe []byte, full bool) []byte {
	quote := probe
	if !full && len(quote) > 28 {
		quote = quote[:28]
	}
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: t, Code: c}, codec.ErrorBody{Quote: quote})
	return ipv4(from, to, codec.ProtoICMP, 255, 0x7700+uint16(t), msg)
}

// mplsTimeExceeded is a time exceeded from an MPLS core router: the whole
// probe padded to 128 bytes, then an RFC 4950 label stack object.
func mplsTimeExceeded(from, to netip.Addr, probe []byte, label uint32) []byte {
	obj := codec.AppendMPLSObject(nil, codec.MPLSEntry{Label: label, TC: 0, S: true, TTL: 1})
	ext := codec.NewExtensions(nil, obj)
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded, Code: codec.CodeTTLExceeded},
		codec.ErrorBody{Quote: probe, Ext: ext})
	return ipv4(from, to, codec.ProtoICMP, 254, 0x7801, msg)
}

func routerAdvert() []byte {
	entries := make([]byte, 8)
	a := exRouter1.As4()
	copy(entries, a[:])
	binary.BigEndian.PutUint32(entries[4:], 0) // preference 0
	body := codec.RouterAdvert4{NumAddrs: 1, AddrEntrySize: 2, Lifetime: 1800, Entries: entries}
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4RouterAdvertisement}, body)
	return ipv4(exRouter1, exAllHost, codec.ProtoICMP, 1, 0x0100, msg)
}

// paramProblem quotes a datagram whose option has a length of 2, shorter than
// any option with a length byte may be; the pointer (21) names that byte.
func paramProblem() []byte {
	payload := []byte("icmplab")
	h := codec.IPv4Header{IHL: 6, TotalLength: uint16(24 + 8 + len(payload)), ID: 0x5151, TTL: 63,
		Protocol: codec.ProtoUDP, Src: exHost, Dst: exTarget, Options: []byte{0x07, 0x02, 0x00, 0x00}}
	seg := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 45123, DstPort: 53, Length: uint16(8 + len(payload))}, payload, exHost, exTarget)
	bad := append(h.AppendHeader(nil), seg...)
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4ParameterProblem}, codec.ErrorBody{Pointer: 21, Quote: bad[:32]})
	return ipv4(exRouter3, exHost, codec.ProtoICMP, 62, 0x7c00, msg)
}

// pingCapture is `ping -c 4` seen on the host: requests about 1 s apart,
// replies after about 12 ms.
func pingCapture() []byte {
	var w captureWriter
	for seq := uint16(1); seq <= 4; seq++ {
		at := exPing.sent(seq).Add(exPing.capture)
		w.add(at, exPing.request(seq))
		rtt := 12*time.Millisecond + time.Duration(seq)*317*time.Microsecond
		w.add(at.Add(rtt), exPing.reply(seq, 57))
	}
	return w.bytes()
}

// tracerouteCapture is `traceroute -q 1 198.51.100.7` seen on the host.
func tracerouteCapture() []byte {
	start := time.Date(2026, 11, 27, 9, 5, 0, 0, time.UTC)
	var w captureWriter
	hops := []netip.Addr{exRouter1, exRouter2, exRouter3, exTarget}
	for i, hop := range hops {
		ttl := uint8(i + 1)
		port := uint16(33434 + i)
		at := start.Add(time.Duration(i) * 5 * time.Millisecond)
		probe := udpProbe(exHost, exTarget, ttl, port, 0x4a01+uint16(i))
		w.add(at, probe)
		back := at.Add(time.Duration(1+3*i) * time.Millisecond)
		// Each router quotes the probe as it arrived: every hop before it
		// took one off the TTL, so it reads 1 (and its header checksum moved).
		seen := udpProbe(exHost, exTarget, 1, port, 0x4a01+uint16(i))
		switch {
		case hop == exTarget:
			w.add(back, icmpError(hop, exHost, codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable, seen, true))
		case hop == exRouter2:
			w.add(back, mplsTimeExceeded(hop, exHost, seen, 24001))
		default:
			w.add(back, icmpError(hop, exHost, codec.ICMPv4TimeExceeded, codec.CodeTTLExceeded, seen, false))
		}
	}
	return w.bytes()
}
