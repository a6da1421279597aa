package trace

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// Method is how probes are sent.
type Method uint8

const (
	MethodUDP      Method = iota // UDP to port 33434 and up, one port per probe (traceroute's default)
	MethodICMP                   // ICMP echo requests (-I)
	MethodTCP                    // TCP SYN to one port, 80 by default (-T)
	MethodUDPFixed               // UDP to one port, 53 by default (-U)
)

func (m Method) String() string {
	switch m {
	case MethodUDP:
		return "udp"
	case MethodICMP:
		return "icmp"
	case MethodTCP:
		return "tcp"
	case MethodUDPFixed:
		return "udp-fixed"
	}
	return "method(" + strconv.Itoa(int(m)) + ")"
}

// Default ports, as traceroute chooses them.
const (
	DefaultUDPPort   = 33434
	DefaultTCPPort   = 80
	DefaultFixedPort = 53
)

// Wait is traceroute's -w MAX,HERE,NEAR: a probe is given up after Max, or
// after Here times the round trip of an answered probe of the same hop, or
// Near times that of an answered probe of a later hop, whichever is known
// first. A zero factor disables that rule.
type Wait struct {
	Max        time.Duration
	Here, Near float64
}

// DefaultWait is traceroute's 5,3,10.
var DefaultWait = Wait{Max: 5 * time.Second, Here: 3, Near: 10}

// ParseWait reads "MAX[,HERE[,NEAR]]" in seconds and factors, as
// traceroute's -w does: a factor left out is 0 (that rule off), so "-w 2"
// waits the full two seconds for every probe, as traditional traceroute did,
// and only the default (5,3,10) or an explicit "2,3,10" adapts.
func ParseWait(s string) (Wait, error) {
	w := Wait{}
	parts := strings.Split(s, ",")
	if len(parts) > 3 {
		return w, fmt.Errorf("wait %q: want MAX[,HERE[,NEAR]]", s)
	}
	for i, p := range parts {
		v, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || v < 0 || v > 3600 {
			return w, fmt.Errorf("wait %q: field %d: want a number from 0 to 3600, have %q", s, i+1, p)
		}
		switch i {
		case 0:
			w.Max = time.Duration(v * float64(time.Second))
		case 1:
			w.Here = v
		case 2:
			w.Near = v
		}
	}
	if w.Max <= 0 {
		return w, fmt.Errorf("wait %q: MAX must be above 0", s)
	}
	return w, nil
}

// Config is one trace's settings; the zero values of most fields mean
// traceroute's defaults (see Normalize).
type Config struct {
	Target   netip.Addr
	Name     string // as the user typed it, for the header
	Method   Method
	MaxHops  int // -m
	FirstTTL int // -f
	Queries  int // -q, probes per hop
	Wait     Wait
	InFlight int    // -N
	Port     uint16 // -p; 0 means the method's default
	NoDNS    bool   // -n
	Source   netip.Addr
	Iface    string
	Ext      bool // -e
	Paris    bool
	Flows    int // --flows; above 1 implies Paris
	DataLen  int // payload bytes of UDP and ICMP probes
	// Unprivileged forces the error-queue path even when raw sockets are
	// allowed (tests use it to check what an unprivileged user sees).
	Unprivileged bool
	// Pcap, when set, records every probe sent and every reply received.
	Pcap string
	// MaxUnknown ends a flow after this many hops in a row, past the last
	// one that answered, gave no answer (mtr's --max-unknown): nothing about
	// the path changes after the last responding hop, and a destination
	// behind a firewall would otherwise cost MaxHops' worth of timeouts. No
	// probe is sent further than that many hops past the last answer. 0 is
	// the default (DefaultMaxUnknown); NoMaxUnknown goes on to MaxHops as
	// traceroute does.
	MaxUnknown int
	// Cycles is how many rounds --report runs (0: until interrupted, as
	// --live does), Interval how often a round starts (mtr's -i).
	Cycles   int
	Interval time.Duration
}

// DefaultMaxUnknown is mtr's default for --max-unknown.
const DefaultMaxUnknown = 5

// NoMaxUnknown, as Config.MaxUnknown, probes every hop up to MaxHops.
const NoMaxUnknown = -1

// Limits of the numeric settings.
const (
	maxTTL      = 255
	maxQueries  = 64
	maxInFlight = 1024
	maxFlows    = 64
	defDataLen  = 32
	maxDataLen  = 1400
)

// ErrConfig wraps every settings problem.
var ErrConfig = errors.New("invalid setting")

// Normalize fills defaults and checks ranges.
func (c *Config) Normalize() error {
	if !c.Target.IsValid() {
		return fmt.Errorf("%w: no target address", ErrConfig)
	}
	c.Target = c.Target.Unmap()
	if c.MaxHops == 0 {
		c.MaxHops = 30
	}
	if c.FirstTTL == 0 {
		c.FirstTTL = 1
	}
	if c.Queries == 0 {
		c.Queries = 3
	}
	if c.InFlight == 0 {
		c.InFlight = 16
	}
	if c.Wait.Max == 0 {
		c.Wait = DefaultWait
	}
	if c.Flows == 0 {
		c.Flows = 1
	}
	if c.Flows > 1 {
		c.Paris = true
	}
	if c.DataLen == 0 {
		c.DataLen = defDataLen
	}
	if c.MaxUnknown == 0 {
		c.MaxUnknown = DefaultMaxUnknown
	}
	if c.Port == 0 {
		switch c.Method {
		case MethodUDP:
			c.Port = DefaultUDPPort
		case MethodTCP:
			c.Port = DefaultTCPPort
		case MethodUDPFixed:
			c.Port = DefaultFixedPort
		}
	}
	switch {
	case c.MaxHops < 1 || c.MaxHops > maxTTL:
		return fmt.Errorf("%w: max hops %d: want 1 to %d", ErrConfig, c.MaxHops, maxTTL)
	case c.FirstTTL < 1 || c.FirstTTL > c.MaxHops:
		return fmt.Errorf("%w: first TTL %d: want 1 to max hops (%d)", ErrConfig, c.FirstTTL, c.MaxHops)
	case c.Queries < 1 || c.Queries > maxQueries:
		return fmt.Errorf("%w: probes per hop %d: want 1 to %d", ErrConfig, c.Queries, maxQueries)
	case c.InFlight < 1 || c.InFlight > maxInFlight:
		return fmt.Errorf("%w: probes in flight %d: want 1 to %d", ErrConfig, c.InFlight, maxInFlight)
	case c.Flows < 1 || c.Flows > maxFlows:
		return fmt.Errorf("%w: flows %d: want 1 to %d", ErrConfig, c.Flows, maxFlows)
	case c.MaxUnknown < NoMaxUnknown || c.MaxUnknown > maxTTL:
		return fmt.Errorf("%w: max unknown hops %d: want 1 to %d, or none", ErrConfig, c.MaxUnknown, maxTTL)
	case c.DataLen < 4 || c.DataLen > maxDataLen:
		return fmt.Errorf("%w: data length %d: want 4 to %d", ErrConfig, c.DataLen, maxDataLen)
	case c.Source.IsValid() && c.Source.Unmap().Is4() != c.Target.Is4():
		return fmt.Errorf("%w: source %s and target %s are of different families", ErrConfig, c.Source, c.Target)
	}
	if c.Method == MethodUDP && int(c.Port)+c.probesPerFlow() > 0xffff {
		return fmt.Errorf("%w: port %d: %d probes would run past port 65535", ErrConfig, c.Port, c.probesPerFlow())
	}
	return nil
}

// unknownLimit is how many silent hops in a row end a flow; 0 for none.
func (c *Config) unknownLimit() int {
	if c.MaxUnknown == NoMaxUnknown {
		return 0
	}
	return c.MaxUnknown
}

// probesPerFlow is the size of one flow's part of the probe table.
func (c *Config) probesPerFlow() int { return (c.MaxHops - c.FirstTTL + 1) * c.Queries }
