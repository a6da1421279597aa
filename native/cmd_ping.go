package main

import (
	"bufio"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/netip"
	"os"
	"os/signal"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/spf13/pflag"

	"icmplab/codec"
	"icmplab/native/icmpsock"
	"icmplab/native/pcapout"
	"icmplab/native/ping"
	"icmplab/native/priv"
)

func init() {
	registerCommand("ping", command{
		summary: "send ICMP echo (or RFC 8335 PROBE) requests, iputils-compatible",
		usage:   "icmplab ping [flags] HOST...",
		about: `Pings each HOST at once, each with its own summary, with iputils ping's flags and output. ` +
			`Needs an ICMP datagram socket (net.ipv4.ping_group_range) or CAP_NET_RAW; drops every ` +
			`capability once its sockets are open. Flooding and intervals under 2 ms are for root only, ` +
			`as in iputils, even when the binary has CAP_NET_RAW. With -q and several hosts, or with --targets, ` +
			`the hosts share one socket per family and one schedule (at least --gap between any two probes), ` +
			`and each gets one summary in fping's -q -c form on stderr (or a JSON summary).`,
		exit:        "0 when replies came back, 1 when none did (or fewer than -c before the -w deadline), 2 on errors and bad usage",
		refusedFrom: "iputils ping",
		flags:       func() *pflag.FlagSet { return newPingFlags(&pingFlags{}) },
		run:         runPing,
	})
	// Keep the main goroutine on the process's main thread. In a cgo build
	// priv.DropAll can drop capabilities on the calling thread only; this
	// makes that thread the one /proc/<pid>/status reports. (Built with
	// CGO_ENABLED=0, DropAll reaches every thread regardless.)
	runtime.LockOSThread()
}

// minUserInterval is the shortest interval an unprivileged user may ask
// for, as iputils has it.
const minUserInterval = 2 * time.Millisecond

// pingFlags are iputils ping's flags, spelled as iputils spells them, plus
// --json, --pcap and --probe.
type pingFlags struct {
	count                  int
	interval, wait, dline  float64
	size, ttl              int
	quiet, numeric, v4, v6 bool
	iface, pattern, tos    string
	pmtu                   string
	flood, stamps, outst   bool
	audible, verbose       bool
	names, showVersion     bool
	json                   bool
	pcap, probe            string
	targets                string
	gap                    float64
}

// newPingFlags is ping's flag table: iputils' flags it offers, its own, and
// iputils' flags it refuses with the reason.
func newPingFlags(f *pingFlags) *pflag.FlagSet {
	fl := pflag.NewFlagSet("ping", pflag.ContinueOnError)
	fl.SortFlags = false
	fl.IntVarP(&f.count, "count", "c", 0, "stop after `count` replies (or errors); with -w, go on sending until the deadline")
	fl.Float64VarP(&f.interval, "interval", "i", 1, "wait `seconds` between probes (0: as fast as replies come back; below 0.002 is for root only)")
	fl.Float64VarP(&f.wait, "timeout", "W", 10, "`seconds` to wait for a reply (0: wait for ever, as iputils does)")
	fl.Float64VarP(&f.dline, "deadline", "w", 0, "stop after `seconds` whatever happens")
	fl.IntVarP(&f.size, "size", "s", ping.DefaultSize, "payload `bytes` (below 16 no round trip is printed, as in iputils)")
	fl.IntVarP(&f.ttl, "ttl", "t", 0, "IP time to live / IPv6 hop limit")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print the header and summary only")
	fl.BoolVarP(&f.numeric, "numeric", "n", false, "print addresses, never names")
	fl.BoolVarP(&f.names, "names", "H", false, "look names up for every address (the default unless -n)")
	fl.BoolVarP(&f.v4, "ipv4", "4", false, "IPv4 only")
	fl.BoolVarP(&f.v6, "ipv6", "6", false, "IPv6 only")
	fl.StringVarP(&f.iface, "interface", "I", "", "source `address` or interface name")
	fl.BoolVarP(&f.flood, "flood", "f", false, "flood ping (root only)")
	fl.StringVarP(&f.pattern, "pattern", "p", "", "fill the payload with this `hex` pattern (up to 16 bytes)")
	fl.StringVarP(&f.tos, "tos", "Q", "", "IPv4 TOS byte / IPv6 traffic class (decimal or 0x `hex`)")
	fl.StringVarP(&f.pmtu, "pmtudisc", "M", "", "path MTU discovery: do, dont or want")
	fl.BoolVarP(&f.stamps, "timestamp", "D", false, "print [unix time] before each line")
	fl.BoolVarP(&f.outst, "outstanding", "O", false, "report outstanding replies (\"no answer yet\")")
	fl.BoolVarP(&f.audible, "audible", "a", false, "ring the terminal bell on each reply")
	fl.BoolVarP(&f.verbose, "verbose", "v", false, "accepted for iputils scripts: every ICMP message about a probe is always shown")
	fl.BoolVarP(&f.showVersion, "version", "V", false, "print the version and exit")
	fl.BoolVar(&f.json, "json", false, "one JSON object per line instead of iputils text (schema in the README)")
	fl.StringVar(&f.pcap, "pcap", "", "record every packet sent and received to this pcapng `file`")
	fl.StringVar(&f.targets, "targets", "", "also ping the targets in `file` (- for stdin), one per line, # comments; prints fping's -q -c summaries")
	fl.Float64Var(&f.gap, "gap", ping.DefaultGap.Seconds(), "with several targets, the least `seconds` between any two probes (fping's -i)")
	fl.StringVar(&f.probe, "probe", "", "RFC 8335 PROBE: ask the target about its `interface` (name, index or address)")

	fl.SetAnnotation("pcap", annFile, []string{"pcapng"})
	fl.SetAnnotation("pmtudisc", annValues, []string{"do", "dont", "want"})

	refuse(fl, "A", "adaptive", "", "adaptive intervals are not implemented; choose one with -i")
	refuse(fl, "b", "broadcast", "", "broadcast pings are not offered: a reply counts only from the address pinged")
	refuse(fl, "B", "strict-source", "", "the source is not pinned this way; give it with -I ADDRESS")
	refuse(fl, "C", "connect", "", "the socket is managed by icmplab; there is no connect() to ask for")
	refuse(fl, "d", "debug", "", "SO_DEBUG is not offered")
	refuse(fl, "e", "identifier", "identifier", "the echo identifier is the kernel's (datagram socket) or random (raw socket), never chosen")
	refuse(fl, "F", "flowlabel", "flow label", "IPv6 flow labels are not offered")
	refuse(fl, "l", "preload", "preload", "preload is not implemented; probes leave one per interval")
	refuse(fl, "L", "no-loopback", "", "multicast pings are not offered")
	refuse(fl, "m", "mark", "mark", "SO_MARK is not offered")
	refuse(fl, "N", "nodeinfo", "nodeinfo option", "IPv6 node information queries are not offered (see --probe for RFC 8335)")
	refuse(fl, "r", "bypass-route", "", "bypassing the routing table is not offered; use -I INTERFACE")
	refuse(fl, "R", "record-route", "", "IP options (record route) are not offered")
	refuse(fl, "S", "sndbuf", "size", "the socket buffer size is icmplab's own")
	refuse(fl, "T", "ip-timestamp", "timestamp option", "IP timestamp options are not offered")
	refuse(fl, "U", "user-latency", "", "round trips always end at the kernel's receive timestamp; user-to-user latency is not offered")
	refuse(fl, "3", "precise", "", "round trips are printed with iputils' rounding; --json gives them to the nanosecond")
	return fl
}

func runPing(args []string, stdout, stderr io.Writer) int {
	var f pingFlags
	fl := newPingFlags(&f)
	if code, stop := parseFlags("ping", fl, args, stdout, stderr); stop {
		return code
	}
	if f.showVersion {
		fmt.Fprintf(stdout, "icmplab ping from icmplab %s\n", versionString())
		return 0
	}
	if f.names {
		f.numeric = false
	}
	hosts := fl.Args()
	if f.targets != "" {
		more, err := readTargets(f.targets)
		if err != nil {
			return usageFail(stderr, "ping", err.Error())
		}
		hosts = append(hosts[:len(hosts):len(hosts)], more...)
	}
	if len(hosts) == 0 {
		return usageFail(stderr, "ping", "usage error: Destination address required")
	}
	gap, err := seconds("--gap", f.gap)
	if err != nil {
		return usageFail(stderr, "ping", err.Error())
	}
	// Several targets summarized, fping's -q -c: one socket per family,
	// one schedule, one receive loop, whatever the number of targets.
	fleet := (f.targets != "" || len(hosts) > 1 && f.quiet) && f.probe == "" && !f.flood
	base, opts, err := pingBase(fl, &f)
	if err != nil {
		return usageFail(stderr, "ping", err.Error())
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "icmplab ping: "+format+"\n", a...)
		return 2
	}
	// iputils refuses flooding and short intervals to every user but root
	// (its uid check), whatever capabilities the binary was given: a file
	// capability must not widen what ping lets anyone do.
	if (base.Flood || base.Interval < minUserInterval) && os.Getuid() != 0 {
		return fail("cannot flood; minimal interval allowed for user is %dms", minUserInterval/time.Millisecond)
	}
	if fleet && gap < minUserInterval && os.Getuid() != 0 {
		return fail("cannot flood; minimal --gap allowed for user is %dms", minUserInterval/time.Millisecond)
	}

	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	out := ping.NewOutput(stdout, stderr)
	// A capture that cannot be written is reported at once and ends the
	// run: the user asked for the file, and carrying on would lose it.
	var pcap *pcapout.Writer
	var pcapFailed atomic.Bool
	if f.pcap != "" {
		if pcap, err = pcapout.Create(f.pcap); err != nil {
			return fail("--pcap: %v", err)
		}
		pcap.OnError(func(err error) {
			pcapFailed.Store(true)
			fmt.Fprintf(stderr, "icmplab ping: --pcap %s: %v\n", f.pcap, err)
			stop()
		})
	}
	if len(base.Pattern) > 0 && !f.quiet && !f.json {
		fmt.Fprintf(stdout, "PATTERN: 0x%x\n", base.Pattern)
	}

	if fleet {
		return runFleet(ctx, stop, hosts, base, opts, gap, &f, out, pcap, &pcapFailed)
	}

	// Resolve every target and open its socket while we may; then drop. A
	// host that fails is reported and the others go on, as if each had its
	// own ping.
	type target struct {
		cfg  ping.Config
		conn *ping.SockConn
	}
	var targets []target
	code := 0
	closeAll := func() {
		for _, t := range targets {
			t.conn.Close()
		}
		if pcap != nil {
			if err := pcap.Close(); err != nil && !pcapFailed.Load() {
				fmt.Fprintf(stderr, "icmplab ping: --pcap %s: %v\n", f.pcap, err)
				code = 2
			}
		}
	}
	for _, host := range hosts {
		cfg, opts, err := pingTarget(ctx, host, base, opts, &f)
		if err == nil {
			var conn *ping.SockConn
			if conn, err = ping.OpenConn(opts, cfg.Src, pcap); err == nil {
				cfg.Start.Socket = conn.Kind().String()
				targets = append(targets, target{cfg, conn})
				continue
			}
			var oe *icmpsock.OpenError
			switch {
			case errors.As(err, &oe) && cfg.Probe != nil:
				err = fmt.Errorf("%v\nPROBE (extended echo) needs a raw socket: run as root, or setcap cap_net_raw+ep <path to icmplab>", err)
			case errors.As(err, &oe):
				err = fmt.Errorf("%v\n%s", err, oe.Hint())
			}
		}
		code = 2
		if f.json {
			ping.NewJSONSink(out).Failed(host, err)
		} else {
			fmt.Fprintf(stderr, "icmplab ping: %v\n", err)
		}
	}
	drop, err := priv.DropAll()
	if err != nil {
		closeAll()
		return fail("dropping privileges: %v", err)
	}
	if drop.Scope != priv.AllThreads && drop.Before != 0 {
		fmt.Fprintln(stderr, "icmplab ping: warning: this binary uses cgo, so capabilities were dropped on the main thread only; build it with CGO_ENABLED=0")
	}

	// One processor: pinging is waiting, and with one P a reply's wake-up
	// hands over between goroutines on one thread, without the futex and
	// spinning of cross-thread handoffs (a third of a flood's CPU).
	runtime.GOMAXPROCS(1)
	statuses := make([]chan struct{}, len(targets))
	for i := range statuses {
		statuses[i] = make(chan struct{}, 1)
	}
	defer onStopSignals(stop, statuses)()

	var wg sync.WaitGroup
	codes := make([]int, len(targets))
	var names func(netip.Addr) string
	if !f.numeric {
		names = reverseName
	}
	for i, t := range targets {
		var sink ping.Sink
		if f.json {
			sink = ping.NewJSONSink(out)
		} else {
			sink = ping.NewTextSink(out, ping.TextOptions{
				Quiet: f.quiet, Numeric: f.numeric, Timestamps: f.stamps,
				Outstanding: f.outst, Flood: f.flood, Names: names, Audible: f.audible,
			})
		}
		p, err := ping.New(t.cfg, t.conn, sink)
		if err != nil {
			fmt.Fprintln(stderr, "icmplab ping:", err)
			codes[i] = 2
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = p.Run(ctx, statuses[i]).ExitCode()
		}()
	}
	wg.Wait()
	closeAll()
	if pcapFailed.Load() {
		code = 2
	}
	for _, c := range codes {
		code = max(code, c)
	}
	return code
}

// onStopSignals makes SIGINT, SIGTERM and SIGHUP end the run as iputils'
// SIGINT does (summaries printed, capture closed), and SIGQUIT ask each
// pinger for a status line. It returns the function that stops listening.
func onStopSignals(stop func(), statuses []chan struct{}) func() {
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-done:
				return
			case s := <-sigs:
				if s != syscall.SIGQUIT {
					stop()
					continue
				}
				for _, c := range statuses {
					select {
					case c <- struct{}{}:
					default:
					}
				}
			}
		}
	}()
	return func() { signal.Stop(sigs); close(done) }
}

// seconds converts a flag's seconds to a duration, refusing nonsense.
func seconds(flag string, v float64) (time.Duration, error) {
	if v < 0 || math.IsNaN(v) || v > 1e9 {
		return 0, usagef("invalid value %v for %s: want seconds from 0 to 1e9", v, flag)
	}
	return time.Duration(v * float64(time.Second)), nil
}

// pingBase checks every flag and turns them into the settings and socket
// options every target shares. Its errors are usage errors.
func pingBase(fl *pflag.FlagSet, f *pingFlags) (ping.Config, icmpsock.Options, error) {
	var c ping.Config
	opts := icmpsock.Options{TTL: f.ttl, TOS: icmpsock.NoTOS}
	var err error
	if f.v4 && f.v6 {
		return c, opts, usagef("only one -4 or -6 option may be specified")
	}
	if fl.Changed("count") && f.count <= 0 {
		return c, opts, usagef("invalid value %d for -c/--count: out of range: 1 <= value", f.count)
	}
	c.Count = f.count
	if c.Interval, err = seconds("-i/--interval", f.interval); err != nil {
		return c, opts, err
	}
	switch {
	case f.flood && !fl.Changed("interval"):
		c.Interval = 0
	case c.Interval == 0:
		c.NoWait = true // -i 0: as fast as replies come back
	}
	c.Flood = f.flood
	if c.Timeout, err = seconds("-W/--timeout", f.wait); err != nil {
		return c, opts, err
	}
	if c.Timeout == 0 {
		c.Timeout = ping.Forever // iputils' -W 0: no reply is ever given up
	}
	if c.Deadline, err = seconds("-w/--deadline", f.dline); err != nil {
		return c, opts, err
	}
	if f.size < 0 || f.size > ping.MaxSize {
		return c, opts, usagef("invalid value %d for -s/--size: out of range: 0 <= value <= %d", f.size, ping.MaxSize)
	}
	c.Size = f.size
	if fl.Changed("ttl") && (f.ttl < 1 || f.ttl > 255) {
		return c, opts, usagef("invalid value %d for -t/--ttl: out of range: 1 <= value <= 255", f.ttl)
	}
	if f.pattern != "" {
		if len(f.pattern)%2 != 0 || len(f.pattern) > 32 {
			return c, opts, usagef("patterns must be specified as pairs of hex digits, at most 16 bytes: %s", f.pattern)
		}
		if c.Pattern, err = hex.DecodeString(f.pattern); err != nil {
			return c, opts, usagef("patterns must be specified as hex digits: %s", f.pattern)
		}
	}
	if f.probe != "" {
		if c.Probe, err = ping.ParseProbeQuery(f.probe); err != nil {
			return c, opts, usagef("--probe: %v", err)
		}
	}
	if f.tos != "" {
		v, err := strconv.ParseUint(f.tos, 0, 8)
		if err != nil {
			return c, opts, usagef("bad TOS value: %s", f.tos)
		}
		opts.TOS = int(v)
	}
	switch f.pmtu {
	case "":
	case "do":
		opts.PMTU = icmpsock.PMTUDo
	case "dont":
		opts.PMTU = icmpsock.PMTUDont
	case "want":
		opts.PMTU = icmpsock.PMTUWant
	default:
		return c, opts, usagef("invalid -M argument: %s", f.pmtu)
	}
	if f.flood {
		opts.RecvBuf = 1 << 20
	}
	return c, opts, nil
}

// pingTarget resolves one host and fills in its config and socket options.
func pingTarget(ctx context.Context, host string, base ping.Config, opts icmpsock.Options, f *pingFlags) (ping.Config, icmpsock.Options, error) {
	cfg := base
	addr, numeric, err := resolve(ctx, host, lookupNetwork(f.v4, f.v6), false)
	if err != nil {
		return cfg, opts, err
	}
	cfg.Dst = addr
	cfg.Family = codec.IPv4
	if addr.Is6() {
		cfg.Family = codec.IPv6
	}
	opts.Family = cfg.Family
	if cfg.Probe != nil {
		opts.Want = icmpsock.OnlyRaw // the kernel's datagram sockets send echo requests only
	}
	showFrom := false
	if f.iface != "" {
		showFrom = true
		if a, err := netip.ParseAddr(f.iface); err == nil {
			if a.Is6() != addr.Is6() {
				return cfg, opts, fmt.Errorf("%s: source address %s is not of the target's family", host, a)
			}
			opts.Source = a
		} else {
			opts.Device = f.iface
		}
	}
	src := opts.Source
	if !src.IsValid() {
		// iputils connects a probe socket first: an unreachable network is
		// reported before anything is sent.
		if src, err = icmpsock.RouteSource(addr, opts.Device); err != nil {
			return cfg, opts, fmt.Errorf("connect: %s", strerror(err))
		}
	}
	cfg.Src = src
	cfg.Start = ping.Start{Host: host, Addr: addr, Numeric: numeric, Source: src,
		Device: opts.Device, ShowFrom: showFrom}
	return cfg, opts, nil
}

// reverseName is iputils' reverse lookup of a reply's source.
func reverseName(a netip.Addr) string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	names, err := net.DefaultResolver.LookupAddr(ctx, a.String())
	if err != nil || len(names) == 0 {
		return ""
	}
	return strings.TrimSuffix(names[0], ".")
}

// maxTargetLine bounds one line of a --targets file.
const maxTargetLine = 4096

// readTargets reads --targets: one host a line, blank lines and # comments
// skipped, "-" for stdin.
func readTargets(name string) ([]string, error) {
	r := io.Reader(os.Stdin)
	if name != "-" {
		fh, err := os.Open(name)
		if err != nil {
			return nil, fmt.Errorf("--targets: %v", err)
		}
		defer fh.Close()
		r = fh
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 512), maxTargetLine)
	var hosts []string
	for line := 1; sc.Scan(); line++ {
		h, _, _ := strings.Cut(sc.Text(), "#")
		h = strings.TrimSpace(h)
		if h == "" {
			continue
		}
		if strings.ContainsAny(h, " \t") {
			return nil, fmt.Errorf("--targets %s:%d: one host a line, not %q", name, line, h)
		}
		hosts = append(hosts, h)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("--targets %s: %v (lines are at most %d bytes)", name, err, maxTargetLine)
	}
	return hosts, nil
}

// runFleet pings every host through one socket per family (ping.Fleet) and
// prints one summary per host in argument order: fping's -q -c lines on
// stderr, as fping writes them, or one JSON summary object each.
func runFleet(ctx context.Context, stop func(), hosts []string, base ping.Config, opts icmpsock.Options,
	gap time.Duration, f *pingFlags, out *ping.Output, pcap *pcapout.Writer, pcapFailed *atomic.Bool) int {
	code := 0
	report := func(host string, err error) {
		code = 2
		if f.json {
			ping.NewJSONSink(out).Failed(host, err)
		} else {
			out.Errorf("icmplab ping: %v\n", err)
		}
	}
	type family struct {
		cfg     ping.Config
		conn    *ping.SockConn
		targets []ping.Target
		order   []int // the targets' places among hosts
	}
	var fams [2]*family
	for i, host := range hosts {
		addr, _, err := resolve(ctx, host, lookupNetwork(f.v4, f.v6), false)
		if err != nil {
			report(host, err)
			continue
		}
		k := 0
		if addr.Is6() {
			k = 1
		}
		if fams[k] == nil {
			// The family's first target sets up its socket, as a single
			// ping would; the others share it and its route check (an
			// unreachable target is counted as a send error, as fping does).
			cfg, o, err := pingTarget(ctx, host, base, opts, f)
			if err != nil {
				report(host, err)
				continue
			}
			conn, err := ping.OpenConn(o, cfg.Src, pcap)
			if err != nil {
				var oe *icmpsock.OpenError
				if errors.As(err, &oe) {
					err = fmt.Errorf("%v\n%s", err, oe.Hint())
				}
				report(host, err)
				continue
			}
			fams[k] = &family{cfg: cfg, conn: conn}
		}
		fams[k].targets = append(fams[k].targets, ping.Target{Host: host, Addr: addr})
		fams[k].order = append(fams[k].order, i)
	}
	defer func() {
		for _, fm := range fams {
			if fm != nil {
				fm.conn.Close()
			}
		}
	}()
	if _, err := priv.DropAll(); err != nil {
		out.Errorf("icmplab ping: dropping privileges: %v\n", err)
		return 2
	}
	runtime.GOMAXPROCS(1)
	defer onStopSignals(stop, nil)()

	sums := make([]*ping.Summary, len(hosts))
	var wg sync.WaitGroup
	for _, fm := range fams {
		if fm == nil {
			continue
		}
		fl, err := ping.NewFleet(fm.cfg, gap, fm.targets, fm.conn)
		if err != nil {
			report(fm.targets[0].Host, err)
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j, s := range fl.Run(ctx) {
				sums[fm.order[j]] = &s
			}
		}()
	}
	wg.Wait()
	var ordered []ping.Summary
	for _, s := range sums {
		if s != nil {
			ordered = append(ordered, *s)
			code = max(code, s.ExitCode())
		}
	}
	if f.json {
		for _, s := range ordered {
			ping.NewJSONSink(out).End(s)
		}
	} else {
		ping.WriteFpingSummaries(out, ordered)
	}
	if pcap != nil {
		if err := pcap.Close(); err != nil && !pcapFailed.Load() {
			out.Errorf("icmplab ping: --pcap %s: %v\n", f.pcap, err)
			code = 2
		}
	}
	if pcapFailed.Load() {
		code = 2
	}
	return code
}
