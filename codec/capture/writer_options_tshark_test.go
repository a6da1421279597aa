//go:build !js

package capture

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"icmplab/internal/testenv"
)

// Wireshark's tools read the options: tshark the interface's, capinfos the
// section's (tshark prints no section options).
func TestNgWriterOptionsTshark(t *testing.T) {
	tools := map[string]string{}
	for _, name := range []string{"tshark", "capinfos"} {
		tools[name] = testenv.RequireTool(t, name, "tshark")
	}
	pkts, _, file := writeWithOptions(t)
	path := filepath.Join(t.TempDir(), "opts.pcapng")
	if err := os.WriteFile(path, file, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tools["tshark"], "-r", path, "-T", "fields", "-E", "separator=|",
		"-e", "frame.interface_name", "-e", "frame.interface_description", "-e", "ip.src").Output()
	if err != nil {
		t.Fatalf("tshark: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	want := []string{
		fullOptions.IfName + "|" + fullOptions.IfDescription + "|198.18.1.1",
		fullOptions.IfName + "|" + fullOptions.IfDescription + "|198.18.3.2",
	}
	if len(lines) != len(pkts) {
		t.Fatalf("tshark read %d packets, want %d:\n%s", len(lines), len(pkts), out)
	}
	for i, l := range lines {
		if l != want[i] {
			t.Errorf("tshark packet %d: %q, want %q", i+1, l, want[i])
		}
	}
	info, err := exec.Command(tools["capinfos"], path).CombinedOutput()
	if err != nil {
		t.Fatalf("capinfos: %v\n%s", err, info)
	}
	for _, w := range []string{
		"Capture comment:     " + strings.Split(fullOptions.Comment, "\n")[0],
		"Capture hardware:    " + fullOptions.Hardware,
		"Capture oper-sys:    " + fullOptions.OS,
		"Capture application: " + fullOptions.Application,
		"Name = " + fullOptions.IfName,
		"Description = " + fullOptions.IfDescription,
		"Operating system = " + fullOptions.IfOS,
	} {
		if !strings.Contains(string(info), w) {
			t.Errorf("capinfos does not say %q:\n%s", w, info)
		}
	}
}
