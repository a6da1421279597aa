package codec

import "net/netip"

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
	// Not through decode4, Packet.Decode's shortcut: the Packet returned is
	// copied out whole, and that copy reading back the shortcut's narrow
	// stores stalled enough to make DecodeIP slower with it than without.
	err = decodeIP(&p, b)
	return p, err
}

// Echo is p.ICMP.Echo() read through the pointer. A method on the Message
// value copies the whole Message first, and right after Decode has stored
// it field by field that copy stalls on every word it reads: it cost as
// much as the decode.
func (p *Packet) Echo() (Echo, bool) { return echoOf(p.ICMP.Kind, p.ICMP.raw) }

// decodeIP is DecodeIP filling p in place.
func decodeIP(p *Packet, b []byte) error {
	if len(b) == 0 {
		return truncated("IP", 0, "IP header", 0)
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
	return malformed("IP", 0, "IP version 4 or 6", "version "+itoa(int(b[0]>>4)))
}
