package codec

import "net/netip"

// Multicast listener discovery: MLDv1 query (130), report (131) and done
// (132), RFC 2710; MLDv2 query (130, longer) and report (143), RFC 3810.
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Type      |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|     Maximum Response Delay    |          Reserved             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                Multicast Address (128 bits)                   |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	| Resv  |S| QRV |     QQIC      |     Number of Sources (N)     |   (MLDv2 query)
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Source Address [1..N] ...
const (
	mldDelayOff        = 4 // maximum response delay (code in MLDv2)
	mldReservedOff     = 6
	mldGroupOff        = 8
	mldv2QueryFlagsOff = 24 // Resv, S, QRV
	mldv2QQICOff       = 25
	mldv2NumSourcesOff = 26
	mldv2ReportResvOff = 4 // MLDv2 report: reserved
	mldv2NumRecordsOff = 6 // MLDv2 report: number of records
	mldv1Len           = 24
	mldv2QueryMin      = 28
	mldv2ReportMin     = 8
	mldRecordMin       = 20
)

// MLDQuery is a multicast listener query (130): MLDv1 (24-byte message) or
// MLDv2 (28 bytes and more, RFC 3810).
type MLDQuery struct {
	MaxResponseCode uint16
	Reserved        uint16
	Group           netip.Addr
	V2              bool
	// MLDv2 only.
	Reserved2 uint8 // the 4 reserved bits before the S flag, as found
	SFlag     bool
	QRV       uint8
	QQIC      uint8
	NumSrcs   uint16
	Sources   []byte // NumSrcs 16-byte addresses
}

// validateMLDQuery tells MLDv1 (24 bytes) from MLDv2 (28 and its sources).
func validateMLDQuery(layer string, b []byte) error {
	if len(b) == mldv1Len {
		return nil
	}
	if len(b) < mldv1Len {
		return truncated(layer, len(b), phrase(phMLDQuery), len(b))
	}
	if err := atLeast(layer, b, mldv2QueryMin, phrase(phMLDv2Query)); err != nil {
		return err
	}
	n := int(be16(b[mldv2NumSourcesOff:]))
	return exactly(layer, b, mldv2QueryMin+n*ipv6AddrLen, phrase(phMLDv2QuerySources, n))
}

// MLDQuery returns the body of a multicast listener query: MLDv1 when the
// message is 24 bytes, MLDv2 (RFC 3810 5.1) when longer.
func (m Message) MLDQuery() (MLDQuery, bool) {
	if m.Kind != KindMLDQuery || len(m.raw) < mldv1Len {
		return MLDQuery{}, false
	}
	b := m.raw
	q := MLDQuery{MaxResponseCode: be16(b[mldDelayOff:]), Reserved: be16(b[mldReservedOff:]), Group: addr16(b[mldGroupOff:])}
	if len(b) >= mldv2QueryMin {
		q.V2 = true
		fl := b[mldv2QueryFlagsOff]
		q.Reserved2, q.SFlag, q.QRV = fl>>4, fl&0x08 != 0, fl&7
		q.QQIC, q.NumSrcs, q.Sources = b[mldv2QQICOff], be16(b[mldv2NumSourcesOff:]), b[mldv2QueryMin:]
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

// MLDv1 is a multicast listener report (131) or done (132), RFC 2710.
type MLDv1 struct {
	MaxResponseDelay uint16
	Reserved         uint16
	Group            netip.Addr
}

// MLDv1 returns the body of an MLDv1 report (131) or done (132).
func (m Message) MLDv1() (MLDv1, bool) {
	if m.Kind != KindMLDReport || len(m.raw) < mldv1Len {
		return MLDv1{}, false
	}
	b := m.raw
	return MLDv1{MaxResponseDelay: be16(b[mldDelayOff:]), Reserved: be16(b[mldReservedOff:]), Group: addr16(b[mldGroupOff:])}, true
}

// Len is the number of body bytes AppendBody writes.
func (r MLDv1) Len() int { return mldv1Len - icmpHeaderLen }

// AppendBody appends delay, reserved and group.
func (r MLDv1) AppendBody(b []byte) []byte {
	b = append(b, byte(r.MaxResponseDelay>>8), byte(r.MaxResponseDelay), byte(r.Reserved>>8), byte(r.Reserved))
	return appendAddr16(b, r.Group)
}

// MLDv2Report is a version 2 multicast listener report (143, RFC 3810).
type MLDv2Report struct {
	Reserved    uint16
	NumRecords  uint16
	RecordBytes []byte // iterate with Records()
}

// validateMLDv2Report walks the records the header counts; they must end
// the message.
func validateMLDv2Report(layer string, b []byte) error {
	if err := atLeast(layer, b, mldv2ReportMin, phrase(phMLDv2ReportHeader)); err != nil {
		return err
	}
	it := MLDRecordIter{b: b[mldv2ReportMin:], base: mldv2ReportMin, n: int(be16(b[mldv2NumRecordsOff:]))}
	for it.Next() {
	}
	if err := it.Err(); err != nil {
		return err
	}
	if end := mldv2ReportMin + it.off; end != len(b) {
		return badLength(layer, end, phrase(phMLDRecordsEnd, it.n), phrase(phBytesMore, len(b)-end))
	}
	return nil
}

// MLDv2Report returns the body of an MLDv2 report (143).
func (m Message) MLDv2Report() (MLDv2Report, bool) {
	if m.Kind != KindMLDv2Report || len(m.raw) < mldv2ReportMin {
		return MLDv2Report{}, false
	}
	b := m.raw
	return MLDv2Report{Reserved: be16(b[mldv2ReportResvOff:]), NumRecords: be16(b[mldv2NumRecordsOff:]), RecordBytes: b[mldv2ReportMin:]}, true
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

// MLDRecord is one multicast address record of an MLDv2 report.
type MLDRecord struct {
	Offset     int
	RecordType uint8
	AuxLen     uint8 // in 32-bit words
	NumSrcs    uint16
	Group      netip.Addr
	Sources    []byte
	Aux        []byte
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

// MLDRecordIter walks the records of an MLDv2 report.
type MLDRecordIter struct {
	b    []byte
	base int
	n    int
	off  int
	err  error
	cur  MLDRecord
}

// Next advances to the next multicast address record. It returns false after
// the number of records the report announces, or at a malformed record; Err
// then says which and where.
func (it *MLDRecordIter) Next() bool {
	if it.err != nil || it.n <= 0 {
		return false
	}
	rest := it.b[it.off:]
	at := it.base + it.off
	if len(rest) < mldRecordMin {
		it.err = truncated("MLDv2 record", at, phrase(phMLDRecordHeader), len(rest))
		return false
	}
	aux, nsrc := int(rest[1]), int(be16(rest[2:]))
	n := mldRecordMin + nsrc*ipv6AddrLen + aux*4
	if n > len(rest) {
		it.err = truncated("MLDv2 record", at, phrase(phMLDRecord, n, nsrc, aux), len(rest))
		return false
	}
	src := mldRecordMin + nsrc*ipv6AddrLen
	it.cur = MLDRecord{
		Offset: at, RecordType: rest[0], AuxLen: rest[1], NumSrcs: uint16(nsrc),
		Group: addr16(rest[4:20]), Sources: rest[mldRecordMin:src], Aux: rest[src:n],
	}
	it.off += n
	it.n--
	return true
}

// Record returns the record Next moved to.
func (it *MLDRecordIter) Record() MLDRecord { return it.cur }

// Err returns the fault that stopped iteration, or nil at a clean end.
func (it *MLDRecordIter) Err() error { return it.err }
