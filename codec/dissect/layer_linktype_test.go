package dissect

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every layer with a link type maps back to itself through LayerForLinkType
// (raw IP of either version to LayerIP, which reads the version nibble);
// the ICMP layers and the pseudo layers have none.
func TestLinkTypeForLayerRoundTrip(t *testing.T) {
	for i := range layerNames {
		l := Layer(i)
		lt, ok := LinkTypeForLayer(l)
		switch l {
		case LayerAuto, LayerICMPv4, LayerICMPv6, LayerData:
			assert.False(t, ok, "%s has no link type", l)
			continue
		}
		if !assert.True(t, ok, "%s", l) {
			continue
		}
		back, ok := LayerForLinkType(lt)
		assert.True(t, ok, "%s: link type %d", l, lt)
		want := l
		if l == LayerIPv4 || l == LayerIPv6 {
			want = LayerIP
		}
		assert.Equal(t, want, back, "%s: link type %d", l, lt)
	}
}
