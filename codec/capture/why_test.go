package capture

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	hangul   = regexp.MustCompile(`\p{Hangul}`)
	numberRe = regexp.MustCompile(`[0-9]+`)
	// latinWord is a word a Korean error may keep only if it is a format
	// or product name (keptLatin).
	latinWord = regexp.MustCompile(`[A-Za-z]+`)
	keptLatin = map[string]bool{"pcap": true, "pcapng": true, "gzip": true, "Navtel": true}
	// hexToken is a magic number or a block type in hex, not a word.
	hexToken = regexp.MustCompile(`\b[0-9a-f]*[0-9][0-9a-f]*\b`)
)

// koreanKeeps checks a Korean error against its English: Hangul, every
// number the English gives, and no English word.
func koreanKeeps(t *testing.T, where, en, ko string) {
	t.Helper()
	assert.Regexp(t, hangul, ko, where)
	for _, n := range numberRe.FindAllString(en, -1) {
		assert.Contains(t, ko, n, "%s: %q loses %s of %q", where, ko, n, en)
	}
	for _, w := range latinWord.FindAllString(hexToken.ReplaceAllString(ko, ""), -1) {
		assert.True(t, keptLatin[w], "%s: English %q left in %q", where, w, ko)
	}
}

// Every reason has its English and its Korean, with the same numbers.
func TestWhyEveryKindInKorean(t *testing.T) {
	for k := whyNone + 1; k < whyKinds; k++ {
		w := Why{kind: k, n: [3]int64{17, 42, 1234}, s: [2]string{"89504e47", "Navtel"}}
		en, ko := w.String(), w.KO()
		require.NotEmpty(t, en, "kind %d has no English", k)
		require.NotEmpty(t, ko, "kind %d has no Korean", k)
		assert.NotContains(t, en+ko, "%!", "kind %d: a format verb without its value", k)
		koreanKeeps(t, en, en, ko)
	}
	assert.Empty(t, Why{}.String()+Why{}.KO())
}

// Damaged files, each kind of fault: the English is what it always was
// and the Korean says the same place, the same numbers, in Korean.
func TestFormatErrorKO(t *testing.T) {
	le := binary.LittleEndian
	epb := func(iface, capLen uint32, data int) []byte {
		var body []byte
		body = le.AppendUint32(body, iface)
		body = le.AppendUint64(body, 0)
		body = le.AppendUint32(body, capLen)
		body = le.AppendUint32(body, capLen)
		return append(body, make([]byte, data)...)
	}
	pcapHdr := []byte{0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write(append(append([]byte(nil), pcapHdr...), 0, 0, 0, 0, 0, 0, 0, 0, 40, 0, 0, 0, 40, 0, 0, 0, 1, 2, 3))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	damaged := append([]byte(nil), gz.Bytes()...)
	damaged[len(damaged)-6] ^= 0xff // the CRC-32
	png := []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13}
	for _, c := range []struct {
		name string
		file []byte
		en   string
		ko   string
	}{
		{"picture", png, "capture: file header at offset 0: magic number 89504e47 is neither pcap (a1b2c3d4, a1b23c4d), pcapng (0a0d0d0a) nor gzip (1f8b)",
			"캡처: 파일 헤더(오프셋 0): 매직 넘버 89504e47은 pcap(a1b2c3d4, a1b23c4d)도, pcapng(0a0d0d0a)도, gzip(1f8b)도 아닙니다"},
		{"empty", nil, "capture: file header at offset 0: the file holds 0 bytes, fewer than a magic number", ""},
		{"not multiple of 4", ngFile(rawBlock(5, 15, make([]byte, 3), 15)), "pcapng: block (type 00000005) at offset 48: total length 15 is not a multiple of 4",
			"pcapng: 블록(타입 00000005)(오프셋 48): 전체 길이 15이 4의 배수가 아닙니다"},
		{"too short", ngFile(rawBlock(6, 8, nil, 8)), "", ""},
		{"too large", ngFile(rawBlock(6, 1<<30, nil, 0)), "", ""},
		{"trailer", ngFile(rawBlock(6, 32+4, epb(0, 4, 4), 40)), "", ""},
		{"no interface", ngFile(rawBlock(6, 32+4, epb(1, 4, 4), 36)), "", ""},
		{"overrun", ngFile(rawBlock(6, 32+4, epb(0, 9, 4), 36)), "", ""},
		{"cut block", ngFile(rawBlock(6, 32+4, epb(0, 4, 4), 36))[:60], "", ""},
		{"pcap version", append([]byte{0xd4, 0xc3, 0xb2, 0xa1, 3, 0}, pcapHdr[6:]...), "", ""},
		{"pcap huge record", append(append([]byte(nil), pcapHdr...), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 0, 0, 0, 0x20), "", ""},
		{"pcap cut record", append(append([]byte(nil), pcapHdr...), 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 9, 0, 0, 0, 1, 2), "", ""},
		{"bad gzip", []byte{0x1f, 0x8b, 0, 0}, "", ""},
		{"gzip checksum", damaged, "", ""},
		{"navtel", append([]byte{0x4d, 0x3c, 0x2b, 0xa1}, pcapHdr[4:]...), "", ""},
	} {
		_, _, err := readAll(t, c.file)
		var fe *FormatError
		require.True(t, errors.As(err, &fe), "%s: %v", c.name, err)
		if c.en != "" {
			assert.Equal(t, c.en, fe.Error(), c.name)
		}
		if c.ko != "" {
			assert.Equal(t, c.ko, fe.KO(), c.name)
		}
		if !fe.Why.IsZero() {
			assert.Equal(t, fe.Why.String(), fe.Msg, "%s: Msg is the reason's English", c.name)
		}
		koreanKeeps(t, c.name, strings.TrimPrefix(fe.Error(), "gzip: "), fe.KO())
	}
}
