package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDecodeDiagramKorean: --format diagram --lang ko heads each drawing
// with the Korean header name and size, draws the same ASCII walls as in
// English with ASCII names only (codec/dissect/diagram_ascii.go says why),
// and lists the Korean name of every field under its drawing.
func TestDecodeDiagramKorean(t *testing.T) {
	var en, ko, errb bytes.Buffer
	require.Equal(t, decodeOK, runDecode([]string{"--hex", filterHex, "--format", "diagram"}, &en, &errb), errb.String())
	require.Equal(t, decodeOK, runDecode([]string{"--hex", filterHex, "--format", "diagram", "--lang", "ko"}, &ko, &errb), errb.String())
	s := ko.String()
	assert.Equal(t, 3, strings.Count(s, "인터넷 프로토콜 버전 4 (IPv4) (20바이트)\n"), s)
	assert.Contains(t, s, "|Version|  IHL  |    DSCP   |ECN|          Total Length         |\n")
	assert.Contains(t, s, "DF: 분할 금지 (Don't Fragment)\n")
	assert.Contains(t, s, "Source Port: 출발지 포트 (Source Port)\n")
	hangul := func(l string) bool {
		return strings.ContainsFunc(l, func(r rune) bool { return unicode.Is(unicode.Hangul, r) })
	}
	// The drawings' lines (walls and borders) are ASCII, line for line the
	// English output's walls.
	var walls, wallsEN []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, "|") || strings.HasPrefix(l, "+") {
			assert.False(t, hangul(l), l)
			walls = append(walls, strings.Map(keepWalls, l))
		}
	}
	for _, l := range strings.Split(en.String(), "\n") {
		if strings.HasPrefix(l, "|") || strings.HasPrefix(l, "+") {
			wallsEN = append(wallsEN, strings.Map(keepWalls, l))
		}
	}
	assert.Equal(t, wallsEN, walls)
}

// keepWalls blanks a drawing's names, keeping its walls and borders.
func keepWalls(r rune) rune {
	if r == '|' || r == '+' || r == '-' {
		return r
	}
	return ' '
}
