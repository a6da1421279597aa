package capture

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket/pcapgo"
)

// fullOptions sets every option, with lengths that need 0 to 3 bytes of
// padding and a comment spanning lines and scripts, as a user's would.
var fullOptions = NgWriterOptions{
	Comment:       "probes sent by icmplab; IP headers rebuilt\nsecond line, ünïcode ✓",
	Hardware:      "amd64",
	OS:            "linux",
	Application:   "icmplab test",
	IfName:        "icmplab0",
	IfDescription: "ICMP of one prober, raw IP",
	IfOS:          "lin",
}

// writeWithOptions writes two raw-IP packets behind fullOptions.
func writeWithOptions(t *testing.T) (pkts [][]byte, times []time.Time, file []byte) {
	t.Helper()
	var out bytes.Buffer
	w, err := NewNgWriterOptions(&out, LinkRaw, fullOptions)
	if err != nil {
		t.Fatal(err)
	}
	pkts = [][]byte{
		mustHex(t, "4500 001c 0001 0000 4001 0000 c612 0101 c612 0302 0800 f7fe 0001 0000"),
		mustHex(t, "4500 001d 0002 0000 3e01 0000 c612 0302 c612 0101 0000 fffe 0001 0000 ff"),
	}
	t0 := time.Unix(1_700_000_000, 987_654_321)
	times = []time.Time{t0, t0.Add(1500 * time.Microsecond)}
	for i, p := range pkts {
		if err := w.WritePacket(times[i], p, len(p)); err != nil {
			t.Fatal(err)
		}
	}
	return pkts, times, out.Bytes()
}

// mustHex decodes spaced hex, as tcpdump -x prints it.
func mustHex(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pcapgo reads every option back, and the packets after them unchanged.
func TestNgWriterOptionsPcapgo(t *testing.T) {
	pkts, times, file := writeWithOptions(t)
	r, err := pcapgo.NewNgReader(bytes.NewReader(file), pcapgo.DefaultNgReaderOptions)
	if err != nil {
		t.Fatal(err)
	}
	si := r.SectionInfo()
	if si.Comment != fullOptions.Comment || si.Hardware != fullOptions.Hardware || si.OS != fullOptions.OS || si.Application != fullOptions.Application {
		t.Errorf("section %+v, want the options written", si)
	}
	ifc, err := r.Interface(0)
	if err != nil {
		t.Fatal(err)
	}
	if ifc.Name != fullOptions.IfName || ifc.Description != fullOptions.IfDescription || ifc.OS != fullOptions.IfOS {
		t.Errorf("interface %+v, want the options written", ifc)
	}
	if ifc.TimestampResolution != 9 || int(ifc.LinkType) != int(LinkRaw) {
		t.Errorf("interface resolution %v link %v, want 9 and raw IP", ifc.TimestampResolution, ifc.LinkType)
	}
	for i := range pkts {
		data, ci, err := r.ReadPacketData()
		if err != nil {
			t.Fatalf("packet %d: %v", i+1, err)
		}
		if !bytes.Equal(data, pkts[i]) || !ci.Timestamp.Equal(times[i]) {
			t.Errorf("packet %d: %x at %v, want %x at %v", i+1, data, ci.Timestamp, pkts[i], times[i])
		}
	}
	// The package's own reader agrees, packet for packet.
	if n := compareWithPcapgo(t, "NgWriter output with options", file); n != len(pkts) {
		t.Errorf("compared %d packets, want %d", n, len(pkts))
	}
	rr, err := NewReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rr.Next(); err != nil {
		t.Fatal(err)
	}
	if ifs := rr.Interfaces(); len(ifs) != 1 || ifs[0].Name != fullOptions.IfName || ifs[0].Resolution != 9 {
		t.Errorf("reader's interfaces %+v", ifs)
	}
}

// Without options the section still names icmplab, as NewNgWriter's does,
// and both constructors write the same bytes.
func TestNgWriterOptionsDefault(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := NewNgWriter(&a, LinkEthernet); err != nil {
		t.Fatal(err)
	}
	if _, err := NewNgWriterOptions(&b, LinkEthernet, NgWriterOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Errorf("NewNgWriter wrote %x, NewNgWriterOptions with none %x", a.Bytes(), b.Bytes())
	}
	r, err := pcapgo.NewNgReader(bytes.NewReader(a.Bytes()), pcapgo.DefaultNgReaderOptions)
	if err != nil {
		t.Fatal(err)
	}
	if si := r.SectionInfo(); si.Application != "icmplab" || si.Comment != "" || si.OS != "" {
		t.Errorf("section %+v, want only the application", si)
	}
	if ifc, _ := r.Interface(0); ifc.Name != "" || ifc.Description != "" {
		t.Errorf("interface %+v, want no name or description", ifc)
	}
}

// Values pcapng cannot carry are refused before anything is written.
func TestNgWriterOptionsRefused(t *testing.T) {
	for name, o := range map[string]NgWriterOptions{
		"comment too long":   {Comment: strings.Repeat("x", 0x10000)},
		"if_name not UTF-8":  {IfName: "eth\xff"},
		"shb_os not UTF-8":   {OS: "\xc3"},
		"description 64 KiB": {IfDescription: strings.Repeat("é", 0x8000)},
	} {
		var out bytes.Buffer
		w, err := NewNgWriterOptions(&out, LinkRaw, o)
		if !errors.Is(err, ErrOptionValue) || w != nil || out.Len() != 0 {
			t.Errorf("%s: writer %v, error %v, %d bytes written; want ErrOptionValue and nothing written", name, w, err, out.Len())
		}
	}
	// The longest value an option holds is written; this package's reader
	// skips past it to the interface (capinfos prints it whole).
	var out bytes.Buffer
	long := strings.Repeat("y", 0xffff)
	if _, err := NewNgWriterOptions(&out, LinkRaw, NgWriterOptions{Comment: long, IfName: "x"}); err != nil {
		t.Fatal(err)
	}
	rr, err := NewReader(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rr.Next(); err == nil {
		t.Error("a packet read from a file that has none")
	}
	if ifs := rr.Interfaces(); len(ifs) != 1 || ifs[0].Name != "x" {
		t.Errorf("after a 65535-byte comment the reader found interfaces %+v", ifs)
	}
	// pcapgo adds an option's length and padding in 16 bits, so it reads
	// values up to 65532 bytes only: check it at that length.
	out.Reset()
	long = long[:0xfffc]
	if _, err := NewNgWriterOptions(&out, LinkRaw, NgWriterOptions{Comment: long}); err != nil {
		t.Fatal(err)
	}
	r, err := pcapgo.NewNgReader(bytes.NewReader(out.Bytes()), pcapgo.DefaultNgReaderOptions)
	if err != nil {
		t.Fatal(err)
	}
	if got := r.SectionInfo().Comment; got != long {
		t.Errorf("comment of %d bytes read back as %d bytes", len(long), len(got))
	}
}
