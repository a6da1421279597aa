package main

import (
	"icmplab/codec"
	"icmplab/codec/dissect"
	catalogue "icmplab/codec/dissect/explain"
)

// The page's worked checksums: dissect.WorkedChecksums picks a frame's
// checksums and codec works each out; this file only shapes them as the page
// reads them (api.d.ts ChecksumWork), with the catalogue's words.

// ChecksumStep is one 16-bit word added to the running sum.
type ChecksumStep struct {
	Label string `json:"label,omitempty"` // pseudo-header part, in English
	// LabelText is Label in both languages, the page picks its own.
	LabelText *TextView `json:"labelText,omitempty"`
	Off       int       `json:"off"` // frame offset of the word's first byte; -1 in the pseudo-header
	Word      uint16    `json:"word"`
	Sum       uint32    `json:"sum"`              // running sum after this word, before folding
	Zeroed    bool      `json:"zeroed,omitempty"` // the checksum field itself, counted as zero
	Pad       bool      `json:"pad,omitempty"`    // a last odd byte, padded with a zero byte
}

// Fold is one end-around carry: the bits above 16 added back in.
type Fold struct {
	From uint32 `json:"from"`
	To   uint32 `json:"to"`
}

// ChecksumWork is one checksum worked out as on paper (RFC 1071). Label and
// How are the catalogue's English; LabelText and HowText carry both
// languages.
type ChecksumWork struct {
	Field     string         `json:"field"` // the checksum node's field id
	Label     string         `json:"label"`
	How       string         `json:"how"`
	LabelText TextView       `json:"labelText"`
	HowText   TextView       `json:"howText"`
	Start     int            `json:"start"` // covered bytes in the frame
	Length    int            `json:"length"`
	At        int            `json:"at"` // frame offset of the checksum field
	Found     uint16         `json:"found"`
	Right     uint16         `json:"right"`
	OK        bool           `json:"ok"`
	Pseudo    []ChecksumStep `json:"pseudo,omitempty"`
	Words     []ChecksumStep `json:"words"`
	Total     uint32         `json:"total"`
	Folds     []Fold         `json:"folds"`
	Folded    uint16         `json:"folded"`
}

// checksumsOf works out every checksum of a frame that its bytes cover.
func checksumsOf(f *dissect.Frame) []ChecksumWork {
	out := []ChecksumWork{}
	for _, w := range dissect.WorkedChecksums(f) {
		out = append(out, viewChecksum(w))
	}
	return out
}

func viewChecksum(w dissect.WorkedChecksum) ChecksumWork {
	label, _ := catalogue.Lookup(w.Kind.Key())
	how, _ := catalogue.Lookup(w.Kind.Key() + ".how")
	v := ChecksumWork{
		Field: w.Node.Field, Label: label.EN, How: how.EN, LabelText: text(label), HowText: text(how),
		Start: w.Start, Length: w.Length, At: w.At, Found: w.Found, Right: w.Right,
		OK:    w.Status == codec.ChecksumGood,
		Words: make([]ChecksumStep, 0, len(w.Words)), Total: w.Total, Folds: []Fold{}, Folded: w.Folded,
	}
	for _, p := range w.Pseudo {
		t, _ := catalogue.Lookup(p.Role.Key())
		lt := text(t)
		v.Pseudo = append(v.Pseudo, ChecksumStep{Label: t.EN, LabelText: &lt, Off: p.Off, Word: p.Word, Sum: p.Sum})
	}
	for _, x := range w.Words {
		v.Words = append(v.Words, ChecksumStep{Off: x.Off, Word: x.Word, Sum: x.Sum,
			Zeroed: x.Role == codec.WordChecksumField, Pad: x.Role == codec.WordPadded})
	}
	for _, c := range w.Carries {
		v.Folds = append(v.Folds, Fold{From: c.From, To: c.To})
	}
	return v
}
