package trace

import (
	"bufio"
	"fmt"
	"net/netip"
	"os"
	"sync"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"

	"icmplab/codec"
)

// pcapRecorder writes pcapng with raw-IP link type.
//
// INTEGRATION POINT (native/pcapout): this is the stand-in until the ping
// helper's pcapng recorder lands; the recorder interface is what trace
// needs from it.
type pcapRecorder struct {
	mu  sync.Mutex
	f   *os.File
	bw  *bufio.Writer
	w   *pcapgo.NgWriter
	buf []byte
	err error
}

func openRecorder(path string) (recorder, error) {
	if path == "" {
		return nopRecorder{}, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriter(f)
	w, err := pcapgo.NewNgWriter(bw, layers.LinkTypeRaw)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("pcap %s: %w", path, err)
	}
	return &pcapRecorder{f: f, bw: bw, w: w}, nil
}

func (r *pcapRecorder) write(at time.Time, b []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.err != nil || r.w == nil {
		return
	}
	ci := gopacket.CaptureInfo{Timestamp: at, CaptureLength: len(b), Length: len(b)}
	r.err = r.w.WritePacket(ci, b)
}

func (r *pcapRecorder) sentUDP(fam codec.Family, src, dst netip.Addr, ttl int, sport, dport uint16, payload []byte) {
	seg := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: sport, DstPort: dport}, payload, src, dst)
	r.write(time.Now(), ipWrap(nil, fam, codec.ProtoUDP, src, dst, ttl, seg))
}

func (r *pcapRecorder) sentICMP(fam codec.Family, src, dst netip.Addr, ttl int, msg []byte) {
	m := append([]byte(nil), msg...)
	if fam == codec.IPv6 { // the kernel fills the checksum; so does the record
		if pm, err := codec.Parse(fam, m, src, dst); err == nil {
			if e, ok := pm.Echo(); ok {
				m = codec.Append(m[:0], codec.Header{Family: fam, Type: pm.Type, Code: pm.Code, Src: src, Dst: dst}, e)
			}
		}
	}
	r.write(time.Now(), ipWrap(nil, fam, fam.Protocol(), src, dst, ttl, m))
}

func (r *pcapRecorder) sentTCP(fam codec.Family, src, dst netip.Addr, ttl int, seg []byte) {
	r.write(time.Now(), ipWrap(nil, fam, codec.ProtoTCP, src, dst, ttl, seg))
}

func (r *pcapRecorder) received(p packet, local netip.Addr) {
	if len(p.data) > 0 && p.data[0]>>4 == 4 {
		r.write(p.at, append([]byte(nil), p.data...))
		return
	}
	// A raw ICMPv6 socket gives no IP header; the hop limit is not known.
	r.write(p.at, ipWrap(nil, codec.IPv6, codec.ProtoICMPv6, p.from, local, 64, p.data))
}

func (r *pcapRecorder) receivedTCP(fam codec.Family, from, local netip.Addr, seg []byte) {
	r.write(time.Now(), ipWrap(nil, fam, codec.ProtoTCP, from, local, 64, seg))
}

func (r *pcapRecorder) close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.w == nil {
		return r.err
	}
	err := r.w.Flush()
	if e := r.bw.Flush(); err == nil {
		err = e
	}
	if e := r.f.Close(); err == nil {
		err = e
	}
	r.w = nil
	if r.err == nil {
		r.err = err
	}
	return r.err
}
