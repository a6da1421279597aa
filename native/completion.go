package main

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/pflag"
)

// Shell completion scripts, written from the command and flag tables: the
// subcommands, each one's flags (refused ones left out), the values of
// flags that take one of a few words, and file names where a flag or
// argument is a file.

// Flag annotations the completion scripts read.
const (
	annValues = "icmplab-values" // the words a flag's value is one of
	annFile   = "icmplab-file"   // the value is a file name
)

// completionShells are the shells `icmplab completion` writes for.
var completionShells = map[string]func(io.Writer){
	"bash": writeBashCompletion,
	"zsh":  writeZshCompletion,
	"fish": writeFishCompletion,
}

func init() {
	registerCommand("completion", command{
		summary: "print a shell completion script (bash, zsh or fish)",
		usage:   "icmplab completion bash|zsh|fish",
		about: `Prints a completion script for the shell named. Load it for this session with ` +
			`'source <(icmplab completion bash)', or install it where your shell looks: ` +
			`/etc/bash_completion.d/icmplab, a file _icmplab on zsh's fpath, ~/.config/fish/completions/icmplab.fish.`,
		exit: "0, or 2 when the shell is not one of bash, zsh, fish",
		run:  runCompletion,
	})
}

func runCompletion(args []string, stdout, stderr io.Writer) int {
	if len(args) == 1 && (args[0] == "-h" || args[0] == "--help") {
		writeHelp(stdout, "completion")
		return 0
	}
	if len(args) != 1 {
		return usageFail(stderr, "completion", "name one shell: bash, zsh or fish")
	}
	w, ok := completionShells[args[0]]
	if !ok {
		return usageFail(stderr, "completion", fmt.Sprintf("unknown shell %q: want bash, zsh or fish", args[0]))
	}
	w(stdout)
	return 0
}

// completable is one subcommand's completion facts.
type completable struct {
	name, summary string
	flags         []*pflag.Flag
	fileArgs      bool // its arguments are files (decode)
}

func completables() []completable {
	var out []completable
	for _, n := range commandNames() {
		c := commands[n]
		cc := completable{name: n, summary: c.summary, fileArgs: n == "decode"}
		if c.flags != nil {
			c.flags().VisitAll(func(f *pflag.Flag) {
				if !f.Hidden {
					cc.flags = append(cc.flags, f)
				}
			})
		}
		out = append(out, cc)
	}
	return out
}

// takesValue reports whether a flag needs an argument.
func takesValue(f *pflag.Flag) bool { return f.NoOptDefVal == "" }

func writeBashCompletion(w io.Writer) {
	cs := completables()
	var names []string
	for _, c := range cs {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, "# bash completion for icmplab (icmplab completion bash)\n_icmplab() {\n")
	fmt.Fprintf(w, "\tlocal cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\" flags=\"\" files=0\n")
	fmt.Fprintf(w, "\tif [ \"$COMP_CWORD\" -eq 1 ]; then\n\t\tCOMPREPLY=($(compgen -W \"%s --help --version\" -- \"$cur\"))\n\t\treturn\n\tfi\n", strings.Join(names, " "))
	fmt.Fprintf(w, "\tcase \"${COMP_WORDS[1]}\" in\n")
	for _, c := range cs {
		var fl []string
		for _, f := range c.flags {
			if f.Shorthand != "" {
				fl = append(fl, "-"+f.Shorthand)
			}
			fl = append(fl, "--"+f.Name)
		}
		if c.name != "completion" {
			fl = append(fl, "--help")
		}
		files := 0
		if c.fileArgs {
			files = 1
		}
		words := strings.Join(fl, " ")
		if c.name == "completion" {
			words = "bash zsh fish"
		}
		fmt.Fprintf(w, "\t%s) flags=\"%s\"; files=%d ;;\n", c.name, words, files)
	}
	fmt.Fprintf(w, "\tesac\n\tcase \"$prev\" in\n")
	for _, c := range cs {
		for _, f := range c.flags {
			spell := "--" + f.Name
			if f.Shorthand != "" {
				spell = "-" + f.Shorthand + "|" + spell
			}
			switch {
			case f.Annotations[annValues] != nil:
				fmt.Fprintf(w, "\t%s) [ \"${COMP_WORDS[1]}\" = %s ] && { COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return; } ;;\n",
					spell, c.name, strings.Join(f.Annotations[annValues], " "))
			case f.Annotations[annFile] != nil:
				fmt.Fprintf(w, "\t%s) [ \"${COMP_WORDS[1]}\" = %s ] && { COMPREPLY=($(compgen -f -- \"$cur\")); return; } ;;\n", spell, c.name)
			}
		}
	}
	fmt.Fprintf(w, "\tesac\n")
	fmt.Fprintf(w, "\tif [[ \"$cur\" == -* || \"${COMP_WORDS[1]}\" == completion ]]; then\n\t\tCOMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n")
	fmt.Fprintf(w, "\telif [ \"$files\" = 1 ]; then\n\t\tCOMPREPLY=($(compgen -f -- \"$cur\"))\n\telse\n\t\tCOMPREPLY=($(compgen -A hostname -- \"$cur\"))\n\tfi\n}\ncomplete -F _icmplab icmplab\n")
}

// zshText makes a description safe inside zsh's _arguments brackets.
func zshText(s string) string {
	s = strings.NewReplacer("[", "(", "]", ")", ":", " ", "'", "", "`", "", "\\", "").Replace(s)
	return s
}

func writeZshCompletion(w io.Writer) {
	cs := completables()
	fmt.Fprintf(w, "#compdef icmplab\n# zsh completion for icmplab (icmplab completion zsh)\n_icmplab() {\n\tlocal -a cmds\n\tcmds=(\n")
	for _, c := range cs {
		fmt.Fprintf(w, "\t\t'%s:%s'\n", c.name, zshText(c.summary))
	}
	fmt.Fprintf(w, "\t)\n\tif (( CURRENT == 2 )); then\n\t\t_describe 'command' cmds\n\t\treturn\n\tfi\n\tlocal cmd=$words[2]\n\tshift words\n\t(( CURRENT-- ))\n\tcase $cmd in\n")
	for _, c := range cs {
		fmt.Fprintf(w, "\t%s)\n\t\t_arguments -s", c.name)
		if c.name == "completion" {
			fmt.Fprintf(w, " '1:shell:(bash zsh fish)'\n\t\t;;\n")
			continue
		}
		for _, f := range c.flags {
			_, usage := pflag.UnquoteUsage(f)
			action := ""
			if takesValue(f) {
				name, _ := pflag.UnquoteUsage(f)
				switch {
				case f.Annotations[annValues] != nil:
					action = fmt.Sprintf(":%s:(%s)", zshText(name), strings.Join(f.Annotations[annValues], " "))
				case f.Annotations[annFile] != nil:
					action = fmt.Sprintf(":%s:_files", zshText(name))
				default:
					action = fmt.Sprintf(":%s: ", zshText(name))
				}
			}
			if f.Shorthand != "" {
				fmt.Fprintf(w, " \\\n\t\t\t'(-%s --%s)'{-%s,--%s}'[%s]%s'", f.Shorthand, f.Name, f.Shorthand, f.Name, zshText(usage), action)
			} else {
				fmt.Fprintf(w, " \\\n\t\t\t'--%s[%s]%s'", f.Name, zshText(usage), action)
			}
		}
		arg := "'*:host:_hosts'"
		if c.fileArgs {
			arg = "'*:file:_files'"
		}
		if c.name == "serve" || c.name == "version" {
			arg = ""
		}
		fmt.Fprintf(w, " \\\n\t\t\t'(- *)'{-h,--help}'[print the help]' %s\n\t\t;;\n", arg)
	}
	fmt.Fprintf(w, "\tesac\n}\nif [ \"$funcstack[1]\" = _icmplab ]; then\n\t_icmplab \"$@\"\nelse\n\tcompdef _icmplab icmplab\nfi\n")
}

// fishText quotes a description for fish.
func fishText(s string) string {
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

func writeFishCompletion(w io.Writer) {
	cs := completables()
	fmt.Fprintf(w, "# fish completion for icmplab (icmplab completion fish)\ncomplete -c icmplab -f\n")
	for _, c := range cs {
		fmt.Fprintf(w, "complete -c icmplab -n __fish_use_subcommand -a %s -d %s\n", c.name, fishText(c.summary))
	}
	for _, c := range cs {
		cond := fmt.Sprintf("'__fish_seen_subcommand_from %s'", c.name)
		if c.name == "completion" {
			fmt.Fprintf(w, "complete -c icmplab -n %s -a 'bash zsh fish'\n", cond)
			continue
		}
		for _, f := range c.flags {
			_, usage := pflag.UnquoteUsage(f)
			line := fmt.Sprintf("complete -c icmplab -n %s", cond)
			if f.Shorthand != "" {
				line += " -s " + f.Shorthand
			}
			line += " -l " + f.Name
			if takesValue(f) {
				line += " -r"
				switch {
				case f.Annotations[annValues] != nil:
					vals := append([]string(nil), f.Annotations[annValues]...)
					sort.Strings(vals)
					line += " -a " + fishText(strings.Join(vals, " "))
				case f.Annotations[annFile] != nil:
					line += " -F"
				}
			}
			fmt.Fprintf(w, "%s -d %s\n", line, fishText(usage))
		}
		if c.fileArgs {
			fmt.Fprintf(w, "complete -c icmplab -n %s -F\n", cond)
		}
	}
}
