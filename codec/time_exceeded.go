package codec

// Time exceeded, ICMPv4 (type 11; RFC 792, RFC 4884) and ICMPv6 (type 3;
// RFC 4443 3.3, RFC 4884). The word after the header holds only the RFC 4884
// length (error4LengthOff, error6LengthOff):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|  Type = 11/3  |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	| v4: unused, Length, unused  -  v6: Length, unused             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|          Internet Header + leading octets of original datagram ...

// Codes of Time Exceeded (ICMPv4 type 11, ICMPv6 type 3).
const (
	CodeTTLExceeded        Code = 0
	CodeReassemblyExceeded Code = 1
)
