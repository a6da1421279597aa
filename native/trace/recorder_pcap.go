package trace

import (
	"net/netip"
	"time"

	"icmplab/codec"
	"icmplab/native/pcapout"
)

// pcapRecorder writes --pcap through native/pcapout (pcapng, raw-IP link
// type, nanosecond timestamps). UDP and TCP probes get an IP header built
// here with codec; ICMP messages go through pcapout's own reconstruction.
type pcapRecorder struct {
	w *pcapout.Writer
}

func openRecorder(path string) (recorder, error) {
	if path == "" {
		return nopRecorder{}, nil
	}
	w, err := pcapout.Create(path)
	if err != nil {
		return nil, err
	}
	return &pcapRecorder{w: w}, nil
}

func (r *pcapRecorder) sentUDP(fam codec.Family, src, dst netip.Addr, ttl int, sport, dport uint16, payload []byte) {
	seg := codec.AppendUDP(nil, codec.UDPHeader{SrcPort: sport, DstPort: dport}, payload, src, dst)
	r.w.WriteIP(time.Now(), ipWrap(nil, fam, codec.ProtoUDP, src, dst, ttl, seg))
}

func (r *pcapRecorder) sentICMP(fam codec.Family, src, dst netip.Addr, ttl int, msg []byte) {
	m := msg
	if fam == codec.IPv6 { // the kernel fills the checksum; so does the record
		if pm, err := codec.Parse(fam, msg, src, dst); err == nil {
			if e, ok := pm.Echo(); ok {
				m = codec.Append(nil, codec.Header{Family: fam, Type: pm.Type, Code: pm.Code, Src: src, Dst: dst}, e)
			}
		}
	}
	r.w.WriteICMP(time.Now(), pcapout.Meta{Family: fam, Src: src, Dst: dst, TTL: ttl, TOS: -1}, m)
}

func (r *pcapRecorder) sentTCP(fam codec.Family, src, dst netip.Addr, ttl int, seg []byte) {
	r.w.WriteIP(time.Now(), ipWrap(nil, fam, codec.ProtoTCP, src, dst, ttl, seg))
}

func (r *pcapRecorder) received(p packet, local netip.Addr) {
	if len(p.data) > 0 && p.data[0]>>4 == 4 {
		r.w.WriteIP(p.at, p.data)
		return
	}
	// A raw ICMPv6 socket gives no IP header; the hop limit is not known.
	r.w.WriteICMP(p.at, pcapout.Meta{Family: codec.IPv6, Src: p.from, Dst: local, TOS: -1}, p.data)
}

func (r *pcapRecorder) receivedTCP(fam codec.Family, from, local netip.Addr, seg []byte) {
	r.w.WriteIP(time.Now(), ipWrap(nil, fam, codec.ProtoTCP, from, local, pcapout.DefaultTTL, seg))
}

func (r *pcapRecorder) close() error { return r.w.Close() }
