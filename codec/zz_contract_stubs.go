package codec

// CONTRACT STUBS: signatures other packages code against. The codec-core
// implementer replaces each with a real implementation in a properly named
// file and deletes this file. Nothing here is meant to land as-is.

import "net/netip"

func parse(f Family, b []byte, src, dst netip.Addr) (Message, error) {
	return Message{}, ErrUnsupported
}

// Typed views. Each returns false when the message is not of that kind.
func (m Message) Echo() (Echo, bool)                     { return Echo{}, false }
func (m Message) Error() (ErrorBody, bool)               { return ErrorBody{}, false }
func (m Message) Timestamp() (Timestamp, bool)           { return Timestamp{}, false }
func (m Message) Information() (Information, bool)       { return Information{}, false }
func (m Message) AddressMask() (AddressMask, bool)       { return AddressMask{}, false }
func (m Message) RouterAdvert4() (RouterAdvert4, bool)   { return RouterAdvert4{}, false }
func (m Message) RouterSolicit4() (RouterSolicit4, bool) { return RouterSolicit4{}, false }
func (m Message) ExtendedEchoRequest() (ExtendedEchoRequest, bool) {
	return ExtendedEchoRequest{}, false
}
func (m Message) ExtendedEchoReply() (ExtendedEchoReply, bool) { return ExtendedEchoReply{}, false }
func (m Message) NDP() (NDP, bool)                             { return NDP{}, false }
func (m Message) MLDQuery() (MLDQuery, bool)                   { return MLDQuery{}, false }
func (m Message) MLDv1() (MLDv1, bool)                         { return MLDv1{}, false }
func (m Message) MLDv2Report() (MLDv2Report, bool)             { return MLDv2Report{}, false }
func (m Message) NodeInfo() (NodeInfo, bool)                   { return NodeInfo{}, false }

// QuotedFlow decodes the flow key of the datagram an error message quotes.
func (m Message) QuotedFlow() (FlowKey, error) { return FlowKey{}, ErrUnsupported }

// QuotedFlow decodes the flow key of a quoted datagram (IPv4 or IPv6 by its
// version nibble).
func QuotedFlow(quote []byte) (FlowKey, error) { return FlowKey{}, ErrUnsupported }

// Header is what Append needs besides the body. For ICMPv6, Src and Dst feed
// the pseudo-header checksum; when they are zero the checksum is left 0 for
// the kernel to fill (raw and datagram ICMPv6 sockets always do).
type Header struct {
	Family   Family
	Type     Type
	Code     Code
	Src, Dst netip.Addr
}

// Append appends a whole ICMP message (header, body, checksum) to dst without
// allocating when dst has room.
func Append[B Body](dst []byte, h Header, body B) []byte { return dst }

// Body implementations (Len, AppendBody) for every view type.
func (e Echo) Len() int                                  { return 0 }
func (e Echo) AppendBody(b []byte) []byte                { return b }
func (e ErrorBody) Len() int                             { return 0 }
func (e ErrorBody) AppendBody(b []byte) []byte           { return b }
func (t Timestamp) Len() int                             { return 0 }
func (t Timestamp) AppendBody(b []byte) []byte           { return b }
func (t Information) Len() int                           { return 0 }
func (t Information) AppendBody(b []byte) []byte         { return b }
func (t AddressMask) Len() int                           { return 0 }
func (t AddressMask) AppendBody(b []byte) []byte         { return b }
func (t RouterAdvert4) Len() int                         { return 0 }
func (t RouterAdvert4) AppendBody(b []byte) []byte       { return b }
func (t RouterSolicit4) Len() int                        { return 0 }
func (t RouterSolicit4) AppendBody(b []byte) []byte      { return b }
func (t ExtendedEchoRequest) Len() int                   { return 0 }
func (t ExtendedEchoRequest) AppendBody(b []byte) []byte { return b }
func (t ExtendedEchoReply) Len() int                     { return 0 }
func (t ExtendedEchoReply) AppendBody(b []byte) []byte   { return b }
func (t NDP) Len() int                                   { return 0 }
func (t NDP) AppendBody(b []byte) []byte                 { return b }
func (t MLDQuery) Len() int                              { return 0 }
func (t MLDQuery) AppendBody(b []byte) []byte            { return b }
func (t MLDv1) Len() int                                 { return 0 }
func (t MLDv1) AppendBody(b []byte) []byte               { return b }
func (t MLDv2Report) Len() int                           { return 0 }
func (t MLDv2Report) AppendBody(b []byte) []byte         { return b }
func (t NodeInfo) Len() int                              { return 0 }
func (t NodeInfo) AppendBody(b []byte) []byte            { return b }

// RawBody is the body of a message of unknown or undecoded type.
type RawBody []byte

func (r RawBody) Len() int                   { return len(r) }
func (r RawBody) AppendBody(b []byte) []byte { return append(b, r...) }

// Extension iteration and decoding.
func (it *ObjectIter) Next() bool                                     { return false }
func (it *ObjectIter) Object() ExtObject                              { return ExtObject{} }
func (it *ObjectIter) Err() error                                     { return it.err }
func (o ExtObject) MPLSLen() int                                      { return 0 }
func (o ExtObject) MPLSEntry(i int) MPLSEntry                         { return MPLSEntry{} }
func (o ExtObject) InterfaceInfo() (InterfaceInfo, error)             { return InterfaceInfo{}, ErrUnsupported }
func (o ExtObject) InterfaceIdent() (InterfaceIdent, error)           { return InterfaceIdent{}, ErrUnsupported }
func AppendExtensions(dst []byte, objs ...ExtObject) []byte           { return dst }
func AppendMPLSObject(dst []byte, entries ...MPLSEntry) []byte        { return dst }
func AppendInterfaceInfoObject(dst []byte, ii InterfaceInfo) []byte   { return dst }
func AppendInterfaceIdentObject(dst []byte, id InterfaceIdent) []byte { return dst }

// NewExtensions builds an RFC 4884 extension structure (version 2, checksum
// computed) from already-encoded objects, for use in ErrorBody.Ext or
// ExtendedEchoRequest.Ext. buf is scratch space it appends into.
func NewExtensions(buf []byte, objects []byte) Extensions { return Extensions{} }

// NDP options and MLD records.
func (n NDP) Options() NDPOptionIter           { return NDPOptionIter{} }
func (it *NDPOptionIter) Next() bool           { return false }
func (it *NDPOptionIter) Option() NDPOption    { return NDPOption{} }
func (it *NDPOptionIter) Err() error           { return it.err }
func (r MLDv2Report) Records() MLDRecordIter   { return MLDRecordIter{} }
func (it *MLDRecordIter) Next() bool           { return false }
func (it *MLDRecordIter) Record() MLDRecord    { return MLDRecord{} }
func (it *MLDRecordIter) Err() error           { return it.err }
func (r RouterAdvert4) Entry(i int) RouterAddr { return RouterAddr{} }

// IP, UDP, TCP.
func ParseIPv4(b []byte) (IPv4Header, []byte, error)                                    { return IPv4Header{}, nil, ErrUnsupported }
func (h IPv4Header) AppendHeader(dst []byte) []byte                                     { return dst }
func ParseIPv6(b []byte) (IPv6Header, []byte, error)                                    { return IPv6Header{}, nil, ErrUnsupported }
func (h IPv6Header) AppendHeader(dst []byte) []byte                                     { return dst }
func ParseUDP(b []byte) (UDPHeader, []byte, error)                                      { return UDPHeader{}, nil, ErrUnsupported }
func ParseTCP(b []byte) (TCPHeader, []byte, error)                                      { return TCPHeader{}, nil, ErrUnsupported }
func AppendUDP(dst []byte, h UDPHeader, payload []byte, src, dstAddr netip.Addr) []byte { return dst }
func AppendTCP(dst []byte, h TCPHeader, payload []byte, src, dstAddr netip.Addr) []byte { return dst }

// Packet is an IP datagram carrying ICMP, decoded in one call: the benchmark
// case, and what a raw socket receives.
type Packet struct {
	Family Family
	V4     IPv4Header
	V6     IPv6Header
	// Payload is the upper-layer bytes after the IP (and extension) headers.
	Payload []byte
	// ICMP is set when the upper protocol is ICMP or ICMPv6.
	ICMP    Message
	HasICMP bool
}

// DecodeIP parses an IPv4 or IPv6 datagram (by version nibble), verifies the
// IPv4 header checksum and, when it carries ICMP, parses and verifies that.
func DecodeIP(b []byte) (Packet, error) { return Packet{}, ErrUnsupported }
