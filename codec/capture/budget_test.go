package capture

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/internal/hostile"
)

// The capture part of the decode budget (README, "The budget"): live memory at
// most readerBudget plus twice the largest block the input really holds,
// whatever its fields claim; allocation per input byte at most
// allocPerByte plus that constant.
const (
	// readerBudget: the two 64 KiB read buffers, gzip's window and the
	// interface table at its limit (MaxInterfaces interfaces with
	// MaxNameLen-byte names).
	readerBudget = 1*hostile.MiB + MaxInterfaces*(MaxNameLen+64)
	allocPerByte = 8
	// fuzzFixed is the constant part of the allocation budget for a small
	// input: the read buffers and a gzip reader's window.
	fuzzFixed = 1 << 20
)

// drain reads every packet, keeping the notes' texts; it returns the
// packets' count and the error that ended the reading (nil at io.EOF).
func drain(t testing.TB, r *Reader) (n int, notes []Note, last Packet, err error) {
	for {
		p, err := r.Next()
		if errors.Is(err, io.EOF) {
			return n, append(notes, r.PendingNotes()...), last, nil
		}
		if err != nil {
			return n, append(notes, r.PendingNotes()...), last, err
		}
		n++
		notes = append(notes, p.Notes...)
		last = p
		last.Notes = append([]Note(nil), p.Notes...)
	}
}

// The reproduction of issue 11 had twenty million interface blocks in a
// 972 KB gzipped file, and grew decode to 3.2 GB. Here 300,000 of them
// (4.6 times the limit), plain and gzipped: the table stops at
// MaxInterfaces, one note names the first ignored, one sums up the rest,
// and the packet on an ignored interface comes with a note.
func TestBudgetManyInterfaces(t *testing.T) {
	const n = 300_000
	pkt := hostile.Echo(1)
	for _, gz := range []bool{false, true} {
		in := hostile.ManyInterfaces(n, pkt)
		if gz {
			in = hostile.Gzip(in)
		}
		var count int
		var notes []Note
		var last Packet
		var err error
		u := hostile.Measure(func() {
			r, nerr := NewReader(in)
			require.NoError(t, nerr)
			count, notes, last, err = drain(t, r)
			assert.Len(t, r.ifaces, MaxInterfaces)
		})
		size := hostile.Size(func() io.Reader { return hostile.ManyInterfaces(n, pkt) })
		t.Logf("gzip=%v: %d bytes, peak %d, allocated %d, %v", gz, size, u.Peak, u.Allocated, u.Elapsed)
		require.NoError(t, err)
		assert.Equal(t, 2, count)
		require.Len(t, notes, 3, "%v", notes)
		assert.Equal(t, "interface 65,537 ignored: more than 65,536 interfaces in one section", notes[0].Msg)
		assert.Contains(t, notes[1].Msg, "interfaces 65,538 to 300,000 ignored too")
		assert.Contains(t, notes[2].Msg, "interface 299999 was ignored")
		assert.Equal(t, LinkUnknown, last.LinkType)
		assert.Equal(t, pkt, last.Data)
		assert.Less(t, u.Peak, uint64(readerBudget+2*hostile.MiB), "peak live heap")
		assert.Less(t, u.Allocated, uint64(readerBudget)+allocPerByte*uint64(size), "allocated")
	}
}

// Millions of tiny blocks cost time in proportion and no memory.
func TestBudgetTinyBlocks(t *testing.T) {
	const n = 2_000_000
	pkt := hostile.Echo(1)
	var count int
	var err error
	u := hostile.Measure(func() {
		r, nerr := NewReader(hostile.TinyBlocks(n, pkt))
		require.NoError(t, nerr)
		count, _, _, err = drain(t, r)
	})
	t.Logf("%d blocks: peak %d, allocated %d, %v", n, u.Peak, u.Allocated, u.Elapsed)
	require.NoError(t, err)
	assert.Equal(t, 1, count)
	assert.Less(t, u.Allocated, uint64(hostile.MiB), "skipped blocks allocate nothing")
	assert.Less(t, u.Peak, uint64(readerBudget))
}

// Sections are counted, not kept: a hundred thousand of them cost what one
// does.
func TestBudgetManySections(t *testing.T) {
	const n = 100_000
	pkt := hostile.Echo(1)
	var count int
	var err error
	u := hostile.Measure(func() {
		r, nerr := NewReader(hostile.ManySections(n, pkt))
		require.NoError(t, nerr)
		count, _, _, err = drain(t, r)
		assert.Equal(t, n, r.section)
	})
	t.Logf("%d sections: peak %d, allocated %d, %v", n, u.Peak, u.Allocated, u.Elapsed)
	require.NoError(t, err)
	assert.Equal(t, n, count)
	assert.Less(t, u.Peak, uint64(readerBudget))
}

// A gzip member that expands a thousandfold is read as a stream: the
// reader's memory follows the largest block, not the expanded size.
func TestBudgetGzipBomb(t *testing.T) {
	// 2,000 packets of 32 KiB of zeros (64 MiB) compress about 1,000 to 1.
	const n, size1 = 2000, 32 << 10
	var zipped bytes.Buffer
	_, err := io.Copy(&zipped, hostile.GzipLevel(hostile.ZeroPackets(n, size1), gzip.BestCompression))
	require.NoError(t, err)
	size := hostile.Size(func() io.Reader { return hostile.ZeroPackets(n, size1) })
	t.Logf("%d bytes gzipped to %d (%.0fx)", size, zipped.Len(), float64(size)/float64(zipped.Len()))
	require.Greater(t, size, int64(500*zipped.Len()))
	var count int
	u := hostile.Measure(func() {
		r, nerr := NewReader(bytes.NewReader(zipped.Bytes()))
		require.NoError(t, nerr)
		count, _, _, err = drain(t, r)
	})
	require.NoError(t, err)
	assert.Equal(t, n, count)
	t.Logf("peak %d, allocated %d, %v", u.Peak, u.Allocated, u.Elapsed)
	assert.Less(t, u.Peak, uint64(readerBudget))
	assert.Less(t, u.Allocated, uint64(readerBudget))
}

// A block whose length is just under the limit is read (and costs about
// its size); one just over is refused before anything is buffered; one that
// claims the limit in a short file costs what the file holds.
func TestBudgetBlockAtLimit(t *testing.T) {
	big := make([]byte, MaxBlockSize-32-12) // EPB fixed part and block framing
	file := hostile.PacketBlock(hostile.InterfaceBlock(hostile.SectionHeader(), 101, ""), 0, big)
	var p Packet
	u := hostile.Measure(func() {
		r, err := NewReader(bytes.NewReader(file))
		require.NoError(t, err)
		p, err = r.Next()
		require.NoError(t, err)
	})
	assert.Len(t, p.Data, len(big))
	assert.Less(t, u.Allocated, uint64(2*MaxBlockSize+hostile.MiB))

	over := hostile.PacketBlock(hostile.InterfaceBlock(hostile.SectionHeader(), 101, ""), 0, make([]byte, MaxBlockSize))
	r, err := NewReader(bytes.NewReader(over))
	require.NoError(t, err)
	_, err = r.Next()
	assert.ErrorIs(t, err, ErrTooLarge)
}

// A pcap record that captured more than the wire carried is read, with a
// note.
func TestCapLenOverOrigLenNoted(t *testing.T) {
	le := binary.LittleEndian
	pkt := hostile.Echo(1)
	file := hostile.PcapBytes(pkt)
	// orig_len is the last word of the record header (24 + 12).
	le.PutUint32(file[24+12:], 20)
	r, err := NewReader(bytes.NewReader(file))
	require.NoError(t, err)
	p, err := r.Next()
	require.NoError(t, err)
	require.Len(t, p.Notes, 1)
	assert.Equal(t, int64(24), p.Notes[0].Offset)
	assert.Equal(t, "record at offset 24: captured length 84 is more than the original length 20", p.Notes[0].String())
	assert.Equal(t, pkt, p.Data)

	ng := hostile.PacketBlock(hostile.InterfaceBlock(hostile.SectionHeader(), 101, ""), 0, pkt)
	le.PutUint32(ng[len(ng)-4-len(pkt)-4:], 20) // the EPB's original length
	r, err = NewReader(bytes.NewReader(ng))
	require.NoError(t, err)
	p, err = r.Next()
	require.NoError(t, err)
	require.Len(t, p.Notes, 1)
	assert.Contains(t, p.Notes[0].String(), "enhanced packet block at offset")
}

// An interface block with a chain of 200,000 options (800 KB) is read in
// one pass and keeps nothing of them but what it understands.
func TestBudgetLongOptionChain(t *testing.T) {
	le := binary.LittleEndian
	var body []byte
	body = le.AppendUint16(body, 101)
	body = le.AppendUint16(body, 0)
	body = le.AppendUint32(body, 0)
	for range 200_000 {
		body = le.AppendUint16(body, 0x0bad) // a custom option code
		body = le.AppendUint16(body, 0)      // of no bytes
	}
	body = le.AppendUint32(body, 0) // opt_endofopt
	idb := le.AppendUint32(le.AppendUint32(nil, ngInterface), uint32(12+len(body)))
	idb = le.AppendUint32(append(idb, body...), uint32(12+len(body)))
	file := hostile.PacketBlock(append(hostile.SectionHeader(), idb...), 0, hostile.Echo(1))
	var p Packet
	u := hostile.Measure(func() {
		r, err := NewReader(bytes.NewReader(file))
		require.NoError(t, err)
		p, err = r.Next()
		require.NoError(t, err)
	})
	assert.Equal(t, LinkRaw, p.LinkType)
	assert.Less(t, u.Allocated, uint64(fuzzFixed+2*len(file)))
}
