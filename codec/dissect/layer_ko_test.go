package dissect

import (
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
)

// TestLayerTitleKO: the start layers a Korean page lists are written in
// Korean where Korean has a word for them, and keep their names otherwise.
func TestLayerTitleKO(t *testing.T) {
	hangul := func(s string) bool {
		for _, r := range s {
			if unicode.Is(unicode.Hangul, r) {
				return true
			}
		}
		return false
	}
	for _, l := range []Layer{LayerEthernet, LayerNull, LayerLoop, LayerFrameRelay, LayerIPoIB, LayerData} {
		assert.True(t, hangul(l.TitleKO()), "%s: %q", l, l.TitleKO())
	}
	for _, l := range []Layer{LayerSLL, LayerPPP, LayerIPv4, LayerICMPv6, LayerIPNet, LayerARCNET} {
		assert.Equal(t, l.Title(), l.TitleKO(), "%s keeps its name", l)
	}
	assert.Equal(t, "이더넷", LayerEthernet.TitleKO())
	assert.Equal(t, "layer(200)", Layer(200).TitleKO())
}
