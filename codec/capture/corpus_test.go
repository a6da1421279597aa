//go:build !js

package capture

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"icmplab/internal/testenv"
)

// corpusFiles lists the captures of the shared corpus (not part of the
// repository): skipped without it, failed under CI=true.
func corpusFiles(t *testing.T) []string {
	dir := testenv.RequireShared(t)
	all, _ := filepath.Glob(filepath.Join(dir, "*.pcap*"))
	var files []string
	for _, f := range all {
		if ext := filepath.Ext(f); ext == ".pcap" || ext == ".pcapng" || ext == ".gz" {
			files = append(files, f)
		}
	}
	require.NotEmpty(t, files, "no captures in %s", dir)
	return files
}

// Every capture of the shared corpus reads as pcapgo reads it.
func TestCorpusAgainstPcapgo(t *testing.T) {
	files := corpusFiles(t)
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

// The corpus carries tshark's own reading of each capture's ICMP frames
// (F.tshark.json, see the corpus's SOURCES.md): frame number, length on the
// wire and captured length. It is a second oracle, and the only one for the
// captures pcapgo refuses (captured lengths over the snap length).
func TestCorpusAgainstTsharkOracle(t *testing.T) {
	files := corpusFiles(t)
	checked := 0
	for _, f := range files {
		raw, err := os.ReadFile(f + ".tshark.json")
		if err != nil {
			continue
		}
		var frames []struct {
			Source struct {
				Layers map[string][]string `json:"layers"`
			} `json:"_source"`
		}
		if err := json.Unmarshal(raw, &frames); err != nil {
			t.Fatalf("%s.tshark.json: %v", f, err)
		}
		want := map[int][2]int{}
		for _, fr := range frames {
			l := fr.Source.Layers
			num, _ := strconv.Atoi(first(l["frame.number"]))
			n, _ := strconv.Atoi(first(l["frame.len"]))
			c, _ := strconv.Atoi(first(l["frame.cap_len"]))
			want[num] = [2]int{n, c}
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := NewReader(bytes.NewReader(b))
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
			continue
		}
		found := 0
		for {
			p, err := r.Next()
			if err != nil {
				break
			}
			if w, ok := want[p.Index]; ok {
				found++
				if p.OrigLen != w[0] || p.CapLen != w[1] {
					t.Errorf("%s frame %d: length %d, captured %d; tshark says %d, %d", filepath.Base(f), p.Index, p.OrigLen, p.CapLen, w[0], w[1])
				}
			}
		}
		if found != len(want) {
			t.Errorf("%s: %d of tshark's %d ICMP frames found", filepath.Base(f), found, len(want))
		}
		checked += found
	}
	t.Logf("%d frames checked against tshark's oracle", checked)
	if checked == 0 {
		t.Error("no frame checked")
	}
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}
