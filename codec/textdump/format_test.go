package textdump

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Format prints what the tools print: compared with their real output in
// testdata, less the header lines only a tool can write.
func TestFormatMatchesTools(t *testing.T) {
	caps := readPings(t)
	var frames [][]byte
	for _, c := range caps {
		frames = append(frames, c.data)
	}
	p1, _ := os.ReadFile(filepath.Join("testdata", "pkt1.bin"))
	p2, _ := os.ReadFile(filepath.Join("testdata", "pkt2.bin"))
	dataLines := func(s string) string { // tcpdump's text without its header lines
		var out []string
		for _, l := range strings.SplitAfter(s, "\n") {
			if strings.HasPrefix(l, "\t0x") {
				out = append(out, l)
			}
		}
		return strings.Join(out, "")
	}
	cases := []struct {
		file string
		got  string
		fix  func(string) string
	}{
		{"xxd.txt", Format(XXD, p1), nil},
		{"xxd-g1.txt", Format(XXDBytes, p1), nil},
		{"xxd-p.txt", Format(XXDPlain, p1), nil},
		{"hexdump-C.txt", Format(HexdumpC, p2), nil},
		{"od-v.txt", Format(OD, p2), nil},
		{"hexdump.txt", Format(HexdumpWords, p1), nil},
		{"base64.txt", Format(Base64, p2), nil},
		{"tcpdump-XX.txt", Format(TcpdumpXXASCII, frames...), dataLines},
		{"tcpdump-xx.txt", Format(TcpdumpXX, frames...), dataLines},
		{"tshark-x.txt", Format(WiresharkHexDump, frames...) + "\n", nil},
	}
	for _, c := range cases {
		want := readFile(t, c.file)
		if c.fix != nil {
			want = c.fix(want)
		}
		if c.got != want {
			t.Errorf("Format for %s:\n got:\n%s\nwant:\n%s", c.file, c.got, want)
		}
	}
}

// roundTrip checks the property FuzzParse checks: whatever Format prints,
// Parse reads back, in the dialect named and when detecting it.
func roundTrip(t *testing.T, packets ...[]byte) {
	var want [][]byte
	for _, p := range packets {
		if len(p) > 0 {
			want = append(want, p)
		}
	}
	for _, d := range Dialects() {
		text := Format(d, packets...)
		if len(want) == 0 {
			if text != "" {
				t.Fatalf("Format(%v) of nothing = %q", d, text)
			}
			continue
		}
		for _, opt := range []Options{{Dialect: d}, {}} {
			res, err := Parse(text, opt)
			if opt.Dialect == Auto && d == Base64 && strings.Trim(text, "0123456789abcdefABCDEF\n") == "" {
				continue // base64 that is all hex digits reads as hex: the one ambiguity
			}
			if err != nil {
				t.Fatalf("Format(%v) then Parse(%v): %v\n%s", d, opt.Dialect, err, text)
			}
			if len(res.Packets) != len(want) {
				t.Fatalf("Format(%v) then Parse(%v): %d packets, want %d\n%s", d, opt.Dialect, len(res.Packets), len(want), text)
			}
			for i := range want {
				if !bytes.Equal(res.Packets[i].Data, want[i]) {
					t.Fatalf("Format(%v) then Parse(%v) packet %d:\n got %x\nwant %x\n%s", d, opt.Dialect, i+1, res.Packets[i].Data, want[i], text)
				}
			}
		}
	}
}

func TestFormatRoundTrip(t *testing.T) {
	caps := readPings(t)
	zeros := make([]byte, 100)
	roundTrip(t, caps[0].data, caps[1].data)
	roundTrip(t, zeros)
	roundTrip(t, []byte{0x45})
	roundTrip(t, []byte("{}[]byte{fromhex(b'x'"), nil, []byte{0})
	roundTrip(t, bytes.Repeat([]byte{0xde, 0xad}, 16), caps[2].data)
}

func FuzzParse(f *testing.F) {
	entries, _ := os.ReadDir("testdata")
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".txt") {
			b, _ := os.ReadFile(filepath.Join("testdata", e.Name()))
			f.Add(string(b), b[:min(len(b), 64)], uint8(len(b)))
		}
	}
	f.Fuzz(func(t *testing.T, text string, data []byte, cut uint8) {
		for _, d := range append([]Dialect{Auto}, Dialects()...) {
			res, err := Parse(text, Options{Dialect: d, MaxBytes: 1 << 20})
			if err != nil {
				continue
			}
			if len(res.Packets) == 0 {
				t.Fatalf("Parse(%v) gave no packets and no error", d)
			}
			for _, p := range res.Packets {
				if len(p.Data) == 0 || p.Line < 1 {
					t.Fatalf("Parse(%v): packet %+v", d, p)
				}
			}
		}
		k := int(cut) % (len(data) + 1)
		roundTrip(t, data[:k], data[k:])
	})
}

// BenchmarkParse reads 1 MB of tcpdump -XX output.
func BenchmarkParse(b *testing.B) {
	one, err := os.ReadFile(filepath.Join("testdata", "tcpdump-XX.txt"))
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.Write(one)
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		res, err := Parse(text, Options{})
		if err != nil || res.Dialect != TcpdumpXXASCII {
			b.Fatal(err, res.Dialect)
		}
	}
}
