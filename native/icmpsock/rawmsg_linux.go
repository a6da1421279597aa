//go:build linux

package icmpsock

import (
	"net"
	"net/netip"
	"unsafe"

	"golang.org/x/sys/unix"

	"icmplab/codec"
)

// recvmsg is recvmsg(2) without the allocations and the per-call
// getsockopt(SO_PROTOCOL) of unix.Recvmsg: a flood ping reads tens of
// thousands of messages a second, and each extra system call shows.
func recvmsg(fd int, p, oob []byte, flags int) (n, oobn int, from netip.Addr, err error) {
	if len(p) == 0 || len(oob) == 0 {
		return 0, 0, netip.Addr{}, unix.EINVAL
	}
	var rsa unix.RawSockaddrAny
	iov := unix.Iovec{Base: &p[0]}
	iov.SetLen(len(p))
	msg := unix.Msghdr{
		Name:    (*byte)(unsafe.Pointer(&rsa)),
		Namelen: uint32(unix.SizeofSockaddrAny),
		Iov:     &iov,
		Iovlen:  1,
		Control: &oob[0],
	}
	msg.SetControllen(len(oob))
	// RawSyscall: with MSG_DONTWAIT the call never blocks, and keeping it
	// out of the scheduler's sight spares a flood the P handoffs sysmon
	// makes when a system call outlasts its tick.
	r, _, e := unix.RawSyscall(unix.SYS_RECVMSG, uintptr(fd), uintptr(unsafe.Pointer(&msg)), uintptr(flags|unix.MSG_DONTWAIT))
	if e != 0 {
		return 0, 0, netip.Addr{}, e
	}
	return int(r), int(msg.Controllen), rawAddr(&rsa), nil
}

// rawAddr decodes the sender of a message.
func rawAddr(rsa *unix.RawSockaddrAny) netip.Addr {
	switch rsa.Addr.Family {
	case unix.AF_INET:
		sa := (*unix.RawSockaddrInet4)(unsafe.Pointer(rsa))
		return netip.AddrFrom4(sa.Addr)
	case unix.AF_INET6:
		sa := (*unix.RawSockaddrInet6)(unsafe.Pointer(rsa))
		return netip.AddrFrom16(sa.Addr)
	}
	return netip.Addr{}
}

// cmsgAlign is the alignment of control messages: sizeof(long).
const cmsgAlign = int(unsafe.Sizeof(uintptr(0)))

// eachCmsg calls fn for every well-formed control message in b, without
// allocating. The header is copied out, so b need not be aligned.
func eachCmsg(b []byte, fn func(level, typ int32, data []byte)) {
	for len(b) >= unix.SizeofCmsghdr {
		var h unix.Cmsghdr
		copy((*[unix.SizeofCmsghdr]byte)(unsafe.Pointer(&h))[:], b)
		l := int(h.Len)
		if l < unix.SizeofCmsghdr || l > len(b) {
			return
		}
		fn(h.Level, h.Type, b[unix.SizeofCmsghdr:l])
		next := (l + cmsgAlign - 1) &^ (cmsgAlign - 1)
		if next >= len(b) {
			return
		}
		b = b[next:]
	}
}

// sendto is sendto(2) on a non-blocking socket, as a raw system call for
// the reason recvmsg gives: the kernel may run the whole forwarding path
// of a namespace or veth chain inside it, yet it never waits.
func sendto(fd int, p []byte, sa *unix.RawSockaddrAny, salen uint32) error {
	_, _, e := unix.RawSyscall6(unix.SYS_SENDTO, uintptr(fd), uintptr(unsafe.Pointer(&p[0])), uintptr(len(p)),
		unix.MSG_DONTWAIT, uintptr(unsafe.Pointer(sa)), uintptr(salen))
	if e != 0 {
		return e
	}
	return nil
}

// rawSockaddr fills sa with addr (port 0) and returns its length, or 0
// (sendto then fails with EINVAL) when addr is not of family f.
func rawSockaddr(sa *unix.RawSockaddrAny, f codec.Family, a netip.Addr) uint32 {
	*sa = unix.RawSockaddrAny{}
	if !a.IsValid() || f == codec.IPv4 && !a.Unmap().Is4() || f == codec.IPv6 && !a.Is6() {
		return 0
	}
	if f == codec.IPv6 {
		s6 := (*unix.RawSockaddrInet6)(unsafe.Pointer(sa))
		s6.Family = unix.AF_INET6
		s6.Addr = a.As16()
		if z := a.Zone(); z != "" {
			if ifi, err := net.InterfaceByName(z); err == nil {
				s6.Scope_id = uint32(ifi.Index)
			}
		}
		return unix.SizeofSockaddrInet6
	}
	s4 := (*unix.RawSockaddrInet4)(unsafe.Pointer(sa))
	s4.Family = unix.AF_INET
	s4.Addr = a.Unmap().As4()
	return unix.SizeofSockaddrInet4
}
