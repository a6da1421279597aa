package codec

// RFC 8335 PROBE: extended echo request and reply.

// Bits of the last byte of an extended echo header.
const (
	extEchoLocal  = 0x01 // request: L
	extEchoActive = 0x04 // reply: A
	extEchoIPv4   = 0x02 // reply: 4
	extEchoIPv6   = 0x01 // reply: 6
)

// ExtendedEchoRequest returns the body of an extended echo request. Its
// extension structure (normally one interface identification object) is in
// Ext, with its checksum verdict.
func (m Message) ExtendedEchoRequest() (ExtendedEchoRequest, bool) {
	if m.Kind != KindExtendedEchoRequest || len(m.raw) < extEchoLen {
		return ExtendedEchoRequest{}, false
	}
	b := m.raw
	r := ExtendedEchoRequest{ID: be16(b[4:]), Seq: b[6], Local: b[7]&extEchoLocal != 0, Reserved: b[7] >> 1}
	if m.ext.layout != ExtNone {
		r.Ext = extensionsAt(b, m.ext)
		if m.ext.end > 0 {
			r.Data = b[m.ext.end:]
		}
	}
	return r, true
}

// Len is the number of body bytes AppendBody writes.
func (r ExtendedEchoRequest) Len() int {
	n := extEchoLen - icmpHeaderLen
	if r.Ext.Present() {
		n += r.Ext.extLen()
	}
	return n + len(r.Data)
}

// AppendBody appends identifier, sequence, the L bit and the extension
// structure.
func (r ExtendedEchoRequest) AppendBody(b []byte) []byte {
	last := r.Reserved << 1
	if r.Local {
		last |= extEchoLocal
	}
	b = append(b, byte(r.ID>>8), byte(r.ID), r.Seq, last)
	if r.Ext.Present() {
		b = r.Ext.appendTo(b)
	}
	return append(b, r.Data...)
}

// ExtendedEchoReply returns the body of an extended echo reply.
func (m Message) ExtendedEchoReply() (ExtendedEchoReply, bool) {
	if m.Kind != KindExtendedEchoReply || len(m.raw) < extEchoLen {
		return ExtendedEchoReply{}, false
	}
	b := m.raw
	l := b[7]
	return ExtendedEchoReply{
		ID: be16(b[4:]), Seq: b[6], State: l >> 5, Reserved: l >> 3 & 3,
		Active: l&extEchoActive != 0, IPv4: l&extEchoIPv4 != 0, IPv6: l&extEchoIPv6 != 0,
		Data: b[extEchoLen:],
	}, true
}

// Len is the number of body bytes AppendBody writes.
func (r ExtendedEchoReply) Len() int { return extEchoLen - icmpHeaderLen + len(r.Data) }

// AppendBody appends identifier, sequence, state and the A, 4 and 6 bits.
func (r ExtendedEchoReply) AppendBody(b []byte) []byte {
	l := r.State<<5 | (r.Reserved&3)<<3
	if r.Active {
		l |= extEchoActive
	}
	if r.IPv4 {
		l |= extEchoIPv4
	}
	if r.IPv6 {
		l |= extEchoIPv6
	}
	b = append(b, byte(r.ID>>8), byte(r.ID), r.Seq, l)
	return append(b, r.Data...)
}
