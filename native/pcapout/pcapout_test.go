package pcapout

import (
	"bytes"
	"net/netip"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"icmplab/codec"

	"icmplab/internal/testenv"
)

// sample writes an echo request and reply in each family: two reconstructed
// headers and, for IPv4, one whole datagram as a raw socket would give it.
func sample(t *testing.T, w *Writer) (want [][]byte) {
	t.Helper()
	t0 := time.Unix(1700000000, 123456789)
	a4, b4 := netip.MustParseAddr("198.18.1.1"), netip.MustParseAddr("198.18.3.2")
	a6, b6 := netip.MustParseAddr("2001:2:0:1::1"), netip.MustParseAddr("2001:2:0:3::2")
	req := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 9, Seq: 1, Data: []byte("abcdefgh")})
	if err := w.WriteICMP(t0, Meta{Family: codec.IPv4, Src: a4, Dst: b4, TTL: 64, TOS: -1}, req); err != nil {
		t.Fatal(err)
	}
	rep := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoReply}, codec.Echo{ID: 9, Seq: 1, Data: []byte("abcdefgh")})
	dg := codec.IPv4Header{TotalLength: uint16(20 + len(rep)), TTL: 62, Protocol: codec.ProtoICMP, Src: b4, Dst: a4}.AppendHeader(nil)
	dg = append(dg, rep...)
	if err := w.WriteIP(t0.Add(time.Millisecond), dg); err != nil {
		t.Fatal(err)
	}
	req6 := codec.Append(nil, codec.Header{Family: codec.IPv6, Type: codec.ICMPv6EchoRequest, Src: a6, Dst: b6}, codec.Echo{ID: 9, Seq: 2, Data: []byte("abcdefgh")})
	if err := w.WriteICMP(t0.Add(2*time.Millisecond), Meta{Family: codec.IPv6, Src: a6, Dst: b6}, req6); err != nil {
		t.Fatal(err)
	}
	return [][]byte{req, rep, req6}
}

func TestRoundTripThroughPcapgo(t *testing.T) {
	var buf bytes.Buffer
	w, err := New(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := sample(t, w)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := pcapgo.NewNgReader(bytes.NewReader(buf.Bytes()), pcapgo.DefaultNgReaderOptions)
	if err != nil {
		t.Fatal(err)
	}
	if r.LinkType() != layers.LinkTypeRaw {
		t.Fatalf("link type %v, want raw IP", r.LinkType())
	}
	for i := 0; ; i++ {
		data, ci, err := r.ReadPacketData()
		if err != nil {
			if i != len(want) {
				t.Fatalf("read %d packets, want %d (%v)", i, len(want), err)
			}
			break
		}
		if ci.Timestamp.Nanosecond()%1000 == 0 && i == 0 {
			t.Errorf("timestamp lost its nanoseconds: %v", ci.Timestamp)
		}
		// codec reads the datagram back and finds the very ICMP message.
		p, err := codec.DecodeIP(data)
		if err != nil {
			t.Fatalf("packet %d: %v", i, err)
		}
		if !bytes.Equal(p.Payload, want[i]) {
			t.Errorf("packet %d: ICMP %x, want %x", i, p.Payload, want[i])
		}
		if p.Family == codec.IPv4 && p.V4.Sum.Status != codec.ChecksumGood {
			t.Errorf("packet %d: IPv4 header checksum %v", i, p.V4.Sum.Status)
		}
		// gopacket agrees it is IP carrying ICMP.
		pk := gopacket.NewPacket(data, layers.LayerTypeIPv4, gopacket.Default)
		if p.Family == codec.IPv6 {
			pk = gopacket.NewPacket(data, layers.LayerTypeIPv6, gopacket.Default)
		}
		if pk.Layer(layers.LayerTypeICMPv4) == nil && pk.Layer(layers.LayerTypeICMPv6) == nil {
			t.Errorf("packet %d: gopacket finds no ICMP layer: %v", i, pk)
		}
	}
}

// TestTsharkReads checks that Wireshark's engine opens the file and sees
// valid checksums everywhere.
func TestTsharkReads(t *testing.T) {
	tshark := testenv.RequireTool(t, "tshark", "tshark")
	path := filepath.Join(t.TempDir(), "x.pcapng")
	w, err := Create(path)
	if err != nil {
		t.Fatal(err)
	}
	sample(t, w)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tshark, "-r", path, "-o", "ip.check_checksum:TRUE", "-T", "fields",
		"-e", "icmp.type", "-e", "icmpv6.type", "-e", "icmp.checksum.status", "-e", "ip.checksum.status",
		"-e", "icmpv6.checksum.status").Output()
	if err != nil {
		t.Fatalf("tshark: %v\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 3 {
		t.Fatalf("tshark saw %d packets, want 3:\n%s", len(lines), out)
	}
	wantTypes := []string{"8\t\t1\t1\t", "0\t\t1\t1\t", "\t128\t\t\t1"}
	for i, l := range lines {
		if l != wantTypes[i] {
			t.Errorf("tshark packet %d: %q, want %q", i, l, wantTypes[i])
		}
	}
}
