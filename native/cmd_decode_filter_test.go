package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two raw IPv4 packets in tcpdump -x style: an echo request,
// and a time exceeded from 10.1.1.1 quoting a UDP probe to port 33435.
const filterHex = `
4500 003c 0001 0000 4001 ee98 c612 0001 c612 0002 0800 9f6e 1234 0007
6162 6364 6566 6768 6162 6364 6566 6768 6162 6364 6566 6768 6162 6364 6566 6768

4500 0044 0001 0000 fe01 eba2 0a01 0101 c612 0001 0b00 033d 0000 0000
4500 0028 0009 0000 0111 2d95 c612 0001 c612 0002 9c40 829b 0014 0000
7878 7878 7878 7878 7878 7878`

func TestDecodeFilterOption(t *testing.T) {
	var out, errb bytes.Buffer
	code := runDecode([]string{"--hex", filterHex, "-Y", "udp.dstport >= 33434"}, &out, &errb)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 1, "stdout: %s\nstderr: %s", out.String(), errb.String())
	assert.True(t, strings.HasPrefix(strings.TrimSpace(lines[0]), "2 "), "the frame keeps its capture number: %q", lines[0])
	assert.Contains(t, lines[0], "10.1.1.1")
	assert.Equal(t, decodeOK, code, errb.String())

	out.Reset()
	errb.Reset()
	code = runDecode([]string{"--hex", filterHex, "--filter", "icmp.type == 8"}, &out, &errb)
	assert.Equal(t, decodeOK, code, errb.String())
	assert.Equal(t, 1, strings.Count(out.String(), "\n"), out.String())

	out.Reset()
	errb.Reset()
	code = runDecode([]string{"--hex", filterHex, "-Y", "icmp.type == 8 && ip.scr == 1.2.3.4"}, &out, &errb)
	assert.Equal(t, decodeUsage, code)
	assert.Empty(t, out.String())
	assert.Contains(t, errb.String(), `unknown field "ip.scr" at column 19; did you mean ip.src?`)
	assert.Contains(t, errb.String(), "\n  "+strings.Repeat(" ", 18)+"^\n", "a caret under the column")

	// With --lang ko the reason is codec/filter's Korean, at the same column.
	out.Reset()
	errb.Reset()
	code = runDecode([]string{"--hex", filterHex, "--lang", "ko", "-Y", "icmp.type == 8 && ip.scr == 1.2.3.4"}, &out, &errb)
	assert.Equal(t, decodeUsage, code)
	assert.Empty(t, out.String())
	assert.Contains(t, errb.String(), `알 수 없는 필드 "ip.scr" (19번째 글자); 혹시 ip.src?`)
	assert.NotContains(t, errb.String(), "unknown field")
	assert.Contains(t, errb.String(), "\n  "+strings.Repeat(" ", 18)+"^\n", "a caret under the column")
}
