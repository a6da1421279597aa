//go:build !linux

package icmpsock

import (
	"net/netip"
	"time"
)

// Conn is an ICMP socket; outside Linux none can be opened.
type Conn struct{}

// Open fails outside Linux.
func Open(Options) (*Conn, error) { return nil, ErrUnsupported }

// RouteSource fails outside Linux.
func RouteSource(netip.Addr, string) (netip.Addr, error) { return netip.Addr{}, ErrUnsupported }

func (c *Conn) Kind() Kind                                    { return 0 }
func (c *Conn) EchoID() (uint16, bool)                        { return 0, false }
func (c *Conn) FilterReplies(uint16) error                    { return ErrUnsupported }
func (c *Conn) WriteTo([]byte, netip.Addr) (time.Time, error) { return time.Time{}, ErrUnsupported }
func (c *Conn) Read([]byte) (Packet, error)                   { return Packet{}, ErrUnsupported }
func (c *Conn) SetReadDeadline(time.Time) error               { return ErrUnsupported }
func (c *Conn) Close() error                                  { return nil }

// SetTTL fails outside Linux.
func (c *Conn) SetTTL(int) error { return ErrUnsupported }
