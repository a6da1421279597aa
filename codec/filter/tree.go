package filter

import (
	"encoding/binary"
	"math/bits"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// Match reports whether a dissected frame matches. It reads the named
// fields from the tree's nodes (their bytes, not their display text), every
// occurrence, quoted datagrams included.
func (f *Filter) Match(fr *dissect.Frame) bool {
	f.reset()
	f.fromFrame(fr)
	if len(f.treeIDs) > 0 {
		f.walk(fr, fr.Root)
	}
	f.verdicts(fr)
	return f.eval(f.root)
}

// fromFrame fills the fields that are properties of the frame rather than
// nodes.
func (f *Filter) fromFrame(fr *dissect.Frame) {
	for slot, fd := range f.fields {
		switch fd.spec {
		case frameProto:
			f.add(slot, value{})
		case frameLen:
			f.add(slot, value{n: uint64(fr.Len)})
		case frameCapLen:
			f.add(slot, value{n: uint64(fr.CapLen)})
		case frameNumber:
			f.add(slot, value{n: uint64(fr.Number)})
		case checksumBad4, checksumBad6:
			// Only the frame's own message has a verdict: a quote's
			// checksum covers bytes the quote does not hold.
			if fr.ICMP != nil && (fr.ICMP.Family == codec.IPv4) == (fd.spec == checksumBad4) && fr.ICMP.Checksum.Status == codec.ChecksumBad {
				f.add(slot, value{})
			}
		}
	}
}

// verdicts puts the frame's checksum verdict on the first ICMP message
// met (the frame's own; the walk is in frame order), after the walk gave
// every message of the family "unverified", as Wireshark does for quotes.
func (f *Filter) verdicts(fr *dissect.Frame) {
	for slot, fd := range f.fields {
		if fd.spec != checksumStatus4 && fd.spec != checksumStatus6 || len(f.vals[slot]) == 0 || fr.ICMP == nil {
			continue
		}
		if (fr.ICMP.Family == codec.IPv4) == (fd.spec == checksumStatus4) {
			f.vals[slot][0] = value{n: statusCode(fr.ICMP.Checksum.Status)}
		}
	}
}

// statusCode is Wireshark's number for a checksum verdict
// (PROTO_CHECKSUM_E_BAD 0, _GOOD 1, _UNVERIFIED 2).
func statusCode(st codec.ChecksumStatus) uint64 {
	switch st {
	case codec.ChecksumBad:
		return 0
	case codec.ChecksumGood:
		return 1
	}
	return 2
}

// walk visits every node, quoted datagrams and tunnels included.
func (f *Filter) walk(fr *dissect.Frame, nodes []*dissect.Node) {
	for _, nd := range nodes {
		if nd.Field != "" {
			for _, t := range f.treeIDs {
				if t.id == nd.Field {
					if v, ok := nodeValue(fr, nd, f.fields[t.slot]); ok {
						f.add(t.slot, v)
					}
				}
			}
		}
		if len(nd.Kids) > 0 {
			f.walk(fr, nd.Kids)
		}
	}
}

// nodeValue reads a node's value from the bytes it covers: Length bytes
// big-endian, masked and shifted when Mask is set.
func nodeValue(fr *dissect.Frame, nd *dissect.Node, fd *field) (value, bool) {
	if fd.kind == kindNone {
		return value{}, true
	}
	if fd.spec == checksumStatus4 || fd.spec == checksumStatus6 {
		return value{n: statusCode(codec.ChecksumUnverified)}, true
	}
	data := fr.Data
	if nd.Source > 0 {
		if nd.Source > len(fr.Sources) {
			return value{}, false
		}
		data = fr.Sources[nd.Source-1].Data
	}
	if nd.Offset < 0 || nd.Length <= 0 || nd.Offset+nd.Length > len(data) {
		return value{}, false
	}
	b := data[nd.Offset : nd.Offset+nd.Length]
	switch fd.kind {
	case kindAddr:
		if len(b) != 4 && len(b) != 16 {
			return value{}, false
		}
		return addrValue(b), true
	case kindMAC:
		if len(b) != 6 {
			return value{}, false
		}
		var w [8]byte
		copy(w[2:], b)
		return value{n: binary.BigEndian.Uint64(w[:])}, true
	}
	if len(b) > 8 {
		return value{}, false
	}
	var n uint64
	for _, c := range b {
		n = n<<8 | uint64(c)
	}
	if nd.Mask != 0 {
		n = (n & uint64(nd.Mask)) >> bits.TrailingZeros32(nd.Mask)
	}
	if fd.scale > 1 {
		n *= fd.scale
	}
	return value{n: n}, true
}
