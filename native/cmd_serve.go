package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"icmplab/native/serve"
	"icmplab/site"
)

func init() {
	register("serve", "serve the browser workbench (loopback by default)", runServe)
}

// runServe serves the embedded page until interrupted. Nothing the page
// dissects is ever sent back: the server only hands out static files.
func runServe(args []string, stdout, stderr io.Writer) int {
	fl := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	fl.SetOutput(stderr)
	addr := fl.String("addr", "127.0.0.1:8080", "address to listen on; keep it on loopback unless you mean to share the page")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: icmplab serve [--addr host:port]")
		fmt.Fprintln(stderr, "\nServes the ICMP workbench page. Packets you paste or drop never leave the browser.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() != 0 {
		fmt.Fprintf(stderr, "icmplab serve: unexpected argument %q\n", fl.Arg(0))
		return 2
	}
	root, err := fs.Sub(site.Static, "static")
	if err != nil {
		fmt.Fprintln(stderr, "icmplab serve:", err)
		return 1
	}
	h, err := serve.New(root)
	if err != nil {
		fmt.Fprintln(stderr, "icmplab serve:", err)
		return 1
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "icmplab serve:", err)
		return 1
	}
	raw, gz, _ := h.Size("main.wasm")
	fmt.Fprintf(stdout, "icmplab workbench on http://%s/ (main.wasm %d bytes, %d gzipped)\n", ln.Addr(), raw, gz)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintln(stderr, "icmplab serve: warning: listening beyond loopback; the page is static, but anyone who can reach this port can load it")
	}
	srv := h.Server(serve.DefaultLimits) // timeouts and the connection cap: docs/budget.md
	ln = serve.Listen(ln, serve.DefaultLimits)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintln(stderr, "icmplab serve:", err)
		return 1
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	return 0
}
