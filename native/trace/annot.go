package trace

import (
	"strconv"

	"icmplab/codec"
)

// annotation is how traceroute marks an unreachable answer after its time:
// the letters are traceroute's, the keys codec's typed constants.
type annotation struct {
	fam  codec.Family
	typ  codec.Type
	code codec.Code
}

// annotations is the presentation table (traceroute.c's switch over codes,
// written as data). Port unreachable is absent: it means the destination
// was reached and gets no mark.
var annotations = map[annotation]string{
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeNetUnreachable}:          "!N",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeNetUnknown}:              "!N",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeSourceHostIsolated}:      "!N",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeNetUnreachableForTOS}:    "!N",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeHostUnreachable}:         "!H",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeHostUnknown}:             "!H",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeHostUnreachableForTOS}:   "!H",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeNetProhibited}:           "!X",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeHostProhibited}:          "!X",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeCommunicationProhibited}: "!X",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeProtocolUnreachable}:     "!P",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeSourceRouteFailed}:       "!S",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodeHostPrecedenceViolation}: "!V",
	{codec.IPv4, codec.ICMPv4DestinationUnreachable, codec.CodePrecedenceCutoff}:        "!C",
	{codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6NoRoute}:                "!N",
	{codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6BeyondScope}:            "!H",
	{codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6AddressUnreachable}:     "!H",
	{codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6AdminProhibited}:        "!X",
	{codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6SourcePolicyFailed}:     "!X",
	{codec.IPv6, codec.ICMPv6DestinationUnreachable, codec.Code6RejectRoute}:            "!X",
}

// classify turns an ICMP answer into an outcome and its mark. ok is false
// for messages that answer no probe (anything but time exceeded, destination
// unreachable, packet too big, parameter problem and echo reply).
func classify(f codec.Family, t codec.Type, c codec.Code, mtu uint32) (o Outcome, mark string, ok bool) {
	if f == codec.IPv4 {
		switch t {
		case codec.ICMPv4TimeExceeded:
			return HopAnswered, "", true
		case codec.ICMPv4EchoReply:
			return Reached, "", true
		case codec.ICMPv4DestinationUnreachable:
			switch c {
			case codec.CodePortUnreachable:
				return Reached, "", true
			case codec.CodeFragmentationNeeded:
				return Unreachable, "!F-" + strconv.FormatUint(uint64(mtu), 10), true
			}
			if m, ok := annotations[annotation{f, t, c}]; ok {
				return Unreachable, m, true
			}
			return Unreachable, "!<" + strconv.Itoa(int(c)) + ">", true
		case codec.ICMPv4ParameterProblem:
			return Unreachable, "!<" + codec.TypeName(f, t) + ">", true
		}
		return 0, "", false
	}
	switch t {
	case codec.ICMPv6TimeExceeded:
		return HopAnswered, "", true
	case codec.ICMPv6EchoReply:
		return Reached, "", true
	case codec.ICMPv6PacketTooBig:
		return Unreachable, "!F-" + strconv.FormatUint(uint64(mtu), 10), true
	case codec.ICMPv6DestinationUnreachable:
		if c == codec.Code6PortUnreachable {
			return Reached, "", true
		}
		if m, ok := annotations[annotation{f, t, c}]; ok {
			return Unreachable, m, true
		}
		return Unreachable, "!<" + strconv.Itoa(int(c)) + ">", true
	case codec.ICMPv6ParameterProblem:
		return Unreachable, "!<" + codec.TypeName(f, t) + ">", true
	}
	return 0, "", false
}

// EndReason says why a flow's trace stopped, for people and for --json.
func endReason(last *Probe, maxHops int, reachedMax bool) string {
	switch {
	case last != nil && last.Outcome == Reached:
		return "destination reached"
	case last != nil && last.Outcome == Unreachable:
		return "unreachable (" + last.Annot + ")"
	case reachedMax:
		return "max hops (" + strconv.Itoa(maxHops) + ")"
	}
	return "interrupted"
}
