package textdump

import (
	"encoding/base64"
	"strconv"
	"strings"
)

const hexDigits = "0123456789abcdef"

// Format renders packets in dialect d, as the tool would print them (less
// the tool's header lines, which only the tool can write). It is the page's
// "copy as", and Parse reads its output back byte for byte, which the fuzz
// test checks. Empty packets are left out: no dialect can show one. Auto
// gives plain hex.
//
// Dumps with offsets mark each packet by starting again at offset 0; plain
// hex and base64 put a blank line between packets; source literals declare
// pkt1, pkt2, ...
func Format(d Dialect, packets ...[]byte) string {
	var sb strings.Builder
	k := 0
	for _, p := range packets {
		if len(p) == 0 {
			continue
		}
		k++
		formatOne(&sb, d, k, p)
	}
	return sb.String()
}

func formatOne(sb *strings.Builder, d Dialect, k int, p []byte) {
	name := "pkt" + strconv.Itoa(k)
	switch d {
	case XXD:
		dumpLines(sb, p, 16, func(off int, row []byte, same bool) {
			sb.WriteString(pad(strconv.FormatInt(int64(off), 16), 8) + ": ")
			sb.WriteString(padRight(groups(row, 2, " "), 39))
			sb.WriteString("  " + ascii(row) + "\n")
		}, false)
	case XXDBytes:
		dumpLines(sb, p, 16, func(off int, row []byte, same bool) {
			sb.WriteString(pad(strconv.FormatInt(int64(off), 16), 8) + ": ")
			sb.WriteString(padRight(groups(row, 1, " "), 47))
			sb.WriteString("  " + ascii(row) + "\n")
		}, false)
	case TcpdumpX, TcpdumpXX, TcpdumpXASCII, TcpdumpXXASCII:
		withASCII := d == TcpdumpXASCII || d == TcpdumpXXASCII
		dumpLines(sb, p, 16, func(off int, row []byte, same bool) {
			sb.WriteString("\t0x" + pad(strconv.FormatInt(int64(off), 16), 4) + ":  ")
			g := groups(row, 2, " ")
			if withASCII {
				sb.WriteString(padRight(g, 39) + "  " + graphic(row))
			} else {
				sb.WriteString(g)
			}
			sb.WriteByte('\n')
		}, false)
	case HexdumpC:
		dumpLines(sb, p, 16, func(off int, row []byte, same bool) {
			if same {
				sb.WriteString("*\n")
				return
			}
			h := groups(row, 1, " ")
			if len(row) > 8 {
				h = groups(row[:8], 1, " ") + "  " + groups(row[8:], 1, " ")
			}
			sb.WriteString(pad(strconv.FormatInt(int64(off), 16), 8) + "  " + padRight(h, 48) + "  |" + ascii(row) + "|\n")
		}, true)
		sb.WriteString(pad(strconv.FormatInt(int64(len(p)), 16), 8) + "\n")
	case OD:
		// od -Ax -tx1 -v: every line written out, no '*', as text2pcap and
		// Wireshark's "Import from Hex Dump" want it.
		dumpLines(sb, p, 16, func(off int, row []byte, same bool) {
			sb.WriteString(pad(strconv.FormatInt(int64(off), 16), 6) + " " + groups(row, 1, " ") + "\n")
		}, false)
		sb.WriteString(pad(strconv.FormatInt(int64(len(p)), 16), 6) + "\n")
	case HexdumpWords:
		dumpLines(sb, p, 16, func(off int, row []byte, same bool) {
			if same {
				sb.WriteString("*\n")
				return
			}
			var w []byte
			for i := 0; i < len(row); i += 2 {
				hi := byte(0)
				if i+1 < len(row) {
					hi = row[i+1]
				}
				w = append(w, ' ', hexDigits[hi>>4], hexDigits[hi&15], hexDigits[row[i]>>4], hexDigits[row[i]&15])
			}
			sb.WriteString(pad(strconv.FormatInt(int64(off), 16), 7) + padRight(string(w), 40) + "\n")
		}, true)
		sb.WriteString(pad(strconv.FormatInt(int64(len(p)), 16), 7) + "\n")
	case WiresharkHexDump:
		if k > 1 {
			sb.WriteByte('\n')
		}
		dumpLines(sb, p, 16, func(off int, row []byte, same bool) {
			sb.WriteString(pad(strconv.FormatInt(int64(off), 16), 4) + "  " + padRight(groups(row, 1, " "), 47) + "   " + ascii(row) + "\n")
		}, false)
	case K12Text:
		sb.WriteString("+---------+---------------+----------+\n00:00:00,000,000   ETHER\n|0   |")
		for _, c := range p {
			sb.WriteByte(hexDigits[c>>4])
			sb.WriteByte(hexDigits[c&15])
			sb.WriteByte('|')
		}
		sb.WriteString("\n\n")
	case CArray, GoSlice:
		if d == CArray {
			sb.WriteString("unsigned char " + name + "[] = {\n")
		} else {
			sb.WriteString(name + " := []byte{\n")
		}
		for i := 0; i < len(p); i += 12 {
			row := p[i:min(i+12, len(p))]
			sb.WriteString("\t")
			for j, c := range row {
				if j > 0 {
					sb.WriteByte(' ')
				}
				sb.WriteString("0x")
				sb.WriteByte(hexDigits[c>>4])
				sb.WriteByte(hexDigits[c&15])
				sb.WriteByte(',')
			}
			sb.WriteByte('\n')
		}
		if d == CArray {
			sb.WriteString("};\n")
		} else {
			sb.WriteString("}\n")
		}
	case PythonBytes:
		// Only letters, digits and spaces stay literal: every other byte is
		// escaped, so no quote or brace in the data can confuse a reader.
		sb.WriteString(name + " = b'")
		for _, c := range p {
			if isIdent(c) && c != '_' || c == ' ' {
				sb.WriteByte(c)
				continue
			}
			sb.WriteString(`\x`)
			sb.WriteByte(hexDigits[c>>4])
			sb.WriteByte(hexDigits[c&15])
		}
		sb.WriteString("'\n")
	case PythonFromHex:
		sb.WriteString(name + " = bytes.fromhex('" + groups(p, 1, " ") + "')\n")
	case Base64:
		if k > 1 {
			sb.WriteByte('\n')
		}
		s := base64.StdEncoding.EncodeToString(p)
		for len(s) > 76 {
			sb.WriteString(s[:76] + "\n")
			s = s[76:]
		}
		sb.WriteString(s + "\n")
	case XXDPlain:
		if k > 1 {
			sb.WriteByte('\n')
		}
		for i := 0; i < len(p); i += 30 {
			sb.WriteString(groups(p[i:min(i+30, len(p))], len(p), "") + "\n")
		}
	default: // PlainHex, Auto
		if k > 1 {
			sb.WriteByte('\n')
		}
		for i := 0; i < len(p); i += 16 {
			sb.WriteString(groups(p[i:min(i+16, len(p))], 1, " ") + "\n")
		}
	}
}

// dumpLines calls line for each row of width bytes. With squeeze, a row equal
// to the one before is reported as same once, and then skipped, as od and
// hexdump print '*'.
func dumpLines(sb *strings.Builder, p []byte, width int, line func(off int, row []byte, same bool), squeeze bool) {
	var prev []byte
	starred := false
	for off := 0; off < len(p); off += width {
		row := p[off:min(off+width, len(p))]
		if squeeze && prev != nil && len(row) == width && string(row) == string(prev) {
			if !starred {
				line(off, row, true)
				starred = true
			}
			continue
		}
		starred = false
		line(off, row, false)
		prev = row
	}
}

// groups writes b as hex, n bytes a group, groups joined by sep.
func groups(b []byte, n int, sep string) string {
	var sb strings.Builder
	for i, c := range b {
		if i > 0 && i%n == 0 {
			sb.WriteString(sep)
		}
		sb.WriteByte(hexDigits[c>>4])
		sb.WriteByte(hexDigits[c&15])
	}
	return sb.String()
}

func ascii(b []byte) string {
	out := make([]byte, len(b))
	for i, c := range b {
		if c >= 0x20 && c < 0x7f {
			out[i] = c
		} else {
			out[i] = '.'
		}
	}
	return string(out)
}

// graphic is tcpdump's ASCII column, which shows a space as '.' too.
func graphic(b []byte) string {
	out := []byte(ascii(b))
	for i, c := range out {
		if c == ' ' {
			out[i] = '.'
		}
	}
	return string(out)
}

func pad(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return strings.Repeat("0", n-len(s)) + s
}

func padRight(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat(" ", n-len(s))
}
