package dissect

import (
	"fmt"
	"net/netip"
	"strconv"

	"icmplab/codec"
)

// ipProtoName is the short name of an IP protocol, as tshark prints it.
func ipProtoName(p uint8) string {
	n, _ := codec.ProtoName(p)
	return n
}

// ipv4 dissects an IPv4 header with its options and what it carries.
func (d *dissector) ipv4(parent *Node, off, end int) {
	const minHdr = codec.IPv4MinHeaderLen
	avail := end - off
	if avail < minHdr {
		nd := d.truncatedHeader(parent, "Internet Protocol Version 4", "ip", off, end, minHdr)
		d.data(nd, "Data", off, end)
		return
	}
	ihl := int(d.b[off] & 0x0f)
	hl := ihl * 4
	nd := d.proto(parent, "Internet Protocol Version 4", "ip", off, minHdr)
	d.bits(nd, "Version", "ip.version", off, 1, 0xf0, nil)
	hv, hn := d.bitsRaw(nd, "Header Length", "ip.hdr_len", off, 1, 0x0f)
	st := d.vals.mark()
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(hv*4), 10)
	d.vals.buf = append(append(d.vals.buf, d.bytesWord()...), " ("...)
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(hv), 10)
	d.vals.buf = append(d.vals.buf, ')')
	d.value(hn, st)
	if v := d.b[off] >> 4; v != 4 {
		d.errorf(nd, off, NoteIPv4Version, v, off)
	}
	dsf := d.add(nd, "Differentiated Services Field", "ip.dsfield", off+codec.IPv4TOSOffset, 1, "")
	st = d.vals.mark()
	d.vals.buf = appendHex(d.vals.buf, uint32(d.b[off+codec.IPv4TOSOffset]), 1)
	d.value(dsf, st)
	d.bits(dsf, "Differentiated Services Codepoint", "ip.dsfield.dscp", off+codec.IPv4TOSOffset, 1, 0xfc, nil)
	d.bits(dsf, "Explicit Congestion Notification", "ip.dsfield.ecn", off+codec.IPv4TOSOffset, 1, 0x03, nil)
	tl, tln := d.uint(nd, "Total Length", "ip.len", off+codec.IPv4TotalLengthOffset, 2)
	id, _ := d.hexField(nd, "Identification", "ip.id", off+codec.IPv4IDOffset, 2)
	fln := d.add(nd, "Flags", "ip.flags", off+codec.IPv4FlagsFragOffset, 1, "")
	st = d.vals.mark()
	d.vals.buf = appendHex(d.vals.buf, uint32(d.b[off+codec.IPv4FlagsFragOffset]>>5), 1)
	d.value(fln, st)
	fln.Mask = 0xe0
	d.flag(fln, "Reserved bit", "ip.flags.rb", off+codec.IPv4FlagsFragOffset, 1, 0x80)
	d.flag(fln, "Don't fragment", "ip.flags.df", off+codec.IPv4FlagsFragOffset, 1, 0x40)
	mf := d.flag(fln, "More fragments", "ip.flags.mf", off+codec.IPv4FlagsFragOffset, 1, 0x20)
	fo, fon := d.bitsRaw(nd, "Fragment Offset", "ip.frag_offset", off+codec.IPv4FlagsFragOffset, 2, 0x1fff)
	st = d.vals.mark()
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(fo), 10)
	d.vals.buf = append(d.vals.buf, " ("...)
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(fo*8), 10)
	d.vals.buf = append(append(d.vals.buf, d.bytesWord()...), ')')
	d.value(fon, st)
	ttl, _ := d.uint(nd, "Time to Live", "ip.ttl", off+codec.IPv4TTLOffset, 1)
	proto := d.b[off+codec.IPv4ProtocolOffset]
	pn := d.add(nd, "Protocol", "ip.proto", off+codec.IPv4ProtocolOffset, 1, "")
	st = d.vals.mark()
	d.vals.buf = append(d.vals.buf, d.protoName(proto)...)
	d.vals.buf = append(d.vals.buf, " ("...)
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(proto), 10)
	d.vals.buf = append(d.vals.buf, ')')
	d.value(pn, st)
	ck := uint32(d.u16(off + 10))
	// The checksum's value is written once its verdict is known.
	ckn := d.add(nd, "Header Checksum", "ip.checksum", off+codec.IPv4ChecksumOffset, 2, "")
	src, _ := d.addr(nd, "Source Address", "ip.src", off+codec.IPv4SrcOffset, 4)
	dst, _ := d.addr(nd, "Destination Address", "ip.dst", off+codec.IPv4DstOffset, 4)
	d.srcDst(nd, src, dst)
	ckStart := d.vals.mark()
	d.vals.buf = appendHex(d.vals.buf, ck, 2)

	if ihl < 5 {
		d.value(ckn, ckStart)
		d.errorf(nd, off, NoteIPv4HeaderShort, hl, off)
		d.data(parent, "Data", off+minHdr, end)
		return
	}
	if hl > avail {
		d.value(ckn, ckStart)
		d.errorf(nd, off, NoteIPv4HeaderLong, hl, avail)
		d.data(parent, "Data", off+minHdr, end)
		return
	}
	nd.Length = hl

	// Header checksum: over the whole header with the field taken as zero.
	var s codec.Sum
	s.Add(d.b[off : off+codec.IPv4ChecksumOffset])
	s.Add(d.b[off+codec.IPv4SrcOffset : off+hl])
	if want := s.Fold(); want == uint16(ck) {
		d.vals.buf = d.appendCorrect(d.vals.buf)
		d.value(ckn, ckStart)
	} else {
		d.vals.buf = d.appendIncorrect(d.vals.buf, want)
		d.value(ckn, ckStart)
		d.note(ckn, SevWarning, off+codec.IPv4ChecksumOffset, NoteIPv4ChecksumBad, ck, want)
	}

	if hl > minHdr {
		d.ipv4Options(nd, off+minHdr, off+hl)
	}

	// Where the datagram ends.
	stop := off + int(tl)
	truncated := false
	switch {
	case int(tl) < hl:
		d.errorf(tln, off+codec.IPv4TotalLengthOffset, NoteIPv4TotalShort, tl, hl)
		stop = end
	case stop > end:
		// Only a quote or a capture cut short makes the upper checksum
		// unverifiable; a length that lies is checked over what is there,
		// as tshark does.
		switch {
		case d.quoted:
			truncated = true
			d.note(tln, SevNote, off+codec.IPv4TotalLengthOffset, NoteQuoteHolds, avail, tl)
		case d.truncatedByCapture(stop):
			truncated = true
			d.note(tln, SevNote, off+codec.IPv4TotalLengthOffset, NoteCaptureKept, avail, tl)
		default:
			d.errorf(tln, off+codec.IPv4TotalLengthOffset, NoteIPv4TotalLong, tl, avail)
		}
		stop = end
	}

	d.ip = ipContext{version: 4, src: src, dst: dst, pseudoDst: dst, ttl: uint8(ttl), proto: proto, truncated: truncated}
	if mf || fo != 0 {
		d.ipv4Fragment(parent, nd, off, hl, stop, uint16(id), uint16(fo), mf)
	} else {
		d.upper(parent, proto, off+hl, stop)
	}
	d.trailer(parent, stop, end)
}

// ipv4Fragment handles a fragment: reassembled when a Reassembler has every
// piece, else dissected as far as a first fragment goes, else shown as data.
func (d *dissector) ipv4Fragment(parent, ipNode *Node, off, hl, stop int, id, fo uint16, mf bool) {
	ip := d.ip
	payload := d.b[off+hl : stop]
	desc := fragDesc{id: uint32(id), src: ip.src.String(), dst: ip.dst.String(), proto: d.protoName(ip.proto), offset: int(fo) * 8, length: len(payload)}
	if d.opt.Reassembler != nil && !d.quoted && d.src == 0 {
		key := fragKey{v6: false, src: ip.src, dst: ip.dst, id: uint32(id), proto: ip.proto}
		whole, proto, done := d.opt.Reassembler.add(key, int(fo)*8, payload, mf, ip.truncated)
		if n := d.opt.Reassembler.takeNote(); n.kind != NoteNone {
			d.note(ipNode, SevWarning, off+6, n.kind, n.args...)
		}
		if !done {
			nd := d.data(parent, "Fragment", off+hl, stop)
			if nd != nil {
				nd.Value, nd.Field, nd.Explain = desc.in(d.opt.Lang), "ip.fragment", "ip.frag_offset"
			}
			d.note(ipNode, SevNote, off+codec.IPv4FlagsFragOffset, NoteFragment, desc)
			return
		}
		ip.proto = proto
		d.add(parent, "Fragment", "ip.fragment", off+hl, stop-off-hl, desc.in(d.opt.Lang)+d.opt.Lang.say(", completes the datagram", ", 데이터그램 완성")).Explain = "ip.frag_offset"
		d.reassembled(parent, ip, d.opt.Lang.say(fmt.Sprintf("Reassembled IPv4 datagram id=0x%04x (%d bytes)", id, len(whole)),
			fmt.Sprintf("재조립된 IPv4 데이터그램 id=0x%04x (%d바이트)", id, len(whole))), whole)
		return
	}
	if fo == 0 {
		if !d.quoted {
			d.note(ipNode, SevNote, off+codec.IPv4FlagsFragOffset, NoteFirstFragment, desc)
		}
		d.ip.fragment = true
		d.upper(parent, ip.proto, off+hl, stop)
		return
	}
	nd := d.data(parent, "Fragment", off+hl, stop)
	if nd != nil {
		nd.Value, nd.Field, nd.Explain = desc.in(d.opt.Lang), "ip.fragment", "ip.frag_offset"
	}
	d.note(ipNode, SevNote, off+codec.IPv4FlagsFragOffset, NoteFragment, desc)
}

// reassembled dissects a datagram rebuilt from fragments as a new byte source.
func (d *dissector) reassembled(parent *Node, ip ipContext, name string, whole []byte) {
	d.f.Sources = append(d.f.Sources, Source{Name: name, Data: whole})
	sub := &dissector{f: d.f, b: whole, src: len(d.f.Sources), opt: d.opt, depth: d.depth, icmpSeen: d.icmpSeen, vals: d.vals, info: d.info}
	sub.ip = ip
	sub.ip.fragment = false
	sub.ip.truncated = false
	nd := sub.add(parent, name, "ip.reassembled", 0, len(whole), d.byteCount(len(whole)))
	nd.Label, nd.Explain = name, ""
	sub.upper(parent, ip.proto, 0, len(whole))
	d.icmpSeen, d.info = sub.icmpSeen, sub.info
}

// IPv4 option numbers (IANA "IP Option Numbers", the full type byte).
const (
	ipOptEOL         uint8 = 0
	ipOptNOP         uint8 = 1
	ipOptRecordRoute uint8 = 7
	ipOptTimestamp   uint8 = 68
	ipOptLSRR        uint8 = 131
	ipOptSSRR        uint8 = 137
	ipOptRouterAlert uint8 = 148
)

// ipOptNames are the options' names as tshark writes them, each with its
// Korean, the English kept beside it in parentheses as textbooks do.
var ipOptNames = map[uint8][2]string{
	ipOptEOL:         {"End of Options List (EOL)", "옵션 목록 끝 (End of Options List, EOL)"},
	ipOptNOP:         {"No-Operation (NOP)", "무동작 (No-Operation, NOP)"},
	ipOptRecordRoute: {"Record Route (RR)", "경로 기록 (Record Route, RR)"},
	ipOptTimestamp:   {"Time Stamp (TS)", "타임스탬프 (Time Stamp, TS)"},
	ipOptLSRR:        {"Loose Source Route (LSRR)", "느슨한 출발지 경로 (Loose Source Route, LSRR)"},
	ipOptSSRR:        {"Strict Source Route (SSRR)", "엄격한 출발지 경로 (Strict Source Route, SSRR)"},
	ipOptRouterAlert: {"Router Alert (RTRALT)", "라우터 경고 (Router Alert, RTRALT)"},
}

// ipOptName is an option's name in l, or "Unknown option N" ("알 수 없는
// 옵션 N"): the number is never hidden.
func ipOptName(l Lang, t uint8) string {
	if n, ok := ipOptNames[t]; ok {
		return l.say(n[0], n[1])
	}
	return l.say("Unknown option ", "알 수 없는 옵션 ") + itoa(int(t))
}

// ipv4Options dissects the option list between off and end.
func (d *dissector) ipv4Options(ipNode *Node, off, end int) {
	opts := d.add(ipNode, "Options", "ip.options", off, end-off, d.byteCount(end-off))
	opts.Explain = "ip.options"
	p := off
	for p < end {
		t := d.b[p]
		if t == ipOptEOL || t == ipOptNOP {
			o := d.add(opts, "IP Option - "+ipOptName(LangEN, t), "ip.opt.type", p, 1, itoa(int(t)))
			d.labelSuffix(o, ": ", ipOptName(d.opt.Lang, t))
			d.ipOptType(o, p)
			p++
			if t == ipOptEOL {
				if p < end {
					d.add(opts, "Padding", "ip.opt.padding", p, end-p, d.byteCount(end-p))
				}
				return
			}
			continue
		}
		if end-p < 2 {
			o := d.add(opts, "IP Option - "+ipOptName(LangEN, t), "ip.opt.type", p, end-p, "")
			d.labelSuffix(o, ": ", ipOptName(d.opt.Lang, t))
			d.errorf(o, p, NoteIPv4OptNoLength, t, p)
			return
		}
		ln := int(d.b[p+1])
		if ln < 2 || p+ln > end {
			o := d.add(opts, "IP Option - "+ipOptName(LangEN, t), "ip.opt.type", p, end-p, "")
			d.labelSuffix(o, ": ", ipOptName(d.opt.Lang, t))
			d.ipOptType(o, p)
			d.uint(o, "Length", "ip.opt.len", p+1, 1)
			d.errorf(o, p+1, NoteIPv4OptLength, t, ln, p+1, end-p)
			return
		}
		o := d.add(opts, "IP Option - "+ipOptName(LangEN, t), "ip.opt.type", p, ln, d.byteCount(ln))
		d.labelSuffix(o, ": ", ipOptName(d.opt.Lang, t))
		d.ipOptType(o, p)
		d.uint(o, "Length", "ip.opt.len", p+1, 1)
		switch t {
		case ipOptRecordRoute, ipOptLSRR, ipOptSSRR:
			d.ipOptRoute(o, p, ln)
		case ipOptTimestamp:
			d.ipOptTimestamp(o, p, ln)
		case ipOptRouterAlert:
			if ln == 4 {
				d.uint(o, "Router Alert", "ip.opt.ra", p+2, 2)
			} else {
				d.errorf(o, p+1, NoteRouterAlertLength, ln, p+1)
			}
		default:
			if ln > 2 {
				d.add(o, "Data", "ip.opt.data", p+2, ln-2, hexBytes(d.b[p+2:p+ln]))
			}
		}
		p += ln
	}
}

func (d *dissector) ipOptType(o *Node, p int) {
	t, tn := d.uint(o, "Type", "ip.opt.type", p, 1)
	tn.Value = itoa(int(t))
	d.bits(tn, "Copy on fragmentation", "ip.opt.type.copy", p, 1, 0x80, nil)
	d.bits(tn, "Class", "ip.opt.type.class", p, 1, 0x60, nil)
	d.bits(tn, "Number", "ip.opt.type.number", p, 1, 0x1f, nil)
}

// ipOptRoute dissects record route and source route options: a pointer and
// a list of addresses.
func (d *dissector) ipOptRoute(o *Node, p, ln int) {
	if ln < 3 {
		d.errorf(o, p+1, NoteRouteOptShort, ln, p+1)
		return
	}
	ptr, _ := d.uint(o, "Pointer", "ip.opt.ptr", p+2, 1)
	for i, a := 0, p+3; a+4 <= p+ln; i, a = i+1, a+4 {
		addr, _ := netip.AddrFromSlice(d.b[a : a+4])
		v := addr.String()
		if int(ptr) == a-p+1 {
			v += d.opt.Lang.say(" <- (next)", " <- (다음)")
		}
		d.add(o, "Route", "ip.rec_rt", a, 4, v)
	}
	if (ln-3)%4 != 0 {
		d.errorf(o, p+1, NoteRouteOptOdd, ln, p+1)
	}
}

// ipOptTimestamp dissects the timestamp option (RFC 791): pointer,
// overflow/flag, then timestamps alone (flag 0) or address+timestamp pairs.
func (d *dissector) ipOptTimestamp(o *Node, p, ln int) {
	if ln < 4 {
		d.errorf(o, p+1, NoteTimestampOptShort, ln, p+1)
		return
	}
	d.uint(o, "Pointer", "ip.opt.ptr", p+2, 1)
	d.bits(o, "Overflow", "ip.opt.ovflw", p+3, 1, 0xf0, nil)
	flag, _ := d.bits(o, "Flag", "ip.opt.flag", p+3, 1, 0x0f, func(v uint32) string {
		switch v {
		case 0:
			return d.opt.Lang.say("0 (time stamps only)", "0 (타임스탬프만)")
		case 1:
			return d.opt.Lang.say("1 (time stamp and address)", "1 (타임스탬프와 주소)")
		case 3:
			return d.opt.Lang.say("3 (time stamps for prespecified addresses)", "3 (미리 지정된 주소의 타임스탬프)")
		}
		return fmt.Sprintf(d.opt.Lang.say("%d (unknown)", "%d (알 수 없음)"), v)
	})
	step := 4
	if flag == 1 || flag == 3 {
		step = 8
	}
	for a := p + 4; a+step <= p+ln; a += step {
		if step == 8 {
			d.addr(o, "Address", "ip.opt.addr", a, 4)
			d.uint(o, "Time stamp", "ip.opt.time_stamp", a+4, 4)
		} else {
			d.uint(o, "Time stamp", "ip.opt.time_stamp", a, 4)
		}
	}
	if (ln-4)%step != 0 {
		d.errorf(o, p+1, NoteTimestampOptOdd, ln, p+1, step)
	}
}

// srcDst sets an IP header node's value to "Src: a, Dst: b", as tshark
// shows both versions' headers.
func (d *dissector) srcDst(nd *Node, src, dst netip.Addr) {
	st := d.vals.mark()
	sw, dw := d.srcDstWords()
	d.vals.buf = append(d.vals.buf, sw...)
	d.vals.buf = src.AppendTo(d.vals.buf)
	d.vals.buf = append(d.vals.buf, dw...)
	d.vals.buf = dst.AppendTo(d.vals.buf)
	d.value(nd, st)
}
