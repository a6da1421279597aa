//go:build linux

package trace

import (
	"errors"
	"fmt"
	"math/rand/v2"

	"golang.org/x/sys/unix"

	"icmplab/codec"
)

// ErrNeedRaw says a method needs CAP_NET_RAW.
var ErrNeedRaw = errors.New("TCP SYN probes need raw sockets (root or CAP_NET_RAW)")

// tcpProber sends SYNs built by codec on a raw TCP socket and reads the
// target's SYN-ACK or RST from it; ICMP errors come from the raw ICMP socket.
// The sequence number names the probe; the source port is one per probe in
// classic mode (so ECMP spreads them as traceroute's would be) and one per
// flow in Paris mode.
type tcpProber struct {
	*base
	tcp   *sock
	sport uint16
	seq   uint32
	seg   []byte
}

func newTCPProber(b *base) (*tcpProber, error) {
	if b.raw == nil {
		return nil, ErrNeedRaw
	}
	s, err := openSock(b.fam, unix.SOCK_RAW, unix.IPPROTO_TCP, b.cfg.Source, b.cfg.Iface)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrNeedRaw, err)
	}
	b.track(s)
	return &tcpProber{base: b, tcp: s, sport: randPort(), seq: rand.Uint32(), seg: make([]byte, 0, 64)}, nil
}

func (t *tcpProber) packetSize() int { return t.ipLen() + tcpSynLen }

func (t *tcpProber) portOf(p *Probe) uint16 {
	if t.cfg.Paris {
		return t.sport + uint16(p.Flow)
	}
	return t.sport + uint16(p.Index)
}

func (t *tcpProber) start(out chan<- reply) {
	t.base.out = out
	t.readRaw(func(fl codec.FlowKey) (lookupKey, bool) {
		if fl.Proto != codec.ProtoTCP {
			return lookupKey{}, false
		}
		return lookupKey{proto: codec.ProtoTCP, sport: fl.SrcPort, dport: fl.DstPort, ident: fl.TCPSeq}, true
	}, nil)
	t.read(t.tcp, false, func(p packet) {
		seg := p.data
		from := p.from
		if t.fam == codec.IPv4 {
			h, pl, err := codec.ParseIPv4(seg)
			if err != nil {
				return
			}
			seg, from = pl, h.Src
		}
		h, _, err := codec.ParseTCP(seg)
		if err != nil || from != t.cfg.Target || h.SrcPort != t.cfg.Port || h.Flags&codec.TCPFlagACK == 0 {
			return
		}
		syn := h.Flags&(codec.TCPFlagSYN|codec.TCPFlagACK) == codec.TCPFlagSYN|codec.TCPFlagACK
		if !syn && h.Flags&codec.TCPFlagRST == 0 {
			return
		}
		t.rec.receivedTCP(t.fam, from, t.src, seg)
		t.post(reply{at: p.at, from: from, outcome: Reached, tcpFlags: h.Flags,
			key: lookupKey{proto: codec.ProtoTCP, sport: h.DstPort, dport: h.SrcPort, ident: h.Ack - 1}})
	})
}

// mssOption is an MSS option of 1460, as a SYN usually carries.
var mssOption = []byte{2, 4, 0x05, 0xb4}

func (t *tcpProber) send(p *Probe) (lookupKey, error) {
	sport := t.portOf(p)
	seq := t.seq + uint32(p.Index)*0x10000 + uint32(p.Flow)
	p.SrcPort, p.DstPort, p.Ident = sport, t.cfg.Port, seq
	k := lookupKey{proto: codec.ProtoTCP, sport: sport, dport: t.cfg.Port, ident: seq}
	t.seg = codec.AppendTCP(t.seg[:0], codec.TCPHeader{SrcPort: sport, DstPort: t.cfg.Port, Seq: seq,
		Flags: codec.TCPFlagSYN, Window: 64240, Options: mssOption}, nil, t.src, t.cfg.Target)
	if err := t.tcp.setTTL(p.TTL); err != nil {
		return k, err
	}
	at, err := t.tcp.sendTo(t.seg, t.cfg.Target, 0)
	if err != nil {
		return k, err
	}
	p.Sent = at
	t.rec.sentTCP(t.fam, t.src, t.cfg.Target, p.TTL, t.seg)
	return k, nil
}
