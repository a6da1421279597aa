//go:build linux

package icmpsock

import (
	"encoding/binary"
	"net/netip"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// Control is what a received message's control data (recvmsg's ancillary
// messages) says of it. Every socket icmplab reads, ICMP here or the trace's
// UDP and TCP ones, decodes it with ParseControl: one reading of
// SO_TIMESTAMPNS and of the extended error.
type Control struct {
	// At is the kernel's receive time (SO_TIMESTAMPNS); zero when absent.
	At time.Time
	// TTL is the received TTL or hop limit, TOS the TOS or traffic
	// class; -1 when absent.
	TTL, TOS int
	// ExtErr is the error queue's sock_extended_err (IP_RECVERR,
	// IPV6_RECVERR) when HasExtErr, and Offender the address of the node
	// that sent the ICMP error (SO_EE_OFFENDER).
	ExtErr    unix.SockExtendedErr
	HasExtErr bool
	Offender  netip.Addr
}

// ParseControl decodes control data. It trusts no length in it and
// allocates nothing.
func ParseControl(b []byte) Control {
	out := Control{TTL: -1, TOS: -1}
	eachCmsg(b, func(level, typ int32, d []byte) {
		switch {
		case level == unix.SOL_SOCKET && typ == unix.SO_TIMESTAMPNS && len(d) >= sizeofTimespec:
			var ts unix.Timespec // the platform's struct timespec, copied out unaligned
			copy((*[sizeofTimespec]byte)(unsafe.Pointer(&ts))[:], d)
			out.At = time.Unix(int64(ts.Sec), int64(ts.Nsec))
		case level == unix.IPPROTO_IP && typ == unix.IP_TTL && len(d) >= 4:
			out.TTL = int(int32(binary.NativeEndian.Uint32(d)))
		case level == unix.IPPROTO_IPV6 && typ == unix.IPV6_HOPLIMIT && len(d) >= 4:
			out.TTL = int(int32(binary.NativeEndian.Uint32(d)))
		case level == unix.IPPROTO_IPV6 && typ == unix.IPV6_TCLASS && len(d) >= 4:
			out.TOS = int(int32(binary.NativeEndian.Uint32(d)))
		case level == unix.IPPROTO_IP && typ == unix.IP_RECVERR ||
			level == unix.IPPROTO_IPV6 && typ == unix.IPV6_RECVERR:
			out.ExtErr, out.Offender, out.HasExtErr = extendedErr(d)
		}
	})
	return out
}

// extendedErr decodes the data of an IP_RECVERR / IPV6_RECVERR control
// message: the kernel's sock_extended_err and the offender's address after
// it (SO_EE_OFFENDER).
func extendedErr(d []byte) (unix.SockExtendedErr, netip.Addr, bool) {
	if len(d) < sizeofSockExtendedErr {
		return unix.SockExtendedErr{}, netip.Addr{}, false
	}
	ee := unix.SockExtendedErr{
		Errno:  binary.NativeEndian.Uint32(d),
		Origin: d[4], Type: d[5], Code: d[6], Pad: d[7],
		Info: binary.NativeEndian.Uint32(d[8:]),
		Data: binary.NativeEndian.Uint32(d[12:]),
	}
	return ee, offender(d[sizeofSockExtendedErr:]), true
}

// offender decodes the sockaddr after a sock_extended_err.
func offender(b []byte) netip.Addr {
	if len(b) < 2 {
		return netip.Addr{}
	}
	switch binary.NativeEndian.Uint16(b) {
	case unix.AF_INET:
		if len(b) >= 8 {
			return netip.AddrFrom4([4]byte(b[4:8]))
		}
	case unix.AF_INET6:
		if len(b) >= 24 {
			return netip.AddrFrom16([16]byte(b[8:24]))
		}
	}
	return netip.Addr{}
}

// sizeofTimespec is sizeof(struct timespec) on this platform.
const sizeofTimespec = int(unsafe.Sizeof(unix.Timespec{}))

// sizeofSockExtendedErr is sizeof(struct sock_extended_err), fixed by the
// kernel ABI on every architecture.
const sizeofSockExtendedErr = int(unsafe.Sizeof(unix.SockExtendedErr{}))
