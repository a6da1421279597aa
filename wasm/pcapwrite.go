package main

import (
	"encoding/binary"
	"time"
)

// pcapWriter writes a classic pcap file in memory for the example captures.
// Its frames are bare IP datagrams, so the file says LINKTYPE_RAW.
type pcapWriter struct {
	buf []byte
}

const (
	pcapMagicMicro = 0xa1b2c3d4 // microsecond timestamps, written big-endian here
	pcapLinkRaw    = 101        // LINKTYPE_RAW: each frame starts with an IPv4 or IPv6 header
	pcapSnapLen    = 65535
)

func (w *pcapWriter) add(at time.Time, frame []byte) {
	if w.buf == nil {
		w.buf = binary.BigEndian.AppendUint32(w.buf, pcapMagicMicro)
		w.buf = binary.BigEndian.AppendUint16(w.buf, 2)
		w.buf = binary.BigEndian.AppendUint16(w.buf, 4)
		w.buf = binary.BigEndian.AppendUint32(w.buf, 0) // thiszone
		w.buf = binary.BigEndian.AppendUint32(w.buf, 0) // sigfigs
		w.buf = binary.BigEndian.AppendUint32(w.buf, pcapSnapLen)
		w.buf = binary.BigEndian.AppendUint32(w.buf, pcapLinkRaw)
	}
	w.buf = binary.BigEndian.AppendUint32(w.buf, uint32(at.Unix()))
	w.buf = binary.BigEndian.AppendUint32(w.buf, uint32(at.Nanosecond()/1000))
	w.buf = binary.BigEndian.AppendUint32(w.buf, uint32(len(frame)))
	w.buf = binary.BigEndian.AppendUint32(w.buf, uint32(len(frame)))
	w.buf = append(w.buf, frame...)
}

func (w *pcapWriter) bytes() []byte { return w.buf }
