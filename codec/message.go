package codec

import "net/netip"

// The header every ICMP message starts with (RFC 792; RFC 4443 2.1), and the
// 32-bit word after it that every message type has in some form:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                 depends on the type and code                  |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     body ...
//
// The offsets are exported for code that must reach into a message without
// parsing it, as a kernel socket filter does.
const (
	ICMPTypeOffset     = 0 // 8 bits
	ICMPCodeOffset     = 1 // 8 bits
	ICMPChecksumOffset = 2 // 16 bits
	icmpHeaderLen      = 4 // type, code, checksum
	icmpFixedLen       = 8 // header plus the first 32-bit word every message has
)

// Message is a parsed ICMP message: the fixed header, the checksum verdict,
// and a validated view of the body. It refers to the caller's bytes; copy them
// if they will be reused.
type Message struct {
	Family   Family
	Type     Type
	Code     Code
	Checksum uint16        // as found on the wire
	Sum      ChecksumCheck // verdict on Checksum
	Kind     Kind

	raw []byte // the whole message as given, header included

	// Found by parse for KindError, so the views need not search again.
	quoteEnd int      // end of the quoted-datagram region, from the message start; 0 for the end
	ext      extFound // the extension structure, if any
}

// extFound records where parse found an extension structure and its verdict.
type extFound struct {
	layout ExtLayout
	sum    ChecksumCheck
	off    int // of the extension header, from the message start
	end    int // where the structure ends; 0 for the end of the message
}

// Parse parses an ICMP message of either family. src and dst are the IP
// addresses around it: ICMPv6 needs them for its pseudo-header checksum (pass
// zero Addrs when unknown and the checksum is reported unverified); ICMPv4
// ignores them.
//
// On a malformed or truncated message Parse returns what it could read (the
// header when at least 4 bytes are present, Kind KindRaw when the body did not
// validate) and a *ParseError naming the offset and what was expected. Parse
// never panics and allocates nothing when the message is valid.
func Parse(f Family, b []byte, src, dst netip.Addr) (Message, error) {
	var m Message
	err := parseInto(&m, f, b, src, dst, true)
	return m, err
}

// ParseICMPv4 parses an ICMPv4 message (the IP payload, without IP header).
func ParseICMPv4(b []byte) (Message, error) { return Parse(IPv4, b, netip.Addr{}, netip.Addr{}) }

// ParseICMPv6 parses an ICMPv6 message; see Parse for src and dst.
func ParseICMPv6(b []byte, src, dst netip.Addr) (Message, error) { return Parse(IPv6, b, src, dst) }

// Bytes returns the whole message as parsed, header included.
func (m Message) Bytes() []byte { return m.raw }

// Body returns the bytes after the 4-byte type/code/checksum header.
func (m Message) Body() []byte {
	if len(m.raw) < 4 {
		return nil
	}
	return m.raw[4:]
}

// TypeInfo returns the registry entry of the message's type.
func (m Message) TypeInfo() (TypeInfo, bool) { return LookupType(m.Family, m.Type) }

// Name is "Echo Request", "Destination Unreachable", ... or "Unassigned (N)".
func (m Message) Name() string { return TypeName(m.Family, m.Type) }

// CodeName is the name of the message's code within its type.
func (m Message) CodeName() string { return CodeName(m.Family, m.Type, m.Code) }

// Header returns the header that reproduces this message exactly with Append:
// its checksum is kept as found (KeepChecksum), bad or unverifiable ones
// included. To build a new message from it, clear KeepChecksum.
func (m Message) Header() Header {
	return Header{Family: m.Family, Type: m.Type, Code: m.Code, Checksum: m.Checksum, KeepChecksum: true}
}

// Raw returns the body as a RawBody: what Append needs to reproduce a message
// of any kind, unknown types included.
func (m Message) Raw() RawBody { return RawBody(m.Body()) }

// IsError reports whether the message is an ICMP error (it quotes a datagram).
func (m Message) IsError() bool { return m.Kind == KindError }
