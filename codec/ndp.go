package codec

import "net/netip"

// NDP is the body of an ICMPv6 neighbour-discovery message (RFC 4861):
// router solicitation (133) and advertisement (134), neighbour solicitation
// (135) and advertisement (136), redirect (137). Fields that a type lacks are
// zero. Options holds the option list; iterate with NDP.Options.
type NDP struct {
	// Router advertisement.
	CurHopLimit    uint8
	Flags          uint8 // M, O, H, Prf, P ... as the byte holds them
	RouterLifetime uint16
	ReachableTime  uint32
	RetransTimer   uint32
	// Neighbour advertisement flags R, S, O (top three bits of the first word).
	NAFlags uint8
	// Target of a neighbour solicitation, advertisement or redirect.
	Target netip.Addr
	// Destination of a redirect.
	Destination netip.Addr
	// Reserved holds reserved bits as found, so a round trip is exact.
	Reserved uint32
	// OptionBytes is the raw option list.
	OptionBytes []byte
	kind        Kind
}

// NDP option types (IANA "IPv6 Neighbor Discovery Option Formats").
type NDPOptionType uint8

const (
	NDPSourceLinkAddr NDPOptionType = 1
	NDPTargetLinkAddr NDPOptionType = 2
	NDPPrefixInfo     NDPOptionType = 3
	NDPRedirectedHdr  NDPOptionType = 4
	NDPMTU            NDPOptionType = 5
	NDPNonce          NDPOptionType = 14
	NDPRouteInfo      NDPOptionType = 24
	NDPRDNSS          NDPOptionType = 25
	NDPRAFlagsExt     NDPOptionType = 26
	NDPDNSSL          NDPOptionType = 31
	NDPCaptivePortal  NDPOptionType = 37
	NDPPREF64         NDPOptionType = 38
)

// NDPOption is one TLV option: Length is in units of 8 bytes as on the wire;
// Data is the contents after the 2-byte type/length.
type NDPOption struct {
	Offset int // from the start of the message
	Type   NDPOptionType
	Length uint8
	Data   []byte
}

// NDPOptionIter walks an option list without allocating; see ObjectIter.
type NDPOptionIter struct {
	b    []byte
	base int
	off  int
	err  error
	cur  NDPOption
}

// MLDQuery is a multicast listener query (130): MLDv1 (24-byte message) or
// MLDv2 (28 bytes and more, RFC 3810).
type MLDQuery struct {
	MaxResponseCode uint16
	Reserved        uint16
	Group           netip.Addr
	V2              bool
	// MLDv2 only.
	Reserved2 uint8 // the 4 reserved bits before the S flag, as found
	SFlag     bool
	QRV       uint8
	QQIC      uint8
	NumSrcs   uint16
	Sources   []byte // NumSrcs 16-byte addresses
}

// MLDv1 is a multicast listener report (131) or done (132), RFC 2710.
type MLDv1 struct {
	MaxResponseDelay uint16
	Reserved         uint16
	Group            netip.Addr
}

// MLDv2Report is a version 2 multicast listener report (143, RFC 3810).
type MLDv2Report struct {
	Reserved    uint16
	NumRecords  uint16
	RecordBytes []byte // iterate with Records()
}

// MLDRecord is one multicast address record of an MLDv2 report.
type MLDRecord struct {
	Offset     int
	RecordType uint8
	AuxLen     uint8 // in 32-bit words
	NumSrcs    uint16
	Group      netip.Addr
	Sources    []byte
	Aux        []byte
}

// MLDRecordIter walks the records of an MLDv2 report.
type MLDRecordIter struct {
	b    []byte
	base int
	n    int
	off  int
	err  error
	cur  MLDRecord
}

// NodeInfo is a node information query (139) or response (140), RFC 4620.
type NodeInfo struct {
	QType uint16
	Flags uint16
	Nonce [8]byte
	Data  []byte
}
