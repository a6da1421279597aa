package dissect

import (
	"fmt"
	"net/netip"

	"icmplab/codec"
)

// IPv6 option types (IANA "Destination Options and Hop-by-Hop Options").
const (
	ip6OptPad1        uint8 = 0x00
	ip6OptPadN        uint8 = 0x01
	ip6OptRouterAlert uint8 = 0x05
	ip6OptJumbo       uint8 = 0xc2
)

// IPv6 routing header types.
const (
	ip6RouteType0 uint8 = 0 // deprecated by RFC 5095, still in captures
	ip6RouteSRH   uint8 = 4 // segment routing, RFC 8754
)

// ipv6 dissects an IPv6 header, its extension headers and what they carry.
func (d *dissector) ipv6(parent *Node, off, end int) {
	const hdr = codec.IPv6HeaderLen
	avail := end - off
	if avail < hdr {
		nd := d.truncatedHeader(parent, "Internet Protocol Version 6", "ipv6", off, end, hdr)
		d.data(nd, "Data", off, end)
		return
	}
	nd := d.proto(parent, "Internet Protocol Version 6", "ipv6", off, hdr)
	ver, _ := d.bits(nd, "Version", "ipv6.version", off, 4, 0xf0000000, nil)
	if ver != 6 {
		d.errorf(nd, off, NoteIPv6Version, ver, off)
	}
	tc, tcn := d.bitsRaw(nd, "Traffic Class", "ipv6.tclass", off, 4, 0x0ff00000)
	st := d.vals.mark()
	d.vals.buf = appendHex(d.vals.buf, tc, 1)
	d.value(tcn, st)
	d.bits(tcn, "Differentiated Services Codepoint", "ipv6.tclass.dscp", off, 4, 0x0fc00000, nil)
	d.bits(tcn, "Explicit Congestion Notification", "ipv6.tclass.ecn", off, 4, 0x00300000, nil)
	fl, fln := d.bitsRaw(nd, "Flow Label", "ipv6.flow", off, 4, 0x000fffff)
	st = d.vals.mark()
	d.vals.buf = codec.AppendHex(append(d.vals.buf, "0x"...), uint64(fl), 5) // 20 bits
	d.value(fln, st)
	plen, pln := d.uint(nd, "Payload Length", "ipv6.plen", off+codec.IPv6PayloadLengthOffset, 2)
	nh := d.b[off+codec.IPv6NextHeaderOffset]
	nxn := d.add(nd, "Next Header", "ipv6.nxt", off+codec.IPv6NextHeaderOffset, 1, "")
	st = d.vals.mark()
	d.vals.buf = appendNameNum(d.vals.buf, d.protoName(nh), uint64(nh))
	d.value(nxn, st)
	hlim, _ := d.uint(nd, "Hop Limit", "ipv6.hlim", off+codec.IPv6HopLimitOffset, 1)
	src, _ := d.addr(nd, "Source Address", "ipv6.src", off+codec.IPv6SrcOffset, 16)
	dst, _ := d.addr(nd, "Destination Address", "ipv6.dst", off+codec.IPv6DstOffset, 16)
	d.srcDst(nd, src, dst)

	stop := off + hdr + int(plen)
	truncated := false
	jumbo := plen == 0 && nh == codec.ProtoHopByHop
	switch {
	case jumbo:
		stop = end // the jumbo payload length option says; checked below
	case stop > end:
		switch {
		case d.quoted:
			truncated = true
			d.note(pln, SevNote, off+codec.IPv6PayloadLengthOffset, NoteQuoteHolds, avail, hdr+int(plen))
		case d.truncatedByCapture(stop):
			truncated = true
			d.note(pln, SevNote, off+codec.IPv6PayloadLengthOffset, NoteCaptureKept, avail, hdr+int(plen))
		default:
			d.errorf(pln, off+codec.IPv6PayloadLengthOffset, NoteIPv6PayloadLong, plen, avail-hdr)
		}
		stop = end
	}
	d.ip = ipContext{off: off, version: 6, src: src, dst: dst, pseudoDst: dst, ttl: uint8(hlim), truncated: truncated}

	// Extension headers.
	p := off + hdr
	for hops := 0; ; hops++ {
		if hops > 16 {
			d.errorf(nd, p, NoteIPv6TooManyExt, p)
			d.data(parent, "Data", p, stop)
			return
		}
		switch nh {
		case codec.ProtoHopByHop, codec.ProtoDstOpts, codec.ProtoRouting, codec.ProtoFragment, codec.ProtoAH:
		default:
			d.ip.proto = nh
			d.upper(parent, nh, p, stop)
			d.trailer(parent, stop, end)
			return
		}
		next, n, ok := d.ip6Ext(parent, nh, p, stop)
		if !ok {
			return
		}
		if nh == codec.ProtoFragment {
			d.ip.proto = next
			d.ipv6Fragment(parent, nd, p, p+n, stop, next)
			d.trailer(parent, stop, end)
			return
		}
		nh = next
		p += n
	}
}

// trailer shows bytes after the datagram: Ethernet padding at the root, or
// what a router quoted beyond the datagram's own length.
func (d *dissector) trailer(parent *Node, stop, end int) {
	switch {
	case stop >= end:
	case d.quoted:
		d.add(parent, "Bytes after the quoted datagram", "data", stop, end-stop, d.byteCount(end-stop))
	case parent == nil:
		d.data(nil, "Trailer", stop, end)
	}
}

// ip6Ext dissects one extension header at p; it returns the next header,
// the header's length, and false when dissection cannot go on.
func (d *dissector) ip6Ext(parent *Node, t uint8, p, stop int) (uint8, int, bool) {
	label := ipProtoName(t) // "IPv6 Hop-by-Hop Option", ...
	short := map[uint8]string{codec.ProtoHopByHop: "ipv6.hopopts", codec.ProtoDstOpts: "ipv6.dstopts",
		codec.ProtoRouting: "ipv6.routing", codec.ProtoFragment: "ipv6.fraghdr", codec.ProtoAH: "ah"}[t]
	if t == codec.ProtoAH {
		label = "Authentication Header"
	}
	if stop-p < 8 {
		nd := d.truncatedHeader(parent, label, short, p, stop, 8)
		if d.quoted {
			nd.Notes = nd.Notes[:0]
			d.note(nd, SevNote, p, NoteQuoteEndsInside, nd.Label)
		}
		return 0, 0, false
	}
	var n int
	switch t {
	case codec.ProtoFragment:
		n = 8
	case codec.ProtoAH:
		n = (int(d.b[p+1]) + 2) * 4
	default:
		n = (int(d.b[p+1]) + 1) * 8
	}
	nd := d.proto(parent, label, short, p, n)
	next := d.b[p]
	d.add(nd, "Next Header", short+".nxt", p, 1, fmt.Sprintf("%s (%d)", d.protoName(next), next))
	if t != codec.ProtoFragment {
		d.uint(nd, "Length", short+".len", p+1, 1)
	}
	if n > stop-p {
		nd.Length = stop - p
		if d.quoted {
			d.note(nd, SevNote, p+1, NoteQuoteEndsInside, nd.Label)
		} else {
			d.errorf(nd, p+1, NoteIPv6ExtLong, nd.Label, n, p+1, stop-p)
		}
		return 0, 0, false
	}
	switch t {
	case codec.ProtoHopByHop, codec.ProtoDstOpts:
		d.ip6Options(nd, short, p+2, p+n)
	case codec.ProtoRouting:
		d.ip6Routing(nd, p, n)
	case codec.ProtoFragment:
		d.hexField(nd, "Reserved", "ipv6.fraghdr.reserved_octet", p+1, 1)
		d.bits(nd, "Offset", "ipv6.fraghdr.offset", p+2, 2, 0xfff8, func(v uint32) string {
			return fmt.Sprintf("%d (%d%s)", v, v*8, d.bytesWord())
		})
		d.bits(nd, "Reserved bits", "ipv6.fraghdr.reserved_bits", p+2, 2, 0x0006, nil)
		d.flag(nd, "More Fragments", "ipv6.fraghdr.more", p+2, 2, 0x0001)
		d.hexField(nd, "Identification", "ipv6.fraghdr.ident", p+4, 4)
	case codec.ProtoAH:
		d.hexField(nd, "Reserved", "ah.reserved", p+2, 2)
		d.hexField(nd, "AH SPI", "ah.spi", p+4, 4)
		if n >= 12 {
			d.uint(nd, "AH Sequence", "ah.sequence", p+8, 4)
		}
		if n > 12 {
			d.add(nd, "AH ICV", "ah.icv", p+12, n-12, hexBytes(d.b[p+12:p+n]))
		}
	}
	return next, n, true
}

// ip6Options dissects hop-by-hop or destination option TLVs.
func (d *dissector) ip6Options(nd *Node, short string, p, end int) {
	for p < end {
		t := d.b[p]
		if t == ip6OptPad1 {
			d.add(nd, "Pad1", short+".opt.type", p, 1, "")
			p++
			continue
		}
		if end-p < 2 || p+2+int(d.b[p+1]) > end {
			o := d.add(nd, fmt.Sprintf("Option %d", t), short+".opt.type", p, end-p, "")
			if d.opt.Lang != LangEN {
				o.Label = "옵션 (Option) " + itoa(int(t))
			}
			d.errorf(o, p, NoteIPv6OptionFit, t, p, end-p)
			return
		}
		ln := int(d.b[p+1])
		label := fmt.Sprintf("Option 0x%02x", t)
		switch t {
		case ip6OptPadN:
			label = "PadN"
		case ip6OptRouterAlert:
			label = "Router Alert"
		case ip6OptJumbo:
			label = "Jumbo Payload"
		}
		o := d.add(nd, label, short+".opt", p, 2+ln, "")
		if label[0] == 'O' { // no name: the number says which
			d.labelSuffix(o, " ", hexOnly(uint32(t), 1))
		}
		o.Explain = short + ".opt.type"
		d.hexField(o, "Type", short+".opt.type", p, 1)
		d.uint(o, "Length", short+".opt.length", p+1, 1)
		switch {
		case t == ip6OptPadN:
			o.Value = d.byteCount(ln)
			if ln > 0 {
				d.add(o, "Padding", short+".opt.padn", p+2, ln, hexBytes(d.b[p+2:p+2+ln]))
			}
		case t == ip6OptRouterAlert && ln == 2:
			v, _ := d.uint(o, "Router Alert", "ipv6.opt.router_alert", p+2, 2)
			o.Value = itoa(int(v))
		case t == ip6OptJumbo && ln == 4:
			v, _ := d.uint(o, "Payload Length", "ipv6.opt.jumbo", p+2, 4)
			o.Value = itoa(int(v))
		case ln > 0:
			o.Value = hexBytes(d.b[p+2 : p+2+ln])
			d.add(o, "Data", short+".opt.data", p+2, ln, o.Value)
		}
		p += 2 + ln
	}
}

// routedTo records the final destination of a routing header: the
// upper-layer checksum's pseudo-header uses it, here and in WorkedChecksums.
func (d *dissector) routedTo(final netip.Addr) {
	d.ip.pseudoDst = final
	if !d.quoted && d.src == 0 {
		d.f.routedDsts = append(d.f.routedDsts, routedDst{off: d.ip.off, dst: final})
	}
}

// ip6Routing dissects a routing header and notes the final destination the
// upper-layer checksum must use (RFC 8200 8.1).
func (d *dissector) ip6Routing(nd *Node, p, n int) {
	rt, _ := d.uint(nd, "Type", "ipv6.routing.type", p+2, 1)
	sl, _ := d.uint(nd, "Segments Left", "ipv6.routing.segleft", p+3, 1)
	switch uint8(rt) {
	case ip6RouteType0:
		d.hexField(nd, "Reserved", "ipv6.routing.type0.reserved", p+4, 4)
		var last netip.Addr
		for a := p + 8; a+16 <= p+n; a += 16 {
			last, _ = d.addr(nd, "Address", "ipv6.routing.type0.addr", a, 16)
		}
		if sl > 0 && last.IsValid() {
			d.routedTo(last)
		}
	case ip6RouteSRH:
		d.uint(nd, "Last Entry", "ipv6.routing.srh.last_entry", p+4, 1)
		d.hexField(nd, "Flags", "ipv6.routing.srh.flags", p+5, 1)
		d.hexField(nd, "Tag", "ipv6.routing.srh.tag", p+6, 2)
		var first netip.Addr
		for i, a := 0, p+8; a+16 <= p+n; i, a = i+1, a+16 {
			x, xn := d.addr(nd, fmt.Sprintf("Segment[%d]", i), "ipv6.routing.srh.addr", a, 16)
			d.labelSuffix(xn, "", "["+itoa(i)+"]")
			if i == 0 {
				first = x
			}
		}
		if sl > 0 && first.IsValid() {
			d.routedTo(first)
		}
	default:
		if n > 4 {
			d.add(nd, "Data", "ipv6.routing.data", p+4, n-4, hexBytes(d.b[p+4:p+n]))
		}
	}
}

// ipv6Fragment handles the part after a fragment header.
func (d *dissector) ipv6Fragment(parent, ipNode *Node, fh, p, stop int, next uint8) {
	ip := d.ip
	fo := d.u16(fh+2) >> 3
	more := d.b[fh+3]&1 == 1
	id := d.u32(fh + 4)
	payload := d.b[p:stop]
	desc := fragDesc{v6: true, id: id, src: ip.src.String(), dst: ip.dst.String(), proto: d.protoName(next), offset: int(fo) * 8, length: len(payload)}
	if fo == 0 && !more {
		// An atomic fragment (RFC 6946): the whole datagram.
		d.upper(parent, next, p, stop)
		return
	}
	if d.opt.Reassembler != nil && !d.quoted && d.src == 0 {
		key := fragKey{v6: true, src: ip.src, dst: ip.dst, id: id, proto: next}
		whole, proto, done := d.opt.Reassembler.add(key, int(fo)*8, payload, more, ip.truncated)
		if n := d.opt.Reassembler.takeNote(); n.kind != NoteNone {
			d.note(ipNode, SevWarning, fh, n.kind, n.args...)
		}
		if !done {
			if nd := d.data(parent, "Fragment", p, stop); nd != nil {
				nd.Value, nd.Field, nd.Explain = desc.in(d.opt.Lang), "ipv6.fragment", "ipv6.fraghdr"
			}
			d.note(ipNode, SevNote, fh, NoteFragment, desc)
			return
		}
		ip.proto = proto
		d.add(parent, "Fragment", "ipv6.fragment", p, stop-p, desc.in(d.opt.Lang)+d.opt.Lang.say(", completes the datagram", ", 데이터그램 완성")).Explain = "ipv6.fraghdr"
		d.reassembled(parent, ip, d.opt.Lang.say(fmt.Sprintf("Reassembled IPv6 datagram id=0x%08x (%d bytes)", id, len(whole)),
			fmt.Sprintf("재조립된 IPv6 데이터그램 id=0x%08x (%d바이트)", id, len(whole))), whole)
		return
	}
	if fo == 0 {
		if !d.quoted {
			d.note(ipNode, SevNote, fh, NoteFirstFragment, desc)
		}
		d.ip.fragment = true
		d.upper(parent, next, p, stop)
		return
	}
	if nd := d.data(parent, "Fragment", p, stop); nd != nil {
		nd.Value, nd.Field, nd.Explain = desc.in(d.opt.Lang), "ipv6.fragment", "ipv6.fraghdr"
	}
	d.note(ipNode, SevNote, fh, NoteFragment, desc)
}
