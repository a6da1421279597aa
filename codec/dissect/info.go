package dissect

import (
	"fmt"
	"net/netip"
	"strings"

	"icmplab/codec"
)

// ICMPInfo is the outermost ICMP message of a frame, decoded for programs:
// what the JSON record and the summary line are made from.
type ICMPInfo struct {
	Message  codec.Message
	Family   codec.Family
	Src, Dst netip.Addr // of the IP header around the message; invalid when none
	TTL      uint8      // TTL or hop limit of that header
	Type     codec.Type
	Code     codec.Code
	TypeName string
	CodeName string
	Checksum codec.ChecksumCheck
	// HasID is set for messages with an identifier and sequence number
	// (echo, timestamp, information, address mask, extended echo).
	HasID   bool
	ID, Seq uint16
	// MTU, Pointer and Gateway of the error types that carry them.
	MTU     uint32
	Pointer uint32
	Gateway netip.Addr
	// Target is the address a neighbour solicitation, advertisement or
	// redirect is about.
	Target netip.Addr
	// Quoted is the flow of the datagram an error quotes.
	Quoted *codec.FlowKey
	// Layout says where the extension structure was found; Extensions lists
	// its objects decoded.
	Layout     codec.ExtLayout
	Extensions []ExtInfo
	// Sentence says in plain words what an error means for its sender.
	Sentence string
}

// ExtInfo is one extension object decoded.
type ExtInfo struct {
	Class     codec.ExtClass
	CType     uint8
	MPLS      []MPLSInfo
	Interface *codec.InterfaceInfo
	Ident     *codec.InterfaceIdent
}

// MPLSInfo is one label stack entry of an RFC 4950 object.
type MPLSInfo struct {
	Label uint32
	Exp   uint8
	S     bool
	TTL   uint8
}

// recordICMP fills the frame's ICMPInfo from the outermost message.
func (d *dissector) recordICMP(info *ICMPInfo, m codec.Message) {
	info.Message = m
	info.Family = m.Family
	info.Type, info.Code = m.Type, m.Code
	info.TypeName, info.CodeName = m.Name(), ""
	if ci, ok := codec.LookupCode(m.Family, m.Type, m.Code); ok {
		info.CodeName = ci.Name
	}
	info.Checksum = m.Sum
	if d.ip.version != 0 {
		info.Src, info.Dst, info.TTL = d.ip.src, d.ip.dst, d.ip.ttl
	}
	info.Sentence = sentence(info)
	d.f.ICMP = info
}

// protoWord is how a sentence names a quoted probe's protocol.
func protoWord(p uint8) string {
	switch p {
	case codec.ProtoICMP, codec.ProtoICMPv6:
		return "ICMP"
	case codec.ProtoUDP:
		return "UDP"
	case codec.ProtoTCP:
		return "TCP"
	case codec.ProtoHopByHop, codec.ProtoRouting, codec.ProtoFragment, codec.ProtoDstOpts, codec.ProtoAH, codec.ProtoESP:
		return "IPv6" // the quote ended in the extension headers
	}
	return ipProtoName(p)
}

// sentence says in plain words what an ICMP error means to the host that
// receives it, from the quoted datagram: "your UDP probe to 198.18.1.9 port
// 33435 with TTL 1 expired at 198.18.0.1".
func sentence(i *ICMPInfo) string {
	if !i.Message.IsError() {
		return ""
	}
	at := "a router"
	if i.Src.IsValid() {
		at = i.Src.String()
	}
	what := "your packet"
	if q := i.Quoted; q != nil && q.Dst.IsValid() {
		what = "your " + protoWord(q.Proto) + " packet to " + q.Dst.String()
		switch q.Proto {
		case codec.ProtoUDP, codec.ProtoTCP:
			if q.Complete || q.DstPort != 0 {
				what += fmt.Sprintf(" port %d", q.DstPort)
			}
		case codec.ProtoICMP, codec.ProtoICMPv6:
			if q.Complete {
				what = fmt.Sprintf("your ICMP %s to %s (id %d, seq %d)", strings.ToLower(codec.TypeName(q.Family, q.ICMPType)), q.Dst, q.ID, q.Seq)
			}
		}
	}
	reason := strings.ToLower(i.CodeName)
	if reason == "" {
		reason = "code " + itoa(int(i.Code))
	}
	switch {
	case i.Family == icmpV4 && i.Type == codec.ICMPv4TimeExceeded, i.Family == icmpV6 && i.Type == codec.ICMPv6TimeExceeded:
		if i.Code == codec.CodeReassemblyExceeded {
			return fmt.Sprintf("%s could not be reassembled in time at %s", what, at)
		}
		ttl := ""
		if q := i.Quoted; q != nil {
			w := "TTL"
			if q.Family == icmpV6 {
				w = "hop limit"
			}
			ttl = fmt.Sprintf(" with %s %d", w, q.TTL)
		}
		return strings.Replace(what, " packet", " probe", 1) + ttl + " expired at " + at
	case i.Family == icmpV4 && i.Type == codec.ICMPv4DestinationUnreachable, i.Family == icmpV6 && i.Type == codec.ICMPv6DestinationUnreachable:
		s := fmt.Sprintf("%s was not delivered: %s, says %s", what, reason, at)
		if i.MTU != 0 {
			s += fmt.Sprintf(" (next-hop MTU %d)", i.MTU)
		}
		return s
	case i.Family == icmpV6 && i.Type == codec.ICMPv6PacketTooBig:
		return fmt.Sprintf("%s is too big for the next link at %s: MTU %d", what, at, i.MTU)
	case i.Family == icmpV4 && i.Type == codec.ICMPv4ParameterProblem, i.Family == icmpV6 && i.Type == codec.ICMPv6ParameterProblem:
		return fmt.Sprintf("%s has a problem in its header at byte %d (%s), says %s", what, i.Pointer, reason, at)
	case i.Family == icmpV4 && i.Type == codec.ICMPv4Redirect:
		return fmt.Sprintf("%s should go via %s, says %s (%s)", what, i.Gateway, at, reason)
	case i.Family == icmpV4 && i.Type == codec.ICMPv4SourceQuench:
		return fmt.Sprintf("%s: %s asks you to slow down", what, at)
	}
	return fmt.Sprintf("%s: %s (%s), says %s", what, strings.ToLower(i.TypeName), reason, at)
}
