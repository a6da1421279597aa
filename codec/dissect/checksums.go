package dissect

import (
	"encoding/binary"
	"net/netip"
	"strings"

	"icmplab/codec"
)

// WorkedChecksum is one checksum of a frame worked out step by step
// (codec.WorkedChecksum, offsets in the frame), with the node of its field.
type WorkedChecksum struct {
	Node *Node // the checksum field ("ip.checksum", "icmpv6.checksum", ...)
	codec.WorkedChecksum
}

// WorkedChecksums works out the checksums of a frame that its own bytes
// cover: each IPv4 header's, the outermost ICMP message's (ICMPv6 with the
// pseudo-header of its addresses) and its RFC 4884 extension structure's,
// and the UDP or TCP checksum of a datagram the dissector verified. Checksums
// inside a quoted ICMP message, in reassembled buffers, and those the
// dissector could not verify (a quote cut short, a fragment) are left out.
//
// The field ids matched here are this package's own: the page and the
// command line ask for the worked checksums, they never pick them by name.
func WorkedChecksums(f *Frame) []WorkedChecksum {
	var out []WorkedChecksum
	var ip ipSpan
	var walk func(nodes []*Node, parent *Node, icmpDepth int, quoted bool)
	walk = func(nodes []*Node, parent *Node, icmpDepth int, quoted bool) {
		for _, n := range nodes {
			if n.Source != 0 {
				continue
			}
			depth := icmpDepth
			switch n.Field {
			case "icmp", "icmpv6":
				depth++
			case "ip", "ipv6":
				if !quoted {
					ip = ipSpanOf(f, n)
				}
			}
			if parent != nil && depth <= 1 {
				if w, ok := workedFor(f, n, parent, ip, quoted); ok {
					out = append(out, w)
				}
			}
			walk(n.Kids, n, depth, quoted || strings.HasSuffix(n.Field, ".quote"))
		}
	}
	walk(f.Root, nil, 0, false)
	return out
}

// ipSpan is the outer IP datagram a transport header sits in.
type ipSpan struct {
	src, dst netip.Addr
	end      int // offset just past the datagram, as its length field says
}

func ipSpanOf(f *Frame, n *Node) ipSpan {
	b, off := f.Data, n.Offset
	switch {
	case n.Field == "ip" && off+20 <= len(b):
		src, _ := netip.AddrFromSlice(b[off+12 : off+16])
		dst, _ := netip.AddrFromSlice(b[off+16 : off+20])
		return ipSpan{src: src, dst: dst, end: off + int(binary.BigEndian.Uint16(b[off+2:]))}
	case n.Field == "ipv6" && off+40 <= len(b):
		src, _ := netip.AddrFromSlice(b[off+8 : off+24])
		dst, _ := netip.AddrFromSlice(b[off+24 : off+40])
		for _, r := range f.routedDsts {
			if r.off == off {
				dst = r.dst // a routing header's final destination
			}
		}
		return ipSpan{src: src, dst: dst, end: off + 40 + int(binary.BigEndian.Uint16(b[off+4:]))}
	}
	return ipSpan{}
}

// objectsEnd is where the last extension object of an extension node
// ends; 0 when it has none.
func objectsEnd(ext *Node) int {
	end := 0
	for _, k := range ext.Kids {
		if k.Field == "icmp.ext.object" && k.Offset+k.Length > end {
			end = k.Offset + k.Length
		}
	}
	return end
}

// verified says whether the dissector checked the checksum node's value
// (transportChecksum writes one of these verdicts after the hex value).
func verified(n *Node) bool {
	return strings.HasSuffix(n.Value, " [correct]") || strings.Contains(n.Value, " [incorrect, should be ") ||
		strings.HasSuffix(n.Value, " [정상]") || strings.Contains(n.Value, " [틀림, 올바른 값 ")
}

func workedFor(f *Frame, n, parent *Node, ip ipSpan, quoted bool) (WorkedChecksum, bool) {
	b := f.Data
	inFrame := func(start, end int) bool { return start >= 0 && start < end && end <= len(b) }
	var w codec.WorkedChecksum
	var err error
	base := parent.Offset
	switch n.Field {
	case "ip.checksum":
		if !inFrame(base, base+parent.Length) {
			return WorkedChecksum{}, false
		}
		w, err = codec.WorkIPv4HeaderChecksum(b[base : base+parent.Length])
	case "icmp.checksum", "icmpv6.checksum":
		if f.ICMP == nil || f.ICMP.Checksum.Status == codec.ChecksumUnverified || !inFrame(base, base+parent.Length) {
			return WorkedChecksum{}, false
		}
		fam := codec.IPv4
		if n.Field == "icmpv6.checksum" {
			fam = codec.IPv6
		}
		src, dst := f.ICMP.Src, f.ICMP.Dst
		if fam == codec.IPv6 && ip.src.Is6() {
			src, dst = ip.src, ip.dst // with a routing header's final destination
		}
		w, err = codec.WorkICMPChecksum(fam, b[base:base+parent.Length], src, dst)
	case "icmp.ext.checksum", "icmpv6.ext.checksum":
		// The checksum covers the header and the objects, which may end
		// before the extension node does (bytes after the last object).
		end := base + parent.Length
		if objs := objectsEnd(parent); objs > 0 {
			end = objs
		}
		if !inFrame(base, end) {
			return WorkedChecksum{}, false
		}
		w, err = codec.WorkExtensionChecksum(b[base:end])
	case "udp.checksum", "tcp.checksum":
		if quoted || !verified(n) || !ip.src.IsValid() {
			return WorkedChecksum{}, false
		}
		proto, end := codec.ProtoTCP, ip.end
		if n.Field == "udp.checksum" {
			if base+6 > len(b) {
				return WorkedChecksum{}, false
			}
			proto, end = codec.ProtoUDP, base+int(binary.BigEndian.Uint16(b[base+4:]))
		}
		if !inFrame(base, end) {
			return WorkedChecksum{}, false
		}
		w, err = codec.WorkTransportChecksum(proto, b[base:end], ip.src, ip.dst)
	default:
		return WorkedChecksum{}, false
	}
	if err != nil {
		return WorkedChecksum{}, false
	}
	w.Rebase(base)
	if w.At != n.Offset {
		return WorkedChecksum{}, false // the node is not the field the codec worked out
	}
	return WorkedChecksum{Node: n, WorkedChecksum: w}, true
}
