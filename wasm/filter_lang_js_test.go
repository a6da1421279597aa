//go:build js && wasm

package main

import (
	"syscall/js"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
	"icmplab/codec/filter"
)

// Through the glue under Node, as the page's worker calls them: the filter
// calls reject in the language they are given, English when none is.
func TestJSFilterErrorsInLanguage(t *testing.T) {
	api := withAPI(t)
	e, _ := exampleByID("8/0", EN)
	data := mustHex(t, e.Hex)
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	_, cerr := filter.Compile("icmp.typ == 8")
	var fe *filter.Error
	require.ErrorAs(t, cerr, &fe)

	cases := []struct {
		method string
		args   []any
		want   string
	}{
		{"filterMatch", []any{"icmp.typ == 8", arr, "", 1, 0, "ko"}, "icmplab.filterMatch: " + fe.In(dissect.LangKO)},
		{"filterMatch", []any{"icmp.typ == 8", arr, "", 1, 0}, "icmplab.filterMatch: " + fe.In(dissect.LangEN)},
		{"captureFilter", []any{999, map[string]any{}, "ko"}, "icmplab.captureFilter: 핸들 999로 열린 캡처가 없습니다"},
		{"captureFilter", []any{999, map[string]any{}}, "icmplab.captureFilter: no open capture with handle 999"},
	}
	for _, c := range cases {
		_, err := await(t, api.Call(c.method, c.args...))
		require.False(t, err.IsUndefined(), "%s%v resolved, want a rejection", c.method, c.args)
		assert.Equal(t, c.want, err.Get("message").String(), "%s%v", c.method, c.args)
	}

	h, jerr := await(t, api.Call("captureOpen", "ping.pcap"))
	require.True(t, jerr.IsUndefined())
	_, jerr = await(t, api.Call("captureFilter", h, map[string]any{"expr": "icmp.typ == 8"}, "ko"))
	require.False(t, jerr.IsUndefined())
	assert.Equal(t, "icmplab.captureFilter: "+fe.In(dissect.LangKO), jerr.Get("message").String())
	assert.Equal(t, fe.In(dissect.LangKO), jerr.Get("text").String(), "the sentence alone, for the page")
	assert.Contains(t, jerr.Get("message").String(), "번째 글자")
	await(t, api.Call("captureClose", h))
}
