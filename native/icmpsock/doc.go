// Package icmpsock opens the ICMP sockets icmplab's probers send and receive
// through: ping today, the trace helper's ICMP method too. It knows sockets,
// not ICMP: every byte it builds or parses goes through codec.
//
// Open tries an unprivileged ICMP datagram socket first (SOCK_DGRAM with
// IPPROTO_ICMP or IPPROTO_ICMPV6, allowed to the groups in
// net.ipv4.ping_group_range), then a raw socket (CAP_NET_RAW). When neither is
// allowed the *OpenError says how to grant one. Callers then drop every
// capability with native/priv: nothing here needs privileges after Open.
//
// What a caller gets back is the same whichever kind of socket it is:
//
//   - Packet.ICMP is always a whole ICMP message, ready for codec.Parse. A raw
//     IPv4 socket's IP header is decoded with codec.DecodeIP and kept in
//     Packet.IP; the TTL comes from it, or from the IP_RECVTTL /
//     IPV6_RECVHOPLIMIT control message on the other sockets.
//   - Errors about our probes (time exceeded, unreachable, ...) reach a
//     datagram socket only through its error queue (IP_RECVERR), as a
//     sock_extended_err and the quoted echo. Read turns them back into an
//     ICMP error message built with codec (Packet.Synthesized is set), so the
//     caller matches them with Message.Error and Message.QuotedFlow exactly
//     as it matches the real ones a raw socket reads.
//   - Packet.At is the kernel's receive time (SO_TIMESTAMPNS), not the time
//     the process got around to reading.
//
// A datagram socket's echo identifier is chosen by the kernel (it rewrites
// the identifier of every request to the socket's local "port"): use
// Conn.EchoID, never the identifier you wrote. A raw socket sends what it is
// given; FilterReplies then installs ICMP_FILTER (ICMP6_FILTER) and a classic
// BPF program so the process wakes only for its own replies and for errors.
package icmpsock

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"time"

	"icmplab/codec"
)

// Kind is the kind of socket Open obtained.
type Kind uint8

const (
	// Datagram is an unprivileged ICMP socket (ping socket).
	Datagram Kind = iota + 1
	// Raw is a raw ICMP socket (CAP_NET_RAW).
	Raw
)

func (k Kind) String() string {
	switch k {
	case Datagram:
		return "datagram"
	case Raw:
		return "raw"
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Want says which kinds of socket Open may return.
type Want uint8

const (
	// Any tries a datagram socket first and falls back to raw.
	Any Want = iota
	// OnlyDatagram never opens a raw socket.
	OnlyDatagram
	// OnlyRaw insists on a raw socket: what messages other than echo
	// request (RFC 8335 extended echo, for one) need, since the kernel's
	// datagram sockets send echo requests only.
	OnlyRaw
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

// Packet is one message read from a Conn. Its slices alias the buffer given
// to Read.
type Packet struct {
	// ICMP is the whole ICMP message (type, code, checksum, body).
	ICMP []byte
	// IP is the whole IPv4 datagram as a raw IPv4 socket received it (IP
	// header included); nil for other sockets.
	IP []byte
	// From is the sender: the replying host, or the router that sent an error.
	From netip.Addr
	// TTL is the received TTL / hop limit, -1 when unknown.
	TTL int
	// TOS is the received TOS / traffic class, -1 when unknown.
	TOS int
	// At is when the kernel received the packet (SO_TIMESTAMPNS), or when
	// Read returned it if the kernel gave no timestamp (KernelTime false).
	At         time.Time
	KernelTime bool
	// Synthesized is true for an error message rebuilt from a datagram
	// socket's error queue: its type, code, MTU and the quoted echo are
	// the kernel's; the quoted IP header is reconstructed (addresses from
	// the socket, TTL 0) and the checksum computed here.
	Synthesized bool
	// OrigDst is, for a Synthesized error, the destination of the probe it
	// is about.
	OrigDst netip.Addr
}

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
