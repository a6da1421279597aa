package textdump

import (
	"strconv"
	"strings"
)

// line is one line of the input without its terminator.
type line struct {
	no   int // 1-based
	text string
}

// splitLines cuts text at \n, dropping a \r before it, into at most
// maxLines lines. Lines share the input's memory. rest is the offset in
// text where the lines not kept start, or -1 when every line was kept.
func splitLines(text string, maxLines int) (ls []line, rest int) {
	n := min(strings.Count(text, "\n")+1, maxLines)
	ls = make([]line, 0, n)
	off := 0
	for i := 1; ; i++ {
		if i > maxLines {
			return ls, off
		}
		j := strings.IndexByte(text, '\n')
		l := text
		if j >= 0 {
			l = text[:j]
		}
		l = strings.TrimSuffix(l, "\r")
		ls = append(ls, line{no: i, text: l})
		if j < 0 {
			return ls, -1
		}
		text = text[j+1:]
		off += j + 1
	}
}

// group writes n with thousands separators, as the notes print counts.
func group(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// indent returns the index of the first non-blank byte of s (len(s) if none).
func indent(s string) int {
	i := 0
	for i < len(s) && isSpace(s[i]) {
		i++
	}
	return i
}

// hexRun returns the length of the run of hex digits at the start of s.
func hexRun(s string) int {
	i := 0
	for i < len(s) && isHex(s[i]) {
		i++
	}
	return i
}

func isBlank(s string) bool { return indent(s) == len(s) }
