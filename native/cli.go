package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/pflag"
)

// The command line's edges, shared by every subcommand: one parse helper
// that turns each pflag error into one line naming the flag with a hint,
// flags refused with a reason, and the --help text that man pages and
// completions are generated from too.
//
// pflag stays the parser (cobra was weighed: it brings completions and man
// pages, but would rebuild every cmd_*.go around its Command type and add
// three modules, for what a flag table and two small generators do here).

// exitUsage is the status of every command-line mistake, as iputils ping and
// traceroute have it.
const exitUsage = 2

// usageError is a command-line mistake: bad value, missing argument, flags
// that exclude each other. It prints as one line with the --help hint.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef builds a usageError.
func usagef(format string, a ...any) error { return &usageError{fmt.Sprintf(format, a...)} }

// usageFail prints msg as the command's one-line mistake and returns 2.
func usageFail(stderr io.Writer, cmd, msg string) int {
	fmt.Fprintf(stderr, "icmplab %s: %s; try 'icmplab %s --help'\n", cmd, msg, cmd)
	return exitUsage
}

// parseFlags parses args into fl. stop is true when the command must end
// now with code: after --help (0, the help on stdout) or a mistake (2, one
// line on stderr).
func parseFlags(cmd string, fl *pflag.FlagSet, args []string, stdout, stderr io.Writer) (code int, stop bool) {
	fl.SetOutput(io.Discard)
	fl.Usage = func() {}
	err := fl.Parse(args)
	if err == nil {
		return 0, false
	}
	if errors.Is(err, pflag.ErrHelp) {
		writeHelp(stdout, cmd)
		return 0, true
	}
	return usageFail(stderr, cmd, flagErrorText(fl, err)), true
}

// flagErrorText says in plain words what pflag found wrong.
func flagErrorText(fl *pflag.FlagSet, err error) string {
	var (
		notExist *pflag.NotExistError
		needs    *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		if r, ok := f.Value.(*refusedValue); ok {
			return r.err(f).Error()
		}
		return fmt.Sprintf("invalid value %q for %s: want %s", invalid.GetValue(), flagName(f), valueWant(f))
	case errors.As(err, &notExist):
		if notExist.GetSpecifiedShortnames() != "" {
			return fmt.Sprintf("unknown flag -%s", notExist.GetSpecifiedName()[:1])
		}
		return fmt.Sprintf("unknown flag --%s", notExist.GetSpecifiedName())
	case errors.As(err, &needs):
		f := needs.GetFlag()
		if r, ok := f.Value.(*refusedValue); ok {
			return r.err(f).Error()
		}
		return fmt.Sprintf("%s needs a value (%s)", flagName(f), valueWant(f))
	case errors.As(err, &syntax):
		return fmt.Sprintf("bad flag syntax %s", syntax.GetSpecifiedFlag())
	}
	return err.Error()
}

// flagName is how a flag is named in messages: "-c/--count" or "--json".
func flagName(f *pflag.Flag) string {
	if f.Shorthand != "" {
		return "-" + f.Shorthand + "/--" + f.Name
	}
	return "--" + f.Name
}

// valueWant says what kind of value a flag takes.
func valueWant(f *pflag.Flag) string {
	switch f.Value.Type() {
	case "int", "int64":
		return "a whole number"
	case "uint16":
		return "a whole number from 0 to 65535"
	case "float64":
		return "a number"
	case "bool":
		return "true or false"
	}
	if name, _ := pflag.UnquoteUsage(f); name != "" {
		return "a " + name
	}
	return "a value"
}

// refusedValue is the value of a flag icmplab knows from iputils or
// traceroute but does not offer: setting it fails with the reason, so the
// user learns why instead of reading "unknown flag".
type refusedValue struct{ reason string }

func (r *refusedValue) String() string { return "" }
func (r *refusedValue) Type() string   { return "refused" }
func (r *refusedValue) Set(string) error {
	return &refusedError{reason: r.reason}
}

func (r *refusedValue) err(f *pflag.Flag) *refusedError {
	return &refusedError{flag: f, reason: r.reason}
}

// refusedError names the refused flag and the reason.
type refusedError struct {
	flag   *pflag.Flag
	reason string
}

func (e *refusedError) Error() string {
	if e.flag == nil {
		return "not supported: " + e.reason
	}
	return fmt.Sprintf("-%s is not supported: %s", e.flag.Shorthand, e.reason)
}

// refuse declares a flag another tool has and icmplab refuses. arg is the
// name of its argument, "" when it takes none. The flag is hidden from the
// flag list; help prints it under "Refused".
func refuse(fl *pflag.FlagSet, short, long, arg, reason string) {
	f := fl.VarPF(&refusedValue{reason: reason}, long, short, reason)
	if arg == "" {
		f.NoOptDefVal = "true"
	}
	f.Hidden = true
	if f.Annotations == nil {
		f.Annotations = map[string][]string{}
	}
	f.Annotations[annRefusedArg] = []string{arg}
}

const annRefusedArg = "icmplab-refused-arg"

// refusedFlags lists a flag set's refused flags in definition order.
func refusedFlags(fl *pflag.FlagSet) []*pflag.Flag {
	var out []*pflag.Flag
	fl.VisitAll(func(f *pflag.Flag) {
		if _, ok := f.Value.(*refusedValue); ok {
			out = append(out, f)
		}
	})
	return out
}

// writeHelp prints a command's help: usage, what it does, its flags, and
// the other tools' flags it refuses, with the reasons.
func writeHelp(w io.Writer, cmd string) {
	c := commands[cmd]
	fmt.Fprintf(w, "usage: %s\n\n%s\n", c.usage, wrap(c.about, helpWidth))
	if c.flags == nil {
		if c.exit != "" {
			fmt.Fprintf(w, "\n%s\n", wrap("exit status: "+c.exit+".", helpWidth))
		}
		return
	}
	fl := c.flags()
	fmt.Fprintf(w, "\nflags:\n%s", flagUsages(fl))
	if rs := refusedFlags(fl); len(rs) > 0 {
		fmt.Fprintf(w, "\nrefused (%s flags icmplab does not offer):\n", c.refusedFrom)
		for _, f := range rs {
			fmt.Fprintf(w, "  -%-3s %s\n", f.Shorthand, f.Usage)
		}
	}
	if c.exit != "" {
		fmt.Fprintf(w, "\n%s\n", wrap("exit status: "+c.exit+".", helpWidth))
	}
}

// helpWidth is the width help text is wrapped to.
const helpWidth = 100

// flagUsages lists a flag set's visible flags, one per entry, its
// description wrapped beside the names.
func flagUsages(fl *pflag.FlagSet) string {
	type entry struct{ left, right string }
	var es []entry
	width := 0
	fl.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "      --" + f.Name
		if f.Shorthand != "" {
			left = "  -" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if f.Value.Type() == "bool" {
			name = ""
		}
		if name != "" {
			left += " " + name
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" {
			usage += " (default " + d + ")"
		}
		es = append(es, entry{left, usage})
		width = max(width, len(left))
	})
	var b strings.Builder
	for _, e := range es {
		b.WriteString(e.left + strings.Repeat(" ", width-len(e.left)+3))
		col := width + 3
		for i, word := range strings.Fields(e.right) {
			if i > 0 && col+1+len(word) > helpWidth {
				b.WriteString("\n" + strings.Repeat(" ", width+3))
				col = width + 3
			} else if i > 0 {
				b.WriteByte(' ')
				col++
			}
			b.WriteString(word)
			col += len(word)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// wrap breaks a paragraph into lines of at most width columns.
func wrap(s string, width int) string {
	var b strings.Builder
	col := 0
	for _, word := range strings.Fields(s) {
		switch {
		case col == 0:
		case col+1+len(word) > width:
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(word)
		col += len(word)
	}
	return b.String()
}
