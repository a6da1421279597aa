package codec

// RFC 8335 PROBE: extended echo request (ICMPv4 42, ICMPv6 160) and reply
// (43, 161).
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|           Identifier          |Sequence Number|   Reserved  |L|
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     ICMP Extension Structure ...
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|           Identifier          |Sequence Number|State|Res|A|4|6|
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
const (
	extEchoSeqOff   = 6 // 8 bits; the identifier is at EchoIDOffset
	extEchoFlagsOff = 7 // request: reserved and L; reply: State, Res, A, 4, 6
	extEchoLen      = 8
)

// Bits of the last byte of an extended echo header.
const (
	extEchoLocal  = 0x01 // request: L
	extEchoActive = 0x04 // reply: A
	extEchoIPv4   = 0x02 // reply: 4
	extEchoIPv6   = 0x01 // reply: 6
)

// ExtendedEchoRequest is the body of an RFC 8335 extended echo request
// (ICMPv4 42, ICMPv6 160). The interface to probe is named by an Interface
// Identification Object in Ext.
type ExtendedEchoRequest struct {
	ID    uint16
	Seq   uint8
	Local bool // the L bit: the probed interface is on the node that receives the request
	// Reserved holds the 7 reserved bits before the L bit, as found.
	Reserved uint8
	Ext      Extensions
	// Data holds bytes after the extension structure. RFC 8335 defines
	// none, but senders in the wild append a timestamp there; the extension
	// checksum covers only the structure, which is how parse tells them apart.
	Data []byte
}

// validateExtEchoRequest checks the 8-byte header, then finds the extension structure that follows an extended
// echo request's header (RFC 8335 2.1) and records it. The structure runs to
// the end of the message, unless its checksum verifies only over a prefix of
// whole objects: then the rest is data some senders append (a timestamp).
// A structure whose checksum verifies nowhere is kept, with a bad verdict,
// when its objects chain to the end.
func validateExtEchoRequest(m *Message, layer string) error {
	b := m.raw
	if err := atLeast(layer, b, extEchoLen, phrase(phExtEchoHeader)); err != nil {
		return err
	}
	if len(b) == extEchoLen {
		return nil
	}
	if err := atLeast("extension", b, extEchoLen+extHeaderLen, phrase(phExtHeader)); err != nil {
		return err
	}
	if v := b[extEchoLen] >> 4; v != extVersion {
		return malformed("extension", extEchoLen, phrase(phExtVersion, extVersion), phrase(phVersion, int(v)))
	}
	whole := extFound{layout: ExtRFC4884, off: extEchoLen, sum: extChecksum(b[extEchoLen:])}
	it := extensionsAt(b, whole).Objects()
	for it.Next() {
		end := extEchoLen + extHeaderLen + it.off
		if whole.sum.Status == ChecksumGood || end == len(b) {
			continue
		}
		if sum := extChecksum(b[extEchoLen:end]); sum.Status == ChecksumGood {
			m.ext = extFound{layout: ExtRFC4884, off: extEchoLen, end: end, sum: sum}
			return nil
		}
	}
	if err := it.Err(); err != nil {
		return err
	}
	m.ext = whole
	return nil
}

// ExtendedEchoRequest returns the body of an extended echo request. Its
// extension structure (normally one interface identification object) is in
// Ext, with its checksum verdict.
func (m Message) ExtendedEchoRequest() (ExtendedEchoRequest, bool) {
	if m.Kind != KindExtendedEchoRequest || len(m.raw) < extEchoLen {
		return ExtendedEchoRequest{}, false
	}
	b := m.raw
	l := b[extEchoFlagsOff]
	r := ExtendedEchoRequest{ID: be16(b[EchoIDOffset:]), Seq: b[extEchoSeqOff], Local: l&extEchoLocal != 0, Reserved: l >> 1}
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

// ExtendedEchoReply is the body of an RFC 8335 extended echo reply (ICMPv4 43,
// ICMPv6 161). Its code says whether the query was understood (see the registry).
type ExtendedEchoReply struct {
	ID     uint16
	Seq    uint8
	State  uint8 // neighbor state (3 bits), meaningful for a proxied interface
	Active bool  // the A bit
	IPv4   bool  // the 4 bit: IPv4 running on the interface
	IPv6   bool  // the 6 bit
	// Reserved holds the 2 reserved bits between State and A, as found.
	Reserved uint8
	// Data holds bytes after the 8-byte header. RFC 8335 defines none, but
	// Linux echoes the request's payload (extension structure included).
	Data []byte
}

// ExtendedEchoReply returns the body of an extended echo reply.
func (m Message) ExtendedEchoReply() (ExtendedEchoReply, bool) {
	if m.Kind != KindExtendedEchoReply || len(m.raw) < extEchoLen {
		return ExtendedEchoReply{}, false
	}
	b := m.raw
	l := b[extEchoFlagsOff]
	return ExtendedEchoReply{
		ID: be16(b[EchoIDOffset:]), Seq: b[extEchoSeqOff], State: l >> 5, Reserved: l >> 3 & 3,
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
