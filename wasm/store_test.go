package main

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestByteStoreAcrossBlocksAndBudget(t *testing.T) {
	var s byteStore
	budget := 2*byteBlock + byteBlock/2
	type put struct {
		off uint32
		b   []byte
	}
	var puts []put
	for i := 0; ; i++ {
		b := bytes.Repeat([]byte{byte(i)}, 1000+i%9000) // sizes that never divide a block evenly
		off, ok := s.Put(b, budget)
		if !ok {
			if s.used+len(b) <= budget {
				t.Fatalf("Put refused %d bytes with %d of %d used", len(b), s.used, budget)
			}
			break
		}
		puts = append(puts, put{off, b})
	}
	if s.used > budget || len(s.blocks) != 3 {
		t.Errorf("used %d of budget %d in %d blocks", s.used, budget, len(s.blocks))
	}
	for i, p := range puts {
		if got := s.Get(p.off, uint32(len(p.b))); !bytes.Equal(got, p.b) {
			t.Fatalf("put %d at %d reads back different bytes", i, p.off)
		}
	}
	if _, ok := s.Put(make([]byte, byteBlock+1), 1<<40); ok {
		t.Error("a packet larger than a block was stored")
	}
}

func TestRowStoreAcrossBlocks(t *testing.T) {
	var s rowStore
	n := 3*rowBlock + 17
	for i := 0; i < n; i++ {
		s.Append(row{ts: int64(i), n: uint32(i)})
	}
	if s.Len() != n {
		t.Fatalf("Len %d, want %d", s.Len(), n)
	}
	for _, i := range []int{0, rowBlock - 1, rowBlock, 2*rowBlock + 5, n - 1} {
		if r := s.At(i); r.ts != int64(i) || r.n != uint32(i) {
			t.Errorf("At(%d) = %+v", i, r)
		}
	}
}

// A store holding one small packet (a paste of one) stays small: its first
// block grows with what it holds, and a slice read before it grew still
// reads the same bytes.
func TestStoresStartSmall(t *testing.T) {
	var b byteStore
	first := []byte("one pasted packet")
	off, ok := b.Put(first, 192<<20)
	require.True(t, ok)
	got := b.Get(off, uint32(len(first)))
	assert.LessOrEqual(t, cap(b.blocks[0]), firstBytes)
	for range 10 {
		_, ok := b.Put(make([]byte, firstBytes/4), 192<<20)
		require.True(t, ok)
	}
	assert.Len(t, b.blocks, 1, "the first block grew instead of a second being made")
	assert.Equal(t, first, got)
	assert.Equal(t, first, b.Get(off, uint32(len(first))))

	var r rowStore
	r.Append(row{n: 1})
	assert.LessOrEqual(t, cap(r.blocks[0]), firstRows)
	for i := range firstRows * 3 {
		r.Append(row{n: uint32(i + 2)})
	}
	assert.Len(t, r.blocks, 1)
	assert.Equal(t, uint32(1), r.At(0).n)
	assert.Equal(t, uint32(firstRows*3+1), r.At(firstRows*3).n)
}
