package codec

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRegistryKoreanNames: every type and code of the registry has a Korean
// name beside its English one, written in Hangul (an English term a Korean
// textbook keeps may follow in parentheses, never stand alone).
func TestRegistryKoreanNames(t *testing.T) {
	n := 0
	for _, f := range []Family{IPv4, IPv6} {
		for _, ti := range Types(f) {
			n++
			assert.True(t, hasHangul(ti.NameKO), "%v type %d %q: Korean name %q", f, ti.Type, ti.Name, ti.NameKO)
			assert.Equal(t, ti.NameKO, TypeNameKO(f, ti.Type))
			for _, ci := range ti.Codes {
				n++
				assert.True(t, hasHangul(ci.NameKO), "%v type %d code %d %q: Korean name %q", f, ti.Type, ci.Code, ci.Name, ci.NameKO)
				assert.Equal(t, ci.NameKO, CodeNameKO(f, ti.Type, ci.Code))
			}
		}
	}
	assert.Greater(t, n, 150, "the registry walk found too few entries to mean anything")
	// Issue 14's example, and the fallbacks that never hide the number.
	assert.Equal(t, "목적지 도달 불가능", TypeNameKO(IPv4, ICMPv4DestinationUnreachable))
	assert.Equal(t, "포트 도달 불가능", CodeNameKO(IPv4, ICMPv4DestinationUnreachable, CodePortUnreachable))
	assert.Equal(t, "경로 재지정 (Redirect)", TypeNameKO(IPv4, ICMPv4Redirect))
	assert.Equal(t, "미할당 (7)", TypeNameKO(IPv4, 7))
	assert.Equal(t, "코드 99", CodeNameKO(IPv4, ICMPv4DestinationUnreachable, 99))
	ti, ok := LookupType(IPv6, 170)
	assert.False(t, ok)
	assert.Equal(t, "미할당 (170)", ti.NameKO)
}
