package dissect

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/internal/hostile"
)

// fullLine is the line of the full dissection.
func fullLine(t testing.TB, data []byte, l Layer, opt Options, first time.Time) string {
	var b bytes.Buffer
	require.NoError(t, WriteLine(&b, Dissect(data, l, opt), first))
	return b.String()
}

// checkQuick compares the quick line with the full one for every frame of
// a capture; it returns how many frames the quick path took.
func checkQuick(t *testing.T, name string, frames []capFrame) int {
	t.Helper()
	ra := NewReassembler()
	var first time.Time
	taken := 0
	for i, c := range frames {
		l, _ := LayerForLinkType(c.linkType)
		opt := Options{Number: i + 1, Time: c.time, Len: c.origLen, Reassembler: ra}
		if first.IsZero() {
			first = c.time
		}
		quick, ok := AppendQuickLine(nil, c.data, l, opt, first)
		full := fullLine(t, c.data, l, opt, first) // after: the Reassembler sees every frame once
		if ok {
			taken++
			require.Equal(t, full, string(quick), "%s frame %d", name, i+1)
		}
	}
	return taken
}

// The quick line is the full line, over the repository's captures, the
// shared corpus and a generated capture of everyday ICMP; and it takes most
// of the everyday frames (else it is not the fast path it claims to be).
func TestQuickLineMatchesDissect(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.pcap*")
	corpus, _ := filepath.Glob(filepath.Join(corpusDir, "*.pcap*"))
	files = append(files, corpus...)
	total, taken := 0, 0
	for _, f := range files {
		if strings.HasSuffix(f, ".json") || strings.HasSuffix(f, ".txt") {
			continue
		}
		frames, err := readCaptureFile(f)
		if err != nil {
			continue // not a capture pcapgo reads (the corpus has a few on purpose)
		}
		total += len(frames)
		taken += checkQuick(t, filepath.Base(f), frames)
	}
	t.Logf("%d files, %d frames, %d on the quick path", len(files), total, taken)

	const n = 20_000
	var everyday []capFrame
	for i := range n {
		everyday = append(everyday, capFrame{data: hostile.Everyday(i), time: time.Unix(int64(i), 0), linkType: 101})
	}
	got := checkQuick(t, "everyday", everyday)
	assert.Equal(t, n, got, "every everyday frame takes the quick path")
}

// For any bytes at any layer, the quick line, when given, is the full one.
func FuzzQuickLine(f *testing.F) {
	for i := range 10 {
		f.Add(hostile.Everyday(i), uint8(LayerIP))
	}
	f.Add(hostile.Echo(1), uint8(LayerIPv4))
	if b, err := os.ReadFile("testdata/built_mpls_rfc4884.pcap"); err == nil && len(b) > 40 {
		f.Add(b[40:], uint8(LayerEthernet))
	}
	f.Fuzz(func(t *testing.T, data []byte, layer uint8) {
		l := Layer(layer) % (LayerIPv6 + 1)
		opt := Options{Number: 7}
		for _, b := range [][]byte{data, repairChecksums(data)} {
			quick, ok := AppendQuickLine(nil, b, l, opt, time.Time{})
			if !ok {
				continue
			}
			if full := fullLine(t, b, l, opt, time.Time{}); full != string(quick) {
				t.Fatalf("quick %q\nfull  %q", quick, full)
			}
		}
	})
}

// repairChecksums rewrites, in a copy of b read as raw IPv4 carrying ICMP,
// the header checksum, the ICMP checksum and the checksum of the header an
// error quotes: random bytes seldom have all three right, and the quick
// path takes no frame without them.
func repairChecksums(b []byte) []byte {
	b = append([]byte(nil), b...)
	fix := func(h []byte, at int) {
		h[at], h[at+1] = 0, 0
		c := codec.Checksum(h)
		h[at], h[at+1] = byte(c>>8), byte(c)
	}
	if len(b) < 20 || b[0]>>4 != 4 {
		return b
	}
	ihl := int(b[0]&0x0f) * 4
	if ihl < 20 || len(b) < ihl+8 {
		return b
	}
	if q := b[ihl+8:]; len(q) >= 20 && q[0]>>4 == 4 && int(q[0]&0x0f)*4 <= len(q) && q[0]&0x0f >= 5 {
		fix(q[:int(q[0]&0x0f)*4], 10)
	}
	fix(b[ihl:], 2)
	fix(b[:ihl], 10)
	return b
}
