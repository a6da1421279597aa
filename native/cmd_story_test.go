package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStoryCommand runs `icmplab story` on a recorded traceroute: text in
// traceroute's layout, --json one object per exchange, exit 0; nothing for a
// capture without exchanges; exit 2 with the reason for unreadable input.
func TestStoryCommand(t *testing.T) {
	capture := filepath.Join("story", "testdata", "traceroute_udp4.pcap")
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"story", capture}, &out, &errb), errb.String())
	assert.Contains(t, out.String(), "traceroute to 198.18.3.2 (198.18.3.2)")
	assert.Regexp(t, `(?m)^ 1  198\.18\.1\.2  \d+\.\d{3} ms  \d+\.\d{3} ms  \d+\.\d{3} ms$`, out.String())

	out.Reset()
	require.Equal(t, 0, run([]string{"story", "--json", capture}, &out, &errb), errb.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 1)
	var obj map[string]any
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &obj))
	assert.Equal(t, "trace", obj["kind"])
	assert.Equal(t, true, obj["reached"])

	// A capture holding only an unrelated packet: no story, exit 0.
	out.Reset()
	require.Equal(t, 0, run([]string{"story", "--hex", "4500001c000100004011ee75c6120001c6120035d6d8003500080000"}, &out, &errb), errb.String())
	assert.Empty(t, out.String())

	// Unreadable: a pcap cut inside its header, and a missing file.
	bad := filepath.Join(t.TempDir(), "bad.pcap")
	require.NoError(t, os.WriteFile(bad, []byte{0xd4, 0xc3, 0xb2, 0xa1, 2, 0}, 0o644))
	errb.Reset()
	assert.Equal(t, 2, run([]string{"story", bad}, &out, &errb))
	assert.Contains(t, errb.String(), "icmplab story:")
	errb.Reset()
	assert.Equal(t, 2, run([]string{"story", filepath.Join(t.TempDir(), "none.pcap")}, &out, &errb))
	assert.Contains(t, errb.String(), "no such file")
}
