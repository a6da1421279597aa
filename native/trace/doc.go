// Package trace is icmplab's traceroute engine: UDP, ICMP echo and TCP SYN
// probes sent many at a time, paired with the ICMP errors, echo replies and
// TCP answers that answer them by codec/story's matcher (the one icmplab
// story asks of captures: the flow an error quotes, codec.FlowKey), with traceroute's
// adaptive wait (-w MAX,HERE,NEAR), Paris flows that keep every probe of a
// trace on one ECMP path, MPLS and RFC 5837 extensions, reverse names, text
// output in traceroute's layout and JSON with an explicit end reason.
//
// The engine (engine.go) is one send/receive/update loop over a probe table,
// the idea of trippy's strategy.rs: the table says which probes are in
// flight, which hop is settled and when the next timeout falls; socket
// readers only post replies, as the IP datagrams the network carried
// (decode.go rebuilds what a socket gives less of), to the loop, which
// feeds them and the probes it sends to the matcher: no state is shared.
// Both loops take their time from an injected clock (native/internal/clock),
// so their unit tests run on a fake one, event by event.
//
// A run of silent hops past the last one that answered ends a flow
// (Config.MaxUnknown, mtr's --max-unknown, 5 by default): a firewalled
// destination costs one wait, not one per hop up to -m.
//
// Rounds (rounds.go) are what --report, --csv and --live run: the same
// prober, Probe rows, adaptive wait and max-unknown rule, a round every
// Interval, and per-hop statistics (stats.go) as mtr keeps them, with loss
// made honest (in flight is not lost, late answers are late, a new address
// is a path change). report.go writes mtr's layouts; the live view
// (subpackage live) only draws snapshots and passes keys on.
//
// Privileges. With CAP_NET_RAW a raw ICMP socket receives every error whole,
// extensions included, and TCP SYN probes can be sent. Without it, UDP probes
// read their errors from the socket's error queue (IP_RECVERR): the kernel
// gives the ICMP type, code and offender address and the payload of the
// probe, but not the rest of the ICMP message, so MPLS labels and RFC 5837
// interface data (-e) cannot be shown, nor the quoted header (TTL/TOS as the
// router saw it). ICMP probes then use ICMP datagram sockets, which need the
// user's group in net.ipv4.ping_group_range. TCP needs CAP_NET_RAW.
package trace
