package dissect

import (
	"strconv"
	"unicode/utf8"

	"icmplab/codec"
)

// appendSentenceIn appends the plain-words sentence of an ICMP error in l.
func appendSentenceIn(out []byte, i *ICMPInfo, l Lang) []byte {
	if l == LangKO {
		return appendSentenceKO(out, i)
	}
	return appendSentence(out, i)
}

// appendSentenceKO is appendSentence in Korean: the same facts (who
// answered, which probe, the numbers) in Korean word order, the registry's
// Korean names for the reason.
func appendSentenceKO(out []byte, i *ICMPInfo) []byte {
	if !i.Message.IsError() {
		return out
	}
	at := "어느 라우터"
	if i.Src.IsValid() {
		at = i.Src.String()
	}
	te := i.Family == icmpV4 && i.Type == codec.ICMPv4TimeExceeded || i.Family == icmpV6 && i.Type == codec.ICMPv6TimeExceeded
	// what names the packet the error is about; head is its last noun,
	// which chooses the particle after it.
	what, head := "보낸 패킷", "패킷"
	if q := i.Quoted; q != nil && q.Dst.IsValid() {
		head = "패킷"
		if te && i.Code != codec.CodeReassemblyExceeded {
			head = "프로브"
		}
		what = "보낸 " + protoWord(LangKO, q.Proto) + " " + head + " (목적지 " + q.Dst.String()
		switch q.Proto {
		case codec.ProtoUDP, codec.ProtoTCP:
			if q.Complete || q.DstPort != 0 {
				what += " 포트 " + strconv.Itoa(int(q.DstPort))
			}
		case codec.ProtoICMP, codec.ProtoICMPv6:
			if q.Complete {
				head = codec.TypeNameKO(q.Family, q.ICMPType)
				what = "보낸 ICMP " + head + " (목적지 " + q.Dst.String() + ", id " + strconv.Itoa(int(q.ID)) + ", seq " + strconv.Itoa(int(q.Seq))
			}
		}
		what += ")"
	}
	reason := ""
	if i.CodeName != "" {
		reason = codec.CodeNameKO(i.Family, i.Type, i.Code)
	}
	if reason == "" {
		reason = "코드 " + strconv.Itoa(int(i.Code))
	}
	b := out
	switch {
	case te:
		if i.Code == codec.CodeReassemblyExceeded {
			b = append(b, what+josa(head, "을", "를")+" "+at+"에서 제시간에 재조립하지 못함"...)
			break
		}
		b = append(b, what+josa(head, "이", "가")+" "+at+"에서 만료됨 (TTL 초과)"...)
		if q := i.Quoted; q != nil && q.Family != 0 {
			w := "TTL"
			if q.Family == icmpV6 {
				w = "홉 제한 (Hop Limit)"
			}
			b = append(b, "; 인용에 보이는 "+w+" "+strconv.Itoa(int(q.TTL))+": 버려질 때 남아 있던 값이며, 보낼 때의 값이 아님"...)
		}
	case i.Family == icmpV4 && i.Type == codec.ICMPv4DestinationUnreachable, i.Family == icmpV6 && i.Type == codec.ICMPv6DestinationUnreachable:
		b = append(b, what+josa(head, "이", "가")+" 전달되지 않음: "+reason+" ("+at+"의 알림)"...)
		if i.MTU != 0 {
			b = append(b, " (다음 홉 MTU "+strconv.Itoa(int(i.MTU))+")"...)
		}
	case i.Family == icmpV6 && i.Type == codec.ICMPv6PacketTooBig:
		b = append(b, what+josa(head, "이", "가")+" "+at+"의 다음 링크에 비해 너무 큼: MTU "+strconv.Itoa(int(i.MTU))...)
	case i.Family == icmpV4 && i.Type == codec.ICMPv4ParameterProblem, i.Family == icmpV6 && i.Type == codec.ICMPv6ParameterProblem:
		b = append(b, what+"의 헤더 바이트 "+strconv.Itoa(int(i.Pointer))+"에 문제가 있음 ("+reason+", "+at+"의 알림)"...)
	case i.Family == icmpV4 && i.Type == codec.ICMPv4Redirect:
		b = append(b, what+": 게이트웨이 "+string(appendAddr(nil, i.Gateway))+" 경유로 보내야 함 ("+at+"의 알림, "+reason+")"...)
	case i.Family == icmpV4 && i.Type == codec.ICMPv4SourceQuench:
		b = append(b, what+": 전송 속도를 줄여 달라는 "+at+"의 요청"...)
	default:
		b = append(b, what+": "+codec.TypeNameKO(i.Family, i.Type)+" ("+reason+"), "+at+"의 알림"...)
	}
	return b
}

// josa picks the Korean particle for the word before it: withFinal after a
// syllable closed by a consonant ("패킷이"), without after a vowel
// ("프로브가"). The last Hangul syllable decides, so "에코 요청 (Echo)"
// takes the particle of 청.
func josa(word, withFinal, without string) string {
	for s := word; s != ""; {
		r, n := utf8.DecodeLastRuneInString(s)
		s = s[:len(s)-n]
		if r >= 0xAC00 && r <= 0xD7A3 {
			if (r-0xAC00)%28 != 0 {
				return withFinal
			}
			return without
		}
	}
	return withFinal
}
