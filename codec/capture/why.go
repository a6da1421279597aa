package capture

import (
	"compress/flate"
	"compress/gzip"
	"errors"
	"strconv"
	"strings"

	"icmplab/codec/internal/wording"
)

// Why is what a reader found wrong in a capture file (a FormatError's
// reason), kept as a kind with its numbers and the words it quotes, so that
// it is worded in English (String, the Msg FormatError has always carried)
// and in Korean (KO) from one catalogue, whyTexts. A program compares
// kinds, never the English.
type Why struct {
	kind whyKind
	n    [3]int64
	s    [2]string // magic numbers in hex, product names: kept as they are
}

// whyKind names a Why.
type whyKind uint8

// The reasons. Each has an entry in whyTexts: fmt formats taking the
// numbers (n), then the words (%[4]s, %[5]s).
const (
	whyNone whyKind = iota
	whyTotalNotMultiple
	whyTotalTooSmall
	whyTotalTooLarge
	whyTrailerDiffers
	whyByteOrderMagic
	whyNgVersion
	whyBodyShort
	whyTSResol
	whyNoSuchIface
	whyCapLenOverruns
	whyNoIface
	whyFileShort
	whyVariant
	whyUnknownMagic
	whyEndsAfter
	whyPcapVersion
	whyCapLenTooLarge
	whyKinds // how many there are
)

// whyTexts are the reasons' English and Korean.
var whyTexts = [whyKinds]wording.Text{
	whyTotalNotMultiple: {"total length %d is not a multiple of 4", "전체 길이 %d이 4의 배수가 아닙니다"},
	whyTotalTooSmall:    {"total length %d is less than the %d bytes this block needs", "전체 길이 %d이 이 블록에 필요한 %d바이트보다 작습니다"},
	whyTotalTooLarge:    {"total length %d is over the limit of %d bytes", "전체 길이 %d이 한도 %d바이트를 넘습니다"},
	whyTrailerDiffers:   {"trailing total length %d differs from the leading %d", "끝의 전체 길이 %d이 앞의 %d과 다릅니다"},
	whyByteOrderMagic:   {"byte-order magic %[4]s where 1a2b3c4d was expected", "바이트 순서 매직 넘버가 1a2b3c4d가 아니라 %[4]s입니다"},
	whyNgVersion:        {"version %d.%d, where 1.0 was expected", "버전 %d.%d (1.0이어야 합니다)"},
	whyBodyShort:        {"body of %d bytes, fewer than the %d it needs", "본문이 %d바이트로, 필요한 %d바이트보다 짧습니다"},
	whyTSResol:          {"if_tsresol %d is finer than 64-bit time stamps can hold", "인터페이스의 시간 해상도 %d은 64비트 타임스탬프에 담을 수 없을 만큼 작습니다"},
	whyNoSuchIface:      {"interface %d is not described in this section (it has %d)", "인터페이스 %d은 이 섹션에 기술되지 않았습니다(섹션의 인터페이스는 %d개)"},
	whyCapLenOverruns:   {"captured length %d overruns the block's %d bytes of data", "캡처 길이 %d이 블록의 데이터 %d바이트를 넘어섭니다"},
	whyNoIface:          {"no interface is described in this section before it", "이 블록 앞에 이 섹션의 인터페이스가 하나도 기술되지 않았습니다"},
	whyFileShort:        {"the file holds %d bytes, fewer than a magic number", "파일이 %d바이트뿐이라 매직 넘버보다 짧습니다"},
	whyVariant:          {"magic number %[4]s marks a %[5]s pcap variant, which is not supported", "매직 넘버 %[4]s은 지원하지 않는 %[5]s pcap 변종입니다"},
	whyUnknownMagic:     {"magic number %[4]s is neither pcap (a1b2c3d4, a1b23c4d), pcapng (0a0d0d0a) nor gzip (1f8b)", "매직 넘버 %[4]s은 pcap(a1b2c3d4, a1b23c4d)도, pcapng(0a0d0d0a)도, gzip(1f8b)도 아닙니다"},
	whyEndsAfter:        {"the file ends after %d of its %d bytes", "%[2]d바이트 중 %[1]d바이트에서 파일이 끝납니다"},
	whyPcapVersion:      {"version %d.%d, where 2.4 was expected", "버전 %d.%d (2.4여야 합니다)"},
	whyCapLenTooLarge:   {"captured length %d is over the limit of %d bytes", "캡처 길이 %d이 한도 %d바이트를 넘습니다"},
}

// why is kind k with its numbers.
func why(k whyKind, n ...int64) Why {
	w := Why{kind: k}
	copy(w.n[:], n)
	return w
}

// whyQuoting is kind k quoting words.
func whyQuoting(k whyKind, s ...string) Why {
	w := Why{kind: k}
	copy(w.s[:], s)
	return w
}

// IsZero reports whether there is no reason.
func (w Why) IsZero() bool { return w.kind == whyNone }

// String is the reason in English.
func (w Why) String() string { return w.format(false) }

// KO is the reason in Korean.
func (w Why) KO() string { return w.format(true) }

func (w Why) format(ko bool) string {
	if w.kind == whyNone || w.kind >= whyKinds {
		return ""
	}
	return wording.Format(whyTexts[w.kind].In(ko), w.n, w.s)
}

// formatErr is a FormatError whose reason is w.
func formatErr(format, what string, offset int64, w Why, err error) *FormatError {
	return &FormatError{Format: format, What: what, Offset: offset, Msg: w.String(), Why: w, Err: err}
}

// whatKO is the part of a file named by FormatError.What, in Korean.
func whatKO(what string) string {
	switch what {
	case "file header":
		return "파일 헤더"
	case "header":
		return "헤더"
	case "record":
		return "레코드"
	case "block":
		return "블록"
	case "section header block":
		return "섹션 헤더 블록"
	case "interface description block":
		return "인터페이스 설명 블록"
	case "enhanced packet block":
		return "확장 패킷 블록"
	case "simple packet block":
		return "단순 패킷 블록"
	case "packet block":
		return "패킷 블록"
	}
	if typ, ok := strings.CutPrefix(what, "block (type "); ok {
		return "블록(타입 " + typ
	}
	return what
}

// formatKO is FormatError.Format in Korean: the format names stay.
func formatKO(format string) string {
	if format == "capture" {
		return "캡처"
	}
	return format
}

// errKO words an error that came from below the reader (gzip, flate, the
// file) in Korean, keeping its numbers; any other error is its own text.
func errKO(err error) string {
	var ce flate.CorruptInputError
	switch {
	case errors.As(err, &ce):
		return "압축된 데이터가 바이트 " + strconv.FormatInt(int64(ce), 10) + " 앞에서 손상되었습니다"
	case errors.Is(err, gzip.ErrChecksum):
		return "gzip 체크섬이 맞지 않습니다"
	case errors.Is(err, gzip.ErrHeader):
		return "gzip 헤더가 올바르지 않습니다"
	case errors.Is(err, ErrTruncated):
		return "잘렸습니다"
	case errors.Is(err, ErrMalformed):
		return "형식이 올바르지 않습니다"
	case errors.Is(err, ErrTooLarge):
		return "너무 큽니다"
	case errors.Is(err, ErrUnsupported):
		return "지원하지 않습니다"
	case err == nil:
		return ""
	}
	return err.Error()
}
