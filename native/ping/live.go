package ping

import (
	"net/netip"
	"time"

	"icmplab/codec"
	"icmplab/codec/story"
	"icmplab/native/icmpsock"
	"icmplab/native/pcapout"
)

// liveMatch pairs a prober's answers with its probes through codec/story's
// matcher, the one definition in icmplab of "this ICMP message answers that
// probe" (icmplab story and the page ask it of captures). The engine tells
// it every probe as it leaves and every packet its socket reads, as whole
// IP datagrams, and keeps its own per-probe state (timers, counts, output)
// under the frame number it gave the probe.
//
// The sockets do not hand over whole datagrams: an ICMP socket sends only
// the ICMP message, the kernel writing the IP header; an IPv6 or datagram
// socket reads only the ICMP message; a datagram socket's errors arrive
// through IP_RECVERR, digested, and icmpsock rebuilds the message with a
// quote addressed from the local address to the probe's destination. So
// the header the matcher reads is built here with what is real: the local
// address the probes leave from (Config.Src, the route's source), the
// destination, the TTL the socket sends with or reported, and the echo
// identifier as it went out (a datagram socket's kernel writes its port
// there; the engine already sends with that identifier, EchoID).
type liveMatch struct {
	m     *story.Matcher
	fam   codec.Family
	local netip.Addr
	ttl   uint8
	buf   []byte
}

// pingWindow is how many probes a pinger's matcher holds at most (about
// 200 bytes each): a reply is paired with its request while fewer than
// that many probes have been sent since, over four hours at the default
// interval, a second and a half in a flood of 10,000 a second. A run with
// a count holds no more than it sends.
const pingWindow = 1 << 14

// windowFor is the matcher's window for a run of count probes (0: no
// end), a power of two up to pingWindow.
func windowFor(count int) int {
	n := 64
	for n < pingWindow && (count == 0 || n < count) {
		n <<= 1
	}
	return n
}

// SentTTL is implemented by a Conn that knows the TTL its probes leave
// with (SockConn, when -t set one).
type SentTTL interface {
	SentTTL() int
}

func newLiveMatch(fam codec.Family, local netip.Addr, conn Conn, window int) *liveMatch {
	if !local.IsValid() {
		local = netip.IPv4Unspecified()
		if fam == codec.IPv6 {
			local = netip.IPv6Unspecified()
		}
	}
	lm := &liveMatch{m: story.New(story.Options{Window: window}), fam: fam, local: local.Unmap().WithZone(""),
		ttl: pcapout.DefaultTTL, buf: make([]byte, 0, 1600)}
	if c, ok := conn.(SentTTL); ok && c.SentTTL() > 0 {
		lm.ttl = uint8(min(c.SentTTL(), 255))
	}
	return lm
}

// datagram wraps an ICMP message in the IP header the network saw.
func (lm *liveMatch) datagram(src, dst netip.Addr, ttl uint8, icmp []byte) []byte {
	src, dst = src.Unmap().WithZone(""), dst.Unmap().WithZone("")
	if lm.fam == codec.IPv6 {
		return codec.IPv6Header{NextHeader: codec.ProtoICMPv6, HopLimit: ttl, Src: src, Dst: dst}.AppendDatagram(lm.buf[:0], icmp)
	}
	return codec.IPv4Header{TTL: ttl, Protocol: codec.ProtoICMP, Src: src, Dst: dst}.AppendDatagram(lm.buf[:0], icmp)
}

// sent tells the matcher of probe number frame, sent at at.
func (lm *liveMatch) sent(frame int, at time.Time, msg []byte, dst netip.Addr) {
	lm.buf = lm.datagram(lm.local, dst, lm.ttl, msg)
	lm.m.Sent(story.Packet{Frame: frame, Time: at, IP: lm.buf})
}

// received asks the matcher what a packet the socket read answers. A raw
// IPv4 socket gives the datagram whole; otherwise the header is rebuilt
// from the sender, the local address and the TTL the socket reported (0
// when it reported none: the matcher does not need it).
func (lm *liveMatch) received(pk icmpsock.Packet) story.Match {
	ip := pk.IP
	if ip == nil {
		lm.buf = lm.datagram(pk.From, lm.local, uint8(max(min(pk.TTL, 255), 0)), pk.ICMP)
		ip = lm.buf
	}
	return lm.m.Received(story.Packet{Time: pk.At, IP: ip})
}

// echoRequest is the request type a pinger sends: echo, or RFC 8335's
// extended echo (PROBE).
func echoRequest(f codec.Family, ext bool) codec.Type {
	switch {
	case f == codec.IPv6 && ext:
		return codec.ICMPv6ExtendedEchoRequest
	case f == codec.IPv6:
		return codec.ICMPv6EchoRequest
	case ext:
		return codec.ICMPv4ExtendedEchoRequest
	}
	return codec.ICMPv4EchoRequest
}
