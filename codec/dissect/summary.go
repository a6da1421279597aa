package dissect

import (
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

// appendICMPInfo appends the info column of an ICMP message to b in l: its
// name, the code's name, id and seq, TTL, what an error quotes. Dissect's
// summary and the fast path (AppendQuickLine) both write it here; only the
// words come from l's table, never the numbers or their order.
func appendICMPInfo(b []byte, i *ICMPInfo, l Lang) []byte {
	w := l.summaryWords()
	b = append(b, w.typeName(i)...)
	if i.CodeName != "" && (i.Message.IsError() || i.Code != 0) {
		b = append(b, " ("...)
		b = append(b, w.codeName(i)...)
		b = append(b, ')')
	} else if i.CodeName == "" && i.Code != 0 {
		b = append(b, w.code...)
		b = strconv.AppendUint(b, uint64(i.Code), 10)
		b = append(b, ')')
	}
	if i.HasID {
		b = append(b, " id="...)
		b = appendHex(b, uint32(i.ID), 2)
		b = append(b, ", seq="...)
		b = strconv.AppendUint(b, uint64(i.Seq), 10)
		// Both byte orders, as tshark: Windows counts in little-endian.
		// An extended echo's sequence is 8 bits: one order only.
		if k := i.Message.Kind; k != codec.KindExtendedEchoRequest && k != codec.KindExtendedEchoReply {
			b = append(b, '/')
			b = strconv.AppendUint(b, uint64(i.Seq>>8|i.Seq<<8), 10)
		}
		if i.Src.IsValid() {
			hop := ", ttl="
			if i.Family == icmpV6 {
				hop = ", hlim="
			}
			b = append(b, hop...)
			b = strconv.AppendUint(b, uint64(i.TTL), 10)
		}
	}
	if i.Target.IsValid() {
		b = append(b, w.target...)
		b = i.Target.AppendTo(b)
	}
	if i.MTU != 0 {
		b = append(b, " mtu="...)
		b = strconv.AppendUint(b, uint64(i.MTU), 10)
	}
	if i.Gateway.IsValid() {
		b = append(b, w.gateway...)
		b = i.Gateway.AppendTo(b)
	}
	if q := i.Quoted; q != nil && q.Dst.IsValid() {
		b = append(b, w.quotes...)
		b = appendQuotedFlow(b, q, w)
		b = append(b, ']')
	}
	for k := range i.Extensions {
		b = appendExtensionInfo(b, &i.Extensions[k], w)
	}
	if i.Checksum.Status == codec.ChecksumBad {
		b = append(b, w.badChecksum...)
	}
	return b
}

// appendQuotedFlow appends the flow of the datagram an error quotes:
// "198.18.0.1 → 198.18.0.9 UDP 40000 → 33435", the same in every language
// but for the name of a protocol that is not an acronym (an IPv6 extension
// header the quote ends in, "IPv6 다음 헤더 없음 (No Next Header)").
func appendQuotedFlow(b []byte, q *codec.FlowKey, w *summaryWords) []byte {
	b = appendAddr(b, q.Src)
	b = append(b, " → "...)
	b = q.Dst.AppendTo(b)
	b = append(b, ' ')
	b = append(b, protoWord(w.lang(), q.Proto)...)
	if !q.Complete {
		return b
	}
	switch q.Proto {
	case codec.ProtoUDP, codec.ProtoTCP:
		b = append(b, ' ')
		b = strconv.AppendUint(b, uint64(q.SrcPort), 10)
		b = append(b, " → "...)
		b = strconv.AppendUint(b, uint64(q.DstPort), 10)
	case codec.ProtoICMP, codec.ProtoICMPv6:
		b = append(b, " id="...)
		b = appendHex(b, uint32(q.ID), 2)
		b = append(b, " seq="...)
		b = strconv.AppendUint(b, uint64(q.Seq), 10)
	}
	return b
}

// appendExtensionInfo appends what one RFC 4884 extension object says:
// MPLS labels (RFC 4950), an interface (RFC 5837), the interface a PROBE
// asks about (RFC 8335).
func appendExtensionInfo(b []byte, x *ExtInfo, w *summaryWords) []byte {
	for _, e := range x.MPLS {
		b = append(b, w.mplsLabel...)
		b = strconv.AppendUint(b, uint64(e.Label), 10)
		b = append(b, ']')
	}
	if ii := x.Interface; ii != nil {
		b = append(b, w.iface...)
		if w.registryKO {
			b = append(b, ii.Role.KO()...)
		} else {
			b = append(b, ii.Role.String()...)
		}
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
			b = append(strconv.AppendQuote(append(b, w.probingName...), id.Name), ']')
		case codec.IdentByIndex:
			b = append(strconv.AppendUint(append(b, w.probingIndex...), uint64(id.Index), 10), ']')
		case codec.IdentByAddress:
			b = append(appendAddr(append(b, w.probingName...), id.Addr), ']')
		}
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
