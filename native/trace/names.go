package trace

import (
	"context"
	"net"
	"net/netip"
	"strings"
	"sync"
	"time"
)

// Resolver looks up reverse names concurrently: the engine starts a lookup
// the moment an address first answers, and the printer waits for it only
// until a deadline, so a slow DNS server never holds a line back longer
// than the probe wait.
type Resolver struct {
	mu      sync.Mutex
	entries map[netip.Addr]*nameEntry
	lookup  func(ctx context.Context, addr string) ([]string, error)
	timeout time.Duration
}

type nameEntry struct {
	done chan struct{}
	name string
}

// NewResolver uses the system resolver (/etc/hosts, then DNS); each lookup
// is abandoned after timeout.
func NewResolver(timeout time.Duration) *Resolver {
	return &Resolver{entries: map[netip.Addr]*nameEntry{}, lookup: net.DefaultResolver.LookupAddr, timeout: timeout}
}

// Start begins looking up a, once.
func (r *Resolver) Start(a netip.Addr) {
	if r == nil || !a.IsValid() {
		return
	}
	r.mu.Lock()
	if _, ok := r.entries[a]; ok {
		r.mu.Unlock()
		return
	}
	e := &nameEntry{done: make(chan struct{})}
	r.entries[a] = e
	r.mu.Unlock()
	go func() {
		defer close(e.done)
		ctx, cancel := context.WithTimeout(context.Background(), r.timeout)
		defer cancel()
		names, err := r.lookup(ctx, a.String())
		if err == nil && len(names) > 0 {
			e.name = strings.TrimSuffix(names[0], ".")
		}
	}()
}

// Name returns a's name, waiting at most until deadline; "" when none is
// known by then.
func (r *Resolver) Name(a netip.Addr, deadline time.Time) string {
	if r == nil || !a.IsValid() {
		return ""
	}
	r.Start(a)
	r.mu.Lock()
	e := r.entries[a]
	r.mu.Unlock()
	t := time.NewTimer(max(time.Until(deadline), 0))
	defer t.Stop()
	select {
	case <-e.done:
		return e.name
	case <-t.C:
		return ""
	}
}
