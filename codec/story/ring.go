package story

import "encoding/binary"

// ringIndex is a live matcher's index from a probe key to the slot of the
// latest probe with that key: an open-addressing table (linear probing,
// deletion by backward shift) sized once for the window. A Go map would do
// the job, but its allocations follow its growth and its deletions; this
// one is a single allocation made when the matcher is, so a ping running
// for days allocates nothing per probe and holds the same memory.
type ringIndex struct {
	keys  []probeKey
	slots []int32 // -1: empty
	mask  uint64
	n     int
}

func newRingIndex(window int) ringIndex {
	size := 1
	for size < 2*window { // at most half full: short probe runs
		size <<= 1
	}
	r := ringIndex{keys: make([]probeKey, size), slots: make([]int32, size), mask: uint64(size - 1)}
	for i := range r.slots {
		r.slots[i] = -1
	}
	return r
}

// hashKey mixes every field of a probe key into a position.
func hashKey(k *probeKey) uint64 {
	s, d := k.src.As16(), k.dst.As16()
	h := uint64(k.fam)<<48 ^ uint64(k.proto)<<40 ^ uint64(k.a)<<16 ^ uint64(k.b)
	if k.ext {
		h ^= 1 << 56
	}
	for _, w := range [4]uint64{binary.LittleEndian.Uint64(s[:8]), binary.LittleEndian.Uint64(s[8:]),
		binary.LittleEndian.Uint64(d[:8]), binary.LittleEndian.Uint64(d[8:])} {
		h = (h ^ w) * 0x9e3779b97f4a7c15
		h ^= h >> 29
	}
	return h
}

// find returns the position holding k, or the empty one where it would go.
func (r *ringIndex) find(k *probeKey) (pos uint64, ok bool) {
	for pos = hashKey(k) & r.mask; r.slots[pos] >= 0; pos = (pos + 1) & r.mask {
		if r.keys[pos] == *k {
			return pos, true
		}
	}
	return pos, false
}

func (r *ringIndex) get(k *probeKey) (int32, bool) {
	pos, ok := r.find(k)
	return r.slots[pos], ok
}

func (r *ringIndex) set(k *probeKey, slot int32) {
	pos, ok := r.find(k)
	if !ok {
		r.keys[pos] = *k
		r.n++
	}
	r.slots[pos] = slot
}

// remove deletes k if it still names slot, shifting back the entries that
// probed past it so that no lookup stops early at the hole.
func (r *ringIndex) remove(k *probeKey, slot int32) {
	pos, ok := r.find(k)
	if !ok || r.slots[pos] != slot {
		return
	}
	r.n--
	hole := pos
	for i := (pos + 1) & r.mask; r.slots[i] >= 0; i = (i + 1) & r.mask {
		home := hashKey(&r.keys[i]) & r.mask
		// The entry at i may fill the hole unless its home lies in the
		// cyclic range (hole, i].
		if (i-home)&r.mask >= (i-hole)&r.mask {
			r.keys[hole], r.slots[hole] = r.keys[i], r.slots[i]
			hole = i
		}
	}
	r.keys[hole], r.slots[hole] = probeKey{}, -1
}
