//go:build linux

package trace

import (
	"errors"
	"fmt"
	"math/rand/v2"

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

func (c *icmpProber) start(out chan<- reply) {
	c.base.out = out
	if c.raw != nil {
		c.readRaw(true)
		return
	}
	for _, s := range c.dgram {
		c.readConn(s, c.fromDatagram)
	}
}

// fromDatagram posts what a datagram socket read: an echo reply, or an
// error icmpsock rebuilt from the error queue (Synthesized), its quote
// addressed from our source to the probe's destination (msg_name: an
// unconnected socket also hears of its packets to elsewhere, which the
// matcher then pairs with nothing). The socket gives no IP header: it is
// rebuilt around the message, from the sender to our source.
func (c *icmpProber) fromDatagram(p icmpsock.Packet) {
	if !answerType(c.fam, p.ICMP, true) {
		return
	}
	d := icmpDatagram(c.fam, p.From.Unmap().WithZone(""), c.src, p.TTL, p.ICMP)
	if !p.Synthesized {
		c.rec.received(p.At, d)
	}
	c.post(reply{at: p.At, ip: d, rebuilt: p.Synthesized})
}

// request builds probe p's echo request (in c.msg).
func (c *icmpProber) request(p *Probe) []byte {
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
	// what it is given, so that one is computed here. With the addresses,
	// the ICMPv6 one is right too, as the matcher and the record read it.
	c.msg = codec.Append(c.msg[:0], codec.Header{Family: c.fam, Type: c.echoType(), Src: c.src, Dst: c.cfg.Target},
		codec.Echo{ID: id, Seq: seq, Data: c.payload})
	return c.msg
}

func (c *icmpProber) send(p *Probe) ([]byte, error) {
	c.request(p)
	s := c.raw
	if s == nil {
		s = c.dgram[p.Flow]
	}
	if err := s.SetTTL(p.TTL); err != nil {
		return nil, err
	}
	at, err := s.WriteTo(c.msg, c.cfg.Target)
	if err != nil {
		return nil, err
	}
	p.Sent = at
	ip := ipWrap(nil, c.fam, c.fam.Protocol(), c.src, c.cfg.Target, p.TTL, c.msg)
	c.rec.sent(at, ip)
	return ip, nil
}
