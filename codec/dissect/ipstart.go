package dissect

import (
	"encoding/binary"

	"icmplab/codec"
)

// IPStart finds where the IP datagram of a frame starts along the common
// link layers (Ethernet with VLAN tags, Linux cooked v1 and v2, BSD and
// OpenBSD loopback, raw IP), without building a tree or allocating. It
// reports false for frames it cannot read quickly (tunnels, MPLS, other link
// types): Dissect handles those. QuickICMP and the story matcher both start
// here, so the link offsets are written once.
func IPStart(b []byte, start Layer) (int, bool) {
	off := 0
	switch start {
	case LayerEthernet:
		off = 12
		for {
			if len(b) < off+2 {
				return 0, false
			}
			et := codec.EtherType(binary.BigEndian.Uint16(b[off:]))
			off += 2
			switch et {
			case codec.EtherTypeIPv4, codec.EtherTypeIPv6:
				return off, off < len(b)
			case codec.EtherTypeVLAN, codec.EtherTypeQinQ, codec.EtherTypeQinQOld:
				off += 2
			default:
				return 0, false
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
		return IPStart(b, Guess(b))
	default:
		return 0, false
	}
	return off, off < len(b)
}
