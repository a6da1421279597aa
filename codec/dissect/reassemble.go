package dissect

import (
	"math/bits"
	"net/netip"
	"slices"
)

// Reassembler collects IP fragments across the frames of a capture, as
// Wireshark does: feed every frame through Dissect with Options.Reassembler
// set, and the frame whose fragment completes a datagram shows it whole.
//
// Memory is bounded (README, "The budget"): at most MaxDatagrams datagrams in
// progress and MaxBytes held, where every fragment counts its bytes plus
// fragOverhead (so zero-length and duplicate fragments count too) and every
// datagram its coverage bitmap. Past a bound the oldest datagrams are
// dropped, and the frame whose fragment pushed them out carries a note
// saying so. Time is O(n log n) in the fragments of a datagram: each one
// marks the bytes it covers in a bitmap, and the fragments are sorted once,
// when the datagram completes. The zero value is not usable; call
// NewReassembler.
type Reassembler struct {
	MaxDatagrams int
	MaxBytes     int

	pending map[fragKey]*fragBuf
	order   []fragKey // arrival order of first fragments, for eviction
	held    int
	note    pendingNote // what the last add had to give up, for the frame's note
}

// Default bounds of NewReassembler: a busy link's worth of fragmented
// pings, far below what a browser tab can hold.
const (
	DefaultMaxDatagrams = 1024
	DefaultMaxBytes     = 16 << 20
	maxDatagramLen      = 65535 + 8 // largest IPv4 datagram payload (plus slack for the last fragment)
	// fragOverhead is what a fragment costs besides its bytes: its entry
	// in the list and the slice that holds it.
	fragOverhead = 48
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
	proto uint8 // upper protocol, from the fragment at offset 0 (RFC 8200 4.5)
	frags []fragment
	total int // known once the last fragment (MF clear) arrived; -1 before
	// have marks every byte some fragment covers, one bit a byte; set
	// counts the bits. maxEnd is where the furthest fragment with bytes
	// ends, maxOff where the furthest fragment (empty ones too) starts.
	have           []uint64
	set            int
	maxEnd, maxOff int
	cost           int  // bytes charged to the Reassembler's MaxBytes
	broken         bool // a fragment was cut by the capture: never complete
}

// add stores one fragment; when the datagram is complete it returns the
// reassembled payload, the upper protocol its first fragment names, and
// true, and forgets the datagram. What it had to give up on the way
// (evicted datagrams, a fragment past the largest datagram) is left for
// TakeNote.
func (r *Reassembler) add(k fragKey, off int, data []byte, more bool, truncated bool) ([]byte, uint8, bool) {
	r.note = pendingNote{}
	proto := k.proto
	if k.v6 {
		k.proto = 0 // IPv6 fragments of one datagram may disagree; the first one's counts
	}
	if r.pending == nil {
		r.pending = map[fragKey]*fragBuf{}
	}
	if off+len(data) > maxDatagramLen {
		r.note = pendingNote{NoteFragmentTooFar, []any{off + len(data)}}
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
	cost := len(data) + fragOverhead
	if words := (off + len(data) + 63) / 64; words > len(fb.have) {
		cost += 8 * (words - len(fb.have))
		fb.have = append(fb.have, make([]uint64, words-len(fb.have))...)
	}
	fb.set += markRange(fb.have, off, off+len(data))
	fb.maxOff = max(fb.maxOff, off)
	if len(data) > 0 {
		fb.maxEnd = max(fb.maxEnd, off+len(data))
	}
	fb.cost += cost
	r.held += cost
	if !more {
		fb.total = off + len(data)
	}
	if !fb.broken && fb.complete() {
		whole := fb.assemble()
		r.drop(k)
		return whole, fb.proto, true
	}
	r.evict(k)
	return nil, 0, false
}

// TakeNote returns what the last fragment given to the Reassembler cost
// the capture: datagrams dropped to stay within its bounds, or the fragment
// itself not kept. "" when nothing was given up.
func (r *Reassembler) TakeNote() string {
	n := r.takeNote()
	if n.kind == NoteNone {
		return ""
	}
	return noteMessage(LangEN, n.kind, n.args)
}

// takeNote is TakeNote before it is worded, for Dissect to word it in the
// frame's language.
func (r *Reassembler) takeNote() pendingNote {
	n := r.note
	r.note = pendingNote{}
	return n
}

// markRange sets the bits [from, to) of have and returns how many were
// not set before.
func markRange(have []uint64, from, to int) int {
	n := 0
	for from < to {
		w, b := from/64, uint(from%64)
		span := min(64-int(b), to-from)
		mask := ^uint64(0) >> (64 - uint(span)) << b
		n += bits.OnesCount64(mask &^ have[w])
		have[w] |= mask
		from += span
	}
	return n
}

// complete reports whether the fragments cover [0, total) with no gap
// before any of them, as the reassembly of before issue 11 required: it
// walked every fragment in order of offset and gave up at the first one
// that started past the bytes covered so far, even past total. In bits:
// the covered bytes are one run from 0 (set == maxEnd), long enough, and
// no fragment, empty or not, starts after it. O(1).
func (fb *fragBuf) complete() bool {
	return fb.total >= 0 && fb.set == fb.maxEnd && fb.set >= fb.total && fb.maxOff <= fb.set
}

// assemble copies the fragments in order of offset, later arrivals over
// earlier ones at the same offset, each later offset over the bytes before
// it: where fragments overlap, the result is the one a sort by offset and a
// copy in that order give.
func (fb *fragBuf) assemble() []byte {
	slices.SortStableFunc(fb.frags, func(a, b fragment) int { return a.off - b.off })
	out := make([]byte, fb.total)
	for _, f := range fb.frags {
		if f.off < len(out) {
			copy(out[f.off:], f.data)
		}
	}
	return out
}

func (r *Reassembler) drop(k fragKey) {
	if fb := r.pending[k]; fb != nil {
		r.held -= fb.cost
		delete(r.pending, k)
	}
	for i, o := range r.order {
		if o == k {
			r.order = append(r.order[:i], r.order[i+1:]...)
			break
		}
	}
}

// evict drops the oldest datagrams until the bounds hold, and notes how
// many it dropped and why. cur is the datagram the last fragment went to.
func (r *Reassembler) evict(cur fragKey) {
	maxD, maxB := r.MaxDatagrams, r.MaxBytes
	if maxD <= 0 {
		maxD = DefaultMaxDatagrams
	}
	if maxB <= 0 {
		maxB = DefaultMaxBytes
	}
	n, self := 0, false
	var why reassemblyBound
	for len(r.order) > 0 && (len(r.pending) > maxD || r.held > maxB) {
		if n == 0 {
			why = reassemblyBound{limit: maxD}
			if r.held > maxB {
				why = reassemblyBound{bytes: true, limit: maxB}
			}
		}
		if r.order[0] == cur {
			self = true
		}
		r.drop(r.order[0])
		n++
	}
	switch {
	case n == 0:
	case self && n == 1:
		r.note = pendingNote{NoteGivenUpSelf, []any{why}}
	case self:
		r.note = pendingNote{NoteGivenUpSelfMany, []any{n, why}}
	case n == 1:
		r.note = pendingNote{NoteGivenUpOldest, []any{why}}
	default:
		r.note = pendingNote{NoteGivenUpOldestMany, []any{n, why}}
	}
}

// Pending reports how many datagrams are waiting for fragments and how
// many bytes they hold (fragment bytes and bookkeeping, as MaxBytes counts
// them).
func (r *Reassembler) Pending() (datagrams, bytes int) { return len(r.pending), r.held }
