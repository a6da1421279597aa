//go:build !js

package dissect

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// svgBoxTitle finds each field group's index and tooltip in an SVG.
var svgBoxTitle = regexp.MustCompile(`<g class="[^"]*" data-box="(\d+)"[^>]*><title>([^<]*)</title>`)

// TestDiagramLanguages draws every header of every diagram case dissected
// in English and in Korean. Korean: every field's tooltip has Hangul (its
// width in 비트, and its Korean name for every field with a Korean label),
// a collapsed field's size is in 바이트, the legend gives the Korean names
// beside abbreviations made of the English term; the ASCII drawing is
// ASCII only (diagram_ascii.go says why), walls where the layout puts
// them, and lists every field it drew by its English name with its Korean
// one. English has no Hangul anywhere.
func TestDiagramLanguages(t *testing.T) {
	headers, titles := 0, 0
	for _, c := range diagramCases(t) {
		for _, l := range []Lang{LangEN, LangKO} {
			f := Dissect(c.frame, c.layer, Options{Lang: l})
			for _, p := range HeaderPaths(f.Root) {
				d, ok := DiagramAt(f.Root, p)
				require.True(t, ok)
				d.Lang = l
				headers++
				svg := d.SVG()
				ms := svgBoxTitle.FindAllStringSubmatch(svg, -1)
				require.Len(t, ms, len(d.Boxes), "%s %s %v: a tooltip per box", c.name, l, p)
				for _, m := range ms {
					i, _ := strconv.Atoi(m[1])
					b := &d.Boxes[i]
					title := m[2]
					titles++
					if l == LangEN {
						assert.False(t, hasHangul(title), "%s: %q", c.name, title)
						assert.Regexp(t, ` bits?$`, title)
						continue
					}
					assert.Regexp(t, `\d+비트$`, title, "%s: the width in Korean", c.name)
					name, _, _ := strings.Cut(title, " = ")
					if _, ko := labelsKO[b.Field]; ko {
						assert.True(t, hasHangul(name), "%s %s: tooltip %q without its Korean name", c.name, b.Field, title)
					}
				}
				if l == LangKO {
					assert.NotContains(t, svg, " bytes<", "a collapsed field's size in Korean")
					for _, e := range d.Legend() {
						if englishPart(e[1]) != "" {
							assert.True(t, isASCII(e[0]), "%s: %q abbreviates the English term of %q", c.name, e[0], e[1])
						}
					}
				} else {
					assert.False(t, hasHangul(svg), c.name)
				}
				checkSVG(t, &d)
				checkASCII(t, &d)
				art := d.ASCII()
				drawing, legend := splitASCII(art, d.Rows)
				for _, line := range drawing {
					assert.True(t, isASCII(line), "%s %s: %q", c.name, l, line)
				}
				for i := range d.Boxes {
					b := &d.Boxes[i]
					if !b.Gap && !isASCII(b.Label) {
						found := false
						for _, line := range legend {
							found = found || strings.HasSuffix(line, ": "+b.Label)
						}
						assert.True(t, found, "%s: %q is listed under the drawing\n%s", c.name, b.Label, art)
					}
				}
			}
		}
	}
	t.Logf("%d headers, %d tooltips", headers, titles)
}

// splitASCII splits ASCII art into its drawing (ruler, borders and rows)
// and the legend lines after it.
func splitASCII(art string, rows int) (drawing, legend []string) {
	lines := strings.Split(strings.TrimSuffix(art, "\n"), "\n")
	borders := 0
	for i, line := range lines {
		if strings.HasPrefix(line, "+") {
			borders++
			if borders == rows+1 {
				return lines[:i+1], lines[i+1:]
			}
		}
	}
	return lines, nil
}

// The English part of a Korean label: the term in its closing parentheses.
func TestEnglishPart(t *testing.T) {
	for label, want := range map[string]string{
		"생존 시간 TTL (Time to Live)": "Time to Live",
		"헤더 체크섬 (Header Checksum)": "Header Checksum",
		"ARCNET 헤더":                "",
		"분할 금지 (Don't Fragment)":   "Don't Fragment",
		"(Data) 데이터":               "",
		"데이터 (데이터)":                "",
	} {
		assert.Equal(t, want, englishPart(label), label)
	}
	assert.Equal(t, "HC", abbreviate("헤더 체크섬 (Header Checksum)"))
	assert.Equal(t, "TTL", abbreviate("Time to Live"), "English labels abbreviate as before")
	assert.Equal(t, "Header Checksum", asciiName("헤더 체크섬 (Header Checksum)", "ip.checksum"))
	assert.Equal(t, "VID", asciiName("VLAN 번호", "vlan.id"), "the listed abbreviation")
	assert.Equal(t, "hw src", asciiName("출발지 하드웨어 주소", "arcnet.hw_src"), "the field id's last part")
	assert.Equal(t, "?", asciiName("무엇", ""))
}
