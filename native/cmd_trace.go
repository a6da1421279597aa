package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"os/signal"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gdamore/tcell/v2"
	"github.com/spf13/pflag"
	"golang.org/x/term"

	"icmplab/native/pcapout"
	"icmplab/native/trace"
	"icmplab/native/trace/live"
)

func init() {
	registerCommand("trace", command{
		summary: "trace the route to a host (UDP, ICMP or TCP probes; Paris flows)",
		usage:   "icmplab trace [flags] HOST [PACKETLEN]",
		about: `Traces the route to HOST as traceroute does, with its flags and output. PACKETLEN is the whole ` +
			`probe's size in bytes, IP header included, as traceroute takes it. UDP and ICMP probes work ` +
			`unprivileged (ICMP needs net.ipv4.ping_group_range); -e and -T need CAP_NET_RAW.`,
		exit:        "0 when the trace ran (whether or not it reached HOST), 1 when it could not run, 2 on bad usage or an unknown host",
		refusedFrom: "traceroute",
		flags:       func() *pflag.FlagSet { return newTraceFlags(&traceFlags{}) },
		run:         runTrace,
	})
}

// traceFlags are trace's settings, traceroute's flag names first.
type traceFlags struct {
	maxHops, first, queries, inflight, flows, dataLen int
	wait, source, iface, pcap                         string
	port                                              uint16
	numeric, v4, v6, ext, icmp, tcp, udpFixed         bool
	paris, asJSON, unpriv, showVersion                bool
	maxUnknown, cycles                                int
	report, csv, live                                 bool
	interval                                          float64
}

// newTraceFlags is trace's flag table: one line per flag, then the
// traceroute flags it refuses with the reason.
func newTraceFlags(f *traceFlags) *pflag.FlagSet {
	fl := pflag.NewFlagSet("trace", pflag.ContinueOnError)
	fl.SortFlags = false
	fl.IntVarP(&f.maxHops, "max-hops", "m", 30, "max TTL (hops) to probe, 1 to 255")
	fl.IntVarP(&f.first, "first", "f", 1, "TTL to start from")
	fl.IntVarP(&f.queries, "queries", "q", 3, "probes per hop, 1 to 10")
	fl.StringVarP(&f.wait, "wait", "w", "5,3,10", "`MAX[,HERE,NEAR]`: give a probe up after MAX seconds, or HERE times the round trip of an answered probe of the same hop, or NEAR times one of a later hop (factors left out are 0, as in traceroute)")
	fl.IntVarP(&f.inflight, "sim-queries", "N", 16, "probes in flight at once")
	fl.Uint16VarP(&f.port, "port", "p", 0, "destination port (UDP: first port, 33434; -U: 53; -T: 80)")
	fl.BoolVarP(&f.numeric, "numeric", "n", false, "print addresses only, no reverse names")
	fl.BoolVarP(&f.v4, "ipv4", "4", false, "use IPv4")
	fl.BoolVarP(&f.v6, "ipv6", "6", false, "use IPv6")
	fl.StringVarP(&f.source, "source", "s", "", "source `address`")
	fl.StringVarP(&f.iface, "interface", "i", "", "send through this `interface`")
	fl.BoolVarP(&f.ext, "extensions", "e", false, "show ICMP extensions (MPLS label stacks, RFC 5837 interface information) and the RFC 4884 layout each used")
	fl.BoolVarP(&f.icmp, "icmp", "I", false, "probe with ICMP echo requests")
	fl.BoolVarP(&f.tcp, "tcp", "T", false, "probe with TCP SYN (needs CAP_NET_RAW)")
	fl.BoolVarP(&f.udpFixed, "udp", "U", false, "probe with UDP to one port (53 unless -p)")
	fl.BoolVarP(&f.showVersion, "version", "V", false, "print the version and exit")
	fl.BoolVar(&f.paris, "paris", false, "keep one flow for the whole trace, so ECMP routers send every probe the same way (Paris traceroute)")
	fl.IntVar(&f.flows, "flows", 1, "trace with N Paris flows (different source ports) and report the distinct paths")
	fl.BoolVar(&f.asJSON, "json", false, "print the result as JSON (hops, probes, round trips, names, extensions, end reason; schema in the README)")
	fl.StringVar(&f.pcap, "pcap", "", "record probes and answers to this pcapng `file`")
	fl.BoolVar(&f.unpriv, "unprivileged", false, "read errors from the socket error queue even with CAP_NET_RAW (what an unprivileged user sees)")
	fl.IntVar(&f.dataLen, "data", 32, "payload `bytes` of UDP and ICMP probes (or give PACKETLEN)")
	fl.IntVar(&f.maxUnknown, "max-unknown", trace.DefaultMaxUnknown, "stop after this many silent hops in a row past the last answer, as mtr does (0: probe on to -m, as traceroute does)")
	fl.BoolVarP(&f.report, "report", "r", false, "run --cycles rounds, one probe per hop each (-q to change), and print mtr -r's report; with --json, one line per round and a summary")
	fl.BoolVar(&f.csv, "csv", false, "as --report, printed as mtr --csv")
	fl.IntVarP(&f.cycles, "cycles", "c", 10, "rounds for --report and --csv (mtr's -c)")
	fl.Float64Var(&f.interval, "interval", 1, "`seconds` between rounds of --report, --csv and --live (mtr's -i; -i is traceroute's interface here)")
	fl.BoolVar(&f.live, "live", false, "show rounds in a terminal view, as mtr does, until q (keys: p pause, r reset, n names, e extensions); with --json, stream a JSON line per round instead")

	fl.SetAnnotation("pcap", annFile, []string{"pcapng"})

	refuse(fl, "A", "as-path-lookups", "", "AS path lookups ask a whois server on the network; icmplab asks no outside service")
	refuse(fl, "F", "dont-fragment", "", "the don't-fragment bit is not offered; 'icmplab ping -M do -s SIZE' probes a path MTU")
	refuse(fl, "t", "tos", "tos", "setting the TOS / traffic class of probes is not offered")
	refuse(fl, "z", "sendwait", "seconds", "probes are paced by -N (probes in flight), not by a wait between sends")
	refuse(fl, "g", "gateway", "gateway", "source routing (IP options) is not offered")
	refuse(fl, "l", "flowlabel", "flow label", "IPv6 flow labels are not offered")
	refuse(fl, "M", "module", "method", "probe methods are chosen with -I, -T, -U (UDP by default)")
	refuse(fl, "d", "debug", "", "SO_DEBUG is not offered")
	return fl
}

// maxTraceQueries is traceroute's limit of probes per hop.
const maxTraceQueries = 10

// traceHeaderBytes is what a probe's IP header and UDP or ICMP header add
// to its payload: traceroute's PACKETLEN counts them.
func traceHeaderBytes(v6 bool) int {
	if v6 {
		return 40 + 8
	}
	return 20 + 8
}

// runTrace is `icmplab trace [flags] HOST [PACKETLEN]`, with traceroute's
// flag names.
func runTrace(args []string, stdout, stderr io.Writer) int {
	var f traceFlags
	fl := newTraceFlags(&f)
	if code, stop := parseFlags("trace", fl, args, stdout, stderr); stop {
		return code
	}
	if f.showVersion {
		fmt.Fprintf(stdout, "icmplab trace from icmplab %s\n", versionString())
		return 0
	}
	bad := func(format string, a ...any) int { return usageFail(stderr, "trace", fmt.Sprintf(format, a...)) }
	switch {
	case fl.NArg() == 0:
		return bad("no HOST given")
	case fl.NArg() > 2:
		return bad("unexpected argument %q after HOST and PACKETLEN", fl.Arg(2))
	}
	// traceroute's refusals, in its words.
	switch {
	case f.maxHops > 255:
		return bad("max hops cannot be more than 255")
	case f.first < 1 || f.first > f.maxHops:
		return bad("first hop out of range")
	case f.queries < 1 || f.queries > maxTraceQueries:
		return bad("no more than %d probes per hop", maxTraceQueries)
	}
	maxHops, first, queries, wait, inflight, port := &f.maxHops, &f.first, &f.queries, &f.wait, &f.inflight, &f.port
	numeric, v4, v6, source, iface, ext := &f.numeric, &f.v4, &f.v6, &f.source, &f.iface, &f.ext
	icmp, tcp, udpFixed, paris, flows, asJSON := &f.icmp, &f.tcp, &f.udpFixed, &f.paris, &f.flows, &f.asJSON
	pcap, unpriv, dataLen := &f.pcap, &f.unpriv, &f.dataLen
	fail := func(err error) int {
		fmt.Fprintln(stderr, "icmplab trace:", err)
		return 1
	}
	methods := 0
	cfg := trace.Config{Name: fl.Arg(0), MaxHops: *maxHops, FirstTTL: *first, Queries: *queries, InFlight: *inflight,
		Port: *port, NoDNS: *numeric, Iface: *iface, Ext: *ext, Paris: *paris, Flows: *flows, Pcap: *pcap,
		Unprivileged: *unpriv, DataLen: *dataLen, MaxUnknown: f.maxUnknown}
	switch {
	case f.maxUnknown == 0:
		cfg.MaxUnknown = trace.NoMaxUnknown
	case f.maxUnknown < 0:
		return bad("--max-unknown: want 0 or more")
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
		return bad("-I, -T and -U exclude each other")
	}
	rounds := f.report || f.csv || f.live
	if f.live && (f.report || f.csv) {
		return bad("--live draws a terminal view: it excludes --report and --csv")
	}
	// --live --json streams the rounds' JSON lines until interrupted,
	// drawing nothing: any standard output will do.
	liveJSON := f.live && f.asJSON
	if f.live && !liveJSON && !writerIsTerminal(stdout) {
		fmt.Fprintln(stderr, "icmplab trace: --live: standard output is not a terminal; use --report (or --report --json) instead")
		return exitUsage
	}
	if rounds {
		switch {
		case f.cycles < 1:
			return bad("--cycles: want 1 or more")
		case f.interval <= 0 || f.interval > 3600:
			return bad("--interval: want a number of seconds above 0, at most 3600")
		case f.csv && f.asJSON:
			return bad("--csv and --json exclude each other")
		}
		cfg.Cycles, cfg.Interval = f.cycles, time.Duration(f.interval*float64(time.Second))
		if f.live && !fl.Changed("cycles") {
			cfg.Cycles = 0 // until q
		}
		if !fl.Changed("queries") {
			cfg.Queries = 1 // one probe per hop per round, as mtr sends
		}
	}
	if *v4 && *v6 {
		return bad("-4 and -6 exclude each other")
	}
	w, err := trace.ParseWait(*wait)
	if err != nil {
		return bad("-w: %v", err)
	}
	cfg.Wait = w
	if *source != "" {
		if cfg.Source, err = netip.ParseAddr(*source); err != nil {
			return bad("-s: %q is not an address", *source)
		}
	}
	var packetLen int
	if fl.NArg() == 2 {
		n, err := strconv.Atoi(fl.Arg(1))
		switch {
		case err != nil || n < 0:
			return bad("cannot handle PACKETLEN %q: want a whole number of bytes", fl.Arg(1))
		case n > 65000:
			return bad("too big packetlen %d specified", n)
		}
		packetLen = n
	}
	// traceroute: an unknown host is a usage error (exit 2), in
	// getaddrinfo's words.
	if cfg.Target, _, err = resolve(context.Background(), fl.Arg(0), lookupNetwork(*v4, *v6), true); err != nil {
		fmt.Fprintln(stderr, "icmplab trace:", err)
		return exitUsage
	}
	if fl.NArg() == 2 {
		cfg.DataLen = max(packetLen-traceHeaderBytes(cfg.Target.Is6()), 0)
		if cfg.DataLen < traceMinData {
			return bad("packetlen %d is too small: at least %d bytes (headers and %d bytes of payload)", packetLen, traceHeaderBytes(cfg.Target.Is6())+traceMinData, traceMinData)
		}
	}
	if err := cfg.Normalize(); err != nil {
		return bad("%v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	// A capture that cannot be written is reported at once and ends the
	// trace with exit status 2 (the trace opens the file itself).
	var pcapFailed atomic.Bool
	pcapout.DefaultOnError = func(err error) {
		pcapFailed.Store(true)
		fmt.Fprintf(stderr, "icmplab trace: --pcap %s: %v\n", *pcap, err)
		stop()
	}
	defer func() { pcapout.DefaultOnError = nil }()
	var names *trace.Resolver
	if !cfg.NoDNS {
		names = trace.NewResolver(cfg.Wait.Max)
	}
	tr, err := trace.Open(cfg)
	if err != nil {
		return fail(err)
	}
	if f.live && !liveJSON {
		return runTraceLive(ctx, tr, &cfg, *ext, stderr)
	}
	if rounds {
		return runTraceRounds(ctx, tr, &cfg, names, *asJSON, f.csv, stdout, stderr)
	}
	if cfg.Ext && !tr.Privileged() {
		fmt.Fprintln(stderr, "icmplab trace: -e: no raw socket (needs CAP_NET_RAW); the socket error queue carries no ICMP extensions, so none can be shown")
	}
	pr := &trace.Printer{W: stdout, Cfg: &cfg, Names: names, Ext: cfg.Ext}
	hops := make(chan trace.HopReport, 1024)
	printed := make(chan struct{})
	onHop := func(h trace.HopReport) { hops <- h }
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
		// JSON lines: a "hop" line as each hop settles, the summary last.
		go func() {
			defer close(printed)
			for h := range hops {
				trace.WriteHopJSON(stdout, h, names)
			}
		}()
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
	if pcapFailed.Load() {
		return 2 // the capture asked for is incomplete
	}
	return 0
}

// traceMinData is the least payload a trace probe carries (it holds the
// probe's identity).
const traceMinData = 4

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
