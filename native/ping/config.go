package ping

import (
	"fmt"
	"math"
	"net/netip"
	"time"

	"icmplab/codec"
)

// Defaults, as iputils ping has them.
const (
	DefaultInterval = time.Second
	DefaultTimeout  = 10 * time.Second // iputils' linger time when nothing came back
	DefaultSize     = 56
	// floodInterval is the longest a flood ping waits for a reply before
	// sending the next probe: "as fast as they come back or one hundred
	// times per second, whichever is more" (ping(8)).
	floodInterval = 10 * time.Millisecond
	// MaxSize is the largest payload an IPv4 datagram can carry behind the
	// 20-byte IP and 8-byte ICMP headers.
	MaxSize = 65535 - 20 - 8
)

// Forever as a Timeout never gives a probe up: iputils' -W 0, after
// which a run without replies ends only by -w or an interrupt.
const Forever = time.Duration(math.MaxInt64)

// Config is one pinger's settings.
type Config struct {
	Family codec.Family
	Dst    netip.Addr
	// Src is the local address the probes leave from, when known: it makes
	// the ICMPv6 checksum of what we send right in a capture (the kernel
	// fills in its own either way).
	Src netip.Addr

	Count    int           // -c; 0 means until interrupted or the deadline
	Interval time.Duration // -i; DefaultInterval when 0, unless Flood or NoWait
	// NoWait keeps a zero Interval: iputils' -i 0, which sends as fast as
	// replies come back (at least 100 a second) like a flood, but prints
	// every reply. Only root may ask for it.
	NoWait   bool
	Timeout  time.Duration // -W; DefaultTimeout when 0
	Deadline time.Duration // -w; 0 means none
	Size     int           // -s
	Pattern  []byte        // -p
	Flood    bool          // -f
	// Probe, when set, sends RFC 8335 extended echo requests about an
	// interface of the target instead of echo requests.
	Probe *ProbeQuery

	// Start is handed to the sink before the first probe (the engine fills
	// in ID and Probe).
	Start Start
}

func (c *Config) normalize() error {
	if c.Family != codec.IPv4 && c.Family != codec.IPv6 {
		return fmt.Errorf("ping: family %v", c.Family)
	}
	if !c.Dst.IsValid() {
		return fmt.Errorf("ping: no destination address")
	}
	if c.Size < 0 || c.Size > MaxSize {
		return fmt.Errorf("ping: payload size %d outside 0..%d", c.Size, MaxSize)
	}
	if c.Interval < 0 || c.Timeout < 0 || c.Deadline < 0 || c.Count < 0 {
		return fmt.Errorf("ping: negative count, interval, timeout or deadline")
	}
	if c.Interval == 0 && !c.Flood && !c.NoWait {
		c.Interval = DefaultInterval
	}
	if c.Timeout == 0 {
		c.Timeout = DefaultTimeout
	}
	c.Dst = c.Dst.Unmap()
	return nil
}
