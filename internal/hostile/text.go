package hostile

import (
	"io"
	"strings"
)

// OneBytePackets is n packets of text, each the one byte 45 followed by a
// blank line: 60 MB of it (15 million packets) took 4.4 GB and 77 s before
// issue 11.
func OneBytePackets(n int) io.Reader {
	return &Stream{Count: n, Unit: func(dst []byte, i int) []byte { return append(dst, "45\n\n"...) }}
}

// Text reads a whole generated stream into a string, for the text parsers
// that take one.
func Text(r io.Reader) string {
	var b strings.Builder
	_, _ = io.Copy(&b, r)
	return b.String()
}
