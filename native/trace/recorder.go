package trace

import (
	"net/netip"

	"icmplab/codec"
)

// recorder keeps a copy of every probe sent and every answer matched, as
// whole IP datagrams, for --pcap. Probes leave through kernel sockets that
// build the IP header themselves, so the recorded header is rebuilt here
// with the fields that matter (addresses, TTL, protocol); its IP ID is 0.
// Answers read on the unprivileged error queue are not recorded: the kernel
// hands over no ICMP bytes there (see the package comment).
type recorder interface {
	sentUDP(fam codec.Family, src, dst netip.Addr, ttl int, sport, dport uint16, payload []byte)
	sentICMP(fam codec.Family, src, dst netip.Addr, ttl int, msg []byte)
	sentTCP(fam codec.Family, src, dst netip.Addr, ttl int, seg []byte)
	received(p packet, local netip.Addr)
	receivedTCP(fam codec.Family, from, local netip.Addr, seg []byte)
	close() error
}

// nopRecorder records nothing (no --pcap).
type nopRecorder struct{}

func (nopRecorder) sentUDP(codec.Family, netip.Addr, netip.Addr, int, uint16, uint16, []byte) {}
func (nopRecorder) sentICMP(codec.Family, netip.Addr, netip.Addr, int, []byte)                {}
func (nopRecorder) sentTCP(codec.Family, netip.Addr, netip.Addr, int, []byte)                 {}
func (nopRecorder) received(packet, netip.Addr)                                               {}
func (nopRecorder) receivedTCP(codec.Family, netip.Addr, netip.Addr, []byte)                  {}
func (nopRecorder) close() error                                                              { return nil }

// ipWrap prepends an IP header for an upper-layer payload.
func ipWrap(dst []byte, fam codec.Family, proto uint8, src, to netip.Addr, ttl int, payload []byte) []byte {
	if fam == codec.IPv6 {
		return codec.IPv6Header{NextHeader: proto, HopLimit: uint8(ttl), Src: src, Dst: to}.AppendDatagram(dst, payload)
	}
	return codec.IPv4Header{Flags: codec.IPv4FlagDF, TTL: uint8(ttl), Protocol: proto, Src: src, Dst: to}.AppendDatagram(dst, payload)
}
