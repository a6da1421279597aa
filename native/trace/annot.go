package trace

import (
	"strconv"

	"icmplab/codec"
)

// classify turns an ICMP answer into an outcome and its mark: which
// messages answer a probe, and how, is codec's AnswerTo; the mark is codec's
// TracerouteMark. ok is false for messages that answer no
// probe, advisory ones (redirect, source quench) included.
func classify(f codec.Family, t codec.Type, c codec.Code, mtu uint32) (o Outcome, mark string, ok bool) {
	switch codec.AnswerTo(f, t, c) {
	case codec.AnswerReached:
		return Reached, "", true
	case codec.AnswerTimeExceeded:
		return HopAnswered, "", true
	case codec.AnswerUnreachable:
		return Unreachable, codec.TracerouteMark(f, t, c, mtu), true
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
