package codec

// Echo request and reply (ICMPv4 8/0, RFC 792; ICMPv6 128/129, RFC 4443 4):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|           Identifier          |        Sequence Number        |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Data ...
//
// The identifier sits at the same offset in an extended echo (RFC 8335),
// which is what lets one kernel filter match both replies to a prober, and
// the ICMPv4 queries (timestamp, information, address mask) keep identifier
// and sequence at both offsets too.
const (
	EchoIDOffset  = 4 // 16 bits
	EchoSeqOffset = 6 // 16 bits
)

// Echo is the body of an echo request or reply (ICMPv4 8/0, ICMPv6 128/129).
type Echo struct {
	ID   uint16
	Seq  uint16
	Data []byte
}

// Echo returns the body of an echo request or reply: identifier, sequence
// and the data, which aliases the message.
func (m Message) Echo() (Echo, bool) { return echoOf(m.Kind, m.raw) }

// echoOf decodes an echo body. Views take the fields they need rather than
// the whole Message, so that the inlined method copies no more than that.
func echoOf(k Kind, b []byte) (Echo, bool) {
	if k != KindEcho || len(b) < icmpFixedLen {
		return Echo{}, false
	}
	return Echo{ID: be16(b[EchoIDOffset:]), Seq: be16(b[EchoSeqOffset:]), Data: b[icmpFixedLen:]}, true
}

// Len is the number of body bytes AppendBody writes.
func (e Echo) Len() int { return 4 + len(e.Data) }

// AppendBody appends identifier, sequence and data.
func (e Echo) AppendBody(b []byte) []byte {
	b = append(b, byte(e.ID>>8), byte(e.ID), byte(e.Seq>>8), byte(e.Seq))
	return append(b, e.Data...)
}
