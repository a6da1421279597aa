package story

import "encoding/binary"

// ringIndex is a live matcher's index from a probe key to the slot of the
// latest probe with that key: an open-addressing table of slots (linear
// probing, deletion by backward shift), the keys read from the probes
// themselves, sized once for the window. A Go map would do the job, but its
// allocations follow its growth and its deletions, and it would hold a copy
// of every key; this one is a single allocation of four bytes per position
// made when the matcher is, so a ping running for days allocates nothing
// per probe and holds the same memory.
type ringIndex struct {
	slots  []int32 // -1: empty
	mask   uint64
	n      int
	probes *probeTable
}

func newRingIndex(window int, probes *probeTable) ringIndex {
	size := 1
	for size < 2*window { // at most half full: short probe runs
		size <<= 1
	}
	r := ringIndex{slots: make([]int32, size), mask: uint64(size - 1), probes: probes}
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
		if r.probes.at(r.slots[pos]).key == *k {
			return pos, true
		}
	}
	return pos, false
}

func (r *ringIndex) get(k *probeKey) (int32, bool) {
	pos, ok := r.find(k)
	return r.slots[pos], ok
}

// set makes slot the latest probe with k: the probe must already be in
// its slot (its key is read from there).
func (r *ringIndex) set(k *probeKey, slot int32) {
	pos, ok := r.find(k)
	if !ok {
		r.n++
	}
	r.slots[pos] = slot
}

// remove deletes k if it still names slot, shifting back the entries that
// probed past it so that no lookup stops early at the hole. The probe in
// slot must still be there.
func (r *ringIndex) remove(k *probeKey, slot int32) {
	pos, ok := r.find(k)
	if !ok || r.slots[pos] != slot {
		return
	}
	r.n--
	hole := pos
	for i := (pos + 1) & r.mask; r.slots[i] >= 0; i = (i + 1) & r.mask {
		home := hashKey(&r.probes.at(r.slots[i]).key) & r.mask
		// The entry at i may fill the hole unless its home lies in the
		// cyclic range (hole, i].
		if (i-home)&r.mask >= (i-hole)&r.mask {
			r.slots[hole] = r.slots[i]
			hole = i
		}
	}
	r.slots[hole] = -1
}
