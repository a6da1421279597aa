package clock

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var t0 = time.Unix(1_000_000, 0)

func TestFakeFiresInOrderAtTheirTimes(t *testing.T) {
	c := NewFake(t0)
	var got []string
	at := func(name string) func() {
		return func() { got = append(got, name+"@"+c.Now().Sub(t0).String()) }
	}
	c.AfterFunc(30*time.Millisecond, at("c"))
	c.AfterFunc(10*time.Millisecond, at("a"))
	b := c.AfterFunc(20*time.Millisecond, at("b"))
	c.AfterFunc(10*time.Millisecond, at("a2")) // same instant: creation order
	stopped := c.AfterFunc(15*time.Millisecond, at("never"))
	require.True(t, stopped.Stop())
	require.False(t, stopped.Stop(), "second stop")

	c.Advance(25 * time.Millisecond)
	assert.Equal(t, []string{"a@10ms", "a2@10ms", "b@20ms"}, got)
	assert.Equal(t, 25*time.Millisecond, c.Now().Sub(t0))
	assert.False(t, b.Reset(time.Millisecond), "b had fired")

	next, ok := c.Next()
	require.True(t, ok)
	assert.Equal(t, 26*time.Millisecond, next.Sub(t0))
	require.True(t, c.Step())
	require.True(t, c.Step())
	assert.False(t, c.Step())
	assert.Equal(t, []string{"a@10ms", "a2@10ms", "b@20ms", "b@26ms", "c@30ms"}, got)
}

func TestFakeChannelTimer(t *testing.T) {
	c := NewFake(t0)
	tm := c.NewTimer(time.Second)
	select {
	case <-c.Armed():
		t.Fatal("creating a timer is not arming it")
	default:
	}
	c.Advance(999 * time.Millisecond)
	select {
	case <-tm.C():
		t.Fatal("fired early")
	default:
	}
	c.Advance(time.Millisecond)
	assert.Equal(t, t0.Add(time.Second), <-tm.C())

	// A value fired and not received is dropped by Reset, as Go's timers do.
	tm.Reset(time.Millisecond)
	<-c.Armed()
	c.Advance(time.Millisecond)
	tm.Reset(time.Hour)
	select {
	case v := <-tm.C():
		t.Fatalf("stale value %v after Reset", v)
	default:
	}
	assert.True(t, tm.Stop())
	_, ok := c.Next()
	assert.False(t, ok)

	c.AdvanceTo(t0) // never backwards
	assert.Equal(t, t0.Add(time.Second+time.Millisecond), c.Now())
}

func TestRealIsTheWallClock(t *testing.T) {
	before := time.Now()
	now := Or(nil).Now()
	assert.False(t, now.Before(before))
	fired := make(chan struct{})
	Real{}.AfterFunc(0, func() { close(fired) })
	<-fired
	tm := Real{}.NewTimer(0)
	<-tm.C()
}
