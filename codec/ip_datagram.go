package codec

// AppendDatagram appends the header with Total Length set to cover the
// header and payload, then the payload: a whole IPv4 datagram, as a
// simulated router, a capture writer or a rebuilt quote needs one. The
// header's own length follows from Options, as in AppendHeader.
func (h IPv4Header) AppendDatagram(dst, payload []byte) []byte {
	hl := IPv4MinHeaderLen + (min(len(h.Options), IPv4MaxHeaderLen-IPv4MinHeaderLen)+3)/4*4
	h.TotalLength = uint16(hl + len(payload))
	return append(h.AppendHeader(dst), payload...)
}

// AppendDatagram appends the header with Payload Length set to the
// payload's, then the payload: a whole IPv6 datagram.
func (h IPv6Header) AppendDatagram(dst, payload []byte) []byte {
	h.PayloadLen = uint16(len(payload))
	return append(h.AppendHeader(dst), payload...)
}
