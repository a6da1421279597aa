package capture

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

// oracle reads a capture with gopacket's pcapgo, the reader this package
// replaces in the browser.
type oracle interface {
	ReadPacketData() ([]byte, gopacket.CaptureInfo, error)
}

func openOracle(t testing.TB, b []byte) (oracle, func(gopacket.CaptureInfo) uint8) {
	t.Helper()
	r := io.Reader(bytes.NewReader(b))
	if len(b) > 2 && b[0] == 0x1f && b[1] == 0x8b {
		zr, err := gzip.NewReader(r)
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	}
	full, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	if len(full) >= 4 && string(full[:4]) == "\x0a\x0d\x0d\x0a" {
		ng, err := pcapgo.NewNgReader(bytes.NewReader(full), pcapgo.NgReaderOptions{WantMixedLinkType: true})
		if err != nil {
			t.Fatalf("pcapgo.NewNgReader: %v", err)
		}
		return ng, func(ci gopacket.CaptureInfo) uint8 { return uint8(ci.AncillaryData[0].(layers.LinkType)) }
	}
	pr, err := pcapgo.NewReader(bytes.NewReader(full))
	if err != nil {
		t.Fatalf("pcapgo.NewReader: %v", err)
	}
	return pr, func(gopacket.CaptureInfo) uint8 { return uint8(pr.LinkType()) }
}

// compareWithPcapgo reads b with this package and with pcapgo and compares
// every packet: bytes, lengths, time, link type, interface. pcapgo's
// LinkType is a uint8 in gopacket v1.1.19, so link types compare modulo 256.
// Where pcapgo stops with an error this reader is allowed to go on (it
// accepts captured lengths over the snap length, as tcpdump and Wireshark
// do), and the difference is logged.
func compareWithPcapgo(t *testing.T, name string, b []byte) int {
	t.Helper()
	ours, err := NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: NewReader: %v", name, err)
	}
	or, link := openOracle(t, b)
	n := 0
	for {
		data, ci, oerr := or.ReadPacketData()
		p, err := ours.Next()
		if oerr != nil {
			if oerr == io.EOF && err != io.EOF {
				t.Errorf("%s: pcapgo ends after %d packets; this reader gives packet %d, err %v", name, n, p.Index, err)
			}
			if oerr != io.EOF {
				t.Logf("%s: pcapgo stops after %d packets: %v; this reader: %v", name, n, oerr, err)
			}
			return n
		}
		if err != nil {
			t.Errorf("%s: packet %d: pcapgo reads it, this reader says %v", name, n+1, err)
			return n
		}
		n++
		if p.Index != n || !bytes.Equal(p.Data, data) || p.CapLen != ci.CaptureLength || p.OrigLen != ci.Length ||
			!p.Time.Equal(ci.Timestamp) || p.Interface != ci.InterfaceIndex || uint8(p.LinkType) != link(ci) {
			t.Errorf("%s: packet %d differs:\n ours   index %d caplen %d len %d time %v iface %d link %v\n pcapgo caplen %d len %d time %v iface %d link %d",
				name, n, p.Index, p.CapLen, p.OrigLen, p.Time, p.Interface, p.LinkType,
				ci.CaptureLength, ci.Length, ci.Timestamp, ci.InterfaceIndex, link(ci))
		}
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Every capture in testdata reads as pcapgo reads it.
func TestTestdataAgainstPcapgo(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "*.pcap*"))
	if len(files) < 8 {
		t.Fatalf("only %d captures in testdata", len(files))
	}
	for _, f := range files {
		name := filepath.Base(f)
		if strings.Contains(name, "modified") {
			continue // pcapgo does not read modified pcap; see TestModifiedPcap
		}
		t.Run(name, func(t *testing.T) {
			if n := compareWithPcapgo(t, name, readTestdata(t, name)); n < 4 {
				t.Errorf("%s: only %d packets compared", name, n)
			}
		})
	}
}

func readAll(t testing.TB, b []byte) ([]Packet, *Reader, error) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, nil, err
	}
	var out []Packet
	for {
		p, err := r.Next()
		if err != nil {
			if errors.Is(err, io.EOF) {
				err = nil
			}
			return out, r, err
		}
		p.Data = append([]byte(nil), p.Data...)
		out = append(out, p)
	}
}
