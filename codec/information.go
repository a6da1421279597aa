package codec

import "net/netip"

// Information request and reply (ICMPv4 15/16, RFC 792) and address mask
// request and reply (ICMPv4 17/18, RFC 950), both deprecated by RFC 6918:
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |      Code     |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|           Identifier          |        Sequence Number        |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                 Address Mask (17/18 only)                     |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
const (
	addressMaskOff = 8
	informationLen = 8
	addressMaskLen = 12
)

// Information is the body of an ICMPv4 information request or reply (15/16).
type Information struct {
	ID, Seq uint16
}

// Information returns the body of an information request or reply (15/16).
func (m Message) Information() (Information, bool) {
	if m.Kind != KindInformation || len(m.raw) < informationLen {
		return Information{}, false
	}
	return Information{ID: be16(m.raw[EchoIDOffset:]), Seq: be16(m.raw[EchoSeqOffset:])}, true
}

// Len is the number of body bytes AppendBody writes.
func (t Information) Len() int { return informationLen - icmpHeaderLen }

// AppendBody appends identifier and sequence.
func (t Information) AppendBody(b []byte) []byte {
	return append(b, byte(t.ID>>8), byte(t.ID), byte(t.Seq>>8), byte(t.Seq))
}

// AddressMask is the body of an ICMPv4 address mask request or reply (17/18, RFC 950).
type AddressMask struct {
	ID, Seq uint16
	Mask    netip.Addr
}

// AddressMask returns the body of an address mask request or reply (17/18).
func (m Message) AddressMask() (AddressMask, bool) {
	if m.Kind != KindAddressMask || len(m.raw) < addressMaskLen {
		return AddressMask{}, false
	}
	b := m.raw
	return AddressMask{ID: be16(b[EchoIDOffset:]), Seq: be16(b[EchoSeqOffset:]), Mask: addr4(b[addressMaskOff:])}, true
}

// Len is the number of body bytes AppendBody writes.
func (t AddressMask) Len() int { return addressMaskLen - icmpHeaderLen }

// AppendBody appends identifier, sequence and mask (0.0.0.0 when unset, as
// a request carries).
func (t AddressMask) AppendBody(b []byte) []byte {
	b = append(b, byte(t.ID>>8), byte(t.ID), byte(t.Seq>>8), byte(t.Seq))
	return appendAddr4(b, t.Mask)
}
