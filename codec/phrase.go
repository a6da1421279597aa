package codec

import "icmplab/codec/internal/wording"

// Phrase is what a parser expected or found where it stopped (a
// ParseError's Want and Have), kept as a kind and its numbers so that it is
// worded in English (String, the text ParseError.Error has always given)
// and in Korean (KO) from one catalogue, phraseTexts. A program compares
// kinds, never the English.
type Phrase struct {
	kind phraseKind
	n    [3]int
	s    [2]string // words every language keeps: addresses, protocol and family names
}

// phraseKind names a Phrase.
type phraseKind uint8

// The phrases. Each has an entry in phraseTexts: fmt formats taking the
// numbers (n) then, for the kinds that carry them, the words (s).
const (
	phNone phraseKind = iota
	// Found.
	phBytes       // N bytes
	phBytesLeft   // N bytes left
	phBytesMore   // N bytes more
	phWords       // N words
	phNumber      // a bare value
	phVersion     // version N
	phAFI         // AFI N
	phAFIBytes    // AFI N, M bytes
	phClass       // class N
	phCType       // C-Type N
	phTypeBytes   // type N, M bytes
	phType        // type N
	phMore        // more
	phNoMessage   // no message
	phText        // words kept as they are
	phAddressPair // two addresses
	// Expected.
	phIPv6Datagram       // datagram of N bytes (payload length + 40)
	phIPv6Header         // 40-byte IPv6 header
	phIPv6ExtAt          // extension header at byte N
	phIPv6AuthAt         // authentication header at byte N
	phIPv6ExtSizedAt     // N bytes extension header at byte M
	phIPv6ExtMax         // at most N extension headers
	phIPv4Datagram       // datagram of N bytes (total length)
	phIPv4Header         // 20-byte IPv4 header
	phHeaderWordsMin     // header length of at least N words
	phHeaderWithOptions  // N bytes header with options
	phTotalLengthMin     // total length of at least the N bytes header
	phNDPOptTypeLen      // 2-byte option type and length
	phNDPOptLenMin       // option length of at least 1 (8 bytes)
	phOptionOf           // option of N bytes
	phNDPMessageHeader   // N bytes <message name> header
	phExtVersion         // extension version N
	phExtEchoHeader      // 8-byte extended echo header
	phExtHeader          // 4-byte extension header
	phICMPHeader         // 4-byte ICMP header
	phEchoHeader         // 8-byte echo header (identifier, sequence)
	phTimestampMessage   // 20-byte timestamp message
	phInformationMessage // 8-byte information message
	phAddressMaskMessage // 12-byte address mask message
	phRouterSolicitation // 8-byte router solicitation
	phExtEchoReply       // 8-byte extended echo reply
	phMLDv1Message       // 24-byte MLDv1 message
	phNodeInfoHeader     // 16-byte node information header
	phFamilyV4V6         // family ICMPv4 or ICMPv6
	phDNSSLName          // domain name ending in a zero label
	phDNSSLLabel         // label of at most 63 bytes within the option
	phOptLinkAddr        // link-layer address option (type 1 or 2)
	phOptPrefix          // prefix information option (type 3, 32 bytes)
	phOptMTU             // MTU option (type 5, 8 bytes)
	phOptRedirected      // redirected header option (type 4)
	phOptNonce           // nonce option (type 14)
	phOptRoute           // route information option (type 24, 8 to 24 bytes)
	phOptRoutePrefix     // route information option long enough for its prefix length
	phOptRDNSS           // RDNSS option (type 25, 8 + 16n bytes)
	phOptDNSSL           // DNSSL option (type 31, at least 16 bytes)
	phEntrySizeMin       // address entry size of at least 2 words
	phAddressEntries     // N address entries of M words
	phRouterAdvertHeader // 8-byte router advertisement header
	phUDPHeader          // 8-byte UDP header
	phUDPLengthMin       // length of at least 8
	phUDPDatagram        // datagram of N bytes (length)
	phTCPHeader          // 20-byte TCP header
	phDataOffsetMin      // data offset of at least 5 words
	phErrorHeader        // 8-byte error header
	phIfIndex            // 4-byte ifIndex
	phAddrSubHeader      // IP address sub-object (AFI, reserved)
	phAFIKnown           // AFI 1 (IPv4) or 2 (IPv6)
	phAddrSubObject      // N bytes IP address sub-object
	phNameSubLength      // name sub-object length
	phNameSubLengthRule  // name sub-object length a multiple of 4 from 4 to 64
	phNameSubObject      // N bytes name sub-object
	phMTU4               // 4-byte MTU
	phObjectEnd          // end of object after the sub-objects its C-Type names
	phInterfaceName      // interface name
	phAFILenReserved     // AFI, address length, reserved
	phIPv4Address        // 4-byte IPv4 address
	phIPv6Address        // 16-byte IPv6 address
	phAFIWithLength      // AFI 1 with 4 address bytes or AFI 2 with 16
	phIfInfoClass        // class 2 / class 3 (the number)
	phIfIDCType          // C-Type 1 (name), 2 (index) or 3 (address)
	phIPHeader           // IP header
	phIPVersion46        // IP version 4 or 6
	phObjectHeader       // 4-byte object header
	phObjectLengthMin    // object length of at least 4
	phObjectOf           // object of N bytes
	phMLDQuery           // 24-byte MLD query
	phMLDRecordHeader    // 20-byte multicast address record
	phMLDRecord          // record of N bytes (S sources, A aux words)
	phMLDv2Query         // 28-byte MLDv2 query
	phMLDv2QuerySources  // MLDv2 query with N sources
	phMLDv2ReportHeader  // 8-byte MLDv2 report header
	phMLDRecordsEnd      // N records ending the message
	phQuotedIPHeader     // quoted IP header
	phQuotedUDP          // 8-byte UDP header (ports, length, checksum)
	phQuotedTCP          // 8 bytes of TCP header (ports, sequence number)
	phICMPTypeCode       // ICMP type and code
	phExtEchoHeaderIDSeq // 8-byte extended echo header (identifier, sequence)
	phICMPError          // an ICMP error message
	phHeaderN            // N-byte header
	phHeaderLengthMin    // header length of at least 20 bytes
	phPseudoV6           // IPv6 source and destination for the pseudo-header
	phUDPOrTCP           // UDP or TCP
	phUpToChecksum       // N bytes up to the checksum
	phPseudoOneVersion   // source and destination of one IP version for the pseudo-header
	phraseKinds          // how many there are
)

// phraseTexts are the phrases' English and Korean.
var phraseTexts = [phraseKinds]wording.Text{
	phBytes:       {"%d bytes", "%d바이트"},
	phBytesLeft:   {"%d bytes left", "남은 %d바이트"},
	phBytesMore:   {"%d bytes more", "%d바이트 더"},
	phWords:       {"%d words", "%d워드"},
	phNumber:      {"%d", "%d"},
	phVersion:     {"version %d", "버전 %d"},
	phAFI:         {"AFI %d", "AFI %d"},
	phAFIBytes:    {"AFI %d, %d bytes", "AFI %d, %d바이트"},
	phClass:       {"class %d", "클래스(Class) %d"},
	phCType:       {"C-Type %d", "C-Type %d"},
	phTypeBytes:   {"type %d, %d bytes", "타입 %d, %d바이트"},
	phType:        {"type %d", "타입 %d"},
	phMore:        {"more", "그보다 많음"},
	phNoMessage:   {"no message", "메시지 없음"},
	phText:        {"%[4]s", "%[4]s"},
	phAddressPair: {"%[4]s and %[5]s", "%[4]s, %[5]s"},

	phIPv6Datagram:       {"datagram of %d bytes (payload length + 40)", "%d바이트 데이터그램(페이로드 길이 + 40)"},
	phIPv6Header:         {"40-byte IPv6 header", "40바이트 IPv6 헤더"},
	phIPv6ExtAt:          {"extension header at byte %d", "바이트 %d의 확장 헤더(Extension Header)"},
	phIPv6AuthAt:         {"authentication header at byte %d", "바이트 %d의 인증 헤더(Authentication Header)"},
	phIPv6ExtSizedAt:     {"%d bytes extension header at byte %d", "바이트 %[2]d의 %[1]d바이트 확장 헤더(Extension Header)"},
	phIPv6ExtMax:         {"at most %d extension headers", "확장 헤더(Extension Header) 최대 %d개"},
	phIPv4Datagram:       {"datagram of %d bytes (total length)", "%d바이트 데이터그램(전체 길이)"},
	phIPv4Header:         {"20-byte IPv4 header", "20바이트 IPv4 헤더"},
	phHeaderWordsMin:     {"header length of at least %d words", "최소 %d워드의 헤더 길이"},
	phHeaderWithOptions:  {"%d bytes header with options", "옵션을 포함한 %d바이트 헤더"},
	phTotalLengthMin:     {"total length of at least the %d bytes header", "헤더 %d바이트 이상의 전체 길이"},
	phNDPOptTypeLen:      {"2-byte option type and length", "2바이트 옵션 타입과 길이"},
	phNDPOptLenMin:       {"option length of at least 1 (8 bytes)", "최소 1(8바이트)의 옵션 길이"},
	phOptionOf:           {"option of %d bytes", "%d바이트 옵션"},
	phNDPMessageHeader:   {"%d bytes %[4]s header", "%[1]d바이트 %[5]s 헤더"},
	phExtVersion:         {"extension version %d", "확장(Extension) 버전 %d"},
	phExtEchoHeader:      {"8-byte extended echo header", "8바이트 확장 에코 헤더"},
	phExtHeader:          {"4-byte extension header", "4바이트 확장(Extension) 헤더"},
	phICMPHeader:         {"4-byte ICMP header", "4바이트 ICMP 헤더"},
	phEchoHeader:         {"8-byte echo header (identifier, sequence)", "8바이트 에코 헤더(식별자, 순서 번호)"},
	phTimestampMessage:   {"20-byte timestamp message", "20바이트 타임스탬프 메시지"},
	phInformationMessage: {"8-byte information message", "8바이트 정보 메시지"},
	phAddressMaskMessage: {"12-byte address mask message", "12바이트 주소 마스크 메시지"},
	phRouterSolicitation: {"8-byte router solicitation", "8바이트 라우터 요청(Router Solicitation)"},
	phExtEchoReply:       {"8-byte extended echo reply", "8바이트 확장 에코 응답"},
	phMLDv1Message:       {"24-byte MLDv1 message", "24바이트 MLDv1 메시지"},
	phNodeInfoHeader:     {"16-byte node information header", "16바이트 노드 정보 헤더"},
	phFamilyV4V6:         {"family ICMPv4 or ICMPv6", "ICMPv4 또는 ICMPv6"},
	phDNSSLName:          {"domain name ending in a zero label", "길이 0 레이블로 끝나는 도메인 이름"},
	phDNSSLLabel:         {"label of at most 63 bytes within the option", "옵션 안에 들어가는 최대 63바이트의 레이블"},
	phOptLinkAddr:        {"link-layer address option (type 1 or 2)", "링크 계층 주소 옵션(타입 1 또는 2)"},
	phOptPrefix:          {"prefix information option (type 3, 32 bytes)", "프리픽스 정보 옵션(타입 3, 32바이트)"},
	phOptMTU:             {"MTU option (type 5, 8 bytes)", "MTU 옵션(타입 5, 8바이트)"},
	phOptRedirected:      {"redirected header option (type 4)", "리다이렉트된 헤더 옵션(타입 4)"},
	phOptNonce:           {"nonce option (type 14)", "논스(Nonce) 옵션(타입 14)"},
	phOptRoute:           {"route information option (type 24, 8 to 24 bytes)", "경로 정보 옵션(타입 24, 8~24바이트)"},
	phOptRoutePrefix:     {"route information option long enough for its prefix length", "프리픽스 길이만큼 긴 경로 정보 옵션"},
	phOptRDNSS:           {"RDNSS option (type 25, 8 + 16n bytes)", "RDNSS 옵션(타입 25, 8 + 16n바이트)"},
	phOptDNSSL:           {"DNSSL option (type 31, at least 16 bytes)", "DNSSL 옵션(타입 31, 최소 16바이트)"},
	phEntrySizeMin:       {"address entry size of at least 2 words", "최소 2워드의 주소 항목 크기"},
	phAddressEntries:     {"%d address entries of %d words", "%[2]d워드 주소 항목 %[1]d개"},
	phRouterAdvertHeader: {"8-byte router advertisement header", "8바이트 라우터 광고(Router Advertisement) 헤더"},
	phUDPHeader:          {"8-byte UDP header", "8바이트 UDP 헤더"},
	phUDPLengthMin:       {"length of at least 8", "최소 8의 길이"},
	phUDPDatagram:        {"datagram of %d bytes (length)", "%d바이트 데이터그램(길이 필드)"},
	phTCPHeader:          {"20-byte TCP header", "20바이트 TCP 헤더"},
	phDataOffsetMin:      {"data offset of at least 5 words", "최소 5워드의 데이터 오프셋(Data Offset)"},
	phErrorHeader:        {"8-byte error header", "8바이트 오류 메시지 헤더"},
	phIfIndex:            {"4-byte ifIndex", "4바이트 ifIndex"},
	phAddrSubHeader:      {"IP address sub-object (AFI, reserved)", "IP 주소 하위 객체(AFI, 예약 필드)"},
	phAFIKnown:           {"AFI 1 (IPv4) or 2 (IPv6)", "AFI 1(IPv4) 또는 2(IPv6)"},
	phAddrSubObject:      {"%d bytes IP address sub-object", "%d바이트 IP 주소 하위 객체"},
	phNameSubLength:      {"name sub-object length", "이름 하위 객체 길이"},
	phNameSubLengthRule:  {"name sub-object length a multiple of 4 from 4 to 64", "4에서 64 사이 4의 배수인 이름 하위 객체 길이"},
	phNameSubObject:      {"%d bytes name sub-object", "%d바이트 이름 하위 객체"},
	phMTU4:               {"4-byte MTU", "4바이트 MTU"},
	phObjectEnd:          {"end of object after the sub-objects its C-Type names", "C-Type이 가리키는 하위 객체 바로 뒤의 객체 끝"},
	phInterfaceName:      {"interface name", "인터페이스 이름"},
	phAFILenReserved:     {"AFI, address length, reserved", "AFI, 주소 길이, 예약 필드"},
	phIPv4Address:        {"4-byte IPv4 address", "4바이트 IPv4 주소"},
	phIPv6Address:        {"16-byte IPv6 address", "16바이트 IPv6 주소"},
	phAFIWithLength:      {"AFI 1 with 4 address bytes or AFI 2 with 16", "주소 4바이트의 AFI 1 또는 16바이트의 AFI 2"},
	phIfInfoClass:        {"class %d", "클래스(Class) %d"},
	phIfIDCType:          {"C-Type 1 (name), 2 (index) or 3 (address)", "C-Type 1(이름), 2(인덱스), 3(주소) 중 하나"},
	phIPHeader:           {"IP header", "IP 헤더"},
	phIPVersion46:        {"IP version 4 or 6", "IP 버전 4 또는 6"},
	phObjectHeader:       {"4-byte object header", "4바이트 객체 헤더"},
	phObjectLengthMin:    {"object length of at least 4", "최소 4의 객체 길이"},
	phObjectOf:           {"object of %d bytes", "%d바이트 객체"},
	phMLDQuery:           {"24-byte MLD query", "24바이트 MLD 질의(Query)"},
	phMLDRecordHeader:    {"20-byte multicast address record", "20바이트 멀티캐스트 주소 레코드"},
	phMLDRecord:          {"record of %d bytes (%d sources, %d aux words)", "%d바이트 레코드(출발지 주소 %d개, 보조 데이터 %d워드)"},
	phMLDv2Query:         {"28-byte MLDv2 query", "28바이트 MLDv2 질의(Query)"},
	phMLDv2QuerySources:  {"MLDv2 query with %d sources", "출발지 주소 %d개를 담은 MLDv2 질의(Query)"},
	phMLDv2ReportHeader:  {"8-byte MLDv2 report header", "8바이트 MLDv2 보고(Report) 헤더"},
	phMLDRecordsEnd:      {"%d records ending the message", "메시지를 끝내는 레코드 %d개"},
	phQuotedIPHeader:     {"quoted IP header", "인용된 IP 헤더"},
	phQuotedUDP:          {"8-byte UDP header (ports, length, checksum)", "8바이트 UDP 헤더(포트, 길이, 체크섬)"},
	phQuotedTCP:          {"8 bytes of TCP header (ports, sequence number)", "TCP 헤더의 처음 8바이트(포트, 순서 번호)"},
	phICMPTypeCode:       {"ICMP type and code", "ICMP 타입과 코드"},
	phExtEchoHeaderIDSeq: {"8-byte extended echo header (identifier, sequence)", "8바이트 확장 에코 헤더(식별자, 순서 번호)"},
	phICMPError:          {"an ICMP error message", "ICMP 오류 메시지"},
	phHeaderN:            {"%d-byte header", "%d바이트 헤더"},
	phHeaderLengthMin:    {"header length of at least 20 bytes", "최소 20바이트의 헤더 길이"},
	phPseudoV6:           {"IPv6 source and destination for the pseudo-header", "의사 헤더(Pseudo-Header)에 쓸 IPv6 출발지와 목적지"},
	phUDPOrTCP:           {"UDP or TCP", "UDP 또는 TCP"},
	phUpToChecksum:       {"%d bytes up to the checksum", "체크섬까지 %d바이트"},
	phPseudoOneVersion:   {"source and destination of one IP version for the pseudo-header", "의사 헤더(Pseudo-Header)에 쓸 같은 IP 버전의 출발지와 목적지"},
}

// phrase is kind k with its numbers.
func phrase(k phraseKind, n ...int) Phrase {
	p := Phrase{kind: k}
	copy(p.n[:], n)
	return p
}

// words is a phrase that keeps its words as they are in every language.
func words(s string) Phrase { return Phrase{kind: phText, s: [2]string{s}} }

// bytesFound is "N bytes", what most faults found.
func bytesFound(n int) Phrase { return phrase(phBytes, n) }

// IsZero reports whether there is no phrase.
func (p Phrase) IsZero() bool { return p.kind == phNone }

// String is the phrase in English.
func (p Phrase) String() string { return p.format(false) }

// KO is the phrase in Korean.
func (p Phrase) KO() string { return p.format(true) }

func (p Phrase) format(ko bool) string {
	if p.kind == phNone || p.kind >= phraseKinds {
		return ""
	}
	return wording.Format(phraseTexts[p.kind].In(ko), p.n, p.s)
}
