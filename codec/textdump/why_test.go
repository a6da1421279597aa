package textdump

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	hangul = regexp.MustCompile(`\p{Hangul}`)
	// numberRe finds the numbers a message gives: hex (0x1a) or decimal.
	numberRe = regexp.MustCompile(`0x[0-9a-f]+|[0-9]+`)
	// englishWord is a Latin word a Korean reason must not keep: anything
	// but the format and tool names, escapes and hex digits it quotes.
	englishWord = regexp.MustCompile(`[A-Za-z]{2,}`)
	keptLatin   = map[string]bool{"base": true, "od": true, "Ax": true, "fromhex": true, "xNN": true, "ASCII": true}
)

// Every reason has its English and its Korean; the Korean has Hangul, no
// English word, and every number and quoted piece of input the English has.
func TestWhyEveryKindInKorean(t *testing.T) {
	for k := whyNone + 1; k < whyKinds; k++ {
		w := Why{kind: k, n: [3]int{17, 42, 1234}, s: `'q'`}
		en, ko := w.String(), w.KO()
		require.NotEmpty(t, en, "kind %d has no English", k)
		require.NotEmpty(t, ko, "kind %d has no Korean", k)
		assert.NotContains(t, en+ko, "%!", "kind %d: a format verb without its value", k)
		assert.Regexp(t, hangul, ko, "kind %d", k)
		for _, n := range numberRe.FindAllString(en, -1) {
			assert.Contains(t, ko, n, "kind %d: %q loses %s of %q", k, ko, n, en)
		}
		if strings.Contains(en, `'q'`) {
			assert.Contains(t, ko, `'q'`, "kind %d quotes the input", k)
		}
		for _, word := range englishWord.FindAllString(strings.ReplaceAll(ko, `'q'`, ""), -1) {
			assert.True(t, keptLatin[word], "kind %d: English %q left in %q", k, word, ko)
		}
	}
	assert.Empty(t, Why{}.String()+Why{}.KO())
}

// Real pastes that fail: the English is what it always was, byte for
// byte, and the Korean says where (line and column), why, with the same
// numbers, and the dialect in Korean.
func TestSyntaxErrorKO(t *testing.T) {
	for _, c := range []struct {
		text    string
		dialect Dialect
		en, ko  string
	}{
		{"this is not a packet", PlainHex, "line 1, column 1: 't' is not a hex digit (reading plain hex)",
			"1번째 줄 1번째 열: 't'은(는) 16진 숫자가 아닙니다 (16진 문자열 형식으로 읽는 중)"},
		{"45000", PlainHex, "line 1, column 1: odd number of hex digits (5) (reading plain hex)",
			"1번째 줄 1번째 열: 16진 숫자의 개수가 홀수입니다(5개) (16진 문자열 형식으로 읽는 중)"},
		{"unsigned char x[] = {0x45, 0x100};", CArray, "line 1, column 28: 0x100 does not fit in a byte (reading C array)",
			"1번째 줄 28번째 열: 0x100은(는) 한 바이트에 들어가지 않습니다 (C 배열 형식으로 읽는 중)"},
		{"0000  45 00 00 54\n0020  00 00\n", WiresharkHexDump, "line 2, column 1: offset 0x20 where 0x4 was expected (the line before holds 4 bytes) (reading Wireshark hex dump)",
			"2번째 줄 1번째 열: 오프셋 0x4이어야 할 자리에 0x20이 있습니다(앞 줄은 4바이트) (Wireshark 16진 덤프 형식으로 읽는 중)"},
	} {
		_, err := Parse(c.text, Options{Dialect: c.dialect})
		var se *SyntaxError
		require.True(t, errors.As(err, &se), "%q: %v", c.text, err)
		assert.Equal(t, c.en, se.Error(), c.text)
		assert.Equal(t, se.Why.String(), se.Msg, "Msg is the reason's English")
		assert.Equal(t, c.ko, se.KO(), c.text)
	}
}

// A limit error keeps its number in Korean.
func TestSyntaxErrorKOTooLarge(t *testing.T) {
	_, err := Parse("45 00 00 54 00 00", Options{Dialect: PlainHex, MaxBytes: 4})
	var se *SyntaxError
	require.True(t, errors.As(err, &se), "%v", err)
	require.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, se.Error(), "more bytes than the limit of 4")
	assert.Contains(t, se.KO(), "한도 4개")
}

// The Korean dialect titles: the described ones translated, the commands
// kept; String stays the ID.
func TestDialectTitleKO(t *testing.T) {
	assert.Equal(t, "16진 문자열", PlainHex.TitleKO())
	assert.Equal(t, "plain hex", PlainHex.String())
	assert.Equal(t, "tcpdump -XX", TcpdumpXXASCII.TitleKO())
	for _, d := range Dialects() {
		ko := d.TitleKO()
		assert.NotEmpty(t, ko)
		for _, w := range []string{"plain", "array", "slice", "bytes", "hex dump"} {
			assert.NotContains(t, strings.ToLower(ko), w, "%v in Korean is %q", d, ko)
		}
	}
}
