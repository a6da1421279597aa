package capture

import (
	"bytes"
	"sync"
	"testing"
	"time"

	"github.com/google/gopacket/pcapgo"
)

// writePings copies testdata/pings.pcap into a pcapng made by NgWriter.
func writePings(t testing.TB) ([]Packet, []byte) {
	t.Helper()
	src, _, err := readAll(t, readTestdata(t, "pings.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	w, err := NewNgWriter(&out, LinkEthernet)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range src {
		if err := w.WritePacket(p.Time, p.Data, p.OrigLen); err != nil {
			t.Fatal(err)
		}
	}
	return src, out.Bytes()
}

// What NgWriter writes, this reader and pcapgo read back unchanged.
func TestNgWriterRoundTrip(t *testing.T) {
	src, file := writePings(t)
	got, r, err := readAll(t, file)
	if err != nil {
		t.Fatal(err)
	}
	if r.Format() != FormatPcapNG || len(got) != len(src) {
		t.Fatalf("%v with %d packets, want pcapng with %d", r.Format(), len(got), len(src))
	}
	for i := range src {
		if !bytes.Equal(got[i].Data, src[i].Data) || !got[i].Time.Equal(src[i].Time) || got[i].OrigLen != src[i].OrigLen || got[i].LinkType != LinkEthernet {
			t.Errorf("packet %d: %+v, want %+v", i+1, got[i], src[i])
		}
	}
	if n := compareWithPcapgo(t, "NgWriter output", file); n != len(src) {
		t.Errorf("pcapgo compared %d packets, want %d", n, len(src))
	}
	// Odd lengths are padded, nanoseconds are kept.
	var b bytes.Buffer
	w, _ := NewNgWriter(&b, LinkRaw)
	when := time.Unix(1_700_000_000, 123_456_789)
	if err := w.WritePacket(when, []byte{0x45, 1, 2}, 1500); err != nil {
		t.Fatal(err)
	}
	got, _, err = readAll(t, b.Bytes())
	if err != nil || len(got) != 1 || !got[0].Time.Equal(when) || got[0].OrigLen != 1500 || len(got[0].Data) != 3 || got[0].LinkType != LinkRaw {
		t.Errorf("odd packet: %v %+v", err, got)
	}
	if err := w.WritePacket(when, []byte{1, 2}, 1); err == nil {
		t.Error("original length below the captured length accepted")
	}
	if err := w.WritePacket(time.Unix(-5, 0), nil, 0); err == nil {
		t.Error("time before 1970 accepted")
	}
}

// BenchmarkRead compares this reader with pcapgo over a generated pcapng of
// 100,000 ICMP echo packets, both reading from memory without copying each
// packet.
func BenchmarkRead(b *testing.B) {
	data := benchCapture(b)
	b.Run("icmplab", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			r, err := NewReader(bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			k := 0
			for {
				if _, err := r.Next(); err != nil {
					break
				}
				k++
			}
			if k != benchPackets {
				b.Fatalf("%d packets", k)
			}
		}
	})
	b.Run("pcapgo", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			// ZeroCopyReadPacketData, like Next, reuses one buffer.
			r, err := pcapgo.NewNgReader(bytes.NewReader(data), pcapgo.NgReaderOptions{})
			if err != nil {
				b.Fatal(err)
			}
			k := 0
			for {
				if _, _, err := r.ZeroCopyReadPacketData(); err != nil {
					break
				}
				k++
			}
			if k != benchPackets {
				b.Fatalf("%d packets", k)
			}
		}
	})
}

const benchPackets = 100_000

var (
	benchOnce sync.Once
	benchData []byte
)

// benchCapture builds the benchmark's capture once per process, so that
// neither sub-benchmark pays for building it (or for its garbage).
func benchCapture(tb testing.TB) []byte {
	benchOnce.Do(func() {
		var file bytes.Buffer
		w, err := NewNgWriter(&file, LinkEthernet)
		if err != nil {
			tb.Fatal(err)
		}
		frame := readTestdata(tb, "pings.pcap")[40:138] // the first 98-byte echo request frame
		start := time.Unix(1_700_000_000, 0)
		for i := range benchPackets {
			if err := w.WritePacket(start.Add(time.Duration(i)*time.Millisecond), frame, len(frame)); err != nil {
				tb.Fatal(err)
			}
		}
		benchData = file.Bytes()
	})
	return benchData
}
