package story

import (
	"bufio"
	"fmt"
	"strings"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// tracepath's layout (iputils 20221126): the address column is 52
// characters wide, the "[LOCALHOST]" one 32 and a space; a round trip is
// "%3d.%03dms " in microseconds.
const (
	tracepathHostColumn  = 52
	tracepathLocalColumn = 32
	tracepathTries       = 3 // probes per TTL before "no reply"
)

// writeTracepath prints a trace as tracepath -n does. tracepath sends one
// probe at a time and prints a line for each answer: the TTL, the router,
// the round trip, then "pmtu N" when the answer lowered the path MTU,
// "asymm N" when the answer came back over another number of hops,
// "reached" at the destination. A TTL no probe of which was answered is
// "no reply". The trace ends with "Resume: pmtu N hops N back N".
//
// What the capture cannot hold is left out: tracepath's first probe, too
// big for the interface, never leaves the host; the kernel refuses it and
// tracepath prints "1?: [LOCALHOST] pmtu N" (with IPv6 also the time the
// refusal took, not shown here). The line is printed when the first TTL
// was probed once more than tracepath would have without that refusal
// (tracepathLocalRestart), with the size of the first probe captured.
func writeTracepath(w *bufio.Writer, t *Trace, words *textWords) {
	for i, h := range t.Hops {
		if i == 0 && tracepathLocalRestart(h) {
			fmt.Fprintf(w, words.tracepathLocalMTU, h.TTL, tracepathLocalColumn, "[LOCALHOST]", h.Probes[0].IPLen)
		}
		answered := false
		for _, p := range h.Probes {
			if p.Answer == nil {
				continue
			}
			answered = true
			w.WriteString(tracepathLine(t.Family, p, words))
			w.WriteByte('\n')
		}
		if !answered {
			fmt.Fprintf(w, words.tracepathNoReply, h.TTL)
		}
	}
	if t.End == EndSilent || t.End == EndStopped {
		fmt.Fprintf(w, words.tracepathTooMany, t.PMTU)
	}
	fmt.Fprintf(w, words.tracepathResume, t.PMTU)
	if t.HopsTo > 0 {
		fmt.Fprintf(w, words.tracepathHops, t.HopsTo, t.HopsBack)
	}
	w.WriteByte('\n')
}

// TracepathLine is one answered probe in tracepath -n's layout, without
// the newline (and with tracepath's trailing space).
func TracepathLine(f codec.Family, p Probe) string {
	return tracepathLine(f, p, textWordsIn(dissect.LangEN))
}

// tracepathLine is TracepathLine in words' language.
func tracepathLine(f codec.Family, p Probe, words *textWords) string {
	a := p.Answer
	var b strings.Builder
	fmt.Fprintf(&b, "%2d:  ", p.TTL)
	host := a.From.String()
	b.WriteString(host)
	b.WriteString(strings.Repeat(" ", max(1, tracepathHostColumn-len(host))))
	if a.HasRTT {
		us := a.RTT.Microseconds()
		fmt.Fprintf(&b, "%3d.%03dms ", us/1000, us%1000)
	}
	switch {
	case a.MTU > 0:
		fmt.Fprintf(&b, words.tracepathMTU, a.MTU)
	case a.Outcome == OutcomeReached:
		b.WriteString(words.tracepathReached)
	case a.Outcome == OutcomeHop:
		// tracepath marks only an asymmetric time exceeded, with the hops
		// back it reckons from the answer's TTL.
		if back := Back(a.TTL); back != int(p.TTL) {
			fmt.Fprintf(&b, words.tracepathAsymm, back)
		}
	default:
		b.WriteString(TracepathMark(f, a.Type, a.Code))
	}
	return b.String()
}

// TracepathMark is what tracepath prints for an answer that stops it: the
// error its kernel turns the ICMP message into (Linux's icmp_err_convert
// and icmpv6_err_convert), named as tracepath names it. "!H" host
// unreachable, "!N" network, "!A" prohibited, "!P" a parameter problem
// (and ICMPv6 unreachable codes Linux does not name). The IPv4 codes Linux
// turns into other errors (protocol unreachable, source route failed, host
// unknown, isolated) tracepath reports with perror as "NET ERROR: ..." on
// its standard error; the line says "NET ERROR".
func TracepathMark(f codec.Family, t codec.Type, c codec.Code) string {
	if f == codec.IPv4 {
		switch t {
		case codec.ICMPv4ParameterProblem:
			return "!P"
		case codec.ICMPv4DestinationUnreachable:
			switch c {
			case codec.CodeNetUnreachable, codec.CodeNetUnknown, codec.CodeNetProhibited, codec.CodeNetUnreachableForTOS:
				return "!N"
			case codec.CodeHostUnreachable, codec.CodeHostProhibited, codec.CodeHostUnreachableForTOS,
				codec.CodeCommunicationProhibited, codec.CodeHostPrecedenceViolation, codec.CodePrecedenceCutoff:
				return "!H"
			}
		}
		return "NET ERROR"
	}
	switch t {
	case codec.ICMPv6ParameterProblem:
		return "!P"
	case codec.ICMPv6DestinationUnreachable:
		switch c {
		case codec.Code6NoRoute:
			return "!N"
		case codec.Code6AdminProhibited, codec.Code6SourcePolicyFailed, codec.Code6RejectRoute:
			return "!A"
		case codec.Code6BeyondScope, codec.Code6AddressUnreachable:
			return "!H"
		}
		return "!P" // the other codes: EPROTO
	}
	return "NET ERROR"
}

// tracepathLocalRestart reports whether the first TTL was probed once more
// than tracepath's loop explains: it sends until an answer leaves the path
// MTU as it was, or until three probes in a row went unanswered, and starts
// over when an answer lowered the MTU. A lowering by the kernel itself (the
// first probe too big for the interface) starts it over once more, unseen.
func tracepathLocalRestart(h Hop) bool {
	want, misses := 0, 0
	for _, p := range h.Probes {
		want++
		if p.Answer == nil {
			misses++
			if misses == tracepathTries {
				break
			}
			continue
		}
		misses = 0
		if p.Answer.MTU == 0 {
			break
		}
	}
	return len(h.Probes) > want
}
