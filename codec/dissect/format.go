package dissect

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
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
	fmt.Fprintf(&b, f.Lang.say("Frame %d: %d bytes on wire, %d bytes captured", "프레임 %d: 회선상 %d바이트, 캡처 %d바이트"), f.Number, f.Len, f.CapLen)
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
				if f.Lang == LangKO {
					where := "바이트"
					if nt.Source > 0 {
						where = "재조립된 바이트"
					}
					fmt.Fprintf(&b, "%s    [%s, %s %d: %s]\n", ind, severityKO[nt.Severity], where, nt.Offset, nt.Message)
					continue
				}
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
		fmt.Fprintf(&b, f.Lang.say("    In plain words: %s\n", "    쉬운 말로: %s\n"), f.ICMP.Sentence)
	}
	b.WriteByte('\n')
	_, err := io.WriteString(w, b.String())
	return err
}

// rangeText is "[bytes 14-33]", "[byte 14 mask 0xf0]" or the same inside a
// reassembled source. Built with strconv in a stack buffer: it is called
// for every node of every tree, and fmt made it a quarter of the tree's
// cost.
func rangeText(f *Frame, n *Node) string {
	var buf [64]byte
	b := append(buf[:0], '[')
	if f.Lang == LangKO {
		return rangeTextKO(f, n)
	}
	if n.Source > 0 && n.Source <= len(f.Sources) {
		b = append(b, "reassembled "...)
	}
	switch {
	case n.Length <= 0:
		b = append(b, "at byte "...)
		b = strconv.AppendInt(b, int64(n.Offset), 10)
	case n.Length == 1:
		b = append(b, "byte "...)
		b = strconv.AppendInt(b, int64(n.Offset), 10)
	default:
		b = append(b, "bytes "...)
		b = strconv.AppendInt(b, int64(n.Offset), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(n.Offset+n.Length-1), 10)
	}
	if n.Mask != 0 {
		// %0*x with width 2*Length: zero-padded lower-case hex.
		b = append(b, " mask 0x"...)
		var hx [16]byte
		h := strconv.AppendUint(hx[:0], uint64(n.Mask), 16)
		for k := len(h); k < 2*n.Length; k++ {
			b = append(b, '0')
		}
		b = append(b, h...)
	}
	b = append(b, ']')
	return string(b)
}

// WriteLine writes the one-line summary of a frame, like tshark's default
// output: number, seconds since the first frame, source, destination,
// protocol, length, info. first is the time of the capture's first frame.
func WriteLine(w io.Writer, f *Frame, first time.Time) error {
	var buf [256]byte
	b := appendLineWith(buf[:0], f.Number, f.Time, first, func(b []byte) []byte {
		src, dst := f.Src, f.Dst
		if src == "" {
			src = "-"
		}
		if dst == "" {
			dst = "-"
		}
		b = append(b, src...)
		b = append(b, " → "...)
		b = append(b, dst...)
		b = append(b, ' ')
		b = append(b, f.Protocol...)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(f.Len), 10)
		b = append(b, ' ')
		return append(b, f.Info...)
	})
	_, err := w.Write(b)
	return err
}

// appendLineWith appends a summary line: the frame number right-aligned in
// five columns, the seconds since first with six decimals ("-" without a
// time), the columns cols appends, and a newline. WriteLine and
// AppendQuickLine both write through it, so their lines cannot drift.
func appendLineWith(b []byte, number int, t, first time.Time, cols func([]byte) []byte) []byte {
	var num [20]byte
	n := strconv.AppendInt(num[:0], int64(number), 10)
	for k := len(n); k < 5; k++ {
		b = append(b, ' ')
	}
	b = append(b, n...)
	b = append(b, ' ')
	if t.IsZero() {
		b = append(b, '-')
	} else {
		if first.IsZero() {
			first = t
		}
		b = strconv.AppendFloat(b, t.Sub(first).Seconds(), 'f', 6, 64)
	}
	b = append(b, ' ')
	b = cols(b)
	return append(b, '\n')
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

// severityKO are the severities as the Korean tree writes them.
var severityKO = [...]string{SevNote: "참고", SevWarning: "경고", SevError: "오류"}

// rangeTextKO is rangeText in Korean: "[바이트 14-33]", "[바이트 14 마스크 0xf0]".
func rangeTextKO(f *Frame, n *Node) string {
	b := []byte("[")
	if n.Source > 0 && n.Source <= len(f.Sources) {
		b = append(b, "재조립된 "...)
	}
	b = append(b, "바이트 "...)
	switch {
	case n.Length <= 0:
		b = strconv.AppendInt(b, int64(n.Offset), 10)
		b = append(b, " 위치"...)
	case n.Length == 1:
		b = strconv.AppendInt(b, int64(n.Offset), 10)
	default:
		b = strconv.AppendInt(b, int64(n.Offset), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(n.Offset+n.Length-1), 10)
	}
	if n.Mask != 0 {
		b = fmt.Appendf(b, " 마스크 0x%0*x", 2*n.Length, n.Mask)
	}
	return string(append(b, ']'))
}
