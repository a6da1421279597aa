// Package pcapout records what a prober sends and receives as a pcapng file
// that Wireshark, tshark and icmplab decode open directly.
//
// Every packet is written as an IP datagram on one interface of link type
// raw IP (LINKTYPE_RAW, 101), with nanosecond timestamps. A raw IPv4
// socket's received datagrams are written as the kernel gave them
// (WriteIP). Everything else — what any socket sends, and what datagram
// sockets and IPv6 sockets receive, which arrives without its IP header — is
// written with an IP header built by codec from what the socket knows
// (WriteICMP): addresses, TTL or hop limit, TOS or traffic class. Such a
// header is a faithful reconstruction, not a copy of the wire; the file's
// interface description says so.
//
// ping uses it for --pcap; the trace helper can share a Writer between its
// probes: all methods are safe for concurrent use.
package pcapout

import (
	"errors"
	"fmt"
	"io"
	"net/netip"
	"os"
	"runtime"
	"sync"
	"time"

	"icmplab/codec"
	"icmplab/codec/capture"
)

// DefaultTTL is written into reconstructed headers when the TTL is unknown
// (0): the Linux default for both families.
const DefaultTTL = 64

// Writer writes packets to a pcapng file, through codec/capture's NgWriter:
// gopacket's pcapgo would do as well, but importing it links
// gopacket/layers, whose init costs every start of icmplab tens of
// milliseconds, --pcap or not.
//
// A capture must survive the way its prober stops. Blocks are gathered in
// memory and written to the file whole, one write call per batch, so the
// file always ends at a block boundary: SIGKILL loses at most what was
// gathered, never half a block. A batch is written once FlushEvery has
// passed since the last (a ticker sees to it while no packet comes), or
// once FlushBytes are held, and at Flush and Close. A write that fails is
// reported at once through OnError; when it wrote part of a batch, the
// file is cut back to the last whole block.
type Writer struct {
	mu      sync.Mutex
	ng      *capture.NgWriter
	pending blockBuf  // whole blocks not yet written
	out     io.Writer // the file (or any writer New was given)
	closer  io.Closer
	written int64 // bytes written to out: always a block boundary
	flushed time.Time
	buf     []byte
	ipID    uint16
	packets int
	err     error // sticky: the first write error
	onError func(error)
	stop    chan struct{}
	done    chan struct{}

	closeOnce sync.Once
}

// Flush policy: see Writer.
const (
	FlushEvery = time.Second
	FlushBytes = 64 << 10
)

// blockBuf gathers what NgWriter writes; the Writer moves it to the file
// between blocks only.
type blockBuf struct{ b []byte }

func (b *blockBuf) Write(p []byte) (int, error) { b.b = append(b.b, p...); return len(p), nil }

// DefaultOnError, when set, is installed as the OnError of every Writer
// Create makes: a command sets it once, before its prober opens the
// capture deep inside, so that a full disk is reported at once wherever
// the Writer was made. Set it before any Create; it is not synchronized.
var DefaultOnError func(error)

// Create creates (or truncates) a pcapng file at path. Its header blocks
// are on disk when Create returns, so even a prober killed at once leaves
// a file every reader opens.
func Create(path string) (*Writer, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	w, err := New(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	w.closer = f
	w.onError = DefaultOnError
	if err := w.Flush(); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// New writes a pcapng section and its one raw-IP interface to out, in
// whole blocks (see Writer); Close stops its flush ticker.
func New(out io.Writer) (*Writer, error) {
	w := &Writer{out: out, stop: make(chan struct{}), done: make(chan struct{})}
	ng, err := capture.NewNgWriterOptions(&w.pending, capture.LinkRaw, capture.NgWriterOptions{
		Hardware: runtime.GOARCH, OS: runtime.GOOS, Application: "icmplab",
		IfName:        "icmplab",
		IfDescription: "ICMP sent and received by icmplab; IP headers of datagram-socket and IPv6 packets reconstructed",
		IfOS:          runtime.GOOS,
	})
	if err != nil {
		return nil, fmt.Errorf("pcapout: %w", err)
	}
	w.ng = ng
	w.flushed = time.Now()
	go w.tick()
	return w, nil
}

// OnError sets fn to be called once with the first write error, the moment
// it happens: a prober reports a full disk while it runs, not at exit. fn
// runs with the Writer locked, so it must not call the Writer's methods.
func (w *Writer) OnError(fn func(error)) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.onError = fn
}

// tick writes what is pending at least once every FlushEvery while no
// packet comes to do it.
func (w *Writer) tick() {
	defer close(w.done)
	t := time.NewTicker(FlushEvery / 2)
	defer t.Stop()
	for {
		select {
		case <-w.stop:
			return
		case <-t.C:
			w.mu.Lock()
			if len(w.pending.b) > 0 && time.Since(w.flushed) >= FlushEvery/2 {
				w.flushLocked()
			}
			w.mu.Unlock()
		}
	}
}

// flushLocked writes the pending blocks in one call. A short write is cut
// back to the last block boundary when the file allows it.
func (w *Writer) flushLocked() error {
	w.flushed = time.Now()
	if w.err != nil {
		w.pending.b = w.pending.b[:0]
		return w.err
	}
	if len(w.pending.b) == 0 {
		return nil
	}
	n, err := w.out.Write(w.pending.b)
	if err == nil && n < len(w.pending.b) {
		err = io.ErrShortWrite
	}
	if err != nil {
		if n > 0 {
			if t, ok := w.out.(interface{ Truncate(int64) error }); ok {
				t.Truncate(w.written)
			}
		}
		w.pending.b = w.pending.b[:0]
		return w.fail(fmt.Errorf("write: %w", err))
	}
	w.written += int64(n)
	w.pending.b = w.pending.b[:0]
	return nil
}

// WriteIP records a whole IP datagram (header included) seen at time at.
func (w *Writer) WriteIP(at time.Time, datagram []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.write(at, datagram)
}

// Meta is what WriteICMP needs to rebuild the IP header around a message.
type Meta struct {
	Family   codec.Family
	Src, Dst netip.Addr
	TTL      int // TTL or hop limit; <= 0 means unknown (DefaultTTL is written)
	TOS      int // TOS byte or traffic class; < 0 means unknown (0 is written)
}

// WriteICMP records an ICMP message behind an IP header built with codec.
func (w *Writer) WriteICMP(at time.Time, m Meta, icmp []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	ttl := uint8(DefaultTTL)
	if m.TTL > 0 && m.TTL < 256 {
		ttl = uint8(m.TTL)
	}
	var tos uint8
	if m.TOS > 0 && m.TOS < 256 {
		tos = uint8(m.TOS)
	}
	b := w.buf[:0]
	if m.Family == codec.IPv6 {
		if len(icmp) > 0xffff {
			return w.fail(fmt.Errorf("pcapout: ICMPv6 message of %d bytes does not fit an IPv6 payload length", len(icmp)))
		}
		b = codec.IPv6Header{
			TrafficClass: tos, PayloadLen: uint16(len(icmp)), NextHeader: codec.ProtoICMPv6,
			HopLimit: ttl, Src: m.Src, Dst: m.Dst,
		}.AppendHeader(b)
	} else {
		if len(icmp) > 0xffff-20 {
			return w.fail(fmt.Errorf("pcapout: ICMP message of %d bytes does not fit an IPv4 datagram", len(icmp)))
		}
		w.ipID++
		b = codec.IPv4Header{
			TOS: tos, TotalLength: uint16(20 + len(icmp)), ID: w.ipID,
			TTL: ttl, Protocol: codec.ProtoICMP, Src: m.Src, Dst: m.Dst,
		}.AppendHeader(b)
	}
	b = append(b, icmp...)
	w.buf = b
	return w.write(at, b)
}

func (w *Writer) write(at time.Time, data []byte) error {
	if w.err != nil {
		return w.err
	}
	if err := w.ng.WritePacket(at, data, len(data)); err != nil {
		return w.fail(fmt.Errorf("pcapout: %w", err))
	}
	w.packets++
	if len(w.pending.b) >= FlushBytes || time.Since(w.flushed) >= FlushEvery {
		return w.flushLocked()
	}
	return nil
}

func (w *Writer) fail(err error) error {
	if w.err == nil {
		w.err = err
		if w.onError != nil {
			w.onError(err)
		}
	}
	return err
}

// Packets is the number of packets written so far.
func (w *Writer) Packets() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.packets
}

// Flush writes buffered packets out.
func (w *Writer) Flush() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.flushLocked()
}

// Close flushes, stops the ticker and closes the file Create opened. It
// reports the first error any write met, so a caller that ignored them
// still learns of it. Calling it again does nothing more.
func (w *Writer) Close() error {
	ferr := w.Flush()
	var cerr error
	w.closeOnce.Do(func() {
		close(w.stop)
		<-w.done
		if w.closer != nil {
			cerr = w.closer.Close()
		}
	})
	return errors.Join(ferr, cerr)
}
