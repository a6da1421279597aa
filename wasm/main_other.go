//go:build !(js && wasm)

// The glue's logic (decode, checksums, examples, capture sessions) is plain Go
// and is also built and tested natively; only main_js.go needs syscall/js.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "icmplab/wasm is the browser module: build it with GOOS=js GOARCH=wasm (make build)")
	os.Exit(2)
}
