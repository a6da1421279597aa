package codec

import (
	"errors"
	"strconv"
	"strings"
)

// KO is the error in Korean, for a Korean reader of a dissection: the
// layer, where and what went wrong, and what was expected and found, each
// worded from the same catalogue as Error's English (phrase.go), with the
// English kind of fault kept beside the Korean.
func (e *ParseError) KO() string {
	s := layerKO(e.Layer) + ": 바이트 " + strconv.Itoa(e.Offset) + "에서 " + SentinelKO(e.Err)
	switch {
	case !e.Want.IsZero() && !e.Have.IsZero():
		s += " (필요(want): " + e.Want.KO() + ", 실제(have): " + e.Have.KO() + ")"
	case !e.Want.IsZero():
		s += " (필요(want): " + e.Want.KO() + ")"
	}
	return s
}

// SentinelKO is one of the sentinel errors in Korean, the English kept
// beside it; any other error is its own text.
func SentinelKO(err error) string {
	switch {
	case errors.Is(err, ErrTruncated):
		return "잘림(truncated)"
	case errors.Is(err, ErrMalformed):
		return "형식 오류(malformed)"
	case errors.Is(err, ErrBadLength):
		return "길이 오류(bad length)"
	case errors.Is(err, ErrBadChecksum):
		return "체크섬 오류(bad checksum)"
	case errors.Is(err, ErrUnsupported):
		return "지원하지 않음(not supported)"
	case errors.Is(err, ErrWrongKind):
		return "다른 종류의 메시지(wrong message kind)"
	case err == nil:
		return ""
	}
	return err.Error()
}

// layerKO is a ParseError's layer in Korean: protocol names stay, the
// words around them are translated ("quoted UDP" is "인용된 UDP").
func layerKO(layer string) string {
	if rest, ok := strings.CutPrefix(layer, "quoted "); ok {
		return "인용된 " + layerKO(rest)
	}
	switch layer {
	case "extension":
		return "확장(Extension)"
	case "NDP option":
		return "NDP 옵션(Option)"
	case "MLDv2 record":
		return "MLDv2 레코드(Record)"
	case "transport":
		return "전송 계층(Transport)"
	case "interface information":
		return "인터페이스 정보(Interface Information)"
	case "interface identification":
		return "인터페이스 식별(Interface Identification)"
	}
	return layer
}
