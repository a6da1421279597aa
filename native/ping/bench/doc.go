// Package bench compares icmplab ping with iputils ping on the same path
// through network namespaces: flood throughput (packets per second), CPU
// time per packet (user + system, from each process's rusage) and median
// round-trip time. It holds only a benchmark; run it as root with
//
//	go test -run '^$' -bench . -benchtime 1x ./native/ping/bench/
//
// It prints a table and reports the figures as benchmark metrics.
package bench
