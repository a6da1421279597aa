package filtertest

import (
	"bufio"
	"io"
	"time"

	"icmplab/codec/capture"
	"icmplab/codec/dissect"
)

// Ethernet is Mixed(i) behind Ethernet II whatever i: the frames of a
// capture with one link type.
func Ethernet(i int) Frame {
	k := cycle[i%len(cycle)]
	return Make(k, uint16(i), uint8(1+i/len(cycle)%12))
}

// WriteCapture writes Ethernet(0) to Ethernet(n-1) as a pcapng file, one
// millisecond apart from 2026-12-01 12:00 UTC: the capture the page's
// filter is timed on.
func WriteCapture(w io.Writer, n int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	nw, err := capture.NewNgWriter(bw, capture.LinkEthernet)
	if err != nil {
		return err
	}
	base := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	for i := range n {
		f := Ethernet(i)
		if err := nw.WritePacket(base.Add(time.Duration(i)*time.Millisecond), f.Data, f.Len); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Start is the layer the frames of WriteCapture start at.
const Start = dissect.LayerEthernet
