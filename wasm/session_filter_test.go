package main

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/filter"
)

// mustFilter sets a session's view and returns how many rows it shows.
func mustFilter(t *testing.T, s *session, f Filter) int {
	t.Helper()
	out, err := s.filter(f)
	require.NoError(t, err)
	return out.Count
}

// The traceroute example: four UDP probes to 198.51.100.7, time exceeded
// from 192.0.2.1, 203.0.113.1 and 198.51.100.1, port unreachable from the
// target.
func TestSessionFilterExpression(t *testing.T) {
	e, _ := exampleByID("traceroute", EN)
	h, s := feedAll(t, mustHex(t, e.Hex), 64)
	defer closeSession(h)
	require.Equal(t, 8, s.end(h, EN).Count)

	cases := []struct {
		f    Filter
		want []int // frame numbers
	}{
		{Filter{Expr: "icmp.type == 11"}, []int{2, 4, 6}},
		{Filter{Expr: "icmp.type == 11 && ip.src in 203.0.113.0/24"}, []int{4}},
		{Filter{Expr: "icmp.code != 0"}, []int{8}},
		{Filter{Expr: "!icmp"}, []int{1, 3, 5, 7}},
		{Filter{Addr: "198.51.100.0/24"}, []int{1, 3, 5, 6, 7, 8}},
		{Filter{Addr: "203.0.113.0/24", Expr: "icmp"}, []int{4}},
	}
	for _, c := range cases {
		n := mustFilter(t, s, c.f)
		var got []int
		for _, r := range s.rowsAt(0, 100, EN) {
			got = append(got, r.No)
		}
		assert.Equal(t, len(c.want), n, "%+v", c.f)
		assert.Equal(t, c.want, got, "%+v", c.f)
	}

	// A bad expression is an error naming its place, and the view stays.
	before := mustFilter(t, s, Filter{Expr: "icmp.type == 11"})
	_, err := s.filter(Filter{Expr: "icmp.type == == 3"})
	var fe *filter.Error
	require.True(t, errors.As(err, &fe), "error %v", err)
	assert.Greater(t, fe.Column(), 1)
	assert.Len(t, s.rowsAt(0, 100, EN), before)
}

// Rows whose bytes were not kept cannot be judged: they are left out and
// counted, never guessed.
func TestSessionFilterExpressionUnkept(t *testing.T) {
	old := keepBudget
	keepBudget = 0
	defer func() { keepBudget = old }()
	e, _ := exampleByID("traceroute", EN)
	h, s := feedAll(t, mustHex(t, e.Hex), 64)
	defer closeSession(h)
	s.end(h, EN)
	out, err := s.filter(Filter{Expr: "icmp.type == 11"})
	require.NoError(t, err)
	assert.Equal(t, CountResult{Count: 0, Unchecked: 8}, out)
}
