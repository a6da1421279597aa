package ping

import (
	"fmt"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// TextOptions are the output flags of iputils ping.
type TextOptions struct {
	Quiet       bool // -q: header and summary only
	Numeric     bool // -n: no reverse lookups
	Timestamps  bool // -D: [seconds.micros] before each line
	Outstanding bool // -O: "no answer yet for icmp_seq=N"
	Flood       bool // -f: a dot per probe, a backspace per reply
	Audible     bool // -a: a bell with each reply
	// Names resolves an address to a host name ("" when it has none); nil
	// means no lookups. It is called at most once per address.
	Names func(netip.Addr) string
	// Prog prefixes messages on stderr ("icmplab ping").
	Prog string
}

// TextSink prints one pinger's output exactly as iputils ping (20221126)
// prints it, so that scripts parsing ping output keep working.
type TextSink struct {
	out   *Output
	opt   TextOptions
	start Start

	mu    sync.Mutex
	names map[netip.Addr]string

	// The flood display, held back between writes (see flood).
	fbuf    []byte
	fflushd time.Time
}

// Flood display batching: what a flood prints goes out in one write once
// this much time has passed since the last (judged by the events' own
// times) or this much is held, or when the engine is about to wait longer.
// iputils writes each dot and backspace by itself: two system calls per
// probe, as many as sending and receiving it.
const (
	floodFlushEvery = floodInterval
	floodFlushBytes = 4096
)

// NewTextSink prints to out with the given options.
func NewTextSink(out *Output, opt TextOptions) *TextSink {
	if opt.Prog == "" {
		opt.Prog = "icmplab ping"
	}
	t := &TextSink{out: out, opt: opt, names: map[netip.Addr]string{}}
	if opt.Flood && !opt.Quiet {
		t.fbuf = make([]byte, 0, floodFlushBytes+8)
	}
	return t
}

func (t *TextSink) numeric() bool { return t.opt.Numeric || t.start.Numeric || t.opt.Names == nil }

// addr is iputils' pr_addr: "name (address)" when the address has a name
// and names are wanted, else the address.
func (t *TextSink) addr(a netip.Addr) string {
	if t.numeric() {
		return a.String()
	}
	t.mu.Lock()
	name, ok := t.names[a]
	t.mu.Unlock()
	if !ok {
		name = t.opt.Names(a)
		t.mu.Lock()
		t.names[a] = name
		t.mu.Unlock()
	}
	if name == "" {
		// iputils asks getnameinfo without NI_NAMEREQD, which gives the
		// address itself when it has no name: "198.18.2.2 (198.18.2.2)".
		name = a.String()
	}
	return name + " (" + a.String() + ")"
}

// Start prints the header line.
func (t *TextSink) Start(s Start) {
	t.start = s
	var b strings.Builder
	v6 := s.Addr.Is6() && !s.Addr.Is4In6()
	from := ""
	if s.ShowFrom {
		from = fmt.Sprintf("from %s %s: ", t.sourceText(s), s.Device)
	}
	switch {
	case s.Probe != nil:
		fmt.Fprintf(&b, "PROBE %s (%s) %sabout %s.\n", s.Host, s.Addr, from, s.Probe.Describe())
	case v6:
		fmt.Fprintf(&b, "PING %s(%s) %s%d data bytes\n", s.Host, t.addr(s.Addr), from, s.Size)
	default:
		fmt.Fprintf(&b, "PING %s (%s) %s%d(%d) bytes of data.\n", s.Host, s.Addr, from, s.Size, s.Size+8+20)
	}
	t.out.write(b.String())
}

func (t *TextSink) sourceText(s Start) string {
	if !s.Source.IsValid() {
		return "0.0.0.0"
	}
	if s.Addr.Is6() {
		return t.addr(s.Source)
	}
	return s.Source.String()
}

// TimingMinSize is the least payload iputils times: it carries its send
// time in the payload as a struct timeval, 16 bytes on 64-bit Linux, and
// below that prints no time= and no rtt line. icmplab keeps send times
// locally and could time any size, but prints what iputils prints; --json
// has the round trips whatever the size.
const TimingMinSize = 16

// timing reports whether round trips are printed (iputils' "timing").
func (t *TextSink) timing() bool { return t.start.Size >= TimingMinSize || t.start.Probe != nil }

// stamp is -D's prefix.
func (t *TextSink) stamp(at time.Time) string {
	if !t.opt.Timestamps {
		return ""
	}
	if at.IsZero() {
		at = time.Now()
	}
	return fmt.Sprintf("[%d.%06d] ", at.Unix(), at.Nanosecond()/1000)
}

// Event prints one probe's outcome.
func (t *TextSink) Event(ev Event) {
	if t.opt.Flood {
		t.flood(ev)
		return
	}
	switch ev.Kind {
	case EventLocalError:
		if !t.opt.Quiet {
			t.out.writeErr(t.opt.Prog + ": " + ev.Err.Error() + "\n")
		}
		return
	case EventSendError:
		if !t.opt.Quiet {
			t.out.writeErr(t.opt.Prog + ": sendmsg: " + ev.Err.Error() + "\n")
		}
		return
	}
	if t.opt.Quiet {
		return
	}
	var b strings.Builder
	switch ev.Kind {
	case EventReply:
		b.WriteString(t.stamp(ev.At))
		fmt.Fprintf(&b, "%d bytes from %s: icmp_seq=%d", ev.Bytes, t.addr(ev.From), ev.Seq)
		if ev.TTL >= 0 {
			fmt.Fprintf(&b, " ttl=%d", ev.TTL)
		}
		if ev.Truncated {
			b.WriteString(" (truncated)\n")
			break
		}
		if ev.HasRTT && t.timing() {
			b.WriteString(" time=" + IputilsTime(ev.RTT) + " ms")
		}
		if ev.Dup {
			b.WriteString(" (DUP!)")
		}
		if ev.BadChecksum {
			b.WriteString(" (BAD CHECKSUM!)")
		}
		if t.opt.Audible && !ev.Dup {
			b.WriteString("\a")
		}
		b.WriteString("\n")
	case EventError:
		b.WriteString(t.stamp(ev.At))
		fmt.Fprintf(&b, "From %s icmp_seq=%d %s\n", t.addr(ev.From), ev.Seq, ErrorText(ev))
	case EventNoAnswerYet:
		if !t.opt.Outstanding {
			return
		}
		b.WriteString(t.stamp(ev.At))
		fmt.Fprintf(&b, "no answer yet for icmp_seq=%d\n", ev.Seq)
	case EventProbeReply:
		b.WriteString(t.stamp(ev.At))
		what := "interface"
		if t.start.Probe != nil {
			what = t.start.Probe.Describe()
		}
		fmt.Fprintf(&b, "PROBE reply from %s: %s: %s (icmp_seq=%d", t.addr(ev.From), what, ev.Probe.Describe(), ev.Seq)
		if ev.TTL >= 0 {
			fmt.Fprintf(&b, " ttl=%d", ev.TTL)
		}
		fmt.Fprintf(&b, " time=%s ms)", IputilsTime(ev.RTT))
		if ev.Dup {
			b.WriteString(" (DUP!)")
		}
		if ev.BadChecksum {
			b.WriteString(" (BAD CHECKSUM!)")
		}
		b.WriteString("\n")
	default: // sent, timeout: iputils prints nothing
		return
	}
	t.out.write(b.String())
}

// flood prints iputils' flood display: a dot per probe, a backspace per
// reply, E for errors, C for corrupted replies.
//
// The bytes are iputils' own, in its order; only the writes are fewer: they
// are gathered and written at most floodFlushEvery apart while probes
// flow, and at once when the engine is about to wait longer (Flush), before
// a status line and before the summary.
func (t *TextSink) flood(ev Event) {
	if t.opt.Quiet {
		return
	}
	switch ev.Kind {
	case EventSent:
		t.fbuf = append(t.fbuf, '.')
	case EventReply, EventProbeReply:
		if ev.BadChecksum {
			t.fbuf = append(t.fbuf, "\bC"...)
		} else if !ev.Dup {
			t.fbuf = append(t.fbuf, "\b \b"...)
		}
	case EventError:
		t.fbuf = append(t.fbuf, "\bE"...)
	case EventLocalError, EventSendError:
		t.fbuf = append(t.fbuf, 'E')
	default:
		return
	}
	if len(t.fbuf) >= floodFlushBytes || ev.At.IsZero() || ev.At.Sub(t.fflushd) >= floodFlushEvery || ev.At.Before(t.fflushd) {
		t.fflushd = ev.At
		t.Flush()
	}
}

// Flush writes what the flood display holds back. The engine calls it
// before it waits for longer than a flood's interval.
func (t *TextSink) Flush() {
	if len(t.fbuf) == 0 {
		return
	}
	t.out.writeBytes(t.fbuf)
	t.fbuf = t.fbuf[:0]
}

// IputilsTime formats a round-trip time as iputils 20221126 does: three
// decimals below 1 ms, two below 10 ms, one below 100 ms, none above, from
// whole microseconds.
func IputilsTime(d time.Duration) string {
	us := int64(d / time.Microsecond)
	switch {
	case us >= 100000-50:
		return fmt.Sprintf("%d", (us+500)/1000)
	case us >= 10000-5:
		return fmt.Sprintf("%d.%01d", (us+50)/1000, ((us+50)%1000)/100)
	case us >= 1000:
		return fmt.Sprintf("%d.%02d", (us+5)/1000, ((us+5)%1000)/10)
	}
	return fmt.Sprintf("%d.%03d", us/1000, us%1000)
}

// msus prints microseconds as iputils' "%ld.%03ld".
func msus(us int64) string { return fmt.Sprintf("%d.%03d", us/1000, us%1000) }

// End prints the statistics block.
func (t *TextSink) End(s Summary) {
	t.Flush()
	var b strings.Builder
	b.WriteString("\n--- " + s.Host + " ping statistics ---\n")
	b.WriteString(StatsLine(s) + "\n")
	comma := ""
	if s.Received > 0 && s.Stats.N > 0 && t.timing() {
		avg, mdev := s.Stats.IputilsAvgMdevUS()
		fmt.Fprintf(&b, "rtt min/avg/max/mdev = %s/%s/%s/%s ms", msus(s.Stats.MinUS), msus(avg), msus(s.Stats.MaxUS), msus(mdev))
		comma = ", "
	}
	if s.Pipe > 1 {
		fmt.Fprintf(&b, "%spipe %d", comma, s.Pipe)
		comma = ", "
	}
	if s.Received > 0 && s.Flood && s.Transmitted > 1 {
		ipg := int64(s.Elapsed/time.Microsecond) / int64(s.Transmitted-1)
		ew := s.Stats.EWMA8US
		fmt.Fprintf(&b, "%sipg/ewma %d.%03d/%d.%03d ms", comma, ipg/1000, ipg%1000, ew/8000, (ew/8)%1000)
	}
	b.WriteString("\n")
	t.out.write(b.String())
	if s.EndReason == EndError && s.Err != nil {
		t.out.writeErr(t.opt.Prog + ": " + s.Err.Error() + "\n")
	}
}

// StatsLine is "N packets transmitted, N received, ... time Tms".
func StatsLine(s Summary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d packets transmitted, %d received", s.Transmitted, s.Received)
	if s.Duplicates > 0 {
		fmt.Fprintf(&b, ", +%d duplicates", s.Duplicates)
	}
	if s.Corrupted > 0 {
		fmt.Fprintf(&b, ", +%d corrupted", s.Corrupted)
	}
	if s.Errors > 0 {
		fmt.Fprintf(&b, ", +%d errors", s.Errors)
	}
	if s.Transmitted > 0 {
		fmt.Fprintf(&b, ", %s%% packet loss", cG(s.LossPercent()))
		us := int64(s.Elapsed / time.Microsecond)
		fmt.Fprintf(&b, ", time %dms", (us+500)/1000)
	}
	return b.String()
}

// cG formats like C's %g (six significant digits, no trailing zeros).
func cG(v float64) string { return fmt.Sprintf("%.6g", v) }

// Status prints SIGQUIT's one-line snapshot to stderr, as iputils does.
func (t *TextSink) Status(s Summary) {
	t.Flush()
	loss := 0
	if s.Transmitted > 0 {
		loss = (s.Transmitted - s.Received) * 100 / s.Transmitted
	}
	line := fmt.Sprintf("\r%d/%d packets, %d%% loss", s.Received, s.Transmitted, loss)
	if s.Received > 0 && s.Stats.N > 0 && t.timing() {
		avg, _ := s.Stats.IputilsAvgMdevUS()
		ew := s.Stats.EWMA8US
		line += fmt.Sprintf(", min/avg/ewma/max = %s/%s/%d.%03d/%s ms", msus(s.Stats.MinUS), msus(avg), ew/8000, (ew/8)%1000, msus(s.Stats.MaxUS))
	}
	t.out.writeErr(line + "\n")
}
