package capture

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"icmplab/internal/hostile"
)

// The modified pcap that old Red Hat tcpdumps wrote holds the same packets
// as the plain one it was derived from (testdata/gen.py).
func TestModifiedPcap(t *testing.T) {
	want, _, err := readAll(t, readTestdata(t, "pings.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	got, r, err := readAll(t, readTestdata(t, "pings-modified.pcap"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Format() != FormatPcap || len(got) != len(want) {
		t.Fatalf("format %v, %d packets; want pcap, %d", r.Format(), len(got), len(want))
	}
	for i := range want {
		if !bytes.Equal(got[i].Data, want[i].Data) || !got[i].Time.Equal(want[i].Time) || got[i].OrigLen != want[i].OrigLen {
			t.Errorf("packet %d differs: %+v vs %+v", i+1, got[i], want[i])
		}
	}
}

func TestFormatsAndInterfaces(t *testing.T) {
	cases := []struct {
		file   string
		format Format
		gz     bool
		links  []LinkType
		res    []uint8
	}{
		{"pings.pcap", FormatPcap, false, []LinkType{LinkEthernet}, []uint8{6}},
		{"pings-nano.pcap", FormatPcap, false, []LinkType{LinkEthernet}, []uint8{9}},
		{"pings-be.pcap", FormatPcap, false, []LinkType{LinkEthernet}, []uint8{6}},
		{"pings.pcap.gz", FormatPcap, true, []LinkType{LinkEthernet}, []uint8{6}},
		{"two-links.pcapng", FormatPcapNG, false, []LinkType{LinkEthernet, LinkLinuxSLL}, []uint8{9, 9}},
		{"two-links.pcapng.gz", FormatPcapNG, true, []LinkType{LinkEthernet, LinkLinuxSLL}, []uint8{9, 9}},
		{"blocks-be.pcapng", FormatPcapNG, false, []LinkType{LinkEthernet, LinkEthernet}, []uint8{6, 3}},
	}
	for _, c := range cases {
		pk, r, err := readAll(t, readTestdata(t, c.file))
		if err != nil {
			t.Fatalf("%s: %v", c.file, err)
		}
		ifs := r.Interfaces()
		if r.Format() != c.format || r.Gzipped() != c.gz || len(ifs) != len(c.links) {
			t.Fatalf("%s: %v gz=%v %d interfaces", c.file, r.Format(), r.Gzipped(), len(ifs))
		}
		seen := map[int]bool{}
		for _, p := range pk {
			seen[p.Interface] = true
			if p.LinkType != c.links[p.Interface] {
				t.Errorf("%s packet %d: link %v on interface %d", c.file, p.Index, p.LinkType, p.Interface)
			}
		}
		for i, ifc := range ifs {
			if ifc.LinkType != c.links[i] || ifc.Resolution != c.res[i] || !seen[i] {
				t.Errorf("%s interface %d: %+v (seen %v), want %v at 10^-%d", c.file, i, ifc, seen[i], c.links[i], c.res[i])
			}
		}
	}
	// Offset ends at the file's size.
	file := readTestdata(t, "blocks-le.pcapng")
	_, r, err := readAll(t, file)
	if err != nil || r.Offset() != int64(len(file)) {
		t.Errorf("blocks-le.pcapng: err %v, offset %d of %d", err, r.Offset(), len(file))
	}
	// A second section forgets the first one's interfaces.
	_, r, err = readAll(t, readTestdata(t, "sections.pcapng"))
	if err != nil || r.section != 2 || len(r.Interfaces()) != 2 {
		t.Errorf("sections.pcapng: err %v, section %d, %d interfaces", err, r.section, len(r.Interfaces()))
	}
}

func TestInterfaceTime(t *testing.T) {
	cases := []struct {
		ifc  Interface
		ts   uint64
		want time.Time
	}{
		{Interface{Resolution: 6}, 1_700_000_000_123_456, time.Unix(1_700_000_000, 123_456_000)},
		{Interface{Resolution: 9}, 1_700_000_000_123_456_789, time.Unix(1_700_000_000, 123_456_789)},
		{Interface{Resolution: 3, Offset: 1000}, 1_700_000_000_123, time.Unix(1_700_001_000, 123_000_000)},
		{Interface{Resolution: 12}, 1_700_000_123_456_789_999, time.Unix(1_700_000, 123_456_789)},
		{Interface{Resolution: 10, Binary: true}, 5<<10 | 512, time.Unix(5, 500_000_000)},
		{Interface{Resolution: 63, Binary: true}, 1<<63 | 1<<62, time.Unix(1, 500_000_000)},
	}
	for _, c := range cases {
		if got := c.ifc.time(c.ts); !got.Equal(c.want) {
			t.Errorf("%+v.time(%d) = %v, want %v", c.ifc, c.ts, got, c.want)
		}
	}
}

// A capture cut in the middle of its last packet gives every packet before
// it, then an error naming the offset where the cut packet starts.
func TestTruncatedLastPacket(t *testing.T) {
	for _, name := range []string{"pings.pcap", "pings-be.pcap", "blocks-le.pcapng", "blocks-be.pcapng"} { // each ends with a packet
		full := readTestdata(t, name)
		all, _, err := readAll(t, full)
		if err != nil {
			t.Fatal(err)
		}
		cut := full[:len(full)-5]
		got, r, err := readAll(t, cut)
		var fe *FormatError
		if !errors.As(err, &fe) || !errors.Is(err, ErrTruncated) {
			t.Fatalf("%s cut: error %v, want a truncation FormatError", name, err)
		}
		if len(got) != len(all)-1 {
			t.Errorf("%s cut: %d packets before the error, want %d", name, len(got), len(all)-1)
		}
		// The offset is where the last packet's record or block starts: the
		// file minus that packet's record.
		last := all[len(all)-1]
		recLen := 16 + last.CapLen
		if r.Format() == FormatPcapNG {
			recLen = 32 + (last.CapLen+3)&^3
		}
		if fe.Offset != int64(len(full)-recLen) {
			t.Errorf("%s cut: %v: offset %d, want %d", name, err, fe.Offset, len(full)-recLen)
		}
		if _, again := r.Next(); again != err {
			t.Errorf("%s cut: Next after the error gives %v", name, again)
		}
	}
}

// ngFile builds a little-endian pcapng section with one Ethernet interface
// followed by the given raw blocks.
func ngFile(blocks ...[]byte) []byte {
	le := binary.LittleEndian
	var b []byte
	b = le.AppendUint32(b, ngSectionHeader)
	b = le.AppendUint32(b, 28)
	b = le.AppendUint32(b, ngByteOrder)
	b = le.AppendUint16(b, 1)
	b = le.AppendUint16(b, 0)
	b = le.AppendUint64(b, ^uint64(0))
	b = le.AppendUint32(b, 28)
	b = le.AppendUint32(b, ngInterface)
	b = le.AppendUint32(b, 20)
	b = le.AppendUint32(b, uint32(LinkEthernet))
	b = le.AppendUint32(b, 0)
	b = le.AppendUint32(b, 20)
	for _, x := range blocks {
		b = append(b, x...)
	}
	return b
}

func rawBlock(typ, total uint32, body []byte, trailer uint32) []byte {
	le := binary.LittleEndian
	b := le.AppendUint32(nil, typ)
	b = le.AppendUint32(b, total)
	b = append(b, body...)
	return le.AppendUint32(b, trailer)
}

func TestMalformed(t *testing.T) {
	le := binary.LittleEndian
	epb := func(iface, capLen uint32, data int) []byte {
		var body []byte
		body = le.AppendUint32(body, iface)
		body = le.AppendUint64(body, 0)
		body = le.AppendUint32(body, capLen)
		body = le.AppendUint32(body, capLen)
		return append(body, make([]byte, data)...)
	}
	pcapHdr := []byte{0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 1, 0, 0, 0}
	cases := []struct {
		name   string
		file   []byte
		kind   error
		offset int64
		msg    string
	}{
		{"empty", nil, ErrTruncated, 0, "fewer than a magic number"},
		{"text", []byte("hello world"), ErrUnknownFormat, 0, "magic number 68656c6c"},
		{"not multiple of 4", ngFile(rawBlock(5, 15, make([]byte, 3), 15)), ErrMalformed, 48, "pcapng: block (type 00000005) at offset 48: total length 15 is not a multiple of 4"},
		{"too short", ngFile(rawBlock(6, 8, nil, 8)), ErrMalformed, 48, "total length 8 is less than the 12 bytes"},
		{"too large", ngFile(rawBlock(6, 1<<30, nil, 0)), ErrTooLarge, 48, "over the limit"},
		{"trailer", ngFile(rawBlock(6, 32+4, epb(0, 4, 4), 40)), ErrMalformed, 48, "trailing total length 40 differs from the leading 36"},
		{"no interface", ngFile(rawBlock(6, 32+4, epb(1, 4, 4), 36)), ErrMalformed, 48, "interface 1 is not described"},
		{"overrun", ngFile(rawBlock(6, 32+4, epb(0, 9, 4), 36)), ErrMalformed, 48, "captured length 9 overruns the block's 4 bytes"},
		{"pcap version", append([]byte{0xd4, 0xc3, 0xb2, 0xa1, 3, 0}, pcapHdr[6:]...), ErrUnsupported, 0, "version 3.4"},
		{"pcap huge record", append(append([]byte(nil), pcapHdr...), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 0, 0, 0, 0x20), ErrTooLarge, 24, "pcap: record at offset 24: captured length 536870912"},
		{"bad gzip", []byte{0x1f, 0x8b, 0, 0}, ErrMalformed, 0, "gzip"},
		{"navtel", append([]byte{0x4d, 0x3c, 0x2b, 0xa1}, pcapHdr[4:]...), ErrUnsupported, 0, "Navtel pcap variant"},
	}
	for _, c := range cases {
		_, _, err := readAll(t, c.file)
		var fe *FormatError
		if !errors.As(err, &fe) || !errors.Is(err, c.kind) || fe.Offset != c.offset || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%s: %v; want %v at offset %d with %q", c.name, err, c.kind, c.offset, c.msg)
		}
	}
}

// A length field that lies costs no more memory than the input holds.
func TestLyingLengthAllocatesLittle(t *testing.T) {
	le := binary.LittleEndian
	file := ngFile(le.AppendUint32(le.AppendUint32(nil, ngEnhancedPacket), MaxBlockSize-4))
	r, err := NewReader(bytes.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); !errors.Is(err, ErrTruncated) {
		t.Fatalf("got %v, want ErrTruncated", err)
	}
	if cap(r.buf) > 1<<20 {
		t.Errorf("buffer grew to %d bytes for a %d-byte file", cap(r.buf), len(file))
	}
}

func TestLinkTypeNames(t *testing.T) {
	for l, n := range linkNames {
		if l.Name() != n || !strings.HasPrefix(l.String(), n+" (") {
			t.Errorf("%d: %q %q", l, l.Name(), l.String())
		}
	}
	if s := LinkType(147).String(); s != "LinkType(147)" {
		t.Errorf("unknown link type prints %q", s)
	}
}

func FuzzReader(f *testing.F) {
	for _, name := range []string{"pings.pcap", "pings-be.pcap", "pings-modified.pcap", "blocks-le.pcapng", "blocks-be.pcapng", "sections.pcapng", "pings.pcap.gz"} {
		f.Add(readTestdata(f, name))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		// The budget's property: what reading allocates is a constant plus
		// a small multiple of the bytes read (decompressed), whatever the
		// fields claim.
		var r *Reader
		within := func(alloc uint64) bool { return r == nil || alloc <= fuzzFixed+allocPerByte*uint64(r.off) }
		alloc := hostile.AllocatedRetried(3, func() {
			r, _ = NewReader(bytes.NewReader(b))
			for r != nil {
				if _, err := r.Next(); err != nil {
					r.PendingNotes()
					break
				}
			}
		}, within)
		if !within(alloc) {
			t.Fatalf("reading %d bytes allocated %d", r.off, alloc)
		}
		r, err := NewReader(bytes.NewReader(b))
		if err != nil {
			return
		}
		// Every packet consumes at least 12 bytes of the (decompressed)
		// input, so this bounds the loop even for gzip.
		for i := 0; ; i++ {
			p, err := r.Next()
			if err != nil {
				if err != io.EOF {
					var fe *FormatError
					if !errors.As(err, &fe) {
						t.Fatalf("error %v is not a *FormatError", err)
					}
				}
				break
			}
			if p.Index != i+1 || p.CapLen != len(p.Data) || int64(p.CapLen) > r.off {
				t.Fatalf("packet %d: index %d caplen %d, %d bytes read", i+1, p.Index, p.CapLen, r.off)
			}
			if cap(r.buf) > 2*int(r.off)+64<<10 {
				t.Fatalf("buffer of %d bytes after reading %d", cap(r.buf), r.off)
			}
		}
	})
}
