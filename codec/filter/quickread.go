package filter

import (
	"encoding/binary"
	"net/netip"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// MatchBytes decides a frame from its bytes without dissecting it when it
// can: ok is false when the frame needs the tree (Match on its dissection),
// either because the expression names a field the quick path does not read
// or because the frame is not one it reads (see quick.go: a fragment, a
// tunnel, a malformed header, a quote holding IPv6 extension headers or an
// ICMP message other than an echo...). A frame the capture cut short is
// read as far as it goes, as the tree reads it.
// wireLen is the frame's length on the wire (0 means len(data)); number
// its 1-based position.
//
// Only the headers holding the fields the expression names are read: one
// that names no field a quote can hold does not read the quote. Even an
// expression on frame.* alone leaves to the tree the frames the quick path
// does not read: a caller that dissects with a dissect.Reassembler (decode
// -Y) must see every fragment, also those the filter would hide.
//
// Where it decides, it decides as Match does on the frame's dissection
// (TestQuickAgreesWithTree holds it to that over the corpus and generated
// frames). A nil Filter decides nothing.
func (f *Filter) MatchBytes(data []byte, start dissect.Layer, number, wireLen int) (matched, ok bool) {
	if f == nil || !f.plan.ok {
		return false, false
	}
	wireLen = max(wireLen, len(data)) // as Dissect takes Options.Len
	if !f.readFrame(data, start, wireLen > len(data)) {
		return false, false
	}
	if len(f.plan.slots[qlFrame]) != 0 {
		f.frameFields(len(data), wireLen, number)
	}
	return f.eval(f.root), true
}

// frameFields adds the frame.* occurrences.
func (f *Filter) frameFields(capLen, wireLen, number int) {
	for _, slot := range f.plan.slots[qlFrame] {
		switch f.plan.specs[slot].special {
		case frameProto:
			f.add(slot, value{})
		case frameLen:
			f.add(slot, value{n: uint64(wireLen)})
		case frameCapLen:
			f.add(slot, value{n: uint64(capLen)})
		case frameNumber:
			f.add(slot, value{n: uint64(number)})
		}
	}
}

// readFrame resets the occurrences and gathers those of every header of
// the frame the expression names, or returns false when the frame is not
// one the quick path reads. capCut says the capture kept fewer bytes than
// the wire carried (a snapshot length).
func (f *Filter) readFrame(data []byte, start dissect.Layer, capCut bool) bool {
	if start == dissect.LayerAuto {
		start = dissect.Guess(data)
	}
	off, fam, tags := 0, codec.Family(0), 0
	switch start {
	case dissect.LayerEthernet, dissect.LayerSLL, dissect.LayerSLL2:
		hl, typeAt := linkHeader(start)
		if len(data) <= hl {
			return false
		}
		off = hl
		et := codec.EtherType(binary.BigEndian.Uint16(data[typeAt:]))
		for ; isVLAN(et); tags++ {
			if tags == maxVLANTags || len(data) < off+codec.VLANTagLen {
				return false // the tree says where the tags end
			}
			et = codec.EtherType(binary.BigEndian.Uint16(data[off+codec.VLANTypeOffset:]))
			off += codec.VLANTagLen
		}
		switch et {
		case codec.EtherTypeIPv4:
			fam = codec.IPv4
		case codec.EtherTypeIPv6:
			fam = codec.IPv6
		default:
			return false // MPLS, PPPoE, ...: the tree follows them
		}
		if len(data) <= off {
			return false
		}
	case dissect.LayerIPv4:
		fam = codec.IPv4
	case dissect.LayerIPv6:
		fam = codec.IPv6
	case dissect.LayerIP:
	default:
		return false
	}
	ip := data[off:]
	if len(ip) == 0 {
		return false
	}
	// The version nibble must say what the link layer (or the caller)
	// said: the tree follows the EtherType, the decoder the nibble.
	switch v := ip[0] >> 4; {
	case v == 4 && fam != codec.IPv6:
		fam = codec.IPv4
	case v == 6 && fam != codec.IPv4:
		fam = codec.IPv6
	case fam == codec.IPv4:
		// The link layer says IPv4 and the nibble does not: the tree
		// draws an IPv4 header all the same.
		return f.misversioned(data, start, off, tags)
	default:
		return false
	}
	// A datagram the capture cut short is read as far as it goes, as the
	// tree does, from its fixed header (Decode would allocate an error
	// to say it is cut); any other fault is the tree's.
	p := &f.pkt
	var hdr, payload []byte
	var proto uint8
	cut := capCut && beyondCapture(ip)
	if cut {
		var ok bool
		if hdr, proto, ok = cutHeader(ip); !ok {
			return false
		}
		payload = ip[len(hdr):]
	} else {
		if p.Decode(ip) != nil || p.Family != fam {
			return false
		}
		if fam == codec.IPv4 {
			if p.V4.FragOff != 0 || p.V4.Flags&codec.IPv4FlagMF != 0 {
				return false
			}
			hdr, proto = ip[:int(p.V4.IHL)*4], p.V4.Protocol
		} else {
			h := &p.V6
			if h.Fragmented || h.PayloadLen == 0 {
				// A fragment; a jumbogram; or a payload length of
				// zero, after which the tree shows nothing where the
				// decoder reads to the end of the capture.
				return false
			}
			hdr, proto = ip[:codec.IPv6HeaderLen], h.Upper
		}
		payload = p.Payload
	}
	f.reset()
	f.link(data, start, tags)
	f.ipHeader(fam, hdr, true, false)
	switch {
	case !cut && p.HasICMP:
		if p.ICMP.Sum.Status == codec.ChecksumUnverified {
			return false // not a whole message: the tree says why
		}
		return f.ownICMP(fam, payload, &p.ICMP)
	case cut && (fam == codec.IPv4 && proto == codec.ProtoICMP || fam == codec.IPv6 && proto == codec.ProtoICMPv6):
		// The tree parses what is there and shows it unverified.
		var src, dst netip.Addr
		if fam == codec.IPv6 {
			src = netip.AddrFrom16([16]byte(hdr[codec.IPv6SrcOffset:]))
			dst = netip.AddrFrom16([16]byte(hdr[codec.IPv6DstOffset:]))
		}
		m, err := codec.Parse(fam, payload, src, dst)
		if err != nil {
			return false
		}
		m.Sum = codec.ChecksumCheck{Status: codec.ChecksumUnverified}
		return f.ownICMP(fam, payload, &m)
	case proto == codec.ProtoUDP:
		if len(payload) > codec.UDPHeaderLen &&
			(dissect.UDPTunnelPort(binary.BigEndian.Uint16(payload)) || dissect.UDPTunnelPort(binary.BigEndian.Uint16(payload[codec.UDPDstPortOffset:]))) {
			return false // a tunnel the tree may follow
		}
		f.transport(qlUDP, payload, codec.UDPHeaderLen, false)
		return true
	case proto == codec.ProtoTCP:
		f.transport(qlTCP, payload, codec.TCPMinHeaderLen, false)
		return true
	}
	return false
}

// beyondCapture reports whether an IP datagram's length field (the
// version nibble says which) reaches past the bytes kept of it: the
// capture cut it short.
func beyondCapture(ip []byte) bool {
	if ip[0]>>4 == 4 {
		return len(ip) > codec.IPv4TotalLengthOffset+1 &&
			int(binary.BigEndian.Uint16(ip[codec.IPv4TotalLengthOffset:])) > len(ip)
	}
	if len(ip) <= codec.IPv6PayloadLengthOffset+1 {
		return false
	}
	plen := int(binary.BigEndian.Uint16(ip[codec.IPv6PayloadLengthOffset:]))
	return plen != 0 && codec.IPv6HeaderLen+plen > len(ip)
}

// cutHeader reads the header of a datagram the capture cut short: a whole
// IPv4 header that is not a fragment, or an IPv6 header followed by no
// extension header (the tree walks those). It returns the header and the
// protocol it carries, or false for a header the tree must show.
func cutHeader(ip []byte) (hdr []byte, proto uint8, ok bool) {
	if ip[0]>>4 == 4 {
		if len(ip) < codec.IPv4MinHeaderLen {
			return nil, 0, false
		}
		hl := int(ip[codec.IPv4VersionIHLOffset]&0x0f) * 4
		frag := binary.BigEndian.Uint16(ip[codec.IPv4FlagsFragOffset:])
		if hl < codec.IPv4MinHeaderLen || hl > len(ip) || frag&0x1fff != 0 || frag&(uint16(codec.IPv4FlagMF)<<13) != 0 {
			return nil, 0, false
		}
		return ip[:hl], ip[codec.IPv4ProtocolOffset], true
	}
	if len(ip) < codec.IPv6HeaderLen {
		return nil, 0, false
	}
	switch nh := ip[codec.IPv6NextHeaderOffset]; nh {
	case codec.ProtoHopByHop, codec.ProtoDstOpts, codec.ProtoRouting, codec.ProtoFragment, codec.ProtoAH:
		return nil, 0, false
	default:
		return ip[:codec.IPv6HeaderLen], nh, true
	}
}

// link adds the fields of the link-layer header the frame starts with and
// of the VLAN tags after it; raw IP has none.
func (f *Filter) link(data []byte, start dissect.Layer, tags int) {
	hl, _ := linkHeader(start)
	switch start {
	case dissect.LayerEthernet:
		f.header(qlEth, data[:codec.EthernetHeaderLen], true, false)
	case dissect.LayerSLL:
		f.header(qlSLL, data[:codec.SLLHeaderLen], true, false)
	}
	for i := range tags {
		f.header(qlVLAN, data[hl+i*codec.VLANTagLen:], true, false)
	}
}

// linkHeader is the length of a link-layer header the quick path reads and
// where its EtherType sits; 0, 0 for raw IP.
func linkHeader(start dissect.Layer) (hl, typeAt int) {
	switch start {
	case dissect.LayerEthernet:
		return codec.EthernetHeaderLen, codec.EthernetTypeOffset
	case dissect.LayerSLL:
		return codec.SLLHeaderLen, codec.SLLTypeOffset
	case dissect.LayerSLL2:
		return codec.SLL2HeaderLen, codec.SLL2TypeOffset
	}
	return 0, 0
}

// isVLAN reports whether an EtherType introduces an 802.1Q or 802.1ad tag,
// the ones the tree follows.
func isVLAN(et codec.EtherType) bool {
	return et == codec.EtherTypeVLAN || et == codec.EtherTypeQinQ || et == codec.EtherTypeQinQOld
}

// misversioned reads a frame whose link layer says IPv4 over a header whose
// version nibble says otherwise. The tree follows the link layer: it draws
// the fixed header's fields as IPv4's and, when the header length is
// impossible or nothing follows the header (or only a later fragment's
// data), nothing more; anything else after it is the tree's to draw.
func (f *Filter) misversioned(data []byte, start dissect.Layer, off, tags int) bool {
	ip := data[off:]
	if len(ip) < codec.IPv4MinHeaderLen {
		return false
	}
	f.reset()
	f.link(data, start, tags)
	f.header(qlIPv4, ip[:codec.IPv4MinHeaderLen], true, false)
	hl := int(ip[codec.IPv4VersionIHLOffset]&0x0f) * 4
	if hl < codec.IPv4MinHeaderLen || hl > len(ip) {
		return true
	}
	stop := int(binary.BigEndian.Uint16(ip[codec.IPv4TotalLengthOffset:]))
	if stop < hl || stop > len(ip) {
		stop = len(ip)
	}
	if stop == hl {
		return true
	}
	return binary.BigEndian.Uint16(ip[codec.IPv4FlagsFragOffset:])&0x1fff != 0
}

// ipHeader adds the fields of an IP header of fam: whole is false for a
// quoted header cut before its fixed part ends, which shows as the
// protocol alone.
func (f *Filter) ipHeader(fam codec.Family, h []byte, whole, quoted bool) {
	l := qlIPv6
	if fam == codec.IPv4 {
		l = qlIPv4
	}
	f.header(l, h, whole, quoted)
}

// transport adds the fields of a UDP or TCP header of hl bytes at the
// start of b; no bytes at all is no header, as in the tree.
func (f *Filter) transport(l quickLayer, b []byte, hl int, quoted bool) {
	if len(b) == 0 {
		return
	}
	f.header(l, b, len(b) >= hl, quoted)
}

// ownICMP adds the fields of the frame's own ICMP message (its checksum
// verdict, its identifier and sequence, its quote) or returns false for
// the kinds the tree draws with fields the quick path does not model.
func (f *Filter) ownICMP(fam codec.Family, payload []byte, m *codec.Message) bool {
	if len(payload) < 4 {
		return false // not even a header: the tree says why
	}
	if (m.Family == codec.IPv4) != (fam == codec.IPv4) {
		return false
	}
	l, echo, word := qlICMP4, qlEcho4, qlError4
	if m.Family == codec.IPv6 {
		l, echo, word = qlICMP6, qlEcho6, qlError6
	}
	f.icmpHeader(l, payload, true, m.Sum.Status, false)
	switch m.Kind {
	case codec.KindEcho, codec.KindTimestamp, codec.KindInformation, codec.KindAddressMask:
		f.header(echo, payload, true, false)
	case codec.KindError:
		if f.plan.reads(word) {
			f.errorWord(word, m.Type, m.Code, payload)
		}
		if f.plan.quote {
			return f.quote(m)
		}
	case codec.KindExtendedEchoRequest, codec.KindExtendedEchoReply, codec.KindRedirect6, codec.KindNodeInfo:
		// An extended echo's identifier counts as icmp.ident; a redirect
		// quotes a datagram in an option; node information carries
		// addresses: the tree reads them.
		return false
	}
	return true
}

// icmpHeader adds an ICMP header's fields; st is the checksum verdict, which
// only the frame's own message has (a quote's is unverified).
func (f *Filter) icmpHeader(l quickLayer, b []byte, whole bool, st codec.ChecksumStatus, quoted bool) {
	if len(f.plan.slots[l]) == 0 {
		return
	}
	f.readHeader(l, b, whole, quoted)
	for _, slot := range f.plan.slots[l] {
		switch f.plan.specs[slot].special {
		case checksumStatus4, checksumStatus6:
			f.add(slot, value{n: statusCode(st)})
		case checksumBad4, checksumBad6:
			if !quoted && st == codec.ChecksumBad {
				f.add(slot, value{})
			}
		}
	}
}

// errorWord adds the named fields of the word after an error message's
// header (next-hop MTU, pointer, gateway) that its type and code hold.
func (f *Filter) errorWord(l quickLayer, t codec.Type, c codec.Code, msg []byte) {
	for _, slot := range f.plan.slots[l] {
		s := &f.plan.specs[slot]
		if !s.only.holds(t, c) {
			continue
		}
		for _, at := range s.at {
			if at+s.width <= len(msg) {
				f.add(slot, bytesValue(msg[at:at+s.width], s.mask, s.shift, f.fields[slot]))
			}
		}
	}
}

// quote adds the fields of the datagram an error message quotes, as the
// tree dissects it (codec/dissect's ipv4, ipv6 and upper with quoted set),
// or returns false for a quote whose shape the quick path does not read.
func (f *Filter) quote(m *codec.Message) bool {
	e, ok := m.Error()
	if !ok {
		return false
	}
	q := e.Quote
	if len(q) == 0 {
		return true
	}
	var fam codec.Family
	var hl, stop int
	var proto uint8
	switch q[0] >> 4 {
	case 4:
		fam = codec.IPv4
		if len(q) < codec.IPv4MinHeaderLen {
			f.ipHeader(fam, q, false, true)
			return true
		}
		f.ipHeader(fam, q[:codec.IPv4MinHeaderLen], true, true)
		hl = int(q[codec.IPv4VersionIHLOffset]&0x0f) * 4
		if hl < codec.IPv4MinHeaderLen || hl > len(q) {
			return true // the tree stops at the fixed header
		}
		// Where the quoted datagram ends: its total length, unless that
		// is less than its header or more than the quote holds.
		stop = int(binary.BigEndian.Uint16(q[codec.IPv4TotalLengthOffset:]))
		if stop < hl || stop > len(q) {
			stop = len(q)
		}
		frag := binary.BigEndian.Uint16(q[codec.IPv4FlagsFragOffset:])
		if frag&0x1fff != 0 {
			return true // a later fragment: data only
		}
		proto = q[codec.IPv4ProtocolOffset]
	case 6:
		fam = codec.IPv6
		if len(q) < codec.IPv6HeaderLen {
			f.ipHeader(fam, q, false, true)
			return true
		}
		f.ipHeader(fam, q[:codec.IPv6HeaderLen], true, true)
		hl = codec.IPv6HeaderLen
		stop = hl + int(binary.BigEndian.Uint16(q[codec.IPv6PayloadLengthOffset:]))
		if stop > len(q) {
			stop = len(q)
		}
		proto = q[codec.IPv6NextHeaderOffset]
		switch proto {
		case codec.ProtoHopByHop, codec.ProtoDstOpts, codec.ProtoRouting, codec.ProtoFragment, codec.ProtoAH:
			return false // extension headers: the tree walks them
		}
	default:
		return true // not IP: shown as data
	}
	t := q[hl:stop]
	if len(t) == 0 {
		return true
	}
	switch proto {
	case codec.ProtoUDP:
		f.transport(qlUDP, t, codec.UDPHeaderLen, true)
	case codec.ProtoTCP:
		f.transport(qlTCP, t, codec.TCPMinHeaderLen, true)
	case codec.ProtoICMP, codec.ProtoICMPv6:
		return f.quotedICMP(proto, t)
	case codec.ProtoIPv4, codec.ProtoIPv6, codec.ProtoGRE, codec.ProtoPIM, codec.ProtoAH:
		return false // encapsulations the tree follows
	}
	return true
}

// quotedICMP adds the fields of an ICMP message inside a quote: its header
// as far as the quote goes, and an echo's identifier and sequence. Other
// kinds (an error quoting an error...) are the tree's.
func (f *Filter) quotedICMP(proto uint8, t []byte) bool {
	fam, l, echo := codec.IPv4, qlICMP4, qlEcho4
	if proto == codec.ProtoICMPv6 {
		fam, l, echo = codec.IPv6, qlICMP6, qlEcho6
	}
	if len(t) < 4 {
		f.icmpHeader(l, t, false, codec.ChecksumUnverified, true)
		return true
	}
	if codec.KindOf(fam, codec.Type(t[codec.ICMPTypeOffset])) != codec.KindEcho || len(t) < 8 {
		return false
	}
	f.icmpHeader(l, t, true, codec.ChecksumUnverified, true)
	f.header(echo, t, true, true)
	return true
}

// header adds the occurrences of every named field of layer l found in h,
// the bytes from the header's start: all of them when the header is whole,
// else its presence and, in a quote, the partial fields its bytes hold.
//
// A call costs more than the test in WebAssembly, so the test comes first
// and the header is read only when a named field lives in it.
func (f *Filter) header(l quickLayer, h []byte, whole, quoted bool) {
	if len(f.plan.slots[l]) != 0 {
		f.readHeader(l, h, whole, quoted)
	}
}

func (f *Filter) readHeader(l quickLayer, h []byte, whole, quoted bool) {
	for _, slot := range f.plan.slots[l] {
		s := &f.plan.specs[slot]
		if s.special != fromTree {
			continue
		}
		if len(s.at) == 0 {
			f.add(slot, value{})
			continue
		}
		if !whole && !(quoted && s.partial) {
			continue
		}
		fd := f.fields[slot]
		for _, at := range s.at {
			if at+s.width <= len(h) {
				f.add(slot, bytesValue(h[at:at+s.width], s.mask, s.shift, fd))
			}
		}
	}
}

// bytesValue is a field's value from the bytes its node covers: an
// address, a MAC address, or a big-endian number masked and shifted right
// by shift (the mask's trailing zeros) when mask is set, times the field's
// unit.
func bytesValue(b []byte, mask uint32, shift uint8, fd *field) value {
	switch fd.kind {
	case kindAddr:
		return addrValue(b)
	case kindMAC:
		var w [8]byte
		copy(w[2:], b)
		return value{n: binary.BigEndian.Uint64(w[:])}
	}
	var n uint64
	for _, c := range b {
		n = n<<8 | uint64(c)
	}
	if mask != 0 {
		n = n & uint64(mask) >> shift
	}
	if fd.scale > 1 {
		n *= fd.scale
	}
	return value{n: n}
}
