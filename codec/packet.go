package codec

import (
	"encoding/binary"
	"math/bits"
	"net/netip"
)

// Packet is an IP datagram carrying ICMP, decoded in one call: the benchmark
// case, and what a raw socket receives.
type Packet struct {
	Family Family
	V4     IPv4Header
	V6     IPv6Header
	// Payload is the upper-layer bytes after the IP (and extension) headers.
	Payload []byte
	// ICMP is set when the upper protocol is ICMP or ICMPv6.
	ICMP    Message
	HasICMP bool
}

// DecodeIP parses an IPv4 or IPv6 datagram (by version nibble), verifies the
// IPv4 header checksum and, when it carries ICMP, parses and verifies that.
// The ICMP checksum of a fragment or of a datagram cut short is reported
// unverified; a non-first fragment is not parsed as ICMP. Error offsets count
// from the start of b.
func DecodeIP(b []byte) (p Packet, err error) {
	// Not through Packet.Decode's shortcut: the Packet returned is copied
	// out whole, and that copy reading back the shortcut's narrow stores
	// stalled enough to make DecodeIP slower with it than without.
	err = decodeIP(&p, b)
	return p, err
}

// decodeIP is DecodeIP filling p in place.
func decodeIP(p *Packet, b []byte) error {
	if len(b) == 0 {
		return truncated("IP", 0, phrase(phIPHeader), 0)
	}
	switch b[0] >> 4 {
	case 4:
		p.Family = IPv4
		h := &p.V4
		payload, err := parseIPv4(h, b)
		p.Payload = payload
		if payload == nil && err != nil {
			return err
		}
		if h.Protocol == ProtoICMP && h.FragOff == 0 {
			whole := err == nil && h.Flags&IPv4FlagMF == 0
			merr := parseInto(&p.ICMP, IPv4, payload, netip.Addr{}, netip.Addr{}, whole)
			p.HasICMP = true
			if err == nil && merr != nil {
				err = shift(merr, int(h.IHL)*4)
			}
		}
		return err
	case 6:
		p.Family = IPv6
		h := &p.V6
		payload, err := parseIPv6(h, b)
		p.Payload = payload
		if payload == nil && err != nil {
			return err
		}
		if h.Upper == ProtoICMPv6 && h.FragOff == 0 {
			whole := err == nil && !h.MoreFrags
			merr := parseInto(&p.ICMP, IPv6, payload, h.Src, h.PseudoDst(), whole)
			p.HasICMP = true
			if err == nil && merr != nil {
				err = shift(merr, h.UpperOff)
			}
		}
		return err
	}
	return malformed("IP", 0, phrase(phIPVersion46), phrase(phVersion, int(b[0]>>4)))
}

// Decode is DecodeIP into a Packet the caller reuses, as a receive loop
// does: it fills p in place, every field, sparing the copy of a returned
// Packet (a few hundred bytes). The datagram a raw ICMP socket nearly always
// delivers takes decodeFast4; everything else, a bad checksum whose right
// value must be worked out included, is decoded the general way.
func (p *Packet) Decode(b []byte) error {
	if p.decodeFast4(b) {
		return nil
	}
	*p = Packet{}
	return decodeIP(p, b)
}

// decodeFast4 is the receive loop's one fast path: an option-less IPv4
// header with a good checksum, not a fragment, carrying a whole ICMP message
// with a good checksum whose type is an echo, an error or one with no typed
// view. Everything is checked before anything is written, and for any other
// datagram it writes nothing and returns false. It writes exactly what
// decodeIP writes for the same bytes (TestDecodeFastAgrees holds it to that
// on every fixture and thousands of mutants), so p need not be zeroed first.
func (p *Packet) decodeFast4(b []byte) bool {
	if len(b) < IPv4MinHeaderLen+icmpFixedLen {
		return false
	}
	_ = b[IPv4MinHeaderLen+icmpFixedLen-1]
	tl := int(binary.BigEndian.Uint16(b[IPv4TotalLengthOffset:]))
	// Version 4 without options, a protocol of ICMP, and a total length
	// that holds the fixed ICMP part and no more than b.
	if b[IPv4VersionIHLOffset] != 0x45 || b[IPv4ProtocolOffset] != ProtoICMP || tl < IPv4MinHeaderLen+icmpFixedLen || tl > len(b) {
		return false
	}
	// The message is summed first: fewer values are then live across
	// the call, to be saved and restored around it.
	msg := b[IPv4MinHeaderLen:tl]
	typ := Type(msg[ICMPTypeOffset])
	k := kindTable[0][typ]
	if k != KindEcho && k != KindError && k != KindRaw || fold64(sumVerify(0, msg)) != 0 {
		return false
	}
	// The header is summed from three words held in registers (RFC 1071's
	// sum does not care how the 16-bit words are grouped).
	w0 := binary.BigEndian.Uint64(b)                 // version, IHL, TOS, total length, ID, flags, fragment offset
	w1 := binary.BigEndian.Uint64(b[IPv4TTLOffset:]) // TTL, protocol, checksum, source
	w2 := binary.BigEndian.Uint32(b[IPv4DstOffset:]) // destination
	hs, c := bits.Add64(w0, w1, 0)
	hs, c = bits.Add64(hs, uint64(w2), c)
	// Not a fragment (MF clear, offset zero), and a good header checksum.
	if w0&0x3fff != 0 || fold64(hs+c) != 0 {
		return false
	}
	csum := be16(msg[ICMPChecksumOffset:])

	p.Family = IPv4
	h := &p.V4
	h.IHL = IPv4MinHeaderLen / 4
	h.TOS = uint8(w0 >> 48)
	h.TotalLength = uint16(tl)
	h.ID = uint16(w0 >> 16)
	h.Flags = uint8(w0>>13) & 7
	h.FragOff = 0
	h.TTL = uint8(w1 >> 56)
	h.Protocol = ProtoICMP
	h.Checksum = uint16(w1 >> 32)
	h.Sum = ChecksumCheck{Status: ChecksumGood, Want: h.Checksum}
	h.Src = addr4(b[IPv4SrcOffset:])
	h.Dst = addr4(b[IPv4DstOffset:])
	h.Options = b[IPv4MinHeaderLen:IPv4MinHeaderLen]
	p.V6 = IPv6Header{}
	p.Payload = msg
	m := &p.ICMP
	m.Family, m.Type, m.Code, m.Checksum = IPv4, typ, Code(msg[ICMPCodeOffset]), csum
	m.Sum = ChecksumCheck{Status: ChecksumGood, Want: csum}
	m.Kind = k
	m.raw = msg
	m.quoteEnd = 0
	m.ext = extFound{}
	p.HasICMP = true
	if k == KindError && mayHoldExtensions(msg) {
		findExtensions(m) // as validateError does
	}
	return true
}

// Echo is p.ICMP.Echo() read through the pointer. A method on the Message
// value copies the whole Message first, and right after Decode has stored
// it field by field that copy stalls on every word it reads: it cost as
// much as the decode.
func (p *Packet) Echo() (Echo, bool) { return echoOf(p.ICMP.Kind, p.ICMP.raw) }
