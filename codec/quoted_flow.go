package codec

import "net/netip"

// FlowKey identifies the probe an ICMP error refers to, from the datagram it
// quotes. Traceroute matches errors to probes with it and the capture views
// explain errors with it; both call QuotedFlow, the one place this is decoded.
type FlowKey struct {
	Family   Family // of the quoted datagram
	Proto    uint8  // upper protocol of the quoted datagram
	Src, Dst netip.Addr
	// UDP and TCP.
	SrcPort, DstPort uint16
	// ICMP echo (and extended echo) quoted: identifier and sequence.
	ICMPType Type
	ICMPCode Code
	ID, Seq  uint16
	// UDP checksum as quoted: Paris traceroute encodes the probe number here.
	UDPChecksum uint16
	// TCP sequence number as quoted (first 8 bytes of TCP carry it).
	TCPSeq uint32
	// IPv4 identification, or the low 16 bits of the IPv6 flow label.
	IPID      uint16
	FlowLabel uint32
	// What the quoted header says of the probe on its way: TTL (hop limit)
	// left at the reporting router, and TOS (traffic class), to show rewriting.
	TTL uint8
	TOS uint8
	// Complete is false when the quote ended before the transport fields.
	Complete bool
}

// QuotedFlow decodes the flow key of the datagram an error message quotes.
// Error offsets count from the start of the message.
func (m Message) QuotedFlow() (k FlowKey, err error) {
	err = k.DecodeQuote(&m)
	return k, err
}

// DecodeQuote is m.QuotedFlow() into a FlowKey the caller reuses, as a
// receive loop does with Packet.Decode: it resets k and fills it in place,
// and reads m through the pointer. Both spare a copy of a whole struct
// (the FlowKey returned, the Message received by value), which costs as
// much as decoding the quote does. A nil m is an ErrWrongKind error.
//
// The quotes traceroute meets most take probe4; every other one goes
// through QuotedFlow's general decoder.
func (k *FlowKey) DecodeQuote(m *Message) error {
	*k = FlowKey{}
	q, err := quoteOf(m)
	if err != nil {
		return err
	}
	if k.probe4(q) {
		return nil
	}
	return shift(quotedFlow(k, q), icmpFixedLen)
}

// quoteOf returns the quoted datagram of an error message, without the
// extension structure parse found after it. Small enough to be inlined.
func quoteOf(m *Message) ([]byte, error) {
	if m == nil || m.Kind != KindError || len(m.raw) < icmpFixedLen {
		return nil, notAnError(m)
	}
	end := m.quoteEnd
	if end < icmpFixedLen || end > len(m.raw) {
		end = len(m.raw)
	}
	return m.raw[icmpFixedLen:end], nil
}

// notAnError is the ErrWrongKind error for asking a quote of m.
func notAnError(m *Message) error {
	if m == nil {
		return &ParseError{Layer: "ICMP", Offset: 0, Want: phrase(phICMPError), Have: phrase(phNoMessage), Err: ErrWrongKind}
	}
	return &ParseError{Layer: m.Family.String(), Offset: 0, Want: phrase(phICMPError), Have: phrase(phType, int(m.Type)), Err: ErrWrongKind}
}

// probe4 is the quoted-flow fast path: an option-less IPv4 header, not a
// fragment, then UDP, TCP or an ICMP echo, with 8 transport bytes quoted.
// It fills the zero k and returns true for those; for anything else it
// writes nothing and returns false. It fills exactly what quotedFlow does
// (TestDecodeQuoteAgrees holds it to that).
func (k *FlowKey) probe4(q []byte) bool {
	if len(q) < IPv4MinHeaderLen+8 || q[IPv4VersionIHLOffset] != 0x45 || be16(q[IPv4FlagsFragOffset:])&0x1fff != 0 {
		return false
	}
	t := q[IPv4MinHeaderLen : IPv4MinHeaderLen+8]
	proto := q[IPv4ProtocolOffset]
	switch proto {
	case ProtoUDP:
		k.SrcPort, k.DstPort, k.UDPChecksum = be16(t), be16(t[2:]), be16(t[6:])
	case ProtoTCP:
		k.SrcPort, k.DstPort, k.TCPSeq = be16(t), be16(t[2:]), be32(t[4:])
	case ProtoICMP:
		if kindTable[0][t[ICMPTypeOffset]] != KindEcho {
			return false
		}
		k.ICMPType, k.ICMPCode = Type(t[ICMPTypeOffset]), Code(t[ICMPCodeOffset])
		k.ID, k.Seq = be16(t[EchoIDOffset:]), be16(t[EchoSeqOffset:])
	default:
		return false
	}
	k.Family, k.Proto = IPv4, proto
	k.Src, k.Dst = addr4(q[IPv4SrcOffset:]), addr4(q[IPv4DstOffset:])
	k.IPID, k.TTL, k.TOS, k.Complete = be16(q[IPv4IDOffset:]), q[IPv4TTLOffset], q[IPv4TOSOffset], true
	return true
}

// QuotedFlow decodes the flow key of a quoted datagram (IPv4 or IPv6 by its
// version nibble). Routers quote as little as the IP header and 8 bytes; a
// quote that ends before the transport fields returns what it holds with
// Complete false and an ErrTruncated *ParseError naming the missing field.
func QuotedFlow(quote []byte) (k FlowKey, err error) {
	err = quotedFlow(&k, quote)
	return k, err
}

// quotedFlow is QuotedFlow filling a zero k in place.
func quotedFlow(k *FlowKey, quote []byte) error {
	if len(quote) == 0 {
		return truncated("quoted IP", 0, phrase(phQuotedIPHeader), 0)
	}
	switch quote[0] >> 4 {
	case 4:
		return quotedFlow4(k, quote)
	case 6:
		return quotedFlow6(k, quote)
	}
	return malformed("quoted IP", 0, phrase(phIPVersion46), phrase(phVersion, int(quote[0]>>4)))
}

// quotedFlow4 reads an IPv4 quote: every header field present, even from a
// header cut short, then the transport fields.
func quotedFlow4(k *FlowKey, q []byte) error {
	k.Family = IPv4
	if len(q) >= IPv4MinHeaderLen {
		k.TOS, k.IPID, k.TTL, k.Proto = q[IPv4TOSOffset], be16(q[IPv4IDOffset:]), q[IPv4TTLOffset], q[IPv4ProtocolOffset]
		k.Src, k.Dst = addr4(q[IPv4SrcOffset:]), addr4(q[IPv4DstOffset:])
	} else {
		if len(q) > IPv4TOSOffset {
			k.TOS = q[IPv4TOSOffset]
		}
		if len(q) >= IPv4IDOffset+2 {
			k.IPID = be16(q[IPv4IDOffset:])
		}
		if len(q) > IPv4ProtocolOffset {
			k.TTL, k.Proto = q[IPv4TTLOffset], q[IPv4ProtocolOffset]
		}
		if len(q) >= IPv4SrcOffset+4 {
			k.Src = addr4(q[IPv4SrcOffset:])
		}
		return truncated("quoted IPv4", len(q), phrase(phIPv4Header), len(q))
	}
	hl := int(q[IPv4VersionIHLOffset]&0x0f) * 4
	if hl < IPv4MinHeaderLen {
		return malformed("quoted IPv4", 0, phrase(phHeaderWordsMin, 5), phrase(phWords, hl/4))
	}
	if len(q) < hl {
		return truncated("quoted IPv4", len(q), phrase(phHeaderWithOptions, hl), len(q))
	}
	if be16(q[IPv4FlagsFragOffset:])&0x1fff != 0 {
		// A non-first fragment carries no transport header.
		k.Complete = true
		return nil
	}
	return quotedTransport(k, q[hl:], hl, ProtoICMP)
}

// quotedFlow6 reads an IPv6 quote, walking its extension headers.
func quotedFlow6(k *FlowKey, q []byte) error {
	k.Family = IPv6
	if len(q) < IPv6HeaderLen {
		if len(q) >= 4 {
			vtf := be32(q)
			k.TOS, k.FlowLabel = uint8(vtf>>20), vtf&0xfffff
			k.IPID = uint16(k.FlowLabel)
		}
		if len(q) >= 8 {
			k.Proto, k.TTL = q[6], q[7]
		}
		if len(q) >= 24 {
			k.Src = addr16(q[8:24])
		}
		return truncated("quoted IPv6", len(q), phrase(phIPv6Header), len(q))
	}
	h, err := parseIPv6Header(q)
	k.TOS, k.FlowLabel, k.IPID, k.TTL = h.TrafficClass, h.FlowLabel, uint16(h.FlowLabel), h.HopLimit
	k.Src, k.Dst, k.Proto = h.Src, h.Dst, h.Upper
	if pe, ok := err.(*ParseError); ok {
		c := *pe
		c.Layer = "quoted IPv6"
		return &c
	} else if err != nil {
		return err
	}
	if h.FragOff != 0 {
		k.Complete = true
		return nil
	}
	return quotedTransport(k, q[h.UpperOff:], h.UpperOff, ProtoICMPv6)
}

// quotedTransport reads the transport fields a flow key holds from the first
// bytes of the quoted upper-layer header; base is their offset in the quote
// and icmp the protocol number of the quoting family's ICMP.
func quotedTransport(k *FlowKey, t []byte, base int, icmp uint8) error {
	switch k.Proto {
	case ProtoUDP:
		if len(t) >= 4 {
			k.SrcPort, k.DstPort = be16(t), be16(t[2:])
		}
		if len(t) < UDPHeaderLen {
			return truncated("quoted UDP", base+len(t), phrase(phQuotedUDP), len(t))
		}
		k.UDPChecksum = be16(t[6:])
	case ProtoTCP:
		if len(t) >= 4 {
			k.SrcPort, k.DstPort = be16(t), be16(t[2:])
		}
		if len(t) < 8 {
			return truncated("quoted TCP", base+len(t), phrase(phQuotedTCP), len(t))
		}
		k.TCPSeq = be32(t[4:])
	case icmp:
		layer := "quoted ICMPv4"
		if icmp == ProtoICMPv6 {
			layer = "quoted ICMPv6"
		}
		if len(t) < 2 {
			return truncated(layer, base+len(t), phrase(phICMPTypeCode), len(t))
		}
		k.ICMPType, k.ICMPCode = Type(t[0]), Code(t[1])
		fam := IPv4
		if icmp == ProtoICMPv6 {
			fam = IPv6
		}
		switch kindOf(fam, k.ICMPType) {
		case KindEcho:
			if len(t) < icmpFixedLen {
				return truncated(layer, base+len(t), phrase(phEchoHeader), len(t))
			}
			k.ID, k.Seq = be16(t[4:]), be16(t[6:])
		case KindExtendedEchoRequest, KindExtendedEchoReply:
			if len(t) < icmpFixedLen {
				return truncated(layer, base+len(t), phrase(phExtEchoHeaderIDSeq), len(t))
			}
			k.ID, k.Seq = be16(t[4:]), uint16(t[6])
		}
	}
	k.Complete = true
	return nil
}
