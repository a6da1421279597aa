//go:build linux

package trace

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"sync"
	"sync/atomic"

	"golang.org/x/sys/unix"

	"icmplab/codec"
	"icmplab/native/icmpsock"
)

// Header sizes, for the "N byte packets" of the banner.
const (
	ipv4HeaderLen = 20
	ipv6HeaderLen = 40
	udpHeaderLen  = 8
	icmpEchoLen   = 8
	tcpSynLen     = 24 // 20-byte header and an MSS option
)

// base is what every method shares: family, source, the raw ICMP receive
// socket when privileged, readers, and the packet recorder.
//
// The ICMP sockets (the raw one here, the ICMP method's datagram ones) are
// native/icmpsock's, as ping's are. The UDP and TCP sockets (sock) are
// traceroute's own: icmpsock opens ICMP sockets only, and a UDP probe's
// errors come on the UDP socket's error queue, where icmpsock cannot look.
type base struct {
	cfg     *Config
	fam     codec.Family
	src     netip.Addr
	raw     *icmpsock.Conn // raw ICMP socket: every ICMP error whole (nil when unprivileged)
	socks   []*sock
	conns   []*icmpsock.Conn
	closing atomic.Bool // set before the sockets close, so readers stop
	mu      sync.Mutex
	out     chan<- reply
	wg      sync.WaitGroup
	rec     recorder
	buf     []byte
}

func (b *base) source() netip.Addr { return b.src }
func (b *base) privileged() bool   { return b.raw != nil }

func (b *base) ipLen() int {
	if b.fam == codec.IPv6 {
		return ipv6HeaderLen
	}
	return ipv4HeaderLen
}

// newBase resolves the source and, unless told not to, tries the raw ICMP
// socket that privileged mode reads errors from.
func newBase(cfg *Config) (*base, error) {
	b := &base{cfg: cfg, fam: codec.IPv4, buf: make([]byte, 0, 2048)}
	if cfg.Target.Is6() {
		b.fam = codec.IPv6
	}
	b.src = cfg.Source.Unmap()
	if !b.src.IsValid() {
		// Connecting a UDP socket consults the routing table and sends
		// nothing. The zone is dropped: quotes carry none.
		s, err := icmpsock.RouteSource(cfg.Target, cfg.Iface)
		if err != nil {
			return nil, fmt.Errorf("no route to %s: %w", cfg.Target, err)
		}
		b.src = s.WithZone("")
	}
	if !cfg.Unprivileged {
		c, err := b.openICMP(icmpsock.OnlyRaw)
		switch {
		case err == nil:
			b.raw = c
		case errors.Is(err, unix.EPERM) || errors.Is(err, unix.EACCES):
		default:
			return nil, err
		}
	}
	rec, err := openRecorder(cfg.Pcap)
	if err != nil {
		b.close()
		return nil, err
	}
	b.rec = rec
	return b, nil
}

// openICMP opens an ICMP socket of the kind asked for, bound as the
// configuration says, and remembers it for close.
func (b *base) openICMP(want icmpsock.Want) (*icmpsock.Conn, error) {
	c, err := icmpsock.Open(icmpsock.Options{Family: b.fam, Want: want, Source: b.cfg.Source,
		Device: b.cfg.Iface, TOS: icmpsock.NoTOS})
	if err != nil {
		return nil, err
	}
	b.mu.Lock()
	b.conns = append(b.conns, c)
	b.mu.Unlock()
	return c, nil
}

func (b *base) close() {
	b.closing.Store(true)
	b.mu.Lock()
	for _, s := range b.socks {
		s.close()
	}
	for _, c := range b.conns {
		c.Close()
	}
	b.mu.Unlock()
	b.wg.Wait()
	if b.rec != nil {
		b.rec.close()
	}
}

// track remembers a socket for close.
func (b *base) track(s *sock) {
	b.mu.Lock()
	b.socks = append(b.socks, s)
	b.mu.Unlock()
}

// read runs fn on every message of s until s is closed.
func (b *base) read(s *sock, errq bool, fn func(packet)) {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		buf := make([]byte, 65536)
		oob := make([]byte, 512)
		for {
			p, err := s.recv(buf, oob, errq)
			if err != nil {
				if isClosed(err) || s.closed {
					return
				}
				continue
			}
			fn(p)
		}
	}()
}

// readConn runs fn on every packet of an ICMP socket until it is closed.
// Reads that icmpsock refuses (a datagram it cannot delimit, a local error
// about a probe) are skipped: the probe's own timeout covers it.
func (b *base) readConn(c *icmpsock.Conn, fn func(icmpsock.Packet)) {
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		buf := make([]byte, 65536)
		for {
			p, err := c.Read(buf)
			if err != nil {
				if b.closing.Load() || isClosed(err) {
					return
				}
				continue
			}
			fn(p)
		}
	}()
}

// post hands a reply to the engine.
func (b *base) post(r reply) { b.out <- r }

// readRaw posts every message the raw ICMP socket reads that can answer a
// probe (echo replies only when wantEcho): the engine's matcher says whose.
func (b *base) readRaw(wantEcho bool) {
	b.readConn(b.raw, func(ip icmpsock.Packet) {
		// An IPv4 raw socket gives the IP header too (ip.IP); an IPv6 one
		// the ICMPv6 message alone.
		data := ip.IP
		if data == nil {
			data = ip.ICMP
		}
		if d, ok := rawAnswer(b.fam, data, ip.From.WithZone(""), b.src, ip.TTL, wantEcho); ok {
			b.rec.received(ip.At, d)
			b.post(reply{at: ip.At, ip: d})
		}
	})
}

// readErrQueue turns a UDP socket's error queue into replies (the
// unprivileged path): the kernel gives type, code, offender, the probe's
// destination (msg_name: an unconnected socket also hears of its packets
// to elsewhere) and payload, from which errQueueAnswer rebuilds the error.
// sport is the socket's port. data, when not nil, receives what arrives
// on the normal queue.
func (b *base) readErrQueue(s *sock, sport uint16, data func(p packet)) {
	b.read(s, true, func(p packet) {
		if !p.errq {
			if data != nil {
				data(p)
			}
			return
		}
		if p.ee.Origin != unix.SO_EE_ORIGIN_ICMP && p.ee.Origin != unix.SO_EE_ORIGIN_ICMP6 || !p.from.IsValid() {
			return
		}
		t, c := codec.Type(p.ee.Type), codec.Code(p.ee.Code)
		if _, _, ok := classify(b.fam, t, c, p.ee.Info); !ok {
			return
		}
		if b.cfg.Paris && len(p.data) < b.cfg.DataLen {
			// The router quoted too little of the payload to rebuild the
			// checksum that names a Paris probe: no probe can be told.
			return
		}
		d := errQueueAnswer(b.fam, p.offender.WithZone(""), b.src, p.from.Unmap().WithZone(""), sport, p.port, t, c, p.ee.Info, p.data)
		b.post(reply{at: p.at, ip: d, rebuilt: true})
	})
}

// newProber opens the sockets of cfg's method.
func newProber(cfg *Config) (prober, error) {
	b, err := newBase(cfg)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errNoSocket, err)
	}
	var pr prober
	switch cfg.Method {
	case MethodUDP, MethodUDPFixed:
		pr, err = newUDPProber(b)
	case MethodICMP:
		pr, err = newICMPProber(b)
	case MethodTCP:
		pr, err = newTCPProber(b)
	default:
		err = fmt.Errorf("%w: method %v", ErrConfig, cfg.Method)
	}
	if err != nil {
		b.close()
		return nil, fmt.Errorf("%w: %w", errNoSocket, err)
	}
	if err := dropPrivileges(); err != nil {
		pr.close()
		return nil, err
	}
	return pr, nil
}

// randPort picks an unprivileged port for raw TCP probes.
func randPort() uint16 { return uint16(32768 + rand.IntN(16384)) }
