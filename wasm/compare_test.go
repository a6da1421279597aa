package main

import (
	"encoding/json"
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// echoPacket is an IPv4 echo request of one ping run, built by the codec.
func echoPacket(seq uint16) []byte {
	msg := codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest},
		codec.Echo{ID: 7, Seq: seq, Data: []byte("icmplab compare")})
	h := codec.IPv4Header{TotalLength: uint16(20 + len(msg)), TTL: 64, Protocol: codec.ProtoICMP,
		Src: netip.MustParseAddr("198.18.0.1"), Dst: netip.MustParseAddr("198.18.0.2")}
	return append(h.AppendHeader(nil), msg...)
}

func TestComparePackets(t *testing.T) {
	res, err := comparePackets(echoPacket(1), echoPacket(2), CompareOptions{IgnoreChecksums: true})
	require.NoError(t, err)
	assert.Equal(t, "ipv4", res.LayerA, "guessed from the bytes")
	js, err := json.Marshal(res)
	require.NoError(t, err)
	// The JSON the page reads: kind as a word, both sides' byte ranges.
	assert.JSONEq(t, `{"layerA":"ipv4","layerB":"ipv4","diffs":[{"kind":"changed","field":"icmp.seq","label":"`+res.Diffs[0].Label+`","path":"icmp/icmp.seq",
		"a":{"value":"`+res.Diffs[0].A.Value+`","offset":26,"length":2},"b":{"value":"`+res.Diffs[0].B.Value+`","offset":26,"length":2}}]}`, string(js))

	same, err := comparePackets(echoPacket(1), echoPacket(1), CompareOptions{LayerA: "ipv4", LayerB: "ip"})
	require.NoError(t, err)
	js, err = json.Marshal(same)
	require.NoError(t, err)
	assert.Contains(t, string(js), `"diffs":[]`, "no differences is an empty list, not null")

	_, err = comparePackets(echoPacket(1), nil, CompareOptions{})
	assert.ErrorContains(t, err, "empty")
	_, err = comparePackets(echoPacket(1), echoPacket(2), CompareOptions{LayerB: "carrier-pigeon"})
	assert.ErrorContains(t, err, `unknown start layer`)
}
