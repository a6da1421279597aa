package story

import (
	"encoding/binary"
	"math/bits"
)

// ringIndex is a live matcher's index from a probe key to the slot of the
// latest probe with that key: an open-addressing table of slots (linear
// probing, deletion by backward shift), the keys read from the probes
// themselves, sized once for the window. A Go map would do the job, but its
// allocations follow its growth and its deletions, and it would hold a copy
// of every key; this one is a single allocation of eight bytes per position
// made when the matcher is, so a ping running for days allocates nothing
// per probe and holds the same memory. Each position keeps its key's hash
// beside the slot: probing and shifting compare and place entries without
// reading the probes (cold, in a ring of thousands), only a key whose hash
// agrees is compared whole.
type ringIndex struct {
	pos    []ringPos
	mask   uint64
	n      int
	probes *probeTable
}

// ringPos is one position of the index: a slot (-1: empty) and the hash of
// its probe's key.
type ringPos struct {
	slot int32
	hash uint32
}

func newRingIndex(window int, probes *probeTable) ringIndex {
	size := 1
	for size < 2*window { // at most half full: short probe runs
		size <<= 1
	}
	r := ringIndex{pos: make([]ringPos, size), mask: uint64(size - 1), probes: probes}
	for i := range r.pos {
		r.pos[i].slot = -1
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
	h ^= binary.LittleEndian.Uint64(s[:8]) ^ bits.RotateLeft64(binary.LittleEndian.Uint64(s[8:]), 17) ^
		bits.RotateLeft64(binary.LittleEndian.Uint64(d[:8]), 31) ^ bits.RotateLeft64(binary.LittleEndian.Uint64(d[8:]), 47)
	// murmur3's finalizer: every input bit reaches the low bits the
	// position is taken from.
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// ringAt is where find looked: the position holding the key (found) or the
// empty one where it would go, and the key's hash.
type ringAt struct {
	pos   uint64
	hash  uint32
	found bool
}

// find looks k up.
func (r *ringIndex) find(k *probeKey) ringAt {
	full := hashKey(k)
	at := ringAt{pos: full & r.mask, hash: uint32(full)}
	for ; r.pos[at.pos].slot >= 0; at.pos = (at.pos + 1) & r.mask {
		if e := r.pos[at.pos]; e.hash == at.hash && r.probes.at(e.slot).key == *k {
			at.found = true
			return at
		}
	}
	return at
}

func (r *ringIndex) get(k *probeKey) (int32, bool) {
	at := r.find(k)
	return r.pos[at.pos].slot, at.found
}

// put makes slot the latest probe with the key find looked up at at;
// nothing may have moved in the index since.
func (r *ringIndex) put(at ringAt, slot int32) {
	if !at.found {
		r.n++
	}
	r.pos[at.pos] = ringPos{slot: slot, hash: at.hash}
}

// remove deletes the entry naming slot, whose key hashed to hash, if the
// index still holds it (a later probe with the same key replaces it), and
// shifts back the entries that probed past it so that no lookup stops
// early at the hole. Only positions are read, not the key: the entry is
// the one naming slot on the run from its hash's home.
func (r *ringIndex) remove(hash uint32, slot int32) {
	at := uint64(hash) & r.mask
	for ; r.pos[at].slot != slot; at = (at + 1) & r.mask {
		if r.pos[at].slot < 0 {
			return
		}
	}
	r.n--
	hole := at
	for i := (at + 1) & r.mask; r.pos[i].slot >= 0; i = (i + 1) & r.mask {
		home := r.home(r.pos[i])
		// The entry at i may fill the hole unless its home lies in the
		// cyclic range (hole, i].
		if (i-home)&r.mask >= (i-hole)&r.mask {
			r.pos[hole] = r.pos[i]
			hole = i
		}
	}
	r.pos[hole] = ringPos{slot: -1}
}

// home is the position an entry's hash starts probing at. The index is
// never larger than 2^32 positions, so the low 32 bits of the hash, kept
// in the entry, give it.
func (r *ringIndex) home(e ringPos) uint64 { return uint64(e.hash) & r.mask }
