package dissect

import (
	"fmt"
	"strconv"
	"strings"

	"icmplab/codec"
)

// UDP ports of tunnels whose inner packets the dissector follows, as
// Wireshark does by default (IANA service names in comments).
const (
	portGTPU       uint16 = 2152 // gtp-user
	portGTPv0      uint16 = 3386 // gtp' and GTP version 0
	portTeredo     uint16 = 3544 // teredo
	portVXLAN      uint16 = 4789 // vxlan
	portGeneve     uint16 = 6081 // geneve
	portMPLSUDP    uint16 = 6635 // mpls-udp
	portAYIYA      uint16 = 5072 // ayiya
	portVXLANLinux uint16 = 8472 // Linux kernel's pre-IANA VXLAN default
)

// upper dissects what an IP header (or extension header chain) carries.
func (d *dissector) upper(parent *Node, proto uint8, off, end int) {
	if off >= end {
		return
	}
	if d.depth > d.opt.MaxDepth*2 {
		nd := d.data(parent, "Data", off, end)
		d.errorf(nd, off, NoteTooDeep, d.opt.MaxDepth, off)
		return
	}
	d.depth++
	defer func() { d.depth-- }()
	switch proto {
	case codec.ProtoICMP:
		d.icmp(parent, icmpV4, off, end)
	case codec.ProtoICMPv6:
		d.icmp(parent, icmpV6, off, end)
	case codec.ProtoUDP:
		d.udp(parent, off, end)
	case codec.ProtoTCP:
		d.tcp(parent, off, end)
	case codec.ProtoIPv4:
		d.ipv4(parent, off, end)
	case codec.ProtoIPv6:
		d.ipv6(parent, off, end)
	case codec.ProtoGRE:
		d.gre(parent, off, end)
	case codec.ProtoPIM:
		d.pim(parent, off, end)
	case codec.ProtoAH:
		// AH (RFC 4302) looks the same after IPv4 as after IPv6.
		if next, n, ok := d.ip6Ext(parent, codec.ProtoAH, off, end); ok {
			d.upper(parent, next, off+n, end)
		}
	case codec.ProtoNoNext:
		d.data(parent, "Data", off, end)
	default:
		d.data(parent, "Data", off, end)
	}
}

// transportChecksum verifies a UDP or TCP checksum over the pseudo-header
// when the whole segment is present, and says so on the node.
func (d *dissector) transportChecksum(ckn *Node, ckOff, off, end int, proto uint8, length int, zeroOK bool) {
	ck := d.u16(ckOff)
	// The value is the checksum in hex and the verdict, written together.
	st := d.vals.mark()
	d.vals.buf = appendHex(d.vals.buf, uint32(ck), 2)
	defer d.value(ckn, st)
	if zeroOK && ck == 0 {
		d.vals.buf = append(d.vals.buf, d.opt.Lang.say(" [zero: not computed]", " [0: 계산하지 않음]")...)
		return
	}
	if d.quoted || d.ip.truncated || d.ip.fragment || end-off < length || length < ckOff+2-off || !d.ip.src.IsValid() {
		d.vals.buf = d.appendUnverified(d.vals.buf)
		return
	}
	s := codec.PseudoHeaderSum(d.ip.src, d.ip.pseudoDst, proto, length)
	partial := s
	s.Add(d.b[off:ckOff])
	s.Add(d.b[ckOff+2 : off+length])
	want := s.Fold()
	if want == 0 && proto == codec.ProtoUDP {
		want = 0xffff
	}
	if want == ck {
		d.vals.buf = d.appendCorrect(d.vals.buf)
		return
	}
	// A sender that leaves the checksum to its NIC (offload) writes only
	// the pseudo-header's sum, uncomplemented, or for TCP sometimes zero;
	// a capture on the sending host sees it so. Not an error.
	if ck == ^partial.Fold() || ck == 0 && proto == codec.ProtoTCP {
		d.vals.buf = append(d.vals.buf, d.opt.Lang.say(" [not yet computed, probably offloaded]", " [아직 계산되지 않음, 아마 NIC 오프로드(offload)]")...)
		return
	}
	d.vals.buf = d.appendIncorrect(d.vals.buf, want)
	d.note(ckn, SevWarning, ckOff, NoteChecksumBad, ipProtoName(proto), ck, want)
}

// udp dissects a UDP header and follows the tunnels it knows.
func (d *dissector) udp(parent *Node, off, end int) {
	const hdr = codec.UDPHeaderLen
	if end-off < hdr {
		nd := d.truncatedHeader(parent, "User Datagram Protocol", "udp", off, end, hdr)
		if d.quoted {
			nd.Notes = nd.Notes[:0]
			d.udpPartial(nd, off, end)
		}
		return
	}
	nd := d.proto(parent, "User Datagram Protocol", "udp", off, hdr)
	sp, _ := d.uint(nd, "Source Port", "udp.srcport", off+codec.UDPSrcPortOffset, 2)
	dp, _ := d.uint(nd, "Destination Port", "udp.dstport", off+codec.UDPDstPortOffset, 2)
	ln, lnn := d.uint(nd, "Length", "udp.length", off+codec.UDPLengthOffset, 2)
	ckn := d.add(nd, "Checksum", "udp.checksum", off+codec.UDPChecksumOffset, 2, "") // value by transportChecksum
	st := d.vals.mark()
	sw, dw := d.portWords()
	d.vals.buf = append(d.vals.buf, sw...)
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(sp), 10)
	d.vals.buf = append(d.vals.buf, dw...)
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(dp), 10)
	d.value(nd, st)
	stop := off + int(ln)
	switch {
	case int(ln) < hdr:
		d.errorf(lnn, off+codec.UDPLengthOffset, NoteUDPLengthShort, ln, off+codec.UDPLengthOffset)
		stop = end
	case stop > end:
		if !d.quoted && !d.ip.truncated && !d.truncatedByCapture(stop) {
			d.errorf(lnn, off+codec.UDPLengthOffset, NoteUDPLengthLong, ln, end-off)
		}
		stop = end
	}
	d.transportChecksum(ckn, off+codec.UDPChecksumOffset, off, end, codec.ProtoUDP, int(ln), d.ip.version == 4)
	if stop <= off+hdr {
		return
	}
	if !d.quoted && d.udpTunnel(parent, uint16(sp), uint16(dp), off+hdr, stop) {
		return
	}
	d.data(parent, "Data", off+hdr, stop)
}

// udpPartial shows the ports of a UDP header cut short inside a quote.
func (d *dissector) udpPartial(nd *Node, off, end int) {
	if end-off >= 2 {
		d.uint(nd, "Source Port", "udp.srcport", off+codec.UDPSrcPortOffset, 2)
	}
	if end-off >= 4 {
		d.uint(nd, "Destination Port", "udp.dstport", off+codec.UDPDstPortOffset, 2)
	}
	d.note(nd, SevNote, off, NoteQuoteEndsAfter, end-off, "UDP")
}

// udpTunnel follows a tunnel carried in UDP; false when it is none.
func (d *dissector) udpTunnel(parent *Node, sp, dp uint16, off, end int) bool {
	is := func(p uint16) bool { return sp == p || dp == p }
	n := end - off
	switch {
	case is(portVXLAN) || is(portVXLANLinux):
		if n < 8+14 || d.b[off]&0x08 == 0 {
			return false
		}
		nd := d.proto(parent, "Virtual eXtensible Local Area Network", "vxlan", off, 8)
		d.hexField(nd, "Flags", "vxlan.flags", off, 1)
		d.hexField(nd, "Reserved", "vxlan.reserved", off+1, 3)
		d.bits(nd, "VXLAN Network Identifier (VNI)", "vxlan.vni", off+4, 4, 0xffffff00, nil)
		d.bits(nd, "Reserved", "vxlan.reserved", off+4, 4, 0x000000ff, nil)
		d.ethernet(parent, off+8, end)
		return true
	case is(portGeneve):
		if n < 8 {
			return false
		}
		optLen := int(d.b[off]&0x3f) * 4
		if n < 8+optLen {
			return false
		}
		nd := d.proto(parent, "Generic Network Virtualization Encapsulation", "geneve", off, 8+optLen)
		d.bits(nd, "Version", "geneve.version", off, 1, 0xc0, nil)
		d.bits(nd, "Options Length", "geneve.option_len", off, 1, 0x3f, nil)
		d.hexField(nd, "Flags", "geneve.flags", off+1, 1)
		pt, _ := d.hexField(nd, "Protocol Type", "geneve.proto_type", off+2, 2)
		d.bits(nd, "Virtual Network Identifier (VNI)", "geneve.vni", off+4, 4, 0xffffff00, nil)
		d.bits(nd, "Reserved", "geneve.reserved", off+4, 4, 0x000000ff, nil)
		if optLen > 0 {
			d.add(nd, "Options", "geneve.options", off+8, optLen, hexBytes(d.b[off+8:off+8+optLen]))
		}
		d.ethertype(parent, codec.EtherType(pt), off+8+optLen, end)
		return true
	case is(portMPLSUDP):
		d.mpls(parent, off, end)
		return true
	case is(portTeredo):
		return d.teredo(parent, off, end)
	case is(portGTPU) || is(portGTPv0):
		return d.gtpu(parent, off, end)
	case is(portAYIYA):
		return d.ayiya(parent, off, end)
	}
	return false
}

// teredo follows IPv6 in UDP (RFC 4380), skipping the optional
// authentication and origin indications.
func (d *dissector) teredo(parent *Node, off, end int) bool {
	p := off
	nd := (*Node)(nil)
	for end-p >= 2 && d.b[p] == 0 {
		switch d.b[p+1] {
		case 1: // authentication indicator
			if end-p < 4 {
				return false
			}
			n := 4 + int(d.b[p+2]) + int(d.b[p+3]) + 8 + 1
			if end-p < n {
				return false
			}
			if nd == nil {
				nd = d.proto(parent, "Teredo IPv6 over UDP tunneling", "teredo", p, 0)
			}
			d.add(nd, "Authentication indicator", "teredo.auth", p, n, d.byteCount(n))
			p += n
		case 0: // origin indication
			if end-p < 8 {
				return false
			}
			if nd == nil {
				nd = d.proto(parent, "Teredo IPv6 over UDP tunneling", "teredo", p, 0)
			}
			d.add(nd, "Origin indication", "teredo.orig", p, 8, "")
			p += 8
		default:
			return p != off
		}
	}
	if end-p < 40 || d.b[p]>>4 != 6 {
		return nd != nil
	}
	if nd == nil {
		d.proto(parent, "Teredo IPv6 over UDP tunneling", "teredo", off, 0)
	} else {
		nd.Length = p - nd.Offset
	}
	d.ipv6(parent, p, end)
	return true
}

// gtpTPDU is the GTP message type of a tunnelled user datagram.
const gtpTPDU uint8 = 0xff

// gtpu follows a GTP T-PDU carrying IP: GTPv1-U (8 or 12-byte header and
// extension headers) or GTPv0 (20-byte header).
func (d *dissector) gtpu(parent *Node, off, end int) bool {
	if end-off < 8 || d.b[off+1] != gtpTPDU {
		return false
	}
	n := 8
	switch d.b[off] >> 5 {
	case 0: // GTPv0: fixed 20-byte header
		n = 20
	case 1:
	default:
		return false
	}
	if n == 8 && d.b[off]&0x07 != 0 { // sequence, N-PDU or extension flag: 4 more bytes
		n = 12
		// Extension headers chain by their last byte.
		for nx := d.b[off+11]; nx != 0; {
			if end-off < n+1 {
				return false
			}
			l := int(d.b[off+n]) * 4
			if l == 0 || end-off < n+l {
				return false
			}
			nx = d.b[off+n+l-1]
			n += l
		}
	}
	if end-off <= n {
		return false
	}
	nd := d.proto(parent, "GPRS Tunneling Protocol", "gtp", off, n)
	d.hexField(nd, "Flags", "gtp.flags", off, 1)
	d.uint(nd, "Message Type", "gtp.message", off+1, 1)
	d.uint(nd, "Length", "gtp.length", off+2, 2)
	d.hexField(nd, "TEID", "gtp.teid", off+4, 4)
	if n > 8 {
		d.add(nd, "Optional fields and extension headers", "gtp.ext_hdr", off+8, n-8, hexBytes(d.b[off+8:off+n])).Explain = ""
	}
	d.ipByVersion(parent, off+n, end)
	return true
}

// ayiya follows "Anything In Anything" (IPv6 tunnel broker protocol).
func (d *dissector) ayiya(parent *Node, off, end int) bool {
	// 8 fixed bytes (lengths, methods, opcode, next header, epoch), then
	// the identity (2^IDLen bytes) and the signature (SigLen words).
	if end-off < 8 {
		return false
	}
	idLen := 1 << (d.b[off] >> 4)
	sigLen := int(d.b[off+1]>>4) * 4
	n := 8 + idLen + sigLen
	if end-off < n {
		return false
	}
	nd := d.proto(parent, "Anything in Anything Protocol", "ayiya", off, n)
	d.bits(nd, "Identity length", "ayiya.idlen", off, 1, 0xf0, nil)
	d.bits(nd, "Identity type", "ayiya.idtype", off, 1, 0x0f, nil)
	d.bits(nd, "Signature length", "ayiya.siglen", off+1, 1, 0xf0, nil)
	d.bits(nd, "Hash method", "ayiya.hshmeth", off+1, 1, 0x0f, nil)
	d.bits(nd, "Authentication method", "ayiya.autmeth", off+2, 1, 0xf0, nil)
	d.bits(nd, "Operation code", "ayiya.opcode", off+2, 1, 0x0f, nil)
	np, _ := d.uint(nd, "Next Header", "ayiya.nextheader", off+3, 1)
	d.uint(nd, "Epoch", "ayiya.epoch", off+4, 4)
	d.add(nd, "Identity", "ayiya.identity", off+8, idLen, hexBytes(d.b[off+8:off+8+idLen]))
	if sigLen > 0 {
		d.add(nd, "Signature", "ayiya.signature", off+8+idLen, sigLen, hexBytes(d.b[off+8+idLen:off+n]))
	}
	for _, k := range nd.Kids {
		if k != nil && k.Field != "ayiya.nextheader" {
			k.Explain = "" // the catalogue explains only the next header of AYIYA
		}
	}
	d.upper(parent, uint8(np), off+n, end)
	return true
}

// gre dissects a GRE header (RFC 2784/2890) and what it carries.
func (d *dissector) gre(parent *Node, off, end int) {
	if end-off < 4 {
		d.truncatedHeader(parent, "Generic Routing Encapsulation", "gre", off, end, 4)
		return
	}
	fl := d.u16(off)
	n := 4
	if fl&0x8000 != 0 {
		n += 4
	}
	if fl&0x2000 != 0 {
		n += 4
	}
	if fl&0x1000 != 0 {
		n += 4
	}
	if end-off < n {
		d.truncatedHeader(parent, "Generic Routing Encapsulation", "gre", off, end, n)
		return
	}
	nd := d.proto(parent, "Generic Routing Encapsulation", "gre", off, n)
	d.hexField(nd, "Flags and Version", "gre.flags_and_version", off, 2)
	d.flag(nd, "Checksum Bit", "gre.flags.checksum", off, 2, 0x8000)
	d.flag(nd, "Key Bit", "gre.flags.key", off, 2, 0x2000)
	d.flag(nd, "Sequence Number Bit", "gre.flags.sequence_number", off, 2, 0x1000)
	d.bits(nd, "Version", "gre.flags.version", off, 2, 0x0007, nil)
	pt, _ := d.hexField(nd, "Protocol Type", "gre.proto", off+2, 2)
	p := off + 4
	if fl&0x8000 != 0 {
		d.hexField(nd, "Checksum", "gre.checksum", p, 2)
		d.hexField(nd, "Reserved", "gre.offset", p+2, 2)
		p += 4
	}
	if fl&0x2000 != 0 {
		d.hexField(nd, "Key", "gre.key", p, 4)
		p += 4
	}
	if fl&0x1000 != 0 {
		d.uint(nd, "Sequence Number", "gre.sequence_number", p, 4)
	}
	d.ethertype(parent, codec.EtherType(pt), off+n, end)
}

// tcpFlagNames are the TCP flag bits high to low as they sit in the 12 bits
// after the data offset.
var tcpFlagNames = []struct {
	mask  uint32
	name  string
	short string
}{
	{0x0e00, "Reserved", ""},
	{0x0100, "Accurate ECN", "AE"},
	{0x0080, "Congestion Window Reduced", "CWR"},
	{0x0040, "ECN-Echo", "ECE"},
	{0x0020, "Urgent", "URG"},
	{0x0010, "Acknowledgment", "ACK"},
	{0x0008, "Push", "PSH"},
	{0x0004, "Reset", "RST"},
	{0x0002, "Syn", "SYN"},
	{0x0001, "Fin", "FIN"},
}

// tcp dissects a TCP header (options raw) and its payload as data.
func (d *dissector) tcp(parent *Node, off, end int) {
	const hdr = codec.TCPMinHeaderLen
	avail := end - off
	if avail < hdr {
		nd := d.truncatedHeader(parent, "Transmission Control Protocol", "tcp", off, end, hdr)
		if d.quoted {
			nd.Notes = nd.Notes[:0]
			if avail >= 2 {
				d.uint(nd, "Source Port", "tcp.srcport", off+codec.TCPSrcPortOffset, 2)
			}
			if avail >= 4 {
				d.uint(nd, "Destination Port", "tcp.dstport", off+codec.TCPDstPortOffset, 2)
			}
			if avail >= 8 {
				d.uint(nd, "Sequence Number (raw)", "tcp.seq_raw", off+codec.TCPSeqOffset, 4)
			}
			d.note(nd, SevNote, off, NoteQuoteEndsAfter, avail, "TCP")
		}
		return
	}
	nd := d.proto(parent, "Transmission Control Protocol", "tcp", off, hdr)
	sp, _ := d.uint(nd, "Source Port", "tcp.srcport", off+codec.TCPSrcPortOffset, 2)
	dp, _ := d.uint(nd, "Destination Port", "tcp.dstport", off+codec.TCPDstPortOffset, 2)
	d.uint(nd, "Sequence Number (raw)", "tcp.seq_raw", off+codec.TCPSeqOffset, 4)
	d.uint(nd, "Acknowledgment Number (raw)", "tcp.ack_raw", off+codec.TCPAckOffset, 4)
	do, _ := d.bits(nd, "Header Length", "tcp.hdr_len", off+codec.TCPDataOffFlagsOffset, 1, 0xf0, func(v uint32) string {
		return fmt.Sprintf("%d%s (%d)", v*4, d.bytesWord(), v)
	})
	flags := d.u16(off+codec.TCPDataOffFlagsOffset) & 0x0fff
	fn := d.add(nd, "Flags", "tcp.flags", off+codec.TCPDataOffFlagsOffset, 2, "")
	fn.Mask = 0x0fff
	var set []string
	for _, f := range tcpFlagNames {
		field := "tcp.flags." + strings.ToLower(strings.ReplaceAll(f.name, " ", "_"))
		var show func(uint32) string
		if f.short != "" {
			show = d.flagShow()
		}
		v, _ := d.bits(fn, f.name, field, off+codec.TCPDataOffFlagsOffset, 2, f.mask, show)
		if v != 0 && f.short != "" {
			set = append([]string{f.short}, set...) // tshark's order: SYN before ACK
		}
	}
	fn.Value = fmt.Sprintf("0x%03x (%s)", flags, strings.Join(set, ", "))
	d.uint(nd, "Window", "tcp.window_size_value", off+codec.TCPWindowOffset, 2)
	// The hex alone until transportChecksum adds the verdict (the last
	// pending value wins).
	ckn := d.add(nd, "Checksum", "tcp.checksum", off+codec.TCPChecksumOffset, 2, "")
	st := d.vals.mark()
	d.vals.buf = appendHex(d.vals.buf, uint32(d.u16(off+codec.TCPChecksumOffset)), 2)
	d.value(ckn, st)
	d.uint(nd, "Urgent Pointer", "tcp.urgent_pointer", off+codec.TCPUrgentOffset, 2)
	sw, dw := d.portWords()
	nd.Value = fmt.Sprintf("%s%d%s%d%s[%s]", sw, sp, dw, dp, d.opt.Lang.say(", Flags: ", ", 플래그: "), strings.Join(set, ", "))
	hl := int(do) * 4
	if hl < hdr {
		d.errorf(nd, off+codec.TCPDataOffFlagsOffset, NoteTCPHeaderShort, hl, off+codec.TCPDataOffFlagsOffset)
		return
	}
	if hl > avail {
		if d.quoted {
			d.note(nd, SevNote, off+codec.TCPDataOffFlagsOffset, NoteQuoteEndsInOptions)
		} else {
			d.errorf(nd, off+codec.TCPDataOffFlagsOffset, NoteTCPHeaderLong, hl, avail)
		}
		return
	}
	nd.Length = hl
	if hl > hdr {
		d.add(nd, "Options", "tcp.options", off+hdr, hl-hdr, hexBytes(d.b[off+hdr:off+hl]))
	}
	d.transportChecksum(ckn, off+codec.TCPChecksumOffset, off, end, codec.ProtoTCP, end-off, false)
	d.data(parent, "Data", off+hl, end)
}

// pim dissects a PIM header; a Register message (type 1) carries a whole
// multicast datagram after its 4-byte flags word, which is followed.
func (d *dissector) pim(parent *Node, off, end int) {
	if end-off < 4 {
		d.truncatedHeader(parent, "Protocol Independent Multicast", "pim", off, end, 4)
		return
	}
	typ := d.b[off] & 0x0f
	n := 4
	if typ == codec.PIMRegister {
		n = 8
	}
	if end-off < n {
		d.truncatedHeader(parent, "Protocol Independent Multicast", "pim", off, end, n)
		return
	}
	nd := d.proto(parent, "Protocol Independent Multicast", "pim", off, n)
	d.bits(nd, "Version", "pim.version", off, 1, 0xf0, nil)
	d.bits(nd, "Type", "pim.type", off, 1, 0x0f, nil)
	d.hexField(nd, "Reserved", "pim.res_bytes", off+1, 1)
	d.hexField(nd, "Checksum", "pim.cksum", off+2, 2)
	if typ != codec.PIMRegister {
		d.data(parent, "Data", off+n, end)
		return
	}
	d.flag(nd, "Border", "pim.register.border", off+4, 4, 0x80000000)
	d.flag(nd, "Null-Register", "pim.register.nullregister", off+4, 4, 0x40000000)
	d.ipByVersion(parent, off+n, end)
}
