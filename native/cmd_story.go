package main

import (
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

func init() {
	registerCommand("story", command{
		summary: "pair probes with answers and tell each ping and traceroute in a capture",
		usage:   "icmplab story [--json] [FILE|-] [--hex TEXT] [--dialect D] [--layer L] [--max-probes N] [--lang en|ko]",
		about: `Finds the pings and traceroutes in a capture (pcap, pcapng, gzip or hex text), pairs every probe ` +
			`with its answer and prints each as the tool that made it would: traceroute's hop lines, tracepath's lines, mtr's report ` +
			`for a trace sent in cycles, ping's replies and statistics, fping's summary lines. With --lang ko the words ` +
			`around the numbers are Korean (the English output is the tools' own, for scripts). It runs with no ` +
			`capability at all.`,
		exit:  "0 read to the end (a capture without exchanges prints nothing), 2 usage error or unreadable input",
		flags: func() *pflag.FlagSet { return newStoryFlags(&storyFlags{}) },
		run:   runStory,
	})
}

// storyFlags are story's settings.
type storyFlags struct {
	asJSON                        bool
	hexText, dialect, layer, lang string
	maxProbes                     int
}

// newStoryFlags is story's flag table.
func newStoryFlags(f *storyFlags) *pflag.FlagSet {
	fl := pflag.NewFlagSet("story", pflag.ContinueOnError)
	fl.SortFlags = false
	fl.BoolVar(&f.asJSON, "json", false, "one JSON object per exchange per line (schema in the README)")
	fl.StringVar(&f.hexText, "hex", "", "read this hex `text` instead of a file (any dialect decode reads)")
	fl.StringVar(&f.dialect, "dialect", "auto", "`dialect` of text input: "+strings.Join(dialectNames(), ", "))
	fl.StringVar(&f.layer, "layer", "auto", "`layer` the bytes start at: "+strings.Join(dissect.Layers(), ", "))
	fl.IntVar(&f.maxProbes, "max-probes", 0, "probes kept for matching (0: the matcher's default); more are counted, not matched")
	langFlag(fl, &f.lang, "the text's words around the numbers, addresses and field names", "--json")
	fl.SetAnnotation("layer", annValues, dissect.Layers())
	return fl
}

func runStory(args []string, stdout, stderr io.Writer) int {
	var fv storyFlags
	fl := newStoryFlags(&fv)
	if code, stop := parseFlags("story", fl, args, stdout, stderr); stop {
		return code
	}
	asJSON, hexText, dialect, layer, maxProbes := &fv.asJSON, &fv.hexText, &fv.dialect, &fv.layer, &fv.maxProbes
	if *maxProbes < 0 {
		return usageFail(stderr, "story", "--max-probes: want 0 or more")
	}
	lang, code, ok := parseLang("story", fv.lang, stderr)
	if !ok {
		return code
	}
	var dopt decode.Options
	if dopt.Dialect, ok = textdump.ParseDialect(*dialect); !ok {
		return usageFail(stderr, "story", fmt.Sprintf("unknown dialect %q (known: %s)", *dialect, strings.Join(dialectNames(), ", ")))
	}
	if dopt.Layer, ok = dissect.ParseLayer(*layer); !ok {
		return usageFail(stderr, "story", fmt.Sprintf("unknown layer %q (known: %s)", *layer, strings.Join(dissect.Layers(), ", ")))
	}
	if fl.NArg() > 1 || fl.NArg() == 1 && *hexText != "" {
		return usageFail(stderr, "story", "give one FILE, or --hex, not both")
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
			return usageFail(stderr, "story", "no input: give a FILE, --hex TEXT, or pipe a capture in")
		}
		src, err = decode.Open(os.Stdin, dopt)
	}
	if err != nil {
		fmt.Fprintln(stderr, "icmplab story:", err)
		return storyUsage
	}
	opt := nstory.Options{Lang: lang}
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
