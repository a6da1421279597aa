package main

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/capture"
	"icmplab/codec/dissect"
)

// pingFrames reads the ping example back: request, reply, request, ...
func pingFrames(t *testing.T) []capture.Packet {
	t.Helper()
	r, err := capture.NewReader(bytes.NewReader(pingCapture()))
	require.NoError(t, err)
	var out []capture.Packet
	for {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		p.Data = append([]byte(nil), p.Data...)
		out = append(out, p)
	}
	require.Len(t, out, 8)
	return out
}

// The ping example's two first requests differ as two requests of a real
// iputils ping on Linux do (codec/dissect/echo_time_test.go holds a real
// pair): sequence number, send time in the data, IP identification, and
// both checksums; with checksums and timestamps left out, the sequence
// number and the IP identification; their ICMP messages alone, only the
// sequence number.
func TestComparePingExample(t *testing.T) {
	f := pingFrames(t)
	a, b := f[0].Data, f[2].Data
	fields := func(a, b []byte, o CompareOptions) []string {
		res, err := comparePackets(a, b, o)
		require.NoError(t, err)
		var out []string
		for _, d := range res.Diffs {
			out = append(out, d.Field)
		}
		return out
	}
	assert.Equal(t, []string{"ip.id", "ip.checksum", "icmp.checksum", "icmp.seq", "icmp.data_time"}, fields(a, b, CompareOptions{}))
	assert.Equal(t, []string{"ip.id", "icmp.seq"}, fields(a, b, CompareOptions{IgnoreChecksums: true, IgnoreTimestamps: true}))
	icmp := CompareOptions{LayerA: "icmpv4", LayerB: "icmpv4"}
	assert.Equal(t, []string{"icmp.checksum", "icmp.seq", "icmp.data_time"}, fields(a[20:], b[20:], icmp))
	icmp.IgnoreChecksums, icmp.IgnoreTimestamps = true, true
	assert.Equal(t, []string{"icmp.seq"}, fields(a[20:], b[20:], icmp))
}

// Each packet's send time reads back from its data, a few tens of
// microseconds before the capture saw it, and the reply carries the
// request's.
func TestPingExampleCarriesItsSendTime(t *testing.T) {
	for i, p := range pingFrames(t) {
		fr := dissect.Dissect(p.Data, dissect.LayerIPv4, dissect.Options{Time: p.Time})
		var ts *dissect.Node
		var walk func([]*dissect.Node)
		walk = func(ns []*dissect.Node) {
			for _, n := range ns {
				if n.Field == "icmp.data_time" {
					ts = n
				}
				walk(n.Kids)
			}
		}
		walk(fr.Root)
		require.NotNil(t, ts, "packet %d has a send time", i+1)
		seq := uint16(i/2 + 1)
		assert.Contains(t, ts.Value, exPing.sent(seq).Format("2006-01-02 15:04:05.000000"), "packet %d", i+1)
	}
}
