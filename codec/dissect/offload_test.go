package dissect

import (
	"net/netip"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// A UDP or TCP probe captured on the host that sends it, before the NIC
// fills its checksum in (offload), carries the pseudo-header's sum only:
// it is said to be not yet computed, not marked wrong. A checksum that is
// simply wrong still is.
func TestChecksumOffloaded(t *testing.T) {
	src, dst := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.3.2")
	for _, proto := range []uint8{codec.ProtoUDP, codec.ProtoTCP} {
		var seg []byte
		ckOff := 6
		if proto == codec.ProtoUDP {
			seg = codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33434}, make([]byte, 32), src, dst)
		} else {
			seg = codec.AppendTCP(nil, codec.TCPHeader{SrcPort: 40000, DstPort: 80, Seq: 7, DataOff: 5, Flags: codec.TCPFlagSYN, Window: 64240}, nil, src, dst)
			ckOff = 16
		}
		partial := codec.PseudoHeaderSum(src, dst, proto, len(seg))
		offloaded := ^partial.Fold()
		h := codec.IPv4Header{TotalLength: uint16(20 + len(seg)), TTL: 3, Protocol: proto, Src: src, Dst: dst}
		for _, c := range []struct {
			ck   uint16
			want string
			note bool
		}{
			{offloaded, "[not yet computed, probably offloaded]", false},
			{offloaded ^ 0x0101, "[incorrect, should be", true},
		} {
			b := append(h.AppendHeader(nil), seg...)
			b[20+ckOff], b[20+ckOff+1] = byte(c.ck>>8), byte(c.ck)
			f := Dissect(b, LayerIPv4, Options{})
			var found *Node
			walkNodes(f.Root, func(n *Node) {
				if strings.HasSuffix(n.Field, ".checksum") && n.Offset == 20+ckOff {
					found = n
				}
			})
			require.NotNil(t, found, "checksum node of protocol %d", proto)
			assert.Contains(t, found.Value, c.want)
			assert.Equal(t, c.note, len(found.Notes) > 0, "%+v", found.Notes)
		}
	}
}

// walkNodes visits every node of a tree.
func walkNodes(nodes []*Node, fn func(*Node)) {
	for _, n := range nodes {
		fn(n)
		walkNodes(n.Kids, fn)
	}
}
