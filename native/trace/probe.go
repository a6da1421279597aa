package trace

import (
	"net/netip"
	"time"

	"icmplab/codec"
	"icmplab/codec/story"
)

// Outcome is what became of a probe.
type Outcome uint8

const (
	Pending     Outcome = iota // in flight, or not sent yet
	TimedOut                   // no answer within the wait: printed as *
	HopAnswered                // a router on the way answered (time exceeded)
	Reached                    // the destination answered: port unreachable, echo reply, SYN-ACK or RST
	Unreachable                // an unreachable other than the destination's port unreachable: annotated, ends the trace
	Skipped                    // never sent: the trace ended at an earlier hop
)

func (o Outcome) String() string {
	switch o {
	case Pending:
		return "pending"
	case TimedOut:
		return "timeout"
	case HopAnswered:
		return "hop"
	case Reached:
		return "reached"
	case Unreachable:
		return "unreachable"
	case Skipped:
		return "skipped"
	}
	return "outcome?"
}

// final reports whether the outcome ends the trace at the probe's hop.
func (o Outcome) final() bool { return o == Reached || o == Unreachable }

// Probe is one row of the probe table.
type Probe struct {
	Flow  int // 0-based flow number (Paris flows); 0 in classic mode
	TTL   int
	N     int // 0-based probe number within its hop
	Index int // position in the flow's part of the table: (TTL-first)*q + N

	Sent    time.Time
	Recv    time.Time
	Outcome Outcome
	From    netip.Addr
	// The answer's ICMP type and code (zero for a TCP answer); Family says
	// which ICMP they belong to.
	Family codec.Family
	Type   codec.Type
	Code   codec.Code
	ICMP   bool // the answer was ICMP (not a TCP SYN-ACK or RST)
	TCP    uint16
	MTU    uint32 // next-hop MTU of a fragmentation-needed / packet-too-big answer
	Annot  string // !H, !N, ... from the presentation table
	Ext    []ExtObject
	Layout codec.ExtLayout
	// What the quoted header says of the probe when it reached the router
	// (raw receive only): TTL left and TOS, to show rewriting.
	QuotedTTL, QuotedTOS uint8
	HaveQuote            bool

	// Probe identity as sent (shown in --json; the matcher reads it in
	// the probe's datagram).
	SrcPort, DstPort uint16
	Ident            uint32 // UDP checksum (Paris), ICMP sequence or TCP sequence
	num              int    // rounds: 1 + the probe's number for the matcher (its frame); 0 before it is sent
}

// RTT is the round trip of an answered probe.
func (p *Probe) RTT() time.Duration {
	if p.Recv.IsZero() || p.Sent.IsZero() {
		return 0
	}
	return p.Recv.Sub(p.Sent)
}

// answered reports whether the probe has a reply (not a timeout).
func (p *Probe) answered() bool {
	return p.Outcome != Pending && p.Outcome != TimedOut && p.Outcome != Skipped
}

// done reports whether the probe needs no more waiting.
func (p *Probe) done() bool { return p.Outcome != Pending }

// reply is what a socket reader posts to the engine loop: a packet that
// may answer a probe, as the whole IP datagram the matcher reads. Readers
// of sockets that give less (no IP header, or the error queue's digest)
// rebuild it; see decode.go.
type reply struct {
	at time.Time
	ip []byte // owned by the reply
	// rebuilt marks an error the kernel digested (a socket's error queue):
	// its quote was rebuilt from the probe as sent, so the quoted TTL and
	// TOS are not the router's and nothing followed it (extensions).
	rebuilt bool
}

// outcomeOf is what the matcher's outcome of an answer means to a probe.
func outcomeOf(o story.Outcome) Outcome {
	switch o {
	case story.OutcomeHop:
		return HopAnswered
	case story.OutcomeReached:
		return Reached
	case story.OutcomeUnreachable:
		return Unreachable
	}
	return Pending
}

// fill records on the probe the answer r that the matcher paired with it
// (o is what it says of the probe). The receive time is never before the
// send time (kernel and user clocks can disagree by a hair).
func (p *Probe) fill(r reply, o Outcome) {
	p.Recv, p.Outcome = r.at, o
	if !p.Recv.After(p.Sent) {
		p.Recv = p.Sent.Add(time.Microsecond)
	}
	pk, _ := codec.DecodeIP(r.ip) // the matcher read it: what it paired on is there
	switch pk.Family {
	case codec.IPv4:
		p.From = pk.V4.Src
	case codec.IPv6:
		p.From = pk.V6.Src
	}
	p.Family = pk.Family
	if !pk.HasICMP {
		if h, _, err := codec.ParseTCP(pk.Payload); err == nil {
			p.TCP = h.Flags
		}
		return
	}
	m := &pk.ICMP
	p.Type, p.Code, p.ICMP = m.Type, m.Code, true
	eb, isErr := m.Error()
	if !isErr {
		return
	}
	if o == Unreachable {
		p.MTU = eb.MTU
	}
	_, p.Annot, _ = classify(pk.Family, m.Type, m.Code, eb.MTU)
	if r.rebuilt {
		return
	}
	if fl, _ := m.QuotedFlow(); fl.Src.IsValid() {
		p.QuotedTTL, p.QuotedTOS, p.HaveQuote = fl.TTL, fl.TOS, true
	}
	if eb.Ext.Present() {
		p.Ext, p.Layout = decodeExt(eb.Ext), eb.Ext.Layout
	}
}
