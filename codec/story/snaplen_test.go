package story

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// snap cuts every captured datagram to n bytes, as `tcpdump -s` does: a
// capture with a small snapshot still holds the headers the matcher reads.
func (n *net) snap(size int) {
	for i := range n.pkts {
		if len(n.pkts[i].IP) > size {
			n.pkts[i].IP = n.pkts[i].IP[:size]
		}
	}
}

// A traceroute and a ping captured with a snapshot shorter than their
// probes (tracepath sends probes of the path MTU, and captures made with
// -s 256 or -s 1500 are common) tell the same story as the whole capture.
func TestSnapshotShorterThanProbes(t *testing.T) {
	for _, family := range []struct{ src, dst, r string }{{src4, dst4, r1}, {"2001:2::1", "2001:2:0:3::2", "2001:2:0:1::2"}} {
		n := newNet()
		var probes [][]byte
		for ttl := uint8(1); ttl <= 2; ttl++ {
			udp := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 44444 + uint16(ttl)}, make([]byte, 1400), addr(family.src), addr(family.dst))
			probes = append(probes, n.at(float64(ttl), n.ip(family.src, family.dst, ttl, codec.ProtoUDP, udp)))
		}
		te, unreach, port := codec.ICMPv4TimeExceeded, codec.ICMPv4DestinationUnreachable, codec.CodePortUnreachable
		if fam(family.src) == codec.IPv6 {
			te, unreach, port = codec.ICMPv6TimeExceeded, codec.ICMPv6DestinationUnreachable, codec.Code6PortUnreachable
		}
		n.at(1.5, n.icmpErr(family.r, probes[0], te, 0))
		n.at(2.5, n.icmpErr(family.dst, probes[1], unreach, port))
		n.at(3, n.echo(family.src, family.dst, 64, false, 7, 1))
		n.at(3.5, n.echo(family.dst, family.src, 64, true, 7, 1))
		whole := n.result()
		n.snap(200) // the probes are cut, the errors and echoes are whole
		cut := n.result()
		require.Len(t, whole.Exchanges, 2, family.src)
		require.Equal(t, len(whole.Exchanges), len(cut.Exchanges), family.src)
		for i := range whole.Exchanges {
			w, c := whole.Exchanges[i], cut.Exchanges[i]
			if w.Trace != nil {
				require.NotNil(t, c.Trace, family.src)
				assert.Equal(t, w.Trace.Reached, c.Trace.Reached)
				assert.Equal(t, len(w.Trace.Hops), len(c.Trace.Hops))
				for h := range w.Trace.Hops {
					assert.Equal(t, HopLine(w.Trace.Hops[h]), HopLine(c.Trace.Hops[h]))
				}
			}
			if w.Ping != nil {
				require.NotNil(t, c.Ping, family.src)
				assert.Equal(t, w.Ping.Received, c.Ping.Received)
			}
		}
	}
}
