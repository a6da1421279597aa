// Package ping is the engine behind `icmplab ping`: it sends echo requests
// (or RFC 8335 extended echo requests) to one target, matches what comes
// back, keeps the statistics, and hands every outcome to a Sink that prints
// it as iputils ping does (TextSink) or as JSON lines (JSONSink).
//
// The engine talks to the network only through the Conn interface, so its
// logic — matching, duplicates, timeouts, deadlines, statistics — is tested
// against a function-backed fake connection (see fake_test.go), and the
// socket details live in OpenConn (Linux, over native/icmpsock).
//
// Which probe a message answers is codec/story's matcher's to say, the one
// definition icmplab has (icmplab story and the page ask it of captures):
// the engine tells it every request it sends and every packet it reads, as
// IP datagrams (live.go), and keeps its own per-probe state under the
// probe's number. A reply counts only when everything that identifies our
// probe matches: the echo identifier (the socket's, when the kernel chose
// it), the sequence number of a probe actually sent, the addresses, and
// then the pinger's random 8-byte cookie at the start of the payload. Concurrent
// pingers, in this process or another, never take each other's replies, and
// a forged reply has to guess 64 random bits. Send times are kept here, per
// sequence number, and never read back from a payload (iputils
// CVE-2025-47268); receive times are the kernel's (SO_TIMESTAMPNS).
//
// Every ICMP byte is built and parsed by codec; this package adds no ICMP
// knowledge of its own beyond the iputils wording in names_iputils.go,
// which is presentation only.
package ping
