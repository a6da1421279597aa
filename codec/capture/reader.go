package capture

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"io"
	"strconv"
	"time"
)

// MaxBlockSize is the largest record or block the reader accepts: far above
// any real packet (jumbo frames and TSO captures stay under 256 KiB), low
// enough that a damaged length field is reported, not obeyed, and that the
// one block the reader buffers stays a small constant of the decode budget
// (README, "The budget"). Wireshark's pcapng reader stops at the same 16 MiB.
const MaxBlockSize = 16 << 20

// Format is the container format of a capture file.
type Format uint8

const (
	FormatPcap Format = iota + 1
	FormatPcapNG
)

func (f Format) String() string {
	switch f {
	case FormatPcap:
		return "pcap"
	case FormatPcapNG:
		return "pcapng"
	}
	return "format(" + strconv.Itoa(int(f)) + ")"
}

// Packet is one captured packet.
type Packet struct {
	// Data holds the captured bytes. It points into the reader's buffer and
	// is valid only until the next call to Next: copy it to keep it.
	Data    []byte
	CapLen  int // bytes captured (len(Data))
	OrigLen int // bytes on the wire
	// Time is in UTC. It is zero for a pcapng simple packet block, which
	// carries no time stamp.
	Time     time.Time
	LinkType LinkType
	// Interface is the pcapng interface number within its section (0 for pcap).
	Interface int
	// Index is the frame number, counting from 1 as Wireshark does.
	Index int
	// Notes are remarks about this packet's record or block, and about
	// blocks read since the previous packet (interfaces over the limit):
	// nil for almost every packet. Valid, like Data, until the next Next.
	Notes []Note
}

// Interface describes a capture interface: the pcap file header, or one
// pcapng Interface Description Block.
type Interface struct {
	LinkType LinkType
	SnapLen  uint32
	Name     string // pcapng if_name, when given
	// Resolution is the time stamp unit: 10^-n seconds, or 2^-n when
	// Binary. pcap gives 6 or 9; pcapng's default is 6.
	Resolution uint8
	Binary     bool
	Offset     int64 // pcapng if_tsoffset, seconds added to every time stamp
}

// Reader reads packets from a pcap or pcapng stream.
type Reader struct {
	br     *bufio.Reader
	off    int64 // bytes consumed from br
	format Format
	gz     bool
	order  binary.ByteOrder
	hdr    [32]byte
	buf    []byte // reused for every record or block
	index  int
	err    error // sticky: once reading failed, Next repeats the error

	// pcap
	nano     bool
	modified bool // Kuznetzov's patched libpcap: 8 more bytes a record
	iface    Interface

	// pcapng
	ifaces  []Interface
	section int
	nIfaces int // interfaces described in this section, kept or not

	// notes for the next packet (notes.go)
	notes                  []Note
	dropped                int
	droppedFrom, droppedTo int64
	ignored, ignoredFirst  int
	ignoredFrom, ignoredTo int64
	ignoredNoted           bool
}

// variants are pcap look-alikes whose records differ from pcap's; they are
// named in the error rather than misread.
var variants = map[uint32]string{
	0xa12b3c4d: "Navtel",
	0x1c0001ac: "IXIA hardware",
	0x1c0001ab: "IXIA software",
}

const (
	magicMicro    = 0xa1b2c3d4
	magicNano     = 0xa1b23c4d
	magicModified = 0xa1b2cd34
	magicNgBlock  = 0x0a0d0d0a // the Section Header Block type, a palindrome
	ngByteOrder   = 0x1a2b3c4d
)

// NewReader reads the file header (the pcapng section header) and returns a
// reader positioned at the first packet.
func NewReader(r io.Reader) (*Reader, error) {
	rd := &Reader{br: bufio.NewReaderSize(r, 64<<10)}
	magic, err := rd.br.Peek(4)
	if len(magic) >= 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, zerr := gzip.NewReader(rd.br)
		if zerr != nil {
			return nil, &FormatError{Format: "gzip", What: "header", Msg: zerr.Error(), Err: ErrMalformed}
		}
		rd.br, rd.gz = bufio.NewReaderSize(zr, 64<<10), true
		magic, err = rd.br.Peek(4)
	}
	if len(magic) < 4 {
		if err == nil || err == io.EOF {
			return nil, formatErr("capture", "file header", 0, why(whyFileShort, int64(len(magic))), ErrTruncated)
		}
		return nil, &FormatError{Format: "capture", What: "file header", Msg: err.Error(), Err: err}
	}
	le, be := binary.LittleEndian.Uint32(magic), binary.BigEndian.Uint32(magic)
	switch {
	case le == magicNgBlock:
		rd.format = FormatPcapNG
		h, err := rd.readHeader(8)
		if err != nil {
			return nil, rd.readErr("section header block", 0, 8, err)
		}
		if err := rd.readSectionAfter(0, h); err != nil {
			return nil, err
		}
		return rd, nil
	case le == magicMicro || le == magicNano || le == magicModified:
		rd.order = binary.LittleEndian
	case be == magicMicro || be == magicNano || be == magicModified:
		rd.order = binary.BigEndian
	case variants[le] != "" || variants[be] != "":
		return nil, formatErr("pcap", "file header", 0, whyQuoting(whyVariant, hex32(be), variants[le]+variants[be]), ErrUnsupported)
	default:
		return nil, formatErr("capture", "file header", 0, whyQuoting(whyUnknownMagic, hex32(be)), ErrUnknownFormat)
	}
	rd.format = FormatPcap
	if err := rd.readPcapHeader(); err != nil {
		return nil, err
	}
	return rd, nil
}

// Offset is how many bytes of the file (of the decompressed stream, for a
// gzipped one) have been read: with the file's size, a progress bar.
func (r *Reader) Offset() int64 { return r.off }

// Format says whether the file is pcap or pcapng.
func (r *Reader) Format() Format { return r.format }

// Gzipped says whether the file was gzip-compressed.
func (r *Reader) Gzipped() bool { return r.gz }

// Interfaces returns the interfaces of the current pcapng section (those
// seen so far), or the one pcap "interface" of its file header.
func (r *Reader) Interfaces() []Interface {
	if r.format == FormatPcap {
		return []Interface{r.iface}
	}
	return append([]Interface(nil), r.ifaces...)
}

// Next returns the next packet, or io.EOF after the last one. After any
// other error Next keeps returning it: the packets before it were good.
func (r *Reader) Next() (Packet, error) {
	if r.err != nil {
		return Packet{}, r.err
	}
	// The readers below fill p in place: a Packet is big enough that
	// copying it through every return shows in profiles.
	var p Packet
	var err error
	if r.format == FormatPcap {
		err = r.nextPcap(&p)
	} else {
		err = r.nextNg(&p)
	}
	if err != nil {
		r.err = err
		return Packet{}, err
	}
	r.index++
	p.Index = r.index
	p.CapLen = len(p.Data)
	p.Notes = r.takeNotes()
	return p, nil
}

// readHeader reads n fixed bytes into r.hdr. It returns io.EOF only when the
// stream ends exactly before them.
func (r *Reader) readHeader(n int) ([]byte, error) {
	b := r.hdr[:n]
	k, err := io.ReadFull(r.br, b)
	r.off += int64(k)
	return b, err
}

// take returns the next n bytes. When they fit in the read buffer they are
// returned from it, not copied (valid, like Packet.Data, until the next
// read); otherwise, or when the stream ends first, fill reads them.
func (r *Reader) take(n int) ([]byte, error) {
	if n <= r.br.Size() {
		if b, err := r.br.Peek(n); err == nil {
			_, _ = r.br.Discard(n) // cannot fail: the bytes are buffered
			r.off += int64(n)
			return b, nil
		}
	}
	return r.fill(n)
}

// fill reads n bytes into the reused buffer. The buffer grows as the bytes
// arrive, not as the length field announces them, so a lying length in a
// short or damaged file costs no more memory than the file itself.
func (r *Reader) fill(n int) ([]byte, error) {
	if n <= cap(r.buf) {
		b := r.buf[:n]
		k, err := io.ReadFull(r.br, b)
		r.off += int64(k)
		return b[:k], err
	}
	b := r.buf[:0]
	for len(b) < n {
		chunk := min(n-len(b), max(len(b), 64<<10))
		if cap(b)-len(b) < chunk {
			nb := make([]byte, len(b), len(b)+chunk)
			copy(nb, b)
			b = nb
		}
		k, err := io.ReadFull(r.br, b[len(b):len(b)+chunk])
		r.off += int64(k)
		b = b[:len(b)+k]
		if err != nil {
			r.buf = b[:0]
			return b, err
		}
	}
	r.buf = b
	return b, nil
}

// readErr turns a read failure inside a structure into a FormatError.
func (r *Reader) readErr(what string, start int64, need int, err error) error {
	got := r.off - start
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return formatErr(r.format.String(), what, start, why(whyEndsAfter, got, int64(need)), ErrTruncated)
	}
	f := r.format.String()
	if r.gz {
		f = "gzip"
	}
	return &FormatError{Format: f, What: what, Offset: start, Msg: err.Error(), Err: err}
}

func hex32(v uint32) string {
	s := strconv.FormatUint(uint64(v), 16)
	for len(s) < 8 {
		s = "0" + s
	}
	return s
}

// readPcapHeader reads the 24-byte pcap file header.
func (r *Reader) readPcapHeader() error {
	h, err := r.readHeader(24)
	if err != nil {
		return r.readErr("file header", 0, 24, err)
	}
	magic := r.order.Uint32(h)
	r.nano = magic == magicNano
	r.modified = magic == magicModified
	if major := r.order.Uint16(h[4:]); major != 2 {
		return formatErr("pcap", "file header", 0, why(whyPcapVersion, int64(major), int64(r.order.Uint16(h[6:]))), ErrUnsupported)
	}
	r.iface = Interface{
		SnapLen:    r.order.Uint32(h[16:]),
		LinkType:   LinkType(r.order.Uint32(h[20:])), // the low 16 bits; FCS flags sit above
		Resolution: 6,
	}
	if r.nano {
		r.iface.Resolution = 9
	}
	return nil
}

func (r *Reader) nextPcap(p *Packet) error {
	start := r.off
	n := 16
	if r.modified {
		n = 24 // + if_index, protocol, pkt_type, padding
	}
	h, err := r.readHeader(n)
	if err != nil {
		if err == io.EOF {
			return io.EOF
		}
		return r.readErr("record", start, n, err)
	}
	sec, frac := r.order.Uint32(h), r.order.Uint32(h[4:])
	incl, orig := r.order.Uint32(h[8:]), r.order.Uint32(h[12:])
	if incl > MaxBlockSize {
		return formatErr("pcap", "record", start, why(whyCapLenTooLarge, int64(incl), MaxBlockSize), ErrTooLarge)
	}
	data, err := r.take(int(incl))
	if err != nil {
		return r.readErr("record", start, n+int(incl), err)
	}
	ns := int64(frac)
	if !r.nano {
		ns *= 1000
	}
	p.Data, p.OrigLen, p.Time, p.LinkType = data, int(orig), time.Unix(int64(sec), ns).UTC(), r.iface.LinkType
	if incl > orig {
		r.note(start, "record", capOverOrig(incl, orig))
	}
	return nil
}

// capOverOrig is the note for a packet said to have more bytes captured
// than it had on the wire: the capture tool or the file is wrong, and the
// bytes are shown as captured.
func capOverOrig(capLen, orig uint32) string {
	return "captured length " + strconv.FormatUint(uint64(capLen), 10) + " is more than the original length " + strconv.FormatUint(uint64(orig), 10)
}
