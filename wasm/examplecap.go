package main

import (
	"bytes"
	"time"

	"icmplab/codec/capture"
)

// captureWriter collects example frames into a pcapng file with the codec's
// writer. The frames are bare IP datagrams (LINKTYPE_RAW).
type captureWriter struct {
	buf bytes.Buffer
	w   *capture.NgWriter
}

func (c *captureWriter) add(at time.Time, frame []byte) {
	if c.w == nil {
		// Writing to a bytes.Buffer cannot fail.
		c.w, _ = capture.NewNgWriter(&c.buf, capture.LinkRaw)
	}
	c.w.WritePacket(at, frame, len(frame))
}

func (c *captureWriter) bytes() []byte { return c.buf.Bytes() }
