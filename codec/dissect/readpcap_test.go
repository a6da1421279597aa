//go:build !js

package dissect

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"time"

	"github.com/google/gopacket/pcapgo"
)

// capFrame is one frame read from a capture file by the tests.
type capFrame struct {
	data     []byte
	origLen  int
	time     time.Time
	linkType uint32
}

// readCaptureFile reads a pcap or pcapng file with gopacket's pcapgo: a
// second implementation, so the tests do not trust the reader they would
// otherwise be testing alongside.
func readCaptureFile(path string) ([]capFrame, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []capFrame
	if len(raw) >= 4 && bytes.Equal(raw[:4], []byte{0x0a, 0x0d, 0x0d, 0x0a}) {
		r, err := pcapgo.NewNgReader(bytes.NewReader(raw), pcapgo.DefaultNgReaderOptions)
		if err != nil {
			return nil, err
		}
		for {
			data, ci, err := r.ReadPacketData()
			if errors.Is(err, io.EOF) {
				return out, nil
			}
			if err != nil {
				return out, err
			}
			lt := uint32(r.LinkType())
			if iface, err := r.Interface(ci.InterfaceIndex); err == nil {
				lt = uint32(iface.LinkType)
			}
			out = append(out, capFrame{data: data, origLen: ci.Length, time: ci.Timestamp, linkType: lt})
		}
	}
	return readClassicPcap(raw)
}

// readClassicPcap reads a libpcap file. gopacket's reader refuses records
// longer than the snap length, which fuzzed captures have and tshark reads,
// and keeps link types in a byte; this one does neither.
func readClassicPcap(raw []byte) ([]capFrame, error) {
	if len(raw) < 24 {
		return nil, errors.New("short pcap header")
	}
	var bo binary.ByteOrder
	nano := false
	switch binary.LittleEndian.Uint32(raw) {
	case 0xa1b2c3d4:
		bo = binary.LittleEndian
	case 0xa1b23c4d:
		bo, nano = binary.LittleEndian, true
	case 0xd4c3b2a1:
		bo = binary.BigEndian
	case 0x4d3cb2a1:
		bo, nano = binary.BigEndian, true
	default:
		return nil, errors.New("not a pcap file")
	}
	lt := bo.Uint32(raw[20:]) & 0x0fffffff
	var out []capFrame
	for p := 24; p+16 <= len(raw); {
		sec, frac := bo.Uint32(raw[p:]), bo.Uint32(raw[p+4:])
		incl, orig := int(bo.Uint32(raw[p+8:])), int(bo.Uint32(raw[p+12:]))
		p += 16
		if incl > len(raw)-p {
			return out, errors.New("truncated record")
		}
		ns := int64(frac) * 1000
		if nano {
			ns = int64(frac)
		}
		out = append(out, capFrame{data: raw[p : p+incl], origLen: orig, time: time.Unix(int64(sec), ns), linkType: lt})
		p += incl
	}
	return out, nil
}

// dissectCapture dissects every frame of a capture in order, with fragment
// reassembly, as `icmplab decode` does.
func dissectCapture(frames []capFrame) []*Frame { return dissectCaptureIn(frames, LangEN) }

// dissectCaptureIn is dissectCapture with the words in l.
func dissectCaptureIn(frames []capFrame, l Lang) []*Frame {
	ra := NewReassembler()
	out := make([]*Frame, 0, len(frames))
	for i, c := range frames {
		lt, _ := LayerForLinkType(c.linkType)
		out = append(out, Dissect(c.data, lt, Options{Number: i + 1, Time: c.time, Len: c.origLen, Reassembler: ra, Lang: l}))
	}
	return out
}
