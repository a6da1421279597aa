package decode

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"icmplab/codec/dissect"
	"icmplab/codec/textdump"
)

// A time exceeded from 198.18.0.1 quoting a UDP probe to 198.18.1.9 port
// 33435 with TTL 1, as raw IPv4 (tcpdump -x style has no link header).
const timeExceededHex = `
4500 0038 0000 0000 4001 ee9d c612 0001 c612 0002
0b00 d613 0000 0000
4500 0024 0001 0000 0111 2c99 c612 0002 c612 0109
9c40 829b 0010 0000`

func run(t *testing.T, src Source, f Format) (string, Stats) {
	t.Helper()
	var out bytes.Buffer
	st, err := Run(src, &out, Options{Format: f})
	if err != nil {
		t.Fatal(err)
	}
	return out.String(), st
}

func TestTextInputEveryFormat(t *testing.T) {
	src, err := OpenText(timeExceededHex, Options{})
	if err != nil {
		t.Fatal(err)
	}
	line, st := run(t, src, FormatText)
	if st.Frames != 1 || st.ICMP != 1 || st.WithErrors != 0 {
		t.Fatalf("stats %+v", st)
	}
	for _, want := range []string{"198.18.0.1 → 198.18.0.2", "ICMP 56", "Time Exceeded", "UDP 40000 → 33435"} {
		if !strings.Contains(line, want) {
			t.Errorf("text line %q lacks %q", line, want)
		}
	}
	src, _ = OpenText(timeExceededHex, Options{})
	tree, _ := run(t, src, FormatTree)
	for _, want := range []string{"Internet Protocol Version 4", "Quoted datagram: 28 bytes  [bytes 28-55]", "Destination Port: 33435  [bytes 50-51]",
		"In plain words: your UDP probe to 198.18.1.9 port 33435 expired at 198.18.0.1; the quote shows TTL 1"} {
		if !strings.Contains(tree, want) {
			t.Errorf("tree lacks %q:\n%s", want, tree)
		}
	}
	src, _ = OpenText(timeExceededHex, Options{})
	js, _ := run(t, src, FormatJSONL)
	var rec map[string]any
	if err := json.Unmarshal([]byte(js), &rec); err != nil {
		t.Fatalf("jsonl %q: %v", js, err)
	}
	icmp := rec["icmp"].(map[string]any)
	q := icmp["quoted"].(map[string]any)
	if rec["frame"].(float64) != 1 || rec["time"] != nil || icmp["type"].(float64) != 11 || icmp["checksum_ok"] != true ||
		q["dport"].(float64) != 33435 || q["dst"] != "198.18.1.9" {
		t.Errorf("record %s", js)
	}
}

// The same bytes pasted in other dialects decode to the same frame.
func TestDialectsAgree(t *testing.T) {
	raw := seed(t)
	var lines []string
	for _, d := range []textdump.Dialect{textdump.TcpdumpX, textdump.XXD, textdump.Base64, textdump.CArray} {
		src, err := OpenText(textdump.Format(d, raw), Options{})
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		line, st := run(t, src, FormatText)
		if st.Frames != 1 {
			t.Fatalf("%s: %d frames", d, st.Frames)
		}
		lines = append(lines, line)
	}
	for i := 1; i < len(lines); i++ {
		if lines[i] != lines[0] {
			t.Errorf("dialects disagree:\n%s%s", lines[0], lines[i])
		}
	}
}

func seed(t *testing.T) []byte {
	res, err := textdump.Parse(timeExceededHex, textdump.Options{})
	if err != nil || len(res.Packets) != 1 {
		t.Fatalf("%v %d", err, len(res.Packets))
	}
	return res.Packets[0].Data
}

func TestSeveralPacketsInTextAreSeveralFrames(t *testing.T) {
	raw := seed(t)
	text := textdump.Format(textdump.TcpdumpX, raw, raw, raw)
	src, err := Open(strings.NewReader(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, st := run(t, src, FormatText)
	if st.Frames != 3 || strings.Count(out, "\n") != 3 {
		t.Fatalf("%d frames:\n%s", st.Frames, out)
	}
}

func TestCaptureInputPlainAndGzip(t *testing.T) {
	b, err := os.ReadFile("../../codec/dissect/testdata/built_mpls_legacy.pcap")
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(b)
	zw.Close()
	for name, in := range map[string][]byte{"pcap": b, "gzip": gz.Bytes()} {
		src, err := Open(bytes.NewReader(in), Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out, st := run(t, src, FormatJSONL)
		if st.Frames != 1 || !strings.Contains(out, `"layout":"legacy"`) || !strings.Contains(out, `"entries":[{"label":16004`) {
			t.Errorf("%s: %s", name, out)
		}
		if !strings.Contains(src.Describe(), "pcap") {
			t.Errorf("%s: described as %q", name, src.Describe())
		}
	}
}

func TestMalformedAndUnreadableInputs(t *testing.T) {
	src, err := OpenText("4500 0054 0000 0000 4001 0000 c612 0001 c612 0002 0800", Options{Layer: dissect.LayerIPv4})
	if err != nil {
		t.Fatal(err)
	}
	if _, st := run(t, src, FormatText); st.WithErrors != 1 {
		t.Errorf("truncated datagram: %+v", st)
	}
	var ie *InputError
	if _, err := OpenText("   ", Options{}); !errors.As(err, &ie) {
		t.Errorf("empty input: %v", err)
	}
	if _, err := OpenText("this is not hex at all", Options{}); !errors.As(err, &ie) {
		t.Errorf("prose: %v", err)
	}
	// A pcap header alone is a capture with no frames; a cut header is unreadable.
	b, _ := os.ReadFile("../../codec/dissect/testdata/built_echo.pcap")
	if _, err := Open(bytes.NewReader(b[:10]), Options{}); !errors.As(err, &ie) {
		t.Errorf("cut pcap header: %v", err)
	}
}
