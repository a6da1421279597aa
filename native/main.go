// Command icmplab pings, traces and decodes ICMP, and serves the browser
// workbench. Each subcommand lives in its own cmd_*.go file and registers
// itself here; the ICMP knowledge they use comes from codec/.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sort"

	"github.com/spf13/pflag"

	"icmplab/native/priv"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// command is one subcommand: what --help, the man pages and the shell
// completions say about it, and how it runs. run returns the exit code.
type command struct {
	summary string // one line, for the command list
	usage   string // "icmplab ping [flags] HOST..."
	about   string // what it does, a paragraph
	exit    string // its exit statuses, one sentence
	// refusedFrom names the tool whose flags it refuses ("iputils ping").
	refusedFrom string
	// flags returns a fresh flag set with every flag the command takes
	// (bound to throwaway values); nil for commands without flags.
	flags func() *pflag.FlagSet
	run   func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// dropAll gives up every capability; decode and serve call it before they
// read input. The in-process tests of this package replace it, so that a
// test that runs a command in the test binary does not leave the rest of
// the suite (namespaces need root's capabilities) without privileges.
var dropAll = priv.DropAll

// registerCommand adds a subcommand with its help, man page and
// completion facts.
func registerCommand(name string, c command) { commands[name] = c }

// register adds a subcommand that parses its own flags: its help is its
// own, and its man page and completions list no flags.
func register(name, summary string, run func(args []string, stdout, stderr io.Writer) int) {
	commands[name] = command{summary: summary, usage: "icmplab " + name + " [flags] [args]", about: summary + ".", run: run}
}

// dropFirst names the commands that read input anyone could have forged
// and need no privilege at all: run drops every capability before they
// start. (decode and serve drop on their own, after opening their file or
// their port.)
var dropFirst = map[string]bool{"story": true}

func init() {
	registerCommand("version", command{
		summary: "print the version",
		usage:   "icmplab version",
		about:   "Prints the version of icmplab (also: icmplab --version).",
		exit:    "0.",
		run: func(args []string, stdout, stderr io.Writer) int {
			if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
				writeHelp(stdout, "version")
				return 0
			}
			if len(args) > 0 {
				return usageFail(stderr, "version", fmt.Sprintf("unexpected argument %q", args[0]))
			}
			fmt.Fprintln(stdout, "icmplab", versionString())
			return 0
		},
	})
}

// versionString is the -ldflags version, or the VCS revision Go recorded
// when the binary was built without it.
func versionString() string {
	if version != "dev" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok {
		rev, dirty := "", ""
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				if s.Value == "true" {
					dirty = "-dirty"
				}
			}
		}
		if len(rev) >= 12 {
			return "dev-" + rev[:12] + dirty
		}
	}
	return version
}

// commandNames lists the subcommands in order.
func commandNames() []string {
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: icmplab <command> [flags] [args]")
	fmt.Fprintln(w, "\ncommands:")
	for _, n := range commandNames() {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'icmplab <command> --help' for a command's flags; 'icmplab --version' for the version.")
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "help", "-h", "--help":
		if len(args) > 1 {
			if _, ok := commands[args[1]]; ok {
				writeHelp(stdout, args[1])
				return 0
			}
			fmt.Fprintf(stderr, "icmplab: unknown command %q; try 'icmplab --help'\n", args[1])
			return exitUsage
		}
		usage(stdout)
		return 0
	case "--version", "-V":
		fmt.Fprintln(stdout, "icmplab", versionString())
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "icmplab: unknown command %q; try 'icmplab --help'\n", args[0])
		return exitUsage
	}
	if dropFirst[args[0]] {
		if _, err := dropAll(); err != nil {
			fmt.Fprintf(stderr, "icmplab %s: dropping privileges: %v\n", args[0], err)
			return 1
		}
	}
	return c.run(args[1:], stdout, stderr)
}
