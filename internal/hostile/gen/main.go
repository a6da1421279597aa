// Command gen writes the hostile inputs of internal/hostile to standard
// output, for trying them on the binary (and on tcpdump or tshark) by hand:
//
//	go run ./internal/hostile/gen interfaces 20000000 | gzip > idb.pcapng.gz
//	go run ./internal/hostile/gen storm 100000 > storm.pcap
//	go run ./internal/hostile/gen text 15000000 > ones.txt
//	go run ./internal/hostile/gen everyday 100000 > everyday.pcap
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"

	"icmplab/internal/hostile"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: gen interfaces|storm|text|everyday N")
		os.Exit(2)
	}
	n, err := strconv.Atoi(os.Args[2])
	if err != nil || n < 1 {
		fmt.Fprintln(os.Stderr, "gen: N must be a positive number")
		os.Exit(2)
	}
	var r io.Reader
	switch os.Args[1] {
	case "interfaces":
		r = hostile.ManyInterfaces(n, hostile.Echo(1))
	case "storm":
		r = hostile.Pcap(n, hostile.FragmentStorm(n, 0x4242))
	case "text":
		r = hostile.OneBytePackets(n)
	case "everyday":
		r = hostile.Pcap(n, hostile.Everyday)
	default:
		fmt.Fprintf(os.Stderr, "gen: unknown case %q\n", os.Args[1])
		os.Exit(2)
	}
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	if _, err := io.Copy(w, r); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
