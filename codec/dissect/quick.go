package dissect

import (
	"encoding/binary"
	"net/netip"

	"icmplab/codec"
)

// Quick is the summary of a frame's ICMP message without a tree: what a
// capture-wide listing (`tshark -T fields -e icmp.type ...`) needs, decoded
// by codec.DecodeIP after the link header is skipped.
type Quick struct {
	Family   codec.Family
	Src, Dst netip.Addr
	Type     codec.Type
	Code     codec.Code
	Checksum codec.ChecksumStatus
	HasID    bool
	ID, Seq  uint16
}

// QuickICMP finds the ICMP message of a frame along the common paths
// (Ethernet with VLAN tags, Linux cooked, loopback, raw IP) without building
// a tree or allocating. It reports false for frames it cannot read quickly
// (tunnels, MPLS, fragments): Dissect handles those.
func QuickICMP(b []byte, start Layer) (Quick, bool) {
	var q Quick
	off := 0
	switch start {
	case LayerEthernet:
		off = 12
	tags:
		for {
			if len(b) < off+2 {
				return q, false
			}
			et := codec.EtherType(binary.BigEndian.Uint16(b[off:]))
			off += 2
			switch et {
			case codec.EtherTypeIPv4, codec.EtherTypeIPv6:
				break tags
			case codec.EtherTypeVLAN, codec.EtherTypeQinQ, codec.EtherTypeQinQOld:
				off += 2
			default:
				return q, false
			}
		}
	case LayerSLL:
		off = 16
	case LayerSLL2:
		off = 20
	case LayerNull, LayerLoop:
		off = 4
	case LayerIP, LayerIPv4, LayerIPv6:
	case LayerAuto:
		return QuickICMP(b, Guess(b))
	default:
		return q, false
	}
	if off >= len(b) {
		return q, false
	}
	p, _ := codec.DecodeIP(b[off:])
	if !p.HasICMP || len(p.ICMP.Bytes()) < 4 {
		return q, false
	}
	m := p.ICMP
	q.Family, q.Type, q.Code, q.Checksum = m.Family, m.Type, m.Code, m.Sum.Status
	if p.Family == codec.IPv4 {
		q.Src, q.Dst = p.V4.Src, p.V4.Dst
	} else {
		q.Src, q.Dst = p.V6.Src, p.V6.Dst
	}
	switch m.Kind {
	case codec.KindEcho, codec.KindTimestamp, codec.KindInformation, codec.KindAddressMask:
		body := m.Body()
		q.HasID = true
		q.ID, q.Seq = binary.BigEndian.Uint16(body), binary.BigEndian.Uint16(body[2:])
	}
	return q, true
}
