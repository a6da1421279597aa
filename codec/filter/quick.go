package filter

import (
	"icmplab/codec"
	"icmplab/codec/dissect"
)

// quickID names how MatchBytes reads a field from dissect.QuickICMP's
// summary instead of a tree.
type quickID uint8

const (
	qNone quickID = iota // not readable without the tree
	qFrame
	qFrameLen
	qFrameCapLen
	qFrameNumber
	qIP // protocol presence, one per family
	qICMP
	qIPv6
	qICMPv6
	qSrc4
	qDst4
	qAddr4
	qSrc6
	qDst6
	qAddr6
	qType4
	qCode4
	qType6
	qCode6
	qIdent4
	qSeq4
	qIdent6
	qSeq6
	qStatus4
	qStatus6
	qBad4
	qBad6
	qAbsent // udp.*, tcp.*: never in a message that quotes nothing
)

// quickFields maps the fields the quick path reads. The frames it accepts
// hold exactly one IP header and one ICMP message quoting nothing, so the
// transport fields are known absent.
var quickFields = map[string]quickID{
	"frame": qFrame, "frame.len": qFrameLen, "frame.cap_len": qFrameCapLen, "frame.number": qFrameNumber,
	"ip": qIP, "ip.src": qSrc4, "ip.dst": qDst4, "ip.addr": qAddr4,
	"ipv6": qIPv6, "ipv6.src": qSrc6, "ipv6.dst": qDst6, "ipv6.addr": qAddr6,
	"icmp": qICMP, "icmp.type": qType4, "icmp.code": qCode4, "icmp.ident": qIdent4, "icmp.seq": qSeq4,
	"icmp.checksum.status": qStatus4, "icmp.checksum_bad": qBad4,
	"icmpv6": qICMPv6, "icmpv6.type": qType6, "icmpv6.code": qCode6,
	"icmpv6.echo.identifier": qIdent6, "icmpv6.echo.sequence_number": qSeq6,
	"icmpv6.checksum.status": qStatus6, "icmpv6.checksum_bad": qBad6,
	"udp": qAbsent, "udp.srcport": qAbsent, "udp.dstport": qAbsent, "udp.port": qAbsent, "udp.length": qAbsent, "udp.checksum": qAbsent,
	"tcp": qAbsent, "tcp.srcport": qAbsent, "tcp.dstport": qAbsent, "tcp.port": qAbsent, "tcp.seq_raw": qAbsent, "tcp.ack_raw": qAbsent,
}

func quickable(fd *field) bool { return quickFields[fd.name] != qNone }

// MatchBytes decides a frame from its bytes without dissecting it when it
// can: ok is false when the frame needs the tree (Match on its dissection),
// either because the expression names a field the quick path does not read
// or because the frame is not a plain IP datagram carrying a whole ICMP
// message that quotes nothing (an echo, timestamp, information or address
// mask message with a checksum verdict). wireLen is the frame's length on
// the wire (0 means len(data)); number its 1-based position.
//
// Where it decides, it decides as Match does on the frame's dissection
// (TestQuickAgreesWithTree holds it to that over the corpus). A nil
// Filter decides nothing.
func (f *Filter) MatchBytes(data []byte, start dissect.Layer, number, wireLen int) (matched, ok bool) {
	if f == nil || !f.quick {
		return false, false
	}
	if wireLen == 0 {
		wireLen = len(data)
	}
	if wireLen != len(data) {
		return false, false // cut short: the tree says where
	}
	if start == dissect.LayerAuto {
		start = dissect.Guess(data)
	}
	if !linkAgrees(data, start) {
		return false, false
	}
	q, ok := dissect.QuickICMP(data, start)
	// A verdict on the checksum means a whole message, not a fragment nor
	// a quote; an identifier means a kind that quotes no datagram.
	if !ok || !q.HasID || q.Checksum == codec.ChecksumUnverified {
		return false, false
	}
	v4 := q.Family == codec.IPv4
	if want := wantFamily(data, start); want != q.Family {
		return false, false
	}
	f.reset()
	for slot, id := range f.qids {
		switch id {
		case qFrame:
			f.add(slot, value{})
		case qFrameLen:
			f.add(slot, value{n: uint64(wireLen)})
		case qFrameCapLen:
			f.add(slot, value{n: uint64(len(data))})
		case qFrameNumber:
			f.add(slot, value{n: uint64(number)})
		}
		if v4 {
			switch id {
			case qIP, qICMP, qBad4:
				if id != qBad4 || q.Checksum == codec.ChecksumBad {
					f.add(slot, value{})
				}
			case qSrc4:
				f.add(slot, value{addr: q.Src})
			case qDst4:
				f.add(slot, value{addr: q.Dst})
			case qAddr4:
				f.add(slot, value{addr: q.Src})
				f.add(slot, value{addr: q.Dst})
			case qType4:
				f.add(slot, value{n: uint64(q.Type)})
			case qCode4:
				f.add(slot, value{n: uint64(q.Code)})
			case qIdent4:
				f.add(slot, value{n: uint64(q.ID)})
			case qSeq4:
				f.add(slot, value{n: uint64(q.Seq)})
			case qStatus4:
				f.add(slot, value{n: statusCode(q.Checksum)})
			}
			continue
		}
		switch id {
		case qIPv6, qICMPv6, qBad6:
			if id != qBad6 || q.Checksum == codec.ChecksumBad {
				f.add(slot, value{})
			}
		case qSrc6:
			f.add(slot, value{addr: q.Src})
		case qDst6:
			f.add(slot, value{addr: q.Dst})
		case qAddr6:
			f.add(slot, value{addr: q.Src})
			f.add(slot, value{addr: q.Dst})
		case qType6:
			f.add(slot, value{n: uint64(q.Type)})
		case qCode6:
			f.add(slot, value{n: uint64(q.Code)})
		case qIdent6:
			f.add(slot, value{n: uint64(q.ID)})
		case qSeq6:
			f.add(slot, value{n: uint64(q.Seq)})
		case qStatus6:
			f.add(slot, value{n: statusCode(q.Checksum)})
		}
	}
	return f.eval(f.root), true
}

// etherTypeOff is where an untagged Ethernet II header holds its
// EtherType: after the destination and source MAC addresses.
const etherTypeOff = 12

// linkAgrees limits the quick path to the starts where the family the
// link layer (or the caller) names can be checked against the IP header's
// version: raw IP and untagged Ethernet II. QuickICMP reads the version
// nibble, while Dissect follows the EtherType or the forced layer; where
// they could disagree (a tag, a cooked header), the tree decides.
func linkAgrees(data []byte, start dissect.Layer) bool {
	switch start {
	case dissect.LayerIP, dissect.LayerIPv4, dissect.LayerIPv6:
		return true
	case dissect.LayerEthernet:
		return len(data) > etherTypeOff+2
	}
	return false
}

// wantFamily is the family the start layer names.
func wantFamily(data []byte, start dissect.Layer) codec.Family {
	switch start {
	case dissect.LayerIPv4:
		return codec.IPv4
	case dissect.LayerIPv6:
		return codec.IPv6
	case dissect.LayerEthernet:
		switch codec.EtherType(data[etherTypeOff])<<8 | codec.EtherType(data[etherTypeOff+1]) {
		case codec.EtherTypeIPv4:
			return codec.IPv4
		case codec.EtherTypeIPv6:
			return codec.IPv6
		}
		return 0
	}
	// LayerIP: by the version nibble, as Dissect reads it.
	if len(data) > 0 && data[0]>>4 == 6 {
		return codec.IPv6
	}
	return codec.IPv4
}
