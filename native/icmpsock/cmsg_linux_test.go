//go:build linux

package icmpsock

import (
	"encoding/binary"
	"net/netip"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// cmsg builds one control message as the kernel lays it out.
func cmsg(level, typ int32, data []byte) []byte {
	b := make([]byte, unix.CmsgSpace(len(data)))
	var h unix.Cmsghdr
	h.Level, h.Type = level, typ
	h.SetLen(unix.CmsgLen(len(data)))
	copy(b, (*[unix.SizeofCmsghdr]byte)(unsafe.Pointer(&h))[:])
	copy(b[unix.CmsgLen(0):], data)
	return b
}

func TestParseControl(t *testing.T) {
	at := time.Unix(1700000000, 123456789)
	ts := unix.NsecToTimespec(at.UnixNano())
	ttl := make([]byte, 4)
	binary.NativeEndian.PutUint32(ttl, 62)
	b := append(cmsg(unix.SOL_SOCKET, unix.SO_TIMESTAMPNS, (*[sizeofTimespec]byte)(unsafe.Pointer(&ts))[:]),
		cmsg(unix.IPPROTO_IP, unix.IP_TTL, ttl)...)
	cm := ParseControl(b)
	if !cm.At.Equal(at) || cm.TTL != 62 || cm.TOS != -1 || cm.HasExtErr {
		t.Fatalf("%+v", cm)
	}

	// An error queue entry: a time exceeded from 198.18.1.2, as
	// sock_extended_err and the offender's sockaddr_in after it.
	ee := make([]byte, sizeofSockExtendedErr+unix.SizeofSockaddrInet4)
	binary.NativeEndian.PutUint32(ee, uint32(unix.EHOSTUNREACH))
	ee[4], ee[5], ee[6] = unix.SO_EE_ORIGIN_ICMP, 11, 0
	binary.NativeEndian.PutUint16(ee[sizeofSockExtendedErr:], unix.AF_INET)
	copy(ee[sizeofSockExtendedErr+4:], []byte{198, 18, 1, 2})
	cm = ParseControl(append(b, cmsg(unix.IPPROTO_IP, unix.IP_RECVERR, ee)...))
	if !cm.HasExtErr || cm.ExtErr.Origin != unix.SO_EE_ORIGIN_ICMP || cm.ExtErr.Type != 11 ||
		cm.Offender != netip.MustParseAddr("198.18.1.2") || !cm.At.Equal(at) {
		t.Fatalf("%+v", cm)
	}
}

// FuzzParseControl: control data is the kernel's, but the parser must not
// trust its lengths.
func FuzzParseControl(f *testing.F) {
	ttl := make([]byte, 4)
	f.Add(cmsg(unix.IPPROTO_IP, unix.IP_TTL, ttl))
	f.Add(cmsg(unix.IPPROTO_IP, unix.IP_RECVERR, make([]byte, 32)))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		ParseControl(b) // must not panic
		// Every message eachCmsg yields lies within b, in order, without
		// overlap.
		used := 0
		eachCmsg(b, func(level, typ int32, data []byte) {
			used += unix.SizeofCmsghdr + len(data)
			if used > len(b) {
				t.Fatalf("messages claim %d bytes of %d", used, len(b))
			}
		})
	})
}
