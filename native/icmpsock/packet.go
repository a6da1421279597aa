package icmpsock

import (
	"net/netip"
	"time"
)

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
