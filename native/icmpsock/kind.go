package icmpsock

import "fmt"

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
