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
//
// It may import codec and golang.org/x/sys, never the probers above it
// (native/ping, native/trace), which ask it for sockets, socket addresses
// (Sockaddr, AddrPort) and control data (ParseControl).
package icmpsock
