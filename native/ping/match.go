package ping

import (
	"net/netip"

	"icmplab/codec"
	"icmplab/native/icmpsock"
)

// handle matches one received message against our probes and reports it.
// Anything that is not provably ours is dropped without a word: other
// pingers' replies, forgeries without our cookie, errors about other
// traffic.
func (p *Pinger) handle(pk icmpsock.Packet) {
	// No addresses: ICMPv6 checksums are verified by the kernel on every
	// socket kind, and an ICMPv4 checksum needs none.
	m, err := codec.Parse(p.cfg.Family, pk.ICMP, netip.Addr{}, netip.Addr{})
	if err != nil && m.Kind == codec.KindRaw {
		return
	}
	switch {
	case m.Kind == codec.KindEcho && m.Type == p.replyType && p.cfg.Probe == nil:
		p.onEchoReply(pk, m)
	case m.Kind == codec.KindExtendedEchoReply && p.cfg.Probe != nil:
		p.onProbeReply(pk, m)
	case m.Kind == codec.KindError:
		p.onError(pk, m)
	}
}

func sameAddr(a, b netip.Addr) bool { return a.Unmap().WithZone("") == b.Unmap().WithZone("") }

func (p *Pinger) onEchoReply(pk icmpsock.Packet, m codec.Message) {
	e, ok := m.Echo()
	if !ok || e.ID != p.id || !sameAddr(pk.From, p.cfg.Dst) {
		return
	}
	st := &p.probes[e.Seq]
	if st.flags&fSent == 0 || !replyCookieOK(e.Data, p.cookie, p.cfg.Size) {
		return
	}
	ev := p.baseEvent(EventReply, e.Seq, pk, st)
	ev.Truncated = len(e.Data) < p.cfg.Size
	if m.Sum.Status != codec.ChecksumBad {
		p.ack(e.Seq)
	}
	switch {
	case m.Sum.Status == codec.ChecksumBad:
		p.corrupted++
		ev.BadChecksum = true
	case st.flags&fAnswered != 0:
		p.dups++
		ev.Dup = true
		p.stats.Add(ev.RTT)
	default:
		ev.Late = st.flags&fTimedOut != 0
		p.settle(st, fAnswered)
		p.received++
		p.stats.Add(ev.RTT)
	}
	p.sink.Event(ev)
}

func (p *Pinger) baseEvent(k EventKind, seq uint16, pk icmpsock.Packet, st *probeState) Event {
	ev := Event{
		Kind: k, Seq: seq, From: pk.From, At: pk.At, KernelTime: pk.KernelTime,
		Bytes: len(pk.ICMP), TTL: pk.TTL, Family: p.cfg.Family,
	}
	ev.RTT = max(pk.At.Sub(st.sent), 0)
	ev.HasRTT = true
	return ev
}

// seqFrom8 maps an extended echo's 8-bit sequence number back to the most
// recent 16-bit one we sent with those low bits.
func (p *Pinger) seqFrom8(s8 uint8) uint16 {
	return p.lastSeq - uint16(uint8(p.lastSeq)-s8)
}

func (p *Pinger) onProbeReply(pk icmpsock.Packet, m codec.Message) {
	r, ok := m.ExtendedEchoReply()
	if !ok || r.ID != p.id || !sameAddr(pk.From, p.cfg.Dst) {
		return
	}
	seq := p.seqFrom8(r.Seq)
	st := &p.probes[seq]
	if st.flags&fSent == 0 {
		return
	}
	ev := p.baseEvent(EventProbeReply, seq, pk, st)
	if m.Sum.Status != codec.ChecksumBad {
		p.ack(seq)
	}
	ev.Type, ev.Code = m.Type, m.Code
	ev.Probe = ProbeResult{Family: p.cfg.Family, Code: m.Code, Active: r.Active, IPv4: r.IPv4, IPv6: r.IPv6, State: r.State}
	switch {
	case m.Sum.Status == codec.ChecksumBad:
		p.corrupted++
		ev.BadChecksum = true
	case st.flags&(fAnswered|fErrored) != 0:
		p.dups++
		ev.Dup = true
	case ev.Probe.OK():
		ev.Late = st.flags&fTimedOut != 0
		p.settle(st, fAnswered)
		p.received++
		p.stats.Add(ev.RTT)
	default: // the target understood us and says no: an error, as iputils counts them
		p.settle(st, fErrored)
		p.errors++
	}
	p.sink.Event(ev)
}

// onError matches an ICMP error by the probe it quotes: our request type,
// identifier and destination, a sequence number we sent, and the cookie as
// far as the quote reaches.
func (p *Pinger) onError(pk icmpsock.Packet, m codec.Message) {
	fk, err := m.QuotedFlow()
	if err != nil || fk.Proto != p.cfg.Family.Protocol() || fk.ICMPType != p.reqType ||
		fk.ID != p.id || !sameAddr(fk.Dst, p.cfg.Dst) {
		return
	}
	seq := fk.Seq
	if p.cfg.Probe != nil {
		// An extended echo's sequence is one byte; the next holds the L bit.
		if seq > 0xff {
			seq >>= 8
		}
		seq = p.seqFrom8(uint8(seq))
	}
	st := &p.probes[seq]
	if st.flags&fSent == 0 {
		return
	}
	body, _ := m.Error()
	if p.cfg.Probe == nil {
		if data, ok := quotedEchoData(p.cfg.Family, body.Quote); ok && !quoteCookieOK(data, p.cookie, p.cfg.Size) {
			return
		}
	}
	ev := p.baseEvent(EventError, seq, pk, st)
	ev.Type, ev.Code = m.Type, m.Code
	ev.MTU, ev.Pointer, ev.Gateway = body.MTU, body.Pointer, body.Gateway
	if m.IsAdvisory() {
		// Shown, as iputils does, but the probe is still waiting for its
		// reply: a redirect or source quench is not an answer.
		p.sink.Event(ev)
		return
	}
	p.ack(seq)
	p.settle(st, fErrored)
	p.errors++
	p.sink.Event(ev)
}

// quotedEchoData returns the payload of the echo request an error quotes,
// as far as the quote goes; ok is false when not even the echo header is
// there.
func quotedEchoData(f codec.Family, quote []byte) ([]byte, bool) {
	var inner []byte
	if f == codec.IPv6 {
		_, inner, _ = codec.ParseIPv6(quote)
	} else {
		_, inner, _ = codec.ParseIPv4(quote)
	}
	if len(inner) == 0 {
		return nil, false
	}
	m, _ := codec.Parse(f, inner, netip.Addr{}, netip.Addr{})
	e, ok := m.Echo()
	if !ok {
		return nil, false
	}
	return e.Data, true
}
