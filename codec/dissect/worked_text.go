package dissect

import (
	"fmt"
	"strings"

	"icmplab/codec"
	"icmplab/codec/dissect/explain"
)

// writeWorked prints one worked checksum under its field, in the
// catalogue's English: what it covers, every word with its bytes and the
// running sum, the carries, the complement and the verdict.
func writeWorked(b *strings.Builder, ind string, c WorkedChecksum) {
	en := func(key string) string {
		x, _ := explain.Lookup(key)
		return x.EN
	}
	fmt.Fprintf(b, "%s[Worked out (RFC 1071): %s. %s]\n", ind, en(c.Kind.Key()), en(c.Kind.Key()+".how"))
	for _, p := range c.Pseudo {
		fmt.Fprintf(b, "%s    pseudo-header %-24s 0x%04x  sum 0x%x\n", ind, en(p.Role.Key()), p.Word, p.Sum)
	}
	for _, x := range c.Words {
		where := fmt.Sprintf("bytes %d-%d", x.Off, x.Off+1)
		switch x.Role {
		case codec.WordChecksumField:
			where += " (" + en(x.Role.Key()) + ")"
		case codec.WordPadded:
			where = fmt.Sprintf("byte %d + zero pad", x.Off)
		}
		fmt.Fprintf(b, "%s    %-38s 0x%04x  sum 0x%x\n", ind, where, x.Word, x.Sum)
	}
	carries := make([]string, 0, len(c.Carries))
	for _, k := range c.Carries {
		carries = append(carries, fmt.Sprintf("0x%x -> 0x%x", k.From, k.To))
	}
	if len(carries) == 0 {
		carries = append(carries, "none")
	}
	fmt.Fprintf(b, "%s    sum 0x%x; end-around carries: %s; complement of 0x%04x = 0x%04x\n", ind, c.Total, strings.Join(carries, ", "), c.Folded, ^c.Folded)
	verdict := "correct"
	switch c.Status {
	case codec.ChecksumBad:
		verdict = fmt.Sprintf("wrong, should be 0x%04x", c.Right)
	case codec.ChecksumUnverified:
		verdict = "zero: the sender computed none"
	}
	fmt.Fprintf(b, "%s    the field holds 0x%04x: %s\n", ind, c.Found, verdict)
}
