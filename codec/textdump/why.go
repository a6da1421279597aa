package textdump

import "icmplab/codec/internal/wording"

// Why is what a reader found wrong in the text (a SyntaxError's reason),
// kept as a kind with its numbers and the piece of input it quotes, so that
// it is worded in English (String, the Msg SyntaxError has always carried)
// and in Korean (KO) from one catalogue, whyTexts. A program compares
// kinds, never the English.
type Why struct {
	kind whyKind
	n    [3]int
	s    string // the input quoted as it is: a character, a token, a dialect name
}

// whyKind names a Why.
type whyKind uint8

// The reasons. Each has an entry in whyTexts: fmt formats taking the
// numbers (n), then the quoted input (%[4]s): see wording.Text.
const (
	whyNone whyKind = iota
	whyLimitOf
	whyLimit
	whyUnknownDialect
	whyK12Bar
	whyK12Offset
	whyK12OffsetAt
	whyK12Digits
	whyK12BarAfter
	whyBraceEnd
	whyCommaNoValue
	whyCommaOrBrace
	whyByteValue
	whyNotNumber
	whyNotByte
	whyNoBytesLiteral
	whyPyOpenLine
	whyPyNonASCII
	whyPyHexEscape
	whyPyOctal
	whyPyNeverClosed
	whyFromHexQuote
	whyFromHexClosed
	whyStarNoEnd
	whyStarPastLimit
	whyStarFirst
	whyHexAfterOffset
	whyFinalOffset
	whyOffsetAt
	whyOffsetAtLine
	whyStarNotWhole
	whyNotHex
	whyOddHex
	whyOddHexN
	whyGroupMax
	whyGroupWord
	whyStarNoOffsets
	whyB64Mixed
	whyB64Padding
	whyB64Extra
	whyB64Invalid
	whyB64Char
	whyKinds // how many there are
)

// whyTexts are the reasons' English and Korean.
var whyTexts = [whyKinds]wording.Text{
	whyLimitOf:        {"more bytes than the limit of %d", "바이트가 한도 %d개보다 많습니다"},
	whyLimit:          {"more bytes than the limit", "바이트가 한도보다 많습니다"},
	whyUnknownDialect: {"unknown dialect %[4]s", "알 수 없는 형식 %[4]s"},
	whyK12Bar:         {"expected '|' after the offset cell", "오프셋 칸 뒤에 '|'가 있어야 합니다"},
	whyK12Offset:      {"expected a decimal offset in the first cell, found %[4]s", "첫 칸에 10진 오프셋이 있어야 하는데 %[4]s이(가) 있습니다"},
	whyK12OffsetAt:    {"offset %d where %d was expected", "오프셋 %[2]d이어야 할 자리에 %[1]d이 있습니다"},
	whyK12Digits:      {"expected two hex digits in a cell", "칸마다 16진 숫자 두 개가 있어야 합니다"},
	whyK12BarAfter:    {"expected '|' after two hex digits", "16진 숫자 두 개 뒤에 '|'가 있어야 합니다"},
	whyBraceEnd:       {"the text ends inside braces: expected '}'", "중괄호 안에서 텍스트가 끝났습니다: '}'가 있어야 합니다"},
	whyCommaNoValue:   {"',' where a byte value was expected", "바이트 값이 있어야 할 자리에 ','가 있습니다"},
	whyCommaOrBrace:   {"expected ',' or '}' after a byte value, found %[4]s", "바이트 값 뒤에 ','나 '}'가 있어야 하는데 %[4]s이(가) 있습니다"},
	whyByteValue:      {"%[4]s where a byte value (like 0x45) was expected", "바이트 값(0x45 같은)이 있어야 할 자리에 %[4]s이(가) 있습니다"},
	whyNotNumber:      {"%[4]s is not a number", "%[4]s은(는) 숫자가 아닙니다"},
	whyNotByte:        {"%[4]s does not fit in a byte", "%[4]s은(는) 한 바이트에 들어가지 않습니다"},
	whyNoBytesLiteral: {"no bytes literal (b'...') found", "바이트 리터럴(b'...')을 찾지 못했습니다"},
	whyPyOpenLine:     {"the string literal is not closed on its line: expected %[4]s", "문자열 리터럴이 그 줄에서 닫히지 않았습니다: %[4]s이(가) 있어야 합니다"},
	whyPyNonASCII:     {"non-ASCII character in a bytes literal (write it as \\xNN)", "바이트 리터럴 안에 ASCII가 아닌 문자가 있습니다(\\xNN으로 쓰세요)"},
	whyPyHexEscape:    {"\\x must be followed by two hex digits", "\\x 뒤에는 16진 숫자 두 개가 와야 합니다"},
	whyPyOctal:        {"octal escape above \\377", "\\377보다 큰 8진 이스케이프입니다"},
	whyPyNeverClosed:  {"the string literal is never closed: expected %[4]s", "문자열 리터럴이 닫히지 않았습니다: %[4]s이(가) 있어야 합니다"},
	whyFromHexQuote:   {"expected a quoted string after fromhex(", "fromhex( 뒤에 따옴표로 묶은 문자열이 있어야 합니다"},
	whyFromHexClosed:  {"the string is never closed: expected %[4]s", "문자열이 닫히지 않았습니다: %[4]s이(가) 있어야 합니다"},
	whyStarNoEnd:      {"'*' repeat line is not followed by the offset where the repeat ends", "'*' 반복 줄 뒤에 반복이 끝나는 오프셋이 없습니다"},
	whyStarPastLimit:  {"'*' repeat expands to %d bytes, past the limit of %d", "'*' 반복을 펼치면 %d바이트로 한도 %d바이트를 넘습니다"},
	whyStarFirst:      {"'*' repeat line before any line of bytes", "바이트 줄보다 먼저 '*' 반복 줄이 있습니다"},
	whyHexAfterOffset: {"expected hex bytes after the offset", "오프셋 뒤에 16진 바이트가 있어야 합니다"},
	whyFinalOffset:    {"final offset %#x does not match the %#x bytes read", "마지막 오프셋 %#x이 읽은 바이트 수 %#x와 맞지 않습니다"},
	whyOffsetAt:       {"offset %#x where %#x was expected", "오프셋 %#[2]x이어야 할 자리에 %#[1]x이 있습니다"},
	whyOffsetAtLine:   {"offset %#x where %#x was expected (the line before holds %d bytes)", "오프셋 %#[2]x이어야 할 자리에 %#[1]x이 있습니다(앞 줄은 %[3]d바이트)"},
	whyStarNotWhole:   {"offset %#x after '*' is not a whole number of repeated %d-byte lines past %#x", "'*' 뒤의 오프셋 %#x은 %#[3]x부터 반복한 %[2]d바이트 줄의 정수배가 아닙니다"},
	whyNotHex:         {"%[4]s is not a hex digit", "%[4]s은(는) 16진 숫자가 아닙니다"},
	whyOddHex:         {"odd number of hex digits", "16진 숫자의 개수가 홀수입니다"},
	whyOddHexN:        {"odd number of hex digits (%d)", "16진 숫자의 개수가 홀수입니다(%d개)"},
	whyGroupMax:       {"a group of %d hex digits where at most %d were expected", "16진 숫자가 최대 %[2]d개여야 할 묶음에 %[1]d개가 있습니다"},
	whyGroupWord:      {"a group of %d hex digits where a 16-bit word (4 digits) was expected", "16비트 워드(16진 숫자 4개)여야 할 묶음에 16진 숫자가 %d개 있습니다"},
	whyStarNoOffsets:  {"'*' repeat line without offsets cannot be expanded: run od with -v, or with -Ax to keep the offsets", "오프셋이 없는 '*' 반복 줄은 펼칠 수 없습니다: od를 -v로, 또는 오프셋이 남도록 -Ax로 실행하세요"},
	whyB64Mixed:       {"standard (+/) and URL-safe (-_) base64 mixed in one block", "한 블록에 표준(+/) base64와 주소용(-_) base64가 섞여 있습니다"},
	whyB64Padding:     {"'=' padding before the end of the base64 text", "base64 텍스트가 끝나기 전에 '=' 채움 문자가 있습니다"},
	whyB64Extra:       {"base64 text ends one character after a whole group: a character is missing or extra", "base64 텍스트가 온전한 묶음 뒤 한 글자에서 끝납니다: 글자가 하나 빠졌거나 남습니다"},
	whyB64Invalid:     {"not valid base64 here", "이 자리의 base64가 올바르지 않습니다"},
	whyB64Char:        {"%[4]s is not a base64 character", "%[4]s은(는) base64 문자가 아닙니다"},
}

// why is kind k with its numbers.
func why(k whyKind, n ...int) Why {
	w := Why{kind: k}
	copy(w.n[:], n)
	return w
}

// whyQuoting is kind k quoting s, a piece of the input.
func whyQuoting(k whyKind, s string) Why { return Why{kind: k, s: s} }

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
	return wording.Format(whyTexts[w.kind].In(ko), w.n, [2]string{w.s})
}
