package main

// Append-only stores in fixed blocks. A single growing slice would double its
// capacity and copy at every step: a 192 MB budget would briefly need over
// 400 MB, and wasm memory, once grown, is never returned. Blocks grow the
// heap by one block at a time.

const (
	rowBlock  = 1 << 16  // rows per block (2 MB)
	byteBlock = 16 << 20 // bytes per block of kept packet data
	// The first block of each store starts this small and grows by
	// append up to its full size: a paste of one packet, or a small
	// capture, would otherwise take 18 MB of memory, cleared and scanned
	// by the collector, before the page's first dissection is answered
	// (README, "Start-up"). Later blocks are made whole.
	firstRows  = 256
	firstBytes = 64 << 10
)

// rowStore holds the rows of a capture.
type rowStore struct {
	blocks [][]row
	n      int
}

func (s *rowStore) Len() int { return s.n }

func (s *rowStore) At(i int) row { return s.blocks[i/rowBlock][i%rowBlock] }

func (s *rowStore) Append(r row) {
	if s.n%rowBlock == 0 {
		s.blocks = append(s.blocks, make([]row, 0, blockCap(len(s.blocks), firstRows, rowBlock)))
	}
	b := &s.blocks[len(s.blocks)-1]
	*b = append(*b, r)
	s.n++
}

// byteStore keeps packet bytes up to a budget. A packet never straddles two
// blocks, so Get returns a slice of one block without copying.
type byteStore struct {
	blocks [][]byte
	used   int // bytes stored
}

// Put stores b and returns where, or false once the budget is spent (or b
// is larger than a block). A block's unused tail costs at most one packet.
func (s *byteStore) Put(b []byte, budget int) (uint32, bool) {
	if s.used+len(b) > budget || len(b) > byteBlock {
		return 0, false
	}
	last := len(s.blocks) - 1
	if last < 0 || len(s.blocks[last])+len(b) > byteBlock {
		s.blocks = append(s.blocks, make([]byte, 0, min(blockCap(len(s.blocks), firstBytes, byteBlock), budget)))
		last++
	}
	off := last*byteBlock + len(s.blocks[last])
	s.blocks[last] = append(s.blocks[last], b...)
	s.used += len(b)
	return uint32(off), true
}

// Get returns n bytes stored at off.
func (s *byteStore) Get(off uint32, n uint32) []byte {
	blk := int(off) / byteBlock
	in := int(off) % byteBlock
	return s.blocks[blk][in : in+int(n)]
}

// blockCap is the capacity a store's block number i starts with: the
// first small, the others full.
func blockCap(i, first, full int) int {
	if i == 0 {
		return first
	}
	return full
}
