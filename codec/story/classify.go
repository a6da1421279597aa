package story

import (
	"strconv"

	"icmplab/codec"
)

// Outcome is what an answer says about the probe it answers.
type Outcome uint8

const (
	OutcomeNone        Outcome = iota // no answer
	OutcomeHop                        // a router on the way: time exceeded
	OutcomeReached                    // the destination: port unreachable, echo reply, SYN-ACK or RST
	OutcomeUnreachable                // dropped for good: unreachable (not port), packet too big, parameter problem
	OutcomeAdvisory                   // redirect or source quench: shown, but not the probe's answer
)

var outcomeNames = [...]string{"none", "hop", "reached", "unreachable", "advisory"}

func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return "outcome(" + strconv.Itoa(int(o)) + ")"
}

// mark is how traceroute marks an answer after its time. The letters are
// traceroute's (its switch over codes, written as data); port unreachable is
// absent because it means the destination was reached.
type mark struct {
	fam  codec.Family
	typ  codec.Type
	code codec.Code
}

var marks = map[mark]string{
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

// Classify says what an ICMP message means to the probe it answers, and the
// mark traceroute prints after its time ("!H", "!F-1400"; empty for a hop or
// the destination). ok is false for messages that answer no probe.
func Classify(f codec.Family, t codec.Type, c codec.Code, mtu uint32) (o Outcome, m string, ok bool) {
	if f == codec.IPv4 {
		switch t {
		case codec.ICMPv4TimeExceeded:
			return OutcomeHop, "", true
		case codec.ICMPv4EchoReply, codec.ICMPv4ExtendedEchoReply:
			return OutcomeReached, "", true
		case codec.ICMPv4DestinationUnreachable:
			switch c {
			case codec.CodePortUnreachable:
				return OutcomeReached, "", true
			case codec.CodeFragmentationNeeded:
				return OutcomeUnreachable, "!F-" + strconv.FormatUint(uint64(mtu), 10), true
			}
			return OutcomeUnreachable, unreachMark(f, t, c), true
		case codec.ICMPv4ParameterProblem:
			return OutcomeUnreachable, "!<" + codec.TypeName(f, t) + ">", true
		case codec.ICMPv4Redirect, codec.ICMPv4SourceQuench:
			return OutcomeAdvisory, "", true
		}
		return OutcomeNone, "", false
	}
	switch t {
	case codec.ICMPv6TimeExceeded:
		return OutcomeHop, "", true
	case codec.ICMPv6EchoReply, codec.ICMPv6ExtendedEchoReply:
		return OutcomeReached, "", true
	case codec.ICMPv6PacketTooBig:
		return OutcomeUnreachable, "!F-" + strconv.FormatUint(uint64(mtu), 10), true
	case codec.ICMPv6DestinationUnreachable:
		if c == codec.Code6PortUnreachable {
			return OutcomeReached, "", true
		}
		return OutcomeUnreachable, unreachMark(f, t, c), true
	case codec.ICMPv6ParameterProblem:
		return OutcomeUnreachable, "!<" + codec.TypeName(f, t) + ">", true
	}
	return OutcomeNone, "", false
}

func unreachMark(f codec.Family, t codec.Type, c codec.Code) string {
	if m, ok := marks[mark{f, t, c}]; ok {
		return m
	}
	return "!<" + strconv.Itoa(int(c)) + ">"
}
