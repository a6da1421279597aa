//go:build !js

package textdump

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"icmplab/internal/testenv"
)

// needTool finds a Wireshark tool, skipping the test without it (failing
// when CI=true, where .ci/run installs tshark and its companions).
func needTool(t *testing.T, name string) string {
	t.Helper()
	return testenv.RequireTool(t, name, "tshark")
}

// What "copy as" gives must work in the tools people paste it into:
// Wireshark's K12 text reader (here through editcap) and text2pcap, which
// reads od -Ax -tx1 -v.
func TestFormatReadByWiresharkTools(t *testing.T) {
	caps := readPings(t)
	var pkts [][]byte
	for _, c := range caps {
		pkts = append(pkts, c.data)
	}
	dir := t.TempDir()
	cases := []struct {
		dialect Dialect
		cmd     func(in, out string) *exec.Cmd
	}{
		{K12Text, func(in, out string) *exec.Cmd {
			return exec.Command(needTool(t, "editcap"), "-T", "ether", "-F", "pcap", in, out)
		}},
		{OD, func(in, out string) *exec.Cmd {
			return exec.Command(needTool(t, "text2pcap"), "-q", "-F", "pcap", in, out)
		}},
	}
	for i, c := range cases {
		in := filepath.Join(dir, "in"+string(rune('a'+i))+".txt")
		out := filepath.Join(dir, "out"+string(rune('a'+i))+".pcap")
		if err := os.WriteFile(in, []byte(Format(c.dialect, pkts...)), 0o644); err != nil {
			t.Fatal(err)
		}
		if msg, err := c.cmd(in, out).CombinedOutput(); err != nil {
			t.Fatalf("%v: %v\n%s", c.dialect, err, msg)
		}
		got := readPcap(t, out)
		if len(got) != len(pkts) {
			t.Fatalf("%v: the tool read %d packets, want %d", c.dialect, len(got), len(pkts))
		}
		for k := range pkts {
			if !bytes.Equal(got[k].data, pkts[k]) {
				t.Errorf("%v packet %d: the tool read\n%x\nwant\n%x", c.dialect, k+1, got[k].data, pkts[k])
			}
		}
	}
}
