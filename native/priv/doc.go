// Package priv gives up a prober's privileges once its sockets exist.
//
// icmplab ping and the trace helper open their ICMP sockets first (an
// unprivileged datagram socket when net.ipv4.ping_group_range allows it, a
// raw socket with CAP_NET_RAW otherwise) and then call DropAll, so that the
// long-running part of the program — parsing packets that anyone on the path
// can forge — runs with no capabilities at all, as iputils ping does
// (ping_common.c clears every capability before its main loop).
//
// DropAll clears the effective, permitted and inheritable sets and the
// ambient set, and sets PR_SET_NO_NEW_PRIVS so that no later execve (ping
// never execs, but a library might) can regain privileges through a setuid
// or file-capability binary. The bounding set is left alone: lowering it
// needs CAP_SETPCAP, which an unprivileged user does not have, and with an
// empty permitted set and no_new_privs it can grant nothing.
//
// Capabilities are per thread on Linux. A Go program has many threads, so
// DropAll uses syscall.AllThreadsSyscall, which applies capset and prctl to
// every thread of the process. That call is refused in binaries linked with
// cgo; DropAll then drops on the calling thread only and says so in its
// Report (Scope == ThreadOnly). Build the prober with CGO_ENABLED=0 (the
// pure-Go resolver serves it fine) to get the all-threads drop.
package priv

import "fmt"

// Scope says which threads a drop reached.
type Scope uint8

const (
	// AllThreads: every thread of the process has no capabilities.
	AllThreads Scope = iota
	// ThreadOnly: only the calling thread dropped (a cgo binary, where the
	// runtime refuses AllThreadsSyscall).
	ThreadOnly
)

func (s Scope) String() string {
	switch s {
	case AllThreads:
		return "all threads"
	case ThreadOnly:
		return "calling thread only"
	}
	return fmt.Sprintf("scope(%d)", uint8(s))
}

// Report says what DropAll did.
type Report struct {
	Scope Scope
	// Before is the effective set of the calling thread before the drop, as
	// a bit mask indexed by capability number (CAP_NET_RAW is bit 13).
	Before uint64
	// NoNewPrivs is true when PR_SET_NO_NEW_PRIVS was set.
	NoNewPrivs bool
}
