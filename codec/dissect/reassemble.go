package dissect

import (
	"net/netip"
	"sort"
)

// Reassembler collects IP fragments across the frames of a capture, as
// Wireshark does: feed every frame through Dissect with Options.Reassembler
// set, and the frame whose fragment completes a datagram shows it whole.
// Memory is bounded: at most MaxDatagrams datagrams in progress and
// MaxBytes fragment bytes held; the oldest are dropped first. The zero
// value is not usable; call NewReassembler.
type Reassembler struct {
	MaxDatagrams int
	MaxBytes     int

	pending map[fragKey]*fragBuf
	order   []fragKey // arrival order of first fragments, for eviction
	held    int
}

// Default bounds of NewReassembler: a busy link's worth of fragmented
// pings, far below what a browser tab can hold.
const (
	DefaultMaxDatagrams = 1024
	DefaultMaxBytes     = 16 << 20
	maxDatagramLen      = 65535 + 8 // largest IPv4 datagram payload (plus slack for the last fragment)
)

// NewReassembler returns a Reassembler with the default bounds.
func NewReassembler() *Reassembler {
	return &Reassembler{MaxDatagrams: DefaultMaxDatagrams, MaxBytes: DefaultMaxBytes, pending: map[fragKey]*fragBuf{}}
}

// fragKey identifies the datagram a fragment belongs to (RFC 791: source,
// destination, protocol, identification; RFC 8200: source, destination,
// identification).
type fragKey struct {
	v6       bool
	src, dst netip.Addr
	id       uint32
	proto    uint8
}

type fragment struct {
	off  int
	data []byte
}

type fragBuf struct {
	proto  uint8 // upper protocol, from the fragment at offset 0 (RFC 8200 4.5)
	frags  []fragment
	total  int // known once the last fragment (MF clear) arrived; -1 before
	bytes  int
	broken bool // a fragment was cut by the capture: never complete
}

// add stores one fragment; when the datagram is complete it returns the
// reassembled payload, the upper protocol its first fragment names, and
// true, and forgets the datagram.
func (r *Reassembler) add(k fragKey, off int, data []byte, more bool, truncated bool) ([]byte, uint8, bool) {
	proto := k.proto
	if k.v6 {
		k.proto = 0 // IPv6 fragments of one datagram may disagree; the first one's counts
	}
	if r.pending == nil {
		r.pending = map[fragKey]*fragBuf{}
	}
	if off+len(data) > maxDatagramLen {
		return nil, 0, false
	}
	fb := r.pending[k]
	if fb == nil {
		fb = &fragBuf{total: -1}
		r.pending[k] = fb
		r.order = append(r.order, k)
	}
	if truncated {
		fb.broken = true
	}
	if off == 0 {
		fb.proto = proto
	}
	fb.frags = append(fb.frags, fragment{off: off, data: append([]byte(nil), data...)})
	fb.bytes += len(data)
	r.held += len(data)
	if !more {
		fb.total = off + len(data)
	}
	if whole, ok := fb.complete(); ok && !fb.broken {
		r.drop(k)
		return whole, fb.proto, true
	}
	r.evict()
	return nil, 0, false
}

// complete assembles the datagram when the fragments cover [0, total).
func (fb *fragBuf) complete() ([]byte, bool) {
	if fb.total < 0 {
		return nil, false
	}
	sort.SliceStable(fb.frags, func(i, j int) bool { return fb.frags[i].off < fb.frags[j].off })
	covered := 0
	for _, f := range fb.frags {
		if f.off > covered {
			return nil, false
		}
		if e := f.off + len(f.data); e > covered {
			covered = e
		}
	}
	if covered < fb.total {
		return nil, false
	}
	out := make([]byte, fb.total)
	for _, f := range fb.frags {
		if f.off < len(out) {
			copy(out[f.off:], f.data)
		}
	}
	return out, true
}

func (r *Reassembler) drop(k fragKey) {
	if fb := r.pending[k]; fb != nil {
		r.held -= fb.bytes
		delete(r.pending, k)
	}
	for i, o := range r.order {
		if o == k {
			r.order = append(r.order[:i], r.order[i+1:]...)
			break
		}
	}
}

// evict drops the oldest datagrams until the bounds hold.
func (r *Reassembler) evict() {
	maxD, maxB := r.MaxDatagrams, r.MaxBytes
	if maxD <= 0 {
		maxD = DefaultMaxDatagrams
	}
	if maxB <= 0 {
		maxB = DefaultMaxBytes
	}
	for len(r.order) > 0 && (len(r.pending) > maxD || r.held > maxB) {
		r.drop(r.order[0])
	}
}

// Pending reports how many datagrams are waiting for fragments and how
// many bytes they hold.
func (r *Reassembler) Pending() (datagrams, bytes int) { return len(r.pending), r.held }
