package codec

import "net/netip"

// ExtLayout says where an RFC 4884 extension structure was found.
type ExtLayout uint8

const (
	ExtNone    ExtLayout = iota // no extension structure
	ExtRFC4884                  // at the offset the length field gives (RFC 4884 compliant)
	ExtLegacy                   // at offset 128 of the body with a length field of 0 or one that disagrees (pre-RFC 4884 routers, trippy issue 804); chosen because its checksum verifies
)

func (l ExtLayout) String() string {
	switch l {
	case ExtRFC4884:
		return "RFC 4884"
	case ExtLegacy:
		return "legacy (offset 128, non-compliant length)"
	}
	return "none"
}

// Extension object classes (IANA "ICMP Extension Object Classes").
type ExtClass uint8

const (
	ExtClassMPLS      ExtClass = 1 // MPLS label stack, RFC 4950
	ExtClassInterface ExtClass = 2 // interface information, RFC 5837
	ExtClassIdent     ExtClass = 3 // interface identification, RFC 8335
)

// Extensions is the RFC 4884 extension structure of a message: a 4-byte
// header (version 2, checksum) and a list of objects. Iterate with Objects.
type Extensions struct {
	Layout   ExtLayout
	Offset   int // offset of the extension header from the start of the message
	Version  uint8
	Reserved uint16 // the 12 bits after the version, as found (zero when sent)
	Checksum uint16
	Sum      ChecksumCheck
	// Objects holds the raw object list after the extension header.
	ObjectBytes []byte
}

// Present reports whether the message carried an extension structure.
func (e Extensions) Present() bool { return e.Layout != ExtNone }

// ExtObject is one extension object: its header fields and contents.
type ExtObject struct {
	Offset int // offset of the object header from the start of the message
	Length uint16
	Class  ExtClass
	CType  uint8
	Data   []byte // contents after the 4-byte object header
}

// ObjectIter walks the objects of an extension structure without allocating.
// Next returns false at the end or at a malformed object; Err then says which.
type ObjectIter struct {
	ext Extensions
	off int
	err error
	cur ExtObject
}

// Objects returns an iterator over e's objects.
func (e Extensions) Objects() ObjectIter { return ObjectIter{ext: e} }

// MPLSEntry is one label stack entry of an RFC 4950 object.
type MPLSEntry struct {
	Label uint32 // 20 bits
	TC    uint8  // traffic class, formerly EXP (3 bits)
	S     bool   // bottom of stack
	TTL   uint8
}

// InterfaceRole is the role of an RFC 5837 interface information object (C-Type bits 0-1).
type InterfaceRole uint8

const (
	RoleIncoming InterfaceRole = 0 // the interface the datagram arrived on
	RoleSubIP    InterfaceRole = 1 // the sub-IP component of the incoming interface
	RoleOutgoing InterfaceRole = 2 // the interface the datagram would have left by
	RoleNextHop  InterfaceRole = 3 // the IP next hop
)

// String names the role as a sentence uses it ("incoming interface"), or
// "role N" for one outside the two bits.
func (r InterfaceRole) String() string {
	switch r {
	case RoleIncoming:
		return "incoming interface"
	case RoleSubIP:
		return "sub-IP component of the incoming interface"
	case RoleOutgoing:
		return "outgoing interface"
	case RoleNextHop:
		return "IP next hop"
	}
	return "role " + itoa(int(r))
}

// KO is String in Korean, the role's English kept beside it as RFC 5837
// names it ("들어온 인터페이스 (incoming interface)"), or "역할 N".
func (r InterfaceRole) KO() string {
	switch r {
	case RoleIncoming:
		return "들어온 인터페이스 (incoming interface)"
	case RoleSubIP:
		return "들어온 인터페이스의 하위 IP 구성 요소 (sub-IP component of the incoming interface)"
	case RoleOutgoing:
		return "나갈 인터페이스 (outgoing interface)"
	case RoleNextHop:
		return "IP 다음 홉 (IP next hop)"
	}
	return "역할 " + itoa(int(r))
}

// InterfaceInfo is a decoded RFC 5837 interface information object. Each part
// is present only when its C-Type bit is set.
type InterfaceInfo struct {
	Role     InterfaceRole
	HasIndex bool
	Index    uint32
	HasAddr  bool
	Addr     netip.Addr
	HasName  bool
	Name     string // copied from the packet, NUL padding dropped
	HasMTU   bool
	MTU      uint32
}

// InterfaceIdent is a decoded RFC 8335 interface identification object: the
// interface a PROBE asks about, by name (C-Type 1), index (2) or address (3).
type InterfaceIdent struct {
	CType uint8
	Name  string
	Index uint32
	Addr  netip.Addr
	// AFI and prefix length of the address form (C-Type 3). RFC 8335 calls
	// the second field Address Length and counts it in bytes of Addr (4 or
	// 16); builders may leave both zero to have them follow from Addr.
	AFI       uint16
	PrefixLen uint8
}
