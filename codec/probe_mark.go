package codec

import "strconv"

// markKey names one unreachable message by family, type and code.
type markKey struct {
	fam  Family
	typ  Type
	code Code
}

// unreachMarks are the letters traceroute prints after the time of a probe
// that will not arrive (traceroute.c's switch over codes, written as data).
// Port unreachable is absent: it means the destination was reached.
var unreachMarks = map[markKey]string{
	{IPv4, ICMPv4DestinationUnreachable, CodeNetUnreachable}:          "!N",
	{IPv4, ICMPv4DestinationUnreachable, CodeNetUnknown}:              "!N",
	{IPv4, ICMPv4DestinationUnreachable, CodeSourceHostIsolated}:      "!N",
	{IPv4, ICMPv4DestinationUnreachable, CodeNetUnreachableForTOS}:    "!N",
	{IPv4, ICMPv4DestinationUnreachable, CodeHostUnreachable}:         "!H",
	{IPv4, ICMPv4DestinationUnreachable, CodeHostUnknown}:             "!H",
	{IPv4, ICMPv4DestinationUnreachable, CodeHostUnreachableForTOS}:   "!H",
	{IPv4, ICMPv4DestinationUnreachable, CodeNetProhibited}:           "!X",
	{IPv4, ICMPv4DestinationUnreachable, CodeHostProhibited}:          "!X",
	{IPv4, ICMPv4DestinationUnreachable, CodeCommunicationProhibited}: "!X",
	{IPv4, ICMPv4DestinationUnreachable, CodeProtocolUnreachable}:     "!P",
	{IPv4, ICMPv4DestinationUnreachable, CodeSourceRouteFailed}:       "!S",
	{IPv4, ICMPv4DestinationUnreachable, CodeHostPrecedenceViolation}: "!V",
	{IPv4, ICMPv4DestinationUnreachable, CodePrecedenceCutoff}:        "!C",
	{IPv6, ICMPv6DestinationUnreachable, Code6NoRoute}:                "!N",
	{IPv6, ICMPv6DestinationUnreachable, Code6BeyondScope}:            "!H",
	{IPv6, ICMPv6DestinationUnreachable, Code6AddressUnreachable}:     "!H",
	{IPv6, ICMPv6DestinationUnreachable, Code6AdminProhibited}:        "!X",
	{IPv6, ICMPv6DestinationUnreachable, Code6SourcePolicyFailed}:     "!X",
	{IPv6, ICMPv6DestinationUnreachable, Code6RejectRoute}:            "!X",
}

// TracerouteMark is what traceroute prints after the time of a probe whose
// answer is AnswerUnreachable: "!F-MTU" when the message reports an MTU,
// the type's name in "!<...>" for a parameter problem, the letter of its
// code ("!H", "!N", "!P", "!X", ...), else the code's number ("!<9>"). It is
// empty for every other answer: a router on the way or the destination gets
// no mark. The live trace and the story of a captured one both print it.
func TracerouteMark(f Family, t Type, c Code, mtu uint32) string {
	if AnswerTo(f, t, c) != AnswerUnreachable {
		return ""
	}
	if ReportsMTU(f, t, c) {
		return "!F-" + strconv.FormatUint(uint64(mtu), 10)
	}
	if m, ok := unreachMarks[markKey{f, t, c}]; ok {
		return m
	}
	if !(f == IPv4 && t == ICMPv4DestinationUnreachable || f == IPv6 && t == ICMPv6DestinationUnreachable) {
		return "!<" + TypeName(f, t) + ">"
	}
	return "!<" + strconv.Itoa(int(c)) + ">"
}
