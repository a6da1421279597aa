package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
)

// treeLines writes a tree the way bits.js does (one node a line).
func treeLines(nodes []*dissect.Node, depth int, sb *strings.Builder) {
	clean := strings.NewReplacer("\t", " ", "\n", " ")
	for _, n := range nodes {
		sev := 0
		for _, nt := range n.Notes {
			sev = max(sev, int(nt.Severity))
		}
		fmt.Fprintf(sb, "%d\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\n", depth, n.Offset, n.Length, n.Mask, n.Source, sev,
			clean.Replace(n.Field), clean.Replace(n.Label), clean.Replace(n.Value))
		treeLines(n.Kids, depth+1, sb)
	}
}

// TestDiagramGlue: the tree sent as text gives the diagram dissect draws
// from the tree itself, and the JSON the page reads.
func TestDiagramGlue(t *testing.T) {
	f := dissect.Dissect(echoPacket(3), dissect.LayerIPv4, dissect.Options{})
	var sb strings.Builder
	treeLines(f.Root, 0, &sb)
	// The IPv4 header's Don't fragment flag: root 0, Flags (child 5), DF (child 1).
	v, err := diagram(sb.String(), "0.5.1", EN)
	require.NoError(t, err)
	want, ok := dissect.DiagramAt(f.Root, []int{0, 5, 1})
	require.True(t, ok)
	assert.Equal(t, want.SVG(), v.SVG, "the page's SVG is dissect's")
	assert.Equal(t, want.ASCII(), v.ASCII)
	assert.Equal(t, []int{0}, v.Path, "the header of a flag is the IPv4 header")
	assert.Equal(t, "Internet Protocol Version 4", v.Title)

	var back map[string]any
	require.NoError(t, json.Unmarshal([]byte(marshal(v)), &back))
	boxes := back["boxes"].([]any)
	require.NotEmpty(t, boxes)
	first := boxes[0].(map[string]any)
	assert.Equal(t, "ip.version", first["field"])
	assert.EqualValues(t, 4, first["bits"])
	assert.Contains(t, back["legend"], []any{"DF", "Don't fragment"})

	// The ICMP header is root 1.
	v, err = diagram(sb.String(), "1", EN)
	require.NoError(t, err)
	assert.Contains(t, v.ASCII, "Sequence Number")
}

func TestDiagramGlueRejects(t *testing.T) {
	good := "0\t0\t4\t0\t0\t0\tx\tX\t\n1\t0\t1\t0\t0\t0\tx.a\tA\t1\n"
	for _, c := range []struct{ tree, path, want string }{
		{good, "", "empty path"},
		{good, "0.x", "not a child index"},
		{good, "3", "no node"},
		{good, "0.5", "no node"},
		{"0\t0\t4\n", "0", "3 columns"},
		{"1\t0\t4\t0\t0\t0\tx\tX\t\n", "0", "depth 1"},
		{"0\t-1\t4\t0\t0\t0\tx\tX\t\n", "0", "not a count"},
		{"0\t0\t4\t99999999999\t0\t0\tx\tX\t\n", "0", "not a count"},
	} {
		_, err := diagram(c.tree, c.path, EN)
		assert.ErrorContains(t, err, c.want, "%q at %q", c.tree, c.path)
	}
	v, err := diagram(good, "0.0", EN)
	require.NoError(t, err)
	assert.Equal(t, "X", v.Title)
}

// TestDiagramGlueKorean: the page in Korean sends its Korean tree and "ko";
// the SVG it shows and downloads has every tooltip in Korean (the Korean
// name, the width in 비트) and the legend's whole names in Korean, as
// dissect draws it from the same tree; the ASCII art stays ASCII with the
// Korean names listed under it.
func TestDiagramGlueKorean(t *testing.T) {
	f := dissect.Dissect(echoPacket(3), dissect.LayerIPv4, dissect.Options{Lang: dissect.LangKO})
	var sb strings.Builder
	treeLines(f.Root, 0, &sb)
	v, err := diagram(sb.String(), "0.5.1", KO)
	require.NoError(t, err)
	want, ok := dissect.DiagramAt(f.Root, []int{0, 5, 1})
	require.True(t, ok)
	want.Lang = dissect.LangKO
	assert.Equal(t, want.SVG(), v.SVG)
	assert.Equal(t, "인터넷 프로토콜 버전 4 (IPv4)", v.Title)
	hangul := func(s string) bool {
		return strings.ContainsFunc(s, func(r rune) bool { return r >= 0xAC00 && r <= 0xD7A3 })
	}
	titles := regexp.MustCompile(`data-box="\d+"[^>]*><title>([^<]*)</title>`).FindAllStringSubmatch(v.SVG, -1)
	require.Len(t, titles, len(v.Boxes))
	for _, m := range titles {
		name, _, _ := strings.Cut(m[1], " = ")
		assert.True(t, hangul(name), "tooltip %q", m[1])
		assert.Regexp(t, `\d+비트$`, m[1])
	}
	require.NotEmpty(t, v.Legend)
	for _, e := range v.Legend {
		assert.True(t, hangul(e[1]), "legend %q", e)
	}
	assert.Contains(t, v.Legend, [2]string{"DF", "분할 금지 (Don't Fragment)"})
	drawing, legend, _ := strings.Cut(v.ASCII, "\nVersion: ")
	assert.False(t, hangul(drawing), "the drawing is ASCII:\n%s", v.ASCII)
	assert.True(t, hangul(legend), "the Korean names under it:\n%s", v.ASCII)

	en, err := diagram(sb.String(), "0.5.1", EN)
	require.NoError(t, err)
	assert.Contains(t, en.SVG, " · 1 bit</title>", "the tree's labels with English widths when the page asks in English")
}
