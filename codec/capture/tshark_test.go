//go:build !js

package capture

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"icmplab/internal/testenv"
)

// tshark reads what NgWriter writes, with the same lengths and times.
func TestNgWriterTshark(t *testing.T) {
	tshark := testenv.RequireTool(t, "tshark", "tshark")
	src, file := writePings(t)
	path := filepath.Join(t.TempDir(), "out.pcapng")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tshark, "-r", path, "-T", "fields", "-e", "frame.len", "-e", "frame.cap_len", "-e", "frame.time_epoch", "-e", "frame.encap_type").Output()
	if err != nil {
		t.Fatalf("tshark: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(src) {
		t.Fatalf("tshark read %d packets, want %d:\n%s", len(lines), len(src), out)
	}
	for i, l := range lines {
		f := strings.Split(l, "\t")
		p := src[i]
		want := []string{strconv.Itoa(p.OrigLen), strconv.Itoa(p.CapLen), strconv.FormatInt(p.Time.Unix(), 10) + "." + pad9(p.Time.Nanosecond()), "1"}
		if strings.Join(f, "|") != strings.Join(want, "|") {
			t.Errorf("packet %d: tshark says %q, want %q", i+1, f, want)
		}
	}
}

func pad9(ns int) string {
	s := strconv.Itoa(ns)
	return strings.Repeat("0", 9-len(s)) + s
}
