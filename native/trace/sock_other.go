//go:build !linux

package trace

import (
	"errors"
	"net/netip"
	"time"
)

// ErrNeedRaw says a method needs CAP_NET_RAW.
var ErrNeedRaw = errors.New("TCP SYN probes need raw sockets")

// errUnsupported: the probe sockets (IP_RECVERR, raw sockets) are Linux's.
var errUnsupported = errors.New("trace: implemented for Linux only")

func newProber(*Config) (prober, error) { return nil, errUnsupported }

// packet is what a socket reader returns; on other systems nothing is read.
type packet struct {
	data []byte
	from netip.Addr
	at   time.Time
}
