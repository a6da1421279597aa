package dissect

import (
	"fmt"
	"strconv"

	"icmplab/codec"
)

// protoColumn maps the innermost layer short name to the protocol column.
var protoColumn = map[string]string{
	"icmp": "ICMP", "icmpv6": "ICMPv6", "udp": "UDP", "tcp": "TCP", "ip": "IPv4", "ipv6": "IPv6",
	"eth": "Ethernet", "gre": "GRE", "vxlan": "VXLAN", "mpls": "MPLS", "ppp": "PPP",
}

// icmpSummary fills Src, Dst, Protocol, Info and Summary of a frame
// carrying ICMP, like tshark's one-line output. The summary is written into
// the frame's value buffer; Src, Dst and Info are slices of it.
func (f *Frame) icmpSummary(v *valBatch) {
	i := f.ICMP
	f.Protocol = "ICMP"
	if i.Family == icmpV6 {
		f.Protocol = "ICMPv6"
	}
	b := v.buf
	st := len(b)
	if i.Src.IsValid() {
		b = appendAddr(b, i.Src)
		v.setRange(&f.Src, st, len(b))
		b = append(b, " → "...)
		dst := len(b)
		b = appendAddr(b, i.Dst)
		v.setRange(&f.Dst, dst, len(b))
		b = append(b, ' ')
	}
	b = append(b, f.Protocol...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(f.Len), 10)
	b = append(b, ' ')
	info := len(b)
	b = appendICMPInfo(b, i, f.Lang)
	if len(f.Errors) > 0 {
		b = append(b, f.Lang.say(" [Malformed: ", " [형식 오류 (Malformed): ")...)
		b = append(b, f.Errors[0].Message...)
		b = append(b, ']')
	}
	if len(b) == info { // no info: no space before it
		b = b[:info-1]
	} else {
		v.setRange(&f.Info, info, len(b))
	}
	v.buf = b
	v.setString(&f.Summary, st)
}

// buildSummary fills Src, Dst, Protocol, Info and Summary of a frame
// without ICMP from its innermost layers.
func (f *Frame) buildSummary() {
	f.Src, f.Dst, f.Protocol, f.Info = f.fallbackColumns()
	var buf [256]byte
	b := buf[:0]
	if f.Src != "" || f.Dst != "" {
		b = append(b, f.Src...)
		b = append(b, " → "...)
		b = append(b, f.Dst...)
		b = append(b, ' ')
	}
	b = append(b, f.Protocol...)
	b = append(b, ' ')
	b = strconv.AppendInt(b, int64(f.Len), 10)
	if f.Info != "" {
		b = append(b, ' ')
		b = append(b, f.Info...)
	}
	f.Summary = string(b)
}

// appendICMPInfo appends the info column of an ICMP message to b: its name,
// the code's name, id and seq, TTL, what an error quotes.
func appendICMPInfo(b []byte, i *ICMPInfo, l Lang) []byte {
	if l != LangEN {
		return appendICMPInfoKO(b, i)
	}
	b = append(b, i.TypeName...)
	if i.CodeName != "" && i.Message.IsError() || i.CodeName != "" && i.Code != 0 {
		b = append(b, " ("...)
		b = append(b, i.CodeName...)
		b = append(b, ')')
	} else if i.CodeName == "" && i.Code != 0 {
		b = append(b, " (code "...)
		b = strconv.AppendUint(b, uint64(i.Code), 10)
		b = append(b, ')')
	}
	if i.HasID {
		if k := i.Message.Kind; k == codec.KindExtendedEchoRequest || k == codec.KindExtendedEchoReply {
			b = fmt.Appendf(b, " id=0x%04x, seq=%d", i.ID, i.Seq) // an 8-bit sequence
		} else {
			// Both byte orders, as tshark: Windows counts in little-endian.
			b = append(b, " id="...)
			b = appendHex(b, uint32(i.ID), 2)
			b = append(b, ", seq="...)
			b = strconv.AppendUint(b, uint64(i.Seq), 10)
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
		b = append(b, " for "...)
		b = i.Target.AppendTo(b)
	}
	if i.MTU != 0 {
		b = append(b, " mtu="...)
		b = strconv.AppendUint(b, uint64(i.MTU), 10)
	}
	if i.Gateway.IsValid() {
		b = append(b, " gateway="...)
		b = i.Gateway.AppendTo(b)
	}
	if q := i.Quoted; q != nil && q.Dst.IsValid() {
		b = append(b, " [quotes "...)
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
				b = fmt.Appendf(b, " id=0x%04x seq=%d", q.ID, q.Seq)
			}
		}
		b = append(b, ']')
	}
	for _, x := range i.Extensions {
		for _, e := range x.MPLS {
			b = append(b, " [MPLS label "...)
			b = strconv.AppendUint(b, uint64(e.Label), 10)
			b = append(b, ']')
		}
		if ii := x.Interface; ii != nil {
			b = append(b, " ["...)
			b = append(b, ii.Role.String()...)
			if ii.HasName {
				b = fmt.Appendf(b, " %q", ii.Name)
			}
			if ii.HasAddr {
				b = append(b, ' ')
				b = appendAddr(b, ii.Addr)
			}
			if ii.HasIndex {
				b = fmt.Appendf(b, " ifindex %d", ii.Index)
			}
			if ii.HasMTU {
				b = fmt.Appendf(b, " mtu %d", ii.MTU)
			}
			b = append(b, ']')
		}
		if id := x.Ident; id != nil {
			switch x.CType {
			case codec.IdentByName:
				b = fmt.Appendf(b, " [probing interface %q]", id.Name)
			case codec.IdentByIndex:
				b = fmt.Appendf(b, " [probing ifindex %d]", id.Index)
			case codec.IdentByAddress:
				b = fmt.Appendf(b, " [probing interface %s]", id.Addr)
			}
		}
	}
	if i.Checksum.Status == codec.ChecksumBad {
		b = append(b, " [BAD CHECKSUM]"...)
	}
	return b
}

// fallbackColumns describes a frame without ICMP from its innermost layers.
func (f *Frame) fallbackColumns() (src, dst, proto, info string) {
	var ipNode *Node
	for _, n := range f.Root {
		if n.Field == "ip" || n.Field == "ipv6" {
			ipNode = n
		}
	}
	if ipNode != nil {
		for _, k := range ipNode.Kids {
			switch k.Field {
			case "ip.src", "ipv6.src":
				src = k.Value
			case "ip.dst", "ipv6.dst":
				dst = k.Value
			}
		}
	}
	proto = "Data"
	for j := len(f.Layers) - 1; j >= 0; j-- {
		if p, ok := protoColumn[f.Layers[j]]; ok {
			proto = p
			break
		}
	}
	// The innermost layer that is not opaque bytes describes the frame.
	for j := len(f.Root) - 1; j >= 0; j-- {
		n := f.Root[j]
		if n.Field == "data" && j > 0 && f.Root[j-1].Field != "data" {
			continue
		}
		info = n.Label
		switch {
		case (n.Field == "ip.fragment" || n.Field == "ipv6.fragment") && f.Lang == LangEN:
			info += " of " + n.Value // "Fragment of IPv4 datagram ..."
		case n.Value != "":
			info += ": " + n.Value
		}
		if n.Field != "data" && j+1 < len(f.Root) && f.Root[j+1].Field == "data" {
			info += ", " + f.Lang.say(f.Root[j+1].Value+" of data", "데이터 "+f.Root[j+1].Value)
		}
		break
	}
	if len(f.Errors) > 0 {
		info += f.Lang.say(" [Malformed: ", " [형식 오류 (Malformed): ") + f.Errors[0].Message + "]"
	}
	return
}
