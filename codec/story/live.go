package story

import "strconv"

// MatchKind is what Add, Sent or Received found a packet to be.
type MatchKind uint8

const (
	MatchNone      MatchKind = iota // not a probe, and it answers no probe kept: not ours
	MatchProbe                      // a probe, now kept
	MatchUntracked                  // a probe past Options.MaxProbes: counted, not kept
	MatchReply                      // the first reply to its probe (echo reply, SYN-ACK or RST)
	MatchDuplicate                  // a later reply to a probe already replied to
	MatchError                      // an ICMP error quoting the probe (Match.Outcome says which kind)
)

var matchNames = [...]string{"none", "probe", "untracked", "reply", "duplicate", "error"}

func (k MatchKind) String() string {
	if int(k) < len(matchNames) {
		return matchNames[k]
	}
	return "match(" + strconv.Itoa(int(k)) + ")"
}

// Match is what one packet was to the matcher.
type Match struct {
	Kind MatchKind
	// Frame is the probe's Packet.Frame: the packet's own for MatchProbe
	// and MatchUntracked, the probe it answers for the others. A live
	// engine numbers its probes in Frame and maps the answer back to its
	// own per-probe state (timers, output) by it.
	Frame int
	// Outcome is what an answer says of its probe: the destination reached
	// (a reply), a hop, unreachable, or only advisory (a redirect or source
	// quench, shown but not the probe's answer).
	Outcome Outcome
}

// Answers reports whether the packet answers a probe kept.
func (mt Match) Answers() bool {
	return mt.Kind == MatchReply || mt.Kind == MatchDuplicate || mt.Kind == MatchError
}

// Sent tells a live matcher (Options.Window) of a probe an engine sent:
// kept as a probe whatever its TTL (a capture takes only low TTLs for
// probes), under the frame number the engine gave it. p.IP is the whole
// datagram as it left, with the real addresses, TTL and identifiers; an
// engine whose socket builds the IP header builds the same one for the
// matcher (codec's IPv4Header or IPv6Header AppendDatagram). Anything that
// is not a probe (an echo reply, an error) is MatchNone.
//
// Sent and Received use the one definition of "this message answers that
// probe" that Add uses on captures; they differ only in what the engine
// already knows of the packet's direction.
func (m *Matcher) Sent(p Packet) Match { return m.add(p, dirSent) }

// Received tells a live matcher of a packet an engine's socket read: an
// echo reply, an ICMP error, a SYN-ACK or RST. It returns the probe it
// answers (by its frame) and how, or MatchNone for anything not ours: a
// reply to another pinger, an error about other traffic, a request. p.IP is
// the whole datagram; an engine whose socket omits the IP header (ICMPv6,
// datagram sockets) rebuilds it around what it read with the sender, the
// local address and the TTL the socket reported.
func (m *Matcher) Received(p Packet) Match { return m.add(p, dirReceived) }
