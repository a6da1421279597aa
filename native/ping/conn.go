package ping

import (
	"errors"
	"net/netip"
	"time"

	"icmplab/native/icmpsock"
	"icmplab/native/internal/clock"
)

// Conn is what the engine sends and receives through.
type Conn interface {
	// Send sends one ICMP message to dst and returns the local time taken
	// just before it left.
	Send(msg []byte, dst netip.Addr) (time.Time, error)
	// Recv blocks until a message arrives and returns it; its slices may
	// alias buf. When the read deadline passes it returns an error
	// satisfying errors.Is(err, os.ErrDeadlineExceeded).
	Recv(buf []byte) (icmpsock.Packet, error)
	// SetReadDeadline bounds Recv, including a Recv already blocked: a
	// deadline in the past interrupts it at once. It may be called from
	// any goroutine.
	SetReadDeadline(t time.Time) error
	// EchoID is the identifier the kernel writes into every echo request
	// (a datagram socket); ok is false when the engine chooses it.
	EchoID() (id uint16, ok bool)
	Close() error
}

// Clocked is a Conn whose times (Send's, the packets' At, the read
// deadline) are read on a clock other than the wall clock: the engine then
// runs on that clock too. Sockets do not implement it; the unit tests' fake
// connection does, with a fake clock.
type Clocked interface {
	Clock() clock.Clock
}

// ErrDeferred is returned by Conn.Send when the send failed but the error
// will also arrive, with more detail, through Recv (a datagram socket's
// error queue reports "message too long" with the MTU). The engine counts
// the probe as sent and reports nothing yet.
var ErrDeferred = errors.New("ping: send error reported through the error queue")

// ErrSkip is returned (wrapped) by Conn.Recv for a message that is not for
// us or not ICMP at all; the engine reads on.
var ErrSkip = errors.New("ping: message skipped")
