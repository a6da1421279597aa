//go:build linux

package trace

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"

	"golang.org/x/sys/unix"

	"icmplab/codec"
	"icmplab/native/icmpsock"
)

// ErrNoICMPSocket says how to allow unprivileged ICMP probes.
var ErrNoICMPSocket = errors.New("ICMP datagram sockets are not allowed for this user: " +
	"allow them with sysctl -w net.ipv4.ping_group_range=\"0 2147483647\", or run with CAP_NET_RAW")

// icmpProber sends echo requests through native/icmpsock: on the raw ICMP
// socket when privileged (identifier chosen here, one per flow), else on
// ICMP datagram sockets, one per flow, whose identifier the kernel sets to
// the socket's port. Either kind sets the TTL before each probe (SetTTL).
type icmpProber struct {
	*base
	dgram   []*icmpsock.Conn // unprivileged: one datagram socket per flow
	ids     []uint16
	payload []byte
	msg     []byte
}

func newICMPProber(b *base) (*icmpProber, error) {
	c := &icmpProber{base: b, payload: make([]byte, b.cfg.DataLen), msg: make([]byte, 0, 2048)}
	first := uint16(rand.IntN(0x10000))
	for f := 0; f < b.cfg.Flows; f++ {
		if b.raw != nil {
			c.ids = append(c.ids, first+uint16(f))
			continue
		}
		s, err := b.openICMP(icmpsock.OnlyDatagram)
		if errors.Is(err, unix.EACCES) || errors.Is(err, unix.EPERM) {
			return nil, fmt.Errorf("%w: %w", ErrNoICMPSocket, err)
		}
		if err != nil {
			return nil, err
		}
		id, _ := s.EchoID()
		c.dgram = append(c.dgram, s)
		c.ids = append(c.ids, id)
	}
	return c, nil
}

func (c *icmpProber) packetSize() int { return c.ipLen() + icmpEchoLen + c.cfg.DataLen }

func (c *icmpProber) echoType() codec.Type {
	if c.fam == codec.IPv6 {
		return codec.ICMPv6EchoRequest
	}
	return codec.ICMPv4EchoRequest
}

// ours reports whether id is one of this trace's identifiers.
func (c *icmpProber) ours(id uint16) bool {
	for _, v := range c.ids {
		if v == id {
			return true
		}
	}
	return false
}

func (c *icmpProber) key(id, seq uint16) lookupKey {
	return lookupKey{proto: c.fam.Protocol(), sport: id, ident: uint32(seq)}
}

func (c *icmpProber) start(out chan<- reply) {
	c.base.out = out
	if c.raw != nil {
		c.readRaw(c.keyOfFlow, c.keyOfEcho)
		return
	}
	for _, s := range c.dgram {
		c.readConn(s, c.fromDatagram)
	}
}

// keyOfFlow matches an error by the echo request it quotes.
func (c *icmpProber) keyOfFlow(fl codec.FlowKey) (lookupKey, bool) {
	if fl.Proto != c.fam.Protocol() || fl.ICMPType != c.echoType() || !c.ours(fl.ID) {
		return lookupKey{}, false
	}
	return c.key(fl.ID, fl.Seq), true
}

// keyOfEcho matches an echo reply.
func (c *icmpProber) keyOfEcho(e codec.Echo) (lookupKey, bool) {
	if !c.ours(e.ID) {
		return lookupKey{}, false
	}
	return c.key(e.ID, e.Seq), true
}

// fromDatagram posts what a datagram socket read: an echo reply, or an
// error icmpsock rebuilt from the error queue (Synthesized). The kernel
// already matched such an error to this socket; its quote is rebuilt from
// the probe as sent, so the quoted TTL and TOS are not the router's and
// whatever followed the quote (extensions) sits at offsets no router chose:
// neither is reported, as for UDP's error queue. msg_name is the
// destination of the probe the error is about: an unconnected socket also
// hears of its packets to elsewhere.
func (c *icmpProber) fromDatagram(p icmpsock.Packet) {
	if p.Synthesized && p.OrigDst.IsValid() && p.OrigDst.Unmap() != c.cfg.Target {
		c.post(reply{mismatch: true})
		return
	}
	m, err := codec.Parse(c.fam, p.ICMP, p.From, c.src)
	if err != nil && m.Kind == codec.KindRaw {
		return
	}
	r, ok := decodeMsg(c.fam, m, p.From, p.At, c.keyOfFlow, c.keyOfEcho)
	if !ok {
		return
	}
	if p.Synthesized {
		r.hasQuote, r.qsrc, r.qdst, r.qttl, r.qtos = false, netip.Addr{}, netip.Addr{}, 0, 0
		r.ext, r.layout = nil, 0
	}
	c.post(r)
}

func (c *icmpProber) send(p *Probe) (lookupKey, error) {
	id := c.ids[p.Flow]
	seq := uint16(1 + p.Index)
	if c.cfg.Paris {
		icmpParisPayload(c.payload, uint16(p.Index), seq)
	} else {
		plainPayload(c.payload, uint16(p.Index))
	}
	p.SrcPort, p.Ident = id, uint32(seq)
	// The kernel fills the ICMPv6 checksum on raw and datagram sockets,
	// and the ICMPv4 one on datagram sockets; a raw ICMPv4 socket sends
	// what it is given, so that one is computed here.
	c.msg = codec.Append(c.msg[:0], codec.Header{Family: c.fam, Type: c.echoType()}, codec.Echo{ID: id, Seq: seq, Data: c.payload})
	s := c.raw
	if s == nil {
		s = c.dgram[p.Flow]
	}
	k := c.key(id, seq)
	if err := s.SetTTL(p.TTL); err != nil {
		return k, err
	}
	at, err := s.WriteTo(c.msg, c.cfg.Target)
	if err != nil {
		return k, err
	}
	p.Sent = at
	c.rec.sentICMP(c.fam, c.src, c.cfg.Target, p.TTL, c.msg)
	return k, nil
}
