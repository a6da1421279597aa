package trace

import (
	"net/netip"
	"time"

	"icmplab/codec"
)

// recorder keeps a copy of every probe sent and every answer read, as
// whole IP datagrams, for --pcap. Probes leave through kernel sockets that
// build the IP header themselves, so the recorded header is the one built
// for the matcher (addresses, TTL, protocol; its IP ID is 0), as is an
// answer's read without one. Errors digested by a socket's error queue are
// not recorded: their bytes are rebuilt, not received (see the package
// comment).
type recorder interface {
	sent(at time.Time, ip []byte)
	received(at time.Time, ip []byte)
	close() error
}

// nopRecorder records nothing (no --pcap).
type nopRecorder struct{}

func (nopRecorder) sent(time.Time, []byte)     {}
func (nopRecorder) received(time.Time, []byte) {}
func (nopRecorder) close() error               { return nil }

// ipWrap prepends an IP header for an upper-layer payload.
func ipWrap(dst []byte, fam codec.Family, proto uint8, src, to netip.Addr, ttl int, payload []byte) []byte {
	if fam == codec.IPv6 {
		return codec.IPv6Header{NextHeader: proto, HopLimit: uint8(ttl), Src: src, Dst: to}.AppendDatagram(dst, payload)
	}
	return codec.IPv4Header{Flags: codec.IPv4FlagDF, TTL: uint8(ttl), Protocol: proto, Src: src, Dst: to}.AppendDatagram(dst, payload)
}
