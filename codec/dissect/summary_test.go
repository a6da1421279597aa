package dissect

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/internal/hostile"
)

// The fast path's summary line allocates nothing in either language: the
// Korean words are a table, not a second path, and choosing them must not
// move the ICMPInfo the fast path keeps on its stack to the heap (a func
// field in the table did, one allocation a line).
func TestQuickLineAllocatesNothing(t *testing.T) {
	first := time.Unix(0, 0)
	buf := make([]byte, 0, 1024)
	for _, l := range []Lang{LangEN, LangKO} {
		for i := range 64 {
			data := hostile.Everyday(i)
			opt := Options{Number: i + 1, Time: time.Unix(int64(i), 0), Lang: l}
			_, ok := AppendQuickLine(buf[:0], data, LayerIP, opt, first)
			require.True(t, ok, "frame %d takes the quick path", i+1)
			allocs := testing.AllocsPerRun(20, func() {
				buf, _ = AppendQuickLine(buf[:0], data, LayerIP, opt, first)
			})
			require.Zero(t, allocs, "%s frame %d: %s", l, i+1, buf)
		}
	}
}

// Every word of the Korean summary table has Hangul, and the English one
// none: a word left untranslated, or pasted into the wrong column, shows.
// The interface's opening is only a bracket in both: the role codec names
// after it (InterfaceRole.KO) is its words.
func TestSummaryWordsTable(t *testing.T) {
	words := func(w *summaryWords) []string {
		role := codec.RoleIncoming.String()
		if w.registryKO {
			role = codec.RoleIncoming.KO()
		}
		return []string{w.code, w.target, w.gateway, w.quotes, w.mplsLabel, w.iface + role, w.probingName, w.probingIndex, w.badChecksum}
	}
	for _, s := range words(LangKO.summaryWords()) {
		require.True(t, hasHangul(s), "%q has no Hangul", s)
	}
	for _, s := range words(LangEN.summaryWords()) {
		require.False(t, hasHangul(s), "%q", s)
	}
	require.Same(t, LangEN.summaryWords(), Lang(200).summaryWords(), "an unknown Lang writes English")
}
