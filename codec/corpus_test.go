//go:build !js

package codec_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/netip"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/capture"
	"icmplab/internal/testenv"
)

// tsharkFrame is the part of the corpus oracle (F.tshark.json) compared here.
type tsharkFrame struct {
	Source struct {
		Layers map[string][]string `json:"layers"`
	} `json:"_source"`
}

// field returns the first value of a tshark field, the outermost layer's.
func (f tsharkFrame) field(name string) string {
	if v := f.Source.Layers[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// findIP finds the IP header that carries the frame's outer ICMP message:
// the first offset where a datagram decodes with a source address tshark
// names and ICMP inside. The link layers in front vary (Ethernet, PPP, SLL,
// tunnels); anchoring on tshark's addresses makes the search safe.
func findIP(data []byte, srcs []string) (codec.Packet, bool) {
	want := map[netip.Addr]bool{}
	for _, s := range srcs {
		if a, err := netip.ParseAddr(s); err == nil {
			want[a] = true
		}
	}
	for off := 0; off+20 <= len(data) && off < 128; off++ {
		if v := data[off] >> 4; v != 4 && v != 6 {
			continue
		}
		p, _ := codec.DecodeIP(data[off:])
		if !p.HasICMP {
			continue
		}
		src := p.V4.Src
		if p.Family == codec.IPv6 {
			src = p.V6.Src
		} else if p.V4.Sum.Status != codec.ChecksumGood {
			continue
		}
		if want[src] {
			return p, true
		}
	}
	return codec.Packet{}, false
}

func TestCorpusAgainstTshark(t *testing.T) {
	// The shared corpus (public captures with tshark's decode of every ICMP
	// frame, see its SOURCES.md) is not part of the repository.
	dir := testenv.RequireShared(t)
	files, _ := filepath.Glob(filepath.Join(dir, "*.tshark.json"))
	require.NotEmpty(t, files, "no *.tshark.json oracles in %s", dir)
	var compared, labels, notFound int
	for _, jf := range files {
		capFile := strings.TrimSuffix(jf, ".tshark.json")
		oracle, err := os.ReadFile(jf)
		if err != nil {
			t.Fatal(err)
		}
		var frames []tsharkFrame
		if err := json.Unmarshal(oracle, &frames); err != nil {
			t.Fatalf("%s: %v", jf, err)
		}
		byNumber := map[int]tsharkFrame{}
		for _, f := range frames {
			n, _ := strconv.Atoi(f.field("frame.number"))
			byNumber[n] = f
		}
		raw, err := os.ReadFile(capFile)
		if err != nil {
			t.Fatal(err)
		}
		r, err := capture.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("%s: %v", capFile, err)
		}
		for {
			pkt, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				break // a damaged capture: the frames before it were compared
			}
			f, ok := byNumber[pkt.Index]
			if !ok {
				continue
			}
			prefix := "icmp."
			srcs := f.Source.Layers["ip.src"]
			if f.field("icmpv6.type") != "" && f.field("icmp.type") == "" {
				prefix = "icmpv6."
				srcs = f.Source.Layers["ipv6.src"]
			}
			p, ok := findIP(pkt.Data, srcs)
			if !ok {
				// Reassembled fragments, and fuzzed captures whose IP
				// header is damaged: tshark decodes what we do not locate.
				notFound++
				continue
			}
			compared++
			compareFrame(t, filepath.Base(capFile), pkt.Index, prefix, f, p.ICMP)
			if n := compareLabels(t, filepath.Base(capFile), pkt.Index, f, p.ICMP); n > 0 {
				labels++
			}
		}
	}
	t.Logf("%d ICMP frames compared with tshark (%d with MPLS labels); %d not located", compared, labels, notFound)
	if compared < 1000 || labels < 5 {
		t.Errorf("only %d frames (%d with labels) compared", compared, labels)
	}
}

// compareFrame compares type, code, checksum and its verdict, and the echo
// identifier and sequence.
func compareFrame(t *testing.T, file string, n int, prefix string, f tsharkFrame, m codec.Message) {
	t.Helper()
	at := file + " frame " + strconv.Itoa(n)
	if got := strconv.Itoa(int(m.Type)); got != f.field(prefix+"type") {
		t.Errorf("%s: type %s, tshark %s", at, got, f.field(prefix+"type"))
		return
	}
	if got := strconv.Itoa(int(m.Code)); got != f.field(prefix+"code") {
		t.Errorf("%s: code %s, tshark %s", at, got, f.field(prefix+"code"))
	}
	if ck := f.field(prefix + "checksum"); ck != "" && ck != "0x"+strconv.FormatUint(uint64(m.Checksum)|0x10000, 16)[1:] {
		t.Errorf("%s: checksum 0x%04x, tshark %s", at, m.Checksum, ck)
	}
	// tshark: 1 good, 0 bad, 2 unverified (it then cannot tell, e.g. a
	// capture cut short: so do we, or the frame is a fragment).
	switch st := f.field(prefix + "checksum.status"); {
	case st == "1" && m.Sum.Status != codec.ChecksumGood,
		st == "0" && m.Sum.Status == codec.ChecksumGood:
		t.Errorf("%s: checksum %v, tshark status %s", at, m.Sum.Status, st)
	}
	if e, ok := m.Echo(); ok {
		id, seq := f.field("icmp.ident"), f.field("icmp.seq")
		if prefix == "icmpv6." {
			id, seq = f.field("icmpv6.echo.identifier"), f.field("icmpv6.echo.sequence_number")
		}
		if id != "" && (id != strconv.Itoa(int(e.ID)) && id != "0x"+strconv.FormatUint(uint64(e.ID)|0x10000, 16)[1:] || seq != strconv.Itoa(int(e.Seq))) {
			t.Errorf("%s: echo id %d seq %d, tshark %s %s", at, e.ID, e.Seq, id, seq)
		}
	}
}

// compareLabels compares the MPLS labels of RFC 4950 extensions.
func compareLabels(t *testing.T, file string, n int, f tsharkFrame, m codec.Message) int {
	t.Helper()
	want := f.Source.Layers["icmp.mpls.label"]
	var got []string
	e, _ := m.Error()
	it := e.Ext.Objects()
	for it.Next() {
		o := it.Object()
		for i := range o.MPLSLen() {
			got = append(got, strconv.Itoa(int(o.MPLSEntry(i).Label)))
		}
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("%s frame %d: MPLS labels %v (layout %v), tshark %v", file, n, got, e.Ext.Layout, want)
	}
	return len(got)
}
