//go:build js && wasm

package main

// The glue cannot be killed by what it is called with: every exported method
// with every kind of JavaScript value at every argument position, including
// those whose mere inspection runs page code (a BigInt panics Value.Type; a
// Proxy's traps and a getter that throw would unwind through the Go stack if
// read with Value.Get or instanceof). Each call must settle, any rejection
// must be a real Error, and afterwards the module still decodes a packet.

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"syscall/js"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// settle waits for a promise, failing the test if it never settles.
func settle(t *testing.T, what string, p js.Value) (ok js.Value, rej js.Value) {
	t.Helper()
	type result struct{ ok, err js.Value }
	ch := make(chan result, 1)
	then := js.FuncOf(func(this js.Value, a []js.Value) any { ch <- result{ok: a[0], err: js.Undefined()}; return nil })
	catch := js.FuncOf(func(this js.Value, a []js.Value) any { ch <- result{ok: js.Undefined(), err: a[0]}; return nil })
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	select {
	case r := <-ch:
		return r.ok, r.err
	case <-time.After(20 * time.Second):
		t.Fatalf("%s: the promise never settled", what)
	}
	return js.Undefined(), js.Undefined()
}

// hostileValues are every kind of value a page can pass, by name. Functions
// that throw are made with Function (Node runs these tests, without a CSP).
func hostileValues() map[string]js.Value {
	g := js.Global()
	thrower := g.Get("Function").New("throw new Error('thrown by the test')")
	obj := func() js.Value { return g.Get("Object").New() }
	handler := obj()
	for _, trap := range []string{"get", "has", "ownKeys", "getOwnPropertyDescriptor", "getPrototypeOf", "defineProperty", "set", "apply", "construct"} {
		handler.Set(trap, thrower)
	}
	proxy := g.Get("Proxy").New(obj(), handler)
	getterDesc := obj()
	getterDesc.Set("get", thrower)
	getters := obj()
	for _, name := range []string{"dialect", "layer", "lang", "family", "type", "code", "id", "seq", "ttl", "data", "dataHex", "quote", "src", "dst", "addr", "length", "constructor"} {
		g.Get("Object").Call("defineProperty", getters, name, getterDesc)
	}
	bytesWithGetter := g.Get("Uint8Array").New(4)
	g.Get("Object").Call("defineProperty", bytesWithGetter, "length", getterDesc)
	bytesOnProxy := g.Get("Uint8Array").New(4)
	g.Get("Object").Call("setPrototypeOf", bytesOnProxy, proxy)
	return map[string]js.Value{
		"undefined":               js.Undefined(),
		"null":                    js.Null(),
		"true":                    js.ValueOf(true),
		"1.5":                     js.ValueOf(1.5),
		"123456789":               js.ValueOf(123456789),
		"-1":                      js.ValueOf(-1),
		"1e300":                   js.ValueOf(1e300),
		"NaN":                     g.Get("NaN"),
		"Infinity":                g.Get("Infinity"),
		"string":                  js.ValueOf("hello"),
		"empty string":            js.ValueOf(""),
		"Symbol":                  g.Get("Symbol").Invoke("s"),
		"BigInt":                  g.Get("BigInt").Invoke(3),
		"function":                thrower,
		"object":                  obj(),
		"array":                   g.Get("Array").New(1, 2),
		"Uint8Array":              g.Get("Uint8Array").New(3),
		"Int16Array":              g.Get("Int16Array").New(3),
		"Proxy that throws":       proxy,
		"Proxy of a Uint8Array":   g.Get("Proxy").New(g.Get("Uint8Array").New(2), handler),
		"getters that throw":      getters,
		"bytes, length throws":    bytesWithGetter,
		"bytes, prototype throws": bytesOnProxy,
	}
}

func TestJSHostileArguments(t *testing.T) {
	api := withAPI(t)
	e, ok := exampleByID("ping", EN)
	require.True(t, ok)
	data, err := hex.DecodeString(e.Hex)
	require.NoError(t, err)
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)

	// A capture that stays open for the capture methods' valid arguments.
	h, rej := settle(t, "captureOpen", api.Call("captureOpen", "ping.pcapng"))
	require.True(t, rej.IsUndefined(), "captureOpen: %v", rej)
	_, rej = settle(t, "captureFeed", api.Call("captureFeed", h, arr))
	require.True(t, rej.IsUndefined(), "captureFeed: %v", rej)
	_, rej = settle(t, "captureEnd", api.Call("captureEnd", h))
	require.True(t, rej.IsUndefined(), "captureEnd: %v", rej)

	spec := js.Global().Get("Object").New()
	spec.Set("family", 4)
	spec.Set("type", 8)
	pkt, _ := exampleByID("8/0", EN)
	cmpOpts := js.Global().Get("Object").New()
	cmpOpts.Set("ignoreChecksums", true)
	// Valid arguments for every method; each position is replaced in turn.
	valid := map[string][]any{
		"init":             {"en"},
		"decode":           {pkt.Text, js.Global().Get("Object").New()},
		"lookup":           {4, 3, 3, "ko"},
		"types":            {6, "en"},
		"explain":          {"ip.ttl"},
		"build":            {spec},
		"format":           {pkt.Hex, "xxd"},
		"example":          {"3/3", "ko"},
		"captureOpen":      {"x"},
		"captureFeed":      {h, js.Global().Get("Uint8Array").New(0)},
		"captureEnd":       {h, "en"},
		"captureRows":      {h, 0, 3, "en"},
		"captureFilter":    {h, js.Global().Get("Object").New()},
		"captureExport":    {h, "csv", "en"},
		"captureGoto":      {h, 1},
		"captureSort":      {h, "len", 1},
		"captureCompare":   {h, 0, 1, cmpOpts, "en"},
		"capturePacket":    {h, 1, "ko"},
		"captureOpenFetch": {0},
		"captureDissect":   {h, 0, h, "en"},
		"captureClose":     {-1},
		"story":            {pkt.Text},
		"filterCheck":      {"icmp.type == 11"},
		"filterFields":     {},
		"diagram":          {"0\t0\t4\t0\t0\t0\tx\tX\t\n1\t0\t1\t0\t0\t0\tx.a\tA\t1", "0.0"},
		"filterMatch":      {"icmp", arr, "", 1, 0},
		"compare":          {arr, arr, cmpOpts},
	}
	names := make([]string, 0, len(methods))
	for name := range methods {
		names = append(names, name)
		require.Contains(t, valid, name, "no valid arguments listed for %s", name)
	}
	sort.Strings(names)
	values := hostileValues()
	errorCtor := js.Global().Get("Error")
	calls := 0
	for _, name := range names {
		base := valid[name]
		for pos := 0; pos < max(1, len(base)); pos++ {
			for vname, v := range values {
				args := append([]any(nil), base...)
				if pos < len(args) {
					args[pos] = v
				} else {
					args = append(args, v)
				}
				what := fmt.Sprintf("%s with %s at argument %d", name, vname, pos+1)
				_, rej := settle(t, what, api.Call(name, args...))
				calls++
				if !rej.IsUndefined() {
					assert.True(t, rej.InstanceOf(errorCtor), "%s rejected with a non-Error", what)
				}
			}
		}
	}
	t.Logf("%d hostile calls settled", calls)

	// The module is alive and right: it decodes a packet.
	out, rej := settle(t, "decode after", api.Call("decode", pkt.Text))
	require.True(t, rej.IsUndefined(), "decode after the hostile calls: %v", rej)
	var res DecodeResult
	require.NoError(t, json.Unmarshal([]byte(out.String()), &res))
	require.Len(t, res.Frames, 1)
	assert.Equal(t, pkt.Hex, res.Frames[0].Hex)
	require.NotNil(t, res.Frames[0].ICMP)
	assert.Equal(t, pkt.Type, res.Frames[0].ICMP.Type)
}
