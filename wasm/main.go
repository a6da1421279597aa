//go:build js && wasm

// Command wasm is the syscall/js glue that exposes codec/ to the browser
// workbench. (Skeleton: the wasm/site work replaces this.)
package main

func main() { select {} }
