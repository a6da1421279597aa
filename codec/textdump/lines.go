package textdump

import "strings"

// line is one line of the input without its terminator.
type line struct {
	no   int // 1-based
	text string
}

// splitLines cuts text at \n, dropping a \r before it. Lines share the
// input's memory.
func splitLines(text string) []line {
	n := strings.Count(text, "\n") + 1
	ls := make([]line, 0, n)
	for i := 1; ; i++ {
		j := strings.IndexByte(text, '\n')
		l := text
		if j >= 0 {
			l = text[:j]
		}
		l = strings.TrimSuffix(l, "\r")
		ls = append(ls, line{no: i, text: l})
		if j < 0 {
			return ls
		}
		text = text[j+1:]
	}
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
