package textdump

import "strconv"

// Dialect names a text form of packet bytes. Its String is the command or
// program that prints it, as a user would recognise it.
type Dialect uint8

const (
	// Auto, in Options, asks Parse to detect the dialect.
	Auto Dialect = iota
	// PlainHex is hex digits with or without separators (spaces, commas,
	// colons, dashes, line breaks) and 0x or \x prefixes. Blank lines
	// separate packets.
	PlainHex
	// WiresharkHexDump is tshark -x and Wireshark's "Copy as Hex Dump" and
	// File > Export Packet Dissections: offset, 16 bytes, ASCII.
	WiresharkHexDump
	// K12Text is Wireshark's K12 text export, one of text2pcap's inputs:
	// "+---------+" separators, a time line, and "|0   |45|00|..." rows.
	K12Text
	// TcpdumpX is tcpdump -x: the network layer on, as 16-bit groups.
	TcpdumpX
	// TcpdumpXX is tcpdump -xx: the same, from the link layer on.
	TcpdumpXX
	// TcpdumpXASCII is tcpdump -X: tcpdump -x with an ASCII column.
	TcpdumpXASCII
	// TcpdumpXXASCII is tcpdump -XX: tcpdump -xx with an ASCII column.
	TcpdumpXXASCII
	// XXD is xxd's default dump ("00000000: 4500 0054 ...  E..T").
	XXD
	// XXDPlain is xxd -p: a bare hex stream, 30 bytes a line.
	XXDPlain
	// XXDBytes is xxd -g1: xxd with one byte a group.
	XXDBytes
	// HexdumpC is hexdump -C (and hd): offset, bytes, |ASCII|, '*' repeats.
	HexdumpC
	// OD is od -Ax -tx1 (the form text2pcap documents), od -tx1 with its
	// default octal offsets, and od -An -tx1 without offsets.
	OD
	// CArray is a C initialiser: unsigned char x[] = {0x45, 0x00, ...};
	CArray
	// GoSlice is a Go composite literal: []byte{0x45, 0x00, ...}.
	GoSlice
	// PythonBytes is a Python bytes literal: b'E\x00\x00T...'.
	PythonBytes
	// PythonFromHex is bytes.fromhex("4500 0054 ...").
	PythonFromHex
	// Base64 is standard or URL-safe base64, with or without padding and
	// line breaks. Blank lines separate packets.
	Base64
	// HexdumpWords is hexdump's default output (and od -Ax -x): 16-bit
	// words in the machine's order, little-endian on every machine that
	// prints them today, so each group's two bytes are swapped back.
	HexdumpWords

	numDialects
)

var dialectNames = [numDialects]string{
	Auto:             "auto",
	PlainHex:         "plain hex",
	WiresharkHexDump: "Wireshark hex dump",
	K12Text:          "text2pcap/K12",
	TcpdumpX:         "tcpdump -x",
	TcpdumpXX:        "tcpdump -xx",
	TcpdumpXASCII:    "tcpdump -X",
	TcpdumpXXASCII:   "tcpdump -XX",
	XXD:              "xxd",
	XXDPlain:         "xxd -p",
	XXDBytes:         "xxd -g1",
	HexdumpC:         "hexdump -C",
	OD:               "od -Ax -tx1",
	CArray:           "C array",
	GoSlice:          "Go slice",
	PythonBytes:      "Python bytes",
	PythonFromHex:    "Python bytes.fromhex",
	Base64:           "base64",
	HexdumpWords:     "hexdump",
}

// dialectTitlesKO are the dialects' names for a Korean reader, where they
// differ from String: a description is translated, a command or a
// program's own name is not.
var dialectTitlesKO = [numDialects]string{
	Auto:             "자동 감지",
	PlainHex:         "16진 문자열",
	WiresharkHexDump: "Wireshark 16진 덤프",
	CArray:           "C 배열",
	GoSlice:          "Go 슬라이스",
	PythonBytes:      "Python 바이트",
	PythonFromHex:    "Python fromhex",
}

// TitleKO is the dialect's name in Korean ("16진 문자열"), String where a
// command names it ("tcpdump -XX"). String stays the ID that ParseDialect,
// a URL and the page's menus' values use.
func (d Dialect) TitleKO() string {
	if d < numDialects && dialectTitlesKO[d] != "" {
		return dialectTitlesKO[d]
	}
	return d.String()
}

func (d Dialect) String() string {
	if d < numDialects {
		return dialectNames[d]
	}
	return "dialect(" + strconv.Itoa(int(d)) + ")"
}

// Dialects lists every dialect Parse reads, for a chooser in a user
// interface. Auto is not in it.
func Dialects() []Dialect {
	ds := make([]Dialect, 0, numDialects-1)
	for d := PlainHex; d < numDialects; d++ {
		ds = append(ds, d)
	}
	return ds
}

// ParseDialect finds a dialect by its String, so a command line or a URL can
// name one ("xxd -g1", "tcpdump -XX").
func ParseDialect(s string) (Dialect, bool) {
	for d := Auto; d < numDialects; d++ {
		if dialectNames[d] == s {
			return d, true
		}
	}
	return Auto, false
}

// isTcpdump reports whether d is one of the four tcpdump dialects, which share
// one text layout.
func (d Dialect) isTcpdump() bool { return d >= TcpdumpX && d <= TcpdumpXXASCII }

// withLink returns the tcpdump dialect that says whether the bytes start at
// the link layer and whether an ASCII column was printed.
func tcpdumpDialect(link, ascii bool) Dialect {
	switch {
	case link && ascii:
		return TcpdumpXXASCII
	case link:
		return TcpdumpXX
	case ascii:
		return TcpdumpXASCII
	}
	return TcpdumpX
}

// MarshalText writes the dialect's name, so JSON for the web page carries
// "tcpdump -XX", not a number.
func (d Dialect) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads a name that String gives.
func (d *Dialect) UnmarshalText(b []byte) error {
	v, ok := ParseDialect(string(b))
	if !ok {
		return syntaxErr(Auto, 1, 0, whyQuoting(whyUnknownDialect, strconv.Quote(string(b))))
	}
	*d = v
	return nil
}
