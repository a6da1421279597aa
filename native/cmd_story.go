package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"

	"icmplab/codec/dissect"
	"icmplab/codec/textdump"
	"icmplab/native/decode"
	nstory "icmplab/native/story"
)

// Exit statuses of story: 0 read to the end (with or without exchanges);
// 2 bad usage or an input that cannot be read.
const (
	storyOK    = 0
	storyUsage = 2
)

func runStory(args []string, stdout, stderr io.Writer) int {
	fl := pflag.NewFlagSet("story", pflag.ContinueOnError)
	fl.SetOutput(stderr)
	asJSON := fl.Bool("json", false, "one JSON object per exchange per line (see docs/story.md)")
	hexText := fl.String("hex", "", "read this hex text instead of a file (any dialect decode reads)")
	dialect := fl.String("dialect", "auto", "dialect of text input: "+strings.Join(dialectNames(), ", "))
	layer := fl.String("layer", "auto", "layer the bytes start at: "+strings.Join(dissect.Layers(), ", "))
	maxProbes := fl.Int("max-probes", 0, "probes kept for matching (0: the matcher's default); more are counted, not matched")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: icmplab story [--json] [FILE|-] [--hex TEXT] [--dialect D] [--layer L]")
		fmt.Fprintln(stderr, "\nFinds the pings and traceroutes in a capture (pcap, pcapng, gzip or hex text), pairs every probe")
		fmt.Fprintln(stderr, "with its answer and prints each as the tool that made it would: traceroute's hop lines, ping's")
		fmt.Fprintln(stderr, "replies and statistics. Exit status: 0 ok (no exchange prints nothing), 2 usage error or unreadable input.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return storyOK
		}
		return storyUsage
	}
	var dopt decode.Options
	var ok bool
	if dopt.Dialect, ok = textdump.ParseDialect(*dialect); !ok {
		fmt.Fprintf(stderr, "icmplab story: unknown dialect %q; known: %s\n", *dialect, strings.Join(dialectNames(), ", "))
		return storyUsage
	}
	if dopt.Layer, ok = dissect.ParseLayer(*layer); !ok {
		fmt.Fprintf(stderr, "icmplab story: unknown layer %q; known: %s\n", *layer, strings.Join(dissect.Layers(), ", "))
		return storyUsage
	}
	if fl.NArg() > 1 || fl.NArg() == 1 && *hexText != "" {
		fmt.Fprintln(stderr, "icmplab story: give one FILE, or --hex, not both")
		return storyUsage
	}
	var src decode.Source
	var err error
	switch {
	case *hexText != "":
		src, err = decode.OpenText(*hexText, dopt)
	case fl.NArg() == 1 && fl.Arg(0) != "-":
		fh, oerr := os.Open(fl.Arg(0))
		if oerr != nil {
			fmt.Fprintln(stderr, "icmplab story:", oerr)
			return storyUsage
		}
		defer fh.Close()
		src, err = decode.Open(fh, dopt)
	default:
		if fl.NArg() == 0 && isTerminal(os.Stdin) {
			fl.Usage()
			return storyUsage
		}
		src, err = decode.Open(os.Stdin, dopt)
	}
	if err != nil {
		fmt.Fprintln(stderr, "icmplab story:", err)
		return storyUsage
	}
	opt := nstory.Options{}
	opt.Matcher.MaxProbes = *maxProbes
	if *asJSON {
		opt.Format = nstory.FormatJSON
	}
	if _, n, err := nstory.Run(src, stdout, opt); err != nil {
		fmt.Fprintf(stderr, "icmplab story: after %d frames: %v\n", n, err)
		return storyUsage
	}
	return storyOK
}
