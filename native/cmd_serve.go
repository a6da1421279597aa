package main

import (
	"context"
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
	registerCommand("serve", command{
		summary: "serve the browser workbench (loopback by default)",
		usage:   "icmplab serve [--addr host:port]",
		about: `Serves the ICMP workbench page. Packets you paste or drop never leave the browser: the server ` +
			`only hands out the embedded static files. It drops every capability once it listens, before ` +
			`it reads any request.`,
		exit:  "0 after SIGINT or SIGTERM, 1 when it cannot listen or serve, 2 on bad usage",
		flags: func() *pflag.FlagSet { return newServeFlags(new(string)) },
		run:   runServe,
	})
}

// newServeFlags is serve's flag table.
func newServeFlags(addr *string) *pflag.FlagSet {
	fl := pflag.NewFlagSet("serve", pflag.ContinueOnError)
	fl.StringVar(addr, "addr", "127.0.0.1:8080", "`address` to listen on; keep it on loopback unless you mean to share the page")
	return fl
}

// runServe serves the embedded page until interrupted. Nothing the page
// dissects is ever sent back: the server only hands out static files.
func runServe(args []string, stdout, stderr io.Writer) int {
	addr := new(string)
	fl := newServeFlags(addr)
	if code, stop := parseFlags("serve", fl, args, stdout, stderr); stop {
		return code
	}
	if fl.NArg() != 0 {
		return usageFail(stderr, "serve", fmt.Sprintf("unexpected argument %q", fl.Arg(0)))
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
	// A port below 1024 may have needed a capability; serving needs none.
	if _, err := dropAll(); err != nil {
		ln.Close()
		fmt.Fprintln(stderr, "icmplab serve: dropping privileges:", err)
		return 1
	}
	raw, gz, br, _ := h.Size("main.wasm")
	sent := fmt.Sprintf("%d gzipped", gz)
	if br > 0 {
		sent = fmt.Sprintf("%d with brotli, %d gzipped", br, gz)
	}
	fmt.Fprintf(stdout, "icmplab workbench on http://%s/ (main.wasm %d bytes, %s)\n", ln.Addr(), raw, sent)
	if tcp, ok := ln.Addr().(*net.TCPAddr); ok && !tcp.IP.IsLoopback() {
		fmt.Fprintln(stderr, "icmplab serve: warning: listening beyond loopback; the page is static, but anyone who can reach this port can load it")
	}
	srv := h.Server(serve.DefaultLimits) // timeouts and the connection cap: README, "The budget"
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
