package dissect

import (
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two consecutive echo requests of iputils ping 20240117 on Linux 6.1
// (x86-64), `ping -c 3 -i 0.2 127.0.0.1`, as tcpdump captured them on lo:
//
//	1796580212.325183 IP (tos 0x0, ttl 64, id 8817, offset 0, flags [DF], proto ICMP (1), length 84)
//	    localhost > localhost: ICMP echo request, id 17202, seq 1, length 64
//	1796580212.529216 IP (tos 0x0, ttl 64, id 8837, offset 0, flags [DF], proto ICMP (1), length 84)
//	    localhost > localhost: ICMP echo request, id 17202, seq 2, length 64
//
// The data starts with a 16-byte struct timeval in little-endian order
// (tv_sec 0x6b15a374, tv_usec 0x04f61e), then bytes 0x10 to 0x37.
const (
	pingSeq1 = "4500 0054 2271 4000 4001 1a36 7f00 0001 7f00 0001 0800 48f5 4332 0001 74a3 156b 0000" +
		"0000 1ef6 0400 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425" +
		"2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637"
	pingSeq2 = "4500 0054 2285 4000 4001 1a22 7f00 0001 7f00 0001 0800 50d7 4332 0002 74a3 156b 0000" +
		"0000 1313 0800 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425" +
		"2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637"
)

func pingBytes(t *testing.T, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	require.NoError(t, err)
	return b
}

func TestEchoDataTimeOfARealPing(t *testing.T) {
	captured := time.Unix(1796580212, 325183000)
	for _, at := range []time.Time{captured, {}} { // a capture, and pasted bytes
		f := Dissect(pingBytes(t, pingSeq1), LayerIPv4, Options{Time: at})
		var nodes []*Node
		flatten(f.Root, &nodes)
		ts := findField(nodes, "icmp.data_time")
		require.NotNil(t, ts, "the timeval is found (capture time %v)", at)
		assert.Equal(t, 28, ts.Offset)
		assert.Equal(t, 16, ts.Length)
		assert.True(t, strings.HasPrefix(ts.Value, "2026-12-06 18:03:32.325150 UTC"), ts.Value)
		if !at.IsZero() {
			assert.Contains(t, ts.Value, "0.000033 s before capture")
		}
		data := findField(nodes, "data")
		require.NotNil(t, data)
		assert.Equal(t, 44, data.Offset)
		assert.Equal(t, 40, data.Length, "the data after the timeval")
	}
}

func TestEchoDataTimeLayoutsAndRefusals(t *testing.T) {
	at := time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)
	sec := uint32(at.Unix())
	le32 := []byte{byte(sec), byte(sec >> 8), byte(sec >> 16), byte(sec >> 24), 0x3f, 0x42, 0x0f, 0} // 999,999 us
	be32 := []byte{byte(sec >> 24), byte(sec >> 16), byte(sec >> 8), byte(sec), 0, 0, 0, 7}
	be64 := append([]byte{0, 0, 0, 0}, be32[:4]...)
	be64 = append(be64, 0, 0, 0, 0, 0, 0, 0, 7)
	cases := []struct {
		name string
		data []byte
		want int // bytes taken, 0 for none
	}{
		{"32-bit little-endian", append(le32, 0x08, 0x09), 8},
		{"32-bit big-endian (BSD)", be32, 8},
		{"64-bit big-endian", be64, 16},
		{"microseconds over a million", []byte{byte(sec), byte(sec >> 8), byte(sec >> 16), byte(sec >> 24), 0x40, 0x42, 0x0f, 0x01}, 0},
		{"iputils' pattern with no time", []byte{0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f}, 0},
		{"zeros", make([]byte, 16), 0},
		{"too short", le32[:7], 0},
	}
	for _, c := range cases {
		_, n, ok := echoDataTime(c.data, at.Add(3*time.Second))
		assert.Equal(t, c.want, n, c.name)
		assert.Equal(t, c.want > 0, ok, c.name)
	}
	// Far from the capture time it is not a timestamp, though pasted (no
	// capture time) the same bytes read as one.
	_, _, ok := echoDataTime(be32, at.Add(48*time.Hour))
	assert.False(t, ok)
	_, _, ok = echoDataTime(be32, time.Time{})
	assert.True(t, ok)
}

// Two echo requests of one ping differ in their sequence number and send
// time, and so in the ICMP checksum; the kernel gave each its own IP
// identification (and so IP checksum). With checksums and timestamps
// ignored, sequence number and IP identification are what is left.
func TestCompareTwoPingsOfOneRun(t *testing.T) {
	a := Dissect(pingBytes(t, pingSeq1), LayerIPv4, Options{})
	b := Dissect(pingBytes(t, pingSeq2), LayerIPv4, Options{})
	fields := func(o CompareOptions) []string {
		var out []string
		for _, d := range Compare(a, b, o) {
			out = append(out, d.Field)
		}
		return out
	}
	assert.Equal(t, []string{"ip.id", "ip.checksum", "icmp.checksum", "icmp.seq", "icmp.data_time"}, fields(CompareOptions{}))
	assert.Equal(t, []string{"ip.id", "icmp.seq"}, fields(CompareOptions{IgnoreChecksums: true, IgnoreTimestamps: true}))
	// The ICMP messages alone: only the sequence number, once checksums
	// and timestamps are left out.
	ia := Dissect(pingBytes(t, pingSeq1)[20:], LayerICMPv4, Options{})
	ib := Dissect(pingBytes(t, pingSeq2)[20:], LayerICMPv4, Options{})
	var icmpOnly []string
	for _, d := range Compare(ia, ib, CompareOptions{IgnoreChecksums: true, IgnoreTimestamps: true}) {
		icmpOnly = append(icmpOnly, d.Field)
	}
	assert.Equal(t, []string{"icmp.seq"}, icmpOnly)
}

func flatten(ns []*Node, out *[]*Node) {
	for _, n := range ns {
		*out = append(*out, n)
		flatten(n.Kids, out)
	}
}

func findField(ns []*Node, field string) *Node {
	for _, n := range ns {
		if n.Field == field {
			return n
		}
	}
	return nil
}
