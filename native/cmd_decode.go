package main

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"icmplab/codec/dissect"
	"icmplab/codec/filter"
	"icmplab/codec/textdump"
	"icmplab/native/decode"
)

func init() {
	registerCommand("decode", command{
		summary: "dissect captured or pasted packets (pcap, pcapng, gzip, hex dumps)",
		usage:   "icmplab decode [FILE|-] [--hex TEXT] [--format text|tree|jsonl|diagram] [--checksums] [--dialect D] [--layer L] [-Y FILTER] [--lang en|ko]",
		about: `Dissects a pcap/pcapng capture (gzip too) or hex text in any common dump dialect, down to the ` +
			`datagram an ICMP error quotes. It drops every capability before reading any input.`,
		exit:  "0 every frame dissected cleanly, 1 some frame is malformed, 2 usage error or unreadable input",
		flags: func() *pflag.FlagSet { return newDecodeFlags(&decodeFlags{}) },
		run:   runDecode,
	})
}

// decodeFlags are decode's settings.
type decodeFlags struct {
	hexText, format, dialect, layer, filter, lang string
	checksums                                     bool
}

// newDecodeFlags is decode's flag table.
func newDecodeFlags(f *decodeFlags) *pflag.FlagSet {
	fl := pflag.NewFlagSet("decode", pflag.ContinueOnError)
	fl.SortFlags = false
	fl.StringVar(&f.hexText, "hex", "", "decode this hex `text` instead of a file (any dialect: tcpdump -X, xxd, od, base64, ...)")
	fl.StringVar(&f.format, "format", "text", "output `format`: text (one line per packet), tree (full dissection), jsonl (one JSON record per packet), diagram (every header drawn as RFC-style ASCII art)")
	fl.StringVar(&f.dialect, "dialect", "auto", "`dialect` of text input: "+strings.Join(dialectNames(), ", "))
	fl.StringVar(&f.layer, "layer", "auto", "`layer` the bytes start at: "+strings.Join(dissect.Layers(), ", "))
	fl.StringVarP(&f.filter, "filter", "Y", "", "show only frames matching this display `filter` (Wireshark syntax, see the README): -Y 'icmp.type == 11'")
	fl.BoolVar(&f.checksums, "checksums", false, "with --format tree, work out each checksum word by word (RFC 1071) under its field")
	langFlag(fl, &f.lang, "the text, tree and diagram formats' labels, notes and summaries", "jsonl")
	fl.SetAnnotation("format", annValues, []string{"text", "tree", "jsonl", "diagram"})
	fl.SetAnnotation("layer", annValues, dissect.Layers())
	return fl
}

// Exit statuses of decode: 0 every frame dissected cleanly; 1 some frame is
// malformed (an error note: a length that lies, a truncated header); 2 bad
// usage or an input that cannot be read at all.
const (
	decodeOK        = 0
	decodeMalformed = 1
	decodeUsage     = 2
)

func runDecode(args []string, stdout, stderr io.Writer) int {
	var fv decodeFlags
	fl := newDecodeFlags(&fv)
	if code, stop := parseFlags("decode", fl, args, stdout, stderr); stop {
		return code
	}
	hexText, format, dialect, layer, checksums, filterExpr := &fv.hexText, &fv.format, &fv.dialect, &fv.layer, &fv.checksums, &fv.filter
	var opt decode.Options
	var err error
	f, ok := decode.Formats[*format]
	if !ok {
		return usageFail(stderr, "decode", fmt.Sprintf("unknown format %q (text, tree, jsonl, diagram)", *format))
	}
	opt.Format = f
	opt.WorkChecksums = *checksums
	lang, code, ok := parseLang("decode", fv.lang, stderr)
	if !ok {
		return code
	}
	opt.Lang = lang
	if opt.Dialect, ok = textdump.ParseDialect(*dialect); !ok {
		return usageFail(stderr, "decode", fmt.Sprintf("unknown dialect %q (known: %s)", *dialect, strings.Join(dialectNames(), ", ")))
	}
	if opt.Layer, ok = dissect.ParseLayer(*layer); !ok {
		return usageFail(stderr, "decode", fmt.Sprintf("unknown layer %q (known: %s)", *layer, strings.Join(dissect.Layers(), ", ")))
	}
	if *filterExpr != "" {
		if opt.Filter, err = filter.Compile(*filterExpr); err != nil {
			// The reason in --lang's language, worded by codec/filter.
			why := err.Error()
			fe, isFE := err.(*filter.Error)
			if isFE {
				why = fe.In(opt.Lang)
			}
			fmt.Fprintf(stderr, "icmplab decode: filter: %s\n  %s\n", why, *filterExpr)
			if isFE {
				fmt.Fprintf(stderr, "  %s^\n", strings.Repeat(" ", fe.Column()-1))
			}
			return decodeUsage
		}
	}
	if fl.NArg() > 1 || fl.NArg() == 1 && *hexText != "" {
		return usageFail(stderr, "decode", "give one FILE, or --hex, not both")
	}

	// Captures come from anywhere: they are parsed with no privilege at
	// all. The file is opened first, so root still opens any file, and
	// every capability is gone before a byte of it is read.
	var in *os.File
	if *hexText == "" && fl.NArg() == 1 && fl.Arg(0) != "-" {
		fh, oerr := os.Open(fl.Arg(0))
		if oerr != nil {
			fmt.Fprintln(stderr, "icmplab decode:", oerr)
			return decodeUsage
		}
		defer fh.Close()
		in = fh
	}
	if _, err := dropAll(); err != nil {
		fmt.Fprintln(stderr, "icmplab decode: dropping privileges:", err)
		return decodeUsage
	}
	var src decode.Source
	switch {
	case *hexText != "":
		src, err = decode.OpenText(*hexText, opt)
	case in != nil:
		src, err = decode.Open(in, opt)
	default:
		if fl.NArg() == 0 && isTerminal(os.Stdin) {
			return usageFail(stderr, "decode", "no input: give a FILE, --hex TEXT, or pipe a capture in")
		}
		src, err = decode.Open(os.Stdin, opt)
	}
	if err != nil {
		fmt.Fprintln(stderr, "icmplab decode:", err)
		return decodeUsage
	}
	st, err := decode.Run(src, stdout, opt)
	if err != nil {
		fmt.Fprintf(stderr, "icmplab decode: after %d frames: %v\n", st.Frames, err)
		return decodeUsage
	}
	if st.WithErrors > 0 {
		fmt.Fprintf(stderr, "icmplab decode: %d of %d frames are malformed\n", st.WithErrors, st.Frames)
	}
	if st.InputNotes > 0 {
		// A limit reached or a length that disagrees: the input was not
		// read as it claims to be, as a malformed frame is not.
		fmt.Fprintf(stderr, "icmplab decode: the input reader noted %d things (the [Input note] lines)\n", st.InputNotes)
	}
	if st.WithErrors > 0 || st.InputNotes > 0 {
		return decodeMalformed
	}
	return decodeOK
}

// dialectNames lists the --dialect values.
func dialectNames() []string {
	names := []string{textdump.Auto.String()}
	for _, d := range textdump.Dialects() {
		names = append(names, d.String())
	}
	sort.Strings(names[1:])
	return names
}

// isTerminal reports whether f is an interactive terminal, where waiting
// for input nobody will type is worse than printing the usage.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
