package trace

import (
	"net/netip"
	"time"

	"icmplab/codec"
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

	// Probe identity as sent, for the answer's quote to match.
	SrcPort, DstPort uint16
	Ident            uint32 // UDP checksum (Paris), ICMP sequence or TCP sequence
	key              lookupKey
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

// lookupKey finds the probe a reply answers. Each method registers, for every
// probe it sends, exactly the key its receive path will rebuild from the
// answer: ports and identity from codec.Message.QuotedFlow on the raw path,
// ports (and the probe number carried in the payload) on the error-queue path.
type lookupKey struct {
	proto        uint8
	sport, dport uint16
	ident        uint32
}

// reply is what a socket reader posts to the engine loop.
type reply struct {
	at   time.Time
	from netip.Addr
	key  lookupKey
	// Addresses of the quoted datagram, when the path saw them (raw receive);
	// the engine checks them against the probe.
	qsrc, qdst netip.Addr
	outcome    Outcome // HopAnswered, Reached (by kind; refined by the engine), Unreachable
	family     codec.Family
	typ        codec.Type
	code       codec.Code
	icmp       bool
	tcpFlags   uint16
	mtu        uint32
	ext        []ExtObject
	layout     codec.ExtLayout
	qttl, qtos uint8
	hasQuote   bool
	// mismatch marks an answer about a datagram that was not a probe of
	// this trace (counted, then ignored).
	mismatch bool
}

// fill records answer r on the probe. The receive time is never before the
// send time (kernel and user clocks can disagree by a hair).
func (p *Probe) fill(r reply) {
	p.Recv, p.From, p.Outcome = r.at, r.from, r.outcome
	if !p.Recv.After(p.Sent) {
		p.Recv = p.Sent.Add(time.Microsecond)
	}
	p.Family, p.Type, p.Code, p.ICMP, p.TCP, p.MTU = r.family, r.typ, r.code, r.icmp, r.tcpFlags, r.mtu
	if r.icmp {
		_, p.Annot, _ = classify(r.family, r.typ, r.code, r.mtu)
	}
	p.Ext, p.Layout = r.ext, r.layout
	p.QuotedTTL, p.QuotedTOS, p.HaveQuote = r.qttl, r.qtos, r.hasQuote
}

// quoteIsOurs checks what an answer quotes of its probe, when the receive
// path saw the quote: sent to the target, from our source.
func quoteIsOurs(r reply, target, source netip.Addr) bool {
	return !r.hasQuote || r.qdst == target && (!source.IsValid() || r.qsrc == source)
}
