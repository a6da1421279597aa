package main

import (
	"bytes"
	"encoding/hex"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/capture"
	"icmplab/codec/dissect"
)

// The mixed IPv6/IPv4 tcpdump paste of decode_paste_test.go, listed: every
// row is summarised and dissected at its own layer, with tcpdump's time of
// day as the time column; the filter box and export read the rows as they
// read a capture's.
func TestDecodeListMixedIPv6IPv4(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "codec", "dissect", "testdata", "tcpdump-x-mixed-ipv6-ipv4.txt"))
	require.NoError(t, err)
	res, err := decodeList(string(text), DecodeOptions{})
	require.NoError(t, err)
	require.NotZero(t, res.Handle)
	defer closeSession(res.Handle)
	assert.Equal(t, 8, res.Count)
	assert.Equal(t, "tcpdump -x", res.Dialect)
	assert.Empty(t, res.Frames)
	s, err := getSession(res.Handle)
	require.NoError(t, err)

	rows := s.rowsAt(0, 100, EN)
	require.Len(t, rows, 8)
	assert.Equal(t, "0.000000", rows[0].Time)
	assert.Equal(t, "0.000037", rows[1].Time) // 15:46:31.224114 - .224077
	for i, r := range rows {
		want := "ICMPv6 "
		if i >= 4 {
			want = "ICMP "
		}
		assert.True(t, strings.HasPrefix(r.Summary, want), "row %d: %q", i+1, r.Summary)
		assert.NotContains(t, r.Summary, "Malformed", "row %d", i+1)
		assert.Zero(t, r.Flags, "row %d: %q", i+1, r.Summary)
		assert.NotEmpty(t, r.TTL, "row %d", i+1)

		pk, need, err := s.packet(i, nil, EN)
		require.NoError(t, err)
		require.Nil(t, need)
		require.Len(t, pk.Frames, 1)
		layer := "ipv6"
		if i >= 4 {
			layer = "ip"
		}
		assert.Equal(t, layer, pk.Frames[0].Layers[0], "row %d", i+1)
		assert.Equal(t, pk.Frames[0].Number, i+1)
		// The time of day tcpdump printed, dated as textdump dates it.
		assert.Equal(t, "0000-01-01T15:46:", pk.Frames[0].Time[:17], "row %d", i+1)
		assert.True(t, pk.LayerDetected)
		assert.NotEmpty(t, pk.LayerReason)
	}

	// The filter box: IPv4 alone.
	c, err := s.filter(Filter{Expr: "!ipv6"})
	require.NoError(t, err)
	assert.Equal(t, 4, c.Count)
	assert.Zero(t, c.Unchecked)

	// Export: one raw-IP interface holds both versions; it reads back.
	_, err = s.filter(Filter{})
	require.NoError(t, err)
	out, err := s.export(exportPcapNG, EN)
	require.NoError(t, err)
	r, err := capture.NewReader(bytes.NewReader(out))
	require.NoError(t, err)
	n := 0
	for {
		p, err := r.Next()
		if err != nil {
			break
		}
		start, ok := dissect.LayerForLinkType(uint32(p.LinkType))
		require.True(t, ok)
		f := dissect.Dissect(p.Data, start, dissect.Options{})
		require.NotNil(t, f.ICMP, "packet %d", n+1)
		n++
	}
	assert.Equal(t, 8, n)
}

// One packet is listed as several are (a session of one row), and
// dissected at once as well: the same view as its row's.
func TestDecodeListOnePacket(t *testing.T) {
	pkt := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 1, Seq: 1})
	res, err := decodeList(hex.EncodeToString(pkt), DecodeOptions{})
	require.NoError(t, err)
	require.NotZero(t, res.Handle)
	defer closeSession(res.Handle)
	assert.Equal(t, 1, res.Count)
	require.Len(t, res.Frames, 1)
	assert.Equal(t, "icmpv4", res.Layer)
	s, err := getSession(res.Handle)
	require.NoError(t, err)
	rows := s.rowsAt(0, 1, EN)
	require.Len(t, rows, 1)
	assert.Contains(t, rows[0].Summary, "Echo")
	got, need, err := s.packet(0, nil, EN)
	require.NoError(t, err)
	require.Nil(t, need)
	require.Len(t, got.Frames, 1)
	assert.Equal(t, res.Frames[0], got.Frames[0], "the row shows what was dissected at once")
}

// Pasted fragments: the row completing the datagram shows it whole, as the
// tabs of decodeText did; pasted text without times has an empty time
// column; a bare ICMP message cannot go to pcapng and says why.
func TestDecodeListFragmentsAndBareICMP(t *testing.T) {
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 1, Seq: 2, Data: bytes.Repeat([]byte("frag"), 16)})
	frag := func(off int, part []byte, more bool) []byte {
		h := codec.IPv4Header{IHL: 5, TotalLength: uint16(20 + len(part)), ID: 0x4242, TTL: 64, Protocol: codec.ProtoICMP,
			Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.0.2"), FragOff: uint16(off / 8)}
		if more {
			h.Flags = codec.IPv4FlagMF
		}
		return append(h.AppendHeader(nil), part...)
	}
	text := hex.EncodeToString(frag(0, msg[:48], true)) + "\n\n" + hex.EncodeToString(frag(48, msg[48:], false)) + "\n\n" + hex.EncodeToString(msg)
	res, err := decodeList(text, DecodeOptions{})
	require.NoError(t, err)
	defer closeSession(res.Handle)
	require.Equal(t, 3, res.Count)
	s, err := getSession(res.Handle)
	require.NoError(t, err)
	for _, r := range s.rowsAt(0, 3, EN) {
		assert.Empty(t, r.Time)
	}
	pk, _, err := s.packet(1, nil, EN)
	require.NoError(t, err)
	require.Len(t, pk.Frames, 1)
	assert.Len(t, pk.Frames[0].Sources, 1, "the second fragment shows the datagram")
	_, err = s.export(exportPcapNG, EN)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "packet 3 is an ICMP message without its IP header")
	_, err = s.export(exportJSONL, EN)
	assert.NoError(t, err)
}

// A paste past textdump's 100,000 packets is listed up to there, and the
// answer says where reading stopped.
func TestDecodeListLimit(t *testing.T) {
	res, err := decodeList(strings.Repeat("45\n\n", 100_001), DecodeOptions{})
	require.NoError(t, err)
	defer closeSession(res.Handle)
	assert.Equal(t, 100_000, res.Count)
	assert.Contains(t, res.Limit, "line 200001")
	assert.Contains(t, res.Limit, "100,000 packets")
}

// TestDecodeListKorean: a paste answers in the page's language whether it
// is one packet (dissected at once) or several (a session's packet view).
func TestDecodeListKorean(t *testing.T) {
	pkt := codec.IPv4Header{TTL: 64, Protocol: codec.ProtoICMP, Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.0.2")}.
		AppendDatagram(nil, codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 1, Seq: 1}))
	one, err := decodeList(hex.EncodeToString(pkt), DecodeOptions{Lang: KO})
	require.NoError(t, err)
	defer closeSession(one.Handle)
	require.Len(t, one.Frames, 1)
	assert.Contains(t, one.Frames[0].Summary, "에코 요청")
	assert.Regexp(t, `\p{Hangul}`, one.LayerReason, "why this layer, in Korean")
}

// TestDecodeListKoreanRows: a listed paste's packet view is in the page's
// language too (its tree and the reason for its start layer).
func TestDecodeListKoreanRows(t *testing.T) {
	var text strings.Builder
	for seq := uint16(1); seq <= 2; seq++ {
		pkt := codec.IPv4Header{TTL: 64, Protocol: codec.ProtoICMP, Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.0.2")}.
			AppendDatagram(nil, codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 1, Seq: seq}))
		text.WriteString(hex.EncodeToString(pkt) + "\n\n")
	}
	res, err := decodeList(text.String(), DecodeOptions{Lang: KO})
	require.NoError(t, err)
	require.NotZero(t, res.Handle)
	defer closeSession(res.Handle)
	s, err := getSession(res.Handle)
	require.NoError(t, err)
	got, need, err := s.packet(1, nil, KO)
	require.NoError(t, err)
	require.Nil(t, need)
	require.Len(t, got.Frames, 1)
	assert.Contains(t, got.Frames[0].Summary, "에코 요청")
	assert.Regexp(t, `\p{Hangul}`, got.LayerReason, "why this layer, in Korean")
}
