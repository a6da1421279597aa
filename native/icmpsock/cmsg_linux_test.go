//go:build linux

package icmpsock

import (
	"encoding/binary"
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

func TestParseCmsgs(t *testing.T) {
	at := time.Unix(1700000000, 123456789)
	ts := unix.NsecToTimespec(at.UnixNano())
	ttl := make([]byte, 4)
	binary.NativeEndian.PutUint32(ttl, 62)
	b := append(cmsg(unix.SOL_SOCKET, unix.SO_TIMESTAMPNS, (*[sizeofTimespec]byte)(unsafe.Pointer(&ts))[:]),
		cmsg(unix.IPPROTO_IP, unix.IP_TTL, ttl)...)
	cm := parseCmsgs(b)
	if !cm.at.Equal(at) || cm.ttl != 62 || cm.tos != -1 || cm.ee != nil {
		t.Fatalf("%+v", cm)
	}
}

// FuzzParseCmsgs: control data is the kernel's, but the parser must not
// trust its lengths.
func FuzzParseCmsgs(f *testing.F) {
	ttl := make([]byte, 4)
	f.Add(cmsg(unix.IPPROTO_IP, unix.IP_TTL, ttl))
	f.Add(cmsg(unix.IPPROTO_IP, unix.IP_RECVERR, make([]byte, 32)))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		parseCmsgs(b) // must not panic
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
