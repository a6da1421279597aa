package main

import (
	"bytes"
	"compress/gzip"
	"errors"
	"regexp"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/capture"
	"icmplab/codec/dissect"
	"icmplab/codec/textdump"
)

var hangulRe = regexp.MustCompile(`\p{Hangul}`)

// A paste that is not packet bytes: in Korean the whole message is
// Korean, the reader's reason worded by textdump (SyntaxError.KO) with its
// line, column and character; in English it is what it always was.
func TestPasteErrorKorean(t *testing.T) {
	const text = "this is not a packet"
	_, err := decodeList(text, DecodeOptions{})
	require.Error(t, err)
	assert.Equal(t, "could not read the text as packet bytes: line 1, column 1: 't' is not a hex digit (reading plain hex); if the format was misdetected, choose it in the Format list", err.Error())

	_, parseErr := textdump.Parse(text, textdump.Options{})
	var se *textdump.SyntaxError
	require.True(t, errors.As(parseErr, &se))
	for _, decode := range []func(string, DecodeOptions) (DecodeResult, error){decodeList, decodeText} {
		_, err := decode(text, DecodeOptions{Lang: KO})
		require.Error(t, err)
		assert.Contains(t, err.Error(), se.KO())
		assert.NotContains(t, err.Error(), "hex digit")
		assert.NotContains(t, err.Error(), "reading")
		assert.Contains(t, err.Error(), "'t'")
	}
	// A dialect chosen in the menu: named by its Korean title.
	_, err = decodeList("unsigned char x[] = {0x45, 0x100};", DecodeOptions{Dialect: textdump.CArray.String(), Lang: KO})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "C 배열 형식으로 읽지 못했습니다")
	assert.Contains(t, err.Error(), "0x100")
	assert.NotContains(t, err.Error(), "does not fit")
	_, err = decodeList("unsigned char x[] = {0x45, 0x100};", DecodeOptions{Dialect: textdump.CArray.String()})
	require.Error(t, err)
	assert.Equal(t, "could not read the text as C array: line 1, column 28: 0x100 does not fit in a byte (reading C array)", err.Error())
}

// A picture opened as a capture, and a damaged gzipped one: the reason in
// Korean, from capture's FormatError.KO, with the offset and magic number.
func TestCaptureErrorKorean(t *testing.T) {
	png := []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'}
	h, s := feedAll(t, png, 5)
	defer closeSession(h)
	en, ko := s.end(h, EN), s.end(h, KO)
	assert.Equal(t, "reading stopped after packet 0: capture: file header at offset 0: magic number 89504e47 is neither pcap (a1b2c3d4, a1b23c4d), pcapng (0a0d0d0a) nor gzip (1f8b)", en.Error)
	var fe *capture.FormatError
	require.True(t, errors.As(s.err, &fe))
	assert.Contains(t, ko.Error, fe.KO())
	assert.Contains(t, ko.Error, "89504e47")
	assert.NotContains(t, ko.Error, "magic number")
	assert.NotContains(t, ko.Error, "file header")
	assert.Regexp(t, hangulRe, ko.Error)

	// The traceroute example gzipped, its checksum spoiled: packets are
	// read, then the error; the count line says "gzip 압축".
	e, _ := exampleByID("traceroute", EN)
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	_, err := zw.Write(mustHex(t, e.Hex))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	damaged := gz.Bytes()
	damaged[len(damaged)-6] ^= 0xff
	h2, s2 := feedAll(t, damaged, 101)
	defer closeSession(h2)
	en, ko = s2.end(h2, EN), s2.end(h2, KO)
	assert.Equal(t, "pcapng, gzipped", en.Format)
	assert.Equal(t, "pcapng, gzip 압축", ko.Format)
	assert.Contains(t, en.Error, "invalid checksum")
	assert.Contains(t, ko.Error, "gzip 체크섬이 맞지 않습니다")
	assert.Contains(t, ko.Error, "패킷 "+strconv.Itoa(ko.Count)+" 다음에서")
	assert.NotContains(t, ko.Error, "invalid")
}

// The menus and the detected tag name dump dialects and start layers in
// the page's language; the values stay the IDs decode takes.
func TestDialectAndLayerTitlesKorean(t *testing.T) {
	ko, en := meta(KO), meta(EN)
	require.Len(t, ko.Dialects, len(textdump.Dialects()))
	for i, d := range ko.Dialects {
		id, ok := textdump.ParseDialect(d.ID)
		require.True(t, ok, d.ID)
		assert.Equal(t, id.TitleKO(), d.Title)
		assert.Equal(t, en.Dialects[i].ID, d.ID)
		assert.Equal(t, d.ID, en.Dialects[i].Title, "English titles are the IDs")
	}
	assert.Contains(t, ko.Dialects, Option{ID: "plain hex", Title: "16진 문자열"})
	titles := map[string]string{}
	for _, l := range ko.Layers {
		titles[l.ID] = l.Title
	}
	assert.Equal(t, "데이터", titles["data"])
	assert.Equal(t, "BSD 루프백", titles["null"])
	assert.Equal(t, "InfiniBand 위의 IP", titles["ipoib"])
	for _, l := range en.Layers {
		layer, _ := dissect.ParseLayer(l.ID)
		assert.Equal(t, layer.Title(), l.Title, "English titles are dissect's")
	}

	res, err := decodeList("45 00 00 1c 00 00 00 00 40 01 00 00 c6 12 00 01 c6 12 00 02 08 00 f7 ff 00 00 00 00", DecodeOptions{Lang: KO})
	require.NoError(t, err)
	assert.Equal(t, "plain hex", res.Dialect)
	assert.Equal(t, "16진 문자열", res.DialectTitle)
	h, s := res.Handle, mustSession(t, res.Handle)
	defer closeSession(h)
	assert.Equal(t, "16진 문자열", s.end(h, KO).Format)
	assert.Equal(t, "plain hex", s.end(h, EN).Format)
	res, err = decodeText("4500", DecodeOptions{Layer: "data", Lang: KO})
	require.NoError(t, err)
	assert.Equal(t, "데이터", res.LayerTitle)
}

func mustSession(t *testing.T, h int) *session {
	t.Helper()
	s, err := getSession(h)
	require.NoError(t, err)
	return s
}

// The ICMPv6 checksum's pseudo-header rows carry their labels in both
// languages, the Korean from the catalogue.
func TestChecksumPseudoLabelsKorean(t *testing.T) {
	res, err := build(BuildSpec{Family: 6, Type: int(codec.ICMPv6EchoRequest), ID: 7, Seq: 1, Src: "2001:2::1", Dst: "2001:2::2"})
	require.NoError(t, err)
	views := checksumsOf(dissect.Dissect(mustHex(t, res.Hex), dissect.LayerIPv6, dissect.Options{}))
	require.NotEmpty(t, views)
	require.NotEmpty(t, views[0].Pseudo)
	for _, p := range views[0].Pseudo {
		require.NotNil(t, p.LabelText)
		assert.Equal(t, p.Label, p.LabelText.EN)
		assert.Regexp(t, hangulRe, p.LabelText.KO)
		assert.NotRegexp(t, `[A-Za-z]{3,}`, p.LabelText.KO, "English left in %q", p.LabelText.KO)
	}
}

// The export limit in Korean keeps its number and is still the sentinel.
func TestExportTooBigKorean(t *testing.T) {
	ko := exportTooBig(KO)
	assert.ErrorIs(t, ko, errExportTooBig)
	assert.Regexp(t, hangulRe, ko.Error())
	assert.Contains(t, ko.Error(), strconv.Itoa(maxExport>>20)+" MB")
	assert.Equal(t, errExportTooBig, exportTooBig(EN))
}
