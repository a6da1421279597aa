package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestCodecNamesKorean: every name codec gives besides the ICMP registry's
// (NDP options, IP protocols, extension object classes, interface roles)
// has a Korean one in Hangul, unless it is an acronym Korean writes as it
// is; the fallbacks for numbers codec does not list keep the number in
// both languages.
func TestCodecNamesKorean(t *testing.T) {
	for typ, n := range ndpOptionNames {
		assert.True(t, hasHangul(n.ko), "NDP option %d %q: Korean %q", typ, n.en, n.ko)
		assert.Equal(t, n.ko, typ.KO())
		assert.Equal(t, n.en, typ.String())
	}
	assert.Equal(t, "프리픽스 정보 (Prefix information)", NDPPrefixInfo.KO())
	assert.Equal(t, "Unknown option 7", NDPOptionType(7).String())
	assert.Equal(t, "알 수 없는 옵션 7", NDPOptionType(7).KO())

	for p, n := range protoNames {
		if n.en != n.ko {
			assert.True(t, hasHangul(n.ko), "protocol %d %q: Korean %q", p, n.en, n.ko)
		}
		ko, ok := ProtoNameKO(p)
		assert.True(t, ok)
		assert.Equal(t, n.ko, ko)
	}
	ko, ok := ProtoNameKO(88)
	assert.False(t, ok)
	assert.Equal(t, "알 수 없음", ko)
	assert.Equal(t, "IPv6 조각 (Fragment)", must(ProtoNameKO(ProtoFragment)))
	assert.Equal(t, "Unknown (88)", ProtoString(88))

	for c, n := range extClassNames {
		assert.True(t, hasHangul(n.ko), "class %d %q: Korean %q", c, n.en, n.ko)
		assert.Equal(t, n.ko, c.KO())
	}
	assert.Equal(t, "Unknown class 9", ExtClass(9).String())
	assert.Equal(t, "알 수 없는 클래스 9", ExtClass(9).KO())

	for r := InterfaceRole(0); r < 4; r++ {
		assert.True(t, hasHangul(r.KO()), "role %d %q: Korean %q", r, r.String(), r.KO())
		assert.Contains(t, r.KO(), "("+r.String(), "the role's English is kept beside its Korean")
	}
	assert.Equal(t, "역할 5", InterfaceRole(5).KO())
}

func must(s string, _ bool) string { return s }
