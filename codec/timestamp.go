package codec

// Timestamp request and reply (ICMPv4 13/14, RFC 792):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |      Code     |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|           Identifier          |        Sequence Number        |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Originate Timestamp                                       |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Receive Timestamp                                         |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Transmit Timestamp                                        |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
const (
	tsOriginateOff = 8
	tsReceiveOff   = 12
	tsTransmitOff  = 16
	timestampLen   = 20
)

// Timestamp is the body of an ICMPv4 timestamp request or reply (13/14).
// Times are milliseconds since midnight UT (RFC 792), or with the high bit set
// a non-standard value.
type Timestamp struct {
	ID, Seq                      uint16
	Originate, Receive, Transmit uint32
}

// Timestamp returns the body of a timestamp request or reply (13/14).
func (m Message) Timestamp() (Timestamp, bool) {
	if m.Kind != KindTimestamp || len(m.raw) < timestampLen {
		return Timestamp{}, false
	}
	b := m.raw
	return Timestamp{ID: be16(b[EchoIDOffset:]), Seq: be16(b[EchoSeqOffset:]),
		Originate: be32(b[tsOriginateOff:]), Receive: be32(b[tsReceiveOff:]), Transmit: be32(b[tsTransmitOff:])}, true
}

// Len is the number of body bytes AppendBody writes.
func (t Timestamp) Len() int { return timestampLen - icmpHeaderLen }

// AppendBody appends identifier, sequence and the three times.
func (t Timestamp) AppendBody(b []byte) []byte {
	b = append(b, byte(t.ID>>8), byte(t.ID), byte(t.Seq>>8), byte(t.Seq))
	for _, v := range [3]uint32{t.Originate, t.Receive, t.Transmit} {
		b = append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
	}
	return b
}
