package dissect

import (
	"encoding/binary"
	"encoding/hex"
	"net/netip"
	"strconv"
	"sync"

	"icmplab/codec"
)

// dissector carries the state of one Dissect call: the bytes being read
// (the frame, or a reassembled datagram), the frame being filled, and how
// deep in tunnels and quotes it is.
type dissector struct {
	f     *Frame
	b     []byte // bytes nodes point into
	src   int    // Node.Source of every node made (0 = frame data)
	opt   Options
	depth int
	// quoted is set while dissecting the datagram an ICMP error quotes: its
	// lengths refer to the original datagram, not to the bytes present.
	quoted bool
	// icmpSeen is set once the outermost ICMP message was recorded.
	icmpSeen bool
	// ip is the innermost IP header met, for the summary and the pseudo-header.
	ip ipContext
	// slab hands out nodes in chunks: a frame has about a hundred, and one
	// allocation per chunk instead of per node halves the dissection time.
	slab []Node
	// kids does the same for the children slices, kidsCap at a time.
	kids []*Node
	// vals collects the frame's display values into one string; shared
	// by the copies made for quotes and reassembled datagrams.
	vals *valBatch
	// info is the Frame's own ICMPInfo, used for the outermost message.
	info *ICMPInfo
}

// ipContext is what an upper layer needs from the IP header around it.
type ipContext struct {
	off      int // where the header starts in d.b
	version  int
	src, dst netip.Addr
	// pseudoDst is the destination the upper-layer checksum uses: the final
	// one of an IPv6 routing header, else dst.
	pseudoDst netip.Addr
	ttl       uint8
	proto     uint8
	// truncated is set when the capture ended before the datagram did, so
	// upper-layer checksums cannot be verified.
	truncated bool
	// fragment is set for a fragment of a datagram (not reassembled).
	fragment bool
}

// Allocation sizes tuned on the benchmark capture: most headers have fewer
// than 12 fields, a chunk of 32 nodes wastes little on short frames.
const (
	nodeChunk = 32
	kidsCap   = 12
)

// work is the scratch memory of one Dissect call: the dissector and the
// buffers of its value batch. Nothing in a Frame points into it (values are
// copied out by flush), so it is recycled through workPool once Dissect
// returns.
type work struct {
	d    dissector
	vals valBatch
	buf  [1024]byte
	refs [96]pendingVal
}

var workPool = sync.Pool{New: func() any { return new(work) }}

func newWork(f *Frame, b []byte, opt Options) *work {
	if opt.MaxDepth <= 0 {
		opt.MaxDepth = DefaultMaxDepth
	}
	w := workPool.Get().(*work)
	if w.vals.buf == nil {
		w.vals.buf, w.vals.refs = w.buf[:0], w.refs[:0]
	}
	w.d = dissector{f: f, b: b, opt: opt, vals: &w.vals}
	return w
}

// maxKeptValues bounds the value buffer a pooled work keeps after a frame
// that needed more than the built-in one.
const maxKeptValues = 64 << 10

// release drops every reference to the frame and returns w to the pool.
// The pending references are normally cleared by flush already; a dissection
// that stopped early must not leave any for the next frame.
func (w *work) release() {
	w.d = dissector{}
	clear(w.vals.refs)
	w.vals.buf, w.vals.refs, w.vals.noted = w.vals.buf[:0], w.vals.refs[:0], false
	if cap(w.vals.buf) > maxKeptValues || cap(w.vals.refs) > maxKeptValues/16 {
		w.vals = valBatch{}
	}
	workPool.Put(w)
}

// value makes buf[start:] the pending display value of nd (see valBatch).
func (d *dissector) value(nd *Node, start int) { d.vals.set(nd, start) }

// add appends a child node to parent, or a new layer root when parent is nil.
func (d *dissector) add(parent *Node, label, field string, off, n int, value string) *Node {
	if len(d.slab) == 0 {
		// The frame's first chunk is in frameMem; a frame needing more is a
		// big one (an error with its quote, about 70 nodes in all), so the
		// next chunk is half as large again.
		d.slab = make([]Node, nodeChunk+nodeChunk/2)
	}
	nd := &d.slab[0]
	d.slab = d.slab[1:]
	// The slab is zeroed memory: set only what is not zero, field by field,
	// which is cheaper than copying a whole Node literal in.
	if d.opt.Lang != LangEN {
		label = labelKO(field, label)
	}
	nd.Label, nd.Field, nd.Offset, nd.Length, nd.Source = label, field, off, n, d.src
	if value != "" {
		nd.Value = value
	}
	if field != "data" { // opaque bytes: nothing to explain
		nd.Explain = field
	}
	if parent == nil {
		d.f.Root = append(d.f.Root, nd)
	} else {
		if parent.Kids == nil {
			if len(d.kids) < kidsCap {
				d.kids = make([]*Node, kidsCap*nodeChunk/4)
			}
			parent.Kids = d.kids[:0:kidsCap]
			d.kids = d.kids[kidsCap:]
		}
		parent.Kids = append(parent.Kids, nd)
	}
	return nd
}

// proto starts a protocol layer node and records its name in Frame.Layers.
func (d *dissector) proto(parent *Node, label, short string, off, n int) *Node {
	d.f.Layers = append(d.f.Layers, short)
	nd := d.add(parent, label, short, off, n, "")
	nd.Explain = ""
	return nd
}

// note attaches a remark of kind k to nd, worded in the dissection's
// language; finish later collects them into the frame.
func (d *dissector) note(nd *Node, sev Severity, off int, k NoteKind, args ...any) {
	msg := noteMessage(d.opt.Lang, k, args)
	nd.Notes = append(nd.Notes, Note{Severity: sev, Kind: k, Offset: off, Message: msg, Source: nd.Source})
	d.vals.noted = true
}

// errorf attaches an error note: the bytes break what the headers promise.
func (d *dissector) errorf(nd *Node, off int, k NoteKind, args ...any) {
	d.note(nd, SevError, off, k, args...)
}

// have reports whether n bytes are present at off.
func (d *dissector) have(off, n int) bool {
	return off >= 0 && n >= 0 && off <= len(d.b) && n <= len(d.b)-off
}

func (d *dissector) u16(off int) uint16 { return binary.BigEndian.Uint16(d.b[off:]) }
func (d *dissector) u32(off int) uint32 { return binary.BigEndian.Uint32(d.b[off:]) }

// uint adds a whole-byte unsigned field shown in decimal.
func (d *dissector) uint(parent *Node, label, field string, off, n int) (uint32, *Node) {
	v := d.readN(off, n)
	nd := d.add(parent, label, field, off, n, "")
	st := d.vals.mark()
	d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(v), 10)
	d.value(nd, st)
	return v, nd
}

// hexField adds a whole-byte field shown as 0x%0*x and decimal.
func (d *dissector) hexField(parent *Node, label, field string, off, n int) (uint32, *Node) {
	v := d.readN(off, n)
	nd := d.add(parent, label, field, off, n, "")
	st := d.vals.mark()
	d.vals.buf = appendHexDec(d.vals.buf, v, n)
	d.value(nd, st)
	return v, nd
}

// bits adds a sub-byte field: the value of the masked bits over n bytes at
// off, shifted down.
func (d *dissector) bits(parent *Node, label, field string, off, n int, mask uint32, value func(uint32) string) (uint32, *Node) {
	v, nd := d.bitsRaw(parent, label, field, off, n, mask)
	if value != nil {
		nd.Value = value(v)
	} else {
		st := d.vals.mark()
		d.vals.buf = strconv.AppendUint(d.vals.buf, uint64(v), 10)
		d.value(nd, st)
	}
	return v, nd
}

// bitsRaw is bits without a value: the caller writes it into d.vals.
func (d *dissector) bitsRaw(parent *Node, label, field string, off, n int, mask uint32) (uint32, *Node) {
	raw := d.readN(off, n)
	v := (raw & mask) >> trailingZeros(mask)
	nd := d.add(parent, label, field, off, n, "")
	nd.Mask = mask
	return v, nd
}

// flag adds a one-bit field shown as "Set"/"Not set".
func (d *dissector) flag(parent *Node, label, field string, off, n int, mask uint32) bool {
	v, _ := d.bits(parent, label, field, off, n, mask, d.flagShow())
	return v != 0
}

func setNotSet(v uint32) string {
	if v != 0 {
		return "Set"
	}
	return "Not set"
}

func (d *dissector) readN(off, n int) uint32 {
	var v uint32
	for i := 0; i < n && i < 4; i++ {
		v = v<<8 | uint32(d.b[off+i])
	}
	return v
}

// addr adds an IPv4 or IPv6 address field.
func (d *dissector) addr(parent *Node, label, field string, off, n int) (netip.Addr, *Node) {
	a, _ := netip.AddrFromSlice(d.b[off : off+n])
	nd := d.add(parent, label, field, off, n, "")
	st := d.vals.mark()
	d.vals.buf = a.AppendTo(d.vals.buf)
	d.value(nd, st)
	return a, nd
}

// mac adds a 6-byte hardware address field.
func (d *dissector) mac(parent *Node, label, field string, off int) *Node {
	nd := d.add(parent, label, field, off, 6, "")
	st := d.vals.mark()
	d.vals.buf = codec.AppendMAC(d.vals.buf, d.b[off:off+6])
	d.value(nd, st)
	return nd
}

// data adds the rest of a region as opaque bytes.
func (d *dissector) data(parent *Node, label string, off, end int) *Node {
	if end > len(d.b) {
		end = len(d.b)
	}
	if off >= end {
		return nil
	}
	n := end - off
	nd := d.add(parent, label, "data", off, n, "")
	st := d.vals.mark()
	d.vals.buf = d.appendByteCount(d.vals.buf, n)
	d.value(nd, st)
	if parent == nil {
		d.f.Layers = append(d.f.Layers, "data")
	}
	return nd
}

func macString(b []byte) string { return string(codec.AppendMAC(make([]byte, 0, 3*len(b)), b)) }

// hexOnly is v as 2n hex digits with 0x.
func hexOnly(v uint32, n int) string {
	var b [10]byte
	return string(appendHex(b[:0], v, n))
}

// appendHex appends v as 0x and 2n hex digits (n bytes, at most 4).
func appendHex(b []byte, v uint32, n int) []byte {
	return codec.AppendHex(append(b, '0', 'x'), uint64(v), 2*min(n, 4))
}

func byteCount(n int) string {
	if n == 1 {
		return "1 byte"
	}
	return strconv.Itoa(n) + " bytes"
}

func hexBytes(b []byte) string {
	if len(b) > 32 {
		return hex.EncodeToString(b[:32]) + "…"
	}
	return hex.EncodeToString(b)
}

func itoa(i int) string { return strconv.Itoa(i) }

func trailingZeros(m uint32) uint {
	if m == 0 {
		return 0
	}
	var n uint
	for m&1 == 0 {
		m >>= 1
		n++
	}
	return n
}

// finish collects the tree's notes into the frame, in frame order, and
// writes the summary. Values are still pending in v: the summary of an ICMP
// message joins them in the frame's one string; the other summaries read
// node values, so v is flushed first.
func finish(f *Frame, v *valBatch) {
	if v.noted {
		collectNotes(f)
	}
	if f.ICMP != nil {
		f.icmpSummary(v)
		v.flush()
		return
	}
	v.flush()
	f.buildSummary()
}

// collectNotes gathers every node's notes into f.Notes and f.Errors.
func collectNotes(f *Frame) {
	var walk func([]*Node)
	walk = func(ns []*Node) {
		for _, n := range ns {
			for _, nt := range n.Notes {
				f.Notes = append(f.Notes, nt)
				if nt.Severity == SevError {
					f.Errors = append(f.Errors, nt)
				}
			}
			walk(n.Kids)
		}
	}
	walk(f.Root)
}

// truncatedByCapture reports whether reading up to absolute offset want
// fails only because the capture kept fewer bytes than were on the wire
// (snap length): then the missing bytes are not a fault of the packet.
func (d *dissector) truncatedByCapture(want int) bool {
	return d.src == 0 && d.f.Len > d.f.CapLen && want > len(d.b)
}

func netipFrom16(a [16]byte) netip.Addr { return netip.AddrFrom16(a) }
