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

const optUserAppl = 4

// NewNgWriter writes the section header and the interface description for
// link and returns the writer.
func NewNgWriter(w io.Writer, link LinkType) (*NgWriter, error) {
	le := binary.LittleEndian
	b := make([]byte, 0, 128)
	// Section Header Block: byte order, version 1.0, unknown section length,
	// shb_userappl.
	appl := (len(userAppl) + 3) &^ 3
	shbLen := 28 + 4 + appl + 4
	b = le.AppendUint32(b, ngSectionHeader)
	b = le.AppendUint32(b, uint32(shbLen))
	b = le.AppendUint32(b, ngByteOrder)
	b = le.AppendUint16(b, 1)
	b = le.AppendUint16(b, 0)
	b = le.AppendUint64(b, ^uint64(0))
	b = le.AppendUint16(b, optUserAppl)
	b = le.AppendUint16(b, uint16(len(userAppl)))
	b = append(b, userAppl...)
	b = append(b, make([]byte, appl-len(userAppl))...)
	b = le.AppendUint32(b, 0) // opt_endofopt
	b = le.AppendUint32(b, uint32(shbLen))
	// Interface Description Block: link type, no snap length limit (0),
	// if_tsresol 9 (nanoseconds).
	const idbLen = 16 + 8 + 4 + 4
	b = le.AppendUint32(b, ngInterface)
	b = le.AppendUint32(b, idbLen)
	b = le.AppendUint16(b, uint16(link))
	b = le.AppendUint16(b, 0)
	b = le.AppendUint32(b, 0)
	b = le.AppendUint16(b, optTSResol)
	b = le.AppendUint16(b, 1)
	b = append(b, 9, 0, 0, 0)
	b = le.AppendUint32(b, 0) // opt_endofopt
	b = le.AppendUint32(b, idbLen)
	if _, err := w.Write(b); err != nil {
		return nil, err
	}
	return &NgWriter{w: w, buf: b[:0]}, nil
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
