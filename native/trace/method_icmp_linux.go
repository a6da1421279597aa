//go:build linux

package trace

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"golang.org/x/sys/unix"

	"icmplab/codec"
)

// ErrNoICMPSocket says how to allow unprivileged ICMP probes.
var ErrNoICMPSocket = errors.New("ICMP datagram sockets are not allowed for this user: " +
	"allow them with sysctl -w net.ipv4.ping_group_range=\"0 2147483647\", or run with CAP_NET_RAW")

// icmpProber sends echo requests: on the raw ICMP socket when privileged
// (identifier chosen here, one per flow), else on ICMP datagram sockets, one
// per flow, whose identifier the kernel sets to the socket's port.
type icmpProber struct {
	*base
	dgram   []*sock // unprivileged: one datagram socket per flow
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
		// INTEGRATION POINT (native/icmpsock): an ICMP datagram socket.
		s, err := openSock(b.fam, unix.SOCK_DGRAM, b.icmpProto(), b.cfg.Source, b.cfg.Iface)
		if errors.Is(err, unix.EACCES) || errors.Is(err, unix.EPERM) {
			return nil, fmt.Errorf("%w: %w", ErrNoICMPSocket, err)
		}
		if err != nil {
			return nil, err
		}
		b.track(s)
		if err := s.recvErr(); err != nil {
			return nil, err
		}
		c.dgram = append(c.dgram, s)
		c.ids = append(c.ids, s.port)
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
		c.readRaw(func(fl codec.FlowKey) (lookupKey, bool) {
			if fl.Proto != c.fam.Protocol() || fl.ICMPType != c.echoType() || !c.ours(fl.ID) {
				return lookupKey{}, false
			}
			return c.key(fl.ID, fl.Seq), true
		}, func(e codec.Echo) (lookupKey, bool) {
			if !c.ours(e.ID) {
				return lookupKey{}, false
			}
			return c.key(e.ID, e.Seq), true
		})
		return
	}
	for _, s := range c.dgram {
		id := s.port
		c.readErrQueue(s, func(p packet) (lookupKey, bool) {
			// The error queue returns the echo request as sent.
			if len(p.data) < icmpEchoLen {
				return lookupKey{}, false
			}
			return c.key(id, be16(p.data[6:])), true
		}, func(p packet) {
			m, err := codec.Parse(c.fam, p.data, p.from, c.src)
			if err != nil && m.Kind == codec.KindRaw {
				return
			}
			e, ok := m.Echo()
			o, _, known := classify(c.fam, m.Type, m.Code, 0)
			if !ok || !known || o != Reached {
				return
			}
			c.post(reply{at: p.at, from: p.from, key: c.key(id, e.Seq), outcome: Reached, family: c.fam, typ: m.Type, code: m.Code, icmp: true})
		})
	}
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
	if err := s.setTTL(p.TTL); err != nil {
		return k, err
	}
	at, err := s.sendTo(c.msg, c.cfg.Target, 0)
	if err != nil {
		return k, err
	}
	p.Sent = at
	c.rec.sentICMP(c.fam, c.src, c.cfg.Target, p.TTL, c.msg)
	return k, nil
}
