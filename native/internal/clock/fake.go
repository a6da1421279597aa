package clock

import (
	"sort"
	"sync"
	"time"
)

// Fake is a clock whose time moves only when told (Advance, AdvanceTo,
// Step). Timers due are fired in time order, each with the clock set to its
// due time, from the goroutine that moves the time. It is a small discrete
// event simulator: a test schedules the world's answers with AfterFunc and
// steps from one event to the next.
type Fake struct {
	mu     sync.Mutex
	now    time.Time
	seq    uint64 // orders timers due at the same instant by creation
	timers []*fakeTimer
	armed  chan struct{}
}

// NewFake starts a fake clock at start.
func NewFake(start time.Time) *Fake {
	return &Fake{now: start, armed: make(chan struct{}, 1)}
}

// Now is the fake time.
func (f *Fake) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

// NewTimer starts a channel timer.
func (f *Fake) NewTimer(d time.Duration) Timer {
	t := &fakeTimer{clk: f, c: make(chan time.Time, 1)}
	f.mu.Lock()
	f.schedule(t, f.now.Add(d))
	f.mu.Unlock()
	return t
}

// AfterFunc starts a timer that calls fn when the time reaches now+d.
func (f *Fake) AfterFunc(d time.Duration, fn func()) Timer {
	t := &fakeTimer{clk: f, fn: fn}
	t.Reset(d)
	return t
}

// Armed is signalled (without blocking, so at most one is pending) each
// time a channel timer is Reset (not when it is created): the engines reset
// their timer right before they wait on it, so this tells a driver that the
// engine has done all it can at the present time and the clock may move on.
func (f *Fake) Armed() <-chan struct{} { return f.armed }

// Next is the due time of the earliest pending timer.
func (f *Fake) Next() (time.Time, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.timers) == 0 {
		return time.Time{}, false
	}
	return f.timers[0].when, true
}

// Advance moves the time on by d, firing what falls due.
func (f *Fake) Advance(d time.Duration) { f.AdvanceTo(f.Now().Add(d)) }

// AdvanceTo moves the time to t (never backwards), firing every timer due
// by then in order, each with the clock at its due time.
func (f *Fake) AdvanceTo(t time.Time) {
	for {
		f.mu.Lock()
		if len(f.timers) == 0 || f.timers[0].when.After(t) {
			if t.After(f.now) {
				f.now = t
			}
			f.mu.Unlock()
			return
		}
		tm := f.timers[0]
		f.timers = f.timers[1:]
		tm.pending = false
		if tm.when.After(f.now) {
			f.now = tm.when
		}
		now := f.now
		f.mu.Unlock()
		tm.fire(now)
	}
}

// Step moves the time to the earliest pending timer and fires every timer
// due then; it reports false when none is pending.
func (f *Fake) Step() bool {
	at, ok := f.Next()
	if ok {
		f.AdvanceTo(at)
	}
	return ok
}

// schedule (re)inserts t at when, keeping the queue sorted; f.mu is held.
func (f *Fake) schedule(t *fakeTimer, when time.Time) {
	f.unschedule(t)
	f.seq++
	t.when, t.seq, t.pending = when, f.seq, true
	i := sort.Search(len(f.timers), func(i int) bool {
		o := f.timers[i]
		return o.when.After(when) || o.when.Equal(when) && o.seq > t.seq
	})
	f.timers = append(f.timers, nil)
	copy(f.timers[i+1:], f.timers[i:])
	f.timers[i] = t
}

// unschedule removes t from the queue and reports whether it was there;
// f.mu is held.
func (f *Fake) unschedule(t *fakeTimer) bool {
	if !t.pending {
		return false
	}
	for i, o := range f.timers {
		if o == t {
			f.timers = append(f.timers[:i], f.timers[i+1:]...)
			break
		}
	}
	t.pending = false
	return true
}

// fakeTimer is one timer of a Fake.
type fakeTimer struct {
	clk     *Fake
	c       chan time.Time // channel timers
	fn      func()         // AfterFunc timers
	when    time.Time
	seq     uint64
	pending bool
}

func (t *fakeTimer) C() <-chan time.Time { return t.c }

func (t *fakeTimer) Reset(d time.Duration) bool {
	f := t.clk
	f.mu.Lock()
	was := t.pending
	t.drain()
	f.schedule(t, f.now.Add(d))
	f.mu.Unlock()
	if t.c != nil {
		select {
		case f.armed <- struct{}{}:
		default:
		}
	}
	return was
}

func (t *fakeTimer) Stop() bool {
	f := t.clk
	f.mu.Lock()
	defer f.mu.Unlock()
	t.drain()
	return f.unschedule(t)
}

// drain drops a value fired but not received, as Go 1.23 timers do.
func (t *fakeTimer) drain() {
	if t.c == nil {
		return
	}
	select {
	case <-t.c:
	default:
	}
}

func (t *fakeTimer) fire(now time.Time) {
	if t.fn != nil {
		t.fn()
		return
	}
	select {
	case t.c <- now:
	default:
	}
}
