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

// classify turns an ICMP answer into an outcome and its mark. Which
// messages answer a probe, and how, is codec's AnswerTo; what is left here is
// traceroute's presentation of it. ok is false for messages that answer no
// probe, advisory ones (redirect, source quench) included.
func classify(f codec.Family, t codec.Type, c codec.Code, mtu uint32) (o Outcome, mark string, ok bool) {
	switch codec.AnswerTo(f, t, c) {
	case codec.AnswerReached:
		return Reached, "", true
	case codec.AnswerTimeExceeded:
		return HopAnswered, "", true
	case codec.AnswerUnreachable:
		return Unreachable, unreachableMark(f, t, c, mtu), true
	}
	return 0, "", false
}

// unreachableMark is traceroute's mark for a probe that will not arrive:
// "!F-MTU" when the message reports an MTU, the type's name for a parameter
// problem, the annotation of its code, else the code number.
func unreachableMark(f codec.Family, t codec.Type, c codec.Code, mtu uint32) string {
	if codec.ReportsMTU(f, t, c) {
		return "!F-" + strconv.FormatUint(uint64(mtu), 10)
	}
	if m, ok := annotations[annotation{f, t, c}]; ok {
		return m
	}
	if !isUnreachable(f, t) {
		return "!<" + codec.TypeName(f, t) + ">"
	}
	return "!<" + strconv.Itoa(int(c)) + ">"
}

// isUnreachable reports whether t is the family's destination unreachable,
// whose codes traceroute shows by number when it has no letter for them.
func isUnreachable(f codec.Family, t codec.Type) bool {
	return f == codec.IPv4 && t == codec.ICMPv4DestinationUnreachable || f == codec.IPv6 && t == codec.ICMPv6DestinationUnreachable
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
