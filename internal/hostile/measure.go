package hostile

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"time"
)

// Usage is what a piece of work cost in memory.
type Usage struct {
	// Allocated is every heap byte allocated while it ran (exact: the
	// runtime's /gc/heap/allocs:bytes counter).
	Allocated uint64
	// Peak is the largest heap seen: the heap objects (garbage not yet
	// swept included) sampled every millisecond by another goroutine, and
	// the heap in use after the work (kept results included), with the
	// collector set to keep garbage to about a fifth of the live heap
	// (measureGCPercent). On a single-threaded runtime (wasm) the sampler
	// runs only when the work yields, so there Peak is what the work kept,
	// and the budget rests on Allocated.
	Peak uint64
	// Retained is the live heap after the work and a GC, less the live heap
	// before it: what the work kept.
	Retained int64
	// Elapsed is the wall time: reported, never asserted.
	Elapsed time.Duration
}

var sampleNames = []string{"/gc/heap/allocs:bytes", "/memory/classes/heap/objects:bytes"}

func read() (allocs, live uint64) {
	s := []metrics.Sample{{Name: sampleNames[0]}, {Name: sampleNames[1]}}
	metrics.Read(s)
	return s[0].Value.Uint64(), s[1].Value.Uint64()
}

// Measure runs work and reports its memory. Keep whatever work returns
// reachable inside work (or through a variable the caller reads after
// Measure) to count it in Retained.
func Measure(work func()) Usage {
	// The collector's target is set near the live heap while the work
	// runs: at the default (GOGC=100) the heap may hold as much garbage as
	// live data before a cycle starts, and on a busy machine a cycle ends
	// late, so the peak would measure the collector's pace, not the work.
	defer debug.SetGCPercent(debug.SetGCPercent(measureGCPercent))
	runtime.GC()
	a0, live0 := read()
	var peak uint64
	var mu sync.Mutex
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				_, live := read()
				mu.Lock()
				peak = max(peak, live)
				mu.Unlock()
			}
		}
	}()
	start := time.Now()
	work()
	el := time.Since(start)
	close(stop)
	<-done
	a1, live1 := read()
	runtime.GC()
	_, live2 := read()
	mu.Lock()
	p := max(peak, live1)
	if singleThreaded {
		// The sampler never ran while the work did, and live1 counts all
		// of the work's garbage: what the work kept is the best measure.
		p = max(peak, live2)
	}
	mu.Unlock()
	var u Usage
	u.Allocated, u.Elapsed, u.Retained = a1-a0, el, int64(live2)-int64(live0)
	// Peak counts the work's own heap: what was live before is subtracted.
	if p > live0 {
		u.Peak = p - live0
	}
	return u
}

// measureGCPercent is the GOGC in force while Measure runs its work: a
// cycle starts once the heap has grown by a fifth since the last one.
const measureGCPercent = 20

// singleThreaded is true where no goroutine runs beside the work.
var singleThreaded = runtime.GOARCH == "wasm"

// MiB is a mebibyte, for budgets written as 64 * hostile.MiB.
const MiB = 1 << 20

// Allocated runs work and returns the heap bytes it allocated: cheap enough
// for every input of a fuzz target.
func Allocated(work func()) uint64 {
	a0, _ := read()
	work()
	a1, _ := read()
	return a1 - a0
}

// AllocatedRetried is Allocated, run again (up to tries runs in all) while
// ok refuses what it measured; it returns the least measured. The runtime
// counts the allocations of every goroutine, and a fuzz worker's own
// goroutines allocate beside the work now and then: an excess the work
// causes repeats on every run, one a neighbour causes does not.
func AllocatedRetried(tries int, work func(), ok func(allocated uint64) bool) uint64 {
	least := Allocated(work)
	for range tries - 1 {
		if ok(least) {
			break
		}
		least = min(least, Allocated(work))
	}
	return least
}
