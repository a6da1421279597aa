package dissect

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"

	"icmplab/codec"
)

const (
	icmpV4 = codec.IPv4
	icmpV6 = codec.IPv6
)

// icmp dissects an ICMPv4 or ICMPv6 message with codec.Parse and draws the
// fields of the view its kind selects. Inside an ICMP error's quote it shows
// what the quote holds and verifies nothing.
func (d *dissector) icmp(parent *Node, fam codec.Family, off, end int) {
	label, short := "Internet Control Message Protocol", "icmp"
	if fam == icmpV6 {
		label, short = "Internet Control Message Protocol v6", "icmpv6"
	}
	if end-off < 4 {
		nd := d.proto(parent, label, short, off, end-off)
		if end-off >= 1 {
			d.icmpType(nd, fam, off)
		}
		if end-off >= 2 {
			d.uint(nd, "Code", icmpField(fam, "icmp.code", "icmpv6.code"), off+1, 1)
		}
		if d.quoted {
			d.note(nd, SevNote, off, NoteQuoteEndsAfter, end-off, fam)
		} else {
			d.errorf(nd, off, NoteICMPHeaderShort, fam, off, end-off)
		}
		return
	}
	b := d.b[off:end]
	var src, dst netip.Addr
	if fam == icmpV6 && d.ip.version == 6 {
		src, dst = d.ip.src, d.ip.pseudoDst
	}
	m, perr := codec.Parse(fam, b, src, dst)
	view, cut := partialView(fam, b, m, perr)
	// The checksum covers the whole message: it cannot be judged on a quote,
	// a fragment or a capture cut short.
	if d.quoted || d.ip.truncated || d.ip.fragment {
		m.Sum = codec.ChecksumCheck{Status: codec.ChecksumUnverified}
	}

	nd := d.proto(parent, label, short, off, end-off)
	d.icmpType(nd, fam, off)
	d.icmpCode(nd, fam, m.Type, off+1)
	ckn := d.add(nd, "Checksum", icmpField(fam, "icmp.checksum", "icmpv6.checksum"), off+2, 2, "")
	st := d.vals.mark()
	d.vals.buf = appendHex(d.vals.buf, uint32(m.Checksum), 2)
	switch m.Sum.Status {
	case codec.ChecksumGood:
		d.vals.buf = d.appendCorrect(d.vals.buf)
		d.value(ckn, st)
	case codec.ChecksumBad:
		d.vals.buf = d.appendIncorrect(d.vals.buf, m.Sum.Want)
		d.value(ckn, st)
		d.note(ckn, SevWarning, off+2, NoteChecksumBad, fam, m.Checksum, m.Sum.Want)
	default:
		d.vals.buf = d.appendUnverified(d.vals.buf)
		d.value(ckn, st)
		if !d.quoted && fam == icmpV6 && !src.IsValid() {
			d.note(ckn, SevNote, off+2, NoteICMPv6NoPseudo)
		}
	}
	nd.Value = m.Name()
	if d.opt.Lang != LangEN {
		nd.Value = d.typeName(m.Family, m.Type)
	}

	var info *ICMPInfo
	if !d.quoted && !d.icmpSeen && d.info != nil {
		info, d.info = d.info, nil // the frame's own, recorded below
		*info = ICMPInfo{Message: m}
	} else {
		info = &ICMPInfo{Message: m}
	}
	full := m
	m = view
	switch m.Kind {
	case codec.KindEcho:
		d.icmpEcho(nd, m, off, info)
	case codec.KindError:
		d.icmpError(nd, m, off, info)
	case codec.KindTimestamp:
		d.icmpTimestamp(nd, m, off, info)
	case codec.KindInformation, codec.KindAddressMask:
		d.icmpIDSeq(nd, short, off, info)
		if m.Kind == codec.KindAddressMask {
			d.addr(nd, "Address Mask", "icmp.address_mask", off+8, 4)
		}
	case codec.KindRouterAdvert4:
		d.icmpRouterAdvert4(nd, m, off)
	case codec.KindRouterSolicit4:
		d.hexField(nd, "Reserved", "icmp.reserved", off+4, 4)
	case codec.KindExtendedEchoRequest:
		d.icmpExtEchoRequest(nd, m, off, info)
	case codec.KindExtendedEchoReply:
		d.icmpExtEchoReply(nd, m, off, info)
	case codec.KindRouterSolicit6, codec.KindRouterAdvert6, codec.KindNeighborSolicit, codec.KindNeighborAdvert, codec.KindRedirect6:
		d.icmpNDP(nd, m, off)
		if n, ok := m.NDP(); ok {
			info.Target = n.Target
		}
	case codec.KindMLDQuery, codec.KindMLDReport, codec.KindMLDv2Report:
		d.icmpMLD(nd, m, off)
	case codec.KindNodeInfo:
		d.icmpNodeInfo(nd, m, off)
	default:
		if cut > 4 {
			d.add(nd, "Data", "data", off+4, cut-4, d.byteCount(cut-4))
		}
	}
	// Bytes the view leaves (padding after a router advertisement's
	// entries, after a PROBE's extensions) still get a node for the hex view.
	covered := off + 4
	for _, k := range nd.Kids {
		if e := k.Offset + k.Length; k.Source == d.src && e > covered {
			covered = e
		}
	}
	if covered < off+cut && m.Kind != codec.KindRaw {
		d.add(nd, "Data", "data", covered, off+cut-covered, d.byteCount(off+cut-covered))
	}
	if cut < len(b) {
		label := "Malformed data"
		if perr == nil {
			label = "Trailing data"
		}
		d.add(nd, label, "data", off+cut, len(b)-cut, d.byteCount(len(b)-cut))
	}
	if perr != nil {
		d.parseErrorNote(nd, off, perr)
	}
	if !d.quoted && !d.icmpSeen {
		d.icmpSeen = true
		// A message read only in part keeps the kind its readable prefix
		// has, so the record says "error" for an error cut short.
		full.Kind = m.Kind
		d.recordICMP(info, full)
	}
}

// partialView finds the longest prefix of a malformed message that parses
// as its type, so the fields before the fault are still shown: an NDP
// message with a bad third option keeps its header and first two options.
// It returns the view and how many bytes it covers.
func partialView(fam codec.Family, b []byte, m codec.Message, err error) (codec.Message, int) {
	cut := len(b)
	for i := 0; i < 4 && err != nil && m.Kind == codec.KindRaw; i++ {
		var pe *codec.ParseError
		if !errors.As(err, &pe) || pe.Offset <= 4 || pe.Offset >= cut {
			break
		}
		cut = pe.Offset
		var v codec.Message
		v, err = codec.Parse(fam, b[:cut], netip.Addr{}, netip.Addr{})
		if err == nil {
			v.Checksum, v.Sum = m.Checksum, m.Sum
			return v, cut
		}
	}
	return m, len(b)
}

// parseErrorNote turns a codec error into a note on nd: an error when the
// message itself is faulty, a note when only the quote or capture ended.
func (d *dissector) parseErrorNote(nd *Node, base int, err error) {
	var pe *codec.ParseError
	at := base
	if errors.As(err, &pe) {
		at = base + pe.Offset
	}
	if d.quoted && errors.Is(err, codec.ErrTruncated) {
		d.note(nd, SevNote, at, NoteQuoteEndsHere, parseErr{err})
		return
	}
	if errors.Is(err, codec.ErrTruncated) && d.truncatedByCapture(d.f.Len) && d.src == 0 {
		d.note(nd, SevNote, at, NoteCaptureCut, parseErr{err})
		return
	}
	k := NoteParseError
	if d.src > 0 {
		k = NoteParseErrorReassembled
	}
	d.errorf(nd, at, k, parseErr{err}, at)
}

func (d *dissector) icmpType(nd *Node, fam codec.Family, off int) {
	short := icmpField(fam, "icmp", "icmpv6")
	t := codec.Type(d.b[off])
	tn := d.add(nd, "Type", icmpField(fam, "icmp.type", "icmpv6.type"), off, 1, "")
	st := d.vals.mark()
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(t), 10)
	d.vals.buf = append(d.vals.buf, " ("...)
	d.vals.buf = append(d.vals.buf, d.typeName(fam, t)...)
	d.vals.buf = append(d.vals.buf, ')')
	d.value(tn, st)
	tn.Explain = ""
	st = d.vals.mark()
	d.vals.buf = append(d.vals.buf, short...)
	d.vals.buf = append(d.vals.buf, ".type."...)
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(t), 10)
	d.vals.setString(&tn.Explain, st)
}

func (d *dissector) icmpCode(nd *Node, fam codec.Family, t codec.Type, off int) {
	short := icmpField(fam, "icmp", "icmpv6")
	c := codec.Code(d.b[off])
	cn := d.add(nd, "Code", icmpField(fam, "icmp.code", "icmpv6.code"), off, 1, "")
	st := d.vals.mark()
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(c), 10)
	if name, ok := d.codeName(fam, t, c); ok {
		d.vals.buf = append(d.vals.buf, " ("...)
		d.vals.buf = append(d.vals.buf, name...)
		d.vals.buf = append(d.vals.buf, ')')
	}
	d.value(cn, st)
	// The explanation of a code depends on its type: point at the pair.
	cn.Explain = ""
	st = d.vals.mark()
	d.vals.buf = append(d.vals.buf, short...)
	d.vals.buf = append(d.vals.buf, ".code."...)
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(t), 10)
	d.vals.buf = append(d.vals.buf, '.')
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(c), 10)
	d.vals.setString(&cn.Explain, st)
}

// icmpIDSeq adds identifier and sequence number at bytes 4-7, with the
// little-endian reading tshark also shows (Windows pings count in LE).
func (d *dissector) icmpIDSeq(nd *Node, short string, off int, info *ICMPInfo) {
	idf, seqf := "icmp.ident", "icmp.seq"
	if short == "icmpv6" {
		idf, seqf = "icmpv6.echo.identifier", "icmpv6.echo.sequence_number"
	}
	id, seq := uint32(d.u16(off+4)), uint32(d.u16(off+6))
	idn := d.add(nd, "Identifier", idf, off+4, 2, "")
	st := d.vals.mark()
	d.vals.buf = appendDecHex(d.vals.buf, id, 2)
	d.value(idn, st)
	seqn := d.add(nd, "Sequence Number", seqf, off+6, 2, "")
	st = d.vals.mark()
	d.vals.buf = appendDecHex(d.vals.buf, seq, 2)
	d.value(seqn, st)
	info.HasID = true
	info.ID, info.Seq = uint16(id), uint16(seq)
}

func (d *dissector) icmpEcho(nd *Node, m codec.Message, off int, info *ICMPInfo) {
	short := "icmp"
	if m.Family == icmpV6 {
		short = "icmpv6"
	}
	d.icmpIDSeq(nd, short, off, info)
	if n := len(m.Bytes()) - 8; n > 0 {
		d.icmpEchoData(nd, short, off+8, n) // echo_time.go
	}
}

func (d *dissector) icmpTimestamp(nd *Node, m codec.Message, off int, info *ICMPInfo) {
	d.icmpIDSeq(nd, "icmp", off, info)
	ts, ok := m.Timestamp()
	if !ok {
		return
	}
	for i, f := range []struct {
		label, field string
		v            uint32
	}{
		{"Originate timestamp", "icmp.originate_timestamp", ts.Originate},
		{"Receive timestamp", "icmp.receive_timestamp", ts.Receive},
		{"Transmit timestamp", "icmp.transmit_timestamp", ts.Transmit},
	} {
		d.add(nd, f.label, f.field, off+8+4*i, 4, msSinceMidnight(d.opt.Lang, f.v))
	}
}

// msSinceMidnight shows an RFC 792 timestamp: milliseconds since midnight UT,
// or a non-standard value when the high bit is set.
func msSinceMidnight(l Lang, v uint32) string {
	if v&0x80000000 != 0 {
		return fmt.Sprintf(l.say("%d (non-standard, high bit set)", "%d (비표준, 최상위 비트 설정됨)"), v)
	}
	ms := v % 1000
	s := v / 1000
	return fmt.Sprintf("%d (%02d:%02d:%02d.%03d UT)", v, s/3600, s/60%60, s%60, ms)
}

func (d *dissector) icmpRouterAdvert4(nd *Node, m codec.Message, off int) {
	ra, ok := m.RouterAdvert4()
	if !ok {
		return
	}
	d.uint(nd, "Number of Addresses", "icmp.num_addrs", off+4, 1)
	d.uint(nd, "Address Entry Size", "icmp.addr_entry_size", off+5, 1)
	d.uint(nd, "Lifetime", "icmp.lifetime", off+6, 2)
	size := int(ra.AddrEntrySize) * 4
	for i := 0; i < int(ra.NumAddrs); i++ {
		p := off + 8 + i*size
		if size < 8 || !d.have(p, size) {
			break
		}
		e := ra.Entry(i)
		en := d.add(nd, fmt.Sprintf("Router Entry %d", i+1), "icmp.router_entry", p, size, fmt.Sprintf(d.opt.Lang.say("%s, preference %d", "%s, 선호도 %d"), e.Addr, e.Preference))
		d.labelSuffix(en, " ", itoa(i+1))
		d.addr(en, "Router Address", "icmp.router_address", p, 4)
		d.add(en, "Preference Level", "icmp.pref_level", p+4, 4, itoa(int(e.Preference)))
	}
}

func (d *dissector) icmpExtEchoRequest(nd *Node, m codec.Message, off int, info *ICMPInfo) {
	short := icmpShort(m.Family)
	id, _ := d.uint(nd, "Identifier", short+".ext.echo.id", off+4, 2)
	seq, _ := d.uint(nd, "Sequence Number", short+".ext.echo.seq", off+6, 1)
	d.flag(nd, "Local (L)", short+".ext.echo.req.local", off+7, 1, 0x01)
	info.HasID = true
	info.ID, info.Seq = uint16(id), uint16(seq)
	if r, ok := m.ExtendedEchoRequest(); ok && r.Ext.Present() {
		d.extensions(nd, m, off, r.Ext, info)
	}
}

func (d *dissector) icmpExtEchoReply(nd *Node, m codec.Message, off int, info *ICMPInfo) {
	short := icmpShort(m.Family)
	id, _ := d.uint(nd, "Identifier", short+".ext.echo.id", off+4, 2)
	seq, _ := d.uint(nd, "Sequence Number", short+".ext.echo.seq", off+6, 1)
	d.bits(nd, "State", short+".ext.echo.rsp.state", off+7, 1, 0xe0, nil)
	d.flag(nd, "Active (A)", short+".ext.echo.rsp.active", off+7, 1, 0x04)
	d.flag(nd, "IPv4 (4)", short+".ext.echo.rsp.ipv4", off+7, 1, 0x02)
	d.flag(nd, "IPv6 (6)", short+".ext.echo.rsp.ipv6", off+7, 1, 0x01)
	info.HasID = true
	info.ID, info.Seq = uint16(id), uint16(seq)
}

// icmpField picks a field id by family without building it per node.
func icmpField(f codec.Family, v4, v6 string) string {
	if f == icmpV6 {
		return v6
	}
	return v4
}

func icmpShort(f codec.Family) string {
	if f == icmpV6 {
		return "icmpv6"
	}
	return "icmp"
}

func (d *dissector) icmpNodeInfo(nd *Node, m codec.Message, off int) {
	ni, ok := m.NodeInfo()
	if !ok {
		return
	}
	d.uint(nd, "Qtype", "icmpv6.ni.qtype", off+4, 2)
	d.hexField(nd, "Flags", "icmpv6.ni.flag", off+6, 2)
	d.add(nd, "Nonce", "icmpv6.ni.nonce", off+8, 8, hexBytes(ni.Nonce[:]))
	if len(ni.Data) > 0 {
		d.add(nd, "Data", "icmpv6.ni.data", off+16, len(ni.Data), hexBytes(ni.Data))
	}
}
