package dissect

import (
	"fmt"
	"strconv"

	"icmplab/codec"
)

// icmpError draws the word after the header as the type defines it, the
// quoted datagram dissected again, the RFC 4884 padding and the extensions.
func (d *dissector) icmpError(nd *Node, m codec.Message, off int, info *ICMPInfo) {
	e, ok := m.Error()
	if !ok {
		return
	}
	w := off + 4
	lengthNode := func(at int, unit int) {
		_, ln := d.uint(nd, "Length of original datagram", icmpField(m.Family, "icmp.length", "icmpv6.length"), at, 1)
		if e.Length != 0 {
			st := d.vals.mark()
			d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(e.Length), 10)
			d.vals.buf = append(d.vals.buf, " ("...)
			d.vals.buf = strconv.AppendInt(d.vals.buf, int64(int(e.Length)*unit), 10)
			d.vals.buf = append(append(d.vals.buf, d.bytesWord()...), ')')
			d.value(ln, st) // replaces the plain number

		}
	}
	if m.Family == icmpV4 {
		switch m.Type {
		case codec.ICMPv4DestinationUnreachable:
			d.hexField(nd, "Unused", "icmp.unused", w, 1)
			lengthNode(w+1, 4)
			if m.Code == codec.CodeFragmentationNeeded {
				d.uint(nd, "MTU of next hop", "icmp.mtu", w+2, 2)
			} else {
				d.hexField(nd, "Unused", "icmp.unused", w+2, 2)
			}
		case codec.ICMPv4TimeExceeded:
			d.hexField(nd, "Unused", "icmp.unused", w, 1)
			lengthNode(w+1, 4)
			d.hexField(nd, "Unused", "icmp.unused", w+2, 2)
		case codec.ICMPv4ParameterProblem:
			d.uint(nd, "Pointer", "icmp.pointer", w, 1)
			lengthNode(w+1, 4)
			d.hexField(nd, "Unused", "icmp.unused", w+2, 2)
		case codec.ICMPv4Redirect:
			d.addr(nd, "Gateway Address", "icmp.redir_gw", w, 4)
		default:
			d.hexField(nd, "Unused", "icmp.unused", w, 4)
		}
	} else {
		switch m.Type {
		case codec.ICMPv6DestinationUnreachable, codec.ICMPv6TimeExceeded:
			lengthNode(w, 8)
			d.hexField(nd, "Reserved", "icmpv6.reserved", w+1, 3)
		case codec.ICMPv6PacketTooBig:
			d.uint(nd, "MTU", "icmpv6.mtu", w, 4)
		case codec.ICMPv6ParameterProblem:
			d.uint(nd, "Pointer", "icmpv6.pointer", w, 4)
		default:
			d.hexField(nd, "Reserved", "icmpv6.reserved", w, 4)
		}
	}
	info.MTU, info.Pointer, info.Gateway = e.MTU, e.Pointer, e.Gateway

	// The quoted datagram, dissected as far as it goes.
	qOff := off + 8
	qEnd := qOff + len(e.Quote)
	if len(e.Quote) == 0 {
		d.note(nd, SevWarning, qOff, NoteNoQuote)
	} else if d.depth >= d.opt.MaxDepth*2 || d.quoted {
		d.add(nd, "Quoted datagram", "icmp.quote", qOff, len(e.Quote), d.byteCount(len(e.Quote)))
	} else {
		qn := d.add(nd, "Quoted datagram", icmpField(m.Family, "icmp.quote", "icmpv6.quote"), qOff, len(e.Quote), "")
		st := d.vals.mark()
		d.vals.buf = d.appendByteCount(d.vals.buf, len(e.Quote))
		d.value(qn, st)
		qn.Explain = "icmp.quote"
		sub := *d
		sub.quoted = true
		sub.depth = d.depth + 1
		sub.ipByVersionQuoted(qn, qOff, qEnd)
		d.slab, d.kids = sub.slab, sub.kids // the copy handed out nodes from the shared chunk
		if fk, err := m.QuotedFlow(); err == nil || fk.Family != 0 {
			info.Quoted = &fk
		}
	}

	if !e.Ext.Present() {
		return
	}
	if pad := e.Ext.Offset - (8 + len(e.Quote)); pad > 0 {
		pn := d.add(nd, "Padding", icmpField(m.Family, "icmp.padding", "icmpv6.padding"), qEnd, pad, d.byteCount(pad))
		pn.Explain = "icmp.ext.padding"
	}
	d.extensions(nd, m, off, e.Ext, info)
}

// extensions draws an RFC 4884 extension structure and its objects, and
// records them in info.
func (d *dissector) extensions(nd *Node, m codec.Message, off int, ext codec.Extensions, info *ICMPInfo) {
	p := off + ext.Offset
	n := len(m.Bytes()) - ext.Offset
	en := d.add(nd, "ICMP Multi-Part Extensions", icmpField(m.Family, "icmp.ext", "icmpv6.ext"), p, n, d.layoutWords(ext.Layout))
	en.Explain = "icmp.ext"
	if ext.Layout == codec.ExtLegacy {
		d.note(en, SevNote, p, NoteLegacyExtensions, lengthFieldOf(m))
	}
	d.bits(en, "Version", "icmp.ext.version", p, 2, 0xf000, nil)
	d.bits(en, "Reserved", "icmp.ext.res", p, 2, 0x0fff, nil)
	ckn := d.add(en, "Checksum", "icmp.ext.checksum", p+2, 2, "")
	st := d.vals.mark()
	d.vals.buf = appendHex(d.vals.buf, uint32(ext.Checksum), 2)
	switch ext.Sum.Status {
	case codec.ChecksumGood:
		d.vals.buf = d.appendCorrect(d.vals.buf)
	case codec.ChecksumBad:
		d.vals.buf = d.appendIncorrect(d.vals.buf, ext.Sum.Want)
		d.note(ckn, SevWarning, p+2, NoteExtChecksumBad, ext.Checksum, ext.Sum.Want)
	}
	d.value(ckn, st)
	info.Layout = ext.Layout
	it := ext.Objects()
	for it.Next() {
		o := it.Object()
		d.extObject(en, off, o, info)
	}
	if err := it.Err(); err != nil {
		d.parseErrorNote(en, off, err)
	}
}

func lengthFieldOf(m codec.Message) int {
	b := m.Bytes()
	if m.Family == icmpV4 && len(b) > 5 {
		return int(b[5])
	}
	if len(b) > 4 {
		return int(b[4])
	}
	return 0
}

// extObject draws one extension object.
func (d *dissector) extObject(en *Node, base int, o codec.ExtObject, info *ICMPInfo) {
	p := base + o.Offset
	on := d.add(en, o.Class.String(), "icmp.ext.object", p, int(o.Length), "")
	d.labelSuffix(on, ": ", d.extClassName(o.Class))
	on.Explain = ""
	st := d.vals.mark()
	d.vals.buf = append(d.vals.buf, "icmp.ext.class."...)
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(o.Class), 10)
	d.vals.setString(&on.Explain, st)
	d.uint(on, "Length", "icmp.ext.length", p, 2)
	d.uint(on, "Class", "icmp.ext.class", p+2, 1)
	d.uint(on, "C-Type", "icmp.ext.ctype", p+3, 1)
	x := ExtInfo{Class: o.Class, CType: o.CType}
	dp := p + 4
	switch o.Class {
	case codec.ExtClassMPLS:
		for i := 0; i < o.MPLSLen(); i++ {
			e := o.MPLSEntry(i)
			q := dp + 4*i
			sn := d.add(on, "MPLS Stack Entry", "icmp.mpls", q, 4, "")
			st := d.vals.mark()
			d.vals.buf = append(d.vals.buf, d.opt.Lang.say("Label ", "레이블 ")...)
			d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(e.Label), 10)
			d.vals.buf = append(d.vals.buf, d.opt.Lang.say(", Exp ", ", EXP ")...)
			d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(e.TC), 10)
			d.vals.buf = append(d.vals.buf, ", S "...)
			d.vals.buf = strconv.AppendInt(d.vals.buf, int64(b2i(e.S)), 10)
			d.vals.buf = append(d.vals.buf, ", TTL "...)
			d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(e.TTL), 10)
			d.value(sn, st)
			d.bits(sn, "Label", "icmp.mpls.label", q, 4, 0xfffff000, nil)
			d.bits(sn, "Experimental", "icmp.mpls.exp", q, 4, 0x00000e00, nil)
			d.bits(sn, "Stack bit", "icmp.mpls.s", q, 4, 0x00000100, nil)
			d.bits(sn, "Time to live", "icmp.mpls.ttl", q, 4, 0x000000ff, nil)
			x.MPLS = append(x.MPLS, MPLSInfo{Label: e.Label, Exp: e.TC, S: e.S, TTL: e.TTL})
		}
		if r := len(o.Data) % 4; r != 0 {
			d.errorf(on, dp+len(o.Data)-r, NoteMPLSTrailing, r)
		}
		st := d.vals.mark()
		d.vals.buf = strconv.AppendInt(d.vals.buf, int64(o.MPLSLen()), 10)
		d.vals.buf = append(d.vals.buf, d.opt.Lang.say(" entries", "개 항목")...)
		d.value(on, st)
	case codec.ExtClassInterface:
		d.interfaceInfo(on, o, dp, &x)
	case codec.ExtClassIdent:
		d.interfaceIdent(on, o, dp, &x)
	default:
		if len(o.Data) > 0 {
			d.add(on, "Data", "icmp.ext.data", dp, len(o.Data), hexBytes(o.Data))
		}
	}
	info.Extensions = append(info.Extensions, x)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// interfaceInfo draws an RFC 5837 interface information object; the C-Type
// bits say which parts follow, in a fixed order.
func (d *dissector) interfaceInfo(on *Node, o codec.ExtObject, dp int, x *ExtInfo) {
	ct := d.add(on, "C-Type flags", "icmp.int_info.ctype", dp-1, 1, hexOnly(uint32(o.CType), 1))
	d.bits(ct, "Interface Role", "icmp.int_info.role", dp-1, 1, 0xc0, func(v uint32) string {
		return fmt.Sprintf("%d (%s)", v, d.roleName(codec.InterfaceRole(v)))
	})
	d.flag(ct, "ifIndex", "icmp.int_info.ifindex", dp-1, 1, 0x08)
	d.flag(ct, "IP Address", "icmp.int_info.ipaddr", dp-1, 1, 0x04)
	d.flag(ct, "Interface Name", "icmp.int_info.name", dp-1, 1, 0x02)
	d.flag(ct, "MTU", "icmp.int_info.mtu", dp-1, 1, 0x01)
	ii, err := o.InterfaceInfo()
	if err != nil {
		d.parseErrorNote(on, dp-4-o.Offset, err)
	}
	x.Interface = &ii
	on.Value = d.roleName(ii.Role)
	p := dp
	end := dp + len(o.Data)
	if ii.HasIndex && p+4 <= end {
		d.uint(on, "Interface Index", "icmp.int_info.index", p, 4)
		p += 4
	}
	if ii.HasAddr && p+4 <= end {
		an := d.add(on, "IP Address Sub-Object", "icmp.int_info.ipaddr", p, 0, ii.Addr.String())
		d.uint(an, "AFI", "icmp.int_info.afi", p, 2)
		d.hexField(an, "Reserved", "icmp.int_info.reserved", p+2, 2)
		n := 4
		if ii.Addr.Is6() {
			n = 16
		}
		if p+4+n <= end {
			d.addr(an, "Address", "icmp.int_info.addr", p+4, n)
		}
		an.Length = 4 + n
		p += 4 + n
	}
	if ii.HasName && p < end {
		l := int(d.b[p])
		if l == 0 || p+l > end {
			l = end - p
		}
		nn := d.add(on, "Interface Name Sub-Object", "icmp.int_info.name", p, l, fmt.Sprintf("%q", ii.Name))
		d.uint(nn, "Length", "icmp.int_info.name.length", p, 1)
		if l > 1 {
			d.add(nn, "Name", "icmp.int_info.name.string", p+1, l-1, fmt.Sprintf("%q", ii.Name))
		}
		p += l
	}
	if ii.HasMTU && p+4 <= end {
		d.uint(on, "MTU", "icmp.int_info.mtu", p, 4)
	}
}

// interfaceIdent draws an RFC 8335 interface identification object.
func (d *dissector) interfaceIdent(on *Node, o codec.ExtObject, dp int, x *ExtInfo) {
	id, err := o.InterfaceIdent()
	if err != nil {
		d.parseErrorNote(on, dp-4-o.Offset, err)
		if len(o.Data) > 0 {
			d.add(on, "Data", "icmp.ext.data", dp, len(o.Data), hexBytes(o.Data))
		}
		return
	}
	x.Ident = &id
	switch o.CType {
	case codec.IdentByName:
		on.Value = fmt.Sprintf(d.opt.Lang.say("by name %q", "이름으로 (by name) %q"), id.Name)
		d.add(on, "Interface Name", "icmp.ext.ident.name", dp, len(o.Data), fmt.Sprintf("%q", id.Name))
	case codec.IdentByIndex:
		on.Value = fmt.Sprintf(d.opt.Lang.say("by index %d", "번호로 (by index) %d"), id.Index)
		d.uint(on, "Interface Index", "icmp.ext.ident.index", dp, 4)
	case codec.IdentByAddress:
		on.Value = d.opt.Lang.say("by address ", "주소로 (by address) ") + id.Addr.String()
		d.uint(on, "AFI", "icmp.ext.ident.afi", dp, 2)
		d.uint(on, "Address Length", "icmp.ext.ident.addrlen", dp+2, 1)
		d.hexField(on, "Reserved", "icmp.ext.ident.reserved", dp+3, 1)
		if n := len(o.Data) - 4; n > 0 {
			d.add(on, "Address", "icmp.ext.ident.address", dp+4, n, id.Addr.String())
		}
	}
}
