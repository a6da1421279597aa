package dissect

import (
	"net/netip"
	"time"
)

// Frame is the dissection of one captured frame: a tree per layer, the
// layers' names in order, what went wrong and where, a one-line summary, and
// the ICMP message it carries decoded for programs.
type Frame struct {
	Number int       // 1-based position in the capture; 0 when dissected alone
	Lang   Lang      // the language of its words (Options.Lang)
	Time   time.Time // capture time; zero when unknown (pasted hex)
	Len    int       // original length on the wire
	CapLen int       // bytes captured (len(Data))
	Data   []byte    // the frame's bytes as given

	// Root holds one node per layer, outermost first. A quoted datagram or a
	// tunnelled packet appears as children of the layer carrying it.
	Root []*Node
	// Layers names the protocols met, outermost first, like tshark's
	// frame.protocols ("eth", "ip", "icmp", "ip", "udp").
	Layers []string
	// Notes are every remark of any severity in the tree, in frame order;
	// Errors the subset with SevError: places where the bytes disagree with
	// what the headers promise (truncation, bad lengths, malformed options).
	Notes  []Note
	Errors []Note
	// Sources holds bytes that are not in Data but that nodes point into,
	// such as a datagram reassembled from fragments (Node.Source is the
	// 1-based index into Sources; 0 means Data).
	Sources []Source

	// Summary is one line, like tshark's default output:
	// "198.18.0.1 → 198.18.0.2 ICMP 98 Echo Request id=0x1234, seq=1/256, ttl=64".
	Summary string
	// The summary's parts, for a column display.
	Src, Dst string
	Protocol string
	Info     string

	// ICMP is the outermost ICMP message, nil when the frame carries none.
	ICMP *ICMPInfo

	// routedDsts are the final destinations of IPv6 routing headers, by the
	// offset of their IPv6 header: the destination the upper-layer checksum
	// uses (RFC 8200 8.1), for WorkedChecksums. Nil without such a header.
	routedDsts []routedDst
}

// routedDst is the pseudo-header destination of the IPv6 header at off.
type routedDst struct {
	off int
	dst netip.Addr
}

// Source is a byte buffer built during dissection, such as a reassembled
// datagram, shown as a separate tab of the hex view.
type Source struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// Options tune a dissection. The zero value dissects one frame alone.
type Options struct {
	// Number and Time are copied into the Frame.
	Number int
	Time   time.Time
	// Len is the frame's original length when the capture truncated it
	// (snap length); 0 means len(data).
	Len int
	// Reassembler, when set, collects IP fragments across frames: the frame
	// completing a datagram shows it reassembled, the others show "fragment
	// of ...". Without one, a first fragment is dissected as far as it goes.
	Reassembler *Reassembler
	// MaxDepth bounds tunnel and quote nesting; 0 means DefaultMaxDepth.
	MaxDepth int
	// Lang is the language of the labels, the words in values, the notes,
	// the summary and the sentence; field ids, numbers and addresses are
	// the same in every language. The zero value is English.
	Lang Lang
}

// DefaultMaxDepth is how many encapsulations (tunnels, quoted datagrams)
// are followed before the rest is shown as data: enough for any real
// network, small enough that a crafted IP-in-IP chain costs nothing.
const DefaultMaxDepth = 8

// Dissect builds the dissection tree of one frame. It never panics; bytes it
// cannot account for appear as data nodes, and every place where the frame
// breaks carries a note naming the offset and the reason.
func Dissect(data []byte, start Layer, opt Options) *Frame {
	mem := &frameMem{}
	f := &mem.f
	*f = Frame{Number: opt.Number, Lang: opt.Lang, Time: opt.Time, Data: data, CapLen: len(data), Len: opt.Len}
	f.Root, f.Layers = mem.root[:0], mem.layers[:0]
	if f.Len < f.CapLen {
		f.Len = f.CapLen
	}
	w := newWork(f, data, opt)
	defer w.release()
	d := &w.d
	d.slab, d.kids, d.info = mem.nodes[:], mem.kids[:], &mem.info
	if start == LayerAuto {
		start = Guess(data)
	}
	d.layer(nil, start, 0, len(data))
	if len(f.Root) == 0 {
		// Nothing could be dissected: still show the bytes.
		d.data(nil, "Data", 0, len(data))
	}
	// Bytes after the last layer (Ethernet padding after a PPPoE or ARP
	// payload) are shown too.
	end := 0
	for _, n := range f.Root {
		if n.Source == 0 && n.Offset+n.Length > end {
			end = n.Offset + n.Length
		}
	}
	if end < len(data) {
		d.add(nil, "Trailer", "data", end, len(data)-end, d.byteCount(len(data)-end))
	}
	// Frames that hold nothing keep the nil slices they always had.
	if len(f.Root) == 0 {
		f.Root = nil
	}
	if len(f.Layers) == 0 {
		f.Layers = nil
	}
	finish(f, d.vals)
	return f
}

// frameMem is a Frame with the memory most frames need, in one allocation:
// room for the layers' names and roots, the first chunk of nodes and of
// children slices, and the outermost ICMP message's info. It all lives as
// long as the Frame, which owns it.
type frameMem struct {
	f      Frame
	layers [8]string
	root   [6]*Node
	nodes  [nodeChunk]Node
	kids   [kidsCap * nodeChunk / 4]*Node
	info   ICMPInfo
}
