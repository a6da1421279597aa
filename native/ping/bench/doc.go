// Package bench compares icmplab ping with the tools it replaces on the
// same paths through network namespaces:
//
//   - BenchmarkFloodVsIputils: iputils ping's flood throughput (packets per
//     second), CPU time per packet (user + system, from each process's
//     rusage) and median round-trip time.
//   - BenchmarkManyVsFping: fping's many-target case, 4,094 targets (a /20
//     answered by one namespace) pinged twice each a second apart, any two
//     probes 1 ms apart: CPU time, wall time, replies and peak resident set
//     (VmHWM, read while it runs: a child's rusage holds the benchmark's
//     own) of each (`fping -q -c 2 -p 1000 -i 1 -f FILE` against
//     `icmplab ping -q -c 2 -i 1 -W 2 --gap 0.001 --targets FILE`).
//
// It holds only benchmarks; run them as root with
//
//	go test -run '^$' -bench . -benchtime 1x ./native/ping/bench/
//
// Each prints a table and reports the figures as benchmark metrics.
package bench
