package textdump

import (
	"strconv"
	"strings"
)

// parseK12 reads Wireshark's K12 text export (editcap -F k12text), which
// text2pcap and Wireshark's importer read back:
//
//	+---------+---------------+----------+
//	16:57:17,271,634   ETHER
//	|0   |2a|fe|68|...|
//
// The row's first cell is the decimal offset of its first byte; a packet may
// span several rows.
func parseK12(ls []line, max int, pc *packetCap) ([]Packet, error) {
	var out []Packet
	var cur []byte
	var header string
	headerLine, curLine, expect, total := 0, 0, 0, 0
	open := false
	flush := func() {
		if open && len(cur) > 0 {
			p := Packet{Data: cur, Line: curLine}
			if header != "" {
				p.Header, p.Line, p.Time = header, headerLine, parseHeaderTime(header)
			}
			if !pc.full(len(out), p.Line) {
				out = append(out, p)
			}
			header = ""
		}
		cur, open = nil, false
	}
	for _, l := range ls {
		if pc.stopped() {
			return out, nil
		}
		ind := indent(l.text)
		s := strings.TrimRight(l.text[ind:], " \t")
		switch {
		case s == "":
			continue
		case strings.HasPrefix(s, "+-"):
			flush()
			continue
		case s[0] != '|':
			flush()
			header, headerLine = s, l.no
			continue
		}
		// |offset |hh|hh|...|
		bar := strings.IndexByte(s[1:], '|')
		if bar < 0 {
			return nil, syntaxErr(K12Text, l.no, ind+len(s)+1, why(whyK12Bar))
		}
		offCell := strings.TrimSpace(s[1 : 1+bar])
		off, ok := atoi(offCell)
		if !ok {
			return nil, syntaxErr(K12Text, l.no, ind+2, whyQuoting(whyK12Offset, strconv.Quote(offCell)))
		}
		if open && off == 0 {
			flush()
		}
		if !open {
			open, curLine, expect = true, l.no, off
		}
		if off != expect {
			return nil, syntaxErr(K12Text, l.no, ind+2, why(whyK12OffsetAt, off, expect))
		}
		i := 1 + bar + 1
		for i < len(s) {
			if i+1 >= len(s) || !isHex(s[i]) || !isHex(s[i+1]) {
				return nil, syntaxErr(K12Text, l.no, ind+i+1, why(whyK12Digits))
			}
			if i+2 >= len(s) || s[i+2] != '|' {
				return nil, syntaxErr(K12Text, l.no, ind+i+3, why(whyK12BarAfter))
			}
			if total >= max {
				return nil, tooLarge(K12Text, l.no, ind+i+1, why(whyLimitOf, max))
			}
			cur = append(cur, unhex(s[i])<<4|unhex(s[i+1]))
			total++
			expect++
			i += 3
		}
	}
	flush()
	return out, nil
}
