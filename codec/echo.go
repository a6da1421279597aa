package codec

// Echo returns the body of an echo request or reply: identifier, sequence
// and the data, which aliases the message.
func (m Message) Echo() (Echo, bool) {
	if m.Kind != KindEcho || len(m.raw) < icmpFixedLen {
		return Echo{}, false
	}
	b := m.raw
	return Echo{ID: be16(b[4:]), Seq: be16(b[6:]), Data: b[icmpFixedLen:]}, true
}

// Len is the number of body bytes AppendBody writes.
func (e Echo) Len() int { return 4 + len(e.Data) }

// AppendBody appends identifier, sequence and data.
func (e Echo) AppendBody(b []byte) []byte {
	b = append(b, byte(e.ID>>8), byte(e.ID), byte(e.Seq>>8), byte(e.Seq))
	return append(b, e.Data...)
}
