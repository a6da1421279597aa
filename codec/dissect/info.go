package dissect

import (
	"bytes"
	"net/netip"
	"strconv"
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
	info.Sentence = ""
	if st := d.vals.mark(); info.Message.IsError() {
		d.vals.buf = appendSentenceIn(d.vals.buf, info, d.opt.Lang)
		d.vals.setString(&info.Sentence, st)
	}
	d.f.ICMP = info
}

// protoWord is how a sentence names a quoted probe's protocol, in l.
func protoWord(l Lang, p uint8) string {
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
	return protoNameIn(l, p)
}

// appendSentence appends in plain words what an ICMP error means to the
// host that receives it, from the quoted datagram: "your UDP probe to
// 198.18.1.9 port 33435 expired at 198.18.0.1; the quote shows TTL 1, what
// was left when it was dropped, not what it was sent with". It appends
// nothing for a message that is not an error.
func appendSentence(out []byte, i *ICMPInfo) []byte {
	if !i.Message.IsError() {
		return out
	}
	var atBuf, whatBuf, reasonBuf [64]byte
	at := append(atBuf[:0], "a router"...)
	if i.Src.IsValid() {
		at = i.Src.AppendTo(atBuf[:0])
	}
	what := append(whatBuf[:0], "your packet"...)
	if q := i.Quoted; q != nil && q.Dst.IsValid() {
		what = append(whatBuf[:0], "your "...)
		what = append(what, protoWord(LangEN, q.Proto)...)
		what = append(what, " packet to "...)
		what = q.Dst.AppendTo(what)
		switch q.Proto {
		case codec.ProtoUDP, codec.ProtoTCP:
			if q.Complete || q.DstPort != 0 {
				what = append(what, " port "...)
				what = strconv.AppendUint(what, uint64(q.DstPort), 10)
			}
		case codec.ProtoICMP, codec.ProtoICMPv6:
			if q.Complete {
				what = append(whatBuf[:0], "your ICMP "...)
				what = appendLower(what, codec.TypeName(q.Family, q.ICMPType))
				what = append(what, " to "...)
				what = q.Dst.AppendTo(what)
				what = append(what, " (id "...)
				what = strconv.AppendUint(what, uint64(q.ID), 10)
				what = append(what, ", seq "...)
				what = strconv.AppendUint(what, uint64(q.Seq), 10)
				what = append(what, ')')
			}
		}
	}
	reason := appendLower(reasonBuf[:0], i.CodeName)
	if len(reason) == 0 {
		reason = append(reason, "code "...)
		reason = strconv.AppendUint(reason, uint64(i.Code), 10)
	}
	b := out
	switch {
	case i.Family == icmpV4 && i.Type == codec.ICMPv4TimeExceeded, i.Family == icmpV6 && i.Type == codec.ICMPv6TimeExceeded:
		if i.Code == codec.CodeReassemblyExceeded {
			b = append(b, what...)
			b = append(b, " could not be reassembled in time at "...)
			b = append(b, at...)
			break
		}
		// The first " packet" becomes " probe".
		if k := bytes.Index(what, []byte(" packet")); k >= 0 {
			b = append(b, what[:k]...)
			b = append(b, " probe"...)
			b = append(b, what[k+len(" packet"):]...)
		} else {
			b = append(b, what...)
		}
		b = append(b, " expired at "...)
		b = append(b, at...)
		// The quote holds the TTL the probe had left when the router
		// dropped it (1 at every hop), not the TTL it was sent with:
		// say so, rather than "with TTL 1" under every hop. The probe
		// itself, when the capture has it, is named by codec/story.
		if q := i.Quoted; q != nil && q.Family != 0 {
			w := "; the quote shows TTL "
			if q.Family == icmpV6 {
				w = "; the quote shows hop limit "
			}
			b = append(b, w...)
			b = strconv.AppendUint(b, uint64(q.TTL), 10)
			b = append(b, ", what was left when it was dropped, not what it was sent with"...)
		}
	case i.Family == icmpV4 && i.Type == codec.ICMPv4DestinationUnreachable, i.Family == icmpV6 && i.Type == codec.ICMPv6DestinationUnreachable:
		b = append(b, what...)
		b = append(b, " was not delivered: "...)
		b = append(b, reason...)
		b = append(b, ", says "...)
		b = append(b, at...)
		if i.MTU != 0 {
			b = append(b, " (next-hop MTU "...)
			b = strconv.AppendUint(b, uint64(i.MTU), 10)
			b = append(b, ')')
		}
	case i.Family == icmpV6 && i.Type == codec.ICMPv6PacketTooBig:
		b = append(b, what...)
		b = append(b, " is too big for the next link at "...)
		b = append(b, at...)
		b = append(b, ": MTU "...)
		b = strconv.AppendUint(b, uint64(i.MTU), 10)
	case i.Family == icmpV4 && i.Type == codec.ICMPv4ParameterProblem, i.Family == icmpV6 && i.Type == codec.ICMPv6ParameterProblem:
		b = append(b, what...)
		b = append(b, " has a problem in its header at byte "...)
		b = strconv.AppendUint(b, uint64(i.Pointer), 10)
		b = append(b, " ("...)
		b = append(b, reason...)
		b = append(b, "), says "...)
		b = append(b, at...)
	case i.Family == icmpV4 && i.Type == codec.ICMPv4Redirect:
		b = append(b, what...)
		b = append(b, " should go via "...)
		b = appendAddr(b, i.Gateway)
		b = append(b, ", says "...)
		b = append(b, at...)
		b = append(b, " ("...)
		b = append(b, reason...)
		b = append(b, ')')
	case i.Family == icmpV4 && i.Type == codec.ICMPv4SourceQuench:
		b = append(b, what...)
		b = append(b, ": "...)
		b = append(b, at...)
		b = append(b, " asks you to slow down"...)
	default:
		b = append(b, what...)
		b = append(b, ": "...)
		b = appendLower(b, i.TypeName)
		b = append(b, " ("...)
		b = append(b, reason...)
		b = append(b, "), says "...)
		b = append(b, at...)
	}
	return b
}

// appendLower appends s in lower case, as strings.ToLower does.
func appendLower(b []byte, s string) []byte {
	for k := 0; k < len(s); k++ {
		if s[k] >= 0x80 { // not ASCII: let strings do it right
			return append(b, strings.ToLower(s)...)
		}
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}
