package ping

import (
	"net/netip"

	"icmplab/codec"
	"icmplab/codec/story"
	"icmplab/native/icmpsock"
)

// handle asks the matcher which probe a received message answers, and
// reports it. Anything the matcher does not pair with one of our probes is
// dropped without a word: other pingers' replies (another identifier),
// replies from elsewhere, errors about other traffic. What the matcher
// pairs must still carry our cookie: a forgery that guessed identifier and
// sequence is dropped too.
func (p *Pinger) handle(pk icmpsock.Packet) {
	mt := p.live.received(pk)
	if !mt.Answers() {
		return
	}
	// No addresses: ICMPv6 checksums are verified by the kernel on every
	// socket kind, and an ICMPv4 checksum needs none.
	m, err := codec.Parse(p.cfg.Family, pk.ICMP, netip.Addr{}, netip.Addr{})
	if err != nil && m.Kind == codec.KindRaw {
		return
	}
	seq := uint16(mt.Frame) // the probe's number: its sequence number, modulo 2^16
	st := &p.probes[seq]
	switch {
	case mt.Kind == story.MatchError:
		p.onError(pk, m, seq, st, mt.Outcome)
	case p.cfg.Probe != nil:
		p.onProbeReply(pk, m, seq, st)
	default:
		p.onEchoReply(pk, m, seq, st)
	}
}

func (p *Pinger) onEchoReply(pk icmpsock.Packet, m codec.Message, seq uint16, st *probeState) {
	e, ok := m.Echo()
	if !ok || !replyCookieOK(e.Data, p.cookie, p.cfg.Size) {
		return
	}
	ev := p.baseEvent(EventReply, seq, pk, st)
	ev.Truncated = len(e.Data) < p.cfg.Size
	if m.Sum.Status != codec.ChecksumBad {
		p.ack(seq)
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

func (p *Pinger) onProbeReply(pk icmpsock.Packet, m codec.Message, seq uint16, st *probeState) {
	r, ok := m.ExtendedEchoReply()
	if !ok {
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

// onError reports an ICMP error the matcher paired with a probe by the
// request it quotes, once the cookie checks out as far as the quote goes.
func (p *Pinger) onError(pk icmpsock.Packet, m codec.Message, seq uint16, st *probeState, o story.Outcome) {
	body, _ := m.Error()
	if p.cfg.Probe == nil {
		if data, ok := quotedEchoData(p.cfg.Family, body.Quote); ok && !quoteCookieOK(data, p.cookie, p.cfg.Size) {
			return
		}
	}
	ev := p.baseEvent(EventError, seq, pk, st)
	ev.Type, ev.Code = m.Type, m.Code
	ev.MTU, ev.Pointer, ev.Gateway = body.MTU, body.Pointer, body.Gateway
	if o == story.OutcomeAdvisory {
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
