package textdump

import (
	"strconv"
	"strings"
	"time"
)

// DefaultMaxBytes bounds what one Parse may decode when Options.MaxBytes is
// zero. Plain text cannot exceed half its own length, but a '*' repeat line
// in od or hexdump -C output can stand for gigabytes.
const DefaultMaxBytes = 64 << 20

// DefaultMaxPackets and DefaultMaxLines bound what one Parse keeps when
// Options leave them zero (README, "The budget"). A packet costs about 100 bytes
// besides its data and a line 24, so a text of one-byte packets or of
// empty lines would otherwise cost 25 to 50 times its size. Real dumps
// reach the byte limit long before either: tcpdump -X prints about 70
// characters a line.
const (
	DefaultMaxPackets = 100_000
	DefaultMaxLines   = 2_000_000
)

// Options steer Parse. The zero value detects the dialect.
type Options struct {
	Dialect  Dialect // Auto (zero) detects it from the text
	MaxBytes int     // limit on decoded bytes; 0 means DefaultMaxBytes
	// StartsAtNetwork tells tcpdump -x from -xx (and -X from -XX), whose
	// text is the same: only the bytes say whether they start at the link
	// layer, and reading bytes is dissection's job, not this package's
	// (pass dissect.StartsAtNetwork). Nil names such text as -xx / -XX.
	StartsAtNetwork func(first []byte) bool
	// MaxPackets and MaxLines bound the packets kept and the lines read;
	// past them Parse returns what it read with a Note, not an error.
	MaxPackets int // 0 means DefaultMaxPackets
	MaxLines   int // 0 means DefaultMaxLines
}

// Note says what Parse left unread to stay within its limits.
type Note struct {
	Line int // where the part not read starts
	Msg  string
}

func (n Note) String() string { return "line " + strconv.Itoa(n.Line) + ": " + n.Msg }

// packetCap stops a reader at Options.MaxPackets: full reports whether a
// packet starting at line may not be kept, and remembers the first such
// line; the reader stops when line is set.
type packetCap struct {
	max  int
	line int
}

func (c *packetCap) full(n, line int) bool {
	if n < c.max {
		return false
	}
	if c.line == 0 {
		c.line = max(line, 1)
	}
	return true
}

// stopped reports whether the reader reached the cap.
func (c *packetCap) stopped() bool { return c != nil && c.line != 0 }

// noCap is the cap of an inner reader whose caller counts the packets.
func noCap() *packetCap { return &packetCap{max: int(^uint(0) >> 1)} }

// Packet is one packet read from the text.
type Packet struct {
	Data []byte
	// Header is the tool's own line(s) before the bytes, e.g. tcpdump's
	// "12:00:00.000000 IP 198.18.0.1 > 198.18.0.2: ICMP echo request, ...",
	// K12's time line, or the declaration of a C array. Empty when none.
	Header string
	// Time is the time stamp read from Header. When the tool printed only a
	// time of day (tcpdump's default), the date is 0000-01-01 UTC; when it
	// printed none, Time is zero.
	Time time.Time
	// Line is the line of the input where the packet starts (its header
	// line when it has one), counting from 1.
	Line int
}

// Result is what Parse read.
type Result struct {
	Dialect Dialect
	Packets []Packet
	// Notes say what was left unread at a limit (MaxPackets, MaxLines).
	Notes []Note
}

// Parse reads packet bytes from text in the dialect opt names, or in the one
// it detects. It returns every packet in the text; an error is a
// *SyntaxError naming the line and column, or ErrNoBytes.
func Parse(text string, opt Options) (Result, error) {
	max := opt.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	d := opt.Dialect
	if d >= numDialects {
		return Result{}, syntaxErr(Auto, 1, 0, whyQuoting(whyUnknownDialect, d.String()))
	}
	maxLines := opt.MaxLines
	if maxLines <= 0 {
		maxLines = DefaultMaxLines
	}
	pc := &packetCap{max: opt.MaxPackets}
	if pc.max <= 0 {
		pc.max = DefaultMaxPackets
	}
	var notes []Note
	ls, rest := splitLines(text, maxLines)
	if rest >= 0 {
		// The readers that are not line-oriented read the text itself:
		// cut it where the last line kept ends.
		text = text[:rest]
		notes = append(notes, Note{Line: maxLines + 1, Msg: "the text has more than " + group(maxLines) + " lines: the rest is not read"})
	}
	auto := d == Auto
	if auto {
		d = detect(text, ls)
	}
	var (
		pk  []Packet
		err error
		dp  *dumpParser
	)
	switch d {
	case TcpdumpX, TcpdumpXX, TcpdumpXASCII, TcpdumpXXASCII:
		dp = &dumpParser{st: styleTcpdump}
	case XXD, XXDBytes:
		dp = &dumpParser{st: styleXXD}
	case HexdumpC:
		dp = &dumpParser{st: styleHexdumpC}
	case WiresharkHexDump:
		dp = &dumpParser{st: styleWireshark}
	case OD:
		if odHasOffsets(ls) {
			dp = &dumpParser{st: styleOD}
		} else {
			pk, err = parsePlainHex(ls, OD, max, pc)
		}
	case HexdumpWords:
		dp = &dumpParser{st: styleWords}
	case K12Text:
		pk, err = parseK12(ls, max, pc)
	case PlainHex, XXDPlain:
		pk, err = parsePlainHex(ls, d, max, pc)
	case Base64:
		pk, err = parseBase64(ls, max, pc)
	case CArray, GoSlice:
		pk, err = parseInitializers(text, d, max, pc)
	case PythonBytes:
		pk, err = parsePythonBytes(text, max, pc)
	case PythonFromHex:
		pk, err = parseFromHex(text, max, pc)
	}
	if dp != nil {
		dp.st.d, dp.max, dp.pc = d, max, pc
		if d == OD || d == HexdumpWords {
			dp.st.octal = dp.st.octalOffsets(ls)
		}
		err = dp.parse(ls)
		pk = dp.out
		if auto && err == nil {
			switch {
			case d.isTcpdump():
				d = tcpdumpDialect(startsAtLink(pk, opt.StartsAtNetwork), dp.ascii)
			case d == XXD && dp.firstGroup == 2:
				d = XXDBytes
			}
		}
	}
	if err != nil {
		return Result{Dialect: d}, err
	}
	if len(pk) == 0 {
		return Result{Dialect: d}, ErrNoBytes
	}
	if pc.stopped() {
		notes = append(notes, Note{Line: pc.line, Msg: "the text holds more than " + group(pc.max) + " packets: the rest is not read"})
	}
	return Result{Dialect: d, Packets: pk, Notes: notes}, nil
}

// startsAtLink tells tcpdump -xx from -x, whose text is the same: -x starts
// at the network layer, so its first packet reads as IP.
func startsAtLink(pk []Packet, atNetwork func([]byte) bool) bool {
	if len(pk) == 0 || atNetwork == nil {
		return true
	}
	return !atNetwork(pk[0].Data)
}

// detectLines is how far detection looks for a line with an offset column.
const detectLines = 500

// detect picks the dialect from the text's structure. Dumps with offset
// columns are recognised first, by their first data line: the offset's
// radix, width and punctuation differ between every tool. Source-code
// literals come next, by their syntax; what remains is a hex or base64
// stream.
func detect(text string, ls []line) Dialect {
	for k, l := range ls {
		if k >= detectLines {
			break
		}
		s := l.text[indent(l.text):]
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "+---") || k12Row(s) {
			return K12Text
		}
		if _, _, ok := styleTcpdump.detectOffset(s); ok {
			return TcpdumpXX
		}
		if _, e, ok := styleXXD.detectOffset(s); ok && groupFollows(s[e:], 0) {
			return XXD
		}
		if _, e, ok := styleHexdumpC.detectOffset(s); ok && groupFollows(s[e:], 2) && strings.IndexByte(s[e:], '|') >= 0 {
			return HexdumpC
		}
		if _, e, ok := styleWireshark.detectOffset(s); ok && groupFollows(s[e:], 2) {
			return WiresharkHexDump
		}
		if _, e, ok := styleOD.detectOffset(s); ok && groupFollows(s[e:], 2) {
			return OD
		}
		if _, e, ok := styleWords.detectOffset(s); ok && groupFollows(s[e:], 4) {
			return HexdumpWords
		}
	}
	switch {
	case strings.Contains(text, "[]byte{") || strings.Contains(text, "[]uint8{"):
		return GoSlice
	case strings.Contains(text, "fromhex("):
		return PythonFromHex
	case hasBytesLiteral(text):
		return PythonBytes
	case strings.IndexByte(text, '{') >= 0:
		return CArray
	}
	return classifyStream(ls)
}

// groupFollows reports whether s (what follows an offset) starts, after
// blanks, with a hex group of exactly want digits (any even count when want
// is 0) ending at a blank, a '|' or the end.
func groupFollows(s string, want int) bool {
	i := indent(s)
	if i == 0 {
		return false
	}
	n := hexRun(s[i:])
	if n == 0 || n%2 != 0 || want > 0 && n != want {
		return false
	}
	e := i + n
	return e == len(s) || isSpace(s[e]) || s[e] == '|'
}

// k12Row recognises "|0   |45|".
func k12Row(s string) bool {
	if len(s) < 2 || s[0] != '|' {
		return false
	}
	n := 1
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 1 {
		return false
	}
	for n < len(s) && s[n] == ' ' {
		n++
	}
	return n+3 < len(s) && s[n] == '|' && isHex(s[n+1]) && isHex(s[n+2]) && s[n+3] == '|'
}

// hasBytesLiteral looks for b'...' or b"..." starting at a word boundary.
func hasBytesLiteral(text string) bool {
	for i := 0; i+1 < len(text); i++ {
		c := text[i]
		if (c == 'b' || c == 'B') && (i == 0 || !isIdent(text[i-1])) {
			j := i + 1
			if text[j] == 'r' || text[j] == 'R' {
				j++
			}
			if j < len(text) && (text[j] == '\'' || text[j] == '"') {
				return true
			}
		}
	}
	return false
}

// odHasOffsets tells od -Ax from od -An by the first line with content.
func odHasOffsets(ls []line) bool {
	for _, l := range ls {
		s := l.text[indent(l.text):]
		if s == "" {
			continue
		}
		_, e, ok := styleOD.offset(s)
		return ok && (e == len(s) || groupFollows(s[e:], 2))
	}
	return false
}

// classifyStream tells hex from base64 when no line has an offset, and
// recognises the shapes of xxd -p (lines of 60 digits) and od -An (lines
// of " hh" groups).
func classifyStream(ls []line) Dialect {
	hexOK, b64OK := true, true
	odShape := true
	width, lines, lastLen := -1, 0, 0
	uneven := false
	for _, l := range ls {
		s := l.text
		if isBlank(s) {
			continue
		}
		lines++
		t := strings.TrimRight(s, " \t")
		if !isODLine(t) {
			odShape = false
		}
		if hexRun(t) == len(t) {
			if width < 0 {
				width = len(t)
			} else if lastLen != width {
				uneven = true // a short line before the last
			}
			lastLen = len(t)
		} else {
			width = -2
		}
		for i := 0; i < len(t); i++ {
			c := t[i]
			switch {
			case isHex(c):
			case (c == 'x' || c == 'X') && i > 0 && (t[i-1] == '0' || t[i-1] == '\\'):
				b64OK = b64OK && t[i-1] == '0'
			case isHexSep(c):
				if c != '-' {
					b64OK = false
				}
			case c == '\\' && (i+1 == len(t) || t[i+1] == 'x' || t[i+1] == 'X'):
				b64OK = false
			case isB64(c) || c == '=':
				hexOK = false
			default:
				hexOK, b64OK = false, false
			}
		}
	}
	switch {
	case odShape && lines > 0:
		return OD
	case hexOK && width == 60 && lines >= 2 && !uneven:
		return XXDPlain
	case hexOK:
		return PlainHex
	case b64OK:
		return Base64
	}
	return PlainHex
}

// isODLine matches od -An -tx1 output: " hh hh ... hh", or "*".
func isODLine(s string) bool {
	if s == "*" {
		return true
	}
	if len(s) == 0 || len(s)%3 != 0 {
		return false
	}
	for i := 0; i < len(s); i += 3 {
		if s[i] != ' ' || !isHex(s[i+1]) || !isHex(s[i+2]) {
			return false
		}
	}
	return true
}
