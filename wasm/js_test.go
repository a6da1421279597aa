//go:build js && wasm

package main

// Round trips through syscall/js under Node: the global object, promises,
// argument checks, Uint8Array copies and JSON results.

import (
	"encoding/hex"
	"encoding/json"
	"strings"
	"syscall/js"
	"testing"
)

// await settles a Promise from Go. The test goroutine blocks on a channel,
// which lets Node's event loop run the promise's work.
func await(t *testing.T, p js.Value) (js.Value, js.Value) {
	t.Helper()
	type result struct{ ok, err js.Value }
	ch := make(chan result, 1)
	then := js.FuncOf(func(this js.Value, a []js.Value) any { ch <- result{ok: a[0]}; return nil })
	catch := js.FuncOf(func(this js.Value, a []js.Value) any { ch <- result{err: a[0]}; return nil })
	defer then.Release()
	defer catch.Release()
	p.Call("then", then, catch)
	r := <-ch
	return r.ok, r.err
}

func withAPI(t *testing.T) js.Value {
	t.Helper()
	disposed := make(chan struct{}, 1)
	release := install(func() { disposed <- struct{}{} })
	t.Cleanup(func() {
		release()
		if !js.Global().Get("icmplab").IsUndefined() {
			t.Error("release left globalThis.icmplab defined")
		}
	})
	return js.Global().Get("icmplab")
}

func TestJSDecodeRoundTrip(t *testing.T) {
	api := withAPI(t)
	e, _ := exampleByID("3/3", EN)
	opts := js.Global().Get("Object").New()
	opts.Set("dialect", "")
	ok, err := await(t, api.Call("decode", e.Text, opts))
	if !err.IsUndefined() {
		t.Fatalf("decode rejected: %v", err)
	}
	var res DecodeResult
	if jerr := json.Unmarshal([]byte(ok.String()), &res); jerr != nil {
		t.Fatal(jerr)
	}
	if len(res.Frames) != 1 || res.Frames[0].Hex != e.Hex || res.Frames[0].ICMP == nil || res.Frames[0].ICMP.Type != e.Type {
		t.Errorf("decode through JS = %+v", res)
	}

	// Bytes in a Uint8Array work too, and are copied before the call returns.
	b, _ := hex.DecodeString(e.Hex)
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	p := api.Call("decode", arr)
	arr.Call("fill", 0) // the caller reuses its buffer at once
	ok, err = await(t, p)
	if !err.IsUndefined() || !strings.Contains(ok.String(), e.Hex) {
		t.Errorf("decode(Uint8Array) = %v / %v", ok, err)
	}
}

func TestJSRejectsWithErrors(t *testing.T) {
	api := withAPI(t)
	cases := []struct {
		method string
		args   []any
		want   string
	}{
		{"decode", []any{42}, "argument 1"},
		{"decode", []any{"zz not hex"}, "line 1"},
		{"lookup", []any{"four", 3}, "argument 1 (family)"},
		{"lookup", []any{4, 3.5}, "integer"},
		{"captureFeed", []any{999, js.Global().Get("Uint8Array").New(1)}, "no open capture"},
		{"example", []any{"nope"}, "no example"},
		{"decode", []any{"4500", map[string]any{"dialect": 5}}, "options.dialect must be a string"},
		{"decode", []any{"4500", "ipv4"}, "argument 2 (options) must be an object"},
		{"build", []any{}, "needs a spec object"},
		{"build", []any{map[string]any{"family": 4, "type": 1.5}}, "spec.type must be an integer"},
		{"captureFilter", []any{1, map[string]any{"type": "echo"}}, "filter.type must be a number"},
		{"captureFilter", []any{999, map[string]any{}}, "no open capture"},
	}
	for _, c := range cases {
		_, err := await(t, api.Call(c.method, c.args...))
		if err.IsUndefined() {
			t.Errorf("%s%v resolved, want a rejection", c.method, c.args)
			continue
		}
		if !err.InstanceOf(js.Global().Get("Error")) {
			t.Errorf("%s%v rejected with a non-Error %v", c.method, c.args, err)
			continue
		}
		if msg := err.Get("message").String(); !strings.Contains(msg, c.want) {
			t.Errorf("%s%v: message %q, want it to contain %q", c.method, c.args, msg, c.want)
		}
	}
}

func TestJSCaptureRoundTrip(t *testing.T) {
	api := withAPI(t)
	e, _ := exampleByID("ping", EN)
	data, _ := hex.DecodeString(e.Hex)
	h, err := await(t, api.Call("captureOpen", "ping.pcap"))
	if !err.IsUndefined() {
		t.Fatal(err)
	}
	for off := 0; off < len(data); off += 100 {
		chunk := data[off:min(off+100, len(data))]
		arr := js.Global().Get("Uint8Array").New(len(chunk))
		js.CopyBytesToJS(arr, chunk)
		if _, err := await(t, api.Call("captureFeed", h, arr)); !err.IsUndefined() {
			t.Fatal(err)
		}
	}
	end, err := await(t, api.Call("captureEnd", h))
	if !err.IsUndefined() {
		t.Fatal(err)
	}
	var er EndResult
	json.Unmarshal([]byte(end.String()), &er)
	if er.Count != 8 || er.Error != "" {
		t.Errorf("captureEnd = %+v", er)
	}
	rows, _ := await(t, api.Call("captureRows", h, 0, 3))
	var rv []RowView
	json.Unmarshal([]byte(rows.String()), &rv)
	if len(rv) != 3 || rv[2].No != 3 {
		t.Errorf("captureRows = %+v", rv)
	}
	if _, err := await(t, api.Call("captureClose", h)); !err.IsUndefined() {
		t.Error(err)
	}
	if _, err := await(t, api.Call("captureRows", h, 0, 3)); err.IsUndefined() {
		t.Error("rows of a closed capture resolved")
	}
}
