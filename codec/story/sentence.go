package story

import (
	"strconv"
	"strings"
	"time"

	"net/netip"

	"icmplab/codec"
)

// Sentence says in plain words what an answer frame means for the probe it
// answers, naming the probe as the capture holds it: "your 3rd UDP probe,
// sent with TTL 3 to 198.18.5.2 port 33436, expired at 198.18.2.2, 0.42 ms
// later". It reports false for a frame that answers no probe of an
// exchange; dissect's own sentence, from the quote alone, then stands.
func (r *Result) Sentence(frame int) (string, bool) { return r.sentence(frame, english{}) }

// SentenceKO is Sentence in Korean, with the same numbers: "보낸 3번째 UDP
// 프로브 (TTL 3, 목적지 198.18.5.2 포트 33436), 198.18.2.2에서 만료됨,
// 0.42 ms 뒤".
func (r *Result) SentenceKO(frame int) (string, bool) { return r.sentence(frame, korean{}) }

// sentenceWords are the words of the sentences in one language; sentence
// finds the facts once for every language.
type sentenceWords interface {
	pingError(q Request, p *Ping) string
	pingReply(q Request, p *Ping, dup bool) string
	probe(t *Trace, pr Probe) string
	tcp(a *Answer) string
	outcome(f codec.Family, t codec.Type, c codec.Code, from, dst netip.Addr) string
	later(d time.Duration, ok bool) string
}

func (r *Result) sentence(frame int, w sentenceWords) (string, bool) {
	ro, ok := r.Role(frame)
	if !ok || !ro.Answer {
		return "", false
	}
	e := r.Exchanges[ro.Exchange]
	if p := e.Ping; p != nil {
		q := p.Requests[ro.Request]
		for _, pe := range p.Errors {
			if pe.Frame == frame {
				return w.pingError(q, p) + ", " + w.outcome(p.Family, pe.Type, pe.Code, pe.From, p.Dst) + w.later(pe.RTT, pe.HasRTT), true
			}
		}
		for _, rp := range p.Replies {
			if rp.ReplyFrame == frame {
				return w.pingReply(q, p, rp.Dup) + w.later(rp.RTT, rp.HasRTT), true
			}
		}
		return "", false
	}
	t := e.Trace
	hops := t.Hops
	if ro.InBeyond {
		hops = t.Beyond
	}
	pr := hops[ro.Hop].Probes[ro.Probe]
	a := pr.Answer
	if ro.Which > 0 {
		a = &pr.Others[ro.Which-1]
	}
	if a == nil {
		return "", false
	}
	s := w.probe(t, pr) + ", "
	if a.TCP {
		s += w.tcp(a)
	} else {
		s += w.outcome(t.Family, a.Type, a.Code, a.From, t.Dst)
	}
	return s + w.later(a.RTT, a.HasRTT), true
}

// english are the sentences' words as icmplab first wrote them.
type english struct{}

func (english) pingError(q Request, p *Ping) string {
	return "your echo request seq " + strconv.Itoa(int(q.Seq)) + ", sent with " + ttlWord(p.Family) + " " +
		strconv.Itoa(int(q.TTL)) + " to " + p.Dst.String()
}

func (english) pingReply(q Request, p *Ping, dup bool) string {
	s := "the reply to your echo request seq " + strconv.Itoa(int(q.Seq)) + " to " + p.Dst.String()
	if dup {
		s = "a duplicate " + s[len("the "):]
	}
	return s
}

func (english) probe(t *Trace, pr Probe) string {
	var b strings.Builder
	b.WriteString("your ")
	b.WriteString(Ordinal(pr.N))
	switch t.Method {
	case MethodUDP:
		b.WriteString(" UDP probe, sent with ")
	case MethodTCP:
		b.WriteString(" TCP SYN probe, sent with ")
	default:
		b.WriteString(" ICMP echo probe (seq " + strconv.Itoa(int(pr.Seq)) + "), sent with ")
	}
	b.WriteString(ttlWord(t.Family) + " " + strconv.Itoa(int(pr.TTL)) + " to " + t.Dst.String())
	if t.Method != MethodICMP {
		b.WriteString(" port " + strconv.Itoa(int(pr.DstPort)))
	}
	return b.String()
}

func (english) tcp(a *Answer) string {
	if a.RST {
		return "reached " + a.From.String() + ", which reset it (RST: the port is closed)"
	}
	return "reached " + a.From.String() + ", which accepted it (SYN-ACK: the port is open)"
}

func (english) outcome(f codec.Family, t codec.Type, c codec.Code, from, dst netip.Addr) string {
	return outcomeWords(f, t, c, from, dst)
}

func (english) later(d time.Duration, ok bool) string { return later(d, ok) }

// ttlWord is what the family calls the hop counter.
func ttlWord(f codec.Family) string {
	if f == codec.IPv6 {
		return "hop limit"
	}
	return "TTL"
}

// outcomeWords says what an ICMP answer did to the probe.
func outcomeWords(f codec.Family, t codec.Type, c codec.Code, from, dst netip.Addr) string {
	o, mark, _ := Classify(f, t, c, 0)
	name := strings.ToLower(codec.CodeName(f, t, c))
	if name == "" {
		name = strings.ToLower(codec.TypeName(f, t))
	}
	switch o {
	case OutcomeHop:
		return "expired at " + from.String()
	case OutcomeReached:
		if t == codec.ICMPv4EchoReply && f == codec.IPv4 || t == codec.ICMPv6EchoReply && f == codec.IPv6 {
			return "reached " + from.String() + ", which replied"
		}
		return "reached " + from.String() + " (" + name + ")"
	case OutcomeUnreachable:
		s := "was not delivered: " + name + ", says " + from.String()
		if mark != "" && !strings.HasPrefix(mark, "!<") {
			s += " (" + mark + ")"
		}
		return s
	case OutcomeAdvisory:
		return "drew a " + strings.ToLower(codec.TypeName(f, t)) + " from " + from.String()
	}
	return "drew a " + strings.ToLower(codec.TypeName(f, t)) + " from " + from.String()
}

// later is ", 0.42 ms later" when the round trip is known.
func later(d time.Duration, ok bool) string {
	if !ok {
		return ""
	}
	v, prec := ms(d), 2
	switch {
	case v >= 100:
		prec = 0
	case v >= 10:
		prec = 1
	}
	return ", " + strconv.FormatFloat(v, 'f', prec, 64) + " ms later"
}

// Ordinal is 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st.
func Ordinal(n int) string {
	s := strconv.Itoa(n)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}
