//go:build linux

package icmpsock

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os"
	"sync"
	"syscall"
	"time"

	"golang.org/x/sys/unix"

	"icmplab/codec"
)

// Conn is an open ICMP socket. Read and WriteTo may be called from different
// goroutines at once; the deadline applies to Read.
type Conn struct {
	f      *os.File
	rc     syscall.RawConn
	family codec.Family
	kind   Kind
	id     uint16 // the kernel-chosen echo identifier of a datagram socket
	local  netip.Addr
	device string // SO_BINDTODEVICE, for the route source of rebuilt quotes
	pmtu   PMTU

	// Read's state and bound callback (see readState).
	rd     readState
	readFn func(uintptr) bool
	// The route source of the last probe an error-queue entry was about,
	// for the quote Read rebuilds (used by Read only).
	errSrc, errSrcFor netip.Addr

	// WriteTo's state and bound callback, guarded by the write lock of
	// rc: the destination's raw socket address is kept, so that a flood
	// neither allocates nor converts one per probe.
	wmu     sync.Mutex
	wr      writeState
	writeFn func(uintptr) bool
	ttlFn   func(uintptr) // SetTTL's bound callback, guarded by wmu

	// errHint says that a datagram socket's send took the socket error an
	// ICMP error left (see pendingError), which Read would otherwise have
	// seen as its cue to read the error queue. errMu orders that send
	// against Read's last look before it waits.
	errMu   sync.Mutex
	errHint bool
}

// writeState is WriteTo's working state, guarded by wmu.
type writeState struct {
	msg   []byte
	dst   netip.Addr
	sa    unix.RawSockaddrAny
	salen uint32
	hasSA bool
	sent  time.Time
	err   error
	ttl   int // the value SetTTL is setting
}

// Op names for *net.OpError, constant so callers can compare.
const (
	opOpen  = "open"
	opWrite = "write"
	opRead  = "read"
	opSet   = "setsockopt"
)

func opError(op string, err error) error {
	if err == nil {
		return nil
	}
	return &net.OpError{Op: op, Net: "icmp", Err: err}
}

// Open opens an ICMP socket as opts asks: datagram first, raw as fallback
// (see Want), configured and bound, non-blocking and registered with the Go
// runtime's poller so that Read honours SetReadDeadline.
func Open(opts Options) (*Conn, error) {
	if opts.Family != codec.IPv4 && opts.Family != codec.IPv6 {
		return nil, fmt.Errorf("icmpsock: family %v is neither IPv4 nor IPv6", opts.Family)
	}
	var kinds []Kind
	switch opts.Want {
	case OnlyDatagram:
		kinds = []Kind{Datagram}
	case OnlyRaw:
		kinds = []Kind{Raw}
	default:
		kinds = []Kind{Datagram, Raw}
	}
	oe := &OpenError{Family: opts.Family}
	for _, k := range kinds {
		fd, err := socket(opts.Family, k)
		if err != nil {
			oe.Attempts = append(oe.Attempts, Attempt{Kind: k, Err: explain(k, err)})
			continue
		}
		c, err := setup(fd, k, opts)
		if err != nil {
			unix.Close(fd)
			return nil, err
		}
		return c, nil
	}
	return nil, oe
}

// explain adds the reason a socket(2) refusal usually has.
func explain(k Kind, err error) error {
	switch {
	case k == Datagram && (errors.Is(err, unix.EACCES) || errors.Is(err, unix.EPERM)):
		return fmt.Errorf("%w (your group is outside net.ipv4.ping_group_range)", err)
	case k == Raw && errors.Is(err, unix.EPERM):
		return fmt.Errorf("%w (raw sockets need CAP_NET_RAW)", err)
	}
	return err
}

func socket(f codec.Family, k Kind) (int, error) {
	domain, proto := unix.AF_INET, unix.IPPROTO_ICMP
	if f == codec.IPv6 {
		domain, proto = unix.AF_INET6, unix.IPPROTO_ICMPV6
	}
	typ := unix.SOCK_DGRAM
	if k == Raw {
		typ = unix.SOCK_RAW
	}
	return unix.Socket(domain, typ|unix.SOCK_NONBLOCK|unix.SOCK_CLOEXEC, proto)
}

// setup applies the options, binds, and hands the descriptor to the poller.
func setup(fd int, k Kind, o Options) (*Conn, error) {
	v6 := o.Family == codec.IPv6
	set := func(level, opt, v int, what string) error {
		if err := unix.SetsockoptInt(fd, level, opt, v); err != nil {
			return opError(opSet, fmt.Errorf("%s: %w", what, err))
		}
		return nil
	}
	if o.Device != "" {
		if err := unix.SetsockoptString(fd, unix.SOL_SOCKET, unix.SO_BINDTODEVICE, o.Device); err != nil {
			return nil, opError(opSet, fmt.Errorf("SO_BINDTODEVICE %s: %w", o.Device, err))
		}
	}
	// Kernel receive timestamps with nanoseconds.
	if err := set(unix.SOL_SOCKET, unix.SO_TIMESTAMPNS, 1, "SO_TIMESTAMPNS"); err != nil {
		return nil, err
	}
	if o.RecvBuf > 0 {
		if err := set(unix.SOL_SOCKET, unix.SO_RCVBUF, o.RecvBuf, "SO_RCVBUF"); err != nil {
			return nil, err
		}
	}
	if !v6 {
		if err := set(unix.IPPROTO_IP, unix.IP_RECVTTL, 1, "IP_RECVTTL"); err != nil {
			return nil, err
		}
		// Errors queue up for both kinds: a datagram socket sees ICMP
		// errors only there, and either kind learns of local refusals
		// (message too long, with the MTU) only there.
		if err := set(unix.IPPROTO_IP, unix.IP_RECVERR, 1, "IP_RECVERR"); err != nil {
			return nil, err
		}
		if o.TTL > 0 {
			if err := set(unix.IPPROTO_IP, unix.IP_TTL, o.TTL, "IP_TTL"); err != nil {
				return nil, err
			}
		}
		if o.TOS > 0 {
			if err := set(unix.IPPROTO_IP, unix.IP_TOS, o.TOS, "IP_TOS"); err != nil {
				return nil, err
			}
		}
		if v, ok := pmtuValue(o.PMTU, false); ok {
			if err := set(unix.IPPROTO_IP, unix.IP_MTU_DISCOVER, v, "IP_MTU_DISCOVER"); err != nil {
				return nil, err
			}
		}
	} else {
		if err := set(unix.IPPROTO_IPV6, unix.IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT"); err != nil {
			return nil, err
		}
		if err := set(unix.IPPROTO_IPV6, unix.IPV6_RECVTCLASS, 1, "IPV6_RECVTCLASS"); err != nil {
			return nil, err
		}
		if err := set(unix.IPPROTO_IPV6, unix.IPV6_RECVERR, 1, "IPV6_RECVERR"); err != nil {
			return nil, err
		}
		if o.TTL > 0 {
			if err := set(unix.IPPROTO_IPV6, unix.IPV6_UNICAST_HOPS, o.TTL, "IPV6_UNICAST_HOPS"); err != nil {
				return nil, err
			}
		}
		if o.TOS > 0 {
			if err := set(unix.IPPROTO_IPV6, unix.IPV6_TCLASS, o.TOS, "IPV6_TCLASS"); err != nil {
				return nil, err
			}
		}
		if v, ok := pmtuValue(o.PMTU, true); ok {
			if err := set(unix.IPPROTO_IPV6, unix.IPV6_MTU_DISCOVER, v, "IPV6_MTU_DISCOVER"); err != nil {
				return nil, err
			}
		}
	}
	// Bind: a datagram socket needs it to learn the identifier the kernel
	// gives it; either kind binds to the source address asked for.
	if o.Source.IsValid() || k == Datagram {
		if err := unix.Bind(fd, Sockaddr(o.Family, o.Source, 0)); err != nil {
			return nil, opError(opOpen, fmt.Errorf("bind %v: %w", o.Source, err))
		}
	}
	c := &Conn{family: o.Family, kind: k, local: o.Source, device: o.Device, pmtu: o.PMTU}
	if k == Datagram {
		sa, err := unix.Getsockname(fd)
		if err != nil {
			return nil, opError(opOpen, fmt.Errorf("getsockname: %w", err))
		}
		switch a := sa.(type) {
		case *unix.SockaddrInet4:
			c.id = uint16(a.Port)
		case *unix.SockaddrInet6:
			c.id = uint16(a.Port)
		}
	}
	c.readFn, c.writeFn, c.ttlFn = c.readOnce, c.writeOnce, c.setTTLOnce
	c.f = os.NewFile(uintptr(fd), "icmp-"+k.String())
	rc, err := c.f.SyscallConn()
	if err != nil {
		c.f.Close()
		return nil, opError(opOpen, err)
	}
	c.rc = rc
	return c, nil
}

func pmtuValue(p PMTU, v6 bool) (int, bool) {
	switch p {
	case PMTUDo:
		if v6 {
			return unix.IPV6_PMTUDISC_DO, true
		}
		return unix.IP_PMTUDISC_DO, true
	case PMTUDont:
		if v6 {
			return unix.IPV6_PMTUDISC_DONT, true
		}
		return unix.IP_PMTUDISC_DONT, true
	case PMTUWant:
		if v6 {
			return unix.IPV6_PMTUDISC_WANT, true
		}
		return unix.IP_PMTUDISC_WANT, true
	}
	return 0, false
}

// Kind says whether the socket is a datagram or a raw one.
func (c *Conn) Kind() Kind { return c.kind }

// Family is the socket's ICMP family.
func (c *Conn) Family() codec.Family { return c.family }

// EchoID returns the identifier the kernel puts in every echo request sent
// through a datagram socket (its local port). ok is false for raw sockets,
// which send the identifier they are given.
func (c *Conn) EchoID() (id uint16, ok bool) { return c.id, c.kind == Datagram }

// WriteTo sends one ICMP message (built with codec.Append) to dst and returns
// the time taken just before the send call: the prober's local record of
// when the probe left, never to be confused with anything echoed back.
// ICMPv6 checksums are filled in by the kernel.
func (c *Conn) WriteTo(msg []byte, dst netip.Addr) (time.Time, error) {
	if len(msg) == 0 {
		return time.Now(), opError(opWrite, unix.EINVAL)
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	w := &c.wr
	if !w.hasSA || w.dst != dst {
		w.dst, w.hasSA = dst, true
		w.salen = rawSockaddr(&w.sa, c.family, dst)
	}
	w.msg = msg
	err := c.rc.Write(c.writeFn)
	w.msg = nil
	if err == nil {
		err = w.err
	}
	return w.sent, opError(opWrite, err)
}

// writeOnce is the RawConn.Write callback: one send (repeated when an
// earlier message's error refused it, see pendingError), false to wait.
func (c *Conn) writeOnce(fd uintptr) bool {
	w := &c.wr
	if c.kind != Datagram {
		w.sent = time.Now()
		w.err = sendto(int(fd), w.msg, &w.sa, w.salen)
		return w.err != unix.EAGAIN
	}
	c.errMu.Lock()
	defer c.errMu.Unlock()
	for range maxPendingRetries {
		w.sent = time.Now()
		w.err = sendto(int(fd), w.msg, &w.sa, w.salen)
		if !c.pendingError(w.err) {
			break
		}
		c.errHint = true
	}
	return w.err != unix.EAGAIN
}

// SetReadDeadline bounds the next Reads; the zero time means none.
func (c *Conn) SetReadDeadline(t time.Time) error { return c.f.SetReadDeadline(t) }

// Close closes the socket; a Read blocked on it returns.
func (c *Conn) Close() error { return c.f.Close() }

// RouteSource returns the local address the kernel would send from to reach
// dst (optionally through device): what ping prints and what a capture of a
// datagram socket's packets needs for the IP header it reconstructs. It sends
// nothing: connecting a UDP socket only consults the routing table.
func RouteSource(dst netip.Addr, device string) (netip.Addr, error) {
	domain := unix.AF_INET
	f := codec.IPv4
	if dst.Is6() && !dst.Is4In6() {
		domain, f = unix.AF_INET6, codec.IPv6
	}
	fd, err := unix.Socket(domain, unix.SOCK_DGRAM|unix.SOCK_CLOEXEC, unix.IPPROTO_UDP)
	if err != nil {
		return netip.Addr{}, err
	}
	defer unix.Close(fd)
	if device != "" {
		if err := unix.SetsockoptString(fd, unix.SOL_SOCKET, unix.SO_BINDTODEVICE, device); err != nil {
			return netip.Addr{}, fmt.Errorf("SO_BINDTODEVICE %s: %w", device, err)
		}
	}
	if err := unix.Connect(fd, Sockaddr(f, dst, routeProbePort)); err != nil {
		return netip.Addr{}, err
	}
	ls, err := unix.Getsockname(fd)
	if err != nil {
		return netip.Addr{}, err
	}
	a, _ := AddrPort(ls)
	return a, nil
}
