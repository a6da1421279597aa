// Package hostile builds inputs made to exhaust a decoder, and measures
// what decoding them costs, for the budget tests of codec/capture,
// codec/textdump and codec/dissect (README, "The budget" states the budget).
//
// The inputs are generated, never stored: an io.Reader that writes twenty
// million interface blocks on the fly costs the repository nothing and the
// test no memory of its own. Everything here is pure Go, so the same tests
// run natively and under GOOS=js GOARCH=wasm in Node.
package hostile
