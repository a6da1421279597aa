//go:build !js

package main

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has spent so far (user and system,
// every thread): on a shared machine a benchmark's wall clock counts the
// time other processes held the cores, this does not.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
