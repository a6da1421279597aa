package main

import (
	"fmt"
	"strings"

	"github.com/spf13/pflag"
)

// Man pages are generated from the same command table and flag tables as
// --help, so the two cannot drift apart: docs/man/ holds the output, and a
// test fails when a page there differs from what the binary would write
// (regenerate with `go test ./native -run TestManPages -update`).

// manPages returns every page, keyed by file name: icmplab.1 and one
// icmplab-CMD.1 per subcommand.
func manPages() map[string]string {
	pages := map[string]string{"icmplab.1": mainManPage()}
	for _, n := range commandNames() {
		pages["icmplab-"+n+".1"] = commandManPage(n)
	}
	return pages
}

// roff escapes text for a man page line.
func roff(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

func manHeader(b *strings.Builder, title, name, summary string) {
	fmt.Fprintf(b, ".TH %s 1 \"\" \"icmplab\" \"icmplab manual\"\n", strings.ToUpper(title))
	fmt.Fprintf(b, ".SH NAME\n%s \\- %s\n", roff(name), roff(summary))
}

func mainManPage() string {
	var b strings.Builder
	manHeader(&b, "icmplab", "icmplab", "a packet workbench for ICMP: ping, trace, decode, and a browser dissector")
	b.WriteString(".SH SYNOPSIS\n.B icmplab\n\\fICOMMAND\\fR [\\fIFLAGS\\fR] [\\fIARGS\\fR]\n.br\n.B icmplab \\-\\-version\n")
	b.WriteString(".SH DESCRIPTION\n")
	b.WriteString(roff("One ICMP codec, compiled to a native prober and to WebAssembly. Each command has its own page and its own --help.") + "\n")
	b.WriteString(".SH COMMANDS\n")
	for _, n := range commandNames() {
		fmt.Fprintf(&b, ".TP\n.B %s\n%s\n", roff(n), roff(commands[n].summary))
	}
	b.WriteString(".TP\n.B completion bash|zsh|fish\n" + roff("print a shell completion script") + "\n")
	b.WriteString(".SH EXIT STATUS\n" + roff("Each command's page gives its own; every command-line mistake exits 2 with one line on standard error naming it.") + "\n")
	b.WriteString(".SH SEE ALSO\n")
	var see []string
	for _, n := range commandNames() {
		see = append(see, fmt.Sprintf(".BR icmplab\\-%s (1)", roff(n)))
	}
	b.WriteString(strings.Join(see, ",\n") + "\n")
	return b.String()
}

// flagSynopsis is "-c, --count count" for a man page's option list.
func flagSynopsis(f *pflag.Flag) string {
	name, _ := pflag.UnquoteUsage(f)
	var parts []string
	if f.Shorthand != "" {
		parts = append(parts, `\fB\-`+roff(f.Shorthand)+`\fR`)
	}
	parts = append(parts, `\fB\-\-`+roff(f.Name)+`\fR`)
	s := strings.Join(parts, ", ")
	if name != "" && f.NoOptDefVal == "" {
		s += ` \fI` + roff(name) + `\fR`
	}
	return s
}

func commandManPage(n string) string {
	c := commands[n]
	var b strings.Builder
	manHeader(&b, "icmplab-"+n, "icmplab-"+n, c.summary)
	fmt.Fprintf(&b, ".SH SYNOPSIS\n%s\n", roff(c.usage))
	fmt.Fprintf(&b, ".SH DESCRIPTION\n%s\n", roff(c.about))
	if c.flags != nil {
		fl := c.flags()
		b.WriteString(".SH OPTIONS\n")
		fl.VisitAll(func(f *pflag.Flag) {
			if f.Hidden {
				return
			}
			_, usage := pflag.UnquoteUsage(f)
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
				usage += fmt.Sprintf(" (default %s)", f.DefValue)
			}
			fmt.Fprintf(&b, ".TP\n%s\n%s\n", flagSynopsis(f), roff(usage))
		})
		b.WriteString(".TP\n\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n" + roff("print the help and exit") + "\n")
		if rs := refusedFlags(fl); len(rs) > 0 {
			fmt.Fprintf(&b, ".SH REFUSED FLAGS\n%s\n", roff(fmt.Sprintf("Flags of %s that icmplab does not offer. Each is refused with this reason and exit status 2, rather than ignored:", c.refusedFrom)))
			for _, f := range rs {
				fmt.Fprintf(&b, ".TP\n\\fB\\-%s\\fR\n%s\n", roff(f.Shorthand), roff(f.Usage))
			}
		}
	}
	if c.exit != "" {
		fmt.Fprintf(&b, ".SH EXIT STATUS\n%s\n", roff(c.exit+"."))
	}
	b.WriteString(".SH SEE ALSO\n.BR icmplab (1)\n")
	return b.String()
}
