package dissect

import (
	"fmt"
	"strconv"
	"strings"

	"icmplab/codec"
)

// protoColumn maps the innermost layer short name to the protocol column.
var protoColumn = map[string]string{
	"icmp": "ICMP", "icmpv6": "ICMPv6", "udp": "UDP", "tcp": "TCP", "ip": "IPv4", "ipv6": "IPv6",
	"eth": "Ethernet", "gre": "GRE", "vxlan": "VXLAN", "mpls": "MPLS", "ppp": "PPP",
}

// buildSummary fills Src, Dst, Protocol, Info and Summary, like tshark's
// one-line output.
func (f *Frame) buildSummary() {
	i := f.ICMP
	if i != nil {
		if i.Src.IsValid() {
			f.Src, f.Dst = i.Src.String(), i.Dst.String()
		}
		f.Protocol = "ICMP"
		if i.Family == icmpV6 {
			f.Protocol = "ICMPv6"
		}
		f.Info = icmpInfoColumn(i)
		if len(f.Errors) > 0 {
			f.Info += " [Malformed: " + f.Errors[0].Message + "]"
		}
	} else {
		f.Src, f.Dst, f.Protocol, f.Info = f.fallbackColumns()
	}
	var b strings.Builder
	b.Grow(len(f.Src) + len(f.Dst) + len(f.Protocol) + len(f.Info) + 16)
	if f.Src != "" || f.Dst != "" {
		b.WriteString(f.Src)
		b.WriteString(" → ")
		b.WriteString(f.Dst)
		b.WriteByte(' ')
	}
	b.WriteString(f.Protocol)
	b.WriteByte(' ')
	b.WriteString(itoa(f.Len))
	if f.Info != "" {
		b.WriteByte(' ')
		b.WriteString(f.Info)
	}
	f.Summary = b.String()
}

// icmpInfoColumn is the info column of an ICMP message: its name, the code's
// name, id and seq, TTL, what an error quotes.
func icmpInfoColumn(i *ICMPInfo) string {
	var b strings.Builder
	b.Grow(64)
	b.WriteString(i.TypeName)
	if i.CodeName != "" && i.Message.IsError() || i.CodeName != "" && i.Code != 0 {
		fmt.Fprintf(&b, " (%s)", i.CodeName)
	} else if i.CodeName == "" && i.Code != 0 {
		fmt.Fprintf(&b, " (code %d)", i.Code)
	}
	if i.HasID {
		if k := i.Message.Kind; k == codec.KindExtendedEchoRequest || k == codec.KindExtendedEchoReply {
			fmt.Fprintf(&b, " id=0x%04x, seq=%d", i.ID, i.Seq) // an 8-bit sequence
		} else {
			// Both byte orders, as tshark: Windows counts in little-endian.
			var buf [48]byte
			x := append(buf[:0], " id="...)
			x = appendHex(x, uint32(i.ID), 2)
			x = append(x, ", seq="...)
			x = strconv.AppendUint(x, uint64(i.Seq), 10)
			x = append(x, '/')
			x = strconv.AppendUint(x, uint64(i.Seq>>8|i.Seq<<8), 10)
			b.Write(x)
		}
		if i.Src.IsValid() {
			w := ", ttl="
			if i.Family == icmpV6 {
				w = ", hlim="
			}
			b.WriteString(w)
			b.WriteString(itoa(int(i.TTL)))
		}
	}
	if i.Target.IsValid() {
		fmt.Fprintf(&b, " for %s", i.Target)
	}
	if i.MTU != 0 {
		fmt.Fprintf(&b, " mtu=%d", i.MTU)
	}
	if i.Gateway.IsValid() {
		fmt.Fprintf(&b, " gateway=%s", i.Gateway)
	}
	if q := i.Quoted; q != nil && q.Dst.IsValid() {
		fmt.Fprintf(&b, " [quotes %s → %s %s", q.Src, q.Dst, protoWord(q.Proto))
		switch q.Proto {
		case codec.ProtoUDP, codec.ProtoTCP:
			if q.Complete {
				fmt.Fprintf(&b, " %d → %d", q.SrcPort, q.DstPort)
			}
		case codec.ProtoICMP, codec.ProtoICMPv6:
			if q.Complete {
				fmt.Fprintf(&b, " id=0x%04x seq=%d", q.ID, q.Seq)
			}
		}
		b.WriteString("]")
	}
	for _, x := range i.Extensions {
		for _, e := range x.MPLS {
			fmt.Fprintf(&b, " [MPLS label %d]", e.Label)
		}
		if ii := x.Interface; ii != nil {
			b.WriteString(" [" + roleName(ii.Role))
			if ii.HasName {
				fmt.Fprintf(&b, " %q", ii.Name)
			}
			if ii.HasAddr {
				b.WriteString(" " + ii.Addr.String())
			}
			if ii.HasIndex {
				fmt.Fprintf(&b, " ifindex %d", ii.Index)
			}
			if ii.HasMTU {
				fmt.Fprintf(&b, " mtu %d", ii.MTU)
			}
			b.WriteString("]")
		}
		if id := x.Ident; id != nil {
			switch x.CType {
			case 1:
				fmt.Fprintf(&b, " [probing interface %q]", id.Name)
			case 2:
				fmt.Fprintf(&b, " [probing ifindex %d]", id.Index)
			case 3:
				fmt.Fprintf(&b, " [probing interface %s]", id.Addr)
			}
		}
	}
	if i.Checksum.Status == codec.ChecksumBad {
		b.WriteString(" [BAD CHECKSUM]")
	}
	return b.String()
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
		case n.Field == "ip.fragment" || n.Field == "ipv6.fragment":
			info += " of " + n.Value // "Fragment of IPv4 datagram ..."
		case n.Value != "":
			info += ": " + n.Value
		}
		if n.Field != "data" && j+1 < len(f.Root) && f.Root[j+1].Field == "data" {
			info += ", " + f.Root[j+1].Value + " of data"
		}
		break
	}
	if len(f.Errors) > 0 {
		info += " [Malformed: " + f.Errors[0].Message + "]"
	}
	return
}
