// Package live is `icmplab trace --live`: a terminal view of rounds run by
// native/trace (the same engine, probe table, sockets and statistics as the
// one-shot trace and --report; this package only draws and passes keys on).
//
// It is drawn with tcell, the terminal layer under tview and many other
// terminal programs: it restores the terminal in Fini (called here on every
// exit path, a panic included), reports resizes as events, and one table
// with a help line needs no widget framework on top of it.
//
// It may import native/trace and tcell, never the sockets directly.
package live

import (
	"context"
	"errors"
	"net/netip"
	"sync"

	"github.com/gdamore/tcell/v2"

	"icmplab/native/trace"
)

// Options says what the view starts with.
type Options struct {
	Cfg   *trace.Config
	Names *trace.Resolver // looks names up; shown while Names is on
	// ShowNames starts with names shown (off with -n); Ext starts with
	// extensions shown (-e). Both toggle with keys.
	ShowNames bool
	Ext       bool
}

// Keys, as the help line names them.
const (
	keyQuit  = 'q'
	keyPause = 'p'
	keyReset = 'r'
	keyNames = 'n'
	keyExt   = 'e'
)

// helpLine is the last line of the view.
const helpLine = "q quit  p pause/resume  r reset statistics  n names/numbers  e extensions  ~ path changed"

// Run shows rounds of tr on screen until q, Ctrl-C or ctx's end, and
// returns the last snapshot. The terminal is restored before Run returns,
// whatever ends it.
func Run(ctx context.Context, screen tcell.Screen, tr *trace.Tracer, opt Options) (trace.Snapshot, error) {
	if err := screen.Init(); err != nil {
		tr.Close()
		return trace.Snapshot{}, err
	}
	var once sync.Once
	fini := func() { once.Do(screen.Fini) }
	defer fini()
	defer func() {
		if r := recover(); r != nil {
			fini() // the terminal first, then the panic
			panic(r)
		}
	}()
	screen.HideCursor()

	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ctrl := make(chan trace.Control, 8)
	snaps := make(chan trace.Snapshot, 1)
	type result struct {
		s   trace.Snapshot
		err error
	}
	done := make(chan result, 1)
	onReply := func(netip.Addr) {}
	if opt.Names != nil {
		onReply = opt.Names.Start
	}
	go func() {
		s, err := tr.RunRounds(ctx, ctrl, func(s trace.Snapshot) {
			// The latest snapshot wins: the view draws what is now.
			select {
			case snaps <- s:
			default:
				select {
				case <-snaps:
				default:
				}
				snaps <- s
			}
		}, onReply)
		done <- result{s, err}
	}()

	events := make(chan tcell.Event, 16)
	quitEvents := make(chan struct{})
	go screen.ChannelEvents(events, quitEvents)
	defer close(quitEvents)

	v := &View{Cfg: opt.Cfg, Names: opt.Names, ShowNames: opt.ShowNames, Ext: opt.Ext}
	v.Draw(screen)
	for {
		select {
		case s := <-snaps:
			v.Snap = s
			v.Draw(screen)
		case ev := <-events:
			switch ev := ev.(type) {
			case *tcell.EventResize:
				screen.Sync()
				v.Draw(screen)
			case *tcell.EventKey:
				if !v.key(ev, ctrl) {
					cancel()
					r := <-done
					return r.s, ignoreCanceled(r.err)
				}
				v.Draw(screen)
			}
		case r := <-done:
			return r.s, ignoreCanceled(r.err)
		}
	}
}

// key acts on a key and reports whether the view goes on.
func (v *View) key(ev *tcell.EventKey, ctrl chan<- trace.Control) bool {
	if ev.Key() == tcell.KeyCtrlC || ev.Key() == tcell.KeyEscape {
		return false
	}
	if ev.Key() != tcell.KeyRune {
		return true
	}
	switch ev.Rune() {
	case keyQuit:
		return false
	case keyPause:
		v.Paused = !v.Paused
		if v.Paused {
			ctrl <- trace.Pause
		} else {
			ctrl <- trace.Resume
		}
	case keyReset:
		ctrl <- trace.Reset
	case keyNames:
		v.ShowNames = !v.ShowNames
	case keyExt:
		v.Ext = !v.Ext
	}
	return true
}

func ignoreCanceled(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
