package main

import (
	"bytes"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
	"icmplab/codec/filter"
	"icmplab/codec/filter/filtertest"
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

// On filtertest's mix (echoes, errors quoting UDP, TCP and echoes of both
// families, probes, damaged frames), the session's filter selects exactly
// the frames the dissection tree matches, for every expression the
// benchmarks time: the quick path the session takes for most of them is
// held to the tree's answer here too.
func TestSessionFilterMixedCapture(t *testing.T) {
	const n = 3000
	var buf bytes.Buffer
	require.NoError(t, filtertest.WriteCapture(&buf, n))
	h, s := feedAll(t, buf.Bytes(), 1<<16)
	defer closeSession(h)
	require.Equal(t, n, s.end(h, EN).Count)
	for _, expr := range []string{
		"icmp.type == 11 && ip.src in 198.18.0.0/16", "icmp.code != 0", "udp.dstport >= 33434", "icmp.checksum_bad",
		"!icmpv6", "frame.len > 100", "ip.dst == 198.19.1.9 && icmp.type == 11", "tcp.dstport == 443 || icmpv6.type == 3",
		"icmp.mtu == 1400",
		"icmp.mpls.label > 0", // not read by the quick path: every frame dissected
	} {
		f := filter.MustCompile(expr)
		var want []int
		for i := range n {
			fr := filtertest.Ethernet(i)
			if f.Match(dissect.Dissect(fr.Data, filtertest.Start, dissect.Options{Number: i + 1, Len: fr.Len})) {
				want = append(want, i+1)
			}
		}
		require.NotEmpty(t, want, expr)
		got := mustFilter(t, s, Filter{Expr: expr})
		var nos []int
		for _, r := range s.rowsAt(0, n, EN) {
			nos = append(nos, r.No)
		}
		assert.Equal(t, len(want), got, expr)
		assert.Equal(t, want, nos, expr)
	}
}
