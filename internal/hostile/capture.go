package hostile

import (
	"encoding/binary"
	"io"
)

// pcapng blocks, little-endian (draft-ietf-opsawg-pcapng section 4):
//
//	 0                   1                   2                   3
//	+---------------------------------------------------------------+
//	|                          Block Type                           |
//	+---------------------------------------------------------------+
//	|                      Block Total Length                       |
//	+---------------------------------------------------------------+
//	/                          Block Body                           /
//	+---------------------------------------------------------------+
//	|                      Block Total Length                       |
//	+---------------------------------------------------------------+
const (
	ngSHB = 0x0a0d0d0a
	ngIDB = 1
	ngEPB = 6
	ngNRB = 4 // name resolution: a block type readers skip
)

var le = binary.LittleEndian

// ngBlock appends a block of type typ around body (padded to 4).
func ngBlock(dst []byte, typ uint32, body []byte) []byte {
	pad := (4 - len(body)%4) % 4
	total := uint32(12 + len(body) + pad)
	dst = le.AppendUint32(dst, typ)
	dst = le.AppendUint32(dst, total)
	dst = append(dst, body...)
	dst = append(dst, zeros4[:pad]...)
	return le.AppendUint32(dst, total)
}

var zeros4 [4]byte

// SectionHeader is a pcapng section header block, version 1.0, section
// length unknown.
func SectionHeader() []byte {
	var body []byte
	body = le.AppendUint32(body, 0x1a2b3c4d)
	body = le.AppendUint16(body, 1)
	body = le.AppendUint16(body, 0)
	body = le.AppendUint64(body, ^uint64(0))
	return ngBlock(nil, ngSHB, body)
}

// InterfaceBlock appends an interface description block for link type
// link (1 Ethernet, 101 raw IP) with an if_name option.
func InterfaceBlock(dst []byte, link uint16, name string) []byte {
	var body [256]byte
	b := le.AppendUint16(body[:0], link)
	b = le.AppendUint16(b, 0)
	b = le.AppendUint32(b, 0) // snap length: none
	if name != "" {
		b = le.AppendUint16(b, 2) // if_name
		b = le.AppendUint16(b, uint16(len(name)))
		b = append(b, name...)
		b = append(b, zeros4[:(4-len(name)%4)%4]...)
		b = append(b, 0, 0, 0, 0) // opt_endofopt
	}
	return ngBlock(dst, ngIDB, b)
}

// PacketBlock appends an enhanced packet block on interface ifc.
func PacketBlock(dst []byte, ifc uint32, data []byte) []byte {
	// Written in place, not through ngBlock: a generator of millions of
	// packets should not allocate for each.
	pad := (4 - len(data)%4) % 4
	total := uint32(12 + 20 + len(data) + pad)
	dst = le.AppendUint32(dst, ngEPB)
	dst = le.AppendUint32(dst, total)
	dst = le.AppendUint32(dst, ifc)
	dst = le.AppendUint64(dst, 0) // time stamp high and low words: 0
	dst = le.AppendUint32(dst, uint32(len(data)))
	dst = le.AppendUint32(dst, uint32(len(data)))
	dst = append(dst, data...)
	dst = append(dst, zeros4[:pad]...)
	return le.AppendUint32(dst, total)
}

// ManyInterfaces is a pcapng section describing n interfaces (each named
// "ethN"), then a packet on the first interface and one on the last: the
// 972 KB gzipped file of issue 11 has twenty million of them.
func ManyInterfaces(n int, packet []byte) io.Reader {
	head := InterfaceBlock(SectionHeader(), 101, "eth0")
	name := []byte("eth00000000")
	return &Stream{
		Head:  head,
		Count: n - 1,
		Unit: func(dst []byte, i int) []byte {
			return InterfaceBlock(dst, 101, string(name))
		},
		Tail: PacketBlock(PacketBlock(nil, 0, packet), uint32(n-1), packet),
	}
}

// TinyBlocks is a pcapng section with one interface, then n empty
// name-resolution blocks (12 bytes each, skipped by readers), then a packet.
func TinyBlocks(n int, packet []byte) io.Reader {
	return &Stream{
		Head:  InterfaceBlock(SectionHeader(), 101, ""),
		Count: n,
		Unit:  func(dst []byte, i int) []byte { return ngBlock(dst, ngNRB, nil) },
		Tail:  PacketBlock(nil, 0, packet),
	}
}

// ManySections is n pcapng sections, each with one interface and one
// packet.
func ManySections(n int, packet []byte) io.Reader {
	return &Stream{
		Count: n,
		Unit: func(dst []byte, i int) []byte {
			dst = append(dst, SectionHeader()...)
			dst = InterfaceBlock(dst, 101, "")
			return PacketBlock(dst, 0, packet)
		},
	}
}

// pcap file header (little-endian, microseconds, link type raw IP) and
// record header:
//
//	magic a1b2c3d4 | version 2.4 | thiszone | sigfigs | snaplen | linktype
//	ts_sec | ts_usec | incl_len | orig_len | data...
func pcapHeader(link uint32) []byte {
	var h []byte
	h = le.AppendUint32(h, 0xa1b2c3d4)
	h = le.AppendUint16(h, 2)
	h = le.AppendUint16(h, 4)
	h = le.AppendUint32(h, 0)
	h = le.AppendUint32(h, 0)
	h = le.AppendUint32(h, 262144)
	return le.AppendUint32(h, link)
}

// PcapRecord appends a pcap record with the given lengths (captured length
// is len(data)).
func PcapRecord(dst []byte, sec uint32, data []byte, orig uint32) []byte {
	dst = le.AppendUint32(dst, sec)
	dst = le.AppendUint32(dst, 0)
	dst = le.AppendUint32(dst, uint32(len(data)))
	dst = le.AppendUint32(dst, orig)
	return append(dst, data...)
}

// Pcap is a raw-IP pcap file of the packets produced by unit, n of them.
func Pcap(n int, unit func(i int) []byte) io.Reader {
	return &Stream{
		Head:  pcapHeader(101),
		Count: n,
		Unit:  func(dst []byte, i int) []byte { p := unit(i); return PcapRecord(dst, uint32(i), p, uint32(len(p))) },
	}
}

// PcapBytes is a raw-IP pcap file of the given records, whole.
func PcapBytes(records ...[]byte) []byte {
	b := pcapHeader(101)
	for i, r := range records {
		b = PcapRecord(b, uint32(i), r, uint32(len(r)))
	}
	return b
}

// ZeroPackets is a pcapng section with one interface and n packets of size
// zero bytes each: a gzip bomb once compressed.
func ZeroPackets(n, size int) io.Reader {
	zeros := make([]byte, size)
	return &Stream{
		Head:  InterfaceBlock(SectionHeader(), 101, ""),
		Count: n,
		Unit:  func(dst []byte, i int) []byte { return PacketBlock(dst, 0, zeros) },
	}
}
