package codec

import "net/netip"

// Decoders for the common NDP options. Each checks the option type and
// length and returns a *ParseError naming the option's offset otherwise.

// NDPPrefixOpt is a prefix information option (type 3, RFC 4861 4.6.2).
type NDPPrefixOpt struct {
	PrefixLen         uint8
	Flags             uint8 // L (0x80), A (0x40), R (0x20, RFC 6275) ...
	ValidLifetime     uint32
	PreferredLifetime uint32
	Reserved          uint32
	Prefix            netip.Addr
}

// Prefix information flag bits.
const (
	PrefixFlagOnLink     uint8 = 0x80 // L
	PrefixFlagAutonomous uint8 = 0x40 // A: use for SLAAC
	PrefixFlagRouterAddr uint8 = 0x20 // R
)

// NDPRouteOpt is a route information option (type 24, RFC 4191 2.3).
type NDPRouteOpt struct {
	PrefixLen  uint8
	Preference uint8 // 2 bits: 01 high, 00 medium, 11 low, 10 reserved
	Lifetime   uint32
	Prefix     netip.Addr // the prefix bytes present, zero-extended
}

// NDPRDNSSOpt is a recursive DNS server option (type 25, RFC 8106 5.1).
type NDPRDNSSOpt struct {
	Lifetime uint32
	Servers  []byte // 16 bytes each; see Server
}

// NDPDNSSLOpt is a DNS search list option (type 31, RFC 8106 5.2).
type NDPDNSSLOpt struct {
	Lifetime uint32
	Names    []byte // domain names in DNS wire format, zero-padded; see Domains
}

// optionErr names a wrong option type or size.
func (o NDPOption) optionErr(want phraseKind) error {
	return &ParseError{Layer: "NDP option", Offset: o.Offset, Want: phrase(want), Have: phrase(phTypeBytes, int(o.Type), int(o.Length)*ndpOptUnit), Err: ErrMalformed}
}

// LinkAddr returns the link-layer address of a source or target link-layer
// address option (types 1 and 2). On Ethernet it is 6 bytes; other links
// leave padding, which the caller interprets for its link type.
func (o NDPOption) LinkAddr() ([]byte, error) {
	if o.Type != NDPSourceLinkAddr && o.Type != NDPTargetLinkAddr {
		return nil, o.optionErr(phOptLinkAddr)
	}
	return o.Data, nil
}

// PrefixInfo decodes a prefix information option.
func (o NDPOption) PrefixInfo() (NDPPrefixOpt, error) {
	if o.Type != NDPPrefixInfo || o.Length != 4 {
		return NDPPrefixOpt{}, o.optionErr(phOptPrefix)
	}
	d := o.Data
	return NDPPrefixOpt{PrefixLen: d[0], Flags: d[1], ValidLifetime: be32(d[2:]), PreferredLifetime: be32(d[6:]), Reserved: be32(d[10:]), Prefix: addr16(d[14:])}, nil
}

// PrefixBits returns the prefix as a netip.Prefix (invalid when the length
// exceeds 128).
func (p NDPPrefixOpt) PrefixBits() netip.Prefix { return netip.PrefixFrom(p.Prefix, int(p.PrefixLen)) }

// MTU decodes an MTU option (type 5).
func (o NDPOption) MTU() (uint32, error) {
	if o.Type != NDPMTU || o.Length != 1 {
		return 0, o.optionErr(phOptMTU)
	}
	return be32(o.Data[2:]), nil
}

// RedirectedHeader returns the IP header and data a redirected header option
// (type 4) carries.
func (o NDPOption) RedirectedHeader() ([]byte, error) {
	if o.Type != NDPRedirectedHdr {
		return nil, o.optionErr(phOptRedirected)
	}
	return o.Data[6:], nil
}

// Nonce returns the nonce of a nonce option (type 14, RFC 3971 5.3.2).
func (o NDPOption) Nonce() ([]byte, error) {
	if o.Type != NDPNonce {
		return nil, o.optionErr(phOptNonce)
	}
	return o.Data, nil
}

// RouteInfo decodes a route information option.
func (o NDPOption) RouteInfo() (NDPRouteOpt, error) {
	if o.Type != NDPRouteInfo || o.Length < 1 || o.Length > 3 {
		return NDPRouteOpt{}, o.optionErr(phOptRoute)
	}
	d := o.Data
	r := NDPRouteOpt{PrefixLen: d[0], Preference: d[1] >> 3 & 3, Lifetime: be32(d[2:])}
	if r.PrefixLen > 128 || int(o.Length-1)*8 < (int(r.PrefixLen)+7)/8 {
		return r, o.optionErr(phOptRoutePrefix)
	}
	var a [16]byte
	copy(a[:], d[6:])
	r.Prefix = netip.AddrFrom16(a)
	return r, nil
}

// RDNSS decodes a recursive DNS server option.
func (o NDPOption) RDNSS() (NDPRDNSSOpt, error) {
	if o.Type != NDPRDNSS || o.Length < 3 || o.Length%2 == 0 {
		return NDPRDNSSOpt{}, o.optionErr(phOptRDNSS)
	}
	return NDPRDNSSOpt{Lifetime: be32(o.Data[2:]), Servers: o.Data[6:]}, nil
}

// Len is the number of server addresses.
func (r NDPRDNSSOpt) Len() int { return len(r.Servers) / ipv6AddrLen }

// Server returns address i (the zero Addr when out of range).
func (r NDPRDNSSOpt) Server(i int) netip.Addr {
	if i < 0 || i >= r.Len() {
		return netip.Addr{}
	}
	return addr16(r.Servers[i*ipv6AddrLen:])
}

// DNSSL decodes a DNS search list option.
func (o NDPOption) DNSSL() (NDPDNSSLOpt, error) {
	if o.Type != NDPDNSSL || o.Length < 2 {
		return NDPDNSSLOpt{}, o.optionErr(phOptDNSSL)
	}
	return NDPDNSSLOpt{Lifetime: be32(o.Data[2:]), Names: o.Data[6:]}, nil
}

// Domains decodes the search list into dotted names, appending to dst.
// Labels follow DNS wire format (RFC 1035 3.1) without compression; zero
// bytes after the last name are padding.
func (d NDPDNSSLOpt) Domains(dst []string) ([]string, error) {
	b := d.Names
	for len(b) > 0 && b[0] != 0 {
		var name []byte
		for {
			if len(b) == 0 {
				return dst, truncated("DNSSL", 0, phrase(phDNSSLName), 0)
			}
			l := int(b[0])
			if l == 0 {
				b = b[1:]
				break
			}
			if l > 63 || l+1 > len(b) {
				return dst, malformed("DNSSL", len(d.Names)-len(b), phrase(phDNSSLLabel), phrase(phNumber, l))
			}
			if len(name) > 0 {
				name = append(name, '.')
			}
			name = append(name, b[1:1+l]...)
			b = b[1+l:]
		}
		dst = append(dst, string(name))
	}
	return dst, nil
}

// AppendNDPOption appends an option of any type: the type, the length in
// 8-byte units and data, zero-padded to a multiple of 8 bytes.
func AppendNDPOption(dst []byte, typ NDPOptionType, data []byte) []byte {
	n := (2 + len(data) + ndpOptUnit - 1) / ndpOptUnit
	dst = append(dst, byte(typ), byte(n))
	dst = append(dst, data...)
	return appendZeros(dst, n*ndpOptUnit-2-len(data))
}

// AppendNDPPrefixInfo appends a prefix information option.
func AppendNDPPrefixInfo(dst []byte, p NDPPrefixOpt) []byte {
	dst = append(dst, byte(NDPPrefixInfo), 4, p.PrefixLen, p.Flags)
	dst = append32(dst, p.ValidLifetime)
	dst = append32(dst, p.PreferredLifetime)
	dst = append32(dst, p.Reserved)
	return appendAddr16(dst, p.Prefix)
}

// AppendNDPMTU appends an MTU option.
func AppendNDPMTU(dst []byte, mtu uint32) []byte {
	dst = append(dst, byte(NDPMTU), 1, 0, 0)
	return append32(dst, mtu)
}

// AppendNDPRDNSS appends an RDNSS option listing servers.
func AppendNDPRDNSS(dst []byte, lifetime uint32, servers ...netip.Addr) []byte {
	dst = append(dst, byte(NDPRDNSS), byte(1+2*len(servers)), 0, 0)
	dst = append32(dst, lifetime)
	for _, s := range servers {
		dst = appendAddr16(dst, s)
	}
	return dst
}
