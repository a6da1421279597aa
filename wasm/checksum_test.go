package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// The page's worked checksums are the codec's, shaped for the page: every
// word and carry carried over, the texts in both languages from the
// catalogue, the pseudo-header labelled.
func TestChecksumViewIsTheCodecs(t *testing.T) {
	res, err := build(BuildSpec{Family: 6, Type: int(codec.ICMPv6EchoRequest), ID: 7, Seq: 1, Data: "odd", Src: "2001:2::1", Dst: "2001:2::2"})
	require.NoError(t, err)
	f := dissect.Dissect(mustHex(t, res.Hex), dissect.LayerIPv6, dissect.Options{})
	worked := dissect.WorkedChecksums(f)
	views := checksumsOf(f)
	require.Len(t, views, len(worked))
	require.NotEmpty(t, views)
	for i, v := range views {
		w := worked[i]
		assert.Equal(t, w.Node.Field, v.Field)
		assert.Equal(t, w.Right, v.Right)
		assert.Equal(t, w.Status == codec.ChecksumGood, v.OK)
		assert.Len(t, v.Words, len(w.Words))
		assert.Len(t, v.Pseudo, len(w.Pseudo))
		assert.Len(t, v.Folds, len(w.Carries))
		assert.NotEmpty(t, v.Label)
		assert.NotEmpty(t, v.How)
		assert.Equal(t, v.Label, v.LabelText.EN)
		assert.NotEmpty(t, v.LabelText.KO)
		assert.NotEmpty(t, v.HowText.KO)
		for _, p := range v.Pseudo {
			assert.NotEmpty(t, p.Label)
			assert.Equal(t, -1, p.Off)
		}
	}
	assert.Equal(t, "icmpv6.checksum", views[0].Field)
	assert.Equal(t, "ICMPv6 checksum", views[0].Label)
	assert.Equal(t, "source address", views[0].Pseudo[0].Label)
	assert.True(t, views[0].Words[len(views[0].Words)-1].Pad, "odd-length message: the last word is padded")
}
