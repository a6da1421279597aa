package story

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// TestPingJSONFields pins the ping object of `icmplab story --json` (the
// schema of issue 10 and the README): field names, nulls and the frames
// each reply, error and lost request points at. The capture is one ping
// of five requests: seq 1 answered, seq 2 lost, seq 3 answered twice (a
// duplicate), seq 4 answered by a router's host unreachable, seq 5 lost.
func TestPingJSONFields(t *testing.T) {
	const id = 0x4d2
	n := newNet()
	req1 := n.at(0, n.echo(src4, dst4, 64, false, id, 1))                     // frame 1
	n.at(0.5, n.echo(dst4, src4, 61, true, id, 1))                            // frame 2: 0.5 ms
	n.at(1000, n.echo(src4, dst4, 64, false, id, 2))                          // frame 3: lost
	n.at(2000, n.echo(src4, dst4, 64, false, id, 3))                          // frame 4
	n.at(2001.25, n.echo(dst4, src4, 61, true, id, 3))                        // frame 5: 1.25 ms
	n.at(2002, n.echo(dst4, src4, 61, true, id, 3))                           // frame 6: the duplicate, 2 ms
	req4 := n.at(3000, n.echo(src4, dst4, 64, false, id, 4))                  // frame 7
	n.at(3000.75, n.icmpErr(r1, req4, codec.ICMPv4DestinationUnreachable, 1)) // frame 8: host unreachable
	n.at(4000, n.echo(src4, dst4, 64, false, id, 5))                          // frame 9: lost
	require.NotNil(t, req1)

	res := n.result()
	var js bytes.Buffer
	require.NoError(t, WriteJSON(&js, res))
	lines := bytes.Split(bytes.TrimSpace(js.Bytes()), []byte("\n"))
	require.Len(t, lines, 1, "one exchange, one line:\n%s", js.String())

	var obj map[string]any
	require.NoError(t, json.Unmarshal(lines[0], &obj))
	assert.Equal(t, "ping", obj["kind"])
	assert.EqualValues(t, 4, obj["family"])
	assert.Equal(t, src4, obj["src"])
	assert.Equal(t, dst4, obj["dst"])
	assert.EqualValues(t, id, obj["id"], "id is the echo identifier, a number")
	assert.EqualValues(t, 5, obj["transmitted"])
	assert.EqualValues(t, 2, obj["received"], "received counts requests answered, not the duplicate")

	require.Contains(t, obj, "replies")
	replies, ok := obj["replies"].([]any)
	require.True(t, ok, "replies is an array: %v", obj["replies"])
	type reply struct {
		seq, request, reply float64
		rtt                 any
		dup                 bool
	}
	want := []reply{
		{seq: 1, request: 1, reply: 2, rtt: 0.5},
		{seq: 3, request: 4, reply: 5, rtt: 1.25},
		{seq: 3, request: 4, reply: 6, rtt: 2.0, dup: true},
	}
	require.Len(t, replies, len(want), "%s", lines[0])
	for i, w := range want {
		r := replies[i].(map[string]any)
		for _, k := range []string{"seq", "rtt_ms", "ttl", "dup", "request_frame", "reply_frame"} {
			assert.Contains(t, r, k, "replies[%d]", i)
		}
		assert.EqualValues(t, w.seq, r["seq"], "replies[%d].seq", i)
		assert.EqualValues(t, w.request, r["request_frame"], "replies[%d].request_frame: the frame of the request it answers", i)
		assert.EqualValues(t, w.reply, r["reply_frame"], "replies[%d].reply_frame: its own frame", i)
		assert.InDelta(t, w.rtt, r["rtt_ms"], 1e-9, "replies[%d].rtt_ms: from capture times", i)
		assert.Equal(t, w.dup, r["dup"], "replies[%d].dup", i)
		assert.EqualValues(t, 61, r["ttl"], "replies[%d].ttl: the reply's IP TTL", i)
	}

	require.Contains(t, obj, "errors")
	errs, ok := obj["errors"].([]any)
	require.True(t, ok, "errors is an array: %v", obj["errors"])
	require.Len(t, errs, 1)
	e := errs[0].(map[string]any)
	assert.EqualValues(t, 4, e["seq"], "the error is about the request it quotes")
	assert.Equal(t, r1, e["from"], "the router that sent it")
	assert.EqualValues(t, 3, e["type"])
	assert.EqualValues(t, 1, e["code"])
	assert.EqualValues(t, 8, e["frame"], "the error's own frame")
	assert.EqualValues(t, 7, e["request_frame"], "the request it quotes")

	require.Contains(t, obj, "lost")
	lost, ok := obj["lost"].([]any)
	require.True(t, ok, "lost is an array of sequences: %v", obj["lost"])
	var seqs []float64
	for _, s := range lost {
		seqs = append(seqs, s.(float64))
	}
	// Every request without an echo reply, as iputils counts loss: seq 4
	// had an error back, not a reply, so it is lost too (and in errors).
	assert.Equal(t, []float64{2, 4, 5}, seqs)
}

// TestPingJSONEmptyArrays: a ping with every request answered has empty
// errors and lost arrays, never null, so a reader can index them.
func TestPingJSONEmptyArrays(t *testing.T) {
	n := newNet()
	n.at(0, n.echo(src4, dst4, 64, false, 9, 1))
	n.at(0.3, n.echo(dst4, src4, 64, true, 9, 1))
	var js bytes.Buffer
	require.NoError(t, WriteJSON(&js, n.result()))
	assert.Contains(t, js.String(), `"errors":[]`)
	assert.Contains(t, js.String(), `"lost":[]`)
	assert.Contains(t, js.String(), `"replies":[{`)
}
