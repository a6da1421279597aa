package dissect

import (
	"errors"
	"fmt"
	"strconv"

	"icmplab/codec"
)

// NoteKind names what a note says, whatever the language it is written in:
// the one place where the dissector's remarks are worded, in English and in
// Korean, with the same numbers (offsets, lengths, checksums) in both. A
// program tells notes apart by their kind, never by their English.
type NoteKind uint8

// The kinds of note Dissect writes. Each has an entry in noteTexts.
const (
	NoteNone                  NoteKind = iota
	NoteHeaderTruncated                // a header needs more bytes than were captured
	NoteICMPHeaderShort                // fewer than the 4 bytes of type, code and checksum
	NoteQuoteEndsAfter                 // a quote stops inside a transport header
	NoteQuoteEndsInside                // a quote stops inside an IPv6 extension header
	NoteQuoteEndsInOptions             // a quote stops inside the TCP options
	NoteQuoteHolds                     // a quote holds part of the datagram (normal)
	NoteQuoteEndsHere                  // codec stopped where the quote ends
	NoteQuoteNotIP                     // the quote starts with neither IPv4 nor IPv6
	NoteNoQuote                        // an error that quotes nothing
	NoteCaptureKept                    // the snap length kept part of the datagram
	NoteCaptureCut                     // codec stopped where the capture ends
	NoteChecksumBad                    // an upper-layer checksum is wrong
	NoteIPv4ChecksumBad                // the IPv4 header checksum is wrong
	NoteExtChecksumBad                 // the RFC 4884 extension checksum is wrong
	NoteICMPv6NoPseudo                 // an ICMPv6 checksum without its IPv6 header
	NoteParseError                     // codec found the message malformed
	NoteParseErrorReassembled          // the same inside a reassembled datagram
	NoteLegacyExtensions               // extensions at offset 128 with a length field
	NoteMPLSTrailing                   // an MPLS object not a multiple of 4 bytes
	NoteIPVersion                      // neither 4 nor 6 where IP was expected
	NoteIPv4Version                    // an IPv4 header with another version
	NoteIPv6Version                    // an IPv6 header with another version
	NoteIPv4HeaderShort                // IHL below 5
	NoteIPv4HeaderLong                 // IHL beyond the bytes captured
	NoteIPv4TotalShort                 // total length below the header length
	NoteIPv4TotalLong                  // total length beyond the bytes captured
	NoteIPv6PayloadLong                // payload length beyond the bytes captured
	NoteIPv6TooManyExt                 // more extension headers than followed
	NoteIPv6ExtLong                    // an extension header's length beyond the bytes left
	NoteIPv6OptionFit                  // an IPv6 option beyond its header
	NoteIPv4OptNoLength                // an IPv4 option without its length byte
	NoteIPv4OptLength                  // an IPv4 option longer than the options left
	NoteRouterAlertLength              // a router alert option not 4 bytes long
	NoteRouteOptShort                  // a route option shorter than 3 bytes
	NoteRouteOptOdd                    // a route option not 3 + 4n bytes
	NoteTimestampOptShort              // a timestamp option shorter than 4 bytes
	NoteTimestampOptOdd                // a timestamp option not 4 + k·n bytes
	NoteFragment                       // a fragment kept for reassembly, or not reassembled
	NoteFirstFragment                  // a first fragment dissected alone
	NoteFragmentTooFar                 // a fragment past the largest datagram
	NoteGivenUpSelf                    // the fragment's own datagram dropped to keep the reassembler's bounds
	NoteGivenUpSelfMany                // several datagrams dropped, the fragment's among them
	NoteGivenUpOldest                  // the oldest datagram dropped
	NoteGivenUpOldestMany              // the n oldest datagrams dropped
	NoteTooDeep                        // more encapsulations than followed
	NotePPPoELong                      // a PPPoE length beyond the bytes present
	NoteUDPLengthShort                 // a UDP length below its header
	NoteUDPLengthLong                  // a UDP length beyond the datagram
	NoteTCPHeaderShort                 // a TCP data offset below 5
	NoteTCPHeaderLong                  // a TCP data offset beyond the bytes present
	noteKinds                          // how many there are
)

// noteText is a kind's id and its sentence in each language: fmt formats
// taking the same arguments, the Korean one with explicit indexes where
// Korean word order differs ("%[2]d").
type noteText struct{ id, en, ko string }

var noteTexts = [noteKinds]noteText{
	NoteNone:                  {"none", "", ""},
	NoteHeaderTruncated:       {"header_truncated", "%s header needs %d bytes at offset %d, only %d captured", "%[1]s 헤더(Header)는 오프셋 %[3]d부터 %[2]d바이트가 필요하지만 캡처된 것은 %[4]d바이트뿐임"},
	NoteICMPHeaderShort:       {"icmp_header_short", "%s header needs 4 bytes at offset %d, only %d present", "%[1]s 헤더(Header)는 오프셋 %[2]d부터 4바이트가 필요하지만 %[3]d바이트뿐임"},
	NoteQuoteEndsAfter:        {"quote_ends_after", "the quote ends after %d bytes of the %s header", "인용이 %[2]s 헤더(Header) %[1]d바이트 뒤에서 끝남"},
	NoteQuoteEndsInside:       {"quote_ends_inside", "the quote ends inside the %s header", "인용이 %s 안에서 끝남"},
	NoteQuoteEndsInOptions:    {"quote_ends_in_options", "the quote ends inside the TCP options", "인용이 TCP 옵션(Option) 안에서 끝남"},
	NoteQuoteHolds:            {"quote_holds", "the quote holds %d of the datagram's %d bytes", "인용에는 데이터그램(Datagram) %[2]d바이트 중 %[1]d바이트가 담겨 있음"},
	NoteQuoteEndsHere:         {"quote_ends_here", "the quote ends here: %v", "인용이 여기서 끝남: %v"},
	NoteQuoteNotIP:            {"quote_not_ip", "the quote does not start with an IPv4 or IPv6 header (version %d)", "인용이 IPv4나 IPv6 헤더(Header)로 시작하지 않음 (버전 %d)"},
	NoteNoQuote:               {"no_quote", "the error quotes no datagram: the sender cannot tell which packet failed", "오류 메시지에 인용된 데이터그램(Datagram)이 없음: 보낸 쪽은 어느 패킷이 실패했는지 알 수 없음"},
	NoteCaptureKept:           {"capture_kept", "capture kept %d of the datagram's %d bytes", "캡처에는 데이터그램(Datagram) %[2]d바이트 중 %[1]d바이트만 저장됨"},
	NoteCaptureCut:            {"capture_cut", "capture cut short: %v", "캡처가 중간에 잘림: %v"},
	NoteChecksumBad:           {"checksum_bad", "%s checksum 0x%04x is wrong, should be 0x%04x", "%[1]s 체크섬(Checksum) 0x%04[2]x 값이 틀림, 올바른 값은 0x%04[3]x"},
	NoteIPv4ChecksumBad:       {"ip_checksum_bad", "IPv4 header checksum 0x%04x is wrong, should be 0x%04x", "IPv4 헤더 체크섬(Header Checksum) 0x%04[1]x 값이 틀림, 올바른 값은 0x%04[2]x"},
	NoteExtChecksumBad:        {"ext_checksum_bad", "extension checksum 0x%04x is wrong, should be 0x%04x", "확장(Extension) 체크섬(Checksum) 0x%04[1]x 값이 틀림, 올바른 값은 0x%04[2]x"},
	NoteICMPv6NoPseudo:        {"icmpv6_no_pseudo", "ICMPv6 checksum needs the IPv6 addresses: unverifiable without the IP header", "ICMPv6 체크섬(Checksum)은 IPv6 주소가 있어야 계산됨: IP 헤더(Header) 없이는 검증할 수 없음"},
	NoteParseError:            {"parse_error", "%v (byte %d of the frame)", "%[1]v (프레임의 바이트 %[2]d)"},
	NoteParseErrorReassembled: {"parse_error_reassembled", "%v (byte %d of the reassembled datagram)", "%[1]v (재조립된 데이터그램의 바이트 %[2]d)"},
	NoteLegacyExtensions:      {"legacy_extensions", "extension structure at offset 128 with a length field of %d: a pre-RFC 4884 router (legacy layout)", "오프셋 128에 확장(Extension) 구조가 있고 길이 필드는 %d임: RFC 4884 이전 방식의 라우터(legacy layout)"},
	NoteMPLSTrailing:          {"mpls_trailing", "MPLS object has %d bytes after its last 4-byte entry", "MPLS 객체의 마지막 4바이트 항목 뒤에 %d바이트가 남음"},
	NoteIPVersion:             {"ip_version", "IP version %d at byte %d: expected 4 or 6", "바이트 %[2]d의 IP 버전이 %[1]d임: 4 또는 6이어야 함"},
	NoteIPv4Version:           {"ipv4_version", "IPv4 version field is %d at byte %d: expected 4", "바이트 %[2]d의 IPv4 버전 필드가 %[1]d임: 4여야 함"},
	NoteIPv6Version:           {"ipv6_version", "IPv6 version field is %d at byte %d: expected 6", "바이트 %[2]d의 IPv6 버전 필드가 %[1]d임: 6이어야 함"},
	NoteIPv4HeaderShort:       {"ipv4_header_short", "IPv4 header length %d bytes at byte %d is less than the minimum 20", "바이트 %[2]d의 IPv4 헤더 길이(Header Length) %[1]d바이트가 최소값 20보다 작음"},
	NoteIPv4HeaderLong:        {"ipv4_header_long", "IPv4 header length %d bytes exceeds the %d bytes captured", "IPv4 헤더 길이(Header Length) %[1]d바이트가 캡처된 %[2]d바이트보다 김"},
	NoteIPv4TotalShort:        {"ipv4_total_short", "IPv4 total length %d is less than the header length %d", "IPv4 전체 길이(Total Length) %[1]d 값이 헤더 길이 %[2]d보다 작음"},
	NoteIPv4TotalLong:         {"ipv4_total_long", "IPv4 total length %d exceeds the %d captured bytes", "IPv4 전체 길이(Total Length) %[1]d 값이 캡처된 %[2]d바이트보다 김"},
	NoteIPv6PayloadLong:       {"ipv6_payload_long", "IPv6 payload length %d exceeds the %d bytes captured after the header", "IPv6 페이로드 길이(Payload Length) %[1]d 값이 헤더 뒤에 캡처된 %[2]d바이트보다 김"},
	NoteIPv6TooManyExt:        {"ipv6_too_many_ext", "more than 16 IPv6 extension headers at byte %d: not followed", "바이트 %d에서 IPv6 확장 헤더(Extension Header)가 16개를 넘음: 더 따라가지 않음"},
	NoteIPv6ExtLong:           {"ipv6_ext_long", "%s length %d bytes at byte %d exceeds the %d bytes left", "바이트 %[3]d의 %[1]s 길이 %[2]d바이트가 남은 %[4]d바이트보다 김"},
	NoteIPv6OptionFit:         {"ipv6_option_fit", "IPv6 option %d at byte %d does not fit the %d bytes left", "바이트 %[2]d의 IPv6 옵션(Option) %[1]d번이 남은 %[3]d바이트에 들어가지 않음"},
	NoteIPv4OptNoLength:       {"ipv4_opt_no_length", "IPv4 option %d at byte %d has no length byte", "바이트 %[2]d의 IPv4 옵션(Option) %[1]d번에 길이 바이트가 없음"},
	NoteIPv4OptLength:         {"ipv4_opt_length", "IPv4 option %d length %d at byte %d does not fit the %d option bytes left", "바이트 %[3]d의 IPv4 옵션(Option) %[1]d 길이 %[2]d 값이 남은 옵션 %[4]d바이트에 들어가지 않음"},
	NoteRouterAlertLength:     {"router_alert_length", "router alert option length %d at byte %d: expected 4", "바이트 %[2]d의 라우터 경고(Router Alert) 옵션 길이가 %[1]d임: 4여야 함"},
	NoteRouteOptShort:         {"route_opt_short", "route option length %d at byte %d: needs at least 3", "바이트 %[2]d의 경로(Route) 옵션 길이가 %[1]d임: 최소 3이어야 함"},
	NoteRouteOptOdd:           {"route_opt_odd", "route option length %d at byte %d is not 3 + 4n", "바이트 %[2]d의 경로(Route) 옵션 길이 %[1]d 값이 3 + 4n이 아님"},
	NoteTimestampOptShort:     {"timestamp_opt_short", "timestamp option length %d at byte %d: needs at least 4", "바이트 %[2]d의 타임스탬프(Timestamp) 옵션 길이가 %[1]d임: 최소 4여야 함"},
	NoteTimestampOptOdd:       {"timestamp_opt_odd", "timestamp option length %d at byte %d is not 4 + %dn", "바이트 %[2]d의 타임스탬프(Timestamp) 옵션 길이 %[1]d 값이 4 + %[3]dn이 아님"},
	NoteFragment:              {"fragment", "fragment of %s", "%s의 조각(Fragment)"},
	NoteFirstFragment:         {"first_fragment", "first fragment of %s: the rest is in other frames", "%s의 첫 조각(Fragment): 나머지는 다른 프레임에 있음"},
	NoteFragmentTooFar:        {"fragment_too_far", "fragment not kept for reassembly: it ends at byte %d, past the largest datagram (65,535 bytes)", "재조립(Reassembly)에 쓰지 않은 조각: 바이트 %d에서 끝나 가장 큰 데이터그램(65,535바이트)을 넘음"},
	NoteGivenUpSelf:           {"given_up_self", "this fragment's datagram given up: %s", "이 조각의 데이터그램 재조립을 포기함: %s"},
	NoteGivenUpSelfMany:       {"given_up_self_many", "%d datagrams given up, this fragment's among them: %s", "이 조각의 것을 포함해 데이터그램 %[1]d개의 재조립을 포기함: %[2]s"},
	NoteGivenUpOldest:         {"given_up_oldest", "the oldest datagram in reassembly given up: %s", "재조립 중인 가장 오래된 데이터그램을 포기함: %s"},
	NoteGivenUpOldestMany:     {"given_up_oldest_many", "the %d oldest datagrams in reassembly given up: %s", "재조립 중인 가장 오래된 데이터그램 %[1]d개를 포기함: %[2]s"},
	NoteTooDeep:               {"too_deep", "nesting deeper than %d encapsulations at byte %d: not followed", "바이트 %[2]d에서 캡슐화(Encapsulation)가 %[1]d단계보다 깊음: 더 따라가지 않음"},
	NotePPPoELong:             {"pppoe_long", "PPPoE payload length %d exceeds the %d bytes present", "PPPoE 페이로드 길이(Payload Length) %[1]d 값이 남은 %[2]d바이트보다 김"},
	NoteUDPLengthShort:        {"udp_length_short", "UDP length %d at byte %d is less than the 8-byte header", "바이트 %[2]d의 UDP 길이(Length) %[1]d 값이 8바이트 헤더보다 작음"},
	NoteUDPLengthLong:         {"udp_length_long", "UDP length %d exceeds the %d bytes of the datagram", "UDP 길이(Length) %[1]d 값이 데이터그램의 %[2]d바이트보다 김"},
	NoteTCPHeaderShort:        {"tcp_header_short", "TCP header length %d at byte %d is less than 20", "바이트 %[2]d의 TCP 헤더 길이(Header Length) %[1]d 값이 20보다 작음"},
	NoteTCPHeaderLong:         {"tcp_header_long", "TCP header length %d exceeds the %d bytes present", "TCP 헤더 길이(Header Length) %[1]d 값이 남은 %[2]d바이트보다 김"},
}

// NoteKinds lists every kind of note, for tests and documentation.
func NoteKinds() []NoteKind {
	out := make([]NoteKind, 0, noteKinds-1)
	for k := NoteNone + 1; k < noteKinds; k++ {
		out = append(out, k)
	}
	return out
}

// String is the kind's stable id ("ipv4_total_long").
func (k NoteKind) String() string {
	if k < noteKinds {
		return noteTexts[k].id
	}
	return "note(" + strconv.Itoa(int(k)) + ")"
}

// MarshalText writes the kind's id for JSON.
func (k NoteKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a kind's id back; an id this version does not know
// reads as NoteNone, so a newer producer's notes still load.
func (k *NoteKind) UnmarshalText(b []byte) error {
	*k = NoteNone
	for i, t := range noteTexts {
		if t.id == string(b) {
			*k = NoteKind(i)
			break
		}
	}
	return nil
}

// Format is the kind's sentence pattern in l, for a test or a translator;
// Dissect fills it with the note's numbers.
func (k NoteKind) Format(l Lang) string {
	if k >= noteKinds {
		return ""
	}
	return l.say(noteTexts[k].en, noteTexts[k].ko)
}

// worded is an argument of a note that has its own words in each language
// (a codec error, the description of a fragment): formatted by in, not by
// fmt, so a Korean note does not quote English.
type worded interface{ in(Lang) string }

// noteMessage writes kind k in l with args, turning worded arguments into
// l's words first.
func noteMessage(l Lang, k NoteKind, args []any) string {
	for i, a := range args {
		if w, ok := a.(worded); ok {
			args[i] = w.in(l)
		}
	}
	return fmt.Sprintf(k.Format(l), args...)
}

// parseErr is a codec error as a note argument: codec's own text in
// English, and codec's Korean (ParseError.KO, worded from the same
// catalogue) in Korean.
type parseErr struct{ err error }

func (p parseErr) in(l Lang) string {
	var pe *codec.ParseError
	if l != LangKO || !errors.As(p.err, &pe) {
		return p.err.Error()
	}
	return pe.KO()
}

// reassemblyBound is the reassembler's bound a fragment passed: the count
// of datagrams or the bytes held.
type reassemblyBound struct {
	bytes bool
	limit int
}

func (r reassemblyBound) in(l Lang) string {
	lim := strconv.Itoa(r.limit)
	switch {
	case l == LangKO && r.bytes:
		return "재조립에 쓰는 메모리가 " + lim + "바이트를 넘음"
	case l == LangKO:
		return "재조립 중인 데이터그램이 " + lim + "개를 넘음"
	case r.bytes:
		return "more than " + lim + " bytes held for reassembly"
	}
	return "more than " + lim + " datagrams in reassembly"
}

// pendingNote is a note waiting for the frame that caused it (the
// reassembler's), kept as kind and numbers until the language is known.
type pendingNote struct {
	kind NoteKind
	args []any
}
