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
	return Frame{Data: p.Data, Time: p.Time, Len: p.OrigLen, Layer: l}, nil
}

func (s *captureSource) Describe() string {
	d := s.r.Format().String()
	if s.r.Gzipped() {
		d += " (gzip)"
	}
	return d
}
