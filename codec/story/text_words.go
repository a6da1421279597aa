package story

import (
	"icmplab/codec"
	"icmplab/codec/dissect"
)

// textWords are the words of the text form (WriteTextIn) in one language.
//
// English is the tools' own output, byte for byte: scripts parse it and
// tests compare it line by line with traceroute, ping, mtr and tracepath.
// Korean rewords only what is prose, and keeps, in the same order, every
// number and address, and every token that is a field name or a mark the
// tools' manuals explain (icmp_seq=, ttl=, time=, pmtu, !H, (DUP!) beside
// its Korean word). Each format string has the English one's verbs in the
// same order (TestTextWordsVerbs), so a Korean line carries the English
// line's numbers.
//
// Column headings stay as the tools print them: mtr's "HOST: ... Loss% Snt
// Last Avg Best Wrst StDev" and tracepath's "[LOCALHOST]" sit above or
// beside columns counted in characters, and a Hangul syllable takes two
// terminal cells, so a Korean heading would push every column out of line.
// Korean adds a legend line under those tables instead (mtrLegend,
// fpingLegend; empty in English, where the tools print none).
type textWords struct {
	// registryKO names ICMP errors after "From X icmp_seq=N" with the
	// registry's Korean type and code names instead of ping's English.
	registryKO bool

	traceHeader  string // traceroute's first line: dst, dst, src, method, hops probed
	traceSilent  string // a trace whose destination never answered
	traceStopped string // a trace that stopped before the destination

	untracked string // probes past the matcher's limit: how many, the limit
	unlisted  string // answers past MaxAnswersPerProbe: how many, the bound

	pingHeader4 string // dst, dst, data bytes, datagram bytes
	pingHeader6 string // dst, dst, data bytes
	pingReply   string // size, from, seq, ttl
	pingDup     string // after a duplicate reply
	pingError   string // from, seq, the error's words
	pingStats   string // opens the statistics: dst
	pingSent    string // transmitted, received
	pingDups    string // duplicates
	pingErrors  string // errors
	pingLoss    string // loss percentage (as text), elapsed ms
	pingRTT     string // min, avg, max, mdev in ms

	mtrLegend   string // after an mtr report, "" for none
	fpingLegend string // after fping's summary lines, "" for none

	tracepathNoReply  string // a TTL none of whose probes was answered: TTL
	tracepathTooMany  string // a trace that did not reach: path MTU
	tracepathResume   string // the last line: path MTU
	tracepathHops     string // the last line, when reached: hops to, hops back
	tracepathReached  string // an answer from the destination
	tracepathAsymm    string // hops back when they differ from the TTL
	tracepathMTU      string // an answer that lowered the path MTU: MTU
	tracepathLocalMTU string // the local refusal of the first probe: TTL, width, "[LOCALHOST]", MTU
}

// textWordsOf is indexed by dissect.Lang.
var textWordsOf = [...]textWords{
	dissect.LangEN: {
		traceHeader:  "traceroute to %s (%s) from %s, %s probes, %d hops probed\n",
		traceSilent:  "(the destination never answered)\n",
		traceStopped: "(probing stopped before the destination)\n",

		untracked: "\n(%d probes past the limit of %d were not matched)\n",
		unlisted:  "\n(%d answers past %d for one probe were counted, not listed)\n",

		pingHeader4: "PING %s (%s) %d(%d) bytes of data.\n",
		pingHeader6: "PING %s(%s) %d data bytes\n",
		pingReply:   "%d bytes from %s: icmp_seq=%d ttl=%d",
		pingDup:     " (DUP!)",
		pingError:   "From %s icmp_seq=%d %s\n",
		pingStats:   "\n--- %s ping statistics ---\n",
		pingSent:    "%d packets transmitted, %d received",
		pingDups:    ", +%d duplicates",
		pingErrors:  ", +%d errors",
		pingLoss:    ", %s%% packet loss, time %dms\n",
		pingRTT:     "rtt min/avg/max/mdev = %.3f/%.3f/%.3f/%.3f ms\n",

		tracepathNoReply:  "%2d:  no reply\n",
		tracepathTooMany:  "     Too many hops: pmtu %d\n",
		tracepathResume:   "     Resume: pmtu %d ",
		tracepathHops:     "hops %d back %d ",
		tracepathReached:  "reached",
		tracepathAsymm:    "asymm %2d ",
		tracepathMTU:      "pmtu %d",
		tracepathLocalMTU: "%2d?: %-*s pmtu %d\n",
	},
	dissect.LangKO: {
		registryKO: true,

		traceHeader:  "traceroute: 목적지 %s (%s), 출발지 %s, %s 프로브, 조사한 홉 %d개\n",
		traceSilent:  "(목적지가 끝내 응답하지 않음)\n",
		traceStopped: "(목적지에 닿기 전에 조사를 멈춤)\n",

		untracked: "\n(프로브 %d개는 한도 %d개를 넘어 짝짓지 않음)\n",
		unlisted:  "\n(응답 %d개는 프로브 하나당 %d개를 넘어 세기만 하고 나열하지 않음)\n",

		pingHeader4: "PING %s (%s) 데이터 %d(%d)바이트\n",
		pingHeader6: "PING %s(%s) 데이터 %d바이트\n",
		pingReply:   "%d바이트 응답, 보낸 곳 %s: icmp_seq=%d ttl=%d",
		pingDup:     " (중복 DUP!)",
		pingError:   "%s의 알림 icmp_seq=%d %s\n",
		pingStats:   "\n--- %s ping 통계 ---\n",
		pingSent:    "패킷 %d개 전송, %d개 수신",
		pingDups:    ", 중복 +%d개",
		pingErrors:  ", 오류 +%d개",
		pingLoss:    ", 패킷 손실 %s%%, 걸린 시간 %dms\n",
		pingRTT:     "왕복 시간 (rtt) 최소/평균/최대/표준편차 (min/avg/max/mdev) = %.3f/%.3f/%.3f/%.3f ms\n",

		mtrLegend:   "(Loss% 손실률, Snt 보낸 프로브 수, 왕복 시간 ms: Last 마지막, Avg 평균, Best 최소, Wrst 최대, StDev 표준편차; ??? 응답 없는 홉)\n",
		fpingLegend: "(xmt/rcv/%loss 보낸 수/받은 수/손실률, min/avg/max 왕복 시간 최소/평균/최대 ms)\n",

		tracepathNoReply:  "%2d:  응답 없음 (no reply)\n",
		tracepathTooMany:  "     홉이 너무 많음 (Too many hops): pmtu %d\n",
		tracepathResume:   "     요약 (Resume): 경로 MTU pmtu %d ",
		tracepathHops:     "가는 홉 %d 돌아오는 홉 %d ",
		tracepathReached:  "도달 (reached)",
		tracepathAsymm:    "비대칭 (asymm) 돌아오는 홉 %2d ",
		tracepathMTU:      "경로 MTU 감소 pmtu %d",
		tracepathLocalMTU: "%2d?: %-*s 경로 MTU pmtu %d\n",
	},
}

// textWordsIn is the table of l, English for a Lang it does not know.
func textWordsIn(l dissect.Lang) *textWords {
	if int(l) < len(textWordsOf) {
		return &textWordsOf[l]
	}
	return &textWordsOf[dissect.LangEN]
}

// errorWords names an ICMP error after "From X icmp_seq=N ": in English
// as iputils ping does, in Korean with the registry's Korean names.
func (w *textWords) errorWords(f codec.Family, t codec.Type, c codec.Code) string {
	if !w.registryKO {
		return errorWords(f, t, c)
	}
	if codec.CodeName(f, t, c) != "" {
		return codec.TypeNameKO(f, t) + ": " + codec.CodeNameKO(f, t, c)
	}
	return codec.TypeNameKO(f, t)
}
