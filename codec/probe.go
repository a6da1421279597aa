package codec

import "sync"

// What an ICMP message means to a prober (ping, traceroute) whose datagram
// it concerns. This is the one place icmplab decides which messages answer a
// probe, which only advise about it, and so which types a prober's raw
// socket must let through its kernel filter.

// Answer is what a message tells a prober about its probe.
type Answer uint8

const (
	// NotAnAnswer: the message concerns no probe (a request, a query,
	// neighbour discovery, multicast listener messages, ...).
	NotAnAnswer Answer = iota
	// AnswerReached: the probe arrived. An echo or extended echo reply, or a
	// port unreachable (ICMPv4 3/3, ICMPv6 1/4), which only the destination
	// host itself sends for a datagram it received.
	AnswerReached
	// AnswerTimeExceeded: a router on the way dropped the probe when its
	// TTL (hop limit) ran out, or its fragments were not reassembled in time.
	AnswerTimeExceeded
	// AnswerUnreachable: the probe was dropped and will not arrive:
	// destination unreachable (any code but port unreachable), ICMPv6
	// packet too big, parameter problem.
	AnswerUnreachable
	// AnswerAdvisory: about the probe but not its fate, so not its answer.
	// An ICMPv4 redirect (the router forwarded the datagram and names a
	// better first hop) and a source quench (deprecated by RFC 6633; it
	// never meant the datagram was lost).
	AnswerAdvisory
)

func (a Answer) String() string {
	switch a {
	case AnswerReached:
		return "reached"
	case AnswerTimeExceeded:
		return "time exceeded"
	case AnswerUnreachable:
		return "unreachable"
	case AnswerAdvisory:
		return "advisory"
	}
	return "not an answer"
}

// AnswerTo says what a message of this family, type and code tells a
// prober about the datagram it concerns. It needs no parsed message, so the
// error queue of a socket (which reports only type and code) can ask too.
func AnswerTo(f Family, t Type, c Code) Answer {
	if f == IPv4 {
		switch t {
		case ICMPv4EchoReply, ICMPv4ExtendedEchoReply:
			return AnswerReached
		case ICMPv4TimeExceeded:
			return AnswerTimeExceeded
		case ICMPv4DestinationUnreachable:
			if c == CodePortUnreachable {
				return AnswerReached
			}
			return AnswerUnreachable
		case ICMPv4ParameterProblem:
			return AnswerUnreachable
		case ICMPv4Redirect, ICMPv4SourceQuench:
			return AnswerAdvisory
		}
		return NotAnAnswer
	}
	if f != IPv6 {
		return NotAnAnswer
	}
	switch t {
	case ICMPv6EchoReply, ICMPv6ExtendedEchoReply:
		return AnswerReached
	case ICMPv6TimeExceeded:
		return AnswerTimeExceeded
	case ICMPv6DestinationUnreachable:
		if c == Code6PortUnreachable {
			return AnswerReached
		}
		return AnswerUnreachable
	case ICMPv6PacketTooBig, ICMPv6ParameterProblem:
		return AnswerUnreachable
	}
	return NotAnAnswer
}

// Answer is AnswerTo for a parsed message. A message whose body did not
// validate for its type (Kind KindRaw where the type has a view) answers
// nothing: a prober could not tell which probe it concerns.
func (m Message) Answer() Answer {
	if m.Kind == KindRaw {
		return NotAnAnswer
	}
	return AnswerTo(m.Family, m.Type, m.Code)
}

// IsProbeAnswer reports whether the message answers the probe it concerns:
// the probe arrived (a reply, a port unreachable) or was dropped (every error
// but the advisory ones). A prober counts such a message as the probe's
// answer; an advisory one (IsAdvisory) it may show but keeps waiting.
func (m Message) IsProbeAnswer() bool {
	switch m.Answer() {
	case AnswerReached, AnswerTimeExceeded, AnswerUnreachable:
		return true
	}
	return false
}

// IsAdvisory reports whether an error message leaves open that the datagram
// it quotes was delivered: an ICMPv4 redirect (the router forwarded the
// datagram and suggests a better first hop) and a source quench (deprecated
// by RFC 6633; it never meant the datagram was lost). Every other error
// means the datagram was dropped, so a prober counts it as an answer.
func (m Message) IsAdvisory() bool { return m.Kind == KindError && m.Answer() == AnswerAdvisory }

// ReportsMTU reports whether a message says its datagram was too big for a
// link and carries that link's MTU (ErrorBody.MTU): ICMPv4 destination
// unreachable, fragmentation needed (3/4, RFC 1191), and ICMPv6 packet too
// big (2, RFC 8201).
func ReportsMTU(f Family, t Type, c Code) bool {
	if f == IPv4 {
		return t == ICMPv4DestinationUnreachable && c == CodeFragmentationNeeded
	}
	return f == IPv6 && t == ICMPv6PacketTooBig
}

// proberTypes holds ProberTypes for both families, derived from AnswerTo
// on first use (only native probers ask; the page does not pay for it).
var proberTypes = sync.OnceValue(func() (tab [2][]Type) {
	for i, f := range [2]Family{IPv4, IPv6} {
		for t := range 256 {
			for c := range 256 {
				if AnswerTo(f, Type(t), Code(c)) != NotAnAnswer {
					tab[i] = append(tab[i], Type(t))
					break
				}
			}
		}
	}
	return tab
})

// ProberTypes lists, ascending, the ICMP types a prober's raw socket must
// receive: every type some code of which answers or advises about a probe
// (AnswerTo is not NotAnAnswer). A kernel type filter (ICMP_FILTER,
// ICMP6_FILTER) passes exactly these. Advisory types are in the list: ping
// shows a redirect or source quench about its probe, as iputils does. The
// slice is a copy the caller may keep.
func ProberTypes(f Family) []Type {
	switch f {
	case IPv4:
		return append([]Type(nil), proberTypes()[0]...)
	case IPv6:
		return append([]Type(nil), proberTypes()[1]...)
	}
	return nil
}
