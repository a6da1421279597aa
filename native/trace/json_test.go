package trace

import (
	"bytes"
	"encoding/json"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every end sentence the engine writes has its enum value.
func TestReasonOf(t *testing.T) {
	for end, want := range map[string]EndReason{
		"destination reached": ReasonReached,
		"unreachable (!H)":    ReasonUnreachable,
		"max hops (30)":       ReasonMaxHops,
		EndMaxUnknown(5):      ReasonMaxUnknown,
		"interrupted":         ReasonInterrupted,
		"":                    ReasonInterrupted,
	} {
		assert.Equal(t, want, ReasonOf(end), "%q", end)
	}
	assert.Equal(t, ReasonReached, ReasonOf(endReason(&Probe{Outcome: Reached}, 30, false)))
	assert.Equal(t, ReasonMaxHops, ReasonOf(endReason(nil, 30, true)))
}

// A hop line is one line of JSON with its type, flow (from 1), TTL, probes
// and statistics.
func TestWriteHopJSON(t *testing.T) {
	var b bytes.Buffer
	sent := time.Unix(100, 0)
	h := HopReport{Flow: 0, TTL: 3, Probes: []Probe{{N: 0, Outcome: TimedOut, Sent: sent}}}
	require.NoError(t, WriteHopJSON(&b, h, nil))
	require.Equal(t, 1, strings.Count(b.String(), "\n"), b.String())
	var got struct {
		Type   string `json:"type"`
		Flow   int    `json:"flow"`
		TTL    int    `json:"ttl"`
		Probes []struct {
			Outcome string      `json:"outcome"`
			From    *netip.Addr `json:"from"`
		} `json:"probes"`
		Stats struct {
			Sent int `json:"sent"`
		} `json:"stats"`
	}
	require.NoError(t, json.Unmarshal(b.Bytes(), &got))
	assert.Equal(t, "hop", got.Type)
	assert.Equal(t, 1, got.Flow)
	assert.Equal(t, 3, got.TTL)
	require.Len(t, got.Probes, 1)
	assert.Nil(t, got.Probes[0].From)
	assert.Equal(t, 1, got.Stats.Sent)
}
