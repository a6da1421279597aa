package codec

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// AppendHex agrees with fmt's zero-padded %x at every width it is used
// with, keeps only the low 4n bits, and appends without allocating.
func TestAppendHex(t *testing.T) {
	for _, v := range []uint64{0, 1, 0xa, 0x86dd, 0xfffff, 0x12345678, 1<<64 - 1} {
		for n := 1; n <= 16; n++ {
			want := fmt.Sprintf("%0*x", n, v)
			want = want[len(want)-n:]
			assert.Equal(t, want, string(AppendHex(nil, v, n)), "v=%#x n=%d", v, n)
		}
	}
	assert.Equal(t, "0x", string(AppendHex([]byte("0x"), 5, 0)))
	assert.Equal(t, "02:00:00:00:00:0a", string(AppendMAC(nil, []byte{2, 0, 0, 0, 0, 0x0a})))
	assert.Equal(t, "", string(AppendMAC(nil, nil)))
	buf := make([]byte, 0, 64)
	assert.Zero(t, testing.AllocsPerRun(100, func() {
		buf = AppendMAC(AppendHex(buf[:0], 0xdead, 4), []byte{1, 2, 3, 4, 5, 6})
	}))
}
