package codec

// The link-layer headers a capture puts in front of the IP datagram an ICMP
// message travels in. The offsets are exported for whoever reads these
// headers by hand (the dissector drawing each field, the display filter's
// quick path reading fields without a tree) to name from one diagram each.

// Ethernet II header (IEEE 802.3 clause 3.2): two MAC addresses, then the
// EtherType of what follows (or, up to 1500, the 802.3 length of an LLC
// frame).
//
//	 0                   1
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3
//	+-----------+-----------+---+
//	|destination|  source   |typ|
//	+-----------+-----------+---+
const (
	EthernetDstOffset  = 0
	EthernetSrcOffset  = 6
	EthernetTypeOffset = 12
	EthernetHeaderLen  = 14
	MACLen             = 6
)

// An 802.1Q (or 802.1ad) tag between the addresses and the EtherType
// (IEEE 802.1Q clause 9.6): the tag control word, then the EtherType of
// what follows, which may be another tag.
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-----+-+-----------------------+-------------------------------+
//	| PCP |D|       VLAN ID         |  EtherType of what follows    |
//	+-----+-+-----------------------+-------------------------------+
const (
	VLANTCIOffset  = 0
	VLANTypeOffset = 2
	VLANTagLen     = 4
)

// Linux cooked capture headers (libpcap's LINKTYPE_LINUX_SLL and
// LINKTYPE_LINUX_SLL2), what `tcpdump -i any` writes: the EtherType of what
// follows is the last field of v1 and the first of v2.
//
//	v1:  0       2       4       6                              14      16
//	    +-------+-------+-------+-------------------------------+-------+
//	    |pkttype|hatype | halen |  link-layer address (8 bytes) | proto |
//	    +-------+-------+-------+-------------------------------+-------+
//	v2:  0       2       4               8       10  11  12             20
//	    +-------+-------+---------------+-------+---+---+---------------+
//	    | proto |reservd|interface index|hatype |pkt|len|   address     |
//	    +-------+-------+---------------+-------+---+---+---------------+
const (
	SLLPacketTypeOffset = 0
	SLLHATypeOffset     = 2
	SLLAddrLenOffset    = 4
	SLLAddrOffset       = 6
	SLLTypeOffset       = 14
	SLLHeaderLen        = 16

	SLL2TypeOffset       = 0
	SLL2ReservedOffset   = 2
	SLL2IfIndexOffset    = 4
	SLL2HATypeOffset     = 8
	SLL2PacketTypeOffset = 10
	SLL2AddrLenOffset    = 11
	SLL2AddrOffset       = 12
	SLL2HeaderLen        = 20

	// SLLAddrMax is the room either header has for a link-layer address.
	SLLAddrMax = 8
)
