package codec

import (
	"errors"
	"net/netip"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func hasHangulText(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// neutral are the phrases every language writes alike: numbers, names
// and addresses.
var neutral = map[phraseKind]bool{phNumber: true, phAFI: true, phCType: true, phText: true, phAddressPair: true}

// englishWord finds the English words of a want or have left in Korean
// (Korean text keeps English terms capitalized in parentheses, or as
// protocol names, never these lower-case words).
var englishWord = regexp.MustCompile(`\b(bytes?|header|words?|version|option|datagram|record|message|length|sources|extension|address|type|class|more|least)\b`)

// TestPhraseCatalogue: every phrase has English and Korean, the Korean in
// Hangul (the neutral ones aside), both writing the same numbers and words.
func TestPhraseCatalogue(t *testing.T) {
	digits := regexp.MustCompile(`\d+|w\d`)
	for k := phNone + 1; k < phraseKinds; k++ {
		p := Phrase{kind: k, n: [3]int{101, 102, 103}, s: [2]string{"w1", "w2"}}
		en, ko := p.String(), p.KO()
		tx := phraseTexts[k]
		require.NotEmpty(t, tx.In(false), "phrase %d has no English", k)
		require.NotEmpty(t, tx.In(true), "phrase %d has no Korean", k)
		assert.NotContains(t, en+ko, "%!", "phrase %d: %q / %q", k, en, ko)
		if !neutral[k] {
			assert.True(t, hasHangulText(ko), "phrase %d: Korean %q", k, ko)
			assert.NotRegexp(t, englishWord, ko, "phrase %d: English left in %q", k, ko)
		}
		// The arguments each writes: what is not in its template.
		args := func(tmpl, out string) []string {
			for _, d := range regexp.MustCompile(`\d+`).FindAllString(regexp.MustCompile(`%(\[\d+\])?[ds]`).ReplaceAllString(tmpl, ""), -1) {
				out = strings.Replace(out, d, "", 1)
			}
			return digits.FindAllString(out, -1)
		}
		if k == phNDPMessageHeader {
			// The message's name, from the registry in each language.
			assert.Equal(t, "101 bytes w1 header", en)
			assert.Equal(t, "101바이트 w2 헤더", ko)
			continue
		}
		assert.ElementsMatch(t, args(tx.In(false), en), args(tx.In(true), ko), "phrase %d: %q / %q", k, en, ko)
	}
	assert.True(t, Phrase{}.IsZero())
	assert.Empty(t, Phrase{}.String()+Phrase{}.KO())
}

// TestParseErrorsKorean walks the faults the codec finds in the fixtures
// cut at every length and with bytes overwritten, through every parser a
// dissector calls: each error reads in Korean (no English want or have
// left), while its English text is the one Error has always written.
func TestParseErrorsKorean(t *testing.T) {
	met := map[phraseKind]bool{}
	n := 0
	check := func(where string, err error) {
		var pe *ParseError
		if !errors.As(err, &pe) {
			return
		}
		n++
		met[pe.Want.kind], met[pe.Have.kind] = true, true
		ko := pe.KO()
		require.True(t, hasHangulText(ko), "%s: %q", where, ko)
		// The sentinel keeps its English beside the Korean; what was
		// expected and found is Korean only.
		assert.NotRegexp(t, englishWord, pe.Want.KO()+" "+pe.Have.KO()+" "+layerKO(pe.Layer), "%s: English left in %q (%v)", where, ko, err)
		assert.True(t, strings.HasPrefix(pe.Error(), pe.Layer+": "+pe.Err.Error()+" at byte "), "%s: %q", where, pe.Error())
		if !pe.Want.IsZero() {
			assert.Contains(t, pe.Error(), ": want "+pe.Want.String(), where)
			assert.Contains(t, ko, pe.Want.KO(), where)
		}
	}
	walk := func(where string, b []byte) {
		p, err := DecodeIP(b)
		check(where+" ip", err)
		if !p.HasICMP {
			return
		}
		m := p.ICMP
		_, err = m.QuotedFlow()
		check(where+" quote", err)
		if e, ok := m.Error(); ok {
			_, err = QuotedFlow(e.Quote)
			check(where+" quoted flow", err)
			it := e.Ext.Objects()
			for it.Next() {
				o := it.Object()
				_, err = o.InterfaceInfo()
				check(where+" iface info", err)
				_, err = o.InterfaceIdent()
				check(where+" iface ident", err)
			}
			check(where+" objects", it.Err())
		}
		nd, ok := m.NDP()
		if !ok {
			return
		}
		it := nd.Options()
		for it.Next() {
			o := it.Option()
			for _, f := range []func() error{
				func() error { _, err := o.LinkAddr(); return err },
				func() error { _, err := o.PrefixInfo(); return err },
				func() error { _, err := o.MTU(); return err },
				func() error { _, err := o.RedirectedHeader(); return err },
				func() error { _, err := o.Nonce(); return err },
				func() error { _, err := o.RouteInfo(); return err },
				func() error { _, err := o.RDNSS(); return err },
				func() error { _, err := o.DNSSL(); return err },
			} {
				check(where+" option", f())
			}
		}
		check(where+" options", it.Err())
	}
	for _, f := range fixtures {
		for cut := 0; cut <= len(f.ip); cut++ {
			walk(f.name, f.ip[:cut])
		}
		for i := 0; i < len(f.ip) && i < 96; i++ {
			for _, v := range []byte{0x00, 0x01, 0x0f, 0x45, 0x60, 0xff} {
				c := append([]byte(nil), f.ip...)
				c[i] = v
				walk(f.name, c)
			}
		}
	}
	_, err := Parse(Family(5), []byte{8, 0, 0, 0}, netip.Addr{}, netip.Addr{})
	check("family", err)
	t.Logf("%d errors, %d phrase kinds of %d met", n, len(met), phraseKinds-1)
	assert.Greater(t, len(met), 20, "the walk met too few kinds of fault to mean anything")
}
