//go:build !linux

package ping

import (
	"net/netip"
	"time"

	"icmplab/native/icmpsock"
	"icmplab/native/pcapout"
)

// SockConn is a socket-backed Conn; outside Linux none can be opened.
type SockConn struct{}

// OpenConn fails outside Linux.
func OpenConn(icmpsock.Options, netip.Addr, *pcapout.Writer) (*SockConn, error) {
	return nil, icmpsock.ErrUnsupported
}

func (s *SockConn) Kind() icmpsock.Kind        { return 0 }
func (s *SockConn) EchoID() (uint16, bool)     { return 0, false }
func (s *SockConn) FilterReplies(uint16) error { return icmpsock.ErrUnsupported }
func (s *SockConn) Send([]byte, netip.Addr) (time.Time, error) {
	return time.Time{}, icmpsock.ErrUnsupported
}
func (s *SockConn) Recv([]byte) (icmpsock.Packet, error) {
	return icmpsock.Packet{}, icmpsock.ErrUnsupported
}
func (s *SockConn) SetReadDeadline(time.Time) error { return icmpsock.ErrUnsupported }
func (s *SockConn) Close() error                    { return nil }
