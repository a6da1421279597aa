package codec

// NDP option types (IANA "IPv6 Neighbor Discovery Option Formats").
type NDPOptionType uint8

const (
	NDPSourceLinkAddr NDPOptionType = 1
	NDPTargetLinkAddr NDPOptionType = 2
	NDPPrefixInfo     NDPOptionType = 3
	NDPRedirectedHdr  NDPOptionType = 4
	NDPMTU            NDPOptionType = 5
	NDPNonce          NDPOptionType = 14
	NDPRouteInfo      NDPOptionType = 24
	NDPRDNSS          NDPOptionType = 25
	NDPRAFlagsExt     NDPOptionType = 26
	NDPDNSSL          NDPOptionType = 31
	NDPCaptivePortal  NDPOptionType = 37
	NDPPREF64         NDPOptionType = 38
)

// ndpOptionNames are the options' names as IANA (and tshark) writes them,
// each with the Korean term beside it; Korean keeps the English term in
// parentheses, as textbooks do, so the name can be found in the RFC.
var ndpOptionNames = map[NDPOptionType]names{
	NDPSourceLinkAddr: nm("Source link-layer address", "출발지 링크 계층 주소 (Source link-layer address)"),
	NDPTargetLinkAddr: nm("Target link-layer address", "대상 링크 계층 주소 (Target link-layer address)"),
	NDPPrefixInfo:     nm("Prefix information", "프리픽스 정보 (Prefix information)"),
	NDPRedirectedHdr:  nm("Redirected header", "경로 재지정된 헤더 (Redirected header)"),
	NDPMTU:            nm("MTU", "최대 전송 단위 (MTU)"),
	NDPNonce:          nm("Nonce", "논스 (Nonce)"),
	NDPRouteInfo:      nm("Route Information", "경로 정보 (Route Information)"),
	NDPRDNSS:          nm("Recursive DNS Server", "재귀 DNS 서버 (RDNSS)"),
	NDPRAFlagsExt:     nm("RA Flags Extension", "RA 플래그 확장 (RA Flags Extension)"),
	NDPDNSSL:          nm("DNS Search List", "DNS 검색 목록 (DNSSL)"),
	NDPCaptivePortal:  nm("Captive-Portal", "캡티브 포털 (Captive-Portal)"),
	NDPPREF64:         nm("PREF64", "NAT64 프리픽스 (PREF64)"),
}

// String is the option's name as IANA (and tshark) writes it, or "Unknown
// option N" for a type codec does not list: the number is never hidden.
func (t NDPOptionType) String() string {
	if n, ok := ndpOptionNames[t]; ok {
		return n.en
	}
	return "Unknown option " + itoa(int(t))
}

// KO is String in Korean: "프리픽스 정보 (Prefix information)", or "알 수
// 없는 옵션 N".
func (t NDPOptionType) KO() string {
	if n, ok := ndpOptionNames[t]; ok {
		return n.ko
	}
	return "알 수 없는 옵션 " + itoa(int(t))
}

// NDPOption is one TLV option: Length is in units of 8 bytes as on the wire;
// Data is the contents after the 2-byte type/length.
type NDPOption struct {
	Offset int // from the start of the message
	Type   NDPOptionType
	Length uint8
	Data   []byte
}

// NDP option length unit: the length byte counts 8-byte units, header included.
const ndpOptUnit = 8

// NDPOptionIter walks an option list without allocating; see ObjectIter.
type NDPOptionIter struct {
	b    []byte
	base int
	off  int
	err  error
	cur  NDPOption
}

// Next advances to the next option. It returns false at the end of the list
// or at a malformed option (a zero length, RFC 4861 4.6, or one running past
// the message); Err then says which and where.
func (it *NDPOptionIter) Next() bool {
	if it.err != nil || it.off >= len(it.b) {
		return false
	}
	rest := it.b[it.off:]
	at := it.base + it.off
	if len(rest) < 2 {
		it.err = truncated("NDP option", at, phrase(phNDPOptTypeLen), len(rest))
		return false
	}
	l := int(rest[1])
	if l == 0 {
		it.err = malformed("NDP option", at+1, phrase(phNDPOptLenMin), phrase(phNumber, 0))
		return false
	}
	if l*ndpOptUnit > len(rest) {
		it.err = badLength("NDP option", at+1, phrase(phOptionOf, l*ndpOptUnit), phrase(phBytesLeft, len(rest)))
		return false
	}
	it.cur = NDPOption{Offset: at, Type: NDPOptionType(rest[0]), Length: rest[1], Data: rest[2 : l*ndpOptUnit]}
	it.off += l * ndpOptUnit
	return true
}

// Option returns the option Next moved to.
func (it *NDPOptionIter) Option() NDPOption { return it.cur }

// Err returns the fault that stopped iteration, or nil at a clean end.
func (it *NDPOptionIter) Err() error { return it.err }
