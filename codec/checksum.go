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

// Sum accumulates the Internet checksum (RFC 1071) over several pieces, as
// the ICMPv6 pseudo-header needs. The zero value is ready to use.
type Sum struct {
	acc uint64
	odd bool // an odd byte is pending from the previous piece
}

// Add folds b into the running sum.
func (s *Sum) Add(b []byte) { s.add(b) }

// Fold returns the one's complement of the folded sum: the checksum field value.
func (s *Sum) Fold() uint16 { return s.fold() }

// Checksum is the Internet checksum of b (the value to store in a zeroed field).
func Checksum(b []byte) uint16 {
	var s Sum
	s.Add(b)
	return s.Fold()
}

// PseudoHeaderSum starts a Sum with the IPv6 pseudo-header (RFC 8200 8.1) for
// an upper-layer packet of length n and protocol proto. It also serves UDP and
// TCP over IPv4 when src and dst are IPv4 addresses (RFC 768).
func PseudoHeaderSum(src, dst netip.Addr, proto uint8, n int) Sum {
	var s Sum
	s.pseudo(src, dst, proto, n)
	return s
}
