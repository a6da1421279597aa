// Package site holds the browser workbench's static files, embedded into the
// native binary so that `icmplab serve` needs nothing beside it.
package site

import "embed"

// Static is the site root. main.wasm and wasm_exec.js are copied into static/
// by `make build`; they are absent from a fresh checkout.
//
//go:embed static
var Static embed.FS
