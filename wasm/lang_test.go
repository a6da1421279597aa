package main

import (
	"encoding/hex"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// Asked in Korean, decode returns the codec's Korean words: the frame's
// summary, the tree's labels and notes, the quote sentence, exactly as
// codec/dissect writes them with Options.Lang; the fields, offsets and
// numbers are those of the English answer.
func TestDecodeKoreanWords(t *testing.T) {
	src, dst, probeDst := netip.MustParseAddr("198.18.0.1"), netip.MustParseAddr("198.18.0.2"), netip.MustParseAddr("198.18.1.9")
	probe := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: 40000, DstPort: 33435, Length: 8 + 4}, []byte("ping"), dst, probeDst)
	qh := codec.IPv4Header{TotalLength: uint16(20 + len(probe)), TTL: 1, Protocol: codec.ProtoUDP, Src: dst, Dst: probeDst}
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4TimeExceeded}, codec.ErrorBody{Quote: append(qh.AppendHeader(nil), probe...)})
	h := codec.IPv4Header{TotalLength: uint16(20 + len(msg)), TTL: 255, Protocol: codec.ProtoICMP, Src: src, Dst: dst}
	pkt := append(h.AppendHeader(nil), msg...)
	pkt[3] += 9 // a total length that lies: an error note too

	en, err := decodeText(hex.EncodeToString(pkt), DecodeOptions{Layer: "ipv4"})
	require.NoError(t, err)
	ko, err := decodeText(hex.EncodeToString(pkt), DecodeOptions{Layer: "ipv4", Lang: KO})
	require.NoError(t, err)
	want := dissect.Dissect(pkt, dissect.LayerIPv4, dissect.Options{Lang: dissect.LangKO})

	require.Len(t, ko.Frames, 1)
	f := ko.Frames[0]
	assert.Equal(t, want.Summary, f.Summary)
	assert.Contains(t, f.Summary, "시간 초과")
	assert.NotEqual(t, en.Frames[0].Summary, f.Summary)
	require.NotNil(t, f.ICMP)
	assert.Equal(t, want.ICMP.Sentence, f.ICMP.Quote)
	assert.Contains(t, f.ICMP.Quote, "만료됨")
	require.NotEmpty(t, f.Notes)
	assert.Equal(t, want.Notes, f.Notes)
	assert.Equal(t, en.Frames[0].Notes[0].Kind, f.Notes[0].Kind)
	assert.Equal(t, en.Frames[0].Notes[0].Offset, f.Notes[0].Offset)
	assert.Equal(t, want.Root[0].Label, f.Tree[0].Label)
	assert.Equal(t, "인터넷 프로토콜 버전 4 (IPv4)", f.Tree[0].Label)
	assert.Equal(t, en.Frames[0].Tree[0].Field, f.Tree[0].Field)
}

// Compared in Korean, the differing fields carry their Korean labels; which
// fields differ does not depend on the language.
func TestCompareKorean(t *testing.T) {
	echo := func(seq uint16) []byte {
		msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest}, codec.Echo{ID: 7, Seq: seq, Data: []byte("abcd")})
		h := codec.IPv4Header{TotalLength: uint16(20 + len(msg)), TTL: 64, Protocol: codec.ProtoICMP,
			Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.0.2")}
		return append(h.AppendHeader(nil), msg...)
	}
	en, err := comparePackets(echo(1), echo(2), CompareOptions{})
	require.NoError(t, err)
	ko, err := comparePackets(echo(1), echo(2), CompareOptions{Lang: KO})
	require.NoError(t, err)
	require.Len(t, ko.Diffs, len(en.Diffs))
	require.NotEmpty(t, ko.Diffs)
	for i, d := range ko.Diffs {
		assert.Equal(t, en.Diffs[i].Path, d.Path)
	}
	var labels []string
	for _, d := range ko.Diffs {
		labels = append(labels, d.Label)
	}
	assert.Contains(t, labels, "순서 번호 (Sequence Number)")
}
