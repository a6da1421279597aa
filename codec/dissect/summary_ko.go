package dissect

import (
	"strconv"

	"icmplab/codec"
)

// appendICMPInfoKO is appendICMPInfo in Korean: the registry's Korean type
// and code names, Korean words around the same numbers. id=, seq=, ttl=,
// hlim= and mtu= stay as they are: they are the field names a student
// types in a filter and reads in tshark's output.
func appendICMPInfoKO(b []byte, i *ICMPInfo) []byte {
	b = append(b, codec.TypeNameKO(i.Family, i.Type)...)
	if i.CodeName != "" && (i.Message.IsError() || i.Code != 0) {
		b = append(b, " ("...)
		b = append(b, codec.CodeNameKO(i.Family, i.Type, i.Code)...)
		b = append(b, ')')
	} else if i.CodeName == "" && i.Code != 0 {
		b = append(b, " (코드 "...)
		b = strconv.AppendUint(b, uint64(i.Code), 10)
		b = append(b, ')')
	}
	if i.HasID {
		b = append(b, " id="...)
		b = appendHex(b, uint32(i.ID), 2)
		b = append(b, ", seq="...)
		b = strconv.AppendUint(b, uint64(i.Seq), 10)
		if k := i.Message.Kind; k != codec.KindExtendedEchoRequest && k != codec.KindExtendedEchoReply {
			b = append(b, '/')
			b = strconv.AppendUint(b, uint64(i.Seq>>8|i.Seq<<8), 10)
		}
		if i.Src.IsValid() {
			w := ", ttl="
			if i.Family == icmpV6 {
				w = ", hlim="
			}
			b = append(b, w...)
			b = strconv.AppendUint(b, uint64(i.TTL), 10)
		}
	}
	if i.Target.IsValid() {
		b = append(b, " 대상 "...)
		b = i.Target.AppendTo(b)
	}
	if i.MTU != 0 {
		b = append(b, " mtu="...)
		b = strconv.AppendUint(b, uint64(i.MTU), 10)
	}
	if i.Gateway.IsValid() {
		b = append(b, " 게이트웨이="...)
		b = i.Gateway.AppendTo(b)
	}
	if q := i.Quoted; q != nil && q.Dst.IsValid() {
		b = append(b, " [인용: "...)
		b = appendAddr(b, q.Src)
		b = append(b, " → "...)
		b = q.Dst.AppendTo(b)
		b = append(b, ' ')
		b = append(b, protoWord(q.Proto)...)
		switch q.Proto {
		case codec.ProtoUDP, codec.ProtoTCP:
			if q.Complete {
				b = append(b, ' ')
				b = strconv.AppendUint(b, uint64(q.SrcPort), 10)
				b = append(b, " → "...)
				b = strconv.AppendUint(b, uint64(q.DstPort), 10)
			}
		case codec.ProtoICMP, codec.ProtoICMPv6:
			if q.Complete {
				b = append(b, " id="...)
				b = appendHex(b, uint32(q.ID), 2)
				b = append(b, " seq="...)
				b = strconv.AppendUint(b, uint64(q.Seq), 10)
			}
		}
		b = append(b, ']')
	}
	for _, x := range i.Extensions {
		for _, e := range x.MPLS {
			b = append(b, " [MPLS 레이블 "...)
			b = strconv.AppendUint(b, uint64(e.Label), 10)
			b = append(b, ']')
		}
		if ii := x.Interface; ii != nil {
			b = append(b, " [인터페이스 "...)
			b = append(b, ii.Role.String()...)
			if ii.HasName {
				b = strconv.AppendQuote(append(b, ' '), ii.Name)
			}
			if ii.HasAddr {
				b = appendAddr(append(b, ' '), ii.Addr)
			}
			if ii.HasIndex {
				b = strconv.AppendUint(append(b, " ifindex "...), uint64(ii.Index), 10)
			}
			if ii.HasMTU {
				b = strconv.AppendUint(append(b, " mtu "...), uint64(ii.MTU), 10)
			}
			b = append(b, ']')
		}
		if id := x.Ident; id != nil {
			switch x.CType {
			case codec.IdentByName:
				b = append(strconv.AppendQuote(append(b, " [조사할 인터페이스 "...), id.Name), ']')
			case codec.IdentByIndex:
				b = append(strconv.AppendUint(append(b, " [조사할 ifindex "...), uint64(id.Index), 10), ']')
			case codec.IdentByAddress:
				b = append(appendAddr(append(b, " [조사할 인터페이스 "...), id.Addr), ']')
			}
		}
	}
	if i.Checksum.Status == codec.ChecksumBad {
		b = append(b, " [체크섬 오류 (BAD CHECKSUM)]"...)
	}
	return b
}
