package codec

import "net/netip"

// MLDQuery returns the body of a multicast listener query: MLDv1 when the
// message is 24 bytes, MLDv2 (RFC 3810 5.1) when longer.
func (m Message) MLDQuery() (MLDQuery, bool) {
	if m.Kind != KindMLDQuery || len(m.raw) < mldv1Len {
		return MLDQuery{}, false
	}
	b := m.raw
	q := MLDQuery{MaxResponseCode: be16(b[4:]), Reserved: be16(b[6:]), Group: addr16(b[8:])}
	if len(b) >= mldv2QueryMin {
		q.V2 = true
		q.Reserved2, q.SFlag, q.QRV = b[24]>>4, b[24]&0x08 != 0, b[24]&7
		q.QQIC, q.NumSrcs, q.Sources = b[25], be16(b[26:]), b[mldv2QueryMin:]
	}
	return q, true
}

// Source returns source address i of an MLDv2 query.
func (q MLDQuery) Source(i int) netip.Addr { return addrAt(q.Sources, i) }

// addrAt returns 16-byte address i of a list (the zero Addr out of range).
func addrAt(list []byte, i int) netip.Addr {
	if i < 0 || (i+1)*ipv6AddrLen > len(list) {
		return netip.Addr{}
	}
	return addr16(list[i*ipv6AddrLen:])
}

// Len is the number of body bytes AppendBody writes.
func (q MLDQuery) Len() int {
	if !q.V2 {
		return mldv1Len - icmpHeaderLen
	}
	return mldv2QueryMin - icmpHeaderLen + len(q.Sources)/ipv6AddrLen*ipv6AddrLen
}

// AppendBody appends an MLDv1 query, or an MLDv2 one when V2 is set; the
// number of sources follows from Sources.
func (q MLDQuery) AppendBody(b []byte) []byte {
	b = append(b, byte(q.MaxResponseCode>>8), byte(q.MaxResponseCode), byte(q.Reserved>>8), byte(q.Reserved))
	b = appendAddr16(b, q.Group)
	if !q.V2 {
		return b
	}
	f := q.Reserved2<<4 | q.QRV&7
	if q.SFlag {
		f |= 0x08
	}
	n := len(q.Sources) / ipv6AddrLen
	b = append(b, f, q.QQIC, byte(n>>8), byte(n))
	return append(b, q.Sources[:n*ipv6AddrLen]...)
}

// MLDv1 returns the body of an MLDv1 report (131) or done (132).
func (m Message) MLDv1() (MLDv1, bool) {
	if m.Kind != KindMLDReport || len(m.raw) < mldv1Len {
		return MLDv1{}, false
	}
	b := m.raw
	return MLDv1{MaxResponseDelay: be16(b[4:]), Reserved: be16(b[6:]), Group: addr16(b[8:])}, true
}

// Len is the number of body bytes AppendBody writes.
func (r MLDv1) Len() int { return mldv1Len - icmpHeaderLen }

// AppendBody appends delay, reserved and group.
func (r MLDv1) AppendBody(b []byte) []byte {
	b = append(b, byte(r.MaxResponseDelay>>8), byte(r.MaxResponseDelay), byte(r.Reserved>>8), byte(r.Reserved))
	return appendAddr16(b, r.Group)
}

// MLDv2Report returns the body of an MLDv2 report (143).
func (m Message) MLDv2Report() (MLDv2Report, bool) {
	if m.Kind != KindMLDv2Report || len(m.raw) < mldv2ReportMin {
		return MLDv2Report{}, false
	}
	b := m.raw
	return MLDv2Report{Reserved: be16(b[4:]), NumRecords: be16(b[6:]), RecordBytes: b[mldv2ReportMin:]}, true
}

// Records returns an iterator over the report's records.
func (r MLDv2Report) Records() MLDRecordIter {
	return MLDRecordIter{b: r.RecordBytes, base: mldv2ReportMin, n: int(r.NumRecords)}
}

// Len is the number of body bytes AppendBody writes.
func (r MLDv2Report) Len() int { return mldv2ReportMin - icmpHeaderLen + len(r.RecordBytes) }

// AppendBody appends reserved, the record count as given and the records.
func (r MLDv2Report) AppendBody(b []byte) []byte {
	b = append(b, byte(r.Reserved>>8), byte(r.Reserved), byte(r.NumRecords>>8), byte(r.NumRecords))
	return append(b, r.RecordBytes...)
}

// MLDv2 record types (RFC 3810 5.2.12).
const (
	MLDModeIsInclude   uint8 = 1
	MLDModeIsExclude   uint8 = 2
	MLDChangeToInclude uint8 = 3
	MLDChangeToExclude uint8 = 4
	MLDAllowNewSources uint8 = 5
	MLDBlockOldSources uint8 = 6
)

// Source returns source address i of the record.
func (r MLDRecord) Source(i int) netip.Addr { return addrAt(r.Sources, i) }

// AppendMLDRecord appends a multicast address record for an MLDv2 report;
// the source count and aux length follow from Sources and Aux (padded with
// zeros to a 32-bit boundary).
func AppendMLDRecord(dst []byte, r MLDRecord) []byte {
	n := len(r.Sources) / ipv6AddrLen
	aux := (len(r.Aux) + 3) / 4
	dst = append(dst, r.RecordType, byte(aux), byte(n>>8), byte(n))
	dst = appendAddr16(dst, r.Group)
	dst = append(dst, r.Sources[:n*ipv6AddrLen]...)
	dst = append(dst, r.Aux...)
	return appendZeros(dst, aux*4-len(r.Aux))
}

// NodeInfo returns the body of a node information query or response.
func (m Message) NodeInfo() (NodeInfo, bool) {
	if m.Kind != KindNodeInfo || len(m.raw) < nodeInfoMin {
		return NodeInfo{}, false
	}
	b := m.raw
	n := NodeInfo{QType: be16(b[4:]), Flags: be16(b[6:]), Data: b[nodeInfoMin:]}
	copy(n.Nonce[:], b[8:16])
	return n, true
}

// Node information query types (RFC 4620 4).
const (
	NIQTypeNOOP      uint16 = 0
	NIQTypeNodeName  uint16 = 2
	NIQTypeNodeAddr  uint16 = 3
	NIQTypeIPv4Addrs uint16 = 4
)

// Len is the number of body bytes AppendBody writes.
func (n NodeInfo) Len() int { return nodeInfoMin - icmpHeaderLen + len(n.Data) }

// AppendBody appends qtype, flags, nonce and data.
func (n NodeInfo) AppendBody(b []byte) []byte {
	b = append(b, byte(n.QType>>8), byte(n.QType), byte(n.Flags>>8), byte(n.Flags))
	b = append(b, n.Nonce[:]...)
	return append(b, n.Data...)
}
