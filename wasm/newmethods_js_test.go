//go:build js && wasm

package main

import (
	"encoding/hex"
	"encoding/json"
	"testing"

	"syscall/js"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// jsBytes copies b into a new Uint8Array.
func jsBytes(b []byte) js.Value {
	a := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

// The story, filter and compare methods answer through the global object as
// the page calls them.
func TestJSStoryFilterCompare(t *testing.T) {
	api := withAPI(t)

	// story: the traceroute example capture is one trace that reaches its
	// destination, and every probe frame has a role with its answer as
	// partner.
	e, ok := exampleByID("traceroute", EN)
	require.True(t, ok)
	capBytes, err := hex.DecodeString(e.Hex)
	require.NoError(t, err)
	out, rej := settle(t, "story", api.Call("story", jsBytes(capBytes)))
	require.True(t, rej.IsUndefined(), "story: %v", rej)
	var sv struct {
		Exchanges []map[string]any `json:"exchanges"`
		Roles     []struct {
			Frame   int   `json:"frame"`
			Partner []int `json:"partner"`
		} `json:"roles"`
	}
	require.NoError(t, json.Unmarshal([]byte(out.String()), &sv))
	require.Len(t, sv.Exchanges, 1)
	assert.Equal(t, "trace", sv.Exchanges[0]["kind"])
	assert.Equal(t, true, sv.Exchanges[0]["reached"])
	require.NotEmpty(t, sv.Roles)
	for _, r := range sv.Roles {
		assert.NotEmpty(t, r.Partner, "frame %d has no partner", r.Frame)
	}

	// filterCheck: a good expression names its fields; a bad one says
	// where, and still resolves.
	out, rej = settle(t, "filterCheck", api.Call("filterCheck", "icmp.type == 11 && ip.ttl < 3"))
	require.True(t, rej.IsUndefined())
	var fc FilterCheck
	require.NoError(t, json.Unmarshal([]byte(out.String()), &fc))
	assert.True(t, fc.OK)
	assert.ElementsMatch(t, []string{"icmp.type", "ip.ttl"}, fc.Fields)
	out, rej = settle(t, "filterCheck bad", api.Call("filterCheck", "icmp.type == 11 && ip.tll < 3"))
	require.True(t, rej.IsUndefined())
	fc = FilterCheck{}
	require.NoError(t, json.Unmarshal([]byte(out.String()), &fc))
	require.False(t, fc.OK)
	require.NotNil(t, fc.Error)
	assert.Equal(t, 20, fc.Error.Column)
	// In Korean, the same column with codec/filter's Korean reason.
	out, rej = settle(t, "filterCheck bad ko", api.Call("filterCheck", "icmp.type == 11 && ip.tll < 3", "ko"))
	require.True(t, rej.IsUndefined())
	fc = FilterCheck{}
	require.NoError(t, json.Unmarshal([]byte(out.String()), &fc))
	require.NotNil(t, fc.Error)
	assert.Equal(t, 20, fc.Error.Column)
	assert.Equal(t, `알 수 없는 필드 "ip.tll"`, fc.Error.Message)

	out, rej = settle(t, "filterFields", api.Call("filterFields"))
	require.True(t, rej.IsUndefined())
	var fields []struct{ Name string }
	require.NoError(t, json.Unmarshal([]byte(out.String()), &fields))
	names := map[string]bool{}
	for _, f := range fields {
		names[f.Name] = true
	}
	assert.True(t, names["icmp.type"] && names["ip.src"], "completion lists the common fields")

	// compare: two echo requests of one ping differ in seq and checksum;
	// with checksums ignored, in seq alone.
	a, ok := exampleByID("8/0", EN)
	require.True(t, ok)
	pa, err := hex.DecodeString(a.Hex)
	require.NoError(t, err)
	pb := append([]byte(nil), pa...)
	pb[27]++ // the low byte of the echo sequence (IPv4 header 20 + 6 + 1)
	opts := js.Global().Get("Object").New()
	opts.Set("ignoreChecksums", true)
	out, rej = settle(t, "compare", api.Call("compare", jsBytes(pa), jsBytes(pb), opts))
	require.True(t, rej.IsUndefined(), "compare: %v", rej)
	var cr struct {
		Diffs []struct {
			Kind  string `json:"kind"`
			Field string `json:"field"`
		} `json:"diffs"`
	}
	require.NoError(t, json.Unmarshal([]byte(out.String()), &cr))
	require.Len(t, cr.Diffs, 1, "%+v", cr.Diffs)
	assert.Equal(t, "changed", cr.Diffs[0].Kind)
	assert.Equal(t, "icmp.seq", cr.Diffs[0].Field)
}
