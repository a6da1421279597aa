package filter

import (
	"icmplab/codec"
	"icmplab/codec/dissect"
)

// quickFields are the fields MatchBytes reads from dissect.QuickICMP's
// summary instead of a tree. The protocols listed are decided by it too:
// the frames it accepts hold exactly one IP header and one ICMP message.
var quickFields = map[string]bool{
	"frame": true, "frame.len": true, "frame.cap_len": true, "frame.number": true,
	"ip": true, "ip.src": true, "ip.dst": true, "ip.addr": true,
	"ipv6": true, "ipv6.src": true, "ipv6.dst": true, "ipv6.addr": true,
	"icmp": true, "icmp.type": true, "icmp.code": true, "icmp.ident": true, "icmp.seq": true,
	"icmp.checksum.status": true, "icmp.checksum_bad": true,
	"icmpv6": true, "icmpv6.type": true, "icmpv6.code": true,
	"icmpv6.echo.identifier": true, "icmpv6.echo.sequence_number": true,
	"icmpv6.checksum.status": true, "icmpv6.checksum_bad": true,
	"udp": true, "udp.srcport": true, "udp.dstport": true, "udp.port": true, "udp.length": true, "udp.checksum": true,
	"tcp": true, "tcp.srcport": true, "tcp.dstport": true, "tcp.port": true, "tcp.seq_raw": true, "tcp.ack_raw": true,
}

func quickable(fd *field) bool { return quickFields[fd.name] }

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
	for slot, fd := range f.fields {
		var on bool
		switch fd.name {
		case "frame":
			f.add(slot, value{})
		case "frame.len":
			f.add(slot, value{n: uint64(wireLen)})
		case "frame.cap_len":
			f.add(slot, value{n: uint64(len(data))})
		case "frame.number":
			f.add(slot, value{n: uint64(number)})
		case "ip", "icmp":
			if v4 {
				f.add(slot, value{})
			}
		case "ipv6", "icmpv6":
			if !v4 {
				f.add(slot, value{})
			}
		case "ip.src", "ipv6.src":
			if on = v4 == (fd.name == "ip.src"); on {
				f.add(slot, value{addr: q.Src})
			}
		case "ip.dst", "ipv6.dst":
			if on = v4 == (fd.name == "ip.dst"); on {
				f.add(slot, value{addr: q.Dst})
			}
		case "ip.addr", "ipv6.addr":
			if v4 == (fd.name == "ip.addr") {
				f.add(slot, value{addr: q.Src})
				f.add(slot, value{addr: q.Dst})
			}
		case "icmp.type", "icmpv6.type":
			if v4 == (fd.name == "icmp.type") {
				f.add(slot, value{n: uint64(q.Type)})
			}
		case "icmp.code", "icmpv6.code":
			if v4 == (fd.name == "icmp.code") {
				f.add(slot, value{n: uint64(q.Code)})
			}
		case "icmp.ident", "icmpv6.echo.identifier":
			if v4 == (fd.name == "icmp.ident") {
				f.add(slot, value{n: uint64(q.ID)})
			}
		case "icmp.seq", "icmpv6.echo.sequence_number":
			if v4 == (fd.name == "icmp.seq") {
				f.add(slot, value{n: uint64(q.Seq)})
			}
		case "icmp.checksum.status", "icmpv6.checksum.status":
			if v4 == (fd.name == "icmp.checksum.status") {
				f.add(slot, value{n: statusCode(q.Checksum)})
			}
		case "icmp.checksum_bad", "icmpv6.checksum_bad":
			if v4 == (fd.name == "icmp.checksum_bad") && q.Checksum == codec.ChecksumBad {
				f.add(slot, value{})
			}
		}
		// udp.* and tcp.*: absent from a message that quotes nothing.
	}
	return f.eval(f.root), true
}

// EtherTypes of an untagged Ethernet II frame carrying IP (IEEE registry).
// codec/dissect keeps its own unexported copies; they belong in one codec
// table (see the report of this change).
const (
	etherTypeIPv4 = 0x0800
	etherTypeIPv6 = 0x86dd
	etherTypeOff  = 12 // after destination and source MAC addresses
)

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
		switch uint16(data[etherTypeOff])<<8 | uint16(data[etherTypeOff+1]) {
		case etherTypeIPv4:
			return codec.IPv4
		case etherTypeIPv6:
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
