package dissect

import (
	"encoding/binary"

	"icmplab/codec"
)

// nullFamily is where a BSD loopback header's address family leads.
func nullFamily(v uint32) Layer {
	switch codec.LoopbackFamily(v) {
	case 4:
		return LayerIPv4
	case 6:
		return LayerIPv6
	}
	return LayerAuto
}

// layer dissects b[off:end] starting at layer l, as a root or as the child
// of parent (tunnels).
func (d *dissector) layer(parent *Node, l Layer, off, end int) {
	if end > len(d.b) {
		end = len(d.b)
	}
	if off >= end {
		return
	}
	switch l {
	case LayerEthernet:
		d.ethernet(parent, off, end)
	case LayerSLL:
		d.sll(parent, off, end)
	case LayerSLL2:
		d.sll2(parent, off, end)
	case LayerNull, LayerLoop:
		d.null(parent, off, end, l == LayerLoop)
	case LayerPPP:
		d.ppp(parent, off, end)
	case LayerCHDLC:
		d.chdlc(parent, off, end)
	case LayerFrameRelay:
		d.frameRelay(parent, off, end)
	case LayerIPoIB:
		d.ipoib(parent, off, end)
	case LayerIPNet:
		d.ipnet(parent, off, end)
	case LayerARCNET:
		d.arcnet(parent, off, end)
	case LayerIP:
		d.ipByVersion(parent, off, end)
	case LayerIPv4:
		d.ipv4(parent, off, end)
	case LayerIPv6:
		d.ipv6(parent, off, end)
	case LayerICMPv4:
		d.icmp(parent, icmpV4, off, end)
	case LayerICMPv6:
		d.icmp(parent, icmpV6, off, end)
	default:
		d.data(parent, "Data", off, end)
	}
}

// ipByVersion dissects an IP datagram whose version the first nibble gives;
// bytes of another version are data with an error.
func (d *dissector) ipByVersion(parent *Node, off, end int) {
	if nd := d.ipOrData(parent, off, end); nd != nil {
		d.errorf(nd, off, NoteIPVersion, d.b[off]>>4, off)
	}
}

// ipByVersionQuoted dissects a quoted datagram the same way; a quote that
// is not IP is only a warning, since the router chose what to quote.
func (d *dissector) ipByVersionQuoted(parent *Node, off, end int) {
	if nd := d.ipOrData(parent, off, end); nd != nil {
		d.note(nd, SevWarning, off, NoteQuoteNotIP, d.b[off]>>4)
	}
}

// ipOrData dissects IPv4 or IPv6 at off by the version nibble, or shows the
// bytes as data and returns that node for the caller to say why.
func (d *dissector) ipOrData(parent *Node, off, end int) *Node {
	if off >= end || off >= len(d.b) {
		return nil
	}
	switch d.b[off] >> 4 {
	case 4:
		d.ipv4(parent, off, end)
	case 6:
		d.ipv6(parent, off, end)
	default:
		return d.data(parent, "Data", off, end)
	}
	return nil
}

// truncatedHeader makes the layer node for a header cut short and says so.
func (d *dissector) truncatedHeader(parent *Node, label, short string, off, end, need int) *Node {
	nd := d.proto(parent, label, short, off, end-off)
	d.errorf(nd, off, NoteHeaderTruncated, nd.Label, need, off, end-off)
	return nd
}

// ethernet dissects Ethernet II (or 802.3 with LLC/SNAP) and its VLAN tags.
func (d *dissector) ethernet(parent *Node, off, end int) {
	const hdr = codec.EthernetHeaderLen
	if end-off < hdr {
		nd := d.truncatedHeader(parent, "Ethernet II", "eth", off, end, hdr)
		d.data(nd, "Data", off, end)
		return
	}
	nd := d.proto(parent, "Ethernet II", "eth", off, hdr)
	src, dst := off+codec.EthernetSrcOffset, off+codec.EthernetDstOffset
	d.mac(nd, "Destination", "eth.dst", dst)
	d.mac(nd, "Source", "eth.src", src)
	st := d.vals.mark()
	d.vals.buf = codec.AppendMAC(d.vals.buf, d.b[src:src+codec.MACLen])
	d.vals.buf = append(d.vals.buf, " → "...)
	d.vals.buf = codec.AppendMAC(d.vals.buf, d.b[dst:dst+codec.MACLen])
	d.value(nd, st)
	et := d.etherType(off + codec.EthernetTypeOffset)
	p := off + hdr
	if et <= 1500 {
		// 802.3 length field: LLC follows, SNAP carries an EtherType.
		d.uint(nd, "Length", "eth.len", off+codec.EthernetTypeOffset, 2)
		if end-p >= 8 && d.b[p] == 0xaa && d.b[p+1] == 0xaa && d.b[p+2] == 0x03 {
			llc := d.proto(parent, "Logical-Link Control (SNAP)", "llc", p, 8)
			d.hexField(llc, "OUI", "llc.oui", p+3, 3)
			et = d.etherType(p + 6)
			d.hexField(llc, "Type", "llc.type", p+6, 2)
			d.ethertype(parent, et, p+8, end)
			return
		}
		if end-p >= 3 {
			llc := d.proto(parent, "Logical-Link Control", "llc", p, 3)
			d.hexField(llc, "DSAP", "llc.dsap", p, 1)
			d.hexField(llc, "SSAP", "llc.ssap", p+1, 1)
			d.hexField(llc, "Control", "llc.control", p+2, 1)
			p += 3
		}
		d.data(parent, "Data", p, end)
		return
	}
	d.hexField(nd, "Type", "eth.type", off+codec.EthernetTypeOffset, 2)
	d.ethertype(parent, et, p, end)
}

// etherType reads a 2-byte EtherType field.
func (d *dissector) etherType(off int) codec.EtherType { return codec.EtherType(d.u16(off)) }

// ethertype dispatches on an EtherType, following VLAN tags.
func (d *dissector) ethertype(parent *Node, et codec.EtherType, off, end int) {
	if d.depth > d.opt.MaxDepth*2 {
		nd := d.data(parent, "Data", off, end)
		if nd != nil {
			d.errorf(nd, off, NoteTooDeep, d.opt.MaxDepth, off)
		}
		return
	}
	d.depth++
	defer func() { d.depth-- }()
	switch et {
	case codec.EtherTypeIPv4:
		d.ipv4(parent, off, end)
	case codec.EtherTypeIPv6:
		d.ipv6(parent, off, end)
	case codec.EtherTypeVLAN, codec.EtherTypeQinQ, codec.EtherTypeQinQOld:
		d.vlan(parent, et, off, end)
	case codec.EtherTypeMPLS, codec.EtherTypeMPLSMulti:
		d.mpls(parent, off, end)
	case codec.EtherTypePPPoESession:
		d.pppoe(parent, off, end)
	case codec.EtherTypeTEB:
		d.ethernet(parent, off, end)
	case codec.EtherTypeERSPAN2:
		d.erspan(parent, off, end)
	case codec.EtherTypeMACsec:
		d.macsec(parent, off, end)
	default:
		d.data(parent, "Data", off, end)
	}
}

// vlan dissects one 802.1Q or 802.1ad tag.
func (d *dissector) vlan(parent *Node, tpid codec.EtherType, off, end int) {
	label := "802.1Q Virtual LAN"
	if tpid != codec.EtherTypeVLAN {
		label = "802.1ad Service VLAN (QinQ)"
	}
	if end-off < codec.VLANTagLen {
		d.truncatedHeader(parent, label, "vlan", off, end, codec.VLANTagLen)
		return
	}
	nd := d.proto(parent, label, "vlan", off, codec.VLANTagLen)
	tci := off + codec.VLANTCIOffset
	d.bits(nd, "Priority", "vlan.priority", tci, 2, 0xe000, nil)
	d.bits(nd, "DEI", "vlan.dei", tci, 2, 0x1000, nil)
	id, _ := d.bits(nd, "ID", "vlan.id", tci, 2, 0x0fff, nil)
	nd.Value = "ID " + itoa(int(id))
	d.hexField(nd, "Type", "vlan.etype", off+codec.VLANTypeOffset, 2)
	d.ethertype(parent, d.etherType(off+codec.VLANTypeOffset), off+codec.VLANTagLen, end)
}

// mpls dissects an MPLS label stack and guesses the payload from its first
// nibble, as every dissector must: MPLS does not say what it carries.
func (d *dissector) mpls(parent *Node, off, end int) {
	p := off
	for {
		if end-p < 4 {
			d.truncatedHeader(parent, "MultiProtocol Label Switching", "mpls", p, end, 4)
			return
		}
		nd := d.proto(parent, "MultiProtocol Label Switching", "mpls", p, 4)
		lbl, _ := d.bits(nd, "Label", "mpls.label", p, 4, 0xfffff000, nil)
		d.bits(nd, "Traffic class", "mpls.exp", p, 4, 0x00000e00, nil)
		s, _ := d.bits(nd, "Bottom of stack", "mpls.bottom", p, 4, 0x00000100, nil)
		ttl, _ := d.bits(nd, "TTL", "mpls.ttl", p, 4, 0x000000ff, nil)
		nd.Value = d.opt.Lang.say("Label ", "레이블 ") + itoa(int(lbl)) + ", TTL " + itoa(int(ttl))
		p += 4
		if s == 1 {
			break
		}
	}
	if p >= end {
		return
	}
	switch d.b[p] >> 4 {
	case 4:
		d.ipv4(parent, p, end)
	case 6:
		d.ipv6(parent, p, end)
	case 0:
		// Pseudowire control word, then Ethernet.
		if end-p >= 4 {
			cw := d.proto(parent, "PW Ethernet Control Word", "pwethcw", p, 4)
			_, rn := d.hexField(cw, "Reserved", "pwethcw.reserved", p, 2)
			rn.Explain = ""
			d.hexField(cw, "Sequence number", "pwethcw.seq", p+2, 2)
			d.ethernet(parent, p+4, end)
			return
		}
		d.data(parent, "Data", p, end)
	default:
		d.data(parent, "Data", p, end)
	}
}

// pppoe dissects a PPPoE session header and the PPP protocol after it.
func (d *dissector) pppoe(parent *Node, off, end int) {
	if end-off < 8 {
		d.truncatedHeader(parent, "PPP-over-Ethernet Session", "pppoes", off, end, 8)
		return
	}
	nd := d.proto(parent, "PPP-over-Ethernet Session", "pppoes", off, 6)
	d.bits(nd, "Version", "pppoe.version", off, 1, 0xf0, nil)
	d.bits(nd, "Type", "pppoe.type", off, 1, 0x0f, nil)
	d.hexField(nd, "Code", "pppoe.code", off+1, 1)
	d.hexField(nd, "Session ID", "pppoe.session_id", off+2, 2)
	n, ln := d.uint(nd, "Payload Length", "pppoe.payload_length", off+4, 2)
	stop := off + 6 + int(n)
	if stop > end {
		if !d.truncatedByCapture(off + 6 + int(n)) {
			d.errorf(ln, off+4, NotePPPoELong, n, end-off-6)
		}
		stop = end
	}
	d.pppProto(parent, off+6, stop)
}

// ppp dissects LINKTYPE_PPP: optional HDLC-like address/control (ff 03),
// then a 1- or 2-byte protocol field.
func (d *dissector) ppp(parent *Node, off, end int) {
	p := off
	if end-p >= 2 && d.b[p] == 0xff && d.b[p+1] == 0x03 {
		nd := d.proto(parent, "PPP in HDLC-like framing", "ppp_hdlc", p, 2)
		d.hexField(nd, "Address", "ppp.address", p, 1)
		d.hexField(nd, "Control", "ppp.control", p+1, 1)
		p += 2
	}
	d.pppProto(parent, p, end)
}

// pppProto dissects the PPP protocol field and what it carries.
func (d *dissector) pppProto(parent *Node, off, end int) {
	if end-off < 1 {
		return
	}
	n := 2
	if d.b[off]&1 == 1 { // protocol field compression: one odd byte
		n = 1
	}
	if end-off < n {
		d.truncatedHeader(parent, "Point-to-Point Protocol", "ppp", off, end, n)
		return
	}
	nd := d.proto(parent, "Point-to-Point Protocol", "ppp", off, n)
	proto, _ := d.hexField(nd, "Protocol", "ppp.protocol", off, n)
	switch codec.PPPProtocol(proto) {
	case codec.PPPProtocolIPv4:
		d.ipv4(parent, off+n, end)
	case codec.PPPProtocolIPv6:
		d.ipv6(parent, off+n, end)
	case codec.PPPProtocolMPLS:
		d.mpls(parent, off+n, end)
	default:
		d.data(parent, "Data", off+n, end)
	}
}

// chdlc dissects Cisco HDLC: address, control, EtherType.
func (d *dissector) chdlc(parent *Node, off, end int) {
	if end-off < 4 {
		d.truncatedHeader(parent, "Cisco HDLC", "chdlc", off, end, 4)
		return
	}
	nd := d.proto(parent, "Cisco HDLC", "chdlc", off, 4)
	d.hexField(nd, "Address", "chdlc.address", off, 1)
	d.hexField(nd, "Control", "chdlc.control", off+1, 1)
	d.hexField(nd, "Protocol", "chdlc.protocol", off+2, 2)
	d.ethertype(parent, d.etherType(off+2), off+4, end)
}

// frameRelay dissects a 2-byte Q.922 address and RFC 2427 encapsulation.
func (d *dissector) frameRelay(parent *Node, off, end int) {
	if end-off < 4 {
		d.truncatedHeader(parent, "Frame Relay", "fr", off, end, 4)
		return
	}
	nd := d.proto(parent, "Frame Relay", "fr", off, 2)
	dlci := (uint32(d.b[off]&0xfc) << 2) | uint32(d.b[off+1]>>4)
	d.add(nd, "DLCI", "fr.dlci", off, 2, itoa(int(dlci))).Mask = 0xfcf0
	p := off + 2
	if d.b[p] != 0x03 {
		// No UI control byte: Cisco's encapsulation, an EtherType follows.
		nd.Length = 4
		d.hexField(nd, "Type", "fr.cisco.etype", p, 2)
		d.ethertype(parent, d.etherType(p), p+2, end)
		return
	}
	d.hexField(nd, "Control", "fr.control", p, 1)
	p++
	for p < end && d.b[p] == 0 { // optional padding before the NLPID
		p++
	}
	if p >= end {
		return
	}
	nd.Length = p + 1 - off
	nlpid, _ := d.hexField(nd, "NLPID", "fr.nlpid", p, 1)
	p++
	switch codec.NLPID(nlpid) {
	case codec.NLPIDIPv4:
		d.ipv4(parent, p, end)
	case codec.NLPIDIPv6:
		d.ipv6(parent, p, end)
	case codec.NLPIDSNAP:
		if end-p >= 5 {
			nd.Length = p + 5 - off
			d.hexField(nd, "OUI", "fr.snap.oui", p, 3)
			d.hexField(nd, "Protocol ID", "fr.snap.pid", p+3, 2)
			d.ethertype(parent, d.etherType(p+3), p+5, end)
			return
		}
		d.data(parent, "Data", p, end)
	default:
		d.data(parent, "Data", p, end)
	}
}

// ipoib dissects the LINKTYPE_IPOIB pseudo-header: 20-byte destination and
// source hardware addresses, then a 2-byte EtherType and 2 reserved bytes
// (44 bytes, as tcpdump's ipoib_print reads it).
func (d *dissector) ipoib(parent *Node, off, end int) {
	const hdr = 44
	if end-off < hdr {
		d.truncatedHeader(parent, "IP over InfiniBand", "ipoib", off, end, hdr)
		return
	}
	nd := d.proto(parent, "IP over InfiniBand", "ipoib", off, hdr)
	d.add(nd, "Destination hardware address", "ipoib.dst", off, 20, hexBytes(d.b[off:off+20]))
	d.add(nd, "Source hardware address", "ipoib.src", off+20, 20, hexBytes(d.b[off+20:off+40]))
	d.hexField(nd, "Type", "ipoib.type", off+40, 2)
	d.hexField(nd, "Reserved", "ipoib.reserved", off+42, 2)
	d.ethertype(parent, d.etherType(off+40), off+hdr, end)
}

// ipnet dissects the Solaris ipnet header (24 bytes).
func (d *dissector) ipnet(parent *Node, off, end int) {
	const hdr = 24
	if end-off < hdr {
		d.truncatedHeader(parent, "Solaris IPNET", "ipnet", off, end, hdr)
		return
	}
	nd := d.proto(parent, "Solaris IPNET", "ipnet", off, hdr)
	d.uint(nd, "Version", "ipnet.version", off, 1)
	fam, _ := d.uint(nd, "Family", "ipnet.family", off+1, 1)
	d.uint(nd, "Hook type", "ipnet.htype", off+2, 2)
	d.uint(nd, "Packet length", "ipnet.pktlen", off+4, 4)
	d.uint(nd, "Interface index", "ipnet.ifindex", off+8, 4)
	d.uint(nd, "Group interface index", "ipnet.grifindex", off+12, 4)
	d.uint(nd, "Source zone", "ipnet.zsrc", off+16, 4)
	d.uint(nd, "Destination zone", "ipnet.zdst", off+20, 4)
	switch codec.IPNetFamily(uint8(fam)) {
	case 4:
		d.ipv4(parent, off+hdr, end)
	case 6:
		d.ipv6(parent, off+hdr, end)
	default:
		d.ipByVersion(parent, off+hdr, end)
	}
}

// sll dissects a Linux cooked capture v1 header (16 bytes).
func (d *dissector) sll(parent *Node, off, end int) {
	const hdr = codec.SLLHeaderLen
	if end-off < hdr {
		d.truncatedHeader(parent, "Linux cooked capture v1", "sll", off, end, hdr)
		return
	}
	nd := d.proto(parent, "Linux cooked capture v1", "sll", off, hdr)
	d.uint(nd, "Packet type", "sll.pkttype", off+codec.SLLPacketTypeOffset, 2)
	d.uint(nd, "Link-layer address type", "sll.hatype", off+codec.SLLHATypeOffset, 2)
	n, _ := d.uint(nd, "Link-layer address length", "sll.halen", off+codec.SLLAddrLenOffset, 2)
	a := off + codec.SLLAddrOffset
	d.add(nd, "Source", "sll.src", a, codec.SLLAddrMax, macString(d.b[a:a+min(int(n), codec.SLLAddrMax)]))
	d.hexField(nd, "Protocol", "sll.etype", off+codec.SLLTypeOffset, 2)
	d.ethertype(parent, d.etherType(off+codec.SLLTypeOffset), off+hdr, end)
}

// sll2 dissects a Linux cooked capture v2 header (20 bytes).
func (d *dissector) sll2(parent *Node, off, end int) {
	const hdr = codec.SLL2HeaderLen
	if end-off < hdr {
		d.truncatedHeader(parent, "Linux cooked capture v2", "sll2", off, end, hdr)
		return
	}
	nd := d.proto(parent, "Linux cooked capture v2", "sll2", off, hdr)
	d.hexField(nd, "Protocol", "sll.etype", off+codec.SLL2TypeOffset, 2)
	d.uint(nd, "Reserved", "sll.reserved", off+codec.SLL2ReservedOffset, 2)
	d.uint(nd, "Interface index", "sll.ifindex", off+codec.SLL2IfIndexOffset, 4)
	d.uint(nd, "Link-layer address type", "sll.hatype", off+codec.SLL2HATypeOffset, 2)
	d.uint(nd, "Packet type", "sll.pkttype", off+codec.SLL2PacketTypeOffset, 1)
	n, _ := d.uint(nd, "Link-layer address length", "sll.halen", off+codec.SLL2AddrLenOffset, 1)
	a := off + codec.SLL2AddrOffset
	d.add(nd, "Source", "sll.src", a, codec.SLLAddrMax, macString(d.b[a:a+min(int(n), codec.SLLAddrMax)]))
	d.ethertype(parent, d.etherType(off+codec.SLL2TypeOffset), off+hdr, end)
}

// null dissects the 4-byte BSD loopback header. LINKTYPE_NULL stores the
// family in the capturing host's byte order, so both are tried; the value
// that is a small number is the right one.
func (d *dissector) null(parent *Node, off, end int, network bool) {
	if end-off < 4 {
		d.truncatedHeader(parent, "Null/Loopback", "null", off, end, 4)
		return
	}
	nd := d.proto(parent, "Null/Loopback", "null", off, 4)
	v := binary.BigEndian.Uint32(d.b[off:])
	if !network && v > 0xffff {
		v = binary.LittleEndian.Uint32(d.b[off:])
		d.add(nd, "Family (little-endian)", "null.family", off, 4, itoa(int(v)))
	} else {
		d.add(nd, "Family", "null.family", off, 4, itoa(int(v)))
	}
	switch nullFamily(v) {
	case LayerIPv4:
		d.ipv4(parent, off+4, end)
	case LayerIPv6:
		d.ipv6(parent, off+4, end)
	default:
		d.ipByVersion(parent, off+4, end)
	}
}

// erspan dissects an ERSPAN type II header (8 bytes) and the Ethernet frame
// it mirrors.
func (d *dissector) erspan(parent *Node, off, end int) {
	if end-off < 8 {
		d.truncatedHeader(parent, "Encapsulated Remote Switch Packet ANalysis", "erspan", off, end, 8)
		return
	}
	nd := d.proto(parent, "Encapsulated Remote Switch Packet ANalysis", "erspan", off, 8)
	d.bits(nd, "Version", "erspan.version", off, 2, 0xf000, nil)
	d.bits(nd, "VLAN", "erspan.vlan", off, 2, 0x0fff, nil)
	d.bits(nd, "Session ID", "erspan.spanid", off+2, 2, 0x03ff, nil)
	d.bits(nd, "Index", "erspan.index", off+4, 4, 0x000fffff, nil)
	d.ethernet(parent, off+8, end)
}

// macsec dissects an 802.1AE SecTAG. Only integrity-protected frames (E bit
// clear) carry readable data, followed by a 16-byte ICV.
func (d *dissector) macsec(parent *Node, off, end int) {
	const icv = 16
	if end-off < 6 {
		d.truncatedHeader(parent, "802.1AE Security tag", "macsec", off, end, 6)
		return
	}
	tci := d.b[off]
	n := 6
	if tci&0x20 != 0 { // SC bit: an 8-byte secure channel identifier follows
		n += 8
	}
	if end-off < n {
		d.truncatedHeader(parent, "802.1AE Security tag", "macsec", off, end, n)
		return
	}
	nd := d.proto(parent, "802.1AE Security tag", "macsec", off, n)
	d.hexField(nd, "TCI/AN", "macsec.TCI", off, 1)
	d.flag(nd, "Encryption (E)", "macsec.TCI.E", off, 1, 0x08)
	d.uint(nd, "Short length", "macsec.SL", off+1, 1)
	d.uint(nd, "Packet number", "macsec.PN", off+2, 4)
	if n > 6 {
		d.hexField(nd, "System Identifier", "macsec.SCI", off+6, 8)
	}
	p := off + n
	if tci&0x08 != 0 || end-p < 2+icv {
		d.data(parent, "Data (protected)", p, end)
		return
	}
	et := d.etherType(p)
	d.hexField(nd, "Type", "macsec.etype", p, 2)
	nd.Length += 2
	d.ethertype(parent, et, p+2, end-icv)
	d.add(parent, "ICV", "macsec.ICV", end-icv, icv, hexBytes(d.b[end-icv:end]))
}

// ARCNET protocol IDs (RFC 1201 and RFC 1051 framing).
const (
	arcIPv4RFC1201 uint8 = 0xd4
	arcIPv6        uint8 = 0xc4
	arcIPv4RFC1051 uint8 = 0xf0
)

// arcnet dissects the Linux ARCNET header: source, destination, offset,
// protocol ID, and for RFC 1201 protocols a split flag and sequence number.
func (d *dissector) arcnet(parent *Node, off, end int) {
	if end-off < 5 {
		d.truncatedHeader(parent, "ARCNET", "arcnet", off, end, 5)
		return
	}
	pid := d.b[off+4]
	n := 5
	if pid != arcIPv4RFC1051 {
		n = 8
	}
	if end-off < n {
		d.truncatedHeader(parent, "ARCNET", "arcnet", off, end, n)
		return
	}
	nd := d.proto(parent, "ARCNET", "arcnet", off, n)
	d.hexField(nd, "Source", "arcnet.src", off, 1)
	d.hexField(nd, "Dest", "arcnet.dst", off+1, 1)
	d.hexField(nd, "Offset", "arcnet.offset", off+2, 2)
	d.hexField(nd, "Protocol ID", "arcnet.protID", off+4, 1)
	if n == 8 {
		d.uint(nd, "Split Flag", "arcnet.split_flag", off+5, 1)
		d.uint(nd, "Sequence", "arcnet.sequence", off+6, 2)
	}
	switch pid {
	case arcIPv4RFC1201, arcIPv4RFC1051:
		d.ipv4(parent, off+n, end)
	case arcIPv6:
		d.ipv6(parent, off+n, end)
	default:
		d.data(parent, "Data", off+n, end)
	}
}
