package main

import (
	"encoding/binary"
	"net/netip"
	"strings"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// ChecksumStep is one 16-bit word added to the running sum.
type ChecksumStep struct {
	Label  string `json:"label,omitempty"` // pseudo-header part
	Off    int    `json:"off"`             // frame offset of the word's first byte
	Word   uint16 `json:"word"`
	Sum    uint32 `json:"sum"`              // running sum after this word, before folding
	Zeroed bool   `json:"zeroed,omitempty"` // the checksum field itself, counted as zero
	Pad    bool   `json:"pad,omitempty"`    // a last odd byte, padded with a zero byte
}

// Fold is one end-around carry: the bits above 16 added back in.
type Fold struct {
	From uint32 `json:"from"`
	To   uint32 `json:"to"`
}

// ChecksumWork is the Internet checksum of one header or message worked out
// the way a student does it on paper (RFC 1071): add the 16-bit words with the
// checksum field taken as zero, fold the carries back in, complement.
type ChecksumWork struct {
	Field  string         `json:"field"` // the checksum node's field id
	Label  string         `json:"label"`
	How    string         `json:"how"`
	Start  int            `json:"start"` // covered bytes in the frame
	Length int            `json:"length"`
	At     int            `json:"at"` // frame offset of the checksum field
	Found  uint16         `json:"found"`
	Right  uint16         `json:"right"`
	OK     bool           `json:"ok"`
	Pseudo []ChecksumStep `json:"pseudo,omitempty"`
	Words  []ChecksumStep `json:"words"`
	Total  uint32         `json:"total"`
	Folds  []Fold         `json:"folds"`
	Folded uint16         `json:"folded"`
}

// workChecksum adds b[start:start+n] word by word, the word at `at` counted
// as zero, after the pseudo-header words pre (already labelled). Offsets in
// the steps are frame offsets.
func workChecksum(b []byte, start, n, at int, pre []ChecksumStep) ChecksumWork {
	w := ChecksumWork{Start: start, Length: n, At: at, Words: []ChecksumStep{}, Folds: []Fold{}}
	var sum uint32
	for _, p := range pre {
		sum += uint32(p.Word)
		p.Sum = sum
		w.Pseudo = append(w.Pseudo, p)
	}
	end := start + n
	for off := start; off < end; off += 2 {
		st := ChecksumStep{Off: off}
		switch {
		case off == at:
			st.Zeroed = true
		case off+1 < end:
			st.Word = binary.BigEndian.Uint16(b[off:])
		default:
			st.Word = uint16(b[off]) << 8
			st.Pad = true
		}
		sum += uint32(st.Word)
		st.Sum = sum
		w.Words = append(w.Words, st)
	}
	w.Total = sum
	for sum>>16 != 0 {
		next := sum&0xffff + sum>>16
		w.Folds = append(w.Folds, Fold{From: sum, To: next})
		sum = next
	}
	w.Folded = uint16(sum)
	w.Right = ^w.Folded
	if at+1 < len(b) {
		w.Found = binary.BigEndian.Uint16(b[at:])
	}
	// 0x0000 and 0xffff are the same number in one's complement; a receiver
	// checks by summing everything, checksum included, to 0xffff.
	check := uint32(w.Folded) + uint32(w.Found)
	check = check&0xffff + check>>16
	w.OK = check == 0xffff
	return w
}

// pseudoWords are the words of an IPv6 pseudo-header (RFC 8200 8.1), which
// the ICMPv6 checksum covers in front of the message.
func pseudoWords(src, dst netip.Addr, n int) []ChecksumStep {
	var out []ChecksumStep
	addAddr := func(label string, a netip.Addr) {
		b := a.As16()
		for i := 0; i < 16; i += 2 {
			out = append(out, ChecksumStep{Label: label, Off: -1, Word: binary.BigEndian.Uint16(b[i:])})
		}
	}
	addAddr("source address", src)
	addAddr("destination address", dst)
	out = append(out,
		ChecksumStep{Label: "length (high)", Off: -1, Word: uint16(uint32(n) >> 16)},
		ChecksumStep{Label: "length (low)", Off: -1, Word: uint16(n)},
		ChecksumStep{Label: "zero", Off: -1},
		ChecksumStep{Label: "next header", Off: -1, Word: uint16(codec.ProtoICMPv6)},
	)
	return out
}

// checksumsOf finds the checksums of a frame that can be worked out from its
// bytes: the IPv4 header's, the outermost ICMP message's and its extension
// structure's. Quoted headers are left out: a quote is usually cut short, and
// a router may have rewritten it.
func checksumsOf(f *dissect.Frame) []ChecksumWork {
	out := []ChecksumWork{}
	var walk func(nodes []*dissect.Node, parent *dissect.Node, icmpDepth int)
	walk = func(nodes []*dissect.Node, parent *dissect.Node, icmpDepth int) {
		for _, n := range nodes {
			if n.Source != 0 {
				continue
			}
			depth := icmpDepth
			if n.Field == "icmp" || n.Field == "icmpv6" {
				depth++
			}
			if parent != nil && depth <= 1 {
				if w, ok := checksumFor(f, n, parent); ok {
					out = append(out, w)
				}
			}
			walk(n.Kids, n, depth)
		}
	}
	walk(f.Root, nil, 0)
	return out
}

func checksumFor(f *dissect.Frame, n, parent *dissect.Node) (ChecksumWork, bool) {
	b := f.Data
	in := func(start, length int) bool { return start >= 0 && length >= 2 && start+length <= len(b) }
	var w ChecksumWork
	switch n.Field {
	case "ip.checksum":
		h, _, err := codec.ParseIPv4(b[parent.Offset:])
		if err != nil || !in(parent.Offset, int(h.IHL)*4) {
			return w, false
		}
		w = workChecksum(b, parent.Offset, int(h.IHL)*4, n.Offset, nil)
		w.Label = "IPv4 header checksum"
		w.How = "Covers the IPv4 header only (IHL × 4 bytes); every router recomputes it after lowering the TTL."
	case "icmp.checksum", "icmpv6.checksum":
		if f.ICMP == nil || f.ICMP.Checksum.Status == codec.ChecksumUnverified || !in(parent.Offset, parent.Length) {
			return w, false
		}
		var pre []ChecksumStep
		if n.Field == "icmpv6.checksum" {
			if !f.ICMP.Src.IsValid() || !f.ICMP.Dst.IsValid() {
				return w, false
			}
			pre = pseudoWords(f.ICMP.Src, f.ICMP.Dst, parent.Length)
		}
		w = workChecksum(b, parent.Offset, parent.Length, n.Offset, pre)
		if pre != nil {
			w.Label = "ICMPv6 checksum"
			w.How = "Covers an IPv6 pseudo-header (addresses, length, next header 58) and the whole ICMPv6 message."
		} else {
			w.Label = "ICMP checksum"
			w.How = "Covers the whole ICMP message, header and data, but not the IP header."
		}
	case "icmp.ext.checksum", "icmpv6.ext.checksum":
		if !in(parent.Offset, parent.Length) {
			return w, false
		}
		w = workChecksum(b, parent.Offset, parent.Length, n.Offset, nil)
		w.Label = "ICMP extension checksum"
		w.How = "Covers the RFC 4884 extension structure: its header and every object."
	default:
		return w, false
	}
	if !strings.HasSuffix(n.Field, "checksum") || n.Offset+2 > len(b) {
		return w, false
	}
	w.Field = n.Field
	return w, true
}
