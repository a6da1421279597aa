package codec

// Next advances to the next object. It returns false at the end of the list
// or at a malformed object; Err then says which and where.
func (it *ObjectIter) Next() bool {
	b := it.ext.ObjectBytes
	if it.err != nil || it.off >= len(b) {
		return false
	}
	rest := b[it.off:]
	at := it.ext.Offset + extHeaderLen + it.off
	if len(rest) < objHeaderLen {
		it.err = truncated("extension", at, phrase(phObjectHeader), len(rest))
		return false
	}
	n := int(be16(rest))
	if n < objHeaderLen {
		it.err = malformed("extension", at, phrase(phObjectLengthMin), bytesFound(n))
		return false
	}
	if n > len(rest) {
		it.err = badLength("extension", at, phrase(phObjectOf, n), phrase(phBytesLeft, len(rest)))
		return false
	}
	it.cur = ExtObject{Offset: at, Length: uint16(n), Class: ExtClass(rest[2]), CType: rest[3], Data: rest[objHeaderLen:n]}
	it.off += n
	return true
}

// Object returns the object Next moved to.
func (it *ObjectIter) Object() ExtObject { return it.cur }

// Err returns the fault that stopped iteration, or nil at a clean end.
func (it *ObjectIter) Err() error { return it.err }

// MPLS label stack objects (RFC 4950): class 1, C-Type 1, 4 bytes an entry.
const (
	mplsCTypeIncoming = 1
	mplsEntryLen      = 4
)

// MPLSLen is the number of label stack entries of an MPLS object (0 for any
// other object).
func (o ExtObject) MPLSLen() int {
	if o.Class != ExtClassMPLS || o.CType != mplsCTypeIncoming {
		return 0
	}
	return len(o.Data) / mplsEntryLen
}

// MPLSEntry decodes entry i (0 is the top of the stack); the zero entry when
// i is out of range.
func (o ExtObject) MPLSEntry(i int) MPLSEntry {
	if i < 0 || i >= o.MPLSLen() {
		return MPLSEntry{}
	}
	v := be32(o.Data[i*mplsEntryLen:])
	return MPLSEntry{Label: v >> 12, TC: uint8(v>>9) & 7, S: v&0x100 != 0, TTL: uint8(v)}
}

// appendEntry encodes one label stack entry.
func (e MPLSEntry) appendEntry(b []byte) []byte {
	v := (e.Label&0xfffff)<<12 | uint32(e.TC&7)<<9 | uint32(e.TTL)
	if e.S {
		v |= 0x100
	}
	return append(b, byte(v>>24), byte(v>>16), byte(v>>8), byte(v))
}

// appendTo appends the extension header and objects. The checksum is
// computed, except that a parsed structure keeps the value found when it was
// bad, or when it was the other one's-complement zero, so that a captured
// message reproduces byte for byte.
func (e Extensions) appendTo(b []byte) []byte {
	start := len(b)
	v := e.Version
	if v == 0 {
		v = extVersion
	}
	b = append(b, v<<4|byte(e.Reserved>>8)&0x0f, byte(e.Reserved), 0, 0)
	b = append(b, e.ObjectBytes...)
	put16(b[start+2:], keepOrCompute(e.Sum, e.Checksum, Checksum(b[start:])))
	return b
}

// keepOrCompute picks the checksum to write: the computed one, unless the
// parsed verdict says the value found should be reproduced.
func keepOrCompute(sum ChecksumCheck, found, computed uint16) uint16 {
	switch sum.Status {
	case ChecksumBad:
		return found
	case ChecksumGood:
		if found^computed == 0xffff && (found == 0 || computed == 0) {
			return found
		}
	}
	return computed
}

// extLen is the size of the structure appendTo writes.
func (e Extensions) extLen() int { return extHeaderLen + len(e.ObjectBytes) }

// AppendExtensions appends a whole extension structure (version 2 header
// with its checksum, then the objects) built from decoded objects. Each
// object's length is written from its Data.
func AppendExtensions(dst []byte, objs ...ExtObject) []byte {
	start := len(dst)
	dst = append(dst, extVersion<<4, 0, 0, 0)
	for _, o := range objs {
		dst = appendObject(dst, o.Class, o.CType, o.Data)
	}
	put16(dst[start+2:], Checksum(dst[start:]))
	return dst
}

// appendObject appends one object header and its contents.
func appendObject(dst []byte, c ExtClass, ctype uint8, data []byte) []byte {
	n := objHeaderLen + len(data)
	dst = append(dst, byte(n>>8), byte(n), byte(c), ctype)
	return append(dst, data...)
}

// AppendMPLSObject appends an RFC 4950 MPLS label stack object (not a whole
// structure: wrap objects with NewExtensions or AppendExtensions).
func AppendMPLSObject(dst []byte, entries ...MPLSEntry) []byte {
	n := objHeaderLen + mplsEntryLen*len(entries)
	dst = append(dst, byte(n>>8), byte(n), byte(ExtClassMPLS), mplsCTypeIncoming)
	for _, e := range entries {
		dst = e.appendEntry(dst)
	}
	return dst
}

// NewExtensions builds an RFC 4884 extension structure (version 2, checksum
// computed) from already-encoded objects, for use in ErrorBody.Ext or
// ExtendedEchoRequest.Ext. buf is scratch space it appends into: the objects
// are copied there, so the result does not alias objects; with a nil buf it
// refers to objects directly and allocates nothing.
func NewExtensions(buf []byte, objects []byte) Extensions {
	ob := objects
	if buf != nil {
		n := len(buf)
		buf = append(buf, objects...)
		ob = buf[n:len(buf):len(buf)]
	}
	var s Sum
	s.Add([]byte{extVersion << 4, 0})
	s.Add(ob)
	ck := s.Fold()
	return Extensions{Layout: ExtRFC4884, Version: extVersion, Checksum: ck, Sum: ChecksumCheck{Status: ChecksumGood, Want: ck}, ObjectBytes: ob}
}
