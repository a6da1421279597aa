//go:build linux

package trace

import (
	"golang.org/x/sys/unix"

	"icmplab/codec"
)

// udpProber sends UDP datagrams from kernel UDP sockets: one socket for
// traceroute's default (the destination port names the probe), one per
// probe for -U (the source port names it), one per flow in Paris mode (the
// checksum names it; the five-tuple never changes).
type udpProber struct {
	*base
	flowSocks []*sock // per flow (Paris) or the one shared socket (classic UDP)
	payload   []byte
	// rawUDP sends privileged Paris probes with a header built here. A
	// kernel UDP socket may leave the checksum to the NIC (veth never fills
	// it in), and the checksum is what names a Paris probe in the quote;
	// the flow sockets stay open so that no one else takes their ports.
	rawUDP *sock
	seg    []byte
}

func newUDPProber(b *base) (*udpProber, error) {
	u := &udpProber{base: b, payload: make([]byte, b.cfg.DataLen)}
	n := 1
	if b.cfg.Paris {
		n = b.cfg.Flows
	}
	if b.cfg.Method == MethodUDPFixed && !b.cfg.Paris {
		n = 0 // a socket per probe, opened as it is sent
	}
	for i := 0; i < n; i++ {
		s, err := u.open()
		if err != nil {
			return nil, err
		}
		u.flowSocks = append(u.flowSocks, s)
	}
	if b.raw != nil && b.cfg.Paris {
		s, err := openSock(b.fam, unix.SOCK_RAW, unix.IPPROTO_UDP, b.cfg.Source, b.cfg.Iface)
		if err != nil {
			return nil, err
		}
		u.track(s)
		unix.Shutdown(s.fd, unix.SHUT_RD) // it would receive every UDP datagram; it only sends
		u.rawUDP = s
	}
	return u, nil
}

// open makes one probe socket; unprivileged ones read their errors from the
// error queue. Every socket is read for answers from an open port.
func (u *udpProber) open() (*sock, error) {
	s, err := openSock(u.fam, unix.SOCK_DGRAM, unix.IPPROTO_UDP, u.cfg.Source, u.cfg.Iface)
	if err != nil {
		return nil, err
	}
	u.track(s)
	if u.raw == nil {
		if err := s.recvErr(); err != nil {
			return nil, err
		}
	}
	if u.base.out != nil {
		u.readSock(s)
	}
	return s, nil
}

func (u *udpProber) packetSize() int { return u.ipLen() + udpHeaderLen + u.cfg.DataLen }

func (u *udpProber) start(out chan<- reply) {
	u.base.out = out
	if u.raw != nil {
		u.readRaw(false)
	}
	for _, s := range u.flowSocks {
		u.readSock(s)
	}
}

// readSock reads one socket's error queue (empty on the privileged path,
// which leaves IP_RECVERR off) and any UDP answer from the target, which
// ends a trace at an open port as traceroute's does.
func (u *udpProber) readSock(s *sock) {
	sport := s.port
	u.readErrQueue(s, sport, func(p packet) {
		if !p.from.IsValid() {
			return
		}
		d := udpAnswer(u.fam, p.from.Unmap().WithZone(""), u.src, p.port, sport, p.data)
		u.rec.received(p.at, d)
		u.post(reply{at: p.at, ip: d})
	})
}

func (u *udpProber) send(p *Probe) ([]byte, error) {
	var s *sock
	dport := u.cfg.Port
	switch {
	case u.cfg.Paris:
		s = u.flowSocks[p.Flow]
	case u.cfg.Method == MethodUDPFixed:
		var err error
		if s, err = u.open(); err != nil {
			return nil, err
		}
	default:
		s = u.flowSocks[0]
		dport = u.cfg.Port + uint16(p.Index)
	}
	p.SrcPort, p.DstPort = s.port, dport
	if u.cfg.Paris {
		want := uint16(1 + p.Index) // never 0 or 0xffff: Index < 0xfffe
		udpParisPayload(u.payload, uint16(p.Index), want, u.src, u.cfg.Target, s.port, dport)
		p.Ident = uint32(want)
	} else {
		plainPayload(u.payload, uint16(p.Index))
	}
	// The datagram as it leaves, checksum included, for the matcher and
	// the record: the kernel builds the same header.
	u.seg = codec.AppendUDP(u.seg[:0], codec.UDPHeader{SrcPort: s.port, DstPort: dport}, u.payload, u.src, u.cfg.Target)
	ip := ipWrap(nil, u.fam, codec.ProtoUDP, u.src, u.cfg.Target, p.TTL, u.seg)
	data, toPort := u.payload, dport
	if u.rawUDP != nil {
		// A raw IPv6 socket reads the port field as a protocol number.
		s, data, toPort = u.rawUDP, u.seg, 0
	}
	if err := s.setTTL(p.TTL); err != nil {
		return nil, err
	}
	at, err := s.sendTo(data, u.cfg.Target, toPort)
	if err != nil {
		return nil, err
	}
	p.Sent = at
	u.rec.sent(at, ip)
	return ip, nil
}
