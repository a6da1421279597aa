//go:build linux

package ping

import (
	"errors"
	"fmt"
	"net/netip"
	"sync"
	"time"

	"golang.org/x/sys/unix"

	"icmplab/codec"
	"icmplab/native/icmpsock"
	"icmplab/native/pcapout"
)

// SockConn is a Conn over an icmpsock socket, recording every packet sent
// and received to a pcapng file when asked.
type SockConn struct {
	// order makes a request's record precede its reply's: the reply can
	// arrive (and be read) before the send call returns.
	order sync.Mutex
	c     *icmpsock.Conn
	pcap  *pcapout.Writer
	fam   codec.Family
	local netip.Addr
	ttl   int
	tos   int
}

// OpenConn opens the socket opts describes (datagram first, raw as
// fallback, unless opts.Want says otherwise). local is the address probes
// leave from (icmpsock.RouteSource), used for the IP headers of the
// capture; pcap may be nil.
func OpenConn(opts icmpsock.Options, local netip.Addr, pcap *pcapout.Writer) (*SockConn, error) {
	c, err := icmpsock.Open(opts)
	if err != nil {
		return nil, err
	}
	return &SockConn{c: c, pcap: pcap, fam: opts.Family, local: local, ttl: opts.TTL, tos: opts.TOS}, nil
}

// Kind says which socket was obtained.
func (s *SockConn) Kind() icmpsock.Kind { return s.c.Kind() }

// EchoID is the kernel's identifier for datagram sockets.
func (s *SockConn) EchoID() (uint16, bool) { return s.c.EchoID() }

// FilterReplies installs the raw socket's kernel filters for id (New calls it).
func (s *SockConn) FilterReplies(id uint16) error { return s.c.FilterReplies(id) }

// Send sends and records. A socket refusing a message as too long also
// queues the refusal, with the MTU, on its error queue (IP_RECVERR): that
// one is reported (ErrDeferred), not this.
func (s *SockConn) Send(msg []byte, dst netip.Addr) (time.Time, error) {
	if s.pcap != nil {
		s.order.Lock()
		defer s.order.Unlock()
	}
	at, err := s.c.WriteTo(msg, dst)
	if err != nil {
		if errors.Is(err, unix.EMSGSIZE) {
			return at, ErrDeferred
		}
		return at, err
	}
	if s.pcap != nil {
		s.pcap.WriteICMP(at, pcapout.Meta{Family: s.fam, Src: s.local, Dst: dst, TTL: s.ttl, TOS: s.tos}, msg)
	}
	return at, nil
}

// Recv reads and records.
func (s *SockConn) Recv(buf []byte) (icmpsock.Packet, error) {
	p, err := s.c.Read(buf)
	if err != nil {
		if errors.Is(err, icmpsock.ErrNotICMP) {
			return p, fmt.Errorf("%w: %v", ErrSkip, err)
		}
		return p, err
	}
	if s.pcap != nil {
		s.order.Lock()
		defer s.order.Unlock()
		if p.IP != nil {
			s.pcap.WriteIP(p.At, p.IP)
		} else {
			s.pcap.WriteICMP(p.At, pcapout.Meta{Family: s.fam, Src: p.From, Dst: s.local, TTL: p.TTL, TOS: p.TOS}, p.ICMP)
		}
	}
	return p, nil
}

// SentTTL is the TTL (hop limit) set on the socket, 0 for the kernel's
// default: the matcher reads it in the probes' headers.
func (s *SockConn) SentTTL() int { return s.ttl }

// SetReadDeadline bounds Recv.
func (s *SockConn) SetReadDeadline(t time.Time) error { return s.c.SetReadDeadline(t) }

// Close closes the socket.
func (s *SockConn) Close() error { return s.c.Close() }
