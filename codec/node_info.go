package codec

// Node information query (139) and response (140), RFC 4620:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|            Qtype              |             Flags             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                             Nonce (64 bits)                   |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                             Data ...
const (
	niQTypeOff  = 4
	niFlagsOff  = 6
	niNonceOff  = 8
	nodeInfoMin = 16
)

// NodeInfo is a node information query (139) or response (140), RFC 4620.
type NodeInfo struct {
	QType uint16
	Flags uint16
	Nonce [8]byte
	Data  []byte
}

// NodeInfo returns the body of a node information query or response.
func (m Message) NodeInfo() (NodeInfo, bool) {
	if m.Kind != KindNodeInfo || len(m.raw) < nodeInfoMin {
		return NodeInfo{}, false
	}
	b := m.raw
	n := NodeInfo{QType: be16(b[niQTypeOff:]), Flags: be16(b[niFlagsOff:]), Data: b[nodeInfoMin:]}
	copy(n.Nonce[:], b[niNonceOff:nodeInfoMin])
	return n, true
}

// Node information query types (RFC 4620 4).
const (
	NIQTypeNOOP      uint16 = 0
	NIQTypeNodeName  uint16 = 2
	NIQTypeNodeAddr  uint16 = 3
	NIQTypeIPv4Addrs uint16 = 4
)

// Len is the number of body bytes AppendBody writes.
func (n NodeInfo) Len() int { return nodeInfoMin - icmpHeaderLen + len(n.Data) }

// AppendBody appends qtype, flags, nonce and data.
func (n NodeInfo) AppendBody(b []byte) []byte {
	b = append(b, byte(n.QType>>8), byte(n.QType), byte(n.Flags>>8), byte(n.Flags))
	b = append(b, n.Nonce[:]...)
	return append(b, n.Data...)
}
