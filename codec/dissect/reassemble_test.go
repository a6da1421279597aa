package dissect

import (
	"bytes"
	"math/rand/v2"
	"net/netip"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/internal/hostile"
)

// refFragments is the reassembly of before issue 11, kept as the slow
// reference: every fragment sorted all the fragments so far and walked them.
// The Reassembler must give the same datagram, at the same fragment.
type refFragments struct {
	frags []fragment
	total int
}

func (r *refFragments) add(off int, data []byte, more bool) ([]byte, bool) {
	r.frags = append(r.frags, fragment{off: off, data: append([]byte(nil), data...)})
	if !more {
		r.total = off + len(data)
	}
	if r.total < 0 {
		return nil, false
	}
	sort.SliceStable(r.frags, func(i, j int) bool { return r.frags[i].off < r.frags[j].off })
	covered := 0
	for _, f := range r.frags {
		if f.off > covered {
			return nil, false
		}
		covered = max(covered, f.off+len(f.data))
	}
	if covered < r.total {
		return nil, false
	}
	out := make([]byte, r.total)
	for _, f := range r.frags {
		if f.off < len(out) {
			copy(out[f.off:], f.data)
		}
	}
	return out, true
}

// Random fragment sets, overlapping, duplicated, zero-length, out of order
// and past the end: the datagram comes out where and as the reference's.
func TestReassemblyMatchesReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 1))
	k := fragKey{src: netip.MustParseAddr("198.18.0.1"), dst: netip.MustParseAddr("198.18.0.2"), id: 7, proto: 1}
	for round := range 3000 {
		size := 8 * (1 + rng.IntN(40))
		ra, ref := NewReassembler(), &refFragments{total: -1}
		for step := 0; step < 200; step++ {
			off := 8 * rng.IntN(size/8+2)
			n := []int{0, 1, 8, 16, 24, 7}[rng.IntN(6)]
			if rng.IntN(4) == 0 {
				n = 8 * rng.IntN(size/8+1)
			}
			data := make([]byte, n)
			for i := range data {
				data[i] = byte(rng.IntN(256))
			}
			more := rng.IntN(6) != 0
			got, _, gotOK := ra.add(k, off, data, more, false)
			want, wantOK := ref.add(off, data, more)
			require.Equal(t, wantOK, gotOK, "round %d step %d", round, step)
			if wantOK {
				require.True(t, bytes.Equal(want, got), "round %d step %d", round, step)
				break
			}
		}
	}
}

// Issue 11: 100,000 8-byte fragments of one datagram, last first, took
// 54 s. They now take time in proportion, and the fragments' memory stays
// within MaxBytes, zero-length fragments included.
func TestBudgetFragmentStorm(t *testing.T) {
	const n = 100_000
	frag := hostile.FragmentStorm(n, 0x4242)
	ra := NewReassembler()
	var last *Frame
	var maxHeld int
	u := hostile.Measure(func() {
		for i := range n {
			last = Dissect(frag(i), LayerIPv4, Options{Number: i + 1, Reassembler: ra})
			_, held := ra.Pending()
			maxHeld = max(maxHeld, held)
		}
	})
	t.Logf("%d fragments: %v, peak %d, allocated %d, held at most %d", n, u.Elapsed, u.Peak, u.Allocated, maxHeld)
	require.NotNil(t, last.ICMP, "the last fragment completes the datagram")
	require.Len(t, last.Sources, 1)
	assert.Len(t, last.Sources[0].Data, 65528)
	assert.LessOrEqual(t, maxHeld, DefaultMaxBytes)
	assert.Less(t, u.Peak, uint64(DefaultMaxBytes+64*hostile.MiB))

	// Zero-length fragments are not free: a million of them push the
	// datagram out, and the frame that did it says so.
	const maxBytes = 1 << 20
	ra = &Reassembler{MaxBytes: maxBytes}
	empty := hostile.IPv4(1, 9, 1, 8, nil)
	noted := 0
	for i := range maxBytes / fragOverhead * 3 {
		f := Dissect(empty, LayerIPv4, Options{Number: i + 1, Reassembler: ra})
		for _, n := range f.Notes {
			if n.Message == "this fragment's datagram given up: more than 1048576 bytes held for reassembly" {
				noted++
			}
		}
		_, held := ra.Pending()
		require.LessOrEqual(t, held, maxBytes)
	}
	assert.GreaterOrEqual(t, noted, 2, "each eviction is noted")
}

// Past MaxDatagrams the oldest datagram goes, with a note on the frame
// that pushed it out.
func TestReassemblyEvictionNoted(t *testing.T) {
	ra := &Reassembler{MaxDatagrams: 2, MaxBytes: 1 << 20}
	var f *Frame
	for id := range 3 {
		f = Dissect(hostile.IPv4(1, uint16(id), 1, 0, make([]byte, 8)), LayerIPv4, Options{Reassembler: ra})
	}
	d, _ := ra.Pending()
	assert.Equal(t, 2, d)
	var msgs []string
	for _, n := range f.Notes {
		msgs = append(msgs, n.Message)
	}
	assert.Contains(t, msgs, "the oldest datagram in reassembly given up: more than 2 datagrams in reassembly")

	// A fragment past the largest datagram is not kept, and says so.
	f = Dissect(hostile.IPv4(1, 5, 1, 8191, make([]byte, 16)), LayerIPv4, Options{Reassembler: ra})
	msgs = msgs[:0]
	for _, n := range f.Notes {
		msgs = append(msgs, n.Message)
	}
	assert.Contains(t, msgs, "fragment not kept for reassembly: it ends at byte 65544, past the largest datagram (65,535 bytes)")
}
