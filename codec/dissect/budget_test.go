package dissect

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/internal/hostile"
)

// treeAllocPerByte bounds what one frame's dissection allocates per byte
// of the frame, plus treeFixed: a tree has at most a few nodes a byte, and
// nesting stops at MaxDepth.
const (
	treeAllocPerByte = 64
	treeFixed        = 256 << 10
)

// Deep tunnels, recursive quotes and long chains of extension headers
// dissect as far as the depth limit goes, say where they stopped, and cost
// in proportion to the frame.
func TestBudgetNesting(t *testing.T) {
	cases := []struct {
		name  string
		data  []byte
		layer Layer
	}{
		{"IP in IP, 2,000 deep", hostile.NestedIPinIP(2000), LayerIPv4},
		{"errors quoting errors, 1,000 deep", hostile.NestedErrors(1000), LayerIPv4},
		{"4,000 destination options headers", hostile.LongOptionChain(4000), LayerIPv6},
	}
	for _, c := range cases {
		var f *Frame
		u := hostile.Measure(func() { f = Dissect(c.data, c.layer, Options{}) })
		t.Logf("%s: %d bytes, %d layers, allocated %d, %v", c.name, len(c.data), len(f.Layers), u.Allocated, u.Elapsed)
		require.NotEmpty(t, f.Root, c.name)
		assert.Less(t, u.Allocated, uint64(treeFixed+treeAllocPerByte*len(c.data)), c.name)
		// The tree is bounded by the depth limit, not by the input.
		depth := 0
		var walk func(ns []*Node, d int)
		walk = func(ns []*Node, d int) {
			depth = max(depth, d)
			for _, n := range ns {
				walk(n.Kids, d+1)
			}
		}
		walk(f.Root, 1)
		assert.Less(t, depth, 8*DefaultMaxDepth+16, c.name)
	}
}
