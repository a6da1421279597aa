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
	"bufio"
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
type Writer struct {
	mu      sync.Mutex
	ng      *capture.NgWriter
	bw      *bufio.Writer
	closer  io.Closer
	buf     []byte
	ipID    uint16
	packets int
	err     error // sticky: the first write error
}

// Create creates (or truncates) a pcapng file at path.
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
	return w, nil
}

// New writes a pcapng section and its one raw-IP interface to out, which
// the Writer buffers (Flush and Close write the rest).
func New(out io.Writer) (*Writer, error) {
	bw := bufio.NewWriter(out)
	ng, err := capture.NewNgWriterOptions(bw, capture.LinkRaw, capture.NgWriterOptions{
		Hardware: runtime.GOARCH, OS: runtime.GOOS, Application: "icmplab",
		IfName:        "icmplab",
		IfDescription: "ICMP sent and received by icmplab; IP headers of datagram-socket and IPv6 packets reconstructed",
		IfOS:          runtime.GOOS,
	})
	if err != nil {
		return nil, fmt.Errorf("pcapout: %w", err)
	}
	return &Writer{ng: ng, bw: bw}, nil
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
	return nil
}

func (w *Writer) fail(err error) error {
	if w.err == nil {
		w.err = err
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
	if err := w.bw.Flush(); err != nil {
		return w.fail(fmt.Errorf("pcapout: %w", err))
	}
	return w.err
}

// Close flushes and closes the file Create opened. It reports the first
// error any write met, so a caller that ignored them still learns of it.
func (w *Writer) Close() error {
	ferr := w.Flush()
	var cerr error
	if w.closer != nil {
		cerr = w.closer.Close()
	}
	return errors.Join(ferr, cerr)
}
