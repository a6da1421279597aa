package textdump

import (
	"encoding/base64"
	"errors"
	"slices"
	"strings"
)

// isHexSep reports the separators people put between hex bytes. Quotes come
// from Wireshark's "Copy as Escaped String" ("\x45\x00" \), whose lines end
// in a backslash (see parsePlainHex).
func isHexSep(c byte) bool {
	return c == ' ' || c == '\t' || c == ',' || c == ':' || c == '-' || c == ';' || c == '"' || c == '\''
}

// plainReader collects packets from blank-line-separated blocks.
type plainReader struct {
	d     Dialect
	max   int
	total int
	out   []Packet
	cur   []byte
	start int // line of the current block, 0 when none
	pc    *packetCap
}

func (r *plainReader) flush() {
	if r.start != 0 && len(r.cur) > 0 && !r.pc.full(len(r.out), r.start) {
		r.out = append(r.out, Packet{Data: r.cur, Line: r.start})
	}
	r.cur, r.start = nil, 0
}

func (r *plainReader) tooLarge(l line, col int) error {
	return tooLarge(r.d, l.no, col, why(whyLimitOf, r.max))
}

func (r *plainReader) add(l line, col int, b ...byte) error {
	if r.total+len(b) > r.max {
		return r.tooLarge(l, col)
	}
	if r.start == 0 {
		r.start = l.no
	}
	r.total += len(b)
	r.cur = append(r.cur, b...)
	return nil
}

// parsePlainHex reads hex digits with any of the usual separators and 0x or
// \x prefixes; blank lines separate packets. A prefixed token of one digit
// ("0x5", as some C code writes it) is one byte. For od -An, a '*' line is
// refused: without offsets nobody can tell how many lines it stands for.
func parsePlainHex(ls []line, d Dialect, max int, pc *packetCap) ([]Packet, error) {
	r := plainReader{d: d, max: max, pc: pc}
	for _, l := range ls {
		if pc.stopped() {
			return r.out, nil
		}
		s := l.text
		if isBlank(s) {
			r.flush()
			continue
		}
		if d == OD && strings.TrimSpace(s) == "*" {
			return nil, syntaxErr(d, l.no, indent(s)+1, why(whyStarNoOffsets))
		}
		// A line continuation: a backslash ending the line.
		if t := strings.TrimRight(s, " \t"); strings.HasSuffix(t, "\\") && !strings.HasSuffix(t, "\\\\") {
			s = t[:len(t)-1]
		}
		for i := 0; i < len(s); {
			c := s[i]
			if isHexSep(c) {
				i++
				continue
			}
			prefixed := false
			if (c == '0' || c == '\\') && i+2 < len(s) && (s[i+1] == 'x' || s[i+1] == 'X') && isHex(s[i+2]) {
				prefixed = true
				i += 2
			}
			n := hexRun(s[i:])
			if n == 0 {
				return nil, syntaxErr(d, l.no, i+1, whyQuoting(whyNotHex, quoteChar(c)))
			}
			if e := i + n; e < len(s) && !isHexSep(s[e]) && !(s[e] == '\\' && e+1 < len(s) && s[e+1] == 'x') {
				return nil, syntaxErr(d, l.no, e+1, whyQuoting(whyNotHex, quoteChar(s[e])))
			}
			if n == 1 && prefixed {
				if err := r.add(l, i+1, unhex(s[i])); err != nil {
					return nil, err
				}
				i++
				continue
			}
			if n%2 != 0 {
				return nil, syntaxErr(d, l.no, i+1, why(whyOddHexN, n))
			}
			if r.total+n/2 > r.max {
				return nil, r.tooLarge(l, i+1)
			}
			if r.start == 0 {
				r.start = l.no
			}
			for q := i; q < i+n; q += 2 {
				r.cur = append(r.cur, unhex(s[q])<<4|unhex(s[q+1]))
			}
			r.total += n / 2
			i += n
		}
	}
	r.flush()
	return r.out, nil
}

func isB64(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '+' || c == '/' || c == '-' || c == '_'
}

// parseBase64 decodes standard or URL-safe base64 (not both in one block),
// padded or not, broken into lines; blank lines separate packets.
func parseBase64(ls []line, max int, pc *packetCap) ([]Packet, error) {
	var out []Packet
	total := 0
	var buf []byte
	start, end := -1, -1 // index range in ls of the current block
	decode := func() error {
		if start < 0 {
			return nil
		}
		defer func() { buf, start = buf[:0], -1 }()
		if len(buf) == 0 {
			return nil
		}
		enc := base64.RawStdEncoding
		text := string(buf) // once: each conversion is a copy of the block
		std, url := strings.IndexAny(text, "+/"), strings.IndexAny(text, "-_")
		if url >= 0 {
			if std >= 0 {
				l, c := locate(ls[start:end], firstOf(std, url))
				return syntaxErr(Base64, l, c, why(whyB64Mixed))
			}
			enc = base64.RawURLEncoding
		}
		// Padding may only end the block.
		raw := strings.TrimRight(text, "=")
		if k := strings.IndexByte(raw, '='); k >= 0 {
			l, c := locate(ls[start:end], k)
			return syntaxErr(Base64, l, c, why(whyB64Padding))
		}
		if len(raw)%4 == 1 {
			l, c := locate(ls[start:end], len(raw)-1)
			return syntaxErr(Base64, l, c, why(whyB64Extra))
		}
		if total+len(raw)*3/4 > max {
			l, _ := locate(ls[start:end], 0)
			return tooLarge(Base64, l, 1, why(whyLimitOf, max))
		}
		b, err := enc.DecodeString(raw)
		if err != nil {
			var ce base64.CorruptInputError
			k := 0
			if errors.As(err, &ce) {
				k = int(ce)
			}
			l, c := locate(ls[start:end], k)
			return syntaxErr(Base64, l, c, why(whyB64Invalid))
		}
		total += len(b)
		if !pc.full(len(out), ls[start].no) {
			out = append(out, Packet{Data: b, Line: ls[start].no})
		}
		return nil
	}
	for k, l := range ls {
		if pc.stopped() {
			return out, nil
		}
		s := l.text
		if isBlank(s) {
			if err := decode(); err != nil {
				return nil, err
			}
			continue
		}
		if start < 0 {
			start = k
		}
		end = k + 1
		// Room for the line at once: appending a long line byte by byte
		// would leave its doubling garbage behind.
		buf = slices.Grow(buf, len(s))
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case isB64(c) || c == '=':
				buf = append(buf, c)
			case isSpace(c):
			default:
				return nil, syntaxErr(Base64, l.no, i+1, whyQuoting(whyB64Char, quoteChar(c)))
			}
		}
	}
	if err := decode(); err != nil {
		return nil, err
	}
	return out, nil
}

// locate finds the line and column of the k-th non-blank character of a
// block, for base64 errors (the decoder counts without the line breaks).
func locate(ls []line, k int) (int, int) {
	for _, l := range ls {
		for i := 0; i < len(l.text); i++ {
			if isSpace(l.text[i]) {
				continue
			}
			if k == 0 {
				return l.no, i + 1
			}
			k--
		}
	}
	if len(ls) > 0 {
		last := ls[len(ls)-1]
		return last.no, len(last.text) + 1
	}
	return 1, 1
}

func firstOf(a, b int) int {
	if a < 0 {
		return b
	}
	if b < 0 || a < b {
		return a
	}
	return b
}
