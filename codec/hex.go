package codec

// HexDigits are the lower-case hexadecimal digits, the one table every hex
// printer in icmplab indexes (as tcpdump and tshark print, lower case).
const HexDigits = "0123456789abcdef"

// AppendHex appends the low 4n bits of v as exactly n lower-case hex digits,
// without a prefix and without allocating: the field printers of a
// dissection call it for every value, so it stays off fmt and strconv
// (which cannot pad).
func AppendHex(b []byte, v uint64, n int) []byte {
	for i := n - 1; i >= 0; i-- {
		b = append(b, HexDigits[v>>(4*uint(i))&15])
	}
	return b
}

// AppendMAC appends a link-layer address as colon-separated hex bytes,
// "02:00:00:00:00:0a".
func AppendMAC(b []byte, addr []byte) []byte {
	for i, c := range addr {
		if i > 0 {
			b = append(b, ':')
		}
		b = append(b, HexDigits[c>>4], HexDigits[c&15])
	}
	return b
}
