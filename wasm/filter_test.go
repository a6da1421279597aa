package main

import (
	"encoding/hex"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
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
	assert.NotEmpty(t, filterFields())
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
	ok, err := filterMatch("icmp.type == 8", data, res.Layer, 1, 0)
	assert.NoError(t, err)
	assert.True(t, ok)
	ok, err = filterMatch("icmp.type == 0", data, res.Layer, 1, 0)
	assert.NoError(t, err)
	assert.False(t, ok)
	_, err = filterMatch("icmp.type ==", data, res.Layer, 1, 0)
	assert.Error(t, err)
}
