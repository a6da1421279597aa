//go:build js && wasm

// Command dissectonly is a candidate module for the start-up benchmark
// (ICMPLAB_STARTUP_CANDIDATE, README "Start-up"): codec/dissect alone, hex
// in and the frame as JSON out, no glue, filter, story or explanations. Its
// floor is what a module that only dissects would start in.
package main

import (
	"encoding/hex"
	"encoding/json"
	"syscall/js"

	"icmplab/codec/dissect"
)

func main() {
	obj := js.Global().Get("Object").New()
	obj.Set("decode", js.FuncOf(func(this js.Value, args []js.Value) any {
		b, _ := hex.DecodeString(args[0].String())
		out, _ := json.Marshal(dissect.Dissect(b, dissect.LayerAuto, dissect.Options{}))
		return string(out)
	}))
	js.Global().Set("icmplab", obj)
	select {}
}
