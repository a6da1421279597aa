//go:build !js

package capture

import (
	"os"
	"path/filepath"
	"testing"
)

// corpusDirs are where the shared capture corpus may be: the workplace's
// shared folder, or a copy of it beside the repository's clone (CI).
var corpusDirs = []string{"/work/shared/corpus", "../../../shared/corpus"}

// Every capture of the shared corpus reads as pcapgo reads it. The corpus is
// not part of the repository, so the test is skipped where it is absent.
func TestCorpusAgainstPcapgo(t *testing.T) {
	var files []string
	for _, d := range corpusDirs {
		files, _ = filepath.Glob(filepath.Join(d, "*.pcap*"))
		var caps []string
		for _, f := range files {
			if ext := filepath.Ext(f); ext == ".pcap" || ext == ".pcapng" || ext == ".gz" {
				caps = append(caps, f)
			}
		}
		if files = caps; len(files) > 0 {
			break
		}
	}
	if len(files) == 0 {
		t.Skip("no capture corpus found in", corpusDirs)
	}
	total := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		total += compareWithPcapgo(t, filepath.Base(f), b)
	}
	t.Logf("%d captures, %d packets compared with pcapgo", len(files), total)
	if total == 0 {
		t.Error("no packet compared")
	}
}
