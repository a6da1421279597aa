package main

import (
	"errors"
	"fmt"
	"strconv"

	"icmplab/codec/dissect"
)

// compareRows compares two packets of the list (list indices ka and kb),
// from the bytes the session kept, each from its own link layer.
func (s *session) compareRows(ka, kb int, o CompareOptions, l Lang) (CompareResult, error) {
	a, la, err := s.keptAt(ka, l)
	if err != nil {
		return CompareResult{}, err
	}
	b, lb, err := s.keptAt(kb, l)
	if err != nil {
		return CompareResult{}, err
	}
	o.LayerA, o.LayerB = la, lb
	return comparePackets(a, b, o)
}

// keptAt copies the kept bytes of list index k and names its start layer.
func (s *session) keptAt(k int, l Lang) ([]byte, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	idx := s.viewIndices()
	if k < 0 || k >= len(idx) {
		return nil, "", fmt.Errorf("%w: list index %d is out of range (0 to %d)", errArgs, k, len(idx)-1)
	}
	i := idx[k]
	r := s.rows.At(i)
	if r.flags&flagKept == 0 {
		return nil, "", errors.New(l.say("packet "+strconv.Itoa(i+1)+" is past the bytes kept in memory and cannot be compared",
			"패킷 "+strconv.Itoa(i+1)+"은(는) 메모리에 보관하지 않아 비교할 수 없습니다"))
	}
	start, _ := dissect.LayerForLinkType(s.linkOf(i))
	return append([]byte(nil), s.kept.Get(r.keep, r.n)...), start.String(), nil
}
