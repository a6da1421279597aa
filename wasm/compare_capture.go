package main

import (
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"

	"icmplab/codec/dissect"
)

// RowsCompare answers captureCompare: compare's result and both packets'
// bytes in hex, for the page's two hex panes.
type RowsCompare struct {
	LayerA string              `json:"layerA"`
	LayerB string              `json:"layerB"`
	Diffs  []dissect.FieldDiff `json:"diffs"`
	HexA   string              `json:"hexA"`
	HexB   string              `json:"hexB"`
}

// compareRows compares two packets of the list (list indices ka and kb),
// from the bytes the session kept, each from its own link layer.
func (s *session) compareRows(ka, kb int, o CompareOptions, l Lang) (RowsCompare, error) {
	a, la, err := s.keptAt(ka, l)
	if err != nil {
		return RowsCompare{}, err
	}
	b, lb, err := s.keptAt(kb, l)
	if err != nil {
		return RowsCompare{}, err
	}
	o.LayerA, o.LayerB, o.Lang = la, lb, l
	res, err := comparePackets(a, b, o)
	if err != nil {
		return RowsCompare{}, err
	}
	return RowsCompare{LayerA: res.LayerA, LayerB: res.LayerB, Diffs: res.Diffs, HexA: hex.EncodeToString(a), HexB: hex.EncodeToString(b)}, nil
}

// keptAt copies the kept bytes of list index k and names its start layer.
func (s *session) keptAt(k int, l Lang) ([]byte, string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	idx := s.viewIndices()
	if k < 0 || k >= len(idx) {
		return nil, "", fmt.Errorf("%w: list index %d is out of range (0 to %d)", errListArg, k, len(idx)-1)
	}
	i := idx[k]
	r := s.rows.At(i)
	if r.flags&flagKept == 0 {
		return nil, "", errors.New(l.say("packet "+strconv.Itoa(i+1)+" is past the bytes kept in memory and cannot be compared",
			"패킷 "+strconv.Itoa(i+1)+"은(는) 메모리에 보관하지 않아 비교할 수 없습니다"))
	}
	return append([]byte(nil), s.kept.Get(r.keep, r.n)...), s.startOf(i).String(), nil
}
