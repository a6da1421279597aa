package story

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
	"icmplab/native/decode"
)

var digitRuns = regexp.MustCompile(`\d+`)

// TestRecordedKorean tells every recorded capture in English and in
// Korean through Run: English is the text TestRecorded compares with the
// tools; Korean has Hangul, the same numbers in the same order, and at
// least as many lines (a legend under mtr's and fping's tables).
func TestRecordedKorean(t *testing.T) {
	for _, c := range recordedCases {
		t.Run(c.name, func(t *testing.T) {
			capture, err := os.ReadFile(filepath.Join("testdata", c.name+".pcap"))
			require.NoError(t, err)
			tell := func(l dissect.Lang) string {
				src, err := decode.Open(bytes.NewReader(capture), decode.Options{})
				require.NoError(t, err)
				var out bytes.Buffer
				_, _, err = Run(src, &out, Options{Lang: l})
				require.NoError(t, err)
				return out.String()
			}
			en, ko := tell(dissect.LangEN), tell(dissect.LangKO)
			assert.False(t, strings.ContainsFunc(en, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }), en)
			assert.True(t, strings.ContainsFunc(ko, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }), ko)
			assert.Equal(t, digitRuns.FindAllString(en, -1), digitRuns.FindAllString(ko, -1), "en:\n%s\nko:\n%s", en, ko)
			assert.GreaterOrEqual(t, strings.Count(ko, "\n"), strings.Count(en, "\n"))
			assert.LessOrEqual(t, strings.Count(ko, "\n"), strings.Count(en, "\n")+1, "one legend line at most")
		})
	}
}
