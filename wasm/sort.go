package main

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Sorting the list by a column: the view (row indices) is reordered, rows
// stay where they are, so it costs 4 bytes a listed packet. The order is
// kept by the session and applied again after each filter.

// errListArg is a bad argument to a list tool (sort, export, compare). The
// method table's errArgs is js-only; this one builds everywhere, with the
// same words.
var errListArg = errors.New("bad arguments")

// Sort keys, as the page's column headers name them.
const (
	sortNo      = "no"
	sortTime    = "time"
	sortSrc     = "src"
	sortDst     = "dst"
	sortLen     = "len"
	sortSummary = "summary" // family, type, code; non-ICMP last
)

// setSort records the order and applies it to the view.
func (s *session) setSort(key string, desc bool) error {
	switch key {
	case sortNo, sortTime, sortSrc, sortDst, sortLen, sortSummary:
	default:
		return fmt.Errorf("%w: sort key must be one of no, time, src, dst, len, summary, not %q", errListArg, key)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.sortKey, s.sortDesc = key, desc
	s.applySort()
	return nil
}

// applySort orders the view by the session's sort key; s.mu is held.
func (s *session) applySort() {
	if s.sortKey == "" || (s.sortKey == sortNo && !s.sortDesc) {
		slices.Sort(s.view) // file order (a filtered view is in it already)
		return
	}
	if s.view == nil {
		s.view = make([]int32, s.rows.Len())
		for i := range s.view {
			s.view[i] = int32(i)
		}
	}
	cmp := func(a, b int32) int {
		ra, rb := s.rows.At(int(a)), s.rows.At(int(b))
		switch s.sortKey {
		case sortTime:
			return compareInt(ra.ts, rb.ts)
		case sortSrc:
			return strings.Compare(s.strs[ra.src], s.strs[rb.src])
		case sortDst:
			return strings.Compare(s.strs[ra.dst], s.strs[rb.dst])
		case sortLen:
			return compareInt(int64(ra.orig), int64(rb.orig))
		case sortSummary:
			ka := int64(ra.flags&flagICMP^flagICMP)<<24 | int64(ra.fam)<<16 | int64(ra.typ)<<8 | int64(ra.code)
			kb := int64(rb.flags&flagICMP^flagICMP)<<24 | int64(rb.fam)<<16 | int64(rb.typ)<<8 | int64(rb.code)
			return compareInt(ka, kb)
		}
		return 0
	}
	slices.SortStableFunc(s.view, func(a, b int32) int {
		c := cmp(a, b)
		if c == 0 {
			c = compareInt(int64(a), int64(b))
		}
		if s.sortDesc {
			return -c
		}
		return c
	})
}

func compareInt(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
