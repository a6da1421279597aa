//go:build linux

package icmpsock

import (
	"net/netip"
	"unsafe"

	"golang.org/x/sys/unix"
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
	r, _, e := unix.Syscall(unix.SYS_RECVMSG, uintptr(fd), uintptr(unsafe.Pointer(&msg)), uintptr(flags))
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
