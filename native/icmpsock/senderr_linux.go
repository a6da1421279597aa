//go:build linux

package icmpsock

import "golang.org/x/sys/unix"

// maxPendingRetries bounds the sends WriteTo tries for one message. One
// retry clears the pending error; more cover errors that arrive in between,
// and a refusal that is the send's own (no route) still ends the loop.
const maxPendingRetries = 4

// pendingError reports whether a datagram socket's send failed only because
// an ICMP error about an earlier message was pending. With IP_RECVERR (which
// Open always sets) the kernel queues every ICMP error on the error queue
// and also keeps its errno as the socket error (sk_err); the next send
// returns that errno, clearing it, before anything is sent. A prober with
// many probes in flight, a traceroute most of all, would then lose a probe
// to news about another, which Read reports anyway from the error queue. So
// WriteTo sends again.
//
// The errnos are the ones the kernel maps ICMP errors to (icmp_err_convert,
// icmpv6_err_convert, time exceeded and parameter problem included). Raw
// sockets never return them from a send: their messages are allocated
// without the socket-error check. EMSGSIZE is also what a send too large
// for the path returns by itself, queueing a local error each time, when
// the socket sets DF without fallback (PMTUDo): it is retried only on other
// sockets, where the kernel fragments instead and EMSGSIZE can only be a
// router's "fragmentation needed" or "packet too big" about an earlier
// message.
func (c *Conn) pendingError(err error) bool {
	if err == nil || c.kind != Datagram {
		return false
	}
	switch err {
	case unix.EHOSTUNREACH, unix.ENETUNREACH, unix.ECONNREFUSED, unix.EHOSTDOWN, unix.ENONET,
		unix.EPROTO, unix.ENOPROTOOPT, unix.EOPNOTSUPP, unix.EACCES:
		return true
	case unix.EMSGSIZE:
		return c.pmtu != PMTUDo
	}
	return false
}
