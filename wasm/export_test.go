package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The filtered view exports as pcapng the codec reads back, as JSON Lines
// with one record a packet and as CSV with a header and one line a packet.
func TestSessionExportRoundTrips(t *testing.T) {
	e, _ := exampleByID("traceroute", EN)
	data := mustHex(t, e.Hex)
	h, s := feedAll(t, data, 64)
	defer closeSession(h)
	s.end(h, EN)
	require.Equal(t, 3, mustFilter(t, s, Filter{Expr: "icmp.type == 11"}))

	file, err := s.export(exportPcapNG, EN)
	require.NoError(t, err)
	r, err := openCapReader(bytes.NewReader(file))
	require.NoError(t, err)
	var got [][]byte
	for {
		p, err := r.Next()
		if err != nil {
			break
		}
		got = append(got, p.Data)
	}
	require.Len(t, got, 3)
	for k, i := range []int{1, 3, 5} {
		assert.Equal(t, s.kept.Get(s.rows.At(i).keep, s.rows.At(i).n), got[k])
	}

	jl, err := s.export(exportJSONL, EN)
	require.NoError(t, err)
	sc := bufio.NewScanner(bytes.NewReader(jl))
	var nos []int
	for sc.Scan() {
		var rec struct {
			Frame int `json:"frame"`
		}
		require.NoError(t, json.Unmarshal(sc.Bytes(), &rec))
		nos = append(nos, rec.Frame)
	}
	assert.Equal(t, []int{2, 4, 6}, nos)

	c, err := s.export(exportCSV, EN)
	require.NoError(t, err)
	lines, err := csv.NewReader(bytes.NewReader(c)).ReadAll()
	require.NoError(t, err)
	require.Len(t, lines, 4)
	assert.Equal(t, "no", lines[0][0])
	assert.Equal(t, "2", lines[1][0])
	assert.NotEmpty(t, lines[1][5], "ttl column")

	_, err = s.export("xml", EN)
	assert.ErrorIs(t, err, errListArg)
	assert.Equal(t, 1, s.indexOf(4))
	assert.Equal(t, -1, s.indexOf(3))
}

// Packets whose bytes were not kept are refused, not written short.
func TestSessionExportUnkept(t *testing.T) {
	old := keepBudget
	keepBudget = 0
	defer func() { keepBudget = old }()
	e, _ := exampleByID("ping", EN)
	h, s := feedAll(t, mustHex(t, e.Hex), 64)
	defer closeSession(h)
	s.end(h, EN)
	_, err := s.export(exportPcapNG, EN)
	assert.ErrorContains(t, err, "8 of the listed packets")
}
