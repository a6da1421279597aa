package story

import (
	"net/netip"
	"strconv"
	"strings"
	"time"

	"icmplab/codec"
)

// korean are the sentences' words in Korean: the same facts and numbers as
// english, in Korean word order, with the registry's Korean names.
type korean struct{}

// ttlWordKO is what the family calls the hop counter, the English term kept.
func ttlWordKO(f codec.Family) string {
	if f == codec.IPv6 {
		return "홉 제한 (hop limit)"
	}
	return "TTL"
}

func (korean) pingError(q Request, p *Ping) string {
	return "보낸 에코 요청 seq " + strconv.Itoa(int(q.Seq)) + " (" + ttlWordKO(p.Family) + " " + strconv.Itoa(int(q.TTL)) +
		", 목적지 " + p.Dst.String() + ")"
}

func (korean) pingReply(q Request, p *Ping, dup bool) string {
	s := "보낸 에코 요청 seq " + strconv.Itoa(int(q.Seq)) + " (목적지 " + p.Dst.String() + ")에 대한 응답"
	if dup {
		s = "중복된 응답: " + s
	}
	return s
}

func (korean) probe(t *Trace, pr Probe) string {
	var b strings.Builder
	b.WriteString("보낸 " + strconv.Itoa(pr.N) + "번째 ")
	switch t.Method {
	case MethodUDP:
		b.WriteString("UDP 프로브")
	case MethodTCP:
		b.WriteString("TCP SYN 프로브")
	default:
		b.WriteString("ICMP 에코 프로브 (seq " + strconv.Itoa(int(pr.Seq)) + ")")
	}
	b.WriteString(" (" + ttlWordKO(t.Family) + " " + strconv.Itoa(int(pr.TTL)) + ", 목적지 " + t.Dst.String())
	if t.Method != MethodICMP {
		b.WriteString(" 포트 " + strconv.Itoa(int(pr.DstPort)))
	}
	b.WriteString(")")
	return b.String()
}

func (korean) tcp(a *Answer) string {
	if a.RST {
		return a.From.String() + "에 도달했고 연결이 재설정됨 (RST: 포트가 닫혀 있음)"
	}
	return a.From.String() + "에 도달했고 연결이 수락됨 (SYN-ACK: 포트가 열려 있음)"
}

func (korean) outcome(f codec.Family, t codec.Type, c codec.Code, from, _ netip.Addr) string {
	o, mark, _ := Classify(f, t, c, 0)
	name := codec.CodeNameKO(f, t, c)
	if codec.CodeName(f, t, c) == "" {
		name = codec.TypeNameKO(f, t)
	}
	switch o {
	case OutcomeHop:
		return from.String() + "에서 만료됨"
	case OutcomeReached:
		if t == codec.ICMPv4EchoReply && f == codec.IPv4 || t == codec.ICMPv6EchoReply && f == codec.IPv6 {
			return from.String() + "에 도달해 응답을 받음"
		}
		return from.String() + "에 도달함 (" + name + ")"
	case OutcomeUnreachable:
		s := "전달되지 않음: " + name + " (" + from.String() + "의 알림)"
		if mark != "" && !strings.HasPrefix(mark, "!<") {
			s += " (" + mark + ")"
		}
		return s
	}
	return from.String() + "에서 " + codec.TypeNameKO(f, t) + " 메시지를 받음"
}

// later is ", 0.42 ms 뒤" when the round trip is known.
func (korean) later(d time.Duration, ok bool) string {
	s := later(d, ok)
	if s == "" {
		return ""
	}
	return strings.TrimSuffix(s, " later") + " 뒤"
}
