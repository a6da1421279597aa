package codec

import "net/netip"

// RFC 5837 interface information object (class 2): the C-Type says which
// sub-objects follow, in this order: ifIndex, IP address, name, MTU.
const (
	iiHasIndex = 0x08
	iiHasAddr  = 0x04
	iiHasName  = 0x02
	iiHasMTU   = 0x01
	iiRoleBits = 6 // role in the top two bits

	iiNameMax = 64 // the name sub-object, its length byte included (RFC 5837 4.3)
)

// Address family identifiers (IANA "Address Family Numbers") used by RFC 5837
// and RFC 8335 address sub-objects.
const (
	AFIIPv4 uint16 = 1
	AFIIPv6 uint16 = 2
)

// RFC 8335 interface identification object C-Types.
const (
	IdentByName    uint8 = 1
	IdentByIndex   uint8 = 2
	IdentByAddress uint8 = 3
)

// InterfaceInfo decodes an RFC 5837 interface information object. The name
// is copied into a string (the only allocation of extension decoding).
func (o ExtObject) InterfaceInfo() (InterfaceInfo, error) {
	var ii InterfaceInfo
	const layer = "interface information"
	if o.Class != ExtClassInterface {
		return ii, &ParseError{Layer: layer, Offset: o.Offset, Want: phrase(phIfInfoClass, 2), Have: phrase(phClass, int(o.Class)), Err: ErrWrongKind}
	}
	ii.Role = InterfaceRole(o.CType >> iiRoleBits)
	d, at := o.Data, o.Offset+objHeaderLen
	if o.CType&iiHasIndex != 0 {
		if len(d) < 4 {
			return ii, truncated(layer, at, phrase(phIfIndex), len(d))
		}
		ii.HasIndex, ii.Index = true, be32(d)
		d, at = d[4:], at+4
	}
	if o.CType&iiHasAddr != 0 {
		if len(d) < 4 {
			return ii, truncated(layer, at, phrase(phAddrSubHeader), len(d))
		}
		afi, n := be16(d), 0
		switch afi {
		case AFIIPv4:
			n = 4
		case AFIIPv6:
			n = 16
		default:
			return ii, malformed(layer, at, phrase(phAFIKnown), phrase(phAFI, int(afi)))
		}
		if len(d) < 4+n {
			return ii, truncated(layer, at, phrase(phAddrSubObject, 4+n), len(d))
		}
		if n == 4 {
			ii.Addr = addr4(d[4:])
		} else {
			ii.Addr = addr16(d[4:])
		}
		ii.HasAddr = true
		d, at = d[4+n:], at+4+n
	}
	if o.CType&iiHasName != 0 {
		if len(d) < 1 {
			return ii, truncated(layer, at, phrase(phNameSubLength), 0)
		}
		n := int(d[0])
		if n < 4 || n%4 != 0 || n > iiNameMax {
			return ii, malformed(layer, at, phrase(phNameSubLengthRule), phrase(phNumber, n))
		}
		if len(d) < n {
			return ii, truncated(layer, at, phrase(phNameSubObject, n), len(d))
		}
		ii.HasName, ii.Name = true, string(trimNUL(d[1:n]))
		d, at = d[n:], at+n
	}
	if o.CType&iiHasMTU != 0 {
		if len(d) < 4 {
			return ii, truncated(layer, at, phrase(phMTU4), len(d))
		}
		ii.HasMTU, ii.MTU = true, be32(d)
		d, at = d[4:], at+4
	}
	if len(d) != 0 {
		return ii, badLength(layer, at, phrase(phObjectEnd), phrase(phBytesMore, len(d)))
	}
	return ii, nil
}

// trimNUL drops the NUL padding after a name.
func trimNUL(b []byte) []byte {
	for len(b) > 0 && b[len(b)-1] == 0 {
		b = b[:len(b)-1]
	}
	return b
}

// AppendInterfaceInfoObject appends an RFC 5837 interface information
// object with the sub-objects whose Has flags are set. A name longer than 63
// bytes is cut; it is NUL-padded to a 32-bit boundary.
func AppendInterfaceInfoObject(dst []byte, ii InterfaceInfo) []byte {
	start := len(dst)
	ct := uint8(ii.Role&3) << iiRoleBits
	if ii.HasIndex {
		ct |= iiHasIndex
	}
	if ii.HasAddr {
		ct |= iiHasAddr
	}
	if ii.HasName {
		ct |= iiHasName
	}
	if ii.HasMTU {
		ct |= iiHasMTU
	}
	dst = append(dst, 0, 0, byte(ExtClassInterface), ct)
	if ii.HasIndex {
		dst = append32(dst, ii.Index)
	}
	if ii.HasAddr {
		dst = appendAFIAddr(dst, ii.Addr, 0)
	}
	if ii.HasName {
		name := ii.Name
		if len(name) > iiNameMax-1 {
			name = name[:iiNameMax-1]
		}
		n := (1 + len(name) + 3) / 4 * 4
		dst = append(dst, byte(n))
		dst = append(dst, name...)
		dst = appendZeros(dst, n-1-len(name))
	}
	if ii.HasMTU {
		dst = append32(dst, ii.MTU)
	}
	put16(dst[start:], uint16(len(dst)-start))
	return dst
}

// appendAFIAddr appends an address sub-object: AFI, a second byte pair
// (reserved in RFC 5837; address length and reserved in RFC 8335), address.
func appendAFIAddr(dst []byte, a netip.Addr, lenByte uint8) []byte {
	if a.Is4() {
		v := a.As4()
		dst = append(dst, 0, byte(AFIIPv4), lenByte, 0)
		return append(dst, v[:]...)
	}
	v := a.As16()
	dst = append(dst, 0, byte(AFIIPv6), lenByte, 0)
	return append(dst, v[:]...)
}

// InterfaceIdent decodes an RFC 8335 interface identification object.
func (o ExtObject) InterfaceIdent() (InterfaceIdent, error) {
	id := InterfaceIdent{CType: o.CType}
	const layer = "interface identification"
	at := o.Offset + objHeaderLen
	if o.Class != ExtClassIdent {
		return id, &ParseError{Layer: layer, Offset: o.Offset, Want: phrase(phIfInfoClass, 3), Have: phrase(phClass, int(o.Class)), Err: ErrWrongKind}
	}
	d := o.Data
	switch o.CType {
	case IdentByName:
		if len(d) == 0 {
			return id, truncated(layer, at, phrase(phInterfaceName), 0)
		}
		id.Name = string(trimNUL(d))
	case IdentByIndex:
		if len(d) != 4 {
			return id, badLength(layer, at, phrase(phIfIndex), bytesFound(len(d)))
		}
		id.Index = be32(d)
	case IdentByAddress:
		if len(d) < 4 {
			return id, truncated(layer, at, phrase(phAFILenReserved), len(d))
		}
		id.AFI, id.PrefixLen = be16(d), d[2]
		n := int(d[2])
		switch {
		case id.AFI == AFIIPv4 && n == 4:
			if len(d) < 8 {
				return id, truncated(layer, at+4, phrase(phIPv4Address), len(d)-4)
			}
			id.Addr = addr4(d[4:])
		case id.AFI == AFIIPv6 && n == 16:
			if len(d) < 20 {
				return id, truncated(layer, at+4, phrase(phIPv6Address), len(d)-4)
			}
			id.Addr = addr16(d[4:])
		default:
			return id, malformed(layer, at, phrase(phAFIWithLength), phrase(phAFIBytes, int(id.AFI), n))
		}
	default:
		return id, &ParseError{Layer: layer, Offset: o.Offset + 3, Want: phrase(phIfIDCType), Have: phrase(phCType, int(o.CType)), Err: ErrUnsupported}
	}
	return id, nil
}

// AppendInterfaceIdentObject appends an RFC 8335 interface identification
// object. With CType 0 the form follows from the fields: an address, else a
// name, else the index. Names are NUL-padded to a 32-bit boundary.
func AppendInterfaceIdentObject(dst []byte, id InterfaceIdent) []byte {
	start := len(dst)
	ct := id.CType
	if ct == 0 {
		switch {
		case id.Addr.IsValid():
			ct = IdentByAddress
		case id.Name != "":
			ct = IdentByName
		default:
			ct = IdentByIndex
		}
	}
	dst = append(dst, 0, 0, byte(ExtClassIdent), ct)
	switch ct {
	case IdentByName:
		dst = append(dst, id.Name...)
		dst = appendZeros(dst, (4-len(id.Name)%4)%4)
	case IdentByIndex:
		dst = append32(dst, id.Index)
	case IdentByAddress:
		n := uint8(16)
		if id.Addr.Is4() {
			n = 4
		}
		dst = appendAFIAddr(dst, id.Addr, n)
	}
	put16(dst[start:], uint16(len(dst)-start))
	return dst
}

// append32 appends a big-endian 32-bit value.
func append32(b []byte, v uint32) []byte {
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

// appendZeros appends n zero bytes.
func appendZeros(b []byte, n int) []byte {
	if n <= 0 {
		return b
	}
	return append(b, make([]byte, n)...) // the compiler clears in place, no allocation
}
