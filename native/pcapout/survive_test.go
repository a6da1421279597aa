package pcapout

import (
	"bytes"
	"errors"
	"net/netip"
	"sync"
	"testing"
	"time"

	"github.com/google/gopacket/pcapgo"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
)

// writes is a writer that records each Write call, and can fail after a
// budget of bytes (a full disk), keeping what fits as a file would.
type writes struct {
	mu        sync.Mutex
	calls     [][]byte
	file      []byte
	budget    int // bytes that fit; < 0: unlimited
	truncated int // Truncate calls
}

func (w *writes) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls = append(w.calls, append([]byte(nil), p...))
	n := len(p)
	if w.budget >= 0 && len(w.file)+n > w.budget {
		n = w.budget - len(w.file)
		w.file = append(w.file, p[:n]...)
		return n, errors.New("no space left on device")
	}
	w.file = append(w.file, p...)
	return n, nil
}

func (w *writes) Truncate(size int64) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.truncated++
	w.file = w.file[:size]
	return nil
}

func (w *writes) snapshot() []byte {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]byte(nil), w.file...)
}

func echo(seq uint16) []byte {
	return codec.Append(nil, codec.Header{Family: codec.IPv4, Type: codec.ICMPv4EchoRequest},
		codec.Echo{ID: 7, Seq: seq, Data: bytes.Repeat([]byte{0xab}, 56)})
}

var meta = Meta{Family: codec.IPv4, Src: netip.MustParseAddr("198.18.1.1"), Dst: netip.MustParseAddr("198.18.2.2"), TOS: -1}

// countPackets reads a pcapng image to its end and says how many packets
// it holds and whether it ended cleanly (at a block boundary).
func countPackets(t *testing.T, b []byte) (int, error) {
	t.Helper()
	r, err := pcapgo.NewNgReader(bytes.NewReader(b), pcapgo.DefaultNgReaderOptions)
	require.NoError(t, err)
	n := 0
	for {
		_, _, err := r.ReadPacketData()
		if err != nil {
			if err.Error() == "EOF" {
				return n, nil
			}
			return n, err
		}
		n++
	}
}

// TestWritesWholeBlocksOnly: whatever moment the process dies, the file
// ends at a block boundary, because every write the Writer makes is a run
// of whole blocks.
func TestWritesWholeBlocksOnly(t *testing.T) {
	out := &writes{budget: -1}
	w, err := New(out)
	require.NoError(t, err)
	at := time.Unix(1700000000, 0)
	for i := range 3000 { // past FlushBytes several times
		require.NoError(t, w.WriteICMP(at.Add(time.Duration(i)*time.Millisecond), meta, echo(uint16(i))))
	}
	require.Greater(t, len(out.calls), 1, "batches were written while packets came")
	// Every prefix of the file made of whole writes reads cleanly.
	var file []byte
	for _, c := range out.calls {
		file = append(file, c...)
		_, err := countPackets(t, file)
		require.NoError(t, err, "file after %d bytes", len(file))
	}
	require.NoError(t, w.Close())
	n, err := countPackets(t, out.snapshot())
	require.NoError(t, err)
	assert.Equal(t, 3000, n)
}

// TestFlushedWithinASecond: a packet written and then nothing more is on
// the file within FlushEvery, without Flush or Close (the ticker).
func TestFlushedWithinASecond(t *testing.T) {
	out := &writes{budget: -1}
	w, err := New(out)
	require.NoError(t, err)
	defer w.Close()
	require.NoError(t, w.Flush())
	require.NoError(t, w.WriteICMP(time.Now(), meta, echo(1)))
	require.Eventually(t, func() bool {
		n, err := countPackets(t, out.snapshot())
		return err == nil && n == 1
	}, 5*FlushEvery, FlushEvery/10, "the packet reaches the file by the ticker")
}

// TestWriteErrorReportedAtOnce: a full disk calls OnError once, with the
// error, while the prober runs; the short write is cut back to the last
// whole block; later writes fail without writing.
func TestWriteErrorReportedAtOnce(t *testing.T) {
	out := &writes{budget: 3 * FlushBytes / 2}
	w, err := New(out)
	require.NoError(t, err)
	got := make(chan error, 4)
	w.OnError(func(err error) { got <- err })
	var first error
	for i := 0; i < 5000 && first == nil; i++ {
		first = w.WriteICMP(time.Unix(1700000000, int64(i)), meta, echo(uint16(i)))
	}
	require.Error(t, first)
	select {
	case err := <-got:
		assert.ErrorContains(t, err, "no space left on device")
	case <-time.After(10 * time.Second):
		t.Fatal("OnError was not called")
	}
	assert.Error(t, w.WriteICMP(time.Now(), meta, echo(1)), "the error is sticky")
	assert.Error(t, w.Close())
	assert.Equal(t, 1, out.truncated)
	n, err := countPackets(t, out.snapshot())
	require.NoError(t, err, "the file ends at a whole block")
	assert.Greater(t, n, 0)
	select {
	case err := <-got:
		t.Fatalf("OnError called twice: %v", err)
	default:
	}
}
