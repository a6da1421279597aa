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
	t.readRaw(false)
	t.read(t.tcp, false, func(p packet) {
		// The raw TCP socket reads every segment to this host: only a
		// SYN-ACK or a reset from the target goes on to the matcher. An
		// IPv4 socket gives the IP header, an IPv6 one the segment alone.
		seg, from, ip := p.data, p.from, []byte(nil)
		if t.fam == codec.IPv4 {
			h, pl, err := codec.ParseIPv4(seg)
			if err != nil {
				return
			}
			seg, from, ip = pl, h.Src, p.data
		}
		h, _, err := codec.ParseTCP(seg)
		if err != nil || from.Unmap().WithZone("") != t.cfg.Target {
			return
		}
		if h.Flags&(codec.TCPFlagSYN|codec.TCPFlagACK) != codec.TCPFlagSYN|codec.TCPFlagACK && h.Flags&codec.TCPFlagRST == 0 {
			return
		}
		if ip != nil {
			ip = append([]byte(nil), ip...)
		} else {
			ip = ipWrap(nil, t.fam, codec.ProtoTCP, t.cfg.Target, t.src, 0, seg)
		}
		t.rec.received(p.at, ip)
		t.post(reply{at: p.at, ip: ip})
	})
}

// mssOption is an MSS option of 1460, as a SYN usually carries.
var mssOption = []byte{2, 4, 0x05, 0xb4}

func (t *tcpProber) send(p *Probe) ([]byte, error) {
	sport := t.portOf(p)
	seq := t.seq + uint32(p.Index)*0x10000 + uint32(p.Flow)
	p.SrcPort, p.DstPort, p.Ident = sport, t.cfg.Port, seq
	t.seg = codec.AppendTCP(t.seg[:0], codec.TCPHeader{SrcPort: sport, DstPort: t.cfg.Port, Seq: seq,
		Flags: codec.TCPFlagSYN, Window: 64240, Options: mssOption}, nil, t.src, t.cfg.Target)
	if err := t.tcp.setTTL(p.TTL); err != nil {
		return nil, err
	}
	at, err := t.tcp.sendTo(t.seg, t.cfg.Target, 0)
	if err != nil {
		return nil, err
	}
	p.Sent = at
	ip := ipWrap(nil, t.fam, codec.ProtoTCP, t.src, t.cfg.Target, p.TTL, t.seg)
	t.rec.sent(at, ip)
	return ip, nil
}
