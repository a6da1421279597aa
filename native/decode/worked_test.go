package decode

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --format tree --checksums prints each checksum worked out under its field:
// the IPv4 header's and the ICMP message's, with every word of the 8-byte
// time exceeded header and its quote, and the verdict. Without the flag the
// tree is the plain one.
func TestTreeWithWorkedChecksums(t *testing.T) {
	src, err := OpenText(timeExceededHex, Options{})
	require.NoError(t, err)
	var out bytes.Buffer
	_, err = Run(src, &out, Options{Format: FormatTree, WorkChecksums: true})
	require.NoError(t, err)
	tree := out.String()
	assert.Contains(t, tree, "[Worked out (RFC 1071): IPv4 header checksum. Covers the IPv4 header only")
	assert.Contains(t, tree, "[Worked out (RFC 1071): ICMP checksum. Covers the whole ICMP message")
	assert.Contains(t, tree, "bytes 10-11 (the checksum field itself, counted as 0000)")
	assert.Contains(t, tree, "bytes 22-23 (the checksum field itself, counted as 0000)")
	assert.Contains(t, tree, "the field holds 0xee9d: correct")
	assert.Contains(t, tree, "the field holds 0xd613: correct")
	// The ICMP message is 36 bytes: 18 words.
	icmp := tree[strings.Index(tree, "ICMP checksum. Covers"):]
	words := regexp.MustCompile(`\n\s+bytes \d+-\d+`).FindAllString(icmp[:strings.Index(icmp, "end-around")], -1)
	assert.Len(t, words, 18, icmp)

	src, err = OpenText(timeExceededHex, Options{})
	require.NoError(t, err)
	plain, _ := run(t, src, FormatTree)
	assert.NotContains(t, plain, "Worked out")
}
