//go:build js && wasm

// Command fmtjson is a candidate module for the start-up benchmark
// (ICMPLAB_STARTUP_CANDIDATE, README "Start-up"): the bare module with fmt
// and encoding/json linked in and used, and nothing of icmplab's. Its floor
// is what the standard library's formatting and reflection cost a start.
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"
)

func main() {
	obj := js.Global().Get("Object").New()
	obj.Set("decode", js.FuncOf(func(this js.Value, args []js.Value) any {
		out, _ := json.Marshal(map[string]any{"hex": args[0].String(), "n": fmt.Sprintf("%d %v", len(args[0].String()), args)})
		return string(out)
	}))
	js.Global().Set("icmplab", obj)
	select {}
}
