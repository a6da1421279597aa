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

// Classify says what an ICMP message means to the probe it answers, and the
// mark traceroute prints after its time ("!H", "!F-1400"; empty for a hop or
// the destination). ok is false for messages that answer no probe.
func Classify(f codec.Family, t codec.Type, c codec.Code, mtu uint32) (o Outcome, m string, ok bool) {
	switch codec.AnswerTo(f, t, c) {
	case codec.AnswerTimeExceeded:
		return OutcomeHop, "", true
	case codec.AnswerReached:
		return OutcomeReached, "", true
	case codec.AnswerUnreachable:
		return OutcomeUnreachable, codec.TracerouteMark(f, t, c, mtu), true
	case codec.AnswerAdvisory:
		return OutcomeAdvisory, "", true
	}
	return OutcomeNone, "", false
}
