package icmpsock

import (
	"net/netip"

	"icmplab/codec"
)

// PMTU is the path MTU discovery setting (IP_MTU_DISCOVER /
// IPV6_MTU_DISCOVER), named as ping -M names it.
type PMTU uint8

const (
	PMTUDefault PMTU = iota // leave the system default
	PMTUDo                  // set DF, never fragment locally ("do")
	PMTUDont                // clear DF, fragment when needed ("dont")
	PMTUWant                // discover, fragment locally when the route MTU says so ("want")
)

// Options configures Open. The zero value (plus a Family) is a plain socket.
type Options struct {
	Family codec.Family // codec.IPv4 or codec.IPv6
	Want   Want
	// Source binds the socket to a local address (ping -I 198.18.1.1).
	Source netip.Addr
	// Device binds the socket to an interface (ping -I eth0, SO_BINDTODEVICE).
	Device string
	// TTL sets the unicast TTL / hop limit when > 0.
	TTL int
	// TOS sets the IPv4 TOS byte or the IPv6 traffic class when > 0;
	// 0 or NoTOS leaves the system default (which is 0).
	TOS int
	// PMTU sets path MTU discovery.
	PMTU PMTU
	// RecvBuf sets SO_RCVBUF when > 0 (flood pings want a larger one).
	RecvBuf int
}

// NoTOS leaves the TOS byte / traffic class alone, as 0 does; it says so
// where a reader might think 0 is being set.
const NoTOS = -1
