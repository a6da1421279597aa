package filter

import (
	"math/bits"
	"sync"

	"icmplab/codec"
)

// The quick path (MatchBytes) reads the fields an expression names straight
// from a frame's bytes, without a dissection tree, for the frames most
// ICMP captures hold: raw IP, Ethernet II or Linux cooked capture v1 or v2
// (with up to maxVLANTags 802.1Q or 802.1ad tags after it), one IPv4 or IPv6 header (not a fragment), and an
// ICMP message, a UDP datagram or a TCP segment; an ICMP error's quoted datagram is read the same way (IPv4 with
// or without options, IPv6 without extension headers, then UDP, TCP or an
// ICMP echo, as far as the quote goes); a datagram the capture cut short,
// as far as it goes; and an IPv4 header whose version the link layer
// contradicts, when nothing (or only a later fragment's data) follows it.
// Everything else is left to the tree.
//
// Each field the quick path knows is a place in one header: the header
// kind (quickLayer), the offsets of its occurrences there (two for the
// aliases ip.addr, udp.port, ...), its width and bit mask. Reading a frame
// is then walking its headers and, at each, taking the named fields found
// in it: the same bytes the tree's nodes would cover, every occurrence
// (TestQuickAgreesWithTree and FuzzMatchBytes hold the two paths to the
// same values).

// quickLayer is the kind of header a quick field is read from.
type quickLayer uint8

const (
	qlNone   quickLayer = iota // not readable without the tree
	qlFrame                    // frame.*: properties of the frame
	qlEth                      // Ethernet II header
	qlVLAN                     // an 802.1Q or 802.1ad tag
	qlSLL                      // a Linux cooked capture (v1) header
	qlIPv4                     // IPv4 header (outer or quoted)
	qlIPv6                     // IPv6 fixed header
	qlICMP4                    // ICMPv4 header (type, code, checksum)
	qlICMP6                    // ICMPv6 header
	qlEcho4                    // identifier and sequence of an ICMPv4 echo-like message
	qlEcho6                    // of an ICMPv6 echo
	qlError4                   // the word after an ICMPv4 error's header
	qlError6                   // after an ICMPv6 error's header
	qlUDP                      // UDP header
	qlTCP                      // TCP header
	qlAbsent                   // never in a frame the quick path reads
	numQuickLayers
)

// inQuote reports whether a header of this kind can be part of a quoted
// datagram: an expression naming none needs no quote read.
func (l quickLayer) inQuote() bool { return l >= qlIPv4 && l <= qlTCP }

// quickSpec says where a field's occurrences sit in its header.
type quickSpec struct {
	layer quickLayer
	// at holds the offsets of the occurrences from the header's start;
	// none means the field is the header's presence (a protocol).
	at    []int
	width int    // bytes
	mask  uint32 // 0: all the bits
	shift uint8  // the mask's trailing zeros (newQuickPlan sets it)
	// partial: shown also when a quote ends inside the header, as far
	// as its bytes go (ports, TCP sequence, ICMP type and code); other
	// fields of a cut header are absent, as in the tree.
	partial bool
	// special is the field's frame property or checksum verdict.
	special special
	// only limits an error's field to the messages that hold it.
	only errorWord
}

// errorWord names what the word after an ICMP error's header holds, by
// type and code (RFC 792, RFC 1191, RFC 4443).
type errorWord uint8

const (
	anyError errorWord = iota
	mtu4               // destination unreachable, fragmentation needed
	pointer4           // parameter problem
	gateway4           // redirect
	mtu6               // packet too big
	pointer6           // parameter problem
)

// holds reports whether a message of this type and code has the word.
func (w errorWord) holds(t codec.Type, c codec.Code) bool {
	switch w {
	case mtu4:
		return t == codec.ICMPv4DestinationUnreachable && c == codec.CodeFragmentationNeeded
	case pointer4:
		return t == codec.ICMPv4ParameterProblem
	case gateway4:
		return t == codec.ICMPv4Redirect
	case mtu6:
		return t == codec.ICMPv6PacketTooBig
	case pointer6:
		return t == codec.ICMPv6ParameterProblem
	}
	return true
}

// errWordOff is where an error's word starts: after type, code and
// checksum.
const errWordOff = 4

// One header's fields, by codec's offsets (the dissector's nodes cover
// the same bytes). Made on the first filter compiled, not at init (README,
// "Start-up").
var quickSpecs = sync.OnceValue(func() map[string]quickSpec {
	return map[string]quickSpec{
		"frame":         {layer: qlFrame, special: frameProto},
		"frame.len":     {layer: qlFrame, special: frameLen},
		"frame.cap_len": {layer: qlFrame, special: frameCapLen},
		"frame.number":  {layer: qlFrame, special: frameNumber},

		"eth":      {layer: qlEth},
		"eth.dst":  {layer: qlEth, at: []int{codec.EthernetDstOffset}, width: codec.MACLen},
		"eth.src":  {layer: qlEth, at: []int{codec.EthernetSrcOffset}, width: codec.MACLen},
		"eth.addr": {layer: qlEth, at: []int{codec.EthernetSrcOffset, codec.EthernetDstOffset}, width: codec.MACLen},
		"eth.type": {layer: qlEth, at: []int{codec.EthernetTypeOffset}, width: 2},
		"vlan":     {layer: qlVLAN},
		"sll":      {layer: qlSLL},

		"ip":              {layer: qlIPv4},
		"ip.version":      {layer: qlIPv4, at: []int{codec.IPv4VersionIHLOffset}, width: 1, mask: 0xf0},
		"ip.hdr_len":      {layer: qlIPv4, at: []int{codec.IPv4VersionIHLOffset}, width: 1, mask: 0x0f},
		"ip.dsfield":      {layer: qlIPv4, at: []int{codec.IPv4TOSOffset}, width: 1},
		"ip.dsfield.dscp": {layer: qlIPv4, at: []int{codec.IPv4TOSOffset}, width: 1, mask: 0xfc},
		"ip.dsfield.ecn":  {layer: qlIPv4, at: []int{codec.IPv4TOSOffset}, width: 1, mask: 0x03},
		"ip.len":          {layer: qlIPv4, at: []int{codec.IPv4TotalLengthOffset}, width: 2},
		"ip.id":           {layer: qlIPv4, at: []int{codec.IPv4IDOffset}, width: 2},
		"ip.flags.df":     {layer: qlIPv4, at: []int{codec.IPv4FlagsFragOffset}, width: 1, mask: 0x40},
		"ip.flags.mf":     {layer: qlIPv4, at: []int{codec.IPv4FlagsFragOffset}, width: 1, mask: 0x20},
		"ip.frag_offset":  {layer: qlIPv4, at: []int{codec.IPv4FlagsFragOffset}, width: 2, mask: 0x1fff},
		"ip.ttl":          {layer: qlIPv4, at: []int{codec.IPv4TTLOffset}, width: 1},
		"ip.proto":        {layer: qlIPv4, at: []int{codec.IPv4ProtocolOffset}, width: 1},
		"ip.checksum":     {layer: qlIPv4, at: []int{codec.IPv4ChecksumOffset}, width: 2},
		"ip.src":          {layer: qlIPv4, at: []int{codec.IPv4SrcOffset}, width: 4},
		"ip.dst":          {layer: qlIPv4, at: []int{codec.IPv4DstOffset}, width: 4},
		"ip.addr":         {layer: qlIPv4, at: []int{codec.IPv4SrcOffset, codec.IPv4DstOffset}, width: 4},

		"ipv6":      {layer: qlIPv6},
		"ipv6.flow": {layer: qlIPv6, at: []int{codec.IPv6VersionClassFlowOffset}, width: 4, mask: 0x000fffff},
		"ipv6.plen": {layer: qlIPv6, at: []int{codec.IPv6PayloadLengthOffset}, width: 2},
		"ipv6.nxt":  {layer: qlIPv6, at: []int{codec.IPv6NextHeaderOffset}, width: 1},
		"ipv6.hlim": {layer: qlIPv6, at: []int{codec.IPv6HopLimitOffset}, width: 1},
		"ipv6.src":  {layer: qlIPv6, at: []int{codec.IPv6SrcOffset}, width: 16},
		"ipv6.dst":  {layer: qlIPv6, at: []int{codec.IPv6DstOffset}, width: 16},
		"ipv6.addr": {layer: qlIPv6, at: []int{codec.IPv6SrcOffset, codec.IPv6DstOffset}, width: 16},

		"icmp":                 {layer: qlICMP4},
		"icmp.type":            {layer: qlICMP4, at: []int{codec.ICMPTypeOffset}, width: 1, partial: true},
		"icmp.code":            {layer: qlICMP4, at: []int{codec.ICMPCodeOffset}, width: 1, partial: true},
		"icmp.checksum":        {layer: qlICMP4, at: []int{codec.ICMPChecksumOffset}, width: 2},
		"icmp.checksum.status": {layer: qlICMP4, special: checksumStatus4},
		"icmp.checksum_bad":    {layer: qlICMP4, special: checksumBad4},
		"icmp.ident":           {layer: qlEcho4, at: []int{codec.EchoIDOffset}, width: 2},
		"icmp.seq":             {layer: qlEcho4, at: []int{codec.EchoSeqOffset}, width: 2},
		"icmp.mtu":             {layer: qlError4, at: []int{errWordOff + 2}, width: 2, only: mtu4},
		"icmp.pointer":         {layer: qlError4, at: []int{errWordOff}, width: 1, only: pointer4},
		"icmp.redir_gw":        {layer: qlError4, at: []int{errWordOff}, width: 4, only: gateway4},

		"icmpv6":                      {layer: qlICMP6},
		"icmpv6.type":                 {layer: qlICMP6, at: []int{codec.ICMPTypeOffset}, width: 1, partial: true},
		"icmpv6.code":                 {layer: qlICMP6, at: []int{codec.ICMPCodeOffset}, width: 1, partial: true},
		"icmpv6.checksum":             {layer: qlICMP6, at: []int{codec.ICMPChecksumOffset}, width: 2},
		"icmpv6.checksum.status":      {layer: qlICMP6, special: checksumStatus6},
		"icmpv6.checksum_bad":         {layer: qlICMP6, special: checksumBad6},
		"icmpv6.echo.identifier":      {layer: qlEcho6, at: []int{codec.EchoIDOffset}, width: 2},
		"icmpv6.echo.sequence_number": {layer: qlEcho6, at: []int{codec.EchoSeqOffset}, width: 2},
		"icmpv6.mtu":                  {layer: qlError6, at: []int{errWordOff}, width: 4, only: mtu6},
		"icmpv6.pointer":              {layer: qlError6, at: []int{errWordOff}, width: 4, only: pointer6},

		"udp":          {layer: qlUDP},
		"udp.srcport":  {layer: qlUDP, at: []int{codec.UDPSrcPortOffset}, width: 2, partial: true},
		"udp.dstport":  {layer: qlUDP, at: []int{codec.UDPDstPortOffset}, width: 2, partial: true},
		"udp.port":     {layer: qlUDP, at: []int{codec.UDPSrcPortOffset, codec.UDPDstPortOffset}, width: 2, partial: true},
		"udp.length":   {layer: qlUDP, at: []int{codec.UDPLengthOffset}, width: 2},
		"udp.checksum": {layer: qlUDP, at: []int{codec.UDPChecksumOffset}, width: 2},

		"tcp":         {layer: qlTCP},
		"tcp.srcport": {layer: qlTCP, at: []int{codec.TCPSrcPortOffset}, width: 2, partial: true},
		"tcp.dstport": {layer: qlTCP, at: []int{codec.TCPDstPortOffset}, width: 2, partial: true},
		"tcp.port":    {layer: qlTCP, at: []int{codec.TCPSrcPortOffset, codec.TCPDstPortOffset}, width: 2, partial: true},
		"tcp.seq_raw": {layer: qlTCP, at: []int{codec.TCPSeqOffset}, width: 4, partial: true},
		"tcp.ack_raw": {layer: qlTCP, at: []int{codec.TCPAckOffset}, width: 4},
	}
})

// maxVLANTags is how many stacked tags the quick path reads; more (no
// network stacks them deeper) are the tree's. The link layers' offsets are
// codec's (codec/link.go).
const maxVLANTags = 4

// quickPlan is what Compile works out once for the quick path: how each
// slot is read, and which headers a frame must be walked to.
type quickPlan struct {
	ok    bool        // every field named has a quick spec
	specs []quickSpec // by slot
	// quote: a field that a quoted datagram may hold is named.
	quote bool
	// slots lists, by header kind, the slots read from it: a frame's
	// walk visits only the headers that feed a slot.
	slots [numQuickLayers][]int
}

// reads reports whether a named field is read from headers of kind l.
func (p *quickPlan) reads(l quickLayer) bool { return len(p.slots[l]) > 0 }

func newQuickPlan(fields []*field) quickPlan {
	p := quickPlan{ok: true}
	for slot, fd := range fields {
		s, ok := quickSpecs()[fd.name]
		if !ok {
			p.ok = false
		}
		s.shift = uint8(bits.TrailingZeros32(s.mask) % 32)
		p.specs = append(p.specs, s)
		p.slots[s.layer] = append(p.slots[s.layer], slot)
		if s.layer.inQuote() && s.special != checksumBad4 && s.special != checksumBad6 {
			p.quote = true
		}
	}
	return p
}
