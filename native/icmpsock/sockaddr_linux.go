//go:build linux

package icmpsock

import (
	"net"
	"net/netip"

	"golang.org/x/sys/unix"

	"icmplab/codec"
)

// routeProbePort is the port RouteSource connects its UDP socket to: any
// will do, since connecting sends nothing; it only makes the kernel choose
// a route and a source address.
const routeProbePort = 1025

// Sockaddr is the socket address of a (the wildcard when zero) and port in
// family f. An IPv6 zone becomes the interface index. Every socket icmplab
// opens, ICMP here or UDP and TCP in the trace, converts through it.
func Sockaddr(f codec.Family, a netip.Addr, port uint16) unix.Sockaddr {
	if f == codec.IPv6 {
		sa := &unix.SockaddrInet6{Port: int(port)}
		if a.IsValid() {
			sa.Addr = a.As16()
			if z := a.Zone(); z != "" {
				if ifi, err := net.InterfaceByName(z); err == nil {
					sa.ZoneId = uint32(ifi.Index)
				}
			}
		}
		return sa
	}
	sa := &unix.SockaddrInet4{Port: int(port)}
	if a.IsValid() {
		sa.Addr = a.Unmap().As4()
	}
	return sa
}

// AddrPort converts back: the address (with the interface's name as its
// zone when the kernel gave an index) and port.
func AddrPort(sa unix.Sockaddr) (netip.Addr, uint16) {
	switch a := sa.(type) {
	case *unix.SockaddrInet4:
		return netip.AddrFrom4(a.Addr), uint16(a.Port)
	case *unix.SockaddrInet6:
		ad := netip.AddrFrom16(a.Addr)
		if a.ZoneId != 0 {
			if ifi, err := net.InterfaceByIndex(int(a.ZoneId)); err == nil {
				ad = ad.WithZone(ifi.Name)
			}
		}
		return ad, uint16(a.Port)
	}
	return netip.Addr{}, 0
}
