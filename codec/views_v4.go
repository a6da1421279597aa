package codec

// The ICMPv4 query messages of RFC 792, RFC 950 and RFC 1256: fixed layouts,
// validated by parse (exact sizes), decoded here.

// Timestamp returns the body of a timestamp request or reply (13/14).
func (m Message) Timestamp() (Timestamp, bool) {
	if m.Kind != KindTimestamp || len(m.raw) < timestampLen {
		return Timestamp{}, false
	}
	b := m.raw
	return Timestamp{ID: be16(b[4:]), Seq: be16(b[6:]), Originate: be32(b[8:]), Receive: be32(b[12:]), Transmit: be32(b[16:])}, true
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

// Information returns the body of an information request or reply (15/16).
func (m Message) Information() (Information, bool) {
	if m.Kind != KindInformation || len(m.raw) < informationLen {
		return Information{}, false
	}
	return Information{ID: be16(m.raw[4:]), Seq: be16(m.raw[6:])}, true
}

// Len is the number of body bytes AppendBody writes.
func (t Information) Len() int { return informationLen - icmpHeaderLen }

// AppendBody appends identifier and sequence.
func (t Information) AppendBody(b []byte) []byte {
	return append(b, byte(t.ID>>8), byte(t.ID), byte(t.Seq>>8), byte(t.Seq))
}

// AddressMask returns the body of an address mask request or reply (17/18).
func (m Message) AddressMask() (AddressMask, bool) {
	if m.Kind != KindAddressMask || len(m.raw) < addressMaskLen {
		return AddressMask{}, false
	}
	b := m.raw
	return AddressMask{ID: be16(b[4:]), Seq: be16(b[6:]), Mask: addr4(b[8:12])}, true
}

// Len is the number of body bytes AppendBody writes.
func (t AddressMask) Len() int { return addressMaskLen - icmpHeaderLen }

// AppendBody appends identifier, sequence and mask (0.0.0.0 when unset, as
// a request carries).
func (t AddressMask) AppendBody(b []byte) []byte {
	b = append(b, byte(t.ID>>8), byte(t.ID), byte(t.Seq>>8), byte(t.Seq))
	return appendAddr4(b, t.Mask)
}

// RouterAdvert4 returns the body of a router advertisement (9, RFC 1256).
func (m Message) RouterAdvert4() (RouterAdvert4, bool) {
	if m.Kind != KindRouterAdvert4 || len(m.raw) < routerAdvert4Min {
		return RouterAdvert4{}, false
	}
	b := m.raw
	n := routerAdvert4Min + int(b[4])*int(b[5])*4
	if n > len(b) {
		return RouterAdvert4{}, false
	}
	return RouterAdvert4{NumAddrs: b[4], AddrEntrySize: b[5], Lifetime: be16(b[6:]), Entries: b[routerAdvert4Min:n], Extra: b[n:]}, true
}

// Entry decodes entry i: the router address and its preference (the first
// two words of the entry). It returns the zero entry when i is out of range.
func (r RouterAdvert4) Entry(i int) RouterAddr {
	size := int(r.AddrEntrySize) * 4
	if i < 0 || i >= int(r.NumAddrs) || size < 8 || (i+1)*size > len(r.Entries) {
		return RouterAddr{}
	}
	e := r.Entries[i*size:]
	return RouterAddr{Addr: addr4(e), Preference: int32(be32(e[4:]))}
}

// NewRouterAdvert4 builds a router advertisement body of two-word entries,
// appending the entries into buf (scratch space; nil is fine).
func NewRouterAdvert4(buf []byte, lifetime uint16, addrs ...RouterAddr) RouterAdvert4 {
	start := len(buf)
	for _, a := range addrs {
		buf = appendAddr4(buf, a.Addr)
		p := uint32(a.Preference)
		buf = append(buf, byte(p>>24), byte(p>>16), byte(p>>8), byte(p))
	}
	return RouterAdvert4{NumAddrs: uint8(len(addrs)), AddrEntrySize: 2, Lifetime: lifetime, Entries: buf[start:]}
}

// Len is the number of body bytes AppendBody writes.
func (r RouterAdvert4) Len() int { return 4 + len(r.Entries) + len(r.Extra) }

// AppendBody appends count, entry size, lifetime, the entries and Extra.
func (r RouterAdvert4) AppendBody(b []byte) []byte {
	b = append(b, r.NumAddrs, r.AddrEntrySize, byte(r.Lifetime>>8), byte(r.Lifetime))
	b = append(b, r.Entries...)
	return append(b, r.Extra...)
}

// RouterSolicit4 returns the body of a router solicitation (10).
func (m Message) RouterSolicit4() (RouterSolicit4, bool) {
	if m.Kind != KindRouterSolicit4 || len(m.raw) < routerSolicit4Len {
		return RouterSolicit4{}, false
	}
	return RouterSolicit4{Reserved: be32(m.raw[4:])}, true
}

// Len is the number of body bytes AppendBody writes.
func (t RouterSolicit4) Len() int { return routerSolicit4Len - icmpHeaderLen }

// AppendBody appends the reserved word.
func (t RouterSolicit4) AppendBody(b []byte) []byte {
	return append(b, byte(t.Reserved>>24), byte(t.Reserved>>16), byte(t.Reserved>>8), byte(t.Reserved))
}
