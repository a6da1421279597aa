package dissect

import (
	"bytes"
	"os"
	"testing"
	"time"

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

// The quick line is the full line on a generated capture of everyday ICMP,
// and it takes every frame of it (else it is not the fast path it claims
// to be). The corpus is in quickline_corpus_test.go (native only: it reads
// files with pcapgo).
func TestQuickLineEveryday(t *testing.T) {
	const n = 20_000
	ra := NewReassembler()
	first := time.Unix(0, 0)
	for i := range n {
		data := hostile.Everyday(i)
		opt := Options{Number: i + 1, Time: time.Unix(int64(i), 0), Reassembler: ra}
		quick, ok := AppendQuickLine(nil, data, LayerIP, opt, first)
		require.True(t, ok, "frame %d takes the quick path", i+1)
		require.Equal(t, fullLine(t, data, LayerIP, opt, first), string(quick), "frame %d", i+1)
	}
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
