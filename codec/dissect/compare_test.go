package dissect_test

import (
	"net/netip"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

var (
	cmpSrc    = netip.MustParseAddr("198.18.0.1")
	cmpDst    = netip.MustParseAddr("198.18.0.2")
	cmpRouter = netip.MustParseAddr("198.18.1.1")
)

// cmpIPv4 wraps an ICMP message in an IPv4 header made by the codec.
func cmpIPv4(src, dst netip.Addr, ttl uint8, id uint16, payload []byte) []byte {
	h := codec.IPv4Header{TotalLength: uint16(20 + len(payload)), ID: id, TTL: ttl,
		Protocol: uint8(codec.ProtoICMP), Src: src, Dst: dst}
	return append(h.AppendHeader(nil), payload...)
}

// cmpEcho is one echo request of a ping run: the same identifier and the
// same 56 bytes of data every time, only the sequence number moves.
func cmpEcho(seq uint16) []byte {
	data := make([]byte, 56)
	for i := range data {
		data[i] = byte(i)
	}
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 0x1234, Seq: seq, Data: data})
	return cmpIPv4(cmpSrc, cmpDst, 64, 0x0101, msg)
}

func dissectIPv4(t *testing.T, b []byte) *dissect.Frame {
	t.Helper()
	f := dissect.Dissect(b, dissect.LayerIPv4, dissect.Options{})
	require.Empty(t, f.Errors, "fixture must dissect cleanly")
	return f
}

func fields(ds []dissect.FieldDiff) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Kind.String()+" "+d.Field)
	}
	return out
}

func TestCompareTwoEchoes(t *testing.T) {
	a, b := dissectIPv4(t, cmpEcho(1)), dissectIPv4(t, cmpEcho(2))

	ds := dissect.Compare(a, b, dissect.CompareOptions{})
	// The sequence number and the ICMP checksum over it; nothing else.
	for _, d := range ds {
		assert.Equal(t, dissect.DiffChanged, d.Kind, d.Path)
		assert.Regexp(t, `^icmp\.(seq|seq_le|checksum)$`, d.Field, d.Path)
		require.NotNil(t, d.A)
		require.NotNil(t, d.B)
		assert.Equal(t, d.A.Offset, d.B.Offset, "same place in both frames: %s", d.Path)
		assert.Positive(t, d.A.Length)
		assert.NotEqual(t, d.A.Value, d.B.Value, d.Path)
	}
	assert.Equal(t, []string{"changed icmp.checksum", "changed icmp.seq"}, fields(ds))
	assert.Contains(t, fields(ds), "changed icmp.seq")
	assert.Contains(t, fields(ds), "changed icmp.checksum")
	for _, d := range ds {
		if d.Field == "icmp.seq" {
			assert.Equal(t, 20+6, d.A.Offset, "sequence number after the IPv4 header and 6 ICMP bytes")
			assert.Equal(t, 2, d.A.Length)
			assert.Equal(t, "icmp/icmp.seq", d.Path, "each layer is a root of the tree")
		}
	}

	ignored := dissect.Compare(a, b, dissect.CompareOptions{IgnoreChecksums: true})
	assert.Equal(t, []string{"changed icmp.seq"}, fields(ignored))

	assert.Empty(t, dissect.Compare(a, a, dissect.CompareOptions{}), "a frame equals itself")
	assert.Empty(t, dissect.Compare(a, dissectIPv4(t, cmpEcho(1)), dissect.CompareOptions{}), "equal bytes, equal trees")
}

func TestCompareEchoAndTimeExceeded(t *testing.T) {
	echo := cmpEcho(1)
	quote := echo[:20+8]
	te := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded}, codec.ErrorBody{Quote: quote})
	a, b := dissectIPv4(t, echo), dissectIPv4(t, cmpIPv4(cmpRouter, cmpSrc, 255, 7, te))

	ds := dissect.Compare(a, b, dissect.CompareOptions{IgnoreChecksums: true})
	got := fields(ds)
	// The type differs, and so does the structure: the echo's identifier,
	// sequence and data are gone, the quoted datagram is new.
	assert.Contains(t, got, "changed icmp.type")
	assert.Contains(t, got, "changed ip.src")
	assert.Contains(t, got, "changed ip.ttl")
	assert.Contains(t, got, "only-a icmp.ident")
	assert.Contains(t, got, "only-a icmp.seq")
	var quoted *dissect.FieldDiff
	for i, d := range ds {
		if d.Kind == dissect.DiffOnlyB && d.Field == "icmp.quote" {
			quoted = &ds[i]
		}
		if d.Kind == dissect.DiffOnlyA {
			assert.Nil(t, d.B)
			assert.NotNil(t, d.A)
		}
	}
	require.NotNil(t, quoted, "the quoted IPv4 header is only in the time exceeded: %v", got)
	assert.Nil(t, quoted.A)
	assert.Equal(t, 20+8, quoted.B.Offset, "the quote starts after the outer IPv4 header and the ICMP header")
	assert.Equal(t, "icmp/icmp.quote", quoted.Path)
	for _, d := range ds {
		assert.NotContains(t, d.Path, "icmp.quote/", "a missing subtree is reported once, at its top")
	}
}

func TestCompareOptionsAndEdges(t *testing.T) {
	assert.True(t, dissect.IsChecksumField("ip.checksum"))
	assert.True(t, dissect.IsChecksumField("icmpv6.checksum.status"))
	assert.True(t, dissect.IsChecksumField("icmp.ext.checksum"))
	assert.False(t, dissect.IsChecksumField("gre.flags.checksum"), "a flag, not a checksum")
	assert.False(t, dissect.IsChecksumField("icmp.seq"))
	assert.True(t, dissect.IsTimestampField("icmp.originate_timestamp"))
	assert.False(t, dissect.IsTimestampField("ip.ttl"))

	a, b := dissectIPv4(t, cmpEcho(1)), dissectIPv4(t, cmpEcho(1))
	a.Time, b.Time = time.Unix(100, 0), time.Unix(101, 0)
	ds := dissect.Compare(a, b, dissect.CompareOptions{})
	require.Len(t, ds, 1)
	assert.Equal(t, "frame.time", ds[0].Field)
	assert.Empty(t, dissect.Compare(a, b, dissect.CompareOptions{IgnoreTimestamps: true}))

	// Nil and empty frames, truncated ones: no panic, differences named.
	assert.Empty(t, dissect.Compare(nil, nil, dissect.CompareOptions{}))
	only := dissect.Compare(a, nil, dissect.CompareOptions{IgnoreTimestamps: true})
	assert.Equal(t, []string{"only-a ip", "only-a icmp"}, fields(only))
	short := dissect.Dissect(cmpEcho(1)[:30], dissect.LayerIPv4, dissect.Options{})
	assert.NotEmpty(t, dissect.Compare(a, short, dissect.CompareOptions{IgnoreTimestamps: true}))

	// The ICMP timestamp message's clock fields go with IgnoreTimestamps.
	ts := func(orig uint32) *dissect.Frame {
		m := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4Timestamp}, codec.Timestamp{ID: 1, Seq: 1, Originate: orig})
		return dissectIPv4(t, cmpIPv4(cmpSrc, cmpDst, 64, 1, m))
	}
	ds = dissect.Compare(ts(1000), ts(2000), dissect.CompareOptions{IgnoreChecksums: true})
	assert.Equal(t, []string{"changed icmp.originate_timestamp"}, fields(ds))
	assert.Empty(t, dissect.Compare(ts(1000), ts(2000), dissect.CompareOptions{IgnoreChecksums: true, IgnoreTimestamps: true}))
}
