package story

import (
	"net/netip"
	"sort"
	"time"

	"icmplab/codec"
)

// Kind says which story an exchange tells.
type Kind uint8

const (
	KindPing  Kind = iota + 1 // echo requests at one TTL, and their replies
	KindTrace                 // probes with rising TTLs, and who answered each
)

func (k Kind) String() string {
	switch k {
	case KindPing:
		return "ping"
	case KindTrace:
		return "trace"
	}
	return "unknown"
}

// Method is what a trace probes with.
type Method uint8

const (
	MethodUDP  Method = iota + 1 // traceroute's default, tracepath
	MethodICMP                   // traceroute -I, mtr
	MethodTCP                    // traceroute -T (SYN)
)

func (m Method) String() string {
	switch m {
	case MethodUDP:
		return "udp"
	case MethodICMP:
		return "icmp"
	case MethodTCP:
		return "tcp"
	}
	return "unknown"
}

// End says why a trace stopped where it did.
type End uint8

const (
	EndReached     End = iota + 1 // the destination answered
	EndUnreachable                // a router or the destination said it cannot be reached (see Trace.Mark)
	EndSilent                     // the last hops probed never answered: the destination stayed silent
	EndStopped                    // the last hop probed was a router that answered: probing stopped before the destination
)

func (e End) String() string {
	switch e {
	case EndReached:
		return "reached"
	case EndUnreachable:
		return "unreachable"
	case EndSilent:
		return "silent"
	case EndStopped:
		return "stopped"
	}
	return "unknown"
}

// Exchange is one story: a ping or a trace (exactly one is set).
type Exchange struct {
	Kind  Kind
	Ping  *Ping
	Trace *Trace
}

// First is the frame of the exchange's first probe: exchanges are listed
// in that order.
func (e Exchange) First() int {
	if e.Ping != nil && len(e.Ping.Requests) > 0 {
		return e.Ping.Requests[0].Frame
	}
	if e.Trace != nil {
		return e.Trace.firstFrame
	}
	return 0
}

// Answer is a message that answered a probe.
type Answer struct {
	Frame   int
	Time    time.Time
	From    netip.Addr
	Type    codec.Type // ICMP type; 0 for a TCP answer
	Code    codec.Code
	MTU     uint32 // fragmentation needed, packet too big
	TTL     uint8  // TTL (hop limit) the answer arrived with
	Size    int    // ICMP message length, or TCP segment length
	RTT     time.Duration
	HasRTT  bool    // both times were captured
	Outcome Outcome // hop, reached, unreachable, advisory
	Mark    string  // traceroute's mark ("!H", "!F-1400"); empty for a hop or the destination
	TCP     bool    // a SYN-ACK or RST (RST when RST is set)
	RST     bool
}

// Probe is one probe of a trace.
type Probe struct {
	N       int // 1-based, in the order the trace sent its probes
	Frame   int
	Time    time.Time
	TTL     uint8 // as sent
	SrcPort uint16
	DstPort uint16 // UDP and TCP
	ID, Seq uint16 // ICMP echo
	Size    int
	// IPLen is the datagram's length as its IP header gives it, not as
	// captured: tracepath sends probes as large as the path MTU, and a
	// capture cut short still knows their size. 0 when the header says
	// nothing (an IPv4 total length of 0, as offloaded captures show).
	IPLen int
	// DF: the IPv4 probe forbade fragmentation (tracepath sets it on every
	// probe; traceroute only with -F or --mtu). Stamped: the UDP payload
	// begins with the TTL the probe was sent with as a 32-bit number, as
	// tracepath's probe header does. Both are evidence for Trace.Tool.
	DF      bool
	Stamped bool
	// Answer is the message that answered it, nil when none came (a silent
	// hop, or a lost probe). Others holds later answers (duplicates, and
	// advisory errors).
	Answer *Answer
	Others []Answer
}

// Hop is every probe a trace sent with one TTL.
type Hop struct {
	TTL    uint8
	Probes []Probe
	// PMTU is the path MTU known once this hop was probed, as tracepath
	// tracks it: the smallest probe sent with this TTL, or the MTU a
	// router reported (fragmentation needed, packet too big) if smaller;
	// 0 when no probe gave its length. Set for UDP traces.
	PMTU int
}

// Trace is a traceroute, a tracepath or an mtr run: probes by the TTL they
// were sent with. Repeated rounds (mtr's cycles) are more probes per hop.
type Trace struct {
	Family   codec.Family
	Src, Dst netip.Addr
	Method   Method
	// Hops runs from the smallest TTL sent to the hop where the trace ended
	// (the destination, or the unreachable mark); TTLs never probed are
	// left out. Beyond holds probes sent with larger TTLs (traceroute sends
	// several hops at once and ignores those past the destination).
	Hops    []Hop
	Beyond  []Hop
	Reached bool
	End     End
	Mark    string // the unreachable mark when End is EndUnreachable
	Sent    int    // probes in the trace
	Rounds  int    // the most probes any hop had
	// Cycles is set when the probes went out in cycles, every TTL once and
	// then again (mtr), rather than all of one TTL before the next
	// (traceroute, tracepath): the story is then told as mtr reports it.
	Cycles bool
	// Tool is the tool that most likely sent the probes, guessed from
	// them (GuessTool documents the evidence and what stays ambiguous).
	Tool Tool
	// PMTU is the path MTU at the end of the trace, as tracepath's
	// "Resume: pmtu N" says it; 0 when unknown. HopsTo is the TTL that
	// reached the destination and HopsBack how many hops its answer
	// crossed on the way back (Back of the answer's TTL); 0 when the
	// destination never answered.
	PMTU     int
	HopsTo   int
	HopsBack int

	firstFrame int
}

// Request is one echo request of a ping.
type Request struct {
	Frame int
	Time  time.Time
	Seq   uint16
	TTL   uint8
	Size  int // ICMP message length
}

// Reply is one echo reply matched to its request.
type Reply struct {
	Seq          uint16
	RTT          time.Duration
	HasRTT       bool
	TTL          uint8
	Size         int // ICMP message length (iputils prints it as "64 bytes from")
	From         netip.Addr
	Dup          bool // a second (or later) reply to the same request
	RequestFrame int
	ReplyFrame   int
}

// PingError is an ICMP error about one of a ping's requests: a time
// exceeded from a router (ping -t), an unreachable.
type PingError struct {
	Seq          uint16
	From         netip.Addr
	Type         codec.Type
	Code         codec.Code
	Frame        int
	RequestFrame int
	RTT          time.Duration
	HasRTT       bool
}

// Ping is echo requests from one source to one destination under one
// identifier, and what came back. Several destinations under one
// identifier (fping) are several pings.
type Ping struct {
	Family   codec.Family
	Src, Dst netip.Addr
	ID       uint16
	Extended bool // RFC 8335 extended echo (PROBE)

	Requests    []Request
	Replies     []Reply // in capture order of the replies
	Errors      []PingError
	Lost        []uint16 // sequences of requests without a reply
	Transmitted int
	Received    int // requests answered (duplicates not counted)
	Duplicates  int
	// Elapsed runs from the first request to the last packet of the ping.
	Elapsed time.Duration
}

// Result is every exchange found, in the order of their first probe.
type Result struct {
	Exchanges []Exchange
	// Packets is how many packets were given; Untracked how many probes
	// came past Options.MaxProbes and were not matched (0 normally);
	// Unlisted how many answers came past MaxAnswersPerProbe for their
	// probe and were counted but not listed.
	Packets   int
	Untracked int
	Unlisted  int
	Limit     int

	roles map[int]Role
}

// Role is what a frame is in an exchange.
type Role struct {
	Exchange int  // index into Result.Exchanges
	Answer   bool // the frame answers a probe (false: it is the probe)
	// Hop and Probe locate the probe in a trace (Trace.Hops, or Beyond when
	// InBeyond); Request locates it in a ping's Requests.
	Hop, Probe int
	InBeyond   bool
	Request    int
	// Which answer of the probe: -1 for the probe itself, 0 the answer,
	// 1.. the later ones (Others, duplicates, errors).
	Which int
}

// Role reports what a frame is in the exchanges; false for a frame that
// belongs to none.
func (r *Result) Role(frame int) (Role, bool) {
	r.indexRoles()
	ro, ok := r.roles[frame]
	return ro, ok
}

// indexRoles builds the frame index on first use: a run that only prints
// the exchanges never pays for it.
func (r *Result) indexRoles() {
	if r.roles != nil {
		return
	}
	r.roles = make(map[int]Role)
	for x := range r.Exchanges {
		r.index(x)
	}
}

// EachRole calls fn for every frame that belongs to an exchange, in frame
// order: what a packet list needs to mark and link them.
func (r *Result) EachRole(fn func(frame int, ro Role)) {
	r.indexRoles()
	frames := make([]int, 0, len(r.roles))
	for f := range r.roles {
		frames = append(frames, f)
	}
	sort.Ints(frames)
	for _, f := range frames {
		fn(f, r.roles[f])
	}
}
