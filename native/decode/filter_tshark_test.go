package decode

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/filter"
	"icmplab/internal/testenv"
	"icmplab/native/internal/netns"
)

// tsharkFilterExprs are expressions both `tshark -Y` (4.0 syntax: set
// elements separated by commas) and `icmplab decode -Y` accept.
var tsharkFilterExprs = []string{
	"icmp.type == 11",
	"icmp.type == 3 && icmp.code == 3",
	"ip.src in {10.0.0.0/8}",
	"icmp.checksum.status == 2 || ip.addr == 192.168.0.0/16 && icmp",
	"icmp.code != 0",
	"udp.dstport >= 33434",
	"!icmpv6",
	"frame.len > 100",
	"icmp.type in {0, 8}",
	"icmp.checksum_bad",
	"icmp.checksum.status == 1",
	"icmpv6.checksum.status == 2",
	"ip.proto == 17 || ipv6.nxt == 17",
	"icmpv6.type == 135",
	"icmpv6.type in {128, 129} && ipv6.hlim == 64",
	"icmp.ident == 0 && icmp",
	"icmp.type == 5 && icmp.redir_gw",
}

// filterProtos are the protocols whose order in a frame's stack must agree
// between tshark and icmplab for the frame to be compared: the filters
// read nothing else.
var filterProtos = []string{"eth", "ip", "ipv6", "icmp", "icmpv6", "udp", "tcp"}

func protoStack(layers []string) string {
	var out []string
	for _, l := range layers {
		if slices.Contains(filterProtos, l) {
			out = append(out, l)
		}
	}
	return strings.Join(out, ":")
}

// TestFilterAgainstTshark runs every expression through `tshark -Y` and
// through Run with a Filter over the whole shared corpus (merged into one
// pcapng, so frame numbers line up) and requires the same frames. Frames
// the two dissectors see differently (tshark calls them malformed, or the
// protocol stacks differ: GRE, PPP, reassembly) are left out and counted.
func TestFilterAgainstTshark(t *testing.T) {
	tshark := netns.RequireTool(t, "tshark", "tshark")
	mergecap := netns.RequireTool(t, "mergecap", "wireshark-common")
	dir := testenv.RequireShared(t)
	var files []string
	for _, pat := range []string{"*.pcap", "*.pcapng"} {
		m, err := filepath.Glob(filepath.Join(dir, pat))
		require.NoError(t, err)
		files = append(files, m...)
	}
	require.NotEmpty(t, files)
	all := filepath.Join(t.TempDir(), "all.pcapng")
	out, err := exec.Command(mergecap, append([]string{"-a", "-F", "pcapng", "-w", all}, files...)...).CombinedOutput()
	require.NoError(t, err, string(out))

	tsharkLines := func(args ...string) []string {
		var stdout, stderr bytes.Buffer
		cmd := exec.Command(tshark, append([]string{"-n", "-r", all}, args...)...)
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		require.NoError(t, cmd.Run(), "tshark %v: %s", args, stderr.String())
		return strings.Split(strings.TrimSpace(stdout.String()), "\n")
	}

	// Which frames are comparable.
	theirs := map[int]string{}
	for _, l := range tsharkLines("-T", "fields", "-e", "frame.number", "-e", "frame.protocols", "-e", "_ws.malformed") {
		parts := strings.Split(l, "\t")
		n, err := strconv.Atoi(parts[0])
		require.NoError(t, err, l)
		// IPv6 fragments: tshark reassembles by identification across the
		// merged captures and, run with -Y, now and then joins fragments
		// of different files.
		if len(parts) > 2 && parts[2] != "" || strings.Contains(parts[1], "ipv6.fraghdr") {
			theirs[n] = "left out"
			continue
		}
		theirs[n] = protoStack(strings.Split(parts[1], ":"))
	}
	var rec bytes.Buffer
	fh, err := os.Open(all)
	require.NoError(t, err)
	defer fh.Close()
	src, err := Open(fh, Options{})
	require.NoError(t, err)
	_, err = Run(src, &rec, Options{Format: FormatJSONL})
	require.NoError(t, err)
	skip := map[int]bool{}
	frames := 0
	for _, l := range strings.Split(strings.TrimSpace(rec.String()), "\n") {
		var r struct {
			Frame  int      `json:"frame"`
			Layers []string `json:"layers"`
		}
		require.NoError(t, json.Unmarshal([]byte(l), &r))
		if r.Frame == 0 {
			continue // an input note ({"note": ...}), not a frame
		}
		frames++
		if theirs[r.Frame] != protoStack(r.Layers) {
			skip[r.Frame] = true
		}
	}
	require.Equal(t, len(theirs), frames, "both read every frame")
	t.Logf("%d frames, %d left out where the dissectors disagree on the frame itself", frames, len(skip))
	assert.Less(t, len(skip), frames/20, "the dissectors agree on nearly every frame")

	for _, expr := range tsharkFilterExprs {
		t.Run(expr, func(t *testing.T) {
			f, err := filter.Compile(expr)
			require.NoError(t, err)
			want := map[int]bool{}
			for _, l := range tsharkLines("-Y", expr, "-T", "fields", "-e", "frame.number") {
				if n, err := strconv.Atoi(l); err == nil && !skip[n] {
					want[n] = true
				}
			}
			fh, err := os.Open(all)
			require.NoError(t, err)
			defer fh.Close()
			src, err := Open(fh, Options{})
			require.NoError(t, err)
			var text bytes.Buffer
			st, err := Run(src, &text, Options{Format: FormatText, Filter: f})
			require.NoError(t, err)
			got := map[int]bool{}
			shown := 0
			for _, l := range strings.Split(strings.TrimSpace(text.String()), "\n") {
				if l == "" || strings.HasPrefix(l, "[Input note: ") {
					continue // input notes are printed whatever the filter
				}
				shown++
				n, err := strconv.Atoi(strings.Fields(l)[0])
				require.NoError(t, err, l)
				if !skip[n] {
					got[n] = true
				}
			}
			assert.Equal(t, st.Frames, shown)
			assert.Equal(t, want, got, "frames matching %q: tshark vs icmplab", expr)
			t.Logf("%q: %d frames", expr, len(got))
		})
	}
}
