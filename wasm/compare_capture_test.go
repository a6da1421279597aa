package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Two echo requests of the ping example, compared from the list.
func TestSessionCompareRows(t *testing.T) {
	e, _ := exampleByID("ping", EN)
	h, s := feedAll(t, mustHex(t, e.Hex), 64)
	defer closeSession(h)
	s.end(h, EN)
	fields := func(o CompareOptions) []string {
		res, err := s.compareRows(0, 2, o, EN)
		require.NoError(t, err)
		var out []string
		for _, d := range res.Diffs {
			out = append(out, d.Field)
		}
		return out
	}
	all := fields(CompareOptions{})
	t.Logf("differences: %v", all)
	assert.Contains(t, all, "icmp.seq")
	assert.Contains(t, all, "icmp.checksum")
	assert.NotContains(t, fields(CompareOptions{IgnoreChecksums: true}), "icmp.checksum")
	_, err := s.compareRows(0, 99, CompareOptions{}, EN)
	assert.ErrorIs(t, err, errListArg)
}
