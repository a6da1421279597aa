package capture

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
	"strconv"
	"time"
)

// NgWriter writes a pcapng file with one section and one interface, with
// nanosecond time stamps: what the web page exports and the tests build
// captures with. It writes each block with one Write call and buffers
// nothing, so the caller chooses the buffering.
type NgWriter struct {
	w   io.Writer
	buf []byte
	err error
}

// userAppl names the writer in the section header (shb_userappl), as
// Wireshark shows under "Capture file properties".
const userAppl = "icmplab"

// NewNgWriter writes the section header and the interface description for
// link and returns the writer. The section names icmplab as its application;
// NewNgWriterOptions says more.
func NewNgWriter(w io.Writer, link LinkType) (*NgWriter, error) {
	return NewNgWriterOptions(w, link, NgWriterOptions{})
}

// WritePacket writes one Enhanced Packet Block. origLen is the length on the
// wire, at least len(data). Time stamps before 1970 cannot be written.
func (w *NgWriter) WritePacket(t time.Time, data []byte, origLen int) error {
	if w.err != nil {
		return w.err
	}
	switch {
	case origLen < len(data):
		return errors.New("pcapng: original length " + strconv.Itoa(origLen) + " is less than the " + strconv.Itoa(len(data)) + " bytes captured")
	case len(data) > MaxBlockSize-32 || uint64(origLen) > math.MaxUint32:
		return errors.New("pcapng: packet of " + strconv.Itoa(origLen) + " bytes is too large")
	case t.Before(time.Unix(0, 0)) || t.After(time.Unix(0, math.MaxInt64)):
		return errors.New("pcapng: time " + t.String() + " is outside 1970 to 2262, which 64-bit nanoseconds hold")
	}
	ns := uint64(t.UnixNano())
	padded := (len(data) + 3) &^ 3
	total := uint32(32 + padded)
	le := binary.LittleEndian
	b := w.buf[:0]
	b = le.AppendUint32(b, ngEnhancedPacket)
	b = le.AppendUint32(b, total)
	b = le.AppendUint32(b, 0) // interface 0
	b = le.AppendUint32(b, uint32(ns>>32))
	b = le.AppendUint32(b, uint32(ns))
	b = le.AppendUint32(b, uint32(len(data)))
	b = le.AppendUint32(b, uint32(origLen))
	b = append(b, data...)
	for len(b) < 28+padded {
		b = append(b, 0)
	}
	b = le.AppendUint32(b, total)
	w.buf = b
	if _, err := w.w.Write(b); err != nil {
		w.err = err
		return err
	}
	return nil
}
