package filter

import (
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
)

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// TestErrorKindsKorean: every kind of message and hint the compiler can
// give is reached by one of these expressions, and each error reads in
// Korean (Hangul, no English template left) at the same column as in
// English.
func TestErrorKindsKorean(t *testing.T) {
	exprs := []string{
		strings.Repeat("x", maxExprLen+1), "", "  ", `ip.src == "1`, "icmp.type = 1", "icmp & ip", "icmp | ip",
		"icmp ~= 1", "icmp.type == 8 && é", strings.Repeat("(", maxDepth+2) + "icmp", "(icmp", "&& icmp", "icmp.tpye == 3",
		"xyzzy", "icmp == 1", "icmp in {1}", "icmp.type == 1..5", "ip.src > 10.0.0.0/8", "frame matches \"x\"",
		"icmp.type in 5", "icmp.type in {}", "icmp.type in {1", "icmp.type ==", "icmp.type == )", "ip.src == ip.dst",
		"icmp.type == x", "icmp.type in {5..1}", "eth.src == 1", "ip.src == 1.2.3.4/40", "ip.src == fe80::1%eth0",
		"icmp ip", "icmp)", `icmp "x"`,
	}
	seen := map[msgKind]bool{}
	for _, e := range exprs {
		_, err := Compile(e)
		var fe *Error
		require.ErrorAs(t, err, &fe, "%q must not compile", e)
		require.NotEqual(t, msgNone, fe.msg.kind, "%q: the error has a kind", e)
		seen[fe.msg.kind] = true
		en, ko := fe.In(dissect.LangEN), fe.In(dissect.LangKO)
		assert.Equal(t, fe.Error(), en, e)
		assert.Equal(t, fe.Msg, fe.Reason(dissect.LangEN), e)
		assert.True(t, hasHangul(fe.Reason(dissect.LangKO)), "%q: Korean reason %q", e, fe.Reason(dissect.LangKO))
		assert.NotContains(t, ko, "column", e)
		assert.Contains(t, ko, "("+strconv.Itoa(fe.Column())+"번째 글자)", "%q: the same column in Korean", e)
		if fe.hint.kind != msgNone {
			seen[fe.hint.kind] = true
			assert.Equal(t, fe.Hint, fe.HintIn(dissect.LangEN), e)
			h := fe.HintIn(dissect.LangKO)
			assert.NotEqual(t, fe.Hint, h, "%q: the hint is worded in Korean", e)
			assert.Contains(t, ko, h, e)
		} else {
			assert.Empty(t, fe.HintIn(dissect.LangKO), e)
		}
	}
	for k := msgNone + 1; k < msgKinds; k++ {
		assert.True(t, seen[k], "message kind %d is never produced by the expressions here", k)
		assert.True(t, hasHangul(msgTexts[k].ko), "kind %d: Korean template %q", k, msgTexts[k].ko)
		assert.NotEmpty(t, msgTexts[k].en, "kind %d", k)
	}
	// The words inside messages, in every form they take.
	for _, k := range []kind{kindNone, kindNum, kindAddr, kindMAC} {
		assert.True(t, hasHangul(kindWord(k).in(dissect.LangKO)), "kind %v", k)
	}
	for n := notInteger; n <= notValue; n++ {
		assert.True(t, hasHangul(n.in(dissect.LangKO)), "notA %d", n)
		assert.NotEqual(t, n.in(dissect.LangEN), n.in(dissect.LangKO))
	}
	assert.True(t, hasHangul(tokenWord{kind: tokEOF}.in(dissect.LangKO)))
	assert.True(t, hasHangul(tokenWord{kind: tokString, text: "x"}.in(dissect.LangKO)))
}
