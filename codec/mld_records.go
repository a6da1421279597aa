package codec

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
		it.err = truncated("MLDv2 record", at, "20-byte multicast address record", len(rest))
		return false
	}
	aux, nsrc := int(rest[1]), int(be16(rest[2:]))
	n := mldRecordMin + nsrc*ipv6AddrLen + aux*4
	if n > len(rest) {
		it.err = truncated("MLDv2 record", at, "record of "+nbytes(n)+" ("+itoa(nsrc)+" sources, "+itoa(aux)+" aux words)", len(rest))
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
