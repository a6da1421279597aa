package codec

// Echo returns the body of an echo request or reply: identifier, sequence
// and the data, which aliases the message.
func (m Message) Echo() (Echo, bool) { return echoOf(m.Kind, m.raw) }

// echoOf decodes an echo body. Views take the fields they need rather than
// the whole Message, so that the inlined method copies no more than that.
func echoOf(k Kind, b []byte) (Echo, bool) {
	if k != KindEcho || len(b) < icmpFixedLen {
		return Echo{}, false
	}
	return Echo{ID: be16(b[4:]), Seq: be16(b[6:]), Data: b[icmpFixedLen:]}, true
}

// Len is the number of body bytes AppendBody writes.
func (e Echo) Len() int { return 4 + len(e.Data) }

// AppendBody appends identifier, sequence and data.
func (e Echo) AppendBody(b []byte) []byte {
	b = append(b, byte(e.ID>>8), byte(e.ID), byte(e.Seq>>8), byte(e.Seq))
	return append(b, e.Data...)
}
