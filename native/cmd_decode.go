package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/spf13/pflag"

	"icmplab/codec/dissect"
	"icmplab/codec/textdump"
	"icmplab/native/decode"
)

func init() {
	register("decode", "dissect captured or pasted packets (pcap, pcapng, gzip, hex dumps)", runDecode)
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
	fl := pflag.NewFlagSet("decode", pflag.ContinueOnError)
	fl.SetOutput(stderr)
	hexText := fl.String("hex", "", "decode this hex text instead of a file (any dialect: tcpdump -X, xxd, od, base64, ...)")
	format := fl.String("format", "text", "output format: text (one line per packet), tree (full dissection), jsonl (one JSON record per packet)")
	dialect := fl.String("dialect", "auto", "dialect of text input: "+strings.Join(dialectNames(), ", "))
	layer := fl.String("layer", "auto", "layer the bytes start at: "+strings.Join(dissect.Layers(), ", "))
	checksums := fl.Bool("checksums", false, "with --format tree, work out each checksum word by word (RFC 1071) under its field")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: icmplab decode [FILE|-] [--hex TEXT] [--format text|tree|jsonl] [--dialect D] [--layer L]")
		fmt.Fprintln(stderr, "\nDissects a pcap/pcapng capture (gzip too) or hex text, down to the datagram an ICMP error quotes.")
		fmt.Fprintln(stderr, "Exit status: 0 ok, 1 some packet is malformed, 2 usage error or unreadable input.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return decodeOK
		}
		return decodeUsage
	}
	var opt decode.Options
	f, ok := decode.Formats[*format]
	if !ok {
		fmt.Fprintf(stderr, "icmplab decode: unknown format %q (text, tree, jsonl)\n", *format)
		return decodeUsage
	}
	opt.Format = f
	opt.WorkChecksums = *checksums
	if opt.Dialect, ok = textdump.ParseDialect(*dialect); !ok {
		fmt.Fprintf(stderr, "icmplab decode: unknown dialect %q; known: %s\n", *dialect, strings.Join(dialectNames(), ", "))
		return decodeUsage
	}
	if opt.Layer, ok = dissect.ParseLayer(*layer); !ok {
		fmt.Fprintf(stderr, "icmplab decode: unknown layer %q; known: %s\n", *layer, strings.Join(dissect.Layers(), ", "))
		return decodeUsage
	}
	if fl.NArg() > 1 || fl.NArg() == 1 && *hexText != "" {
		fmt.Fprintln(stderr, "icmplab decode: give one FILE, or --hex, not both")
		return decodeUsage
	}

	var src decode.Source
	var err error
	switch {
	case *hexText != "":
		src, err = decode.OpenText(*hexText, opt)
	case fl.NArg() == 1 && fl.Arg(0) != "-":
		fh, oerr := os.Open(fl.Arg(0))
		if oerr != nil {
			fmt.Fprintln(stderr, "icmplab decode:", oerr)
			return decodeUsage
		}
		defer fh.Close()
		src, err = decode.Open(fh, opt)
	default:
		if fl.NArg() == 0 && isTerminal(os.Stdin) {
			fl.Usage()
			return decodeUsage
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
