// Package clock is the time source the probing engines (native/ping,
// native/trace) are handed, in the manner of gVisor's tcpip.Clock: the
// engines never call time.Now or start a timer themselves, so their unit
// tests run on a Fake whose time moves only when the test's simulated world
// says so, and no test depends on the machine's speed.
//
// It may import only the standard library.
package clock

import "time"

// Clock tells the time and starts timers.
type Clock interface {
	Now() time.Time
	// NewTimer starts a timer that sends the time on its channel after d.
	NewTimer(d time.Duration) Timer
	// AfterFunc calls f in its own goroutine (Real) or in the goroutine
	// that moves the time (Fake) once d has passed.
	AfterFunc(d time.Duration, f func()) Timer
}

// Timer is a started timer. Stop and Reset behave as time.Timer's do since
// Go 1.23: after either returns, no stale value is received from C.
type Timer interface {
	// C is the channel a NewTimer timer fires on; nil for AfterFunc ones.
	C() <-chan time.Time
	Reset(d time.Duration) bool
	Stop() bool
}

// Real is the wall clock.
type Real struct{}

// Now is time.Now.
func (Real) Now() time.Time { return time.Now() }

// NewTimer is time.NewTimer.
func (Real) NewTimer(d time.Duration) Timer { return realTimer{time.NewTimer(d)} }

// AfterFunc is time.AfterFunc.
func (Real) AfterFunc(d time.Duration, f func()) Timer { return realTimer{time.AfterFunc(d, f)} }

// realTimer adapts *time.Timer to Timer.
type realTimer struct{ t *time.Timer }

func (r realTimer) C() <-chan time.Time        { return r.t.C }
func (r realTimer) Reset(d time.Duration) bool { return r.t.Reset(d) }
func (r realTimer) Stop() bool                 { return r.t.Stop() }

// Or returns c, or the wall clock when c is nil.
func Or(c Clock) Clock {
	if c == nil {
		return Real{}
	}
	return c
}
