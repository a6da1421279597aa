package main

import (
	"bytes"
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
	"icmplab/codec/filter"
	"icmplab/codec/filter/filtertest"
)

func TestFilterCheck(t *testing.T) {
	c := filterCheck("icmp.typ == 11", EN)
	require.False(t, c.OK)
	require.NotNil(t, c.Error)
	assert.Equal(t, 1, c.Error.Column)
	assert.Equal(t, `unknown field "icmp.typ"`, c.Error.Message)
	assert.Equal(t, "did you mean icmp.type?", c.Error.Hint)
	assert.Equal(t, `unknown field "icmp.typ" at column 1; did you mean icmp.type?`, c.Error.Text)

	// In Korean: codec/filter's Korean words, the same column.
	k := filterCheck("icmp.typ == 11", KO)
	require.NotNil(t, k.Error)
	assert.Equal(t, 1, k.Error.Column)
	assert.Equal(t, `알 수 없는 필드 "icmp.typ"`, k.Error.Message)
	assert.Equal(t, "혹시 icmp.type?", k.Error.Hint)
	assert.Equal(t, `알 수 없는 필드 "icmp.typ" (1번째 글자); 혹시 icmp.type?`, k.Error.Text)

	c = filterCheck("icmp.type == 11 && ip.src in 198.18.0.0/16", EN)
	assert.True(t, c.OK)
	assert.Equal(t, []string{"icmp.type", "ip.src"}, c.Fields)
	assert.NotEmpty(t, filterFields(EN))
	assert.Equal(t, filter.FieldsIn(dissect.LangKO), filterFields(KO), "the descriptions in Korean")
}

func TestExprFilterMatch(t *testing.T) {
	// 198.18.0.1 → 198.18.0.2 echo request, and a time exceeded from
	// 10.1.1.1 quoting a UDP probe 198.18.0.1 → 198.18.0.2:33435.
	echo, _ := hex.DecodeString("4500003c000100004001ee98c6120001c612000208009f6e123400076162636465666768616263646566676861626364656667686162636465666768")
	te, _ := hex.DecodeString("4500004400010000fe01eba20a010101c61200010b00033d00000000450000280009000001112d95c6120001c61200029c40829b00140000787878787878787878787878")
	f, err := newExprFilter("udp.dstport >= 33434 || icmp.type == 8")
	require.NoError(t, err)
	assert.True(t, f.match(echo, dissect.LayerAuto, 1, 0))
	assert.True(t, f.match(te, dissect.LayerAuto, 2, 0))
	g, err := newExprFilter("ip.src in 10.0.0.0/8")
	require.NoError(t, err)
	assert.False(t, g.match(echo, dissect.LayerAuto, 1, 0))
	assert.True(t, g.match(te, dissect.LayerAuto, 2, 0))
}

func TestFilterMatchOnePacket(t *testing.T) {
	e, _ := exampleByID("8/0", EN)
	res, err := decodeText(e.Hex, DecodeOptions{})
	if err != nil || len(res.Frames) != 1 {
		t.Fatalf("decode: %v", err)
	}
	data, _ := hex.DecodeString(res.Frames[0].Hex)
	ok, err := filterMatch("icmp.type == 8", data, res.Layer, 1, 0, EN)
	assert.NoError(t, err)
	assert.True(t, ok)
	ok, err = filterMatch("icmp.type == 0", data, res.Layer, 1, 0, EN)
	assert.NoError(t, err)
	assert.False(t, ok)
	_, err = filterMatch("icmp.type ==", data, res.Layer, 1, 0, EN)
	assert.Error(t, err)
}

// The filter's errors are in the page's language: a bad expression in
// codec/filter's words with its column, an unknown start layer and a
// closed capture in the glue's; in English they read as before.
func TestFilterErrorsInLanguage(t *testing.T) {
	e, _ := exampleByID("8/0", EN)
	data := mustHex(t, e.Hex)
	bad := "icmp.typ == 8"
	_, cerr := filter.Compile(bad)
	var want *filter.Error
	require.ErrorAs(t, cerr, &want)

	for _, l := range []Lang{EN, KO} {
		_, err := filterMatch(bad, data, "", 1, 0, l)
		require.Error(t, err)
		assert.Equal(t, want.In(l.words()), err.Error(), "filterMatch, %v", l)
		var got *filter.Error
		assert.ErrorAs(t, err, &got, "the worded error still unwraps to the filter's")

		_, err = filterMatch("icmp", data, "token-ring", 1, 0, l)
		require.Error(t, err)
		assert.Contains(t, err.Error(), `"token-ring"`)

		_, err = captureFilter(987654, Filter{Expr: "icmp"}, l)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "987654")
	}
	_, err := filterMatch("icmp", data, "token-ring", 1, 0, KO)
	assert.Contains(t, err.Error(), "알 수 없는 시작 계층")
	_, err = captureFilter(987654, Filter{}, KO)
	assert.Equal(t, "핸들 987654로 열린 캡처가 없습니다", err.Error())
	_, err = captureFilter(987654, Filter{}, EN)
	assert.Equal(t, "no open capture with handle 987654", err.Error())

	var capBuf bytes.Buffer
	require.NoError(t, filtertest.WriteCapture(&capBuf, 100))
	h, s := feedAll(t, capBuf.Bytes(), 4096)
	defer closeSession(h)
	require.Equal(t, 100, s.end(h, EN).Count)
	_, err = captureFilter(h, Filter{Expr: bad}, KO)
	require.Error(t, err)
	assert.Equal(t, want.In(dissect.LangKO), err.Error())
	assert.Contains(t, err.Error(), "번째 글자", "the column in Korean")
	assert.NotContains(t, err.Error(), "unknown field")
	out, err := captureFilter(h, Filter{Expr: "icmp.type == 8"}, KO)
	require.NoError(t, err)
	want8 := 0
	for i := range 100 {
		fr := filtertest.Ethernet(i)
		if filter.MustCompile("icmp.type == 8").Match(dissect.Dissect(fr.Data, filtertest.Start, dissect.Options{Number: i + 1, Len: fr.Len})) {
			want8++
		}
	}
	assert.Equal(t, want8, out.Count, "a good expression filters as in English")
}
