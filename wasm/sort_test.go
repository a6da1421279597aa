package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rowNos(s *session) []int {
	var out []int
	for _, r := range s.rowsAt(0, 100, EN) {
		out = append(out, r.No)
	}
	return out
}

// A sort orders the view, survives a new filter, and file order comes back.
func TestSessionSort(t *testing.T) {
	e, _ := exampleByID("traceroute", EN)
	h, s := feedAll(t, mustHex(t, e.Hex), 64)
	defer closeSession(h)
	s.end(h, EN)
	require.NoError(t, s.setSort(sortNo, true))
	assert.Equal(t, []int{8, 7, 6, 5, 4, 3, 2, 1}, rowNos(s))
	require.NoError(t, s.setSort(sortLen, false))
	rows := s.rowsAt(0, 100, EN)
	for k := 1; k < len(rows); k++ {
		assert.LessOrEqual(t, rows[k-1].Len, rows[k].Len)
	}
	require.Equal(t, 3, mustFilter(t, s, Filter{Expr: "icmp.type == 11"}))
	rows = s.rowsAt(0, 100, EN)
	for k := 1; k < len(rows); k++ {
		assert.LessOrEqual(t, rows[k-1].Len, rows[k].Len)
	}
	require.NoError(t, s.setSort(sortNo, false))
	assert.Equal(t, []int{2, 4, 6}, rowNos(s))
	require.Equal(t, 8, mustFilter(t, s, Filter{}))
	assert.Equal(t, []int{1, 2, 3, 4, 5, 6, 7, 8}, rowNos(s))
	assert.ErrorIs(t, s.setSort("colour", false), errListArg)
}
