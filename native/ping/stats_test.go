package ping

import (
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// llsqrtRef is iputils' llsqrt written the way ping_common.c has it, to
// hold isqrt to it over a range that includes every swing just below a
// perfect square.
func llsqrtRef(a int64) int64 {
	prev := int64(math.MaxInt64)
	x := a
	if x > 0 {
		for x < prev {
			prev = x
			x = (x + a/x) / 2
		}
	}
	return x
}

func TestIsqrtIsIputilsLlsqrt(t *testing.T) {
	for v := int64(-3); v < 200000; v++ {
		want := max(llsqrtRef(v), 0)
		require.Equal(t, want, isqrt(v), "isqrt(%d)", v)
	}
	// Just below a perfect square the iteration swings and llsqrt returns
	// one more than the floor: iputils prints that.
	assert.Equal(t, int64(2), isqrt(3))
	assert.Equal(t, int64(3), isqrt(8))
	assert.Equal(t, int64(3), isqrt(9))
	assert.Equal(t, int64(1<<20), isqrt(1<<40))
}

func statsOf(us ...int64) Stats {
	var s Stats
	for _, u := range us {
		s.Add(time.Duration(u) * time.Microsecond)
	}
	return s
}

// TestIputilsMdev holds the text summary's figures to iputils 20221126's
// integer arithmetic: (Σx² - (Σx)²/n) / n, then llsqrt.
func TestIputilsMdev(t *testing.T) {
	for _, c := range []struct {
		us        []int64
		avg, mdev int64
	}{
		// The case: 0.086/0.088/0.092 ms. Σx = 266, Σx² = 23604;
		// (23604 - 70756/3) / 3 = (23604 - 23585) / 3 = 6; llsqrt(6) = 2.
		{[]int64{86, 88, 92}, 88, 2},
		{[]int64{37, 68}, 52, 15}, // iputils on loopback: 0.037/0.052/0.068/0.015
		{[]int64{42}, 42, 0},
		{[]int64{100, 100, 100, 100}, 100, 0},
		// Ten replies: Σx = 1000, Σx² = 100158; (100158 - 100000) / 10 = 15;
		// llsqrt(15) = 4 (the floor would be 3).
		{[]int64{95, 105, 98, 102, 100, 100, 93, 107, 99, 101}, 100, 4},
	} {
		avg, mdev := statsOf(c.us...).IputilsAvgMdevUS()
		assert.Equal(t, c.avg, avg, "avg of %v", c.us)
		assert.Equal(t, c.mdev, mdev, "mdev of %v", c.us)
	}
	// Past INT_MAX microseconds of sum iputils falls back to Σx²/n - avg².
	big := statsOf(3_000_000_000, 3_000_000_000)
	_, mdev := big.IputilsAvgMdevUS()
	assert.Equal(t, int64(0), mdev)
}
