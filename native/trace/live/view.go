package live

import (
	"fmt"
	"net/netip"
	"strings"
	"time"

	"github.com/gdamore/tcell/v2"

	"icmplab/native/trace"
)

// View is what the screen shows: the latest snapshot and the toggles.
type View struct {
	Cfg       *trace.Config
	Names     *trace.Resolver
	Snap      trace.Snapshot
	ShowNames bool
	Ext       bool
	Paused    bool
}

// Column layout: the fixed columns after the host, each right-aligned in
// its width, and the sparkline's blocks from the lowest to the highest.
const (
	hopWidth     = 5 // "  12."
	minHostWidth = 20
	maxHostWidth = 40
	statsHeader  = "  Loss%   Snt   Last    Avg   Best   Wrst  StDev   Jttr   Javg   Jmax"
	lostMark     = '.'
	changedMark  = " ~"
)

var sparkBlocks = []rune("▁▂▃▄▅▆▇█")

var (
	styleTitle  = tcell.StyleDefault.Bold(true)
	styleHeader = tcell.StyleDefault.Underline(true)
	styleLoss   = tcell.StyleDefault.Foreground(tcell.ColorRed)
	styleDim    = tcell.StyleDefault.Dim(true)
	styleHelp   = tcell.StyleDefault.Reverse(true)
)

// put writes s at (x, y) and returns the column after it, clipped to w.
func put(s tcell.Screen, x, y, w int, str string, st tcell.Style) int {
	for _, r := range str {
		if x >= w {
			break
		}
		s.SetContent(x, y, r, nil, st)
		x++
	}
	return x
}

// Draw paints the whole view.
func (v *View) Draw(s tcell.Screen) {
	s.Clear()
	w, h := s.Size()
	snap := v.Snap
	name := v.Cfg.Name
	if name == "" {
		name = v.Cfg.Target.String()
	}
	title := fmt.Sprintf("icmplab trace to %s (%s), %s, round %d, every %v", name, v.Cfg.Target, v.Cfg.Method, snap.Round, v.Cfg.Interval)
	if v.Cfg.Paris {
		title += ", Paris"
	}
	if v.Paused || snap.Paused {
		title += "  [paused]"
	}
	put(s, 0, 0, w, title, styleTitle)

	hostW := min(max(minHostWidth, w-hopWidth-1-len(statsHeader)-2-20), maxHostWidth)
	histX := hopWidth + 1 + hostW + len(statsHeader) + 2
	header := fmt.Sprintf("%*s %-*s%s", hopWidth, "Hop", hostW, "Host", statsHeader)
	if histX < w {
		header += "  History"
	}
	put(s, 0, 1, w, header, styleHeader)

	y := 2
	for _, hop := range snap.Hops {
		if y >= h-1 {
			break
		}
		st := &hop.Stats
		host := "???"
		var latest netip.Addr
		if len(st.Addrs) > 0 {
			latest = st.Addrs[0].Addr
			host = v.label(latest)
		}
		if st.PathChanges > 0 {
			host += changedMark
		}
		if len(host) > hostW {
			host = host[:hostW]
		}
		line := fmt.Sprintf("%*s %-*s%s", hopWidth, fmt.Sprintf("%d.", hop.TTL), hostW, host, statsCells(st))
		style := tcell.StyleDefault
		if st.LossPercent() > 0 {
			style = styleLoss
		}
		x := put(s, 0, y, w, line, style)
		if histX < w {
			x = put(s, x, y, w, "  ", style)
			put(s, x, y, w, sparkline(st.History, w-x), tcell.StyleDefault)
		}
		y++
		// Every other address the hop answered from (ECMP, a path change).
		for _, a := range st.Addrs[min(1, len(st.Addrs)):] {
			if y >= h-1 {
				break
			}
			put(s, 0, y, w, fmt.Sprintf("%*s   %s (%d)", hopWidth, "", v.label(a.Addr), a.Count), styleDim)
			y++
		}
		if v.Ext && len(st.Ext) > 0 && y < h-1 {
			put(s, 0, y, w, fmt.Sprintf("%*s   <%s>", hopWidth, "", trace.FormatExt(st.Ext)), styleDim)
			y++
		}
	}
	if len(snap.Hops) == 0 && y < h-1 {
		put(s, 0, y, w, "waiting for the first answers...", styleDim)
	}
	help := helpLine
	if len(help) < w {
		help += strings.Repeat(" ", w-len(help))
	}
	put(s, 0, h-1, w, help, styleHelp)
	s.Show()
}

// label is an address as shown: its name when names are on and known.
func (v *View) label(a netip.Addr) string {
	if v.ShowNames && v.Names != nil {
		if n := v.Names.Name(a, time.Time{}); n != "" {
			return n
		}
	}
	return a.String()
}

// statsCells are the figures of a hop, in statsHeader's columns.
func statsCells(st *trace.HopStats) string {
	ms := func(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }
	return fmt.Sprintf("%6.1f%%%6d%7.1f%7.1f%7.1f%7.1f%7.1f%7.1f%7.1f%7.1f",
		st.LossPercent(), st.Sent, ms(st.Last), ms(st.Avg()), ms(st.Best), ms(st.Worst), ms(st.StdDev()),
		ms(st.Jitter), ms(st.JitterAvg()), ms(st.JitterMax))
}

// sparkline draws the last n round trips, scaled to the largest shown; a
// lost probe is a dot.
func sparkline(hist []time.Duration, n int) string {
	if n <= 0 {
		return ""
	}
	if len(hist) > n {
		hist = hist[len(hist)-n:]
	}
	var top time.Duration
	for _, d := range hist {
		top = max(top, d)
	}
	var b strings.Builder
	for _, d := range hist {
		if d == 0 {
			b.WriteRune(lostMark)
			continue
		}
		i := len(sparkBlocks) - 1
		if top > 0 {
			i = int(int64(d) * int64(len(sparkBlocks)-1) / int64(top))
		}
		b.WriteRune(sparkBlocks[i])
	}
	return b.String()
}
