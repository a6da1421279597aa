package codec

import "net/netip"

// ICMPv4 router discovery (RFC 1256): advertisement (type 9) and
// solicitation (type 10, its second word reserved).
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |     Code      |           Checksum            |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Num Addrs   |Addr Entry Size|           Lifetime            |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                       Router Address[1]                       |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                      Preference Level[1]                      |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                               .                               |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
const (
	ra4NumAddrsOff    = 4
	ra4EntrySizeOff   = 5
	ra4LifetimeOff    = 6
	routerAdvert4Min  = 8
	routerSolicit4Len = 8
)

// RouterAdvert4 is the body of an ICMPv4 router advertisement (type 9, RFC 1256).
type RouterAdvert4 struct {
	NumAddrs      uint8
	AddrEntrySize uint8 // in 32-bit words; 2 for (address, preference)
	Lifetime      uint16
	Entries       []byte // NumAddrs entries of AddrEntrySize words; see RouterAdvert4.Entry
	// Extra holds bytes after the entries, e.g. the Mobile IP agent
	// advertisement extensions of RFC 5944 2.1, kept for an exact round trip.
	Extra []byte
}

// RouterAddr is one entry of an ICMPv4 router advertisement.
type RouterAddr struct {
	Addr       netip.Addr
	Preference int32
}

// RouterSolicit4 is the body of an ICMPv4 router solicitation (type 10).
type RouterSolicit4 struct {
	Reserved uint32
}

// validateRouterAdvert4 checks that the entries the header announces fit.
func validateRouterAdvert4(layer string, b []byte) error {
	if err := atLeast(layer, b, routerAdvert4Min, phrase(phRouterAdvertHeader)); err != nil {
		return err
	}
	n, size := int(b[ra4NumAddrsOff]), int(b[ra4EntrySizeOff])
	if n > 0 && size < 2 {
		return malformed(layer, ra4EntrySizeOff, phrase(phEntrySizeMin), phrase(phWords, size))
	}
	if need := routerAdvert4Min + n*size*4; len(b) < need {
		return truncated(layer, len(b), phrase(phAddressEntries, n, size), len(b))
	}
	return nil
}

// RouterAdvert4 returns the body of a router advertisement (9, RFC 1256).
func (m Message) RouterAdvert4() (RouterAdvert4, bool) {
	if m.Kind != KindRouterAdvert4 || len(m.raw) < routerAdvert4Min {
		return RouterAdvert4{}, false
	}
	b := m.raw
	n := routerAdvert4Min + int(b[ra4NumAddrsOff])*int(b[ra4EntrySizeOff])*4
	if n > len(b) {
		return RouterAdvert4{}, false
	}
	return RouterAdvert4{NumAddrs: b[ra4NumAddrsOff], AddrEntrySize: b[ra4EntrySizeOff], Lifetime: be16(b[ra4LifetimeOff:]), Entries: b[routerAdvert4Min:n], Extra: b[n:]}, true
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
	return RouterSolicit4{Reserved: be32(m.raw[icmpHeaderLen:])}, true
}

// Len is the number of body bytes AppendBody writes.
func (t RouterSolicit4) Len() int { return routerSolicit4Len - icmpHeaderLen }

// AppendBody appends the reserved word.
func (t RouterSolicit4) AppendBody(b []byte) []byte {
	return append(b, byte(t.Reserved>>24), byte(t.Reserved>>16), byte(t.Reserved>>8), byte(t.Reserved))
}
