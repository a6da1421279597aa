package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"icmplab/native/trace"
	"icmplab/native/trace/live"
)

func init() {
	register("trace", "trace the route to a host (UDP, ICMP or TCP probes; Paris flows)", runTrace)
}

// runTrace is `icmplab trace [flags] HOST`, with traceroute's flag names.
func runTrace(args []string, stdout, stderr io.Writer) int {
	fl := pflag.NewFlagSet("trace", pflag.ContinueOnError)
	fl.SetOutput(stderr)
	var (
		maxHops  = fl.IntP("max-hops", "m", 30, "max TTL (hops) to probe")
		first    = fl.IntP("first", "f", 1, "TTL to start from")
		queries  = fl.IntP("queries", "q", 3, "probes per hop")
		wait     = fl.StringP("wait", "w", "5,3,10", "MAX[,HERE,NEAR]: give a probe up after MAX seconds, or HERE times the round trip of an answered probe of the same hop, or NEAR times one of a later hop (factors left out are 0, as in traceroute)")
		inflight = fl.IntP("sim-queries", "N", 16, "probes in flight at once")
		port     = fl.Uint16P("port", "p", 0, "destination port (UDP: first port, 33434; -U: 53; -T: 80)")
		numeric  = fl.BoolP("numeric", "n", false, "print addresses only, no reverse names")
		v4       = fl.BoolP("ipv4", "4", false, "use IPv4")
		v6       = fl.BoolP("ipv6", "6", false, "use IPv6")
		source   = fl.StringP("source", "s", "", "source address")
		iface    = fl.StringP("interface", "i", "", "send through this interface")
		ext      = fl.BoolP("extensions", "e", false, "show ICMP extensions (MPLS label stacks, RFC 5837 interface information) and the RFC 4884 layout each used")
		icmp     = fl.BoolP("icmp", "I", false, "probe with ICMP echo requests")
		tcp      = fl.BoolP("tcp", "T", false, "probe with TCP SYN (needs CAP_NET_RAW)")
		udpFixed = fl.BoolP("udp", "U", false, "probe with UDP to one port (53 unless -p)")
		paris    = fl.Bool("paris", false, "keep one flow for the whole trace, so ECMP routers send every probe the same way (Paris traceroute)")
		flows    = fl.Int("flows", 1, "trace with N Paris flows (different source ports) and report the distinct paths")
		asJSON   = fl.Bool("json", false, "print the result as JSON (hops, probes, round trips, names, extensions, end reason)")
		pcap     = fl.String("pcap", "", "record probes and answers to this pcapng file")
		unpriv   = fl.Bool("unprivileged", false, "read errors from the socket error queue even with CAP_NET_RAW (what an unprivileged user sees)")
		dataLen  = fl.Int("data", 32, "payload bytes of UDP and ICMP probes")
		unknown  = fl.Int("max-unknown", trace.DefaultMaxUnknown, "stop after this many silent hops in a row past the last answer, as mtr does (0: probe on to -m, as traceroute does)")
		report   = fl.BoolP("report", "r", false, "run --cycles rounds, one probe per hop each (-q to change), and print mtr -r's report; with --json, one line per round and a summary")
		csv      = fl.Bool("csv", false, "as --report, printed as mtr --csv")
		cycles   = fl.IntP("cycles", "c", 10, "rounds for --report and --csv (mtr's -c)")
		interval = fl.Float64("interval", 1, "seconds between rounds of --report, --csv and --live (mtr's -i; -i is traceroute's interface here)")
		live     = fl.Bool("live", false, "show rounds in a terminal view, as mtr does, until q (keys: p pause, r reset, n names, e extensions); with --json, stream a JSON line per round instead")
	)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: icmplab trace [flags] HOST")
		fmt.Fprintln(stderr, "\nTraces the route to HOST as traceroute does. UDP and ICMP probes work unprivileged")
		fmt.Fprintln(stderr, "(ICMP needs net.ipv4.ping_group_range); -e and -T need CAP_NET_RAW. It stops after")
		fmt.Fprintln(stderr, "--max-unknown silent hops past the last answer. --report runs rounds and prints mtr -r's")
		fmt.Fprintln(stderr, "table (--csv, --json: a line per round); --live shows the rounds in a terminal view.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return 0
		}
		return 2
	}
	if fl.NArg() != 1 {
		fl.Usage()
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "icmplab trace:", err)
		return 1
	}
	methods := 0
	cfg := trace.Config{Name: fl.Arg(0), MaxHops: *maxHops, FirstTTL: *first, Queries: *queries, InFlight: *inflight,
		Port: *port, NoDNS: *numeric, Iface: *iface, Ext: *ext, Paris: *paris, Flows: *flows, Pcap: *pcap,
		Unprivileged: *unpriv, DataLen: *dataLen, MaxUnknown: *unknown}
	if *unknown == 0 {
		cfg.MaxUnknown = trace.NoMaxUnknown
	} else if *unknown < 0 {
		fmt.Fprintln(stderr, "icmplab trace: --max-unknown: want 0 or more")
		return 2
	}
	for _, m := range []struct {
		on bool
		m  trace.Method
	}{{*icmp, trace.MethodICMP}, {*tcp, trace.MethodTCP}, {*udpFixed, trace.MethodUDPFixed}} {
		if m.on {
			cfg.Method = m.m
			methods++
		}
	}
	if methods > 1 {
		fmt.Fprintln(stderr, "icmplab trace: -I, -T and -U exclude each other")
		return 2
	}
	rounds := *report || *csv || *live
	if *live && (*report || *csv) {
		fmt.Fprintln(stderr, "icmplab trace: --live draws a terminal view: it excludes --report and --csv")
		return 2
	}
	// --live --json streams the rounds' JSON lines until interrupted,
	// drawing nothing: any standard output will do.
	liveJSON := *live && *asJSON
	if *live && !liveJSON && !writerIsTerminal(stdout) {
		fmt.Fprintln(stderr, "icmplab trace: --live: standard output is not a terminal; use --report (or --report --json) instead")
		return 2
	}
	if rounds {
		if *cycles < 1 {
			fmt.Fprintln(stderr, "icmplab trace: --cycles: want 1 or more")
			return 2
		}
		if *interval <= 0 || *interval > 3600 {
			fmt.Fprintln(stderr, "icmplab trace: --interval: want a number of seconds above 0, at most 3600")
			return 2
		}
		if *csv && *asJSON {
			fmt.Fprintln(stderr, "icmplab trace: --csv and --json exclude each other")
			return 2
		}
		cfg.Cycles, cfg.Interval = *cycles, time.Duration(*interval*float64(time.Second))
		if *live && !fl.Changed("cycles") {
			cfg.Cycles = 0 // until q
		}
		if !fl.Changed("queries") {
			cfg.Queries = 1 // one probe per hop per round, as mtr sends
		}
	}
	if *v4 && *v6 {
		fmt.Fprintln(stderr, "icmplab trace: -4 and -6 exclude each other")
		return 2
	}
	w, err := trace.ParseWait(*wait)
	if err != nil {
		fmt.Fprintln(stderr, "icmplab trace:", err)
		return 2
	}
	cfg.Wait = w
	if *source != "" {
		if cfg.Source, err = netip.ParseAddr(*source); err != nil {
			fmt.Fprintln(stderr, "icmplab trace: -s:", err)
			return 2
		}
	}
	network := "ip"
	switch {
	case *v4:
		network = "ip4"
	case *v6:
		network = "ip6"
	}
	if cfg.Target, err = resolveHost(fl.Arg(0), network); err != nil {
		return fail(err)
	}
	if err := cfg.Normalize(); err != nil {
		fmt.Fprintln(stderr, "icmplab trace:", err)
		return 2
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	var names *trace.Resolver
	if !cfg.NoDNS {
		names = trace.NewResolver(cfg.Wait.Max)
	}
	tr, err := trace.Open(cfg)
	if err != nil {
		return fail(err)
	}
	if *live && !liveJSON {
		return runTraceLive(ctx, tr, &cfg, *ext, stderr)
	}
	if rounds {
		return runTraceRounds(ctx, tr, &cfg, names, *asJSON, *csv, stdout, stderr)
	}
	if cfg.Ext && !tr.Privileged() {
		fmt.Fprintln(stderr, "icmplab trace: -e: no raw socket (needs CAP_NET_RAW); the socket error queue carries no ICMP extensions, so none can be shown")
	}
	pr := &trace.Printer{W: stdout, Cfg: &cfg, Names: names, Ext: cfg.Ext}
	hops := make(chan trace.HopReport, 1024)
	printed := make(chan struct{})
	onHop := func(h trace.HopReport) {
		if !*asJSON {
			hops <- h
		}
	}
	var onReply func(netip.Addr)
	if names != nil {
		onReply = names.Start
	}
	if !*asJSON {
		pr.Header(tr.PacketSize())
		go func() {
			defer close(printed)
			for h := range hops {
				pr.Hop(h)
			}
		}()
	} else {
		close(printed)
	}
	res, err := tr.Run(ctx, onHop, onReply)
	close(hops)
	<-printed
	if err != nil && res == nil {
		return fail(err)
	}
	if *asJSON {
		if jerr := trace.WriteJSON(stdout, res, names, time.Now().Add(cfg.Wait.Max)); jerr != nil {
			return fail(jerr)
		}
	} else {
		pr.Flush()
		pr.Summary(res)
	}
	if err != nil && !errors.Is(err, context.Canceled) {
		return fail(err)
	}
	return 0
}

// resolveHost takes an address or looks a name up, preferring IPv4 as
// traceroute does unless -6.
func resolveHost(host, network string) (netip.Addr, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		a = a.Unmap()
		if (network == "ip4" && !a.Is4()) || (network == "ip6" && !a.Is6()) {
			return netip.Addr{}, fmt.Errorf("%s is not an %s address", host, network)
		}
		return a, nil
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, network, host)
	if err != nil {
		return netip.Addr{}, err
	}
	for _, a := range addrs {
		if a.Unmap().Is4() {
			return a.Unmap(), nil
		}
	}
	if len(addrs) == 0 {
		return netip.Addr{}, fmt.Errorf("%s: no address", host)
	}
	return addrs[0].Unmap(), nil
}

// runTraceRounds is --report and --csv: rounds on the trace's sockets, then
// mtr's report (or, with --json, a line per round as it settles and a
// summary). An interruption prints the report of the rounds so far, as mtr
// does.
func runTraceRounds(ctx context.Context, tr *trace.Tracer, cfg *trace.Config, names *trace.Resolver, asJSON, csv bool, stdout, stderr io.Writer) int {
	host, _ := os.Hostname()
	rp := &trace.Report{W: stdout, Cfg: cfg, Names: names, Host: trace.LocalHost(host), Start: time.Now()}
	var onReply func(netip.Addr)
	if names != nil {
		onReply = names.Start
	}
	var onRound func(trace.Snapshot)
	if asJSON {
		onRound = func(s trace.Snapshot) {
			if s.LastRound != nil {
				rp.RoundLine(s)
			}
		}
	}
	snap, err := tr.RunRounds(ctx, nil, onRound, onReply)
	if err != nil && !errors.Is(err, context.Canceled) {
		fmt.Fprintln(stderr, "icmplab trace:", err)
		return 1
	}
	switch {
	case asJSON:
		if err := rp.SummaryLine(snap); err != nil {
			fmt.Fprintln(stderr, "icmplab trace:", err)
			return 1
		}
	case csv:
		rp.CSV(snap)
	default:
		rp.Table(snap)
	}
	return 0
}

// writerIsTerminal reports whether w is a terminal (a tty, not a pipe or
// a file).
func writerIsTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// runTraceLive is --live: rounds drawn in the terminal until q or Ctrl-C.
// Names are looked up in any case, so n can turn them on after -n.
func runTraceLive(ctx context.Context, tr *trace.Tracer, cfg *trace.Config, ext bool, stderr io.Writer) int {
	screen, err := tcell.NewScreen()
	if err != nil {
		tr.Close()
		fmt.Fprintln(stderr, "icmplab trace: --live:", err)
		return 2
	}
	names := trace.NewResolver(cfg.Wait.Max)
	if _, err := live.Run(ctx, screen, tr, live.Options{Cfg: cfg, Names: names, ShowNames: !cfg.NoDNS, Ext: ext}); err != nil {
		fmt.Fprintln(stderr, "icmplab trace:", err)
		return 1
	}
	return 0
}
