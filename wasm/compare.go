package main

import (
	"errors"
	"strings"

	"icmplab/codec/dissect"
)

// CompareOptions are the options object of compare (see api.d.ts): each
// packet's start layer ("" guesses it, as decode does) and what to leave out.
type CompareOptions struct {
	LayerA           string `json:"layerA"`
	LayerB           string `json:"layerB"`
	IgnoreChecksums  bool   `json:"ignoreChecksums"`
	IgnoreTimestamps bool   `json:"ignoreTimestamps"`
	// Lang is the language of the compared fields' labels and values.
	Lang Lang `json:"-"`
}

// CompareResult is the answer to compare: the layer each packet was
// dissected from and the differences in tree order. Each difference carries
// the field's place in packet a and in packet b (offset, length, mask,
// source, as the tree's nodes do), for both hex panes to highlight; the side
// that lacks the field is absent.
type CompareResult struct {
	LayerA string              `json:"layerA"`
	LayerB string              `json:"layerB"`
	Diffs  []dissect.FieldDiff `json:"diffs"`
}

// comparePackets dissects two packets' bytes and compares them field by
// field; all the protocol knowledge is dissect's.
func comparePackets(a, b []byte, o CompareOptions) (CompareResult, error) {
	if len(a) == 0 || len(b) == 0 {
		return CompareResult{}, errors.New("compare needs the bytes of two packets; one of them is empty")
	}
	la, err := compareLayer(o.LayerA, a)
	if err != nil {
		return CompareResult{}, err
	}
	lb, err := compareLayer(o.LayerB, b)
	if err != nil {
		return CompareResult{}, err
	}
	fa := dissect.Dissect(a, la, dissect.Options{Lang: o.Lang.words()})
	fb := dissect.Dissect(b, lb, dissect.Options{Lang: o.Lang.words()})
	diffs := dissect.Compare(fa, fb, dissect.CompareOptions{IgnoreChecksums: o.IgnoreChecksums, IgnoreTimestamps: o.IgnoreTimestamps})
	if diffs == nil {
		diffs = []dissect.FieldDiff{} // JSON [] for the page, never null
	}
	return CompareResult{LayerA: la.String(), LayerB: lb.String(), Diffs: diffs}, nil
}

// compareLayer reads a start layer name, or guesses it from the bytes.
func compareLayer(name string, b []byte) (dissect.Layer, error) {
	if name == "" {
		return dissect.Guess(b), nil
	}
	l, ok := dissect.ParseLayer(name)
	if !ok {
		return 0, errors.New("unknown start layer " + quote(name) + "; known: " + strings.Join(dissect.Layers(), ", "))
	}
	return l, nil
}
