//go:build !js

package testenv

import (
	"os"
	"os/exec"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// childEnv makes the test binary, run again by TestSkipOrFail, run the
// child tests below instead of returning at once.
const childEnv = "ICMPLAB_TESTENV_CHILD"

// TestChildMissingTool and the two after it are the children: each asks
// for something that is not there.
func TestChildMissingTool(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		return
	}
	RequireTool(t, "icmplab-no-such-tool", "no-such-package")
	t.Log("child went on past a missing tool")
}

func TestChildMissingFile(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		return
	}
	RequireFile(t, "/nonexistent/icmplab/testenv", "a file that is never there")
	t.Log("child went on past a missing file")
}

func TestChildSkip(t *testing.T) {
	if os.Getenv(childEnv) == "" {
		return
	}
	Skip(t, "the child is told to skip")
	t.Log("child went on past Skip")
}

// TestSkipOrFail runs each child in a subprocess, once as a developer
// would (a skip, exit 0, the reason printed) and once under CI=true (a
// failure, exit 1, the same reason), and checks that neither goes on.
func TestSkipOrFail(t *testing.T) {
	exe, err := os.Executable()
	require.NoError(t, err)
	for _, child := range []struct{ name, reason string }{
		{"TestChildMissingTool", "icmplab-no-such-tool (apt-get install no-such-package)"},
		{"TestChildMissingFile", "a file that is never there"},
		{"TestChildSkip", "the child is told to skip"},
	} {
		for _, ci := range []string{"", "true"} {
			cmd := exec.Command(exe, "-test.run=^"+child.name+"$", "-test.v", "-test.count=1")
			cmd.Env = append(withoutCI(os.Environ()), childEnv+"=1")
			if ci != "" {
				cmd.Env = append(cmd.Env, "CI="+ci)
			}
			out, err := cmd.CombinedOutput()
			s := string(out)
			assert.Contains(t, s, child.reason, "%s CI=%q names what is missing", child.name, ci)
			assert.NotContains(t, s, "child went on", "%s CI=%q stops the test", child.name, ci)
			if ci == "" {
				require.NoError(t, err, "%s without CI: a skip is not a failure\n%s", child.name, s)
				assert.Contains(t, s, "--- SKIP: "+child.name, "%s without CI skips", child.name)
				continue
			}
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit, "%s under CI=true must fail\n%s", child.name, s)
			assert.Equal(t, 1, exit.ExitCode(), "%s under CI=true", child.name)
			assert.Contains(t, s, "--- FAIL: "+child.name, "%s under CI=true fails", child.name)
			assert.Contains(t, s, "CI=true but", "%s under CI=true says why it fails", child.name)
		}
	}
}

// TestInCI: only the exact value "true" means CI, as .ci/run sets it.
func TestInCI(t *testing.T) {
	for v, want := range map[string]bool{"true": true, "": false, "1": false, "false": false} {
		t.Setenv("CI", v)
		assert.Equal(t, want, InCI(), "CI=%q", v)
	}
}

func withoutCI(env []string) []string {
	out := env[:0:0]
	for _, e := range env {
		if len(e) >= 3 && e[:3] == "CI=" {
			continue
		}
		out = append(out, e)
	}
	return out
}
