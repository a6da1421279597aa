package icmpsock

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"

	"icmplab/codec"
)

// ErrUnsupported is returned on systems without Linux ICMP sockets.
var ErrUnsupported = errors.New("icmpsock: ICMP sockets are implemented for Linux only")

// OpenError says why no socket could be opened, attempt by attempt, and how
// to allow one.
type OpenError struct {
	Family   codec.Family
	Attempts []Attempt
}

// Attempt is one failed socket(2) call.
type Attempt struct {
	Kind Kind
	Err  error
}

func (e *OpenError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "cannot open an %s socket", e.Family)
	for i, a := range e.Attempts {
		sep := ": "
		if i > 0 {
			sep = "; "
		}
		fmt.Fprintf(&b, "%s%s: %v", sep, a.Kind, a.Err)
	}
	return b.String()
}

// Unwrap returns the errors of the attempts.
func (e *OpenError) Unwrap() []error {
	out := make([]error, 0, len(e.Attempts))
	for _, a := range e.Attempts {
		out = append(out, a.Err)
	}
	return out
}

// Hint says how to allow ICMP sockets: the two ways iputils documents.
func (e *OpenError) Hint() string {
	return "allow unprivileged ICMP sockets for your group:  sysctl -w net.ipv4.ping_group_range=\"0 2147483647\"\n" +
		"or let the binary open raw sockets:                setcap cap_net_raw+ep <path to icmplab>"
}

// LocalError is an error the local stack reported about a probe through a
// datagram socket's error queue: most often "message too long" with
// -M do, when MTU says what would fit. Read returns it as its error; the
// socket stays usable.
type LocalError struct {
	Err            error
	MessageTooLong bool
	MTU            uint32
	OrigDst        netip.Addr
}

func (e *LocalError) Error() string {
	if e.MessageTooLong {
		return fmt.Sprintf("local error: message too long, mtu=%d", e.MTU)
	}
	return "local error: " + e.Err.Error()
}

func (e *LocalError) Unwrap() error { return e.Err }

// ErrNotICMP is returned (wrapped) for a datagram a raw socket received that
// does not hold an ICMP message codec can delimit; the socket stays usable.
var ErrNotICMP = errors.New("icmpsock: not an ICMP datagram")
