package main

import (
	"syscall/js"
	"time"
)

// cpuTime is the CPU time Node has spent so far (user and system, every
// thread): on a shared machine a benchmark's wall clock counts the time
// other processes held the cores, this does not.
func cpuTime() time.Duration {
	u := js.Global().Get("process").Call("cpuUsage")
	return time.Duration(u.Get("user").Float()+u.Get("system").Float()) * time.Microsecond
}
