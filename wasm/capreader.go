package main

import (
	"io"
	"time"

	"icmplab/codec/capture"
)

// capPacket is one record of a capture file as the session indexes it.
type capPacket struct {
	Data     []byte // valid until the next Next
	Time     time.Time
	OrigLen  int
	LinkType uint32
}

// capReader yields a capture's packets in order.
type capReader interface {
	Next() (capPacket, error) // io.EOF at the end
	Format() string           // "pcap", "pcapng"
	Gzipped() bool
}

// openCapReader reads the start of a capture (pcap, pcapng, either gzipped)
// with the codec's streaming reader.
func openCapReader(r io.Reader) (capReader, error) {
	cr, err := capture.NewReader(r)
	if err != nil {
		return nil, err
	}
	return codecReader{cr}, nil
}

type codecReader struct{ r *capture.Reader }

func (c codecReader) Format() string { return c.r.Format().String() }

func (c codecReader) Gzipped() bool { return c.r.Gzipped() }

func (c codecReader) Next() (capPacket, error) {
	p, err := c.r.Next()
	if err != nil {
		return capPacket{}, err
	}
	return capPacket{Data: p.Data, Time: p.Time, OrigLen: p.OrigLen, LinkType: uint32(p.LinkType)}, nil
}
