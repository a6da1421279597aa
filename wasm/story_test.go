package main

import (
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestStoryBytes: a recorded traceroute (Debian traceroute, 3 probes per
// hop through two routers) gives one trace whose every frame has a role, a
// partner, and under each answer the sentence naming the TTL sent.
func TestStoryBytes(t *testing.T) {
	b, err := os.ReadFile("../native/story/testdata/traceroute_udp4.pcap")
	require.NoError(t, err)
	v, err := storyBytes(b)
	require.NoError(t, err)
	require.Len(t, v.Exchanges, 1)
	js, err := json.Marshal(v)
	require.NoError(t, err)
	var obj struct {
		Exchanges []struct {
			Kind string `json:"kind"`
			Hops []struct {
				TTL int `json:"ttl"`
			} `json:"hops"`
		} `json:"exchanges"`
		Roles []StoryRole `json:"roles"`
	}
	require.NoError(t, json.Unmarshal(js, &obj))
	assert.Equal(t, "trace", obj.Exchanges[0].Kind)
	require.Len(t, obj.Exchanges[0].Hops, 3)
	answers := 0
	for _, r := range obj.Roles {
		assert.Contains(t, r.Partner, r.Frame)
		require.GreaterOrEqual(t, len(r.Partner), 2, "frame %d", r.Frame)
		if r.Answer {
			answers++
			ttl := obj.Exchanges[0].Hops[r.Hop].TTL
			if r.Beyond {
				continue
			}
			assert.True(t, strings.Contains(r.Sentence, "sent with TTL "+strconv.Itoa(ttl)+" "), r.Sentence)
		}
	}
	assert.GreaterOrEqual(t, answers, 9)

	_, err = storyBytes(nil)
	assert.Error(t, err)
	_, err = storyBytes([]byte{0xd4, 0xc3, 0xb2})
	assert.Error(t, err)
}

// TestStoryText: pasted hex with no exchange tells no story.
func TestStoryText(t *testing.T) {
	v, err := storyText("4500001c000100004011ee75c6120001c6120035d6d8003500080000")
	require.NoError(t, err)
	assert.Empty(t, v.Exchanges)
	assert.Empty(t, v.Roles)
	_, err = storyText("  ")
	assert.Error(t, err)
}

// TestStoryTextTimes: tcpdump -x text carries times of day only; they are
// enough for round trips. (An echo request and its reply, checksums good.)
func TestStoryTextTimes(t *testing.T) {
	text := "12:00:00.000100 IP 198.18.1.1 > 198.18.3.2: ICMP echo request, id 7, seq 1, length 16\n" +
		"\t0x0000:  4500 0024 0001 0000 4001 eab0 c612 0101\n" +
		"\t0x0010:  c612 0302 0800 f7f7 0007 0001 0000 0000\n" +
		"\t0x0020:  0000 0000\n" +
		"12:00:00.000350 IP 198.18.3.2 > 198.18.1.1: ICMP echo reply, id 7, seq 1, length 16\n" +
		"\t0x0000:  4500 0024 0002 0000 3e01 ecaf c612 0302\n" +
		"\t0x0010:  c612 0101 0000 fff7 0007 0001 0000 0000\n" +
		"\t0x0020:  0000 0000\n"
	v, err := storyText(text)
	require.NoError(t, err)
	require.Len(t, v.Exchanges, 1)
	p := v.Exchanges[0].Ping
	require.NotNil(t, p)
	require.Len(t, p.Replies, 1)
	assert.True(t, p.Replies[0].HasRTT)
	assert.Equal(t, 250*time.Microsecond, p.Replies[0].RTT)
}
