// Package story is the engine of `icmplab story`: it reads frames the way
// `icmplab decode` does (native/decode opens every input kind), hands them
// to codec/story's matcher and writes the exchanges it found. The knowledge
// of what answers what stays in codec/story.
package story

import (
	"errors"
	"io"

	"icmplab/codec/dissect"
	"icmplab/codec/story"
	"icmplab/native/decode"
)

// Format is an output format.
type Format uint8

const (
	FormatText Format = iota // each exchange as its tool prints it
	FormatJSON               // one JSON object per exchange per line (README, "icmplab story")
)

// Options steer a story run.
type Options struct {
	Format Format
	// Matcher bounds the matcher (MaxProbes).
	Matcher story.Options
	// Lang is the language of the text format's words (codec/story's
	// WriteTextIn); English is the tools' own output. JSON is always
	// English: its keys and values are for programs.
	Lang dissect.Lang
}

// Read feeds every frame of src to a matcher and returns what it found,
// with the number of frames read. A read error after some frames is returned
// with the result so far.
func Read(src decode.Source, opt story.Options) (*story.Result, int, error) {
	m := story.New(opt)
	n := 0
	for {
		f, err := src.Next()
		if errors.Is(err, io.EOF) {
			return m.Result(), n, nil
		}
		if err != nil {
			return m.Result(), n, err
		}
		n++
		m.AddFrame(n, f.Time, f.Data, f.Layer)
	}
}

// Run reads src and writes its exchanges to w.
func Run(src decode.Source, w io.Writer, opt Options) (*story.Result, int, error) {
	res, n, err := Read(src, opt.Matcher)
	if err != nil {
		return res, n, err
	}
	if opt.Format == FormatJSON {
		return res, n, story.WriteJSON(w, res)
	}
	return res, n, story.WriteTextIn(w, res, opt.Lang)
}
