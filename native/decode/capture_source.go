package decode

import (
	"io"

	"icmplab/codec/capture"
	"icmplab/codec/dissect"
)

// openCapture reads a pcap, pcapng or gzipped capture as a stream: memory
// stays constant however large the file.
func openCapture(r io.Reader, opt Options) (Source, error) {
	cr, err := capture.NewReader(r)
	if err != nil {
		return nil, &InputError{err}
	}
	return &captureSource{r: cr, layer: opt.Layer}, nil
}

type captureSource struct {
	r     *capture.Reader
	layer dissect.Layer
}

// Next returns the next packet. Its Data is valid until the following call,
// which is as long as Run needs it (reassembly copies what it keeps).
func (s *captureSource) Next() (Frame, error) {
	p, err := s.r.Next()
	if err != nil {
		return Frame{}, err
	}
	l := s.layer
	if l == dissect.LayerAuto {
		l, _ = dissect.LayerForLinkType(uint32(p.LinkType))
	}
	return Frame{Data: p.Data, Time: p.Time, Len: p.OrigLen, Layer: l, Notes: s.notes(p.Notes)}, nil
}

// notes words the reader's notes as the output prints them.
func (s *captureSource) notes(ns []capture.Note) []string {
	if len(ns) == 0 {
		return nil
	}
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = s.r.Format().String() + ": " + n.String()
	}
	return out
}

// TrailingNotes are the reader's notes about blocks after the last packet.
func (s *captureSource) TrailingNotes() []string { return s.notes(s.r.PendingNotes()) }

func (s *captureSource) Describe() string {
	d := s.r.Format().String()
	if s.r.Gzipped() {
		d += " (gzip)"
	}
	return d
}
