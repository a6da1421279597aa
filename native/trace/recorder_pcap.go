package trace

import (
	"time"

	"icmplab/native/pcapout"
)

// pcapRecorder writes --pcap through native/pcapout (pcapng, raw-IP link
// type, nanosecond timestamps).
type pcapRecorder struct {
	w *pcapout.Writer
}

func openRecorder(path string) (recorder, error) {
	if path == "" {
		return nopRecorder{}, nil
	}
	w, err := pcapout.Create(path)
	if err != nil {
		return nil, err
	}
	return &pcapRecorder{w: w}, nil
}

func (r *pcapRecorder) sent(at time.Time, ip []byte)     { r.w.WriteIP(at, ip) }
func (r *pcapRecorder) received(at time.Time, ip []byte) { r.w.WriteIP(at, ip) }

func (r *pcapRecorder) close() error { return r.w.Close() }
