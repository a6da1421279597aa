package dissect

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// WriteTree writes the frame's dissection as indented text, like
// `tshark -V`, each node with the bytes it covers.
func WriteTree(w io.Writer, f *Frame) error { return writeTree(w, f, false) }

// WriteTreeWorked is WriteTree with, under each checksum field whose bytes
// the frame holds, the checksum worked out word by word (RFC 1071). It is a
// separate call because it is long: a full-size datagram adds hundreds of
// lines, and the plain tree stays the one `tshark -V` users know.
func WriteTreeWorked(w io.Writer, f *Frame) error { return writeTree(w, f, true) }

func writeTree(w io.Writer, f *Frame, worked bool) error {
	var byNode map[*Node]WorkedChecksum
	if worked {
		byNode = map[*Node]WorkedChecksum{}
		for _, c := range WorkedChecksums(f) {
			byNode[c.Node] = c
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Frame %d: %d bytes on wire, %d bytes captured", f.Number, f.Len, f.CapLen)
	if !f.Time.IsZero() {
		fmt.Fprintf(&b, ", %s", f.Time.UTC().Format(time.RFC3339Nano))
	}
	b.WriteByte('\n')
	var walk func(ns []*Node, depth int)
	walk = func(ns []*Node, depth int) {
		for _, n := range ns {
			ind := strings.Repeat("    ", depth)
			b.WriteString(ind)
			b.WriteString(n.Label)
			if n.Value != "" {
				b.WriteString(": ")
				b.WriteString(n.Value)
			}
			b.WriteString("  ")
			b.WriteString(rangeText(f, n))
			b.WriteByte('\n')
			for _, nt := range n.Notes {
				where := "byte"
				if nt.Source > 0 {
					where = "reassembled byte"
				}
				fmt.Fprintf(&b, "%s    [%s at %s %d: %s]\n", ind, strings.ToUpper(nt.Severity.String()[:1])+nt.Severity.String()[1:], where, nt.Offset, nt.Message)
			}
			if c, ok := byNode[n]; ok {
				writeWorked(&b, ind+"    ", c)
			}
			walk(n.Kids, depth+1)
		}
	}
	walk(f.Root, 1)
	if f.ICMP != nil && f.ICMP.Sentence != "" {
		fmt.Fprintf(&b, "    In plain words: %s\n", f.ICMP.Sentence)
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// rangeText is "[bytes 14-33]", "[byte 14 mask 0xf0]" or the same inside a
// reassembled source.
func rangeText(f *Frame, n *Node) string {
	var b strings.Builder
	b.WriteByte('[')
	if n.Source > 0 && n.Source <= len(f.Sources) {
		b.WriteString("reassembled ")
	}
	switch {
	case n.Length <= 0:
		fmt.Fprintf(&b, "at byte %d", n.Offset)
	case n.Length == 1:
		fmt.Fprintf(&b, "byte %d", n.Offset)
	default:
		fmt.Fprintf(&b, "bytes %d-%d", n.Offset, n.Offset+n.Length-1)
	}
	if n.Mask != 0 {
		fmt.Fprintf(&b, " mask 0x%0*x", 2*n.Length, n.Mask)
	}
	b.WriteByte(']')
	return b.String()
}

// WriteLine writes the one-line summary of a frame, like tshark's default
// output: number, seconds since the first frame, source, destination,
// protocol, length, info. first is the time of the capture's first frame.
func WriteLine(w io.Writer, f *Frame, first time.Time) error {
	t := "-"
	if !f.Time.IsZero() {
		if first.IsZero() {
			first = f.Time
		}
		t = fmt.Sprintf("%.6f", f.Time.Sub(first).Seconds())
	}
	src, dst := f.Src, f.Dst
	if src == "" {
		src = "-"
	}
	if dst == "" {
		dst = "-"
	}
	_, err := fmt.Fprintf(w, "%5d %s %s → %s %s %d %s\n", f.Number, t, src, dst, f.Protocol, f.Len, f.Info)
	return err
}

// WriteRecord writes the frame's JSON record and a newline (JSON Lines).
func WriteRecord(w io.Writer, f *Frame) error {
	b, err := json.Marshal(f.Record())
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = w.Write(b)
	return err
}
