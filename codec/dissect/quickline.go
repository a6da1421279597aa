package dissect

import (
	"encoding/binary"
	"strconv"
	"time"

	"icmplab/codec"
)

// AppendQuickLine appends the line WriteLine prints for the frame Dissect
// would build from data, start and opt, without building the tree: the
// summary at tcpdump's speed for the frames most captures are made of.
// It reports false, having appended nothing, for any frame it cannot vouch
// for, and the caller dissects that one; it never answers for a frame
// whose dissection would carry a note that shows in the line.
//
// The frames it takes: raw IP or untagged Ethernet; an IPv4 header without
// options, or an IPv6 header without extension headers, whose checksum
// verifies (IPv4), that is no fragment and whose length is the frame's
// exactly (no trailer, no truncation); an ICMP message whose checksum
// verifies, either an echo request or reply, or a destination unreachable
// or time exceeded too short to hold RFC 4884 extensions. The line's info
// column is written by appendICMPInfo, as Dissect's summary is: one place
// for it. TestQuickLineMatchesDissect and FuzzQuickLine hold the two equal.
func AppendQuickLine(dst []byte, data []byte, start Layer, opt Options, first time.Time) ([]byte, bool) {
	off := 0
	switch start {
	case LayerIP, LayerIPv4, LayerIPv6:
	case LayerEthernet:
		if len(data) < 14 {
			return dst, false
		}
		if et := codec.EtherType(binary.BigEndian.Uint16(data[12:])); et != codec.EtherTypeIPv4 && et != codec.EtherTypeIPv6 {
			return dst, false
		}
		off = 14
	default:
		return dst, false
	}
	if opt.Len > len(data) || off >= len(data) {
		return dst, false // cut by the snap length: Dissect notes it
	}
	ip := data[off:]
	p, err := codec.DecodeIP(ip)
	if err != nil || !p.HasICMP {
		return dst, false
	}
	var info ICMPInfo
	switch p.Family {
	case codec.IPv4:
		h := &p.V4
		if h.IHL != 5 || h.Sum.Status != codec.ChecksumGood || h.Flags&codec.IPv4FlagMF != 0 || h.FragOff != 0 ||
			int(h.TotalLength) != len(ip) || start == LayerIPv6 {
			return dst, false
		}
		info.Src, info.Dst, info.TTL = h.Src, h.Dst, h.TTL
	case codec.IPv6:
		h := &p.V6
		if h.NextHeader != codec.ProtoICMPv6 || int(h.PayloadLen)+40 != len(ip) || start == LayerIPv4 {
			return dst, false
		}
		info.Src, info.Dst, info.TTL = h.Src, h.Dst, h.HopLimit
	default:
		return dst, false
	}
	m := p.ICMP
	if m.Sum.Status != codec.ChecksumGood {
		return dst, false
	}
	switch {
	case m.Kind == codec.KindEcho:
		body := m.Body()
		if len(body) < 4 {
			return dst, false
		}
		info.HasID = true
		info.ID, info.Seq = binary.BigEndian.Uint16(body), binary.BigEndian.Uint16(body[2:])
	case m.Kind == codec.KindError && quickError(m):
		e, ok := m.Error()
		if !ok || len(e.Quote) == 0 || e.Ext.Present() {
			return dst, false
		}
		info.MTU, info.Pointer, info.Gateway = e.MTU, e.Pointer, e.Gateway
		fk, qerr := m.QuotedFlow()
		if qerr != nil || !quickQuote(fk, e.Quote) {
			return dst, false
		}
		info.Quoted = &fk
	default:
		return dst, false
	}
	info.Message, info.Family, info.Type, info.Code = m, m.Family, m.Type, m.Code
	info.TypeName, info.Checksum = m.Name(), m.Sum
	if ci, ok := codec.LookupCode(m.Family, m.Type, m.Code); ok {
		info.CodeName = ci.Name
	}

	proto := "ICMP"
	if m.Family == codec.IPv6 {
		proto = "ICMPv6"
	}
	length := max(opt.Len, len(data))
	// The columns go straight into dst: source, destination and info are
	// written in place and the line assembled around them.
	return appendLineWith(dst, opt.Number, opt.Time, first, func(b []byte) []byte {
		b = appendAddr(b, info.Src)
		b = append(b, " → "...)
		b = appendAddr(b, info.Dst)
		b = append(b, ' ')
		b = append(b, proto...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(length), 10)
		b = append(b, ' ')
		return appendICMPInfo(b, &info, opt.Lang)
	}), true
}

// quickError is the errors AppendQuickLine takes: the two a traceroute and
// a failed ping meet, in both families.
func quickError(m codec.Message) bool {
	if len(m.Bytes()) >= 8+128 {
		return false // room for RFC 4884 extensions: Dissect looks for them
	}
	if m.Family == codec.IPv4 {
		return m.Type == codec.ICMPv4DestinationUnreachable || m.Type == codec.ICMPv4TimeExceeded
	}
	return m.Type == codec.ICMPv6DestinationUnreachable || m.Type == codec.ICMPv6TimeExceeded
}

// quickQuote takes a quoted datagram read whole to its transport header:
// IPv4 without options or IPv6 without extension headers, carrying UDP or
// an ICMP echo, with at least the transport's first 8 bytes.
func quickQuote(fk codec.FlowKey, quote []byte) bool {
	if !fk.Complete || !fk.Dst.IsValid() {
		return false
	}
	// The quoted IP header (RFC 791 and RFC 8200 diagrams): its length
	// field must be at least what is quoted, as a router cuts the datagram
	// and never pads it.
	const (
		v4HeaderLen  = 20
		v6HeaderLen  = 40
		v4TotalLen   = 2
		v4FlagsFrag  = 6
		v6PayloadLen = 4
		v6NextHeader = 6
		flagDF       = 0x4000
		udpLen       = 4
	)
	var ipLen, transport int // the datagram's length by its header, where its transport starts
	switch fk.Family {
	case codec.IPv4:
		if len(quote) < v4HeaderLen+8 || quote[0] != 0x45 || codec.Checksum(quote[:v4HeaderLen]) != 0 {
			return false
		}
		// Flags and fragment offset: anything but DF (a fragment, the
		// reserved bit) gets a note from Dissect.
		if binary.BigEndian.Uint16(quote[v4FlagsFrag:])&^flagDF != 0 {
			return false
		}
		ipLen, transport = int(binary.BigEndian.Uint16(quote[v4TotalLen:])), v4HeaderLen
	case codec.IPv6:
		if len(quote) < v6HeaderLen+8 || quote[0]>>4 != 6 {
			return false
		}
		if nh := quote[v6NextHeader]; nh != codec.ProtoUDP && nh != codec.ProtoICMPv6 {
			return false
		}
		ipLen, transport = v6HeaderLen+int(binary.BigEndian.Uint16(quote[v6PayloadLen:])), v6HeaderLen
	default:
		return false
	}
	if ipLen < len(quote) {
		return false
	}
	switch fk.Proto {
	case codec.ProtoUDP:
		// The UDP length agrees with the IP header's.
		return int(binary.BigEndian.Uint16(quote[transport+udpLen:])) == ipLen-transport
	case codec.ProtoICMP, codec.ProtoICMPv6:
		return fk.ICMPType == codec.ICMPv4EchoRequest && fk.Family == codec.IPv4 ||
			fk.ICMPType == codec.ICMPv6EchoRequest && fk.Family == codec.IPv6
	}
	return false
}
