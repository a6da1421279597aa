package codec

import "net/netip"

// ChecksumStatus is the verdict on a checksum found in a packet.
type ChecksumStatus uint8

const (
	ChecksumUnverified ChecksumStatus = iota // cannot be checked (ICMPv6 without addresses, truncated data)
	ChecksumGood
	ChecksumBad
)

func (s ChecksumStatus) String() string {
	switch s {
	case ChecksumGood:
		return "good"
	case ChecksumBad:
		return "bad"
	}
	return "unverified"
}

// ChecksumCheck is a checksum verdict and, when it is bad, the value the
// field should have held.
type ChecksumCheck struct {
	Status ChecksumStatus
	Want   uint16 // the correct value; meaningful when Status != ChecksumUnverified
}

// messageChecksum verifies an ICMP checksum: plain over the message for
// ICMPv4, over the IPv6 pseudo-header and the message for ICMPv6 (RFC 4443
// 2.3), which needs both addresses. Want is the value the field should hold.
func messageChecksum(f Family, b []byte, src, dst netip.Addr) ChecksumCheck {
	var s Sum
	if f == IPv6 {
		if !src.Is6() || !dst.Is6() {
			return ChecksumCheck{Status: ChecksumUnverified}
		}
		s = PseudoHeaderSum(src, dst, ProtoICMPv6, len(b))
	}
	return verifyAt(s, b, ICMPChecksumOffset)
}

// verifyAt verifies the checksum field at b[at:at+2] over s plus all of b:
// one pass, the field included, sums to zero when it is right. Only a bad
// one pays a second pass, to work out the value it should have held.
func verifyAt(s Sum, b []byte, at int) ChecksumCheck {
	field := be16(b[at:])
	full := s
	full.add(b)
	if full.fold() == 0 {
		return ChecksumCheck{Status: ChecksumGood, Want: field}
	}
	return badChecksum(s, b, at)
}

// badChecksum works out the value a bad checksum field should have held.
func badChecksum(s Sum, b []byte, at int) ChecksumCheck {
	s.add(b[:at])
	s.add(b[at+2:])
	return ChecksumCheck{Status: ChecksumBad, Want: s.fold()}
}
