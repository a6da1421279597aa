package decode

import (
	"bytes"
	"io"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/internal/hostile"
	"icmplab/native/internal/netns"
)

// The budget of the binary (README, "The budget"): a capture is streamed, so
// `icmplab decode` of any capture stays under binaryCaptureRSS however
// large or hostile; a text input is read whole, so its budget adds
// binaryTextPerByte times its size. Measured as the process's peak
// resident set (getrusage's ru_maxrss, what /usr/bin/time -v prints), on
// inputs generated into the binary's standard input.
const (
	binaryCaptureRSS  = 160 * hostile.MiB
	binaryTextPerByte = 4
)

// buildBinary is the command, built once (netns.Binary).
func buildBinary(t *testing.T) string { return netns.Binary(t) }

// decodeRSS runs `icmplab decode FORMAT -` on in and returns its output,
// exit status and peak resident set in bytes.
func decodeRSS(t *testing.T, bin string, in io.Reader, format string) (stdout, stderr string, code int, rss int64) {
	t.Helper()
	cmd := exec.Command(bin, "decode", "--format", format, "-")
	cmd.Stdin = in
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		require.NoError(t, err)
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return o.String(), e.String(), cmd.ProcessState.ExitCode(), ru.Maxrss * 1024 // Linux reports KiB
}

// Each hostile case of issue 11 through the binary: it finishes, says what
// it left out, and stays within the budget.
func TestBinaryBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary and decodes about 200 MB of generated input")
	}
	bin := buildBinary(t)
	pkt := hostile.Echo(1)

	t.Run("interfaces", func(t *testing.T) {
		// 2,000,000 interface blocks, gzipped to about 0.5 MB: the issue's
		// 20 million grew the process to 3.2 GB.
		out, _, code, rss := decodeRSS(t, bin, hostile.Gzip(hostile.ManyInterfaces(2_000_000, pkt)), "text")
		t.Logf("rss %d", rss)
		assert.Equal(t, 1, code)
		assert.Contains(t, out, "interface 65,537 ignored: more than 65,536 interfaces in one section")
		assert.Contains(t, out, "interfaces 65,538 to 2,000,000 ignored too")
		assert.Less(t, rss, int64(binaryCaptureRSS))
	})
	t.Run("fragments", func(t *testing.T) {
		// 100,000 8-byte fragments of one datagram, last first (54 s before).
		out, _, _, rss := decodeRSS(t, bin, hostile.Pcap(100_000, hostile.FragmentStorm(100_000, 0x4242)), "text")
		t.Logf("rss %d", rss)
		assert.Equal(t, 100_000, strings.Count(out, "\n"))
		assert.Less(t, rss, int64(binaryCaptureRSS))
	})
	t.Run("gzip bomb", func(t *testing.T) {
		out, _, code, rss := decodeRSS(t, bin, hostile.GzipLevel(hostile.ZeroPackets(4000, 32<<10), 9), "jsonl")
		t.Logf("rss %d", rss)
		assert.Equal(t, 1, code, "zero packets are malformed")
		assert.Equal(t, 4000, strings.Count(out, "\n"))
		assert.Less(t, rss, int64(binaryCaptureRSS))
	})
	t.Run("text", func(t *testing.T) {
		// 60 MB of "45\n\n": 15 million one-byte packets (4.4 GB, 77 s before).
		const n = 15_000_000
		out, _, code, rss := decodeRSS(t, bin, hostile.OneBytePackets(n), "text")
		t.Logf("rss %d", rss)
		assert.Equal(t, 1, code)
		assert.Contains(t, out, "[Input note: text: line 200001: the text holds more than 100,000 packets: the rest is not read]")
		assert.Less(t, rss, int64(binaryCaptureRSS+binaryTextPerByte*4*n))
	})
}
