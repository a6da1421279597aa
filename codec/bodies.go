package codec

import "net/netip"

// Body is a typed message body that can be appended to a buffer: everything
// after the 4-byte type/code/checksum header. Every view type below is also a
// Body, so a parsed message can be marshalled back byte for byte and a new one
// built from fields.
type Body interface {
	// Len is the number of bytes AppendBody writes.
	Len() int
	// AppendBody appends the body bytes to b and returns the extended slice.
	AppendBody(b []byte) []byte
}

// Echo is the body of an echo request or reply (ICMPv4 8/0, ICMPv6 128/129).
type Echo struct {
	ID   uint16
	Seq  uint16
	Data []byte
}

// ErrorBody is the body of an ICMP error: destination unreachable, time
// exceeded, parameter problem, source quench, ICMPv4 redirect and ICMPv6
// packet too big. The four bytes after the header mean different things per
// type; the named fields below hold them decoded, and Unused keeps the bits no
// field claims so that a round trip is exact.
type ErrorBody struct {
	// MTU is the next-hop MTU of ICMPv4 3/4 (RFC 1191, 16 bits) or ICMPv6 2 (32 bits).
	MTU uint32
	// Pointer is the parameter problem pointer (8 bits in ICMPv4, 32 in ICMPv6).
	Pointer uint32
	// Gateway is the ICMPv4 redirect's gateway address.
	Gateway netip.Addr
	// Length is the RFC 4884 length of the original datagram in 32-bit words
	// (ICMPv4) or 64-bit words (ICMPv6); 0 when the sender set none. Building
	// with RFC 4884 extensions, 0 means "compute it"; with the legacy layout
	// it is written as given.
	Length uint8
	// Unused holds the four bytes after the header as found, for the fields
	// above to be re-encoded over; builders may leave it zero.
	Unused [4]byte
	// Quote is the original datagram as carried, without the extension
	// structure. When extensions follow, the zero padding RFC 4884 adds is
	// left out as far as the quoted IP header's own length shows it to be
	// padding; zeros within that length stay (they cannot be told from data).
	// Building, a quote shorter than 128 bytes is padded to 128 again.
	Quote []byte
	// Ext is the RFC 4884 extension structure, if any.
	Ext Extensions

	form errForm // which message the four bytes after the header belong to
}

// Timestamp is the body of an ICMPv4 timestamp request or reply (13/14).
// Times are milliseconds since midnight UT (RFC 792), or with the high bit set
// a non-standard value.
type Timestamp struct {
	ID, Seq                      uint16
	Originate, Receive, Transmit uint32
}

// Information is the body of an ICMPv4 information request or reply (15/16).
type Information struct {
	ID, Seq uint16
}

// AddressMask is the body of an ICMPv4 address mask request or reply (17/18, RFC 950).
type AddressMask struct {
	ID, Seq uint16
	Mask    netip.Addr
}

// RouterAdvert4 is the body of an ICMPv4 router advertisement (type 9, RFC 1256).
type RouterAdvert4 struct {
	NumAddrs      uint8
	AddrEntrySize uint8 // in 32-bit words; 2 for (address, preference)
	Lifetime      uint16
	Entries       []byte // NumAddrs entries of AddrEntrySize words; see RouterAdvert4.Entry
	// Extra holds bytes after the entries, e.g. the Mobile IP agent
	// advertisement extensions of RFC 5944 2.1, kept for an exact round trip.
	Extra []byte
}

// RouterAddr is one entry of an ICMPv4 router advertisement.
type RouterAddr struct {
	Addr       netip.Addr
	Preference int32
}

// RouterSolicit4 is the body of an ICMPv4 router solicitation (type 10).
type RouterSolicit4 struct {
	Reserved uint32
}

// ExtendedEchoRequest is the body of an RFC 8335 extended echo request
// (ICMPv4 42, ICMPv6 160). The interface to probe is named by an Interface
// Identification Object in Ext.
type ExtendedEchoRequest struct {
	ID    uint16
	Seq   uint8
	Local bool // the L bit: the probed interface is on the node that receives the request
	// Reserved holds the 7 reserved bits before the L bit, as found.
	Reserved uint8
	Ext      Extensions
	// Data holds bytes after the extension structure. RFC 8335 defines
	// none, but senders in the wild append a timestamp there; the extension
	// checksum covers only the structure, which is how parse tells them apart.
	Data []byte
}

// ExtendedEchoReply is the body of an RFC 8335 extended echo reply (ICMPv4 43,
// ICMPv6 161). Its code says whether the query was understood (see the registry).
type ExtendedEchoReply struct {
	ID     uint16
	Seq    uint8
	State  uint8 // neighbor state (3 bits), meaningful for a proxied interface
	Active bool  // the A bit
	IPv4   bool  // the 4 bit: IPv4 running on the interface
	IPv6   bool  // the 6 bit
	// Reserved holds the 2 reserved bits between State and A, as found.
	Reserved uint8
	// Data holds bytes after the 8-byte header. RFC 8335 defines none, but
	// Linux echoes the request's payload (extension structure included).
	Data []byte
}
