package serve_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec/dissect"
	"icmplab/codec/filter"
)

// In Korean, the filter box speaks Korean: a bad expression's reason and
// hint are codec/filter's Korean words, and the completion describes each
// field in Korean.
func TestBrowserFilterBoxKorean(t *testing.T) {
	b := newBrowser(t)
	b.open(t, "#lang=ko")
	b.run(t, "Korean page", chromedp.Poll(`document.body.dataset.lang === 'ko'`, nil, chromedp.WithPollingTimeout(20*time.Second)))
	b.openTraceroute(t)

	bad := "icmp.typ == 11"
	_, err := filter.Compile(bad)
	var fe *filter.Error
	require.ErrorAs(t, err, &fe)
	b.run(t, "type a bad expression",
		chromedp.Evaluate(`(() => { const i = document.getElementById('fexpr'); i.value = `+strconvQuote(bad)+`; i.dispatchEvent(new Event('input')); })()`, nil))
	var msg string
	b.run(t, "error shown", chromedp.Poll(`(() => { const e = document.getElementById('ferr'); return e.hidden ? null : e.querySelector('.ferr-msg').textContent; })()`,
		&msg, chromedp.WithPollingTimeout(10*time.Second)))
	assert.Contains(t, msg, fe.Reason(dissect.LangKO))
	assert.Contains(t, msg, fe.HintIn(dissect.LangKO))
	assert.NotContains(t, msg, fe.Reason(dissect.LangEN))

	var want string
	for _, f := range filter.FieldsIn(dissect.LangKO) {
		if f.Name == "ip.ttl" {
			want = f.Desc
		}
	}
	require.NotEmpty(t, want)
	b.run(t, "type a prefix", chromedp.Evaluate(`(() => { const i = document.getElementById('fexpr'); i.focus(); i.value = 'ip.tt'; i.setSelectionRange(5, 5); i.dispatchEvent(new Event('input')); })()`, nil))
	var descs map[string]string
	b.run(t, "suggestions", chromedp.Poll(`(() => { const u = document.getElementById('fsuggest'); if (u.hidden) return null;
		return Object.fromEntries([...u.querySelectorAll('li')].map(l => [l.dataset.name, l.querySelector('.muted').textContent])); })()`,
		&descs, chromedp.WithPollingTimeout(10*time.Second)))
	assert.Equal(t, want, descs["ip.ttl"], "the completion describes ip.ttl in Korean")
	b.noProblems(t)
}
