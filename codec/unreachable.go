package codec

// Destination unreachable, ICMPv4 (type 3; RFC 792, next-hop MTU of code 4
// from RFC 1191, length from RFC 4884):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Type = 3    |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|    unused     |    Length     |          Next-Hop MTU         |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|      Internet Header + leading octets of original datagram    |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Destination unreachable, ICMPv6 (type 1; RFC 4443 3.1, RFC 4884):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Type = 1    |     Code      |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|    Length     |                    Unused                     |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|          As much of the invoking packet as will fit ...
//
// Packet too big, ICMPv6 (type 2; RFC 4443 3.2):
//
//	 0                   1                   2                   3
//	 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|   Type = 2    |   Code = 0    |          Checksum             |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|                              MTU                              |
//	+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//	|          As much of the invoking packet as will fit ...
const (
	unreach4MTUOff = 6 // 16 bits, code 4 only
	tooBig6MTUOff  = 4 // 32 bits
)

// Codes of ICMPv4 Destination Unreachable (type 3).
const (
	CodeNetUnreachable          Code = 0
	CodeHostUnreachable         Code = 1
	CodeProtocolUnreachable     Code = 2
	CodePortUnreachable         Code = 3
	CodeFragmentationNeeded     Code = 4 // carries the next-hop MTU (RFC 1191)
	CodeSourceRouteFailed       Code = 5
	CodeNetUnknown              Code = 6
	CodeHostUnknown             Code = 7
	CodeSourceHostIsolated      Code = 8
	CodeNetProhibited           Code = 9
	CodeHostProhibited          Code = 10
	CodeNetUnreachableForTOS    Code = 11
	CodeHostUnreachableForTOS   Code = 12
	CodeCommunicationProhibited Code = 13
	CodeHostPrecedenceViolation Code = 14
	CodePrecedenceCutoff        Code = 15
)

// Codes of ICMPv6 Destination Unreachable (type 1).
const (
	Code6NoRoute             Code = 0
	Code6AdminProhibited     Code = 1
	Code6BeyondScope         Code = 2
	Code6AddressUnreachable  Code = 3
	Code6PortUnreachable     Code = 4
	Code6SourcePolicyFailed  Code = 5
	Code6RejectRoute         Code = 6
	Code6SourceRoutingHeader Code = 7
	Code6HeadersTooLong      Code = 8
)
