package main

import (
	"bytes"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/native/priv"

	"icmplab/internal/testenv"
)

var update = flag.Bool("update", false, "rewrite docs/man from the command tables")

// The commands run in-process here must not drop the test binary's
// capabilities; the tests that check the drop run the built binary.
func init() { dropAll = func() (priv.Report, error) { return priv.Report{}, nil } }

// runCLI runs icmplab in-process and returns its exit code and output.
func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestFlagMistakesExplainThemselves: every unknown flag, bad value, missing
// value or refused flag exits 2 with exactly one line on stderr that names
// it and says where help is, and nothing on stdout.
func TestFlagMistakesExplainThemselves(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string // a piece the line must hold
	}{
		{[]string{"ping", "-x", "198.18.0.1"}, "unknown flag -x"},
		{[]string{"ping", "--bogus", "198.18.0.1"}, "unknown flag --bogus"},
		{[]string{"ping", "-c", "abc", "198.18.0.1"}, `invalid value "abc" for -c/--count`},
		{[]string{"ping", "--count=abc", "198.18.0.1"}, `invalid value "abc" for -c/--count`},
		{[]string{"ping", "-c"}, "-c/--count needs a value"},
		{[]string{"ping", "-c", "0", "198.18.0.1"}, "out of range"},
		{[]string{"ping", "-i", "-1", "198.18.0.1"}, "-i/--interval"},
		{[]string{"ping", "-s", "70000", "198.18.0.1"}, "-s/--size"},
		{[]string{"ping", "-t", "300", "198.18.0.1"}, "-t/--ttl"},
		{[]string{"ping", "-p", "zz", "198.18.0.1"}, "patterns must be specified as hex digits"},
		{[]string{"ping", "-M", "foo", "198.18.0.1"}, "invalid -M argument: foo"},
		{[]string{"ping", "-Q", "foo", "198.18.0.1"}, "bad TOS value: foo"},
		{[]string{"ping", "-4", "-6", "198.18.0.1"}, "only one -4 or -6"},
		{[]string{"ping"}, "Destination address required"},
		{[]string{"trace", "-m", "abc", "198.18.0.1"}, `invalid value "abc" for -m/--max-hops`},
		{[]string{"trace", "-q", "0", "198.18.0.1"}, "no more than 10 probes per hop"},
		{[]string{"trace", "-q", "11", "198.18.0.1"}, "no more than 10 probes per hop"},
		{[]string{"trace", "-m", "0", "198.18.0.1"}, "first hop out of range"},
		{[]string{"trace", "-m", "256", "198.18.0.1"}, "max hops cannot be more than 255"},
		{[]string{"trace", "-f", "5", "-m", "3", "198.18.0.1"}, "first hop out of range"},
		{[]string{"trace", "198.18.0.1", "abc"}, `PACKETLEN "abc"`},
		{[]string{"trace", "198.18.0.1", "70000"}, "too big packetlen 70000 specified"},
		{[]string{"trace", "198.18.0.1", "20"}, "packetlen 20 is too small"},
		{[]string{"trace", "-x", "198.18.0.1"}, "unknown flag -x"},
		{[]string{"trace"}, "no HOST"},
		{[]string{"decode", "--bogus"}, "unknown flag --bogus"},
		{[]string{"decode", "--format", "xml"}, `unknown format "xml"`},
		{[]string{"serve", "--bogus"}, "unknown flag --bogus"},
		{[]string{"serve", "extra"}, `unexpected argument "extra"`},
		{[]string{"completion", "tcsh"}, `unknown shell "tcsh"`},
		{[]string{"version", "extra"}, `unexpected argument "extra"`},
	} {
		code, out, errOut := runCLI(c.args...)
		name := strings.Join(c.args, " ")
		assert.Equal(t, exitUsage, code, name)
		assert.Empty(t, out, name)
		lines := strings.Split(strings.TrimSuffix(errOut, "\n"), "\n")
		if assert.Len(t, lines, 1, "%s: %q", name, errOut) {
			assert.Contains(t, lines[0], c.want, name)
			assert.Contains(t, lines[0], "try 'icmplab "+c.args[0]+" --help'", name)
			assert.True(t, strings.HasPrefix(lines[0], "icmplab "+c.args[0]+": "), name)
		}
	}
}

// TestOtherToolsFlagsAcceptedOrRefused: each iputils ping and traceroute
// flag people use either parses or is refused with its reason; none is
// "unknown".
func TestOtherToolsFlagsAcceptedOrRefused(t *testing.T) {
	refused := map[string][]string{
		"ping":  {"-A", "-b", "-B", "-C", "-d", "-e 7", "-F 1", "-l 3", "-L", "-m 1", "-N name", "-r", "-R", "-S 65536", "-T tsonly", "-U", "-3"},
		"trace": {"-A", "-F", "-t 16", "-z 5", "-g 198.18.0.9", "-l 1", "-M udp", "-d"},
	}
	for cmd, flags := range refused {
		for _, f := range flags {
			args := append([]string{cmd}, strings.Fields(f)...)
			args = append(args, "198.18.0.1")
			code, _, errOut := runCLI(args...)
			assert.Equal(t, exitUsage, code, f)
			assert.Regexp(t, regexp.MustCompile(`^icmplab `+cmd+`: -\S is not supported: .+; try 'icmplab `+cmd+` --help'\n$`), errOut, f)
		}
		// A refused flag that takes a value, given none, is still refused
		// (not "needs a value").
	}
	code, _, errOut := runCLI("ping", "-l")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "-l is not supported")

	// Accepted: -a -v -H -V parse; -V prints the version and exits 0.
	code, out, _ := runCLI("ping", "-V")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "icmplab ping from icmplab ")
	code, out, _ = runCLI("trace", "-V")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "icmplab trace from icmplab ")
}

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"--version"}, {"version"}, {"-V"}} {
		code, out, errOut := runCLI(args...)
		assert.Equal(t, 0, code)
		assert.Empty(t, errOut)
		assert.Regexp(t, `^icmplab \S+\n$`, out)
	}
}

// TestHelpGoesToStdout: --help is asked for, so it is output, exit 0, and
// it lists every visible flag and the refused ones.
func TestHelpGoesToStdout(t *testing.T) {
	for _, n := range commandNames() {
		code, out, errOut := runCLI(n, "--help")
		assert.Equal(t, 0, code, n)
		assert.Empty(t, errOut, n)
		assert.True(t, strings.HasPrefix(out, "usage: icmplab "+n), n)
		code, out2, _ := runCLI("help", n)
		assert.Equal(t, 0, code)
		assert.Equal(t, out, out2, "help %s", n)
	}
}

// helpFlags pulls "-c, --count" style names out of --help's flag list.
var helpFlagRe = regexp.MustCompile(`(?m)^  (?:-(\S), )?--([a-z0-9-]+)|^      --([a-z0-9-]+)|^  -(\S)   `)

// TestManPages: docs/man holds exactly what the command tables generate,
// and every flag --help lists (refused ones included) is on its page.
func TestManPages(t *testing.T) {
	dir := filepath.Join("..", "docs", "man")
	pages := manPages()
	if *update {
		require.NoError(t, os.MkdirAll(dir, 0o755))
		for name, text := range pages {
			require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
		}
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.1"))
	require.NoError(t, err)
	assert.Len(t, files, len(pages), "docs/man has a page per command and no other")
	for name, text := range pages {
		onDisk, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err, "regenerate with: go test ./native -run TestManPages -update")
		assert.Equal(t, text, string(onDisk), "%s is stale; regenerate with: go test ./native -run TestManPages -update", name)
	}
	for _, n := range commandNames() {
		_, help, _ := runCLI(n, "--help")
		page := pages["icmplab-"+n+".1"]
		plain := strings.ReplaceAll(page, `\-`, "-")
		for _, m := range helpFlagRe.FindAllStringSubmatch(help, -1) {
			switch {
			case m[2] != "":
				assert.Contains(t, plain, `\fB--`+m[2]+`\fR`, "%s: --%s", n, m[2])
				if m[1] != "" {
					assert.Contains(t, plain, `\fB-`+m[1]+`\fR, \fB--`+m[2], "%s: -%s", n, m[1])
				}
			case m[3] != "":
				assert.Contains(t, plain, `\fB--`+m[3]+`\fR`, "%s: --%s", n, m[3])
			case m[4] != "":
				assert.Contains(t, plain, `\fB-`+m[4]+`\fR`, "%s: refused -%s", n, m[4])
			}
		}
	}
	// The pages render without warnings.
	t.Run("man", func(t *testing.T) {
		man := testenv.RequireTool(t, "man", "man-db")
		for _, f := range files {
			cmd := exec.Command(man, "--warnings", "-l", f)
			cmd.Env = append(os.Environ(), "MANWIDTH=100", "MAN_KEEP_FORMATTING=0")
			out, err := cmd.CombinedOutput()
			require.NoError(t, err, "%s: %s", f, out)
			assert.NotContains(t, string(out), "warning", f)
		}
	})
}

// bashComplete runs bash's completion function over words and returns what
// it offers.
func bashComplete(t *testing.T, script string, words ...string) []string {
	t.Helper()
	sh := script + "\nCOMP_WORDS=(" + strings.Join(quoteAll(words), " ") + ")\nCOMP_CWORD=" +
		strconv.Itoa(len(words)-1) + "\n_icmplab\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n"
	out, err := exec.Command("bash", "-c", sh).CombinedOutput()
	require.NoError(t, err, string(out))
	return strings.Fields(string(out))
}

func quoteAll(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = "'" + w + "'"
	}
	return out
}

func TestCompletionBash(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Fatal("bash is needed to test the bash completion")
	}
	code, script, _ := runCLI("completion", "bash")
	require.Equal(t, 0, code)
	out, err := exec.Command("bash", "-n", "-c", script).CombinedOutput()
	require.NoError(t, err, string(out))

	assert.ElementsMatch(t, []string{"ping"}, bashComplete(t, script, "icmplab", "pi"))
	assert.Contains(t, bashComplete(t, script, "icmplab", ""), "completion")
	assert.Equal(t, []string{"--count"}, bashComplete(t, script, "icmplab", "ping", "--cou"))
	assert.NotContains(t, bashComplete(t, script, "icmplab", "ping", "-"), "-A", "refused flags are not offered")
	assert.ElementsMatch(t, []string{"do", "dont"}, bashComplete(t, script, "icmplab", "ping", "-M", "d"))
	assert.ElementsMatch(t, []string{"jsonl"}, bashComplete(t, script, "icmplab", "decode", "--format", "j"))
	assert.Equal(t, []string{"--max-hops"}, bashComplete(t, script, "icmplab", "trace", "--max-h"))
	assert.ElementsMatch(t, []string{"--max-hops", "--max-unknown"}, bashComplete(t, script, "icmplab", "trace", "--max"))
	assert.ElementsMatch(t, []string{"zsh"}, bashComplete(t, script, "icmplab", "completion", "z"))
}

// TestCompletionZshFish checks the other two scripts with their shells'
// own syntax check.
func TestCompletionZshFish(t *testing.T) {
	for _, sh := range []struct{ shell, check, count string }{{"zsh", "-n", "--count"}, {"fish", "--no-execute", "-l count"}} {
		t.Run(sh.shell, func(t *testing.T) {
			path := testenv.RequireTool(t, sh.shell, sh.shell)
			code, script, _ := runCLI("completion", sh.shell)
			require.Equal(t, 0, code)
			f := filepath.Join(t.TempDir(), "icmplab."+sh.shell)
			require.NoError(t, os.WriteFile(f, []byte(script), 0o644))
			out, err := exec.Command(path, sh.check, f).CombinedOutput()
			require.NoError(t, err, string(out))
			assert.Contains(t, script, sh.count)
			assert.Contains(t, script, "jsonl")
		})
	}
}

// TestDropFirst: a command named in dropFirst runs with every capability
// already dropped; others are left to drop on their own.
func TestDropFirst(t *testing.T) {
	drops := 0
	saved := dropAll
	defer func() { dropAll = saved }()
	dropAll = func() (priv.Report, error) { drops++; return priv.Report{}, nil }
	dropsWhenRun := -1
	register("x-reader", "a reader of forged input", func(args []string, stdout, stderr io.Writer) int {
		dropsWhenRun = drops
		return 0
	})
	defer delete(commands, "x-reader")
	dropFirst["x-reader"] = true
	defer delete(dropFirst, "x-reader")
	code, _, _ := runCLI("x-reader")
	assert.Equal(t, 0, code)
	assert.Equal(t, 1, dropsWhenRun, "dropped before the command ran")
	assert.True(t, dropFirst["story"], "story reads captures: it runs unprivileged")
}
