package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodeDiagramFormat: --format diagram draws every header of every
// frame as RFC-style ASCII art, the quoted datagram's headers too, and
// keeps working with a filter.
func TestDecodeDiagramFormat(t *testing.T) {
	var out, errb bytes.Buffer
	code := runDecode([]string{"--hex", filterHex, "--format", "diagram"}, &out, &errb)
	require.Equal(t, decodeOK, code, errb.String())
	s := out.String()
	assert.Equal(t, 2, strings.Count(s, "Frame "), "a heading per frame")
	// Frame 1: IPv4 + ICMP echo; frame 2: IPv4 + ICMP + quoted IPv4 + UDP.
	assert.Equal(t, 3, strings.Count(s, "Internet Protocol Version 4 (20 bytes)\n"), s)
	assert.Equal(t, 2, strings.Count(s, "Internet Control Message Protocol ("), s)
	assert.Equal(t, 1, strings.Count(s, "User Datagram Protocol (8 bytes)\n"), s)
	assert.Contains(t, s, " 0                   1                   2                   3\n"+
		" 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1\n"+
		"+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+\n"+
		"|Version|  IHL  |    DSCP   |ECN|          Total Length         |\n")
	assert.Contains(t, s, "|         Identification        |R|D|M|     Fragment Offset     |\n")
	assert.Contains(t, s, "DF: Don't fragment\n")
	assert.Contains(t, s, "|          Source Port          |        Destination Port       |\n")

	out.Reset()
	errb.Reset()
	code = runDecode([]string{"--hex", filterHex, "--format", "diagram", "-Y", "udp"}, &out, &errb)
	require.Equal(t, decodeOK, code, errb.String())
	assert.Equal(t, 1, strings.Count(out.String(), "Frame "), "the filter keeps frame 2 only")
	assert.Contains(t, out.String(), "Frame 2:")

	out.Reset()
	errb.Reset()
	code = runDecode([]string{"--hex", filterHex, "--format", "pictures"}, &out, &errb)
	assert.Equal(t, decodeUsage, code)
	assert.Contains(t, errb.String(), "diagram", "the error lists the formats")
}
