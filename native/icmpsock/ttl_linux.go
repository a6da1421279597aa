//go:build linux

package icmpsock

import (
	"fmt"

	"golang.org/x/sys/unix"

	"icmplab/codec"
)

// SetTTL sets the TTL (IPv4 IP_TTL) or unicast hop limit (IPv6
// IPV6_UNICAST_HOPS) of the messages WriteTo sends from now on: what a
// traceroute changes before every probe, on one socket, rather than opening
// a socket per hop. It waits for a WriteTo in progress to finish, so a
// caller that sets the TTL and sends from one goroutine gets each message
// out with the TTL it set just before.
func (c *Conn) SetTTL(ttl int) error {
	if ttl < 1 || ttl > 255 {
		return opError(opSet, fmt.Errorf("TTL %d is outside 1 to 255", ttl))
	}
	c.wmu.Lock()
	defer c.wmu.Unlock()
	c.wr.ttl = ttl
	if err := c.rc.Control(c.ttlFn); err != nil {
		return opError(opSet, err)
	}
	if err := c.wr.err; err != nil {
		name := "IP_TTL"
		if c.family == codec.IPv6 {
			name = "IPV6_UNICAST_HOPS"
		}
		return opError(opSet, fmt.Errorf("%s %d: %w", name, ttl, err))
	}
	return nil
}

// setTTLOnce is SetTTL's RawConn.Control callback, bound once so that a
// trace setting the TTL before each probe allocates nothing for it.
func (c *Conn) setTTLOnce(fd uintptr) {
	level, opt := unix.IPPROTO_IP, unix.IP_TTL
	if c.family == codec.IPv6 {
		level, opt = unix.IPPROTO_IPV6, unix.IPV6_UNICAST_HOPS
	}
	c.wr.err = unix.SetsockoptInt(int(fd), level, opt, c.wr.ttl)
}
