package main

import (
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
	register("ping", "send ICMP echo (or RFC 8335 PROBE) requests, iputils-compatible", runPing)
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
	json                   bool
	pcap, probe            string
}

func runPing(args []string, stdout, stderr io.Writer) int {
	fl := pflag.NewFlagSet("ping", pflag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.SortFlags = false
	var f pingFlags
	fl.IntVarP(&f.count, "count", "c", 0, "stop after `count` replies (or errors)")
	fl.Float64VarP(&f.interval, "interval", "i", 1, "wait `seconds` between probes (below 0.002 needs privileges)")
	fl.Float64VarP(&f.wait, "timeout", "W", 10, "`seconds` to wait for a reply")
	fl.Float64VarP(&f.dline, "deadline", "w", 0, "stop after `seconds` whatever happens")
	fl.IntVarP(&f.size, "size", "s", ping.DefaultSize, "payload `bytes`")
	fl.IntVarP(&f.ttl, "ttl", "t", 0, "IP time to live / IPv6 hop limit")
	fl.BoolVarP(&f.quiet, "quiet", "q", false, "print the header and summary only")
	fl.BoolVarP(&f.numeric, "numeric", "n", false, "print addresses, never names")
	fl.BoolVarP(&f.v4, "ipv4", "4", false, "IPv4 only")
	fl.BoolVarP(&f.v6, "ipv6", "6", false, "IPv6 only")
	fl.StringVarP(&f.iface, "interface", "I", "", "source `address` or interface name")
	fl.BoolVarP(&f.flood, "flood", "f", false, "flood ping (root or CAP_NET_RAW)")
	fl.StringVarP(&f.pattern, "pattern", "p", "", "fill the payload with this `hex` pattern")
	fl.StringVarP(&f.tos, "tos", "Q", "", "IPv4 TOS byte / IPv6 traffic class (decimal or 0x hex)")
	fl.StringVarP(&f.pmtu, "pmtudisc", "M", "", "path MTU discovery: do, dont or want")
	fl.BoolVarP(&f.stamps, "timestamp", "D", false, "print [unix time] before each line")
	fl.BoolVarP(&f.outst, "outstanding", "O", false, "report outstanding replies (\"no answer yet\")")
	fl.BoolVar(&f.json, "json", false, "one JSON object per line instead of iputils text")
	fl.StringVar(&f.pcap, "pcap", "", "record every packet sent and received to this pcapng `file`")
	fl.StringVar(&f.probe, "probe", "", "RFC 8335 PROBE: ask the target about its `interface` (name, index or address)")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: icmplab ping [flags] HOST...")
		fmt.Fprintln(stderr, "\nPings each HOST at once, each with its own summary. Output is iputils ping's; exit status 0")
		fmt.Fprintln(stderr, "when replies came, 1 when none did, 2 on errors. Needs an ICMP datagram socket")
		fmt.Fprintln(stderr, "(net.ipv4.ping_group_range) or CAP_NET_RAW; drops every capability once its sockets are open.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return 0
		}
		return 2
	}
	fail := func(format string, a ...any) int {
		fmt.Fprintf(stderr, "icmplab ping: "+format+"\n", a...)
		return 2
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return 2
	}
	base, err := pingBase(fl, &f)
	if err != nil {
		return fail("%v", err)
	}

	privileged := os.Geteuid() == 0 || priv.HasNetRaw()
	if (f.flood || base.Interval < minUserInterval) && !privileged {
		return fail("cannot flood; minimal interval allowed for user is %dms", minUserInterval/time.Millisecond)
	}

	// Resolve every target and open its socket while we may; then drop.
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	var pcap *pcapout.Writer
	if f.pcap != "" {
		if pcap, err = pcapout.Create(f.pcap); err != nil {
			return fail("%v", err)
		}
	}
	type target struct {
		cfg  ping.Config
		conn *ping.SockConn
	}
	var targets []target
	closeAll := func() {
		for _, t := range targets {
			t.conn.Close()
		}
		if pcap != nil {
			if err := pcap.Close(); err != nil {
				fmt.Fprintln(stderr, "icmplab ping:", err)
			}
		}
	}
	for _, host := range fl.Args() {
		cfg, opts, err := pingTarget(ctx, host, base, &f)
		if err != nil {
			closeAll()
			return fail("%v", err)
		}
		conn, err := ping.OpenConn(opts, cfg.Src, pcap)
		if err != nil {
			closeAll()
			var oe *icmpsock.OpenError
			switch {
			case errors.As(err, &oe) && cfg.Probe != nil:
				return fail("%v\nPROBE (extended echo) needs a raw socket: run as root, or setcap cap_net_raw+ep <path to icmplab>", err)
			case errors.As(err, &oe):
				return fail("%v\n%s", err, oe.Hint())
			}
			return fail("%v", err)
		}
		cfg.Start.Socket = conn.Kind().String()
		targets = append(targets, target{cfg, conn})
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
	out := ping.NewOutput(stdout, stderr)
	sigs := make(chan os.Signal, 4)
	signal.Notify(sigs, os.Interrupt, syscall.SIGQUIT)
	defer signal.Stop(sigs)
	statuses := make([]chan struct{}, len(targets))
	for i := range statuses {
		statuses[i] = make(chan struct{}, 1)
	}
	go func() {
		for s := range sigs {
			if s == syscall.SIGQUIT {
				for _, c := range statuses {
					select {
					case c <- struct{}{}:
					default:
					}
				}
				continue
			}
			stop()
		}
	}()

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
				Outstanding: f.outst, Flood: f.flood, Names: names,
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
	code := 0
	for _, c := range codes {
		code = max(code, c)
	}
	return code
}

// seconds converts a flag's seconds to a duration, refusing nonsense.
func seconds(name string, v float64) (time.Duration, error) {
	if v < 0 || math.IsNaN(v) || v > 1e9 {
		return 0, fmt.Errorf("bad %s: %v", name, v)
	}
	return time.Duration(v * float64(time.Second)), nil
}

// pingBase turns the flags into the settings every target shares.
func pingBase(fl *pflag.FlagSet, f *pingFlags) (ping.Config, error) {
	var c ping.Config
	var err error
	if f.v4 && f.v6 {
		return c, errors.New("only one of -4 and -6")
	}
	if fl.Changed("count") && f.count <= 0 {
		return c, fmt.Errorf("bad number of packets to transmit: %d", f.count)
	}
	c.Count = f.count
	if c.Interval, err = seconds("timing interval", f.interval); err != nil {
		return c, err
	}
	if f.flood && !fl.Changed("interval") {
		c.Interval = 0
	}
	c.Flood = f.flood
	if c.Timeout, err = seconds("linger time", f.wait); err != nil {
		return c, err
	}
	if c.Timeout == 0 {
		return c, errors.New("bad linger time: 0")
	}
	if c.Deadline, err = seconds("deadline", f.dline); err != nil {
		return c, err
	}
	if f.size < 0 || f.size > ping.MaxSize {
		return c, fmt.Errorf("invalid -s value: %d (0 <= value <= %d)", f.size, ping.MaxSize)
	}
	c.Size = f.size
	if fl.Changed("ttl") && (f.ttl < 1 || f.ttl > 255) {
		return c, fmt.Errorf("invalid -t value: %d (1 <= value <= 255)", f.ttl)
	}
	if f.pattern != "" {
		if len(f.pattern)%2 != 0 || len(f.pattern) > 32 {
			return c, fmt.Errorf("patterns must be specified as pairs of hex digits, at most 16 bytes: %s", f.pattern)
		}
		if c.Pattern, err = hex.DecodeString(f.pattern); err != nil {
			return c, fmt.Errorf("patterns must be specified as hex digits: %s", f.pattern)
		}
	}
	if f.probe != "" {
		if c.Probe, err = ping.ParseProbeQuery(f.probe); err != nil {
			return c, err
		}
	}
	return c, nil
}

// pingTarget resolves one host and fills in its config and socket options.
func pingTarget(ctx context.Context, host string, base ping.Config, f *pingFlags) (ping.Config, icmpsock.Options, error) {
	cfg := base
	opts := icmpsock.Options{TTL: f.ttl, TOS: icmpsock.NoTOS}
	addr, numeric, err := resolve(ctx, host, f.v4, f.v6)
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
	if f.tos != "" {
		v, err := strconv.ParseUint(f.tos, 0, 8)
		if err != nil {
			return cfg, opts, fmt.Errorf("bad TOS value: %s", f.tos)
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
		return cfg, opts, fmt.Errorf("invalid -M argument: %s", f.pmtu)
	}
	showFrom := false
	if f.iface != "" {
		showFrom = true
		if a, err := netip.ParseAddr(f.iface); err == nil {
			if a.Is6() != addr.Is6() {
				return cfg, opts, fmt.Errorf("source address %s is not of the target's family", a)
			}
			opts.Source = a
		} else {
			opts.Device = f.iface
		}
	}
	if f.flood {
		opts.RecvBuf = 1 << 20
	}
	src := opts.Source
	if !src.IsValid() {
		// iputils connects a probe socket first: an unreachable network is
		// reported before anything is sent.
		if src, err = icmpsock.RouteSource(addr, opts.Device); err != nil {
			return cfg, opts, fmt.Errorf("connect: %v", err)
		}
	}
	cfg.Src = src
	cfg.Start = ping.Start{Host: host, Addr: addr, Numeric: numeric, Source: src,
		Device: opts.Device, ShowFrom: showFrom}
	return cfg, opts, nil
}

// resolve returns the host's address: the literal itself, or the first
// address of the asked family from the resolver, once.
func resolve(ctx context.Context, host string, only4, only6 bool) (netip.Addr, bool, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		a = a.Unmap()
		if only4 && !a.Is4() || only6 && !a.Is6() {
			return a, true, fmt.Errorf("%s: Address family for hostname not supported", host)
		}
		return a, true, nil
	}
	network := "ip"
	switch {
	case only4:
		network = "ip4"
	case only6:
		network = "ip6"
	}
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, network, host)
	if err != nil || len(addrs) == 0 {
		return netip.Addr{}, false, fmt.Errorf("%s: Name or service not known", host)
	}
	return addrs[0].Unmap(), false, nil
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
