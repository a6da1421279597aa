package codec

// PPPProtocol is the protocol field of a PPP frame (RFC 1661 2; IANA "PPP
// DLL Protocol Numbers"): what a PPP link or a PPPoE session carries.
type PPPProtocol uint16

// The PPP protocols a dissection follows.
const (
	PPPProtocolIPv4 PPPProtocol = 0x0021
	PPPProtocolIPv6 PPPProtocol = 0x0057
	PPPProtocolMPLS PPPProtocol = 0x0281 // MPLS unicast (RFC 3032 5)
)

var pppProtocolNames = map[PPPProtocol]string{
	PPPProtocolIPv4: "Internet Protocol version 4",
	PPPProtocolIPv6: "Internet Protocol version 6",
	PPPProtocolMPLS: "MPLS Unicast",
}

// Name is the protocol's name as IANA lists it, and false for one codec
// does not list.
func (p PPPProtocol) Name() (string, bool) {
	n, ok := pppProtocolNames[p]
	return n, ok
}

// String is "0x0021 (Internet Protocol version 4)", or "0x8021" for one
// without a name: the number is always shown.
func (p PPPProtocol) String() string {
	s := "0x" + string(AppendHex(nil, uint64(p), 4))
	if n, ok := p.Name(); ok {
		return s + " (" + n + ")"
	}
	return s
}

// NLPID is an ISO/IEC TR 9577 network layer protocol identifier, the byte
// that names the payload of RFC 2427 multiprotocol encapsulation over Frame
// Relay.
type NLPID uint8

// The NLPIDs a dissection follows.
const (
	NLPIDSNAP NLPID = 0x80 // an IEEE SNAP header (OUI and protocol id) follows
	NLPIDIPv6 NLPID = 0x8e
	NLPIDIPv4 NLPID = 0xcc
)

var nlpidNames = map[NLPID]string{
	NLPIDSNAP: "SNAP",
	NLPIDIPv6: "IPv6",
	NLPIDIPv4: "IPv4",
}

// Name is the identifier's name, and false for one codec does not list.
func (n NLPID) Name() (string, bool) {
	s, ok := nlpidNames[n]
	return s, ok
}

// String is "0xcc (IPv4)", or "0x81" for one without a name.
func (n NLPID) String() string {
	s := "0x" + string(AppendHex(nil, uint64(n), 2))
	if name, ok := n.Name(); ok {
		return s + " (" + name + ")"
	}
	return s
}
