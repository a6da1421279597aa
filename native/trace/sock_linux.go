//go:build linux

package trace

import (
	"errors"
	"net"
	"net/netip"
	"os"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"icmplab/codec"
	"icmplab/native/icmpsock"
)

// sock is a UDP or TCP probe socket, non-blocking on Go's poller: readers
// block in recv without holding a thread, and close wakes them.
//
// The ICMP sockets are native/icmpsock's (see base). These stay here
// because icmpsock opens ICMP sockets only: a UDP probe's errors arrive on
// the error queue of the UDP socket that sent it, as an extended error the
// reader matches by destination port and payload, and TCP SYNs go out on a
// raw TCP socket whose SYN-ACKs and resets are read from it.
type sock struct {
	fd     int
	f      *os.File
	rc     syscall.RawConn
	fam    codec.Family
	port   uint16 // local port (UDP)
	closed bool
}

// Socket operation names for *net.OpError.
const (
	opSocket  = "socket"
	opSend    = "sendto"
	opRecv    = "recvmsg"
	opSockopt = "setsockopt"
	opBind    = "bind"
)

func opError(op string, err error) error {
	return &net.OpError{Op: op, Net: "ip", Err: os.NewSyscallError(op, err)}
}

// openSock creates a socket with kernel receive timestamps, bound to the
// source address and interface when given.
func openSock(fam codec.Family, typ, proto int, src netip.Addr, iface string) (*sock, error) {
	domain := unix.AF_INET
	if fam == codec.IPv6 {
		domain = unix.AF_INET6
	}
	fd, err := unix.Socket(domain, typ|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, proto)
	if err != nil {
		return nil, opError(opSocket, err)
	}
	s := &sock{fd: fd, fam: fam}
	fail := func(op string, err error) (*sock, error) {
		unix.Close(fd)
		return nil, opError(op, err)
	}
	if err := unix.SetsockoptInt(fd, unix.SOL_SOCKET, unix.SO_TIMESTAMPNS, 1); err != nil {
		return fail(opSockopt, err)
	}
	if iface != "" {
		if err := unix.BindToDevice(fd, iface); err != nil {
			return fail(opSockopt, err)
		}
	}
	if src.IsValid() || typ == unix.SOCK_DGRAM {
		if err := unix.Bind(fd, icmpsock.Sockaddr(fam, src, 0)); err != nil {
			return fail(opBind, err)
		}
	}
	if sa, err := unix.Getsockname(fd); err == nil {
		_, s.port = icmpsock.AddrPort(sa)
	}
	s.f = os.NewFile(uintptr(fd), "trace")
	if s.rc, err = s.f.SyscallConn(); err != nil {
		s.f.Close()
		return nil, err
	}
	return s, nil
}

func (s *sock) setInt(level, opt, v int) error {
	if err := unix.SetsockoptInt(s.fd, level, opt, v); err != nil {
		return opError(opSockopt, err)
	}
	return nil
}

// recvErr asks for ICMP errors on the socket's error queue.
func (s *sock) recvErr() error {
	if s.fam == codec.IPv6 {
		return s.setInt(unix.SOL_IPV6, unix.IPV6_RECVERR, 1)
	}
	return s.setInt(unix.SOL_IP, unix.IP_RECVERR, 1)
}

// setTTL sets the TTL (hop limit) of the next datagrams. The engine sends
// from one goroutine, so setting it before each send is race-free.
func (s *sock) setTTL(ttl int) error {
	if s.fam == codec.IPv6 {
		return s.setInt(unix.SOL_IPV6, unix.IPV6_UNICAST_HOPS, ttl)
	}
	return s.setInt(unix.SOL_IP, unix.IP_TTL, ttl)
}

// asyncErrors are errors a socket with IP_RECVERR reports on the next call
// after an ICMP error arrived (sk_err): news about an earlier probe, not a
// failure of this send, which is then retried.
var asyncErrors = map[error]bool{
	unix.ECONNREFUSED: true, unix.EHOSTUNREACH: true, unix.ENETUNREACH: true,
	unix.EPROTO: true, unix.EMSGSIZE: true, unix.EACCES: true, unix.EPERM: true,
	unix.ENOPROTOOPT: true, unix.EOPNOTSUPP: true,
}

// sendTo sends b to addr:port and returns the time just before the send.
func (s *sock) sendTo(b []byte, to netip.Addr, port uint16) (time.Time, error) {
	var serr error
	var at time.Time
	sa := icmpsock.Sockaddr(s.fam, to, port)
	err := s.rc.Write(func(fd uintptr) bool {
		for range 8 {
			at = time.Now()
			serr = unix.Sendto(int(fd), b, 0, sa)
			if !asyncErrors[serr] {
				break
			}
		}
		return serr != unix.EAGAIN
	})
	if err != nil {
		return at, err
	}
	if serr != nil {
		return at, opError(opSend, serr)
	}
	return at, nil
}

// packet is one message read from a socket.
type packet struct {
	data     []byte
	from     netip.Addr
	port     uint16
	at       time.Time
	errq     bool // read from the error queue
	ee       unix.SockExtendedErr
	offender netip.Addr // the address that sent the ICMP error (error queue)
}

// recv blocks until a message arrives, on the error queue (when errq) or
// the normal queue, and returns it with its kernel receive timestamp.
func (s *sock) recv(buf, oob []byte, errq bool) (packet, error) {
	var p packet
	var rerr error
	err := s.rc.Read(func(fd uintptr) bool {
		flags := []int{0}
		if errq {
			flags = []int{unix.MSG_ERRQUEUE, 0}
		}
		for _, fl := range flags {
			n, oobn, _, sa, e := unix.Recvmsg(int(fd), buf, oob, fl|unix.MSG_DONTWAIT)
			if e == unix.EAGAIN || e == unix.EWOULDBLOCK {
				continue
			}
			if asyncErrors[e] {
				continue // sk_err from an error also queued: read it there
			}
			if e != nil {
				rerr = e
				return true
			}
			p = packet{data: buf[:n], errq: fl == unix.MSG_ERRQUEUE}
			p.from, p.port = icmpsock.AddrPort(sa)
			cm := icmpsock.ParseControl(oob[:oobn])
			p.at, p.ee, p.offender = cm.At, cm.ExtErr, cm.Offender
			return true
		}
		return false
	})
	if err != nil {
		return p, err
	}
	if rerr != nil {
		return p, opError(opRecv, rerr)
	}
	if p.at.IsZero() {
		p.at = time.Now()
	}
	return p, nil
}

func (s *sock) close() {
	if s != nil && !s.closed {
		s.closed = true
		s.f.Close()
	}
}

// isClosed tells a reader that its socket went away on purpose.
func isClosed(err error) bool { return errors.Is(err, os.ErrClosed) || errors.Is(err, net.ErrClosed) }
