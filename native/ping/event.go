package ping

import (
	"fmt"
	"net/netip"
	"time"

	"icmplab/codec"
)

// EventKind says what happened to a probe.
type EventKind uint8

const (
	// EventReply: an echo reply that matched one of our probes.
	EventReply EventKind = iota + 1
	// EventError: an ICMP error quoting one of our probes.
	EventError
	// EventTimeout: a probe's reply timeout (-W) passed without an answer.
	EventTimeout
	// EventNoAnswerYet: the next probe is about to leave and the previous
	// one is unanswered (iputils -O prints these).
	EventNoAnswerYet
	// EventProbeReply: an RFC 8335 extended echo reply.
	EventProbeReply
	// EventLocalError: the local stack refused a probe (e.g. message too
	// long with -M do), reported through the socket's error queue.
	EventLocalError
	// EventSendError: sending failed outright.
	EventSendError
	// EventSent: a probe left (flood mode prints a dot for it).
	EventSent
)

func (k EventKind) String() string {
	switch k {
	case EventReply:
		return "reply"
	case EventError:
		return "error"
	case EventTimeout:
		return "timeout"
	case EventNoAnswerYet:
		return "no_answer_yet"
	case EventProbeReply:
		return "probe_reply"
	case EventLocalError:
		return "local_error"
	case EventSendError:
		return "send_error"
	case EventSent:
		return "sent"
	}
	return fmt.Sprintf("event(%d)", uint8(k))
}

// Event is one outcome, handed to the Sink as it happens.
type Event struct {
	Kind EventKind
	Seq  uint16
	From netip.Addr
	// At is when the kernel received the message (or the engine noticed a
	// timeout); KernelTime says whether it is a kernel timestamp.
	At         time.Time
	KernelTime bool
	// Bytes is the ICMP length received (iputils' "64 bytes").
	Bytes int
	// TTL is the received TTL / hop limit, -1 when unknown.
	TTL int
	// RTT is the round-trip time, when HasRTT.
	RTT    time.Duration
	HasRTT bool

	Dup         bool // a second (or later) reply to the same probe
	BadChecksum bool // the reply's ICMP checksum did not verify
	Late        bool // the reply came after the probe's timeout
	Truncated   bool // shorter than the request

	// The ICMP error, for EventError, and the extended echo reply's code,
	// for EventProbeReply.
	Family  codec.Family
	Type    codec.Type
	Code    codec.Code
	MTU     uint32
	Pointer uint32
	Gateway netip.Addr

	// Probe holds an extended echo reply's verdict.
	Probe ProbeResult

	// Err is the local or send error.
	Err error
}

// EndReason says why a pinger stopped.
type EndReason string

const (
	EndCount       EndReason = "count"       // -c probes sent and answered or given up on
	EndDeadline    EndReason = "deadline"    // -w passed
	EndInterrupted EndReason = "interrupted" // SIGINT
	EndError       EndReason = "error"       // the socket failed
	// EndFirstError: with -w, an ICMP error or local error about a probe
	// ends the run at once, as in iputils.
	EndFirstError EndReason = "first_error"
)

// Start describes a pinger about to begin, for the header line.
type Start struct {
	Host     string     // as the user typed it
	Addr     netip.Addr // the address pinged
	Numeric  bool       // the user typed an address: print no names
	Source   netip.Addr // -I address, or the route's source
	Device   string     // -I interface
	ShowFrom bool       // -I was given: iputils prints "from SRC DEV:"
	Size     int        // payload bytes
	Socket   string     // "datagram" or "raw"
	ID       uint16     // echo identifier
	Probe    *ProbeQuery
}

// Summary is a pinger's final (or, for SIGQUIT, current) account.
type Summary struct {
	Host        string
	Addr        netip.Addr
	Transmitted int
	Received    int
	Duplicates  int
	Corrupted   int
	Errors      int
	// Elapsed runs from the first probe to the last one sent, as iputils
	// reports "time".
	Elapsed time.Duration
	Stats   Stats
	// Pipe is the most probes in flight when one was answered (iputils
	// prints it when above 1).
	Pipe      int
	Flood     bool
	EndReason EndReason
	Err       error // the error that ended the run, for EndError
	// Count and Deadline are the run's limits (0: none), for the exit code.
	Count    int
	Deadline time.Duration
}

// LossPercent is (transmitted - received) * 100 / transmitted.
func (s Summary) LossPercent() float64 {
	if s.Transmitted == 0 {
		return 0
	}
	return float64(s.Transmitted-s.Received) * 100 / float64(s.Transmitted)
}

// ExitCode is iputils' exit status: 0 when replies came back, 1 when none
// did (or fewer than -c before a -w deadline), 2 when the run failed.
func (s Summary) ExitCode() int {
	switch {
	case s.EndReason == EndError:
		return 2
	case s.Received == 0:
		return 1
	case s.Deadline > 0 && s.Count > 0 && s.Received < s.Count:
		return 1
	}
	return 0
}

// Sink receives a pinger's output. A Sink serving several pingers must be
// safe for concurrent use (TextSink and JSONSink are, through a shared
// locked writer).
type Sink interface {
	Start(Start)
	Event(Event)
	// Status is SIGQUIT's snapshot.
	Status(Summary)
	End(Summary)
}
