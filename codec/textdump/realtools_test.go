package textdump

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
)

// capturedPacket is one record of testdata/pings.pcap, the capture every
// text file in testdata was printed from (see testdata/gen.sh).
type capturedPacket struct {
	data []byte
	time time.Time
}

// readPings reads testdata/pings.pcap.
func readPings(t *testing.T) []capturedPacket {
	t.Helper()
	return readPcap(t, filepath.Join("testdata", "pings.pcap"))
}

// readPcap reads a little-endian microsecond pcap, as tcpdump -w and
// editcap -F pcap write it, by hand, so that this package's tests need no
// capture reader and run under GOOS=js.
func readPcap(t *testing.T, path string) []capturedPacket {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 24 || binary.LittleEndian.Uint32(b) != 0xa1b2c3d4 {
		t.Fatalf("%s: not a little-endian microsecond pcap", path)
	}
	var out []capturedPacket
	for off := 24; off < len(b); {
		if off+16 > len(b) {
			t.Fatalf("%s: truncated record header at %d", path, off)
		}
		sec := binary.LittleEndian.Uint32(b[off:])
		usec := binary.LittleEndian.Uint32(b[off+4:])
		n := int(binary.LittleEndian.Uint32(b[off+8:]))
		off += 16
		if off+n > len(b) {
			t.Fatalf("%s: truncated record at %d", path, off)
		}
		out = append(out, capturedPacket{data: b[off : off+n], time: time.Unix(int64(sec), int64(usec)*1000).UTC()})
		off += n
	}
	return out
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func timeOfDay(t time.Time) time.Time {
	return time.Date(0, 1, 1, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// Each real tool's output over the same capture must give back the
// captured bytes, in the right dialect, with every packet.
func TestRealToolOutput(t *testing.T) {
	caps := readPings(t)
	frames := make([][]byte, len(caps))
	network := make([][]byte, len(caps))
	for i, c := range caps {
		frames[i] = c.data
		network[i] = c.data[14:] // the capture is on a veth: Ethernet
	}
	bin := func(name string) [][]byte {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return [][]byte{b}
	}
	// times: "" none; "tod" time of day; "full" the whole time stamp.
	cases := []struct {
		file    string
		dialect Dialect
		want    [][]byte
		times   string
		headers bool
	}{
		{"tcpdump-x.txt", TcpdumpX, network, "tod", true},
		{"tcpdump-xx.txt", TcpdumpXX, frames, "tod", true},
		{"tcpdump-X.txt", TcpdumpXASCII, network, "tod", true},
		{"tcpdump-XX.txt", TcpdumpXXASCII, frames, "tod", true},
		{"tcpdump-XX-v-tttt.txt", TcpdumpXXASCII, frames, "full", true},
		{"tshark-x.txt", WiresharkHexDump, frames, "", false},
		{"tshark-PVx.txt", WiresharkHexDump, frames, "", true},
		{"k12.txt", K12Text, frames, "tod", true},
		{"xxd.txt", XXD, bin("pkt1.bin"), "", false},
		{"xxd-p.txt", XXDPlain, bin("pkt1.bin"), "", false},
		{"xxd-g1.txt", XXDBytes, bin("pkt1.bin"), "", false},
		{"xxd-i.txt", CArray, bin("pkt1.bin"), "", true},
		{"hexdump-C.txt", HexdumpC, bin("pkt2.bin"), "", false},
		{"hexdump.txt", HexdumpWords, bin("pkt1.bin"), "", false},
		{"hexdump-odd.txt", HexdumpWords, bin("pkt3-97.bin"), "", false},
		{"od.txt", OD, bin("pkt2.bin"), "", false},
		{"od-v.txt", OD, bin("pkt2.bin"), "", false},
		{"od-An.txt", OD, bin("pkt1.bin"), "", false},
		{"od-octal.txt", OD, bin("pkt2.bin"), "", false},
		{"od-x.txt", HexdumpWords, bin("pkt1.bin"), "", false},
		{"base64.txt", Base64, bin("pkt2.bin"), "", false},
		{"base64url.txt", Base64, bin("pkt1.bin"), "", false},
		{"python-repr.txt", PythonBytes, bin("pkt2.bin"), "", false},
		{"python-fromhex.txt", PythonFromHex, bin("pkt1.bin"), "", false},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			text := readFile(t, tc.file)
			for _, forced := range []Dialect{Auto, tc.dialect} {
				res, err := Parse(text, Options{Dialect: forced, StartsAtNetwork: dissect.StartsAtNetwork})
				if err != nil {
					t.Fatalf("Parse(%v): %v", forced, err)
				}
				if res.Dialect != tc.dialect {
					t.Errorf("Parse(%v): dialect %q, want %q", forced, res.Dialect, tc.dialect)
				}
				if len(res.Packets) != len(tc.want) {
					t.Fatalf("Parse(%v): %d packets, want %d", forced, len(res.Packets), len(tc.want))
				}
				lines := strings.Split(text, "\n")
				for i, p := range res.Packets {
					if !bytes.Equal(p.Data, tc.want[i]) {
						t.Errorf("packet %d: bytes differ\n got %x\nwant %x", i+1, p.Data, tc.want[i])
					}
					if p.Line < 1 || p.Line > len(lines) {
						t.Fatalf("packet %d: line %d outside the text", i+1, p.Line)
					}
					if tc.headers {
						first, _, _ := strings.Cut(p.Header, "\n")
						if first == "" || !strings.HasPrefix(strings.TrimSpace(lines[p.Line-1]), first) {
							t.Errorf("packet %d: header %q does not start at its line %d %q", i+1, p.Header, p.Line, lines[p.Line-1])
						}
					} else if p.Header != "" {
						t.Errorf("packet %d: header %q, want none", i+1, p.Header)
					}
					switch tc.times {
					case "tod":
						if want := timeOfDay(caps[i].time); !p.Time.Equal(want) {
							t.Errorf("packet %d: time %v, want %v", i+1, p.Time, want)
						}
					case "full":
						if !p.Time.Equal(caps[i].time) {
							t.Errorf("packet %d: time %v, want %v", i+1, p.Time, caps[i].time)
						}
					default:
						if !p.Time.IsZero() {
							t.Errorf("packet %d: time %v, want none", i+1, p.Time)
						}
					}
				}
			}
		})
	}
}

// Two dumps pasted one after the other are two packets: the offset going
// back to zero, or od/hexdump's closing length line, ends the first.
func TestConcatenatedDumps(t *testing.T) {
	p1, _ := os.ReadFile(filepath.Join("testdata", "pkt1.bin"))
	p2, _ := os.ReadFile(filepath.Join("testdata", "pkt2.bin"))
	for _, c := range []struct {
		a, b    string
		dialect Dialect
		want    [][]byte
	}{
		{"xxd.txt", "xxd.txt", XXD, [][]byte{p1, p1}},
		{"hexdump-C.txt", "hexdump-C.txt", HexdumpC, [][]byte{p2, p2}},
		{"od.txt", "od-v.txt", OD, [][]byte{p2, p2}},
		{"xxd-g1.txt", "xxd-g1.txt", XXDBytes, [][]byte{p1, p1}},
	} {
		res, err := Parse(readFile(t, c.a)+readFile(t, c.b), Options{})
		if err != nil {
			t.Fatalf("%s+%s: %v", c.a, c.b, err)
		}
		if res.Dialect != c.dialect || len(res.Packets) != len(c.want) {
			t.Fatalf("%s+%s: %v with %d packets, want %v with %d", c.a, c.b, res.Dialect, len(res.Packets), c.dialect, len(c.want))
		}
		for i := range c.want {
			if !bytes.Equal(res.Packets[i].Data, c.want[i]) {
				t.Errorf("%s+%s packet %d: got %x", c.a, c.b, i+1, res.Packets[i].Data)
			}
		}
	}
}

// tshark -x prints a reassembled datagram after the frame that completes
// it, as a second data source; that is not a frame. The frame after it has
// no title again, and must not be skipped with the reassembled bytes.
func TestTsharkDataSources(t *testing.T) {
	frames := readPcap(t, filepath.Join("testdata", "frag.pcap"))
	res, err := Parse(readFile(t, "tshark-x-reassembled.txt"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Dialect != WiresharkHexDump || len(res.Packets) != len(frames) {
		t.Fatalf("%v with %d packets, want %v with %d", res.Dialect, len(res.Packets), WiresharkHexDump, len(frames))
	}
	titled := 0
	for i, p := range res.Packets {
		if !bytes.Equal(p.Data, frames[i].data) {
			t.Errorf("packet %d: bytes differ", i+1)
		}
		if p.Header != "" {
			titled++
			if want := "Frame (" + strconv.Itoa(len(frames[i].data)) + " bytes):"; p.Header != want {
				t.Errorf("packet %d: header %q, want %q", i+1, p.Header, want)
			}
		}
	}
	if titled == 0 {
		t.Error("no frame had a data-source title: the capture no longer tests them")
	}
}

// Without StartsAtNetwork, textdump cannot tell tcpdump -x from -xx (the
// text is the same) and names both -xx; the bytes are the same either way.
func TestTcpdumpXWithoutLayerHook(t *testing.T) {
	text := readFile(t, "tcpdump-x.txt")
	bare, err := Parse(text, Options{})
	require.NoError(t, err)
	told, err := Parse(text, Options{StartsAtNetwork: dissect.StartsAtNetwork})
	require.NoError(t, err)
	assert.Equal(t, TcpdumpXX, bare.Dialect)
	assert.Equal(t, TcpdumpX, told.Dialect)
	assert.Equal(t, told.Packets, bare.Packets)
}
