package textdump

import (
	"strconv"
	"strings"
)

// dumpStyle describes a dump whose lines start with an offset: what the
// offset looks like, how the hex is grouped and how the ASCII column is set
// off. One reader serves tcpdump, xxd, hexdump -C, od and Wireshark.
type dumpStyle struct {
	d         Dialect
	prefix0x  bool // offsets are written 0x0010 (tcpdump)
	colon     bool // offsets end with ':' (tcpdump, xxd)
	minDigits int  // fewest offset digits accepted
	usual     int  // offset digits the tool itself prints; detection takes fewer only at offset 0
	group     int  // hex digits a group (2: one byte; 4: tcpdump); 0: any even number (xxd -g)
	midGap    bool // two spaces after the 8th byte still belong to the hex (hexdump -C)
	pipe      bool // the ASCII column is between '|' (hexdump -C)
	repeat    bool // '*' stands for repeated lines, and a last line holds only the length (od, hexdump)
	wideGap   bool // the offset is followed by two or more spaces (Wireshark)
	swap16    bool // groups are little-endian 16-bit words (hexdump's default)
	octal     bool // offsets are octal (od without -A); set by Parse from the text
}

var (
	styleTcpdump   = dumpStyle{d: TcpdumpXX, prefix0x: true, colon: true, minDigits: 4, usual: 4, group: 4}
	styleXXD       = dumpStyle{d: XXD, colon: true, minDigits: 4, usual: 8, group: 0}
	styleHexdumpC  = dumpStyle{d: HexdumpC, minDigits: 7, usual: 8, group: 2, midGap: true, pipe: true, repeat: true}
	styleWireshark = dumpStyle{d: WiresharkHexDump, minDigits: 4, usual: 4, group: 2, midGap: true, wideGap: true}
	styleOD        = dumpStyle{d: OD, minDigits: 4, usual: 6, group: 2, repeat: true}
	styleWords     = dumpStyle{d: HexdumpWords, minDigits: 6, usual: 7, group: 4, repeat: true, swap16: true}
)

// maxOffsetDigits keeps offsets far below int overflow on every platform
// (wasm's int is 64-bit, but 12 hex digits is already 256 TiB).
const maxOffsetDigits = 12

// offset reads the offset at the start of s (after indentation). It returns
// the offset, the index just past it (and past the colon), and whether s
// starts with an offset of this style at all. A line that does not is a
// header or comment line, not a malformed data line.
func (st *dumpStyle) offset(s string) (off, end int, ok bool) {
	i := 0
	if st.prefix0x {
		if len(s) < 2 || s[0] != '0' || s[1] != 'x' && s[1] != 'X' {
			return 0, 0, false
		}
		i = 2
	}
	n := hexRun(s[i:])
	if n < st.minDigits || n > maxOffsetDigits {
		return 0, 0, false
	}
	base := 16
	if st.octal {
		base = 8
	}
	v, err := strconv.ParseUint(s[i:i+n], base, 64)
	if err != nil {
		return 0, 0, false
	}
	i += n
	if st.colon {
		if i >= len(s) || s[i] != ':' {
			return 0, 0, false
		}
		i++
	}
	// The offset must stand alone: followed by a blank or the end of the line.
	if i < len(s) && !isSpace(s[i]) {
		return 0, 0, false
	}
	if st.wideGap && i < len(s) {
		g := indent(s[i:])
		if i+g < len(s) && g < 2 && s[i] != '\t' {
			return 0, 0, false
		}
	}
	return int(v), i, true
}

// detectOffset is offset for detection. Other programs print dumps like
// xxd's or od's with shorter offsets ("0000: 45 00 ..."); read as plain hex,
// those offsets would become bytes. So a shorter offset counts too, but
// only when it is 0: "4500 00 54" stays plain hex.
func (st *dumpStyle) detectOffset(s string) (off, end int, ok bool) {
	off, end, ok = st.offset(s)
	if !ok {
		return 0, 0, false
	}
	digits := hexRun(s[min(len(s), 2*b2i(st.prefix0x)):])
	return off, end, digits >= st.usual || off == 0
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// octalOffsets tells od's default octal offsets (od -tx1, od -x) from hex
// ones (-Ax) by the first two successive lines of bytes: the second offset
// minus the first is the first line's byte count in only one radix.
func (st *dumpStyle) octalOffsets(ls []line) bool {
	prev, count := "", 0 // the last data line's offset and byte count
	for _, l := range ls {
		ind := indent(l.text)
		s := l.text[ind:]
		if strings.TrimSpace(s) == "*" {
			prev = "" // the next offset is some whole number of lines on
			continue
		}
		_, end, ok := st.offset(s)
		if !ok {
			continue
		}
		tok := s[:hexRun(s)]
		if strings.ContainsAny(tok, "89abcdefABCDEF") {
			return false
		}
		if prev != "" && count > 0 {
			p8, _ := strconv.ParseUint(prev, 8, 64)
			v8, _ := strconv.ParseUint(tok, 8, 64)
			p16, _ := strconv.ParseUint(prev, 16, 64)
			v16, _ := strconv.ParseUint(tok, 16, 64)
			return v8-p8 == uint64(count) && v16-p16 != uint64(count)
		}
		p := dumpParser{st: *st, max: 1 << 16}
		n, err := p.hexArea(l, ind, end)
		if err != nil {
			return false
		}
		prev, count = tok, n
	}
	return false
}

// dumpParser reads one offset-style dump into packets.
type dumpParser struct {
	st    dumpStyle
	max   int
	out   []Packet
	total int // bytes decoded so far, against max

	cur      []byte // the packet being read
	curLine  int    // its first line
	curBase  int    // offset of its first data line
	open     bool   // a packet is being read
	expect   int    // offset the next data line must carry
	last     []byte // the previous data line's bytes, for '*'
	starLine int    // line number of a pending '*', or 0

	header     []string // header lines waiting for the next packet
	headerLine int
	skipping   bool // inside a Wireshark data source other than the frame

	ascii      bool // an ASCII column was seen
	firstGroup int  // digits in the first group seen (xxd -g1 vs xxd)
	pc         *packetCap
}

func (p *dumpParser) err(l line, col int, msg Why) *SyntaxError {
	return syntaxErr(p.st.d, l.no, col, msg)
}

func (p *dumpParser) flush() {
	if p.open && len(p.cur) > 0 {
		pk := Packet{Data: p.cur, Line: p.curLine}
		if len(p.header) > 0 {
			pk.Line = p.headerLine
			pk.Header = strings.Join(p.header, "\n")
			pk.Time = parseHeaderTime(p.header[0])
		}
		if !p.pc.full(len(p.out), pk.Line) {
			p.out = append(p.out, pk)
		}
		p.header = nil
	}
	p.open, p.cur, p.last, p.starLine = false, nil, nil, 0
}

func (p *dumpParser) parse(ls []line) error {
	for _, l := range ls {
		if p.pc.stopped() {
			return nil
		}
		if err := p.line(l); err != nil {
			return err
		}
	}
	if p.starLine != 0 {
		return syntaxErr(p.st.d, p.starLine, 1, why(whyStarNoEnd))
	}
	p.flush()
	return nil
}

func (p *dumpParser) line(l line) error {
	ind := indent(l.text)
	s := l.text[ind:]
	if s == "" {
		// A blank line ends a packet (tshark separates frames so), and
		// any data source being skipped: the next frame may have no title.
		if p.starLine == 0 {
			p.flush()
		}
		p.skipping = false
		return nil
	}
	if p.st.repeat && strings.TrimRight(s, " \t") == "*" {
		if !p.open || len(p.last) == 0 {
			return p.err(l, ind+1, why(whyStarFirst))
		}
		p.starLine = l.no
		return nil
	}
	off, end, ok := p.st.offset(s)
	if !ok {
		return p.keepHeader(l, s)
	}
	if p.skipping {
		return nil
	}
	start := len(p.cur)
	if p.open && off == 0 && p.starLine == 0 {
		p.flush()
	}
	if !p.open {
		p.open, p.cur, p.curLine, p.curBase, p.expect = true, nil, l.no, off, off
		start = 0
	}
	// Bytes first, into the packet; the offset is checked against them after.
	n, err := p.hexArea(l, ind, end)
	if err != nil {
		return err
	}
	if n == 0 {
		if !p.st.repeat {
			return p.err(l, ind+end+1, why(whyHexAfterOffset))
		}
		// od and hexdump end with a line holding only the total length.
		if err := p.repeatTo(l, ind, off); err != nil {
			return err
		}
		if p.st.swap16 && off == p.expect-1 && len(p.cur) > 0 && p.cur[len(p.cur)-1] == 0 {
			// An odd length: the last word was padded with a zero byte.
			p.cur = p.cur[:len(p.cur)-1]
			p.expect--
		}
		if off != p.expect {
			return p.err(l, ind+1, why(whyFinalOffset, off, p.expect))
		}
		p.flush()
		return nil
	}
	line := p.cur[start:]
	if p.starLine != 0 {
		// Insert the repeats before this line's bytes.
		saved := append([]byte(nil), line...)
		p.cur = p.cur[:start]
		if err := p.repeatTo(l, ind, off); err != nil {
			return err
		}
		p.cur = append(p.cur, saved...)
		line = p.cur[len(p.cur)-len(saved):]
	}
	if off != p.expect {
		return p.offsetErr(l, ind, off)
	}
	p.expect = off + len(line)
	p.last = line
	return nil
}

// offsetErr explains an offset that disagrees with the bytes before it: the
// strongest sign that a line was misread, so it says what was counted.
func (p *dumpParser) offsetErr(l line, ind, off int) error {
	prev := len(p.last)
	msg := why(whyOffsetAt, off, p.expect)
	if prev > 0 {
		msg = why(whyOffsetAtLine, off, p.expect, prev)
	}
	return p.err(l, ind+1, msg)
}

// repeatTo expands a pending '*' so that the packet reaches offset off.
func (p *dumpParser) repeatTo(l line, ind, off int) error {
	if p.starLine == 0 {
		return nil
	}
	gap := off - p.expect
	n := len(p.last)
	if gap < 0 || n == 0 || gap%n != 0 {
		return p.err(l, ind+1, why(whyStarNotWhole, off, n, p.expect))
	}
	if p.total+gap > p.max {
		return tooLarge(p.st.d, l.no, ind+1, why(whyStarPastLimit, gap, p.max))
	}
	last := p.last
	for k := 0; k < gap/n; k++ {
		p.cur = append(p.cur, last...)
	}
	p.total += gap
	p.expect = off
	p.starLine = 0
	return nil
}

// hexArea decodes the groups after the offset, stopping at the ASCII column,
// and appends them to the packet. The ASCII column is what follows a gap of
// two or more blanks (one tab counts as a wide gap), or a '|' in hexdump -C;
// hexdump -C and Wireshark put two spaces after the 8th byte, which is not
// the ASCII column yet.
func (p *dumpParser) hexArea(l line, ind, i int) (int, error) {
	s := l.text[ind:]
	n := 0
	for {
		j := i
		wide := false
		for j < len(s) && isSpace(s[j]) {
			if s[j] == '\t' {
				wide = true
			}
			j++
		}
		if j == len(s) {
			return n, nil
		}
		gap := j - i
		if p.st.pipe && s[j] == '|' {
			p.ascii = true
			return n, nil
		}
		if n > 0 && (gap >= 2 || wide) && !(p.st.midGap && n == 8 && gap == 2 && !wide) {
			p.ascii = true
			return n, nil
		}
		if gap == 0 && n > 0 {
			return n, p.err(l, ind+j+1, whyQuoting(whyNotHex, quoteChar(s[j])))
		}
		k := j + hexRun(s[j:])
		if k < len(s) && !isSpace(s[k]) && !(p.st.pipe && s[k] == '|') {
			return n, p.err(l, ind+k+1, whyQuoting(whyNotHex, quoteChar(s[k])))
		}
		digits := k - j
		if digits%2 != 0 {
			return n, p.err(l, ind+j+1, why(whyOddHex))
		}
		if p.st.group > 0 && digits > p.st.group {
			return n, p.err(l, ind+j+1, why(whyGroupMax, digits, p.st.group))
		}
		if p.firstGroup == 0 {
			p.firstGroup = digits
		}
		if p.total+digits/2 > p.max {
			return n, tooLarge(p.st.d, l.no, ind+j+1, why(whyLimitOf, p.max))
		}
		if p.st.swap16 && digits != 4 {
			return n, p.err(l, ind+j+1, why(whyGroupWord, digits))
		}
		for q := j; q < k; q += 2 {
			p.cur = append(p.cur, unhex(s[q])<<4|unhex(s[q+1]))
		}
		if p.st.swap16 {
			w := p.cur[len(p.cur)-2:]
			w[0], w[1] = w[1], w[0]
		}
		p.total += digits / 2
		n += digits / 2
		i = k
	}
}

// keepHeader keeps a line that is not a data line: tcpdump's summary, a
// Wireshark frame title, a comment. It belongs to the next packet, so it
// ends the current one. Wireshark prints extra data sources ("Reassembled
// IPv4 (3000 bytes):") after a frame's own bytes; those are not frames and
// are skipped.
func (p *dumpParser) keepHeader(l line, s string) error {
	if p.starLine != 0 {
		return syntaxErr(p.st.d, p.starLine, 1, why(whyStarNoEnd))
	}
	p.flush()
	if p.st.d == WiresharkHexDump {
		if name, ok := dataSourceTitle(s); ok {
			p.skipping = name != "Frame"
			if p.skipping {
				return nil
			}
		} else {
			p.skipping = false
		}
	}
	if len(p.header) == 0 {
		p.headerLine = l.no
	}
	if len(p.header) < 8 {
		p.header = append(p.header, strings.TrimSpace(s))
	}
	return nil
}

// dataSourceTitle recognises tshark's "Frame (98 bytes):" titles.
func dataSourceTitle(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if !strings.HasSuffix(s, " bytes):") {
		return "", false
	}
	i := strings.LastIndex(s, " (")
	if i <= 0 {
		return "", false
	}
	return s[:i], true
}
