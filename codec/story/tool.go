package story

import (
	"encoding/binary"
	"strconv"

	"icmplab/codec"
)

// Tool is the tool that most likely sent a trace's probes. The story is
// told in that tool's form (`icmplab story`), and the page names it.
type Tool uint8

const (
	ToolUnknown        Tool = iota
	ToolTraceroute          // traceroute's default: UDP probes, a new source port for each
	ToolTracerouteICMP      // traceroute -I: ICMP echo requests with rising TTLs
	ToolTracerouteTCP       // traceroute -T: TCP SYNs with rising TTLs
	ToolTracepath           // iputils tracepath: UDP probes sized to the path MTU, one at a time
	ToolMTR                 // mtr: every TTL once per cycle, cycle after cycle
)

var toolNames = [...]string{"unknown", "traceroute", "traceroute -I", "traceroute -T", "tracepath", "mtr"}

func (t Tool) String() string {
	if int(t) < len(toolNames) {
		return toolNames[t]
	}
	return "tool(" + strconv.Itoa(int(t)) + ")"
}

// probeFacts is what a UDP probe shows of the tool that sent it, read while
// the matcher still holds its bytes (it keeps none after Add).
type probeFacts struct {
	ipLen   int  // the datagram's length from its IP header
	df      bool // IPv4 don't fragment
	stamped bool // the payload begins with the TTL as a 32-bit number
}

// tracepathHeader is how much of its probe header tracepath writes before
// the rest of the probe's zeros: a 32-bit TTL in the sender's byte order,
// then (after padding) the send time. Only the TTL is checked: the time is
// the sender's own clock (monotonic in iputils 2022), not ours to read.
const tracepathTTLLen = 4

// udpProbeFacts reads the facts of a UDP probe sent with ttl; payload is
// the UDP payload as captured (possibly cut short by the snapshot length).
func udpProbeFacts(pk *codec.Packet, ttl uint8, payload []byte) probeFacts {
	var f probeFacts
	switch pk.Family {
	case codec.IPv4:
		f.ipLen = int(pk.V4.TotalLength)
		f.df = pk.V4.Flags&codec.IPv4FlagDF != 0
	case codec.IPv6:
		if pk.V6.PayloadLen != 0 {
			f.ipLen = codec.IPv6HeaderLen + int(pk.V6.PayloadLen)
		}
	}
	if len(payload) >= tracepathTTLLen {
		le, be := binary.LittleEndian.Uint32(payload), binary.BigEndian.Uint32(payload)
		f.stamped = le == uint32(ttl) || be == uint32(ttl)
	}
	return f
}

// GuessTool says which tool sent a trace's probes. It is the one place
// for that rule; the evidence, strongest first:
//
//   - Cycles (every TTL probed once, then again): mtr, whatever it probes
//     with. A traceroute run twice in a row looks the same.
//   - ICMP echo: traceroute -I. mtr's single cycle (mtr -c 1) and a
//     script looping ping -t are indistinguishable from it.
//   - TCP SYN: traceroute -T (tcptraceroute and mtr -T -c 1 alike).
//   - UDP: tracepath when every probe whose payload was captured begins
//     with the TTL it was sent with (tracepath's probe header, in the
//     sender's byte order), or, in a capture cut too short to show it, when
//     all probes left from one source port (tracepath's one connected
//     socket; traceroute opens a socket per probe) to destination ports
//     rising by one per probe, and IPv4 ones carried DF. Otherwise
//     traceroute. traceroute -N 1 sends one probe at a time too, and with
//     -F and a packet length it sends DF probes of the path MTU's size:
//     only its payload ("@ABC...") and its fresh source ports tell it
//     apart.
func GuessTool(t *Trace) Tool {
	if t.Cycles {
		return ToolMTR
	}
	switch t.Method {
	case MethodICMP:
		return ToolTracerouteICMP
	case MethodTCP:
		return ToolTracerouteTCP
	case MethodUDP:
		if tracepathProbes(t) {
			return ToolTracepath
		}
		return ToolTraceroute
	}
	return ToolUnknown
}

// tracepathProbes applies GuessTool's UDP rule.
func tracepathProbes(t *Trace) bool {
	probes := t.sent()
	if len(probes) == 0 {
		return false
	}
	seen, stamped := 0, 0
	oneSocket, df := true, true
	for i, p := range probes {
		if p.Size-codec.UDPHeaderLen >= tracepathTTLLen {
			seen++
			if p.Stamped {
				stamped++
			}
		}
		if i > 0 && (p.SrcPort != probes[0].SrcPort || p.DstPort != probes[i-1].DstPort+1) {
			oneSocket = false
		}
		if t.Family == codec.IPv4 && !p.DF {
			df = false
		}
	}
	if seen > 0 {
		return stamped == seen
	}
	return oneSocket && df
}

// sent lists a trace's probes in the order they were sent.
func (t *Trace) sent() []Probe {
	out := make([]Probe, t.Sent)
	for _, part := range [2][]Hop{t.Hops, t.Beyond} {
		for _, h := range part {
			for _, p := range h.Probes {
				if p.N >= 1 && p.N <= len(out) {
					out[p.N-1] = p
				}
			}
		}
	}
	return out
}

// Back is how many hops an answer crossed on its way back, from the TTL
// it arrived with, as tracepath reckons it: senders start at 64, 128 or
// 255, so the smallest of those at or above the TTL is taken for the
// start. An answer from the next hop, sent with 64, arrives with 64: 1 hop.
func Back(ttl uint8) int {
	switch {
	case ttl <= 64:
		return 65 - int(ttl)
	case ttl <= 128:
		return 129 - int(ttl)
	}
	return 256 - int(ttl)
}

// resumed reports whether an answer reporting an MTU (fragmentation
// needed, packet too big) at ttl was followed by a smaller probe that went
// on: a router or the destination answered a probe with that TTL or more
// sent after it (captured later: frames, not times, which hex input
// lacks). The trace did not end there: the source lowered its size, as
// tracepath does. traceroute -F stops at the mark (!F-1400), and nothing
// goes further.
func resumed(a *Answer, ttl int, byTTL map[uint8][]Probe) bool {
	if a.MTU == 0 {
		return false
	}
	for t, probes := range byTTL {
		if int(t) < ttl {
			continue
		}
		for _, p := range probes {
			if p.Answer != nil && p.Frame > a.Frame && (p.Answer.Outcome == OutcomeHop || p.Answer.Outcome == OutcomeReached) {
				return true
			}
		}
	}
	return false
}

// finishTrace sets what is told of a built trace beyond its hops: the
// tool, the path MTU per hop and at the end, and the hops to and back from
// the destination.
func finishTrace(t *Trace) {
	t.Tool = GuessTool(t)
	if t.Method == MethodUDP {
		pmtu := 0
		for i := range t.Hops {
			h := &t.Hops[i]
			for _, p := range h.Probes {
				if p.IPLen > 0 && (pmtu == 0 || p.IPLen < pmtu) {
					pmtu = p.IPLen
				}
				if a := p.Answer; a != nil && a.MTU > 0 && (pmtu == 0 || int(a.MTU) < pmtu) {
					pmtu = int(a.MTU)
				}
			}
			h.PMTU = pmtu
		}
		t.PMTU = pmtu
	}
	if !t.Reached {
		return
	}
	for _, p := range t.Hops[len(t.Hops)-1].Probes {
		if a := p.Answer; a != nil && a.Outcome == OutcomeReached {
			t.HopsTo, t.HopsBack = int(p.TTL), Back(a.TTL)
			return
		}
	}
}
